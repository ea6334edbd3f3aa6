/**
 * Random access to an .xlsx package over a ByteSource (browser-safe): the tail and the central
 * directory are read and checked by zip-guard (sizes, ratio, part count) before anything is
 * inflated; then each part is inflated on demand as a stream, held to its declared size
 * (InflateCounter), and decoded as UTF-8 or UTF-16 (by its byte-order mark) with a streaming
 * decoder, so a character split between two chunks stays whole and no whole part is held.
 *
 * Inflating is pluggable: the platform's DecompressionStream by default (browsers, Web Workers,
 * Node ≥ 18); govcheck passes node:zlib's streaming inflateRaw, which is faster in Node (read.ts).
 */
import { ReadError } from "./errors";
import { readMessages as M } from "./messages";
import type { ByteSource } from "./source";
import { InflateCounter } from "./xml-guard";
import { checkCentralDirectory, locateCentralDirectory, shownName, type ZipEntry, type ZipLimits, ZipGuardError } from "./zip-guard";

/** Raw deflate, compressed chunks in, inflated chunks out. */
export type Inflate = (compressed: AsyncIterable<Uint8Array>) => AsyncIterable<Uint8Array>;

/**
 * Raw deflate of a small part in one call, never producing more than `maxOutput` bytes (it
 * throws a RangeError instead). Optional: a part of one slice or less skips the stream's per-part set-up
 * (node:zlib's inflateRawSync in govcheck; many small files are latency-bound, not CPU-bound).
 */
export type InflateSmall = (compressed: Uint8Array, maxOutput: number) => Uint8Array;

const LOCAL_SIG = 0x04034b50;
/** EOCD record (22) + its longest comment (65535) + the ZIP64 locator before it (20) */
const TAIL_BYTES = 22 + 0xffff + 20;
const MAX_DIRECTORY_BYTES = 64 * 1024 * 1024;
/** compressed bytes read from the source at a time */
const SLICE = 1024 * 1024;
/** a part declaring at most this many inflated bytes may be inflated in one call (InflateSmall) */
const SMALL_PART = 1024 * 1024;

type Decompressor = new (format: "deflate-raw") => TransformStream<Uint8Array, Uint8Array>;

/** The platform's inflate (DecompressionStream "deflate-raw"). */
export const webInflate: Inflate = async function* (compressed) {
  const DS = (globalThis as { DecompressionStream?: Decompressor }).DecompressionStream;
  if (!DS) throw new ReadError("unexpected", M.unexpected("此环境不支持解压（DecompressionStream）"));
  const it = compressed[Symbol.asyncIterator]();
  const input = new ReadableStream<Uint8Array>({
    async pull(c) {
      const { done, value } = await it.next();
      if (done) c.close();
      else c.enqueue(value);
    },
    async cancel() {
      await it.return?.();
    },
  });
  const reader = input.pipeThrough(new DS("deflate-raw")).getReader();
  let finished = false;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      yield value;
    }
    finished = true;
  } finally {
    if (!finished) await reader.cancel().catch(() => undefined);
  }
};

/** The part name as the package means it: "/" separators, no leading "/", compared case-insensitively. */
export function normalPartName(name: string): string {
  return name.replace(/\\/g, "/").replace(/^\/+/, "").toLowerCase();
}

export interface PartProgress {
  /** inflated bytes so far, of `total` declared */
  done: number;
  total: number;
}

export class ZipPackage {
  private readonly byName: Map<string, ZipEntry>;
  private constructor(
    private readonly source: ByteSource,
    readonly entries: readonly ZipEntry[],
    private readonly inflate: Inflate,
    private readonly inflateSmall?: InflateSmall,
  ) {
    this.byName = new Map(entries.map((e) => [normalPartName(e.name), e]));
  }

  /** Reads and checks the central directory; nothing is inflated yet. */
  static async open(source: ByteSource, limits: ZipLimits, inflate: Inflate, inflateSmall?: InflateSmall): Promise<ZipPackage> {
    const size = source.size;
    const tail = await source.read(Math.max(0, size - TAIL_BYTES), Math.min(size, TAIL_BYTES));
    const at = locateCentralDirectory(tail, size);
    // an .xlsx directory is a few KB; this only keeps a forged size from allocating gigabytes
    if (at.size > MAX_DIRECTORY_BYTES) throw new ZipGuardError("tooLarge", `文件内部件过多（目录超过${MAX_DIRECTORY_BYTES / 1024 / 1024} MB）`);
    const cd = await source.read(at.offset, at.size);
    if (cd.length < at.size) throw new ReadError("corrupt", M.corrupt());
    return new ZipPackage(source, checkCentralDirectory(cd, limits), inflate, inflateSmall);
  }

  /** The entry of a part name (any case, either slash), if the zip has it. */
  find(name: string): ZipEntry | undefined {
    return this.byName.get(normalPartName(name));
  }

  private async *compressed(entry: ZipEntry): AsyncGenerator<Uint8Array> {
    const lh = await this.source.read(entry.localOffset, 30);
    const view = new DataView(lh.buffer, lh.byteOffset, lh.byteLength);
    if (lh.length < 30 || view.getUint32(0, true) !== LOCAL_SIG) throw new ReadError("corrupt", M.corrupt());
    const start = entry.localOffset + 30 + view.getUint16(26, true) + view.getUint16(28, true);
    const end = start + entry.compressedSize;
    if (end > this.source.size) throw new ReadError("corrupt", M.corrupt());
    for (let o = start; o < end; o += SLICE) {
      const chunk = await this.source.read(o, Math.min(SLICE, end - o));
      if (chunk.length === 0) throw new ReadError("corrupt", M.corrupt());
      yield chunk;
    }
  }

