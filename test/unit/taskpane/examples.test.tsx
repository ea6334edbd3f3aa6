/**
 * Each example formula the 函数 tab inserts must be a formula the function accepts: the examples
 * with literal arguments are run through the real custom functions (a range argument such as
 * B2:B11 cannot be evaluated here and is only checked for its shape).
 */
import { readFileSync } from "fs";
import { join } from "path";
import * as functions from "../../../src/functions/functions";
import { FUNCTION_EXAMPLES } from "../../../src/taskpane/functionExamples";

const SOURCE = readFileSync(join(__dirname, "../../../src/functions/functions.ts"), "utf8");

/** custom function id → exported name and which parameters are ranges (any[][]) */
function declarations(): Map<string, { fn: string; matrix: boolean[] }> {
  const out = new Map<string, { fn: string; matrix: boolean[] }>();
  const re = /@customfunction\s+([A-Z_]+)[\s\S]*?export function (\w+)\(([^)]*)\)/g;
  for (const m of SOURCE.matchAll(re)) {
    const params = m[3].split(",").map((p) => p.trim()).filter(Boolean);
    out.set(m[1], { fn: m[2], matrix: params.map((p) => /\[\]\[\]/.test(p)) });
  }
  return out;
}

/** Literal arguments of `=GOV.X(a, "b", 3)`; null when one is a reference. */
function literalArgs(formula: string): unknown[] | null {
  const inner = /^=[A-Z]+\.[A-Z_]+\((.*)\)$/.exec(formula)?.[1] ?? "";
  const args: unknown[] = [];
  for (const raw of inner.match(/"[^"]*"|[^,]+/g) ?? []) {
    const a = raw.trim();
    if (a === "") continue;
    if (a.startsWith("\"")) args.push(a.slice(1, -1));
    else if (/^-?\d+(\.\d+)?$/.test(a)) args.push(Number(a));
    else return null;
  }
  return args;
}

describe("function examples", () => {
  const decl = declarations();
  test("every declared function has one", () => {
    expect([...decl.keys()].sort()).toEqual(Object.keys(FUNCTION_EXAMPLES).sort());
  });

  test.each(Object.entries(FUNCTION_EXAMPLES))("%s: %s is accepted", (id, formula) => {
    const d = decl.get(id);
    expect(d).toBeDefined();
    const args = literalArgs(formula);
    if (args === null) {
      expect(formula).toMatch(/^=GOV\.[A-Z_]+\(([A-Z]+\d+:[A-Z]+\d+|"[^"]*"|[\d.]+)(, ([A-Z]+\d+:[A-Z]+\d+|"[^"]*"|[\d.]+))*\)$/);
      return;
    }
    const fn = (functions as unknown as Record<string, (...a: unknown[]) => unknown>)[d!.fn];
    const result = fn(...args.map((a, i) => (d!.matrix[i] ? [[a]] : a)));
    expect(result).not.toBeInstanceOf(Error);
    expect(result).toBeDefined();
  });
});
