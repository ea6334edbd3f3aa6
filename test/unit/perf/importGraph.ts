/**
 * The static import graph of our sources, read from the files (no build): which packages a
 * module pulls in eagerly. `import type` is erased and `import("…")` is a lazily loaded chunk in
 * webpack, so neither counts.
 */
import * as fs from "fs";
import * as path from "path";

const EXTENSIONS = [".ts", ".tsx", "/index.ts", "/index.tsx", ".js"];

function resolveLocal(from: string, spec: string): string | null {
  const base = path.resolve(path.dirname(from), spec);
  if (fs.existsSync(base) && fs.statSync(base).isFile()) return base;
  for (const ext of EXTENSIONS) if (fs.existsSync(base + ext)) return base + ext;
  return null;
}

/** Static, value-level module specifiers of one file. */
export function staticImports(code: string): string[] {
  const out: string[] = [];
  const re = /^\s*(import|export)\s+(type\s+)?([^;]*?)\s*from\s*["']([^"']+)["']|^\s*import\s+["']([^"']+)["']/gm;
  for (const m of code.matchAll(re)) {
    if (m[5]) {
      out.push(m[5]);
      continue;
    }
    if (m[2]) continue; // import type … / export type …
    // `import { type A, type B } from` is erased too
    const names = /^\{([^}]*)\}$/.exec(m[3].trim());
    if (names && names[1].split(",").every((n) => n.trim() === "" || n.trim().startsWith("type "))) continue;
    out.push(m[4]);
  }
  return out;
}

/** Package name of a bare specifier: "react-dom/client" → "react-dom", "@fluentui/x/y" → "@fluentui/x". */
export function packageOf(spec: string): string {
  const parts = spec.split("/");
  return spec.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0];
}

/** Every package reached eagerly from `entry`, with one import chain that reaches it. */
export function eagerPackages(entry: string): Map<string, string[]> {
  const found = new Map<string, string[]>();
  const seen = new Set<string>();
  const walk = (file: string, chain: string[]) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = fs.readFileSync(file, "utf8");
    for (const spec of staticImports(code)) {
      if (spec.startsWith(".")) {
        const next = resolveLocal(file, spec);
        if (next) walk(next, [...chain, path.relative(process.cwd(), next)]);
      } else {
        const pkg = packageOf(spec);
        if (!found.has(pkg)) found.set(pkg, chain);
      }
    }
  };
  walk(path.resolve(entry), [entry]);
  return found;
}
