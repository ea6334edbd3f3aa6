/**
 * Standalone mode's workbook access. The reader (src/xlsx, the same code govcheck runs: no
 * ExcelJS) is import()ed into its own chunk, fetched when a file is opened outside Excel;
 * ExcelJS only writes the report workbook, in another chunk fetched when a report is asked for.
 */
import type { BookOutcome, CheckMessage, CheckRequest } from "./checkFile";
import type { ValidationResult } from "../core/validate";
import type { CheckedResult, FileWorkbookPort, PaneReport, TogetherOptions } from "./types";
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
  const findings: ValidationResult["findings"] = [];
  const preview: NonNullable<CheckedResult["preview"]> = [];
  // the bytes move to the worker (transferred, not copied)
  const req: CheckRequest = { data, file };
  return inWorker(makeWorker, opts.signal, (w) => w.postMessage(req, [data]), (m, done, fail) => {
    if (m.type === "progress") opts.onProgress?.(m.progress);
    else if (m.type === "findings") {
      for (const f of m.findings) findings.push(f);
    } else if (m.type === "preview") addPreview(preview, m);
    else if (m.type === "done") done({ ...m.result, findings, preview });
    else fail(new Error(m.type === "error" ? m.message : "后台线程出错"));
  });
}

/**
 * 合并校验 in a fresh Web Worker: every file read there, then validated together; one outcome per
 * file, in order. Aborting terminates the worker.
 */
export function checkTogetherInWorker(
  makeWorker: () => Worker,
  files: readonly { data: ArrayBuffer; file: string }[],
  opts: TogetherOptions,
): Promise<BookOutcome[]> {
  const findings: ValidationResult["findings"][] = files.map(() => []);
  const previews: NonNullable<CheckedResult["preview"]>[] = files.map(() => []);
  const req: CheckRequest = { together: files.map((f) => ({ data: f.data, file: f.file })) };
  return inWorker(makeWorker, opts.signal, (w) => w.postMessage(req, files.map((f) => f.data)), (m, done, fail) => {
    if (m.type === "progress") opts.onProgress?.(m.book ?? 0, m.progress);
    else if (m.type === "findings") {
      const list = findings[m.book ?? 0];
      for (const f of m.findings) list.push(f);
    } else if (m.type === "preview") addPreview(previews[m.book ?? 0], m);
    else if (m.type === "doneAll") {
      done(m.outcomes.map((o, b) => (o.ok ? { ok: true, result: { ...o.result, findings: findings[b], preview: previews[b] } } : o)));
    } else fail(new Error(m.type === "error" ? m.message : "后台线程出错"));
  });
}

/** A sheet's preview rows as they come: its size and first rows (`meta`), then further rows. */
function addPreview(preview: NonNullable<CheckedResult["preview"]>, m: Extract<CheckMessage, { type: "preview" }>): void {
  if (m.meta) preview[m.sheet] = m.meta;
  const rows = preview[m.sheet]?.rows;
  if (rows) for (const r of m.rows) rows.push(r);
}

/**
 * One request in a fresh Web Worker: `handle` sees each message and settles the answer; aborting,
 * a worker error or settling terminates the worker.
 */
function inWorker<T>(
  makeWorker: () => Worker, signal: AbortSignal | undefined, send: (w: Worker) => void,
  handle: (m: CheckMessage, done: (v: T) => void, fail: (e: Error) => void) => void,
): Promise<T> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(new Error("已取消"));
      return;
    }
    const worker = makeWorker();
    const stop = () => {
      worker.terminate();
      signal?.removeEventListener("abort", cancel);
    };
    const cancel = () => {
      stop();
      reject(new Error("已取消"));
    };
    signal?.addEventListener("abort", cancel);
    worker.onmessage = (e: MessageEvent<CheckMessage>) => handle(e.data, (v) => {
      stop();
      resolve(v);
    }, (err) => {
      stop();
      reject(err);
    });
    worker.onerror = (e) => {
      stop();
      reject(new Error(`读取失败：${e.message || "后台线程出错"}`));
    };
    send(worker);
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
      : {
        check: (data: ArrayBuffer, file: string, opts: Parameters<NonNullable<FileWorkbookPort["check"]>>[2]) => checkInWorker(() => new Worker(CHECK_WORKER_URL), data, file, opts),
        checkTogether: (files: readonly { data: ArrayBuffer; file: string }[], opts: TogetherOptions) => checkTogetherInWorker(() => new Worker(CHECK_WORKER_URL), files, opts),
      }),
    async report(input) {
      const { writeReportWorkbook } = await import(/* webpackChunkName: "xlsx" */ "../xlsx/report");
      return writeReportWorkbook({ ...reportInput(input), templates: TEMPLATE_LIST });
    },
  };
}

/** The files as the pane holds them → the report's input: every file, its sheets and findings, the unreadable ones with their reason. */
export function reportInput(files: PaneReport) {
  const out = {
    findings: [] as ValidationResult["findings"][number][],
    sheets: [] as (ValidationResult["sheets"][number] & { file: string })[],
    files: files.map((f) => f.file),
    unreadable: [] as { file: string; message: string }[],
  };
  for (const f of files) {
    if ("message" in f) {
      out.unreadable.push({ file: f.file, message: f.message });
      continue;
    }
    for (const s of f.result.sheets) out.sheets.push({ file: f.file, ...s });
    for (const x of f.result.findings) out.findings.push(x);
  }
  return out;
}
