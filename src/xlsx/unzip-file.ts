/**
 * Node-only random access to an .xlsx on disk, driven by its central directory: only the file's
 * tail and the directory are read before zip-guard has checked every declared size, then each
 * part is inflated on demand as a stream of text, held to its declared size (InflateCounter) and
 * decoded with a streaming UTF-8 decoder (a character split between two chunks stays whole).
 * Nothing is written to disk and a part the directory does not list is never read.
 */
import { createReadStream, promises as fsp } from "fs";
import { pipeline, type Readable } from "stream";
import { createInflateRaw } from "zlib";
import { ReadError } from "./errors";
import { readMessages as M } from "./messages";
import { InflateCounter, PrologGuard, TextRunGuard, holdsCellText } from "./xml-guard";
import { checkCentralDirectory, locateCentralDirectory, type ZipEntry, type ZipLimits, ZipGuardError } from "./zip-guard";

const LOCAL_SIG = 0x04034b50;
/** EOCD record (22) + its longest comment (65535) + the ZIP64 locator before it (20) */
const TAIL_BYTES = 22 + 0xffff + 20;
const MAX_DIRECTORY_BYTES = 64 * 1024 * 1024;

export interface ZipFile {
  readonly entries: readonly ZipEntry[];
  find(name: string): ZipEntry | undefined;
  /** the part's text, chunk by chunk; XML parts are checked for a DOCTYPE first */
  text(entry: ZipEntry): AsyncGenerator<string>;
  close(): Promise<void>;
}

/** Opens `path` (already sniffed as a zip) and checks its central directory against `limits`. */
export async function openZipFile(path: string, handle: fsp.FileHandle, size: number, limits: ZipLimits): Promise<ZipFile> {
  const tailLen = Math.min(size, TAIL_BYTES);
  const tail = Buffer.alloc(tailLen);
  await handle.read(tail, 0, tailLen, size - tailLen);
  const cdAt = locateCentralDirectory(tail, size);
  // an .xlsx directory is a few KB; this only keeps a forged size from allocating gigabytes
  if (cdAt.size > MAX_DIRECTORY_BYTES) throw new ZipGuardError("tooLarge", `部件过多(ZIP 目录超过 ${MAX_DIRECTORY_BYTES / 1024 / 1024} MB)`);
  const cd = Buffer.alloc(cdAt.size);
  await handle.read(cd, 0, cdAt.size, cdAt.offset);
  const entries = checkCentralDirectory(cd, limits);
  const byName = new Map(entries.map((e) => [e.name, e]));

  async function dataStart(entry: ZipEntry): Promise<number> {
    const lh = Buffer.alloc(30);
    const { bytesRead } = await handle.read(lh, 0, 30, entry.localOffset);
    if (bytesRead < 30 || lh.readUInt32LE(0) !== LOCAL_SIG) throw new ReadError("corrupt", M.corrupt());
    const start = entry.localOffset + 30 + lh.readUInt16LE(26) + lh.readUInt16LE(28);
    if (start + entry.compressedSize > size) throw new ReadError("corrupt", M.corrupt());
    return start;
  }

  async function* text(entry: ZipEntry): AsyncGenerator<string> {
    const start = await dataStart(entry);
    const counter = new InflateCounter(entry.name, entry.size);
    const prolog = /\.(xml|rels)$/i.test(entry.name) ? new PrologGuard(entry.name) : null;
    const runs = holdsCellText(entry.name) ? new TextRunGuard() : null;
    const decoder = new TextDecoder("utf-8");
    if (entry.compressedSize === 0) {
      counter.end();
      return;
    }
    const raw = createReadStream(path, { start, end: start + entry.compressedSize - 1, highWaterMark: 64 * 1024 });
    // pipeline destroys both streams when the consumer stops early (a limit, a parse error)
    const source: Readable = entry.method === 8 ? pipeline(raw, createInflateRaw(), () => undefined) : raw;
    try {
      for await (const chunk of source as AsyncIterable<Buffer>) {
        counter.add(chunk.length);
        runs?.add(chunk);
        const s = decoder.decode(chunk, { stream: true });
        prolog?.feed(s);
        if (s !== "") yield s;
      }
    } catch (e) {
      if (e instanceof ReadError) throw e;
      // zlib: invalid or truncated deflate data
      throw new ReadError("corrupt", M.corrupt(), { cause: e });
    } finally {
      source.destroy();
      raw.destroy();
    }
    counter.end();
    const rest = decoder.decode();
    if (rest !== "") yield rest;
  }

  return {
    entries,
    find: (name) => byName.get(name),
    text,
    close: () => handle.close(),
  };
}
