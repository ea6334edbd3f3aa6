/**
 * Command-line inputs → the files to check. An input is a file (checked whatever its
 * extension), a folder (searched recursively for spreadsheets: isWorkbookName) or a glob (* ? within a name, ** across
 * folders). Excel's "~$name.xlsx" lock files are skipped: they are not workbooks.
 */
import { promises as fsp } from "fs";
import * as path from "path";
import { isSpreadsheetName } from "../xlsx/names";

export interface ExpandedInputs {
  /** files to check, in argument order, each once */
  files: string[];
  /** inputs that named nothing (no such file, or a glob without a match) */
  missing: string[];
}

const SKIP_DIRS = new Set(["node_modules", ".git"]);

/** A spreadsheet (isSpreadsheetName), not Excel's "~$name.xlsx" lock file. */
export function isWorkbookName(name: string): boolean {
  return isSpreadsheetName(name) && !name.startsWith("~$");
}

export function hasMagic(s: string): boolean {
  return /[*?]/.test(s);
}

/** A glob (with "/" separators) as an anchored regex over "/"-separated relative paths. */
export function globToRegExp(glob: string): RegExp {
  let re = "";
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i];
    if (ch === "*" && glob[i + 1] === "*") {
      // "**/" is zero or more folders; a trailing "**" is anything below
      if (glob[i + 2] === "/") {
        re += "(?:[^/]+/)*";
        i += 2;
      } else {
        re += ".*";
        i += 1;
      }
    } else if (ch === "*") re += "[^/]*";
    else if (ch === "?") re += "[^/]";
    else re += ch.replace(/[.+^${}()|[\]\\]/g, "\\$&");
  }
  return new RegExp(`^${re}$`);
}

async function walk(dir: string, onEntry: (full: string, isDir: boolean) => boolean | void): Promise<void> {
  let entries: import("fs").Dirent[];
  try {
    entries = await fsp.readdir(dir, { withFileTypes: true });
  } catch {
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (SKIP_DIRS.has(e.name)) continue;
      // returning false stops the descent (a glob that cannot match below)
      if (onEntry(full, true) !== false) await walk(full, onEntry);
    } else if (e.isFile()) {
      onEntry(full, false);
    }
  }
}

/** Every spreadsheet below `dir` (recursively; isWorkbookName), sorted by path. */
export async function workbooksIn(dir: string): Promise<string[]> {
  const out: string[] = [];
  await walk(dir, (full, isDir) => {
    if (!isDir && isWorkbookName(path.basename(full))) out.push(full);
  });
  return out;
}

/** Files matching `pattern` (relative to cwd, or absolute). Folders it matches are searched. */
export async function expandGlob(pattern: string, cwd: string): Promise<string[]> {
  // a trailing "/" ("*/") names folders only, which are then searched
  const slashed = pattern.split(path.sep).join("/");
  const dirsOnly = /.\/+$/.test(slashed);
  const norm = dirsOnly ? slashed.replace(/\/+$/, "") : slashed;
  const parts = norm.split("/");
  const firstMagic = parts.findIndex(hasMagic);
  const baseParts = parts.slice(0, firstMagic);
  const base = baseParts.length === 0 ? "." : baseParts.join("/") || "/";
  const rest = parts.slice(firstMagic).join("/");
  const re = globToRegExp(rest);
  const deep = rest.includes("**");
  const depth = rest.split("/").length;
  const baseDir = path.resolve(cwd, base);
  const out: string[] = [];
  const dirs: string[] = [];
  await walk(baseDir, (full, isDir) => {
    const rel = path.relative(baseDir, full).split(path.sep).join("/");
    if (re.test(rel)) {
      if (isDir) {
        dirs.push(full);
        return false;
      }
      if (!dirsOnly && isWorkbookName(path.basename(full))) out.push(full);
      return;
    }
    if (isDir && !deep && rel.split("/").length >= depth) return false;
  });
  for (const d of dirs) out.push(...(await workbooksIn(d)));
  return out;
}

/** Expands every input; the result lists each file once, as an absolute path. */
export async function expandInputs(inputs: readonly string[], cwd: string): Promise<ExpandedInputs> {
  const files: string[] = [];
  const seen = new Set<string>();
  const missing: string[] = [];
  const add = (f: string) => {
    const abs = path.resolve(cwd, f);
    if (!seen.has(abs)) {
      seen.add(abs);
      files.push(abs);
    }
  };
  for (const input of inputs) {
    const abs = path.resolve(cwd, input);
    const stat = await fsp.stat(abs).catch(() => null);
    if (stat?.isDirectory()) {
      (await workbooksIn(abs)).forEach(add);
    } else if (stat) {
      add(abs);
    } else if (hasMagic(input)) {
      const found = await expandGlob(input, cwd);
      if (found.length === 0) missing.push(input);
      found.forEach(add);
    } else {
      // a file that does not exist: the reader names it ("找不到该文件") like any unreadable file
      add(abs);
    }
  }
  return { files, missing };
}

/** How a file is named in messages and output: relative to cwd when below it, "/" separators. */
export function displayName(file: string, cwd: string): string {
  const rel = path.relative(cwd, file);
  const shown = rel && !rel.startsWith("..") && !path.isAbsolute(rel) ? rel : file;
  return shown.split(path.sep).join("/");
}
