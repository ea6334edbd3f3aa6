/**
 * One file: read (streaming) and validate. What govcheck does per file, in its own thread or in a
 * worker thread (worker.ts): a file that cannot be read gives its one-line reason instead.
 */
import { withUnits } from "../core/report/unit";
import { validateWorkbook, type TemplateId, type WorkbookSnapshot } from "../core/validate";
import type { SheetResult } from "../core/validate/engine";
import type { Finding } from "../core/validate/findings";
import { ReadError } from "../xlsx/errors";
import { readMessages } from "../xlsx/messages";
import { readWorkbookFile } from "../xlsx/read";

export interface CheckOptions {
  template?: TemplateId;
  maxCells?: number;
  maxInflatedBytes?: number;
}

export type FileOutcome =
  | { ok: true; sheets: (SheetResult & { unit?: string | null })[]; findings: Finding[] }
  | { ok: false; message: string };

function firstLine(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).split(/\r?\n/)[0];
}

/** Reads one file into a snapshot stamped with `name`, or says in one line why it cannot be read. */
export async function readOne(file: string, name: string, opts: CheckOptions): Promise<{ ok: true; snapshot: WorkbookSnapshot } | { ok: false; message: string }> {
  try {
    const snapshot = await readWorkbookFile(file, { maxCells: opts.maxCells, maxInflatedBytes: opts.maxInflatedBytes });
    snapshot.file = name;
    return { ok: true, snapshot };
  } catch (e) {
    return { ok: false, message: e instanceof ReadError ? e.message : readMessages.unexpected(firstLine(e)) };
  }
}

/** `name` is how the file is shown (findings are stamped with it). */
export async function checkOne(file: string, name: string, opts: CheckOptions): Promise<FileOutcome> {
  const read = await readOne(file, name, opts);
  if (!read.ok) return read;
  const snapshot = read.snapshot;
  try {
    // each sheet's 填报单位 for the report's summary (read here: the snapshot is not kept)
    const v = withUnits(snapshot, validateWorkbook(snapshot, { template: opts.template }));
    return { ok: true, sheets: v.sheets, findings: v.findings };
  } catch (e) {
    // the engine never throws on data (fuzzed); if it ever does, this file is reported, the rest still checked
    return { ok: false, message: readMessages.unexpected(firstLine(e)) };
  }
}
