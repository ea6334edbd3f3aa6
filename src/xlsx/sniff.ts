/**
 * Recognises what a file is from its first bytes, before any unzipping, so that the clerk gets
 * "设有打开密码" or "旧版 .xls" instead of a zip library's complaint.
 */
import { ReadError } from "./errors";
import { readMessages as M } from "./messages";
import { isWpsName } from "./names";

/** Bytes needed by `sniffKind`. */
export const SNIFF_BYTES = 8;

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const EMPTY_ZIP_MAGIC = [0x50, 0x4b, 0x05, 0x06];
// OLE compound file: both the legacy .xls and an encrypted .xlsx (which Office wraps in one)
const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(head: Uint8Array, magic: readonly number[]): boolean {
  if (head.length < magic.length) return false;
  return magic.every((b, i) => head[i] === b);
}

export type FileKind = "zip" | "cfb";

/** Throws a ReadError unless the bytes start like a zip or an OLE compound file. */
export function sniffKind(head: Uint8Array, size: number): FileKind {
  if (size === 0) throw new ReadError("empty", M.empty());
  if (startsWith(head, ZIP_MAGIC)) return "zip";
  if (startsWith(head, CFB_MAGIC)) return "cfb";
  if (startsWith(head, EMPTY_ZIP_MAGIC)) throw new ReadError("noWorkbook", M.noWorkbook());
  throw new ReadError("notXlsx", M.notXlsx());
}

function utf16le(s: string): Uint8Array {
  const out = new Uint8Array(s.length * 2);
  for (let i = 0; i < s.length; i++) out[i * 2] = s.charCodeAt(i);
  return out;
}
const ENCRYPTED_STREAM = utf16le("EncryptedPackage");

function contains(data: Uint8Array, needle: Uint8Array): boolean {
  const first = needle[0];
  outer: for (let i = 0; i + needle.length <= data.length; i++) {
    if (data[i] !== first) continue;
    for (let j = 1; j < needle.length; j++) if (data[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

const WORD_STREAM = utf16le("WordDocument");
const POWERPOINT_STREAM = utf16le("PowerPoint Document");

/**
 * The ReadError for an OLE compound file, told by the streams its directory names: an encrypted
 * .xlsx carries "EncryptedPackage", a Word 97–2003 document "WordDocument", a PowerPoint one
 * "PowerPoint Document"; anything else is an old binary workbook — a WPS 表格 one when its name
 * says .et/.ett (WPS's own format, laid out like .xls), else an .xls.
 */
export function cfbError(data: Uint8Array, fileName = ""): ReadError {
  if (contains(data, ENCRYPTED_STREAM)) return new ReadError("encrypted", M.encrypted());
  if (contains(data, WORD_STREAM)) return new ReadError("notXlsx", M.otherOffice("旧版 Word 文档（.doc）"));
  if (contains(data, POWERPOINT_STREAM)) return new ReadError("notXlsx", M.otherOffice("旧版 PowerPoint 演示文稿（.ppt）"));
  if (isWpsName(fileName)) return new ReadError("legacyBinary", M.wpsBinary());
  return new ReadError("legacyBinary", M.legacyBinary());
}

export function toBytes(data: ArrayBuffer | Uint8Array): Uint8Array {
  return data instanceof Uint8Array ? data : new Uint8Array(data);
}
