/**
 * The engine step: read each file (streaming), validate it, collect everything. A file that
 * cannot be read is recorded with its one-line reason and the others are still checked.
 */
import { validateWorkbook, type TemplateId } from "../core/validate";
import { ReadError } from "../xlsx/errors";
import { readMessages } from "../xlsx/messages";
import { readWorkbookFile } from "../xlsx/read";
import type { RunResult } from "./result";

export type { FileSheet, RunResult, Unreadable } from "./result";
export { exitCode, summarize } from "./result";

export interface RunOptions {
  template?: TemplateId;
  maxCells?: number;
  maxInflatedBytes?: number;
  /** called before each file is read (progress bar) */
  onFile?: (index: number, total: number, name: string) => void;
}

function firstLine(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).split(/\r?\n/)[0];
}

/** `files` are paths to read; `names` how each is shown (same order). */
export async function checkFiles(files: readonly string[], names: readonly string[], opts: RunOptions = {}): Promise<RunResult> {
  const result: RunResult = { files: [...names], sheets: [], findings: [], unreadable: [] };
  for (let i = 0; i < files.length; i++) {
    const name = names[i];
    opts.onFile?.(i, files.length, name);
    let snapshot;
    try {
      snapshot = await readWorkbookFile(files[i], { maxCells: opts.maxCells, maxInflatedBytes: opts.maxInflatedBytes });
    } catch (e) {
      const message = e instanceof ReadError ? e.message : readMessages.unexpected(firstLine(e));
      result.unreadable.push({ file: name, message });
      continue;
    }
    snapshot.file = name;
    let v;
    try {
      v = validateWorkbook(snapshot, { template: opts.template });
    } catch (e) {
      // the engine never throws on data (fuzzed); if it ever does, this file is reported, the rest still checked
      result.unreadable.push({ file: name, message: readMessages.unexpected(firstLine(e)) });
      continue;
    }
    for (const s of v.sheets) result.sheets.push({ file: name, ...s });
    // the engine already stamps each finding with snapshot.file (= name): no copy
    for (const f of v.findings) result.findings.push(f);
  }
  return result;
}

