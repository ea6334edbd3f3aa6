/**
 * The reader over bytes in memory or a Blob/File — the task pane's "check a file" path, in the
 * page or in a Web Worker, and anything in Node that holds a workbook as bytes. The same reader
 * as govcheck's (reader.ts); only the source and the inflate (the platform's DecompressionStream)
 * differ.
 */
import type { WorkbookSnapshot } from "../core/validate/snapshot";
import { ReadError } from "./errors";
import { type ReaderOptions, readWorkbook } from "./reader";
import { blobSource, bytesSource } from "./source";

export type { ReadOptions } from "./limits";
export type { ReaderOptions, ReadProgress } from "./reader";

/** Reads an .xlsx held in memory. Throws ReadError (one Chinese line) on any failure. */
export function readWorkbookBuffer(data: ArrayBuffer | Uint8Array, opts: ReaderOptions = {}): Promise<WorkbookSnapshot> {
  return readWorkbook(bytesSource(data), opts);
}

/** Reads an .xlsx Blob or File slice by slice (only what the reader asks for is loaded). */
export function readWorkbookBlob(blob: Blob, opts: ReaderOptions = {}): Promise<WorkbookSnapshot> {
  return readWorkbook(blobSource(blob), opts);
}

/** Anything thrown by a read as a ReadError (the pane shows its message as is). */
export function asReadError(e: unknown): ReadError {
  if (e instanceof ReadError) return e;
  return new ReadError("unexpected", `读取失败：${e instanceof Error ? e.message.split(/\r?\n/)[0] : String(e)}`, { cause: e });
}
