/**
 * Looks at an .xlsx (a ZIP) before anything inflates it: reads the central directory only and
 * refuses, with a one-line Chinese reason, what would exhaust memory or is not a workbook —
 * not a ZIP at all, a truncated file, too many parts, a part or a total that inflates past the
 * configured limit, or a compression ratio only a zip bomb has. Whether the zip is a workbook is
 * the package's to say (package.ts). Browser-safe: bytes in, no I/O.
 *
 * Declared sizes can be forged; the ratio and the limits here stop the ordinary bombs, and the
 * reader's cell limit stops what gets past them.
 */
import { ReadError, type ReadErrorCode } from "./errors";

export interface ZipLimits {
  /** total inflated bytes of all parts (default 1 GiB) */
  maxInflatedBytes: number;
  /** inflated bytes of one part (default 512 MiB) */
  maxPartBytes: number;
  /** number of parts (default 10,000) */
  maxEntries: number;
  /** inflated / compressed for one part of more than 1 MiB (default 1000; XML rarely passes 100) */
  maxRatio: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxInflatedBytes: 1024 * 1024 * 1024,
  maxPartBytes: 512 * 1024 * 1024,
  maxEntries: 10_000,
  maxRatio: 1000,
};

export interface ZipEntry {
  name: string;
  compressedSize: number;
  /** inflated size as declared (the readers then hold each part to it while inflating) */
  size: number;
  /** 0 stored, 8 deflated (the only two an .xlsx uses) */
  method: number;
  /** where the part's local header starts */
  localOffset: number;
}

/** The part names a limit message shows: a crafted name must not break the one-line message. */
export function shownName(name: string): string {
  let clean = "";
  for (const ch of name) clean += ch.charCodeAt(0) < 0x20 || ch === "\u007f" ? "?" : ch;
  return clean.length > 80 ? `${clean.slice(0, 77)}...` : clean;
}

/**
 * A ReadError (so the readers and govcheck show it as any unreadable file): code "tooLarge" for
 * a limit, "corrupt" for a damaged or truncated zip, "encrypted" for an OLE file.
 */
export class ZipGuardError extends ReadError {
  constructor(code: ReadErrorCode, message: string) {
    super(code, message);
    this.name = "ZipGuardError";
  }
}

const EOCD_SIG = 0x06054b50;
const CEN_SIG = 0x02014b50;
const ZIP64_EOCD_LOCATOR_SIG = 0x07064b50;
const ZIP64_EOCD_SIG = 0x06064b50;
const MiB = 1024 * 1024;

function u16(b: Uint8Array, o: number): number {
  return b[o] | (b[o + 1] << 8);
}
function u32(b: Uint8Array, o: number): number {
  return (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16)) + b[o + 3] * 0x1000000;
}
function u64(b: Uint8Array, o: number): number {
  return u32(b, o) + u32(b, o + 4) * 0x100000000;
}

/** Where the central directory is, found from the end of the file (`tail` = its last bytes). */
export function locateCentralDirectory(tail: Uint8Array, fileSize: number): { offset: number; size: number; entries: number } {
  if (fileSize < 22) throw new ZipGuardError("corrupt", "不是有效的.xlsx文件（文件过短或已损坏）");
  // The end-of-central-directory record is in the last 22 + 65535 bytes.
  for (let i = tail.length - 22; i >= 0 && i >= tail.length - 22 - 0xffff; i--) {
    if (u32(tail, i) !== EOCD_SIG) continue;
    let entries = u16(tail, i + 10);
    let size = u32(tail, i + 12);
    let offset = u32(tail, i + 16);
    const loc = i - 20;
    if (loc >= 0 && u32(tail, loc) === ZIP64_EOCD_LOCATOR_SIG) {
      const z64 = u64(tail, loc + 8) - (fileSize - tail.length);
      if (z64 >= 0 && z64 + 56 <= tail.length && u32(tail, z64) === ZIP64_EOCD_SIG) {
        entries = u64(tail, z64 + 32);
        size = u64(tail, z64 + 40);
        offset = u64(tail, z64 + 48);
      }
    }
    if (offset + size > fileSize) throw new ZipGuardError("corrupt", "文件不完整（可能在传输中被截断）");
    return { offset, size, entries };
  }
  throw new ZipGuardError("corrupt", "不是有效的.xlsx文件（文件可能已损坏或在传输中被截断）");
}

