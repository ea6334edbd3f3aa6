/**
 * govcheck's entry to the reader (Node only): a file on disk as a ByteSource, inflated with
 * node:zlib's streaming inflateRaw (measured faster than Node's DecompressionStream: see
 * test/bench/reader.ts). The reader itself (reader.ts) is the same code the browser runs.
 */
import { closeSync, fstatSync, openSync, promises as fsp, readSync } from "fs";
import { basename } from "path";
import { Readable } from "stream";
import { createInflateRaw, inflateRawSync } from "zlib";
import type { WorkbookSnapshot } from "../core/validate/snapshot";
import { ReadError } from "./errors";
import type { ReadOptions } from "./limits";
import { readMessages as M } from "./messages";
import { type ReaderOptions, readWorkbook } from "./reader";
import type { ByteSource } from "./source";
import { bytesSource } from "./source";
import type { Inflate, InflateSmall } from "./zip";

export { ReadError } from "./errors";
export { readWorkbookBuffer } from "./buffer";
export { readWorkbook, type ReaderOptions, type ReadProgress } from "./reader";
export { DEFAULT_MAX_CELLS, DEFAULT_MAX_INFLATED_MB, MAX_CELL_TEXT, type ReadOptions } from "./limits";

/** node:zlib's streaming raw inflate, in 256 KiB output chunks. */
export const zlibInflate: Inflate = (compressed) => {
  const inflater = createInflateRaw({ chunkSize: 256 * 1024 });
  const input = Readable.from(compressed, { objectMode: false });
  input.on("error", (e) => inflater.destroy(e));
  input.pipe(inflater);
  return inflater;
};

/** node:zlib in one call for a small part, held to `maxOutput` bytes (RangeError past it). */
export const zlibInflateSmall: InflateSmall = (compressed, maxOutput) => inflateRawSync(compressed, { maxOutputLength: Math.max(1, maxOutput) });

/** A file up to this size is read in one call: a small workbook is latency-bound (many reads), not memory-bound. */
const WHOLE_FILE_BYTES = 4 * 1024 * 1024;

function fsError(e: unknown): ReadError {
  const code = (e as { code?: string }).code;
  if (code === "ENOENT") return new ReadError("notFound", M.notFound(), { cause: e });
  if (code === "EACCES" || code === "EPERM") return new ReadError("noAccess", M.noAccess(), { cause: e });
  if (code === "EISDIR") return new ReadError("isFolder", M.isFolder(), { cause: e });
  return new ReadError("unexpected", M.unexpected(code ?? String(e)), { cause: e });
}

/**
 * A small file's bytes, read with blocking calls (open, stat, read, close): four trips through
 * libuv's thread pool cost more than the read itself on a file of a few KB, and govcheck has
 * nothing else to do meanwhile. Null when the file is bigger than WHOLE_FILE_BYTES.
 */
function smallFile(path: string): Uint8Array | null {
  const fd = openSync(path, "r");
  try {
    const st = fstatSync(fd);
    if (st.isDirectory()) throw new ReadError("isFolder", M.isFolder());
    if (st.size > WHOLE_FILE_BYTES) return null;
    const buf = Buffer.allocUnsafe(st.size);
    let n = 0;
    while (n < buf.length) {
      const got = readSync(fd, buf, n, buf.length - n, n);
      if (got === 0) break;
      n += got;
    }
    return n === buf.length ? buf : buf.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

/** A file on disk, read by offset. */
export async function fileSource(path: string): Promise<ByteSource> {
  let handle: fsp.FileHandle;
  try {
    const whole = smallFile(path);
    if (whole) return bytesSource(whole);
    handle = await fsp.open(path, "r");
    const stat = await handle.stat();
    if (stat.isDirectory()) {
      await handle.close();
      throw new ReadError("isFolder", M.isFolder());
    }
    if (stat.size <= WHOLE_FILE_BYTES) {
      const bytes = await handle.readFile();
      await handle.close();
      return bytesSource(bytes);
    }
    return {
      size: stat.size,
      async read(offset, length) {
        const buf = Buffer.allocUnsafe(Math.max(0, Math.min(length, stat.size - offset)));
        const { bytesRead } = await handle.read(buf, 0, buf.length, offset).catch((err: unknown) => {
          throw fsError(err);
        });
        return bytesRead === buf.length ? buf : buf.subarray(0, bytesRead);
      },
      close: () => handle.close(),
    };
  } catch (e) {
    throw e instanceof ReadError ? e : fsError(e);
  }
}

/**
 * Reads an .xlsx file part by part (reader.ts). Throws ReadError (one Chinese line) on any
 * failure, including a limit of `opts` (cells, inflated size) being passed.
 */
export async function readWorkbookFile(path: string, opts: ReadOptions & Omit<ReaderOptions, "file"> = {}): Promise<WorkbookSnapshot> {
  const source = await fileSource(path);
  return readWorkbook(source, { inflate: zlibInflate, inflateSmall: zlibInflateSmall, ...opts, file: basename(path) });
}
