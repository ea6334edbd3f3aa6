/**
 * Reading and validating one .xlsx for the standalone pane, off the page's thread: this module
 * is what the Web Worker (check.worker.ts) runs, and what the page runs itself where no Worker
 * exists. Progress is posted at most every PROGRESS_MS, as a percentage of the sheet being read.
 */
import { validateWorkbook, type ValidationResult } from "../core/validate";
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
  | { type: "progress"; progress: CheckProgress }
  /** a batch of the findings, in order (a 100 k-finding result cloned in one message blocks the page) */
  | { type: "findings"; findings: ValidationResult["findings"] }
  /**
   * a sheet's cells for the preview (SheetPreview): its size and merges with the first rows
   * (`meta`), then further rows in order; posted before validation, so the page takes them in
   * while the worker validates
   */
  | { type: "preview"; sheet: number; meta?: PreviewSheet; rows: string[] }
  /** the result, its findings sent before in batches */
  | { type: "done"; result: ValidationResult }
  | { type: "error"; message: string };

export interface CheckRequest {
  data: ArrayBuffer;
  file: string;
}

const PROGRESS_MS = 100;
/** findings per message: each is deserialised on the page's thread in well under 50 ms */
export const FINDINGS_BATCH = 5000;
/** preview rows per message (one string a row) */
export const PREVIEW_BATCH = 10_000;

/** Reads and validates; every outcome is posted (never thrown). */
export async function runCheck(req: CheckRequest, post: (m: CheckMessage) => void, now: () => number = Date.now): Promise<void> {
  let last = -Infinity;
  try {
    const snapshot = await readWorkbookBuffer(req.data, {
      file: req.file,
      onProgress: (p) => {
        const t = now();
        if (t - last < PROGRESS_MS && p.done < p.total) return;
        last = t;
        post({ type: "progress", progress: { stage: "read", sheet: p.sheet, sheetIndex: p.sheetIndex, sheets: p.sheets, percent: Math.floor((p.done / Math.max(1, p.total)) * 100) } });
      },
    });
    post({ type: "progress", progress: { stage: "validate", percent: 100 } });
    snapshot.sheets.forEach((sheet, i) => {
      for (let from = 0; from === 0 || from < sheet.rows.length; from += PREVIEW_BATCH) {
        const rows = previewRows(sheet, from, from + PREVIEW_BATCH);
        post(from === 0 ? { type: "preview", sheet: i, meta: previewMeta(sheet), rows } : { type: "preview", sheet: i, rows });
      }
    });
    // each sheet's 填报单位 for the report's summary, read while the snapshot is at hand
    const result = withUnits(snapshot, validateWorkbook(snapshot));
    for (let i = 0; i < result.findings.length; i += FINDINGS_BATCH) post({ type: "findings", findings: result.findings.slice(i, i + FINDINGS_BATCH) });
    post({ type: "done", result: { ...result, findings: [] } });
  } catch (e) {
    post({ type: "error", message: e instanceof ReadError ? e.message : `读取失败：${e instanceof Error ? e.message.split(/\r?\n/)[0] : String(e)}` });
  }
}
