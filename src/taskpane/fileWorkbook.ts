/**
 * Standalone mode's workbook access. The reader (src/xlsx, the same code govcheck runs: no
 * ExcelJS) is import()ed into its own chunk, fetched when a file is opened outside Excel;
 * ExcelJS only writes the report workbook, in another chunk fetched when a report is asked for.
 */
import type { CheckMessage, CheckRequest } from "./checkFile";
import type { ValidationResult } from "../core/validate";
import type { CheckedResult, FileWorkbookPort } from "./types";
import { TEMPLATE_LIST } from "./templateList";

/** The worker's script, built by webpack beside taskpane.html (entry "check-worker"). */
export const CHECK_WORKER_URL = "check-worker.js";

/** Reads and validates in a fresh Web Worker; aborting terminates it at once. */
export function checkInWorker(
  makeWorker: () => Worker,
  data: ArrayBuffer,
  file: string,
  opts: Parameters<NonNullable<FileWorkbookPort["check"]>>[2],
): ReturnType<NonNullable<FileWorkbookPort["check"]>> {
  return new Promise((resolve, reject) => {
    if (opts.signal?.aborted) {
      reject(new Error("已取消"));
      return;
    }
    const worker = makeWorker();
    const stop = () => {
      worker.terminate();
      opts.signal?.removeEventListener("abort", cancel);
    };
    const cancel = () => {
      stop();
      reject(new Error("已取消"));
    };
    opts.signal?.addEventListener("abort", cancel);
    const findings: ValidationResult["findings"] = [];
    const preview: NonNullable<CheckedResult["preview"]> = [];
    worker.onmessage = (e: MessageEvent<CheckMessage>) => {
      const m = e.data;
      if (m.type === "progress") opts.onProgress?.(m.progress);
      else if (m.type === "findings") {
        for (const f of m.findings) findings.push(f);
      } else if (m.type === "preview") {
        if (m.meta) preview[m.sheet] = m.meta;
        const rows = preview[m.sheet]?.rows;
        if (rows) for (const r of m.rows) rows.push(r);
      } else {
        stop();
        if (m.type === "done") resolve({ ...m.result, findings, preview });
        else reject(new Error(m.message));
      }
    };
    worker.onerror = (e) => {
      stop();
      reject(new Error(`读取失败：${e.message || "后台线程出错"}`));
    };
    // the bytes move to the worker (transferred, not copied)
    const req: CheckRequest = { data, file };
    worker.postMessage(req, [data]);
  });
}

export function createFileWorkbookPort(): FileWorkbookPort {
  return {
    async read(data, file) {
      const { readWorkbookBuffer } = await import(/* webpackChunkName: "xlsx-read" */ "../xlsx/buffer");
      return readWorkbookBuffer(data, { file });
    },
    ...(typeof Worker === "undefined"
      ? {}
      : { check: (data: ArrayBuffer, file: string, opts: Parameters<NonNullable<FileWorkbookPort["check"]>>[2]) => checkInWorker(() => new Worker(CHECK_WORKER_URL), data, file, opts) }),
    async report(result, file) {
      const { writeReportWorkbook } = await import(/* webpackChunkName: "xlsx" */ "../xlsx/report");
      return writeReportWorkbook({
        findings: result.findings,
        sheets: result.sheets.map((s) => ({ file, ...s })),
        files: [file],
        templates: TEMPLATE_LIST,
      });
    },
  };
}