  /** The part's bytes, inflated, held to its declared size. */
  async *bytes(entry: ZipEntry, onProgress?: (p: PartProgress) => void): AsyncGenerator<Uint8Array> {
    const counter = new InflateCounter(entry.name, entry.size);
    let done = 0;
    // only a part small both ways: the output is held whole, and bounded by its declared size
    if (entry.method === 8 && this.inflateSmall && entry.compressedSize <= SLICE && entry.size <= SMALL_PART) {
      let whole: Uint8Array | null = null;
      for await (const c of this.compressed(entry)) whole = c;
      let out: Uint8Array;
      try {
        // one byte more than declared is enough to tell a part that inflates past its declaration
        out = this.inflateSmall(whole ?? new Uint8Array(0), entry.size + 1);
      } catch (e) {
        // RangeError ERR_BUFFER_TOO_LARGE (told by name: errors may come from another realm)
        if ((e as { name?: string }).name === "RangeError") throw new ReadError("tooLarge", M.inflatedOverDeclared(shownName(entry.name)), { cause: e });
        throw new ReadError("corrupt", M.corrupt(), { cause: e });
      }
      counter.add(out.length);
      counter.end();
      onProgress?.({ done: out.length, total: entry.size });
      if (out.length > 0) yield out;
      return;
    }
    const source = entry.method === 8 ? this.inflate(this.compressed(entry)) : this.compressed(entry);
    try {
      for await (const chunk of source) {
        counter.add(chunk.length);
        done += chunk.length;
        onProgress?.({ done, total: entry.size });
        yield chunk;
      }
    } catch (e) {
      if (e instanceof ReadError) throw e;
      // invalid or truncated deflate data
      throw new ReadError("corrupt", M.corrupt(), { cause: e });
    }
    counter.end();
  }

  /** The part's text: UTF-8, or UTF-16 when it starts with a byte-order mark (or "<" as UTF-16). */
  async *text(entry: ZipEntry, onProgress?: (p: PartProgress) => void): AsyncGenerator<string> {
    let decoder: { decode(input?: Uint8Array, options?: { stream?: boolean }): string } | null = null;
    let utf8: Utf8Chunks | null = null;
    let head: Uint8Array | null = null;
    for await (const raw of this.bytes(entry, onProgress)) {
      let chunk = raw;
      if (!decoder && !utf8) {
        // the encoding is known from the first 2–4 bytes; a first chunk shorter than that waits
        chunk = head ? concat(head, raw) : raw;
        if (chunk.length < 4) {
          head = chunk;
          continue;
        }
        const encoding = encodingOf(chunk);
        if (encoding === "utf-8") utf8 = new Utf8Chunks();
        else decoder = new TextDecoder(encoding);
        head = null;
      }
      const s = utf8 ? utf8.decode(chunk) : (decoder as NonNullable<typeof decoder>).decode(chunk, { stream: true });
      if (s !== "") yield s;
    }
    let rest: string;
    if (utf8) rest = utf8.end();
    else {
      if (!decoder) decoder = new TextDecoder(head ? encodingOf(head) : "utf-8");
      rest = head ? decoder.decode(head) : decoder.decode();
    }
    if (rest !== "") yield rest;
  }

  close(): Promise<void> {
    return this.source.close?.() ?? Promise.resolve();
  }
}

/**
 * UTF-8 decoded chunk by chunk as a streaming TextDecoder would (a leading byte-order mark
 * dropped, a malformed sequence replaced by U+FFFD), but each chunk decoded whole: a sequence
 * cut at the chunk's end is held back and put before the next chunk. A whole decode takes a
 * faster path than a streaming one in some engines (Node's is about 1.6× faster on ASCII).
 */
export class Utf8Chunks {
  private readonly decoder = new TextDecoder("utf-8", { ignoreBOM: true });
  private tail: Uint8Array | null = null;
  private first = true;

  decode(chunk: Uint8Array): string {
    let bytes = this.tail ? concat(this.tail, chunk) : chunk;
    this.tail = null;
    const cut = completeLength(bytes);
    if (cut < bytes.length) {
      this.tail = bytes.slice(cut);
      bytes = bytes.subarray(0, cut);
    }
    return this.out(bytes.length === 0 ? "" : this.decoder.decode(bytes));
  }

  /** what is left at the end (a cut sequence becomes U+FFFD) */
  end(): string {
    const tail = this.tail;
    this.tail = null;
    return this.out(tail ? this.decoder.decode(tail) : "");
  }

  private out(s: string): string {
    if (this.first && s !== "") {
      this.first = false;
      if (s.charCodeAt(0) === 0xfeff) return s.slice(1);
    }
    return s;
  }
}

/**
 * The length of `b` without a UTF-8 sequence cut at its end: the last lead byte (within the
 * last 3 bytes) and what follows it, when fewer bytes follow than it announces.
 */
function completeLength(b: Uint8Array): number {
  const n = b.length;
  for (let k = n - 1; k >= 0 && k >= n - 3; k--) {
    const c = b[k];
    if ((c & 0xc0) === 0x80) continue; // a continuation byte
    const need = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
    return n - k < need ? k : n;
  }
  return n;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/** XML's own rule (Appendix F): a BOM, or "<?" written in UTF-16 without one. */
export function encodingOf(b: Uint8Array): "utf-8" | "utf-16le" | "utf-16be" {
  if (b[0] === 0xff && b[1] === 0xfe) return "utf-16le";
  if (b[0] === 0xfe && b[1] === 0xff) return "utf-16be";
  if (b[0] === 0x3c && b[1] === 0x00 && b[2] === 0x3f && b[3] === 0x00) return "utf-16le";
  if (b[0] === 0x00 && b[1] === 0x3c && b[2] === 0x00 && b[3] === 0x3f) return "utf-16be";
  return "utf-8";
}
