/**
 * Reads a whole .xlsx held in memory into a WorkbookSnapshot — in Node or in a browser (the task
 * pane's "check a file" path): no fs, no node streams, only `ExcelJS.Workbook().xlsx.load`.
 * Before ExcelJS (JSZip) inflates anything, zip-guard checks the central directory against the
 * limits, and every deflated part is inflated once as a stream (DecompressionStream, discarding
 * the output) to prove it does not inflate past its declared size and that no XML part carries
 * a DOCTYPE or a text run no cell can hold — JSZip itself would inflate a part whole before
 * comparing sizes.
 * Cell conversion is shared with the streaming file reader (cells.ts), so both give the same
 * snapshot for the same file.
 */
import ExcelJS from "exceljs";
import type { WorkbookSnapshot } from "../core/validate/snapshot";
import { CellBudget, SheetBuilder, fromExcelValue } from "./cells";
import { ReadError } from "./errors";
import { readMessages as M } from "./messages";
import { type ReadOptions, maxCellsOf, zipLimitsFor } from "./limits";
import { SNIFF_BYTES, cfbError, sniffKind, toBytes } from "./sniff";
import { InflateCounter, PrologGuard, TextRunGuard, holdsCellText } from "./xml-guard";
import { checkXlsxBytes, type ZipEntry } from "./zip-guard";

export type { ReadOptions } from "./limits";

const LOCAL_SIG = 0x04034b50;

type Decompressor = new (format: "deflate-raw") => TransformStream<Uint8Array, Uint8Array>;

/** Where a part's data starts (after its local header), checked to lie inside the file. */
function dataStart(bytes: Uint8Array, e: ZipEntry): number {
  const o = e.localOffset;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (o + 30 > bytes.length || view.getUint32(o, true) !== LOCAL_SIG) throw new ReadError("corrupt", M.corrupt());
  const start = o + 30 + view.getUint16(o + 26, true) + view.getUint16(o + 28, true);
  if (start + e.compressedSize > bytes.length) throw new ReadError("corrupt", M.corrupt());
  return start;
}

/**
 * Inflates each part once, as a stream, holding it to its declared size and looking for a
 * DOCTYPE in XML parts and for over-long text in sheets and shared strings. Where the runtime has no DecompressionStream (not Node ≥ 18, Edge
 * WebView2 or any current browser) deflated parts are left to JSZip and the declared sizes.
 */
async function verifyParts(bytes: Uint8Array, entries: readonly ZipEntry[]): Promise<void> {
  const DS = (globalThis as { DecompressionStream?: Decompressor }).DecompressionStream;
  for (const e of entries) {
    const data = bytes.subarray(dataStart(bytes, e), dataStart(bytes, e) + e.compressedSize);
    const counter = new InflateCounter(e.name, e.size);
    const prolog = /\.(xml|rels)$/i.test(e.name) ? new PrologGuard(e.name) : null;
    const runs = holdsCellText(e.name) ? new TextRunGuard() : null;
    const decoder = new TextDecoder("utf-8");
    const feed = (chunk: Uint8Array) => {
      counter.add(chunk.length);
      runs?.add(chunk);
      if (prolog && !prolog.settled) prolog.feed(decoder.decode(chunk, { stream: true }));
    };
    if (e.method === 0) {
      feed(data);
      counter.end();
      continue;
    }
    if (!DS) continue;
    const input = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(data);
        c.close();
      },
    });
    const reader = input.pipeThrough(new DS("deflate-raw")).getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        feed(value);
      }
    } catch (err) {
      await reader.cancel().catch(() => undefined);
      if (err instanceof ReadError) throw err;
      throw new ReadError("corrupt", M.corrupt(), { cause: err });
    }
    counter.end();
  }
}

/** ExcelJS marks the cells a merge covers (other than its top-left) with this type. */
const MERGE_TYPE = 1;

/** Turns anything thrown while unzipping/parsing into a one-line ReadError. */
export function asReadError(e: unknown): ReadError {
  if (e instanceof ReadError) return e;
  const text = e instanceof Error ? e.message : String(e);
  if (/xml|sax|entity|unclosed|unexpected close|text data outside|attribute|invalid character/i.test(text)) {
    return new ReadError("badXml", M.badXml("工作表"), { cause: e });
  }
  return new ReadError("corrupt", M.corrupt(), { cause: e });
}

/** Reads an .xlsx from memory. Throws ReadError (one Chinese line) on any failure. */
export async function readWorkbookBuffer(
  data: ArrayBuffer | Uint8Array,
  opts: ReadOptions & { file?: string } = {},
): Promise<WorkbookSnapshot> {
  const bytes = toBytes(data);
  const kind = sniffKind(bytes.subarray(0, SNIFF_BYTES), bytes.length);
  if (kind === "cfb") throw cfbError(bytes);
  const entries = checkXlsxBytes(bytes, zipLimitsFor(opts));
  if (!entries.some((e) => e.name === "xl/workbook.xml")) throw new ReadError("noWorkbook", M.noWorkbook());
  await verifyParts(bytes, entries);
  const budget = new CellBudget(maxCellsOf(opts));

  const wb = new ExcelJS.Workbook();
  try {
    // ExcelJS's typings want a node Buffer; in a browser it takes any ArrayBuffer view
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (e) {
    throw asReadError(e);
  }
  const model = wb.model as unknown as { sheets?: unknown[] };
  if (!Array.isArray(model.sheets)) throw new ReadError("noWorkbook", M.noWorkbook());

  const date1904 = Boolean((wb.properties as { date1904?: boolean }).date1904);
  const sheets = [];
  for (const ws of wb.worksheets) {
    const b = new SheetBuilder(budget);
    ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
        if ((cell.type as number) === MERGE_TYPE) return;
        b.set(rowNumber, colNumber, fromExcelValue(cell.value, { numFmt: cell.numFmt, date1904 }));
      });
    });
    const merges = (ws.model as unknown as { merges?: string[] }).merges ?? [];
    for (const ref of merges) b.addMerge(ref);
    sheets.push(b.finish(ws.name));
  }
  return opts.file !== undefined ? { file: opts.file, sheets } : { sheets };
}