/** Parses the central directory bytes and applies the limits. */
export function checkCentralDirectory(cd: Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS): ZipEntry[] {
  const entries: ZipEntry[] = [];
  let total = 0;
  const decoder = new TextDecoder("utf-8");
  for (let o = 0; o + 46 <= cd.length; ) {
    if (u32(cd, o) !== CEN_SIG) throw new ZipGuardError("corrupt", "ZIP 目录已损坏");
    const flags = u16(cd, o + 8);
    const method = u16(cd, o + 10);
    let compressedSize = u32(cd, o + 20);
    let size = u32(cd, o + 24);
    let localOffset = u32(cd, o + 42);
    const nameLen = u16(cd, o + 28);
    const extraLen = u16(cd, o + 30);
    const commentLen = u16(cd, o + 32);
    const name = decoder.decode(cd.subarray(o + 46, o + 46 + nameLen));
    // ZIP64 extra field carries the real sizes when the 32-bit ones are saturated.
    let e = o + 46 + nameLen;
    const extraEnd = e + extraLen;
    while (e + 4 <= extraEnd) {
      const id = u16(cd, e);
      const len = u16(cd, e + 2);
      if (id === 0x0001) {
        let p = e + 4;
        if (size === 0xffffffff) { size = u64(cd, p); p += 8; }
        if (compressedSize === 0xffffffff) { compressedSize = u64(cd, p); p += 8; }
        if (localOffset === 0xffffffff) { localOffset = u64(cd, p); }
      }
      e += 4 + len;
    }
    if (o + 46 + nameLen + extraLen + commentLen > cd.length) throw new ZipGuardError("corrupt", "ZIP 目录已损坏");
    // bit 0: an encrypted part (Office encrypts the whole file instead, as an OLE container)
    if ((flags & 1) !== 0 || (method !== 0 && method !== 8)) {
      throw new ZipGuardError("corrupt", `“${shownName(name)}”使用了不支持的压缩或加密方式`);
    }
    if (method === 0 && size !== compressedSize) throw new ZipGuardError("corrupt", "ZIP 目录已损坏");
    entries.push({ name, compressedSize, size, method, localOffset });
    if (entries.length > limits.maxEntries) throw new ZipGuardError("tooLarge", `文件内部件过多（超过${limits.maxEntries}个），不像正常的工作簿`);
    if (size > limits.maxPartBytes) throw new ZipGuardError("tooLarge", `“${shownName(name)}”解压后${Math.round(size / MiB)} MB，超过上限${Math.round(limits.maxPartBytes / MiB)} MB`);
    if (size > MiB && size / Math.max(compressedSize, 1) > limits.maxRatio) {
      throw new ZipGuardError("tooLarge", `“${shownName(name)}”压缩比异常（${Math.round(size / Math.max(compressedSize, 1))}:1），疑似压缩炸弹`);
    }
    total += size;
    if (total > limits.maxInflatedBytes) {
      throw new ZipGuardError("tooLarge", `解压后总大小超过上限${Math.round(limits.maxInflatedBytes / MiB)} MB`);
    }
    o += 46 + nameLen + extraLen + commentLen;
  }
  // what the package holds (a workbook, a Word document, an OpenDocument file) is told from its
  // content types and relationships by the reader (package.ts), never from part names here
  return entries;
}

/** The whole check over a file held in memory (the browser, or a small file in Node). */
export function checkXlsxBytes(bytes: Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS): ZipEntry[] {
  if (bytes.length >= 8 && u32(bytes, 0) === 0xe011cfd0 && u32(bytes, 4) === 0xe11ab1a1) {
    throw new ZipGuardError("encrypted", "文件设有打开密码或为旧版.xls格式；请在Excel或WPS中打开，取消密码并另存为.xlsx后再校验");
  }
  const tail = bytes.subarray(Math.max(0, bytes.length - 22 - 0xffff - 20));
  const { offset, size } = locateCentralDirectory(tail, bytes.length);
  return checkCentralDirectory(bytes.subarray(offset, offset + size), limits);
}
