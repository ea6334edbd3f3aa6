/**
 * Reading and validating one .xlsx for the standalone pane, off the page's thread: this module
 * is what the Web Worker (check.worker.ts) runs, and what the page runs itself where no Worker
 * exists. Progress is posted at most every PROGRESS_MS, as a percentage of the sheet being read.
 */
import { templates, validateWorkbook, type ValidationResult } from "../core/validate";
import { validateTogether } from "../core/validate/combine";
import { withUnits } from "../core/report/unit";
import { ReadError } from "../xlsx/errors";
import { readWorkbookBuffer } from "../xlsx/buffer";
import { type PreviewSheet, previewMeta, previewRows } from "./preview/cells";

export interface CheckProgress {
  stage: "read" | "validate";
  /** the sheet being read, and where it is among the workbook's sheets */
  sheet?: string;
  sheetIndex?: number;
  sheets?: number;
  /** 0–100, of the sheet being read */
  percent: number;
}

export type CheckMessage =
  /** `book`: which of the files sent together (合并校验) the progress is about */
  | { type: "progress"; progress: CheckProgress; book?: number }
  /** a batch of the findings, in order (a 100 k-finding result cloned in one message blocks the page) */
  | { type: "findings"; findings: ValidationResult["findings"]; book?: number }
  /**
   * a sheet's cells for the preview (SheetPreview): its size and merges with the first rows
   * (`meta`), then further rows in order; posted before validation, so the page takes them in
   * while the worker validates (`book`: which file of a 合并校验)
   */
  | { type: "preview"; sheet: number; meta?: PreviewSheet; rows: string[]; book?: number }
  /** the result, its findings sent before in batches */
  | { type: "done"; result: ValidationResult }
  /** 合并校验: one outcome per file sent, in order (each result's findings sent before, by `book`) */
  | { type: "doneAll"; outcomes: BookOutcome[] }
  | { type: "error"; message: string };

/** One file of a 合并校验: its result (findings and preview sent apart), or why it could not be read. */
export type BookOutcome = { ok: true; result: ValidationResult & { preview?: PreviewSheet[] } } | { ok: false; message: string };

export type CheckRequest =
  | { data: ArrayBuffer; file: string; together?: undefined }
  /** 合并校验: every file read, then validated together (core/validate/combine.ts) */
  | { together: { data: ArrayBuffer; file: string }[] };

const PROGRESS_MS = 100;
/** findings per message: each is deserialised on the page's thread in well under 50 ms */
export const FINDINGS_BATCH = 5000;
/** preview rows per message (one string a row) */
export const PREVIEW_BATCH = 10_000;

const reason = (e: unknown) => (e instanceof ReadError ? e.message : `读取失败：${e instanceof Error ? e.message.split(/\r?\n/)[0] : String(e)}`);

function read(data: ArrayBuffer, file: string, post: (m: CheckMessage) => void, now: () => number, book?: number) {
  let last = -Infinity;
  return readWorkbookBuffer(data, {
    file,
    onProgress: (p) => {
      const t = now();
      if (t - last < PROGRESS_MS && p.done < p.total) return;
      last = t;
      post({ type: "progress", book, progress: { stage: "read", sheet: p.sheet, sheetIndex: p.sheetIndex, sheets: p.sheets, percent: Math.floor((p.done / Math.max(1, p.total)) * 100) } });
    },
  });
}

/** Each sheet's display text for the preview, in batches of rows (the first with the sheet's size and merges). */
function postPreview(snapshot: Awaited<ReturnType<typeof read>>, post: (m: CheckMessage) => void, book?: number) {
  snapshot.sheets.forEach((sheet, i) => {
    for (let from = 0; from === 0 || from < sheet.rows.length; from += PREVIEW_BATCH) {
      const rows = previewRows(sheet, from, from + PREVIEW_BATCH);
      post(from === 0 ? { type: "preview", book, sheet: i, meta: previewMeta(sheet), rows } : { type: "preview", book, sheet: i, rows });
    }
  });
}

function postFindings(findings: ValidationResult["findings"], post: (m: CheckMessage) => void, book?: number) {
  for (let i = 0; i < findings.length; i += FINDINGS_BATCH) post({ type: "findings", book, findings: findings.slice(i, i + FINDINGS_BATCH) });
}

/** Reads and validates; every outcome is posted (never thrown). */
export async function runCheck(req: CheckRequest, post: (m: CheckMessage) => void, now: () => number = Date.now): Promise<void> {
  if (req.together) {
    await runTogether(req.together, post, now);
    return;
  }
  try {
    const snapshot = await read(req.data, req.file, post, now);
    post({ type: "progress", progress: { stage: "validate", percent: 100 } });
    postPreview(snapshot, post);
    // each sheet's 填报单位 for the report's summary, read while the snapshot is at hand
    const result = withUnits(snapshot, validateWorkbook(snapshot));
    postFindings(result.findings, post);
    post({ type: "done", result: { ...result, findings: [] } });
  } catch (e) {
    post({ type: "error", message: reason(e) });
  }
}

/**
 * 合并校验: reads every file (one unreadable file does not stop the others), then validates the
 * ones read together, as govcheck --combine does.
 */
async function runTogether(files: readonly { data: ArrayBuffer; file: string }[], post: (m: CheckMessage) => void, now: () => number): Promise<void> {
  const reads: ({ ok: true; snapshot: Awaited<ReturnType<typeof read>> } | { ok: false; message: string })[] = [];
  for (let b = 0; b < files.length; b++) {
    try {
      reads.push({ ok: true, snapshot: await read(files[b].data, files[b].file, post, now, b) });
    } catch (e) {
      reads.push({ ok: false, message: reason(e) });
    }
  }
  for (let b = 0; b < files.length; b++) {
    const r = reads[b];
    if (!r.ok) continue;
    post({ type: "progress", book: b, progress: { stage: "validate", percent: 100 } });
    postPreview(r.snapshot, post, b);
  }
  const books = reads.flatMap((r) => (r.ok ? [r.snapshot] : []));
  let results: ValidationResult[];
  try {
    results = validateTogether(books, { templates }).results;
  } catch (e) {
    post({ type: "error", message: reason(e) });
    return;
  }
  let k = 0;
  const outcomes: BookOutcome[] = reads.map((r, b) => {
    if (!r.ok) return r;
    const result = withUnits(r.snapshot, results[k++]);
    postFindings(result.findings, post, b);
    return { ok: true, result: { ...result, findings: [] } };
  });
  post({ type: "doneAll", outcomes });
}
