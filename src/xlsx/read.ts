/**
 * .xlsx → WorkbookSnapshot.
 *
 * `readWorkbookFile` (Node only) streams the file with ExcelJS's WorkbookReader: the zip is
 * read once and each worksheet's XML parsed once as it goes by. ExcelJS's own worksheet parser
 * drops merged ranges, loses inline rich-text runs and error results of formulas, so the sheet
 * XML is parsed here (with ExcelJS's SAX helper); the zip, shared strings, styles and workbook
 * parts still come from ExcelJS.
 * `readWorkbookBuffer` (browser-safe, buffer.ts) loads a workbook held in memory. Both convert
 * cells with cells.ts and give the same snapshot for the same file.
 */
import { promises as fsp, createReadStream } from "fs";
import { basename } from "path";
import ExcelJS from "exceljs";
import parseSax from "exceljs/lib/utils/parse-sax";
import type { CellValue } from "../core/input/coerce";
import type { SheetSnapshot, WorkbookSnapshot } from "../core/validate/snapshot";
import { type ReadOptions, asReadError } from "./buffer";
import { CellBudget, type CellContext, DEFAULT_MAX_CELLS, SheetBuilder, fromExcelValue } from "./cells";
import { ReadError } from "./errors";
import { readMessages as M } from "./messages";
import { SNIFF_BYTES, cfbError, sniffKind } from "./sniff";

export { ReadError } from "./errors";
export { readWorkbookBuffer, type ReadOptions } from "./buffer";
export { DEFAULT_MAX_CELLS } from "./cells";

/** The parts of ExcelJS's streaming WorkbookReader this module relies on (ExcelJS 4.4). */
interface StreamReader {
  parse(): AsyncGenerator<{ eventType: string; value: { iterator: AsyncIterable<unknown> } }>;
  on(event: "entry", fn: (e: { type: string; id?: string }) => void): void;
  sharedStrings?: unknown[];
  styles: { getStyleModel(id: number): { numFmt?: string } | null };
  workbookRels?: { Id: string; Target: string }[];
  model?: { sheets?: { name: string; rId: string }[] };
  properties?: { model?: { date1904?: boolean } };
}

/** A styled number read before styles.xml or workbook.xml was seen: resolved at the end. */
interface PendingNumber {
  builder: SheetBuilder;
  row: number;
  col: number;
  raw: number;
  style: number;
}

interface ParsedSheet {
  sheetNo: number;
  builder: SheetBuilder;
}

function fsError(e: unknown): ReadError {
  const code = (e as { code?: string }).code;
  if (code === "ENOENT") return new ReadError("notFound", M.notFound(), { cause: e });
  if (code === "EACCES" || code === "EPERM") return new ReadError("noAccess", M.noAccess(), { cause: e });
  if (code === "EISDIR") return new ReadError("isFolder", M.isFolder(), { cause: e });
  return new ReadError("unexpected", M.unexpected(code ?? String(e)), { cause: e });
}

/** Reads the first bytes and the size; throws ReadError for anything that is not a zip. */
async function checkFile(path: string): Promise<void> {
  let handle: fsp.FileHandle | undefined;
  try {
    handle = await fsp.open(path, "r");
    const stat = await handle.stat();
    if (stat.isDirectory()) throw new ReadError("isFolder", M.isFolder());
    const head = new Uint8Array(SNIFF_BYTES);
    await handle.read(head, 0, SNIFF_BYTES, 0);
    if (sniffKind(head, stat.size) === "cfb") {
      // an OLE file: encrypted .xlsx or legacy .xls; reading it whole is fine, it is not parsed
      throw cfbError(new Uint8Array(await handle.readFile()));
    }
  } catch (e) {
    throw e instanceof ReadError ? e : fsError(e);
  } finally {
    await handle?.close();
  }
}

/** Target of a workbook relationship, normalised to "worksheets/sheetN.xml". */
function relTarget(target: string): string {
  return target.replace(/^\/?xl\//, "").replace(/^\//, "");
}

/** Parses one worksheet's XML into `builder`; numbers needing styles not yet known go to `pending`. */
async function parseSheet(
  iterator: AsyncIterable<unknown>,
  builder: SheetBuilder,
  reader: StreamReader,
  stylesReady: boolean,
  pending: PendingNumber[],
): Promise<void> {
  const shared = reader.sharedStrings;
  const ready = stylesReady && reader.model !== undefined;
  const date1904 = Boolean(reader.properties?.model?.date1904);
  const plain: CellContext = { date1904 };
  const contexts = new Map<number, CellContext>();
  const ctxOf = (style: number): CellContext => {
    if (style <= 0) return plain;
    let ctx = contexts.get(style);
    if (!ctx) contexts.set(style, (ctx = { numFmt: reader.styles.getStyleModel(style)?.numFmt, date1904 }));
    return ctx;
  };

  let rowNo = 0;
  let colNo = 0;
  // the current cell
  let inCell = false;
  let ref: string | undefined;
  let type = "n";
  let style = 0;
  let hasFormula = false;
  let v: string | null = null;
  let inline: string | null = null;
  // where text goes: <v>, an inline string's <t> (not its phonetic <rPh> runs)
  let inV = false;
  let inIs = false;
  let inT = false;
  let inPhonetic = false;

  for await (const events of parseSax(iterator)) {
    for (const ev of events) {
      if (ev.eventType === "text") {
        if (inV) v = (v ?? "") + ev.value;
        else if (inIs && inT && !inPhonetic) inline = (inline ?? "") + ev.value;
        continue;
      }
      const tag = ev.value;
      if (ev.eventType === "opentag") {
        switch (tag.name) {
          case "row":
            rowNo = tag.attributes.r ? parseInt(tag.attributes.r, 10) : rowNo + 1;
            colNo = 0;
            break;
          case "c":
            inCell = true;
            ref = tag.attributes.r;
            type = tag.attributes.t ?? "n";
            style = tag.attributes.s ? parseInt(tag.attributes.s, 10) : 0;
            hasFormula = false;
            v = null;
            inline = null;
            break;
          case "f":
            if (inCell) hasFormula = true;
            break;
          case "v":
            if (inCell) inV = true;
            break;
          case "is":
            if (inCell) inIs = true;
            break;
          case "t":
            if (inIs) inT = true;
            break;
          case "rPh":
            if (inIs) inPhonetic = true;
            break;
          case "mergeCell":
            if (tag.attributes.ref) builder.addMerge(tag.attributes.ref);
            break;
          default:
            break;
        }
        continue;
      }
      // closetag
      switch (tag.name) {
        case "v":
          inV = false;
          break;
        case "t":
          inT = false;
          break;
        case "rPh":
          inPhonetic = false;
          break;
        case "is":
          inIs = false;
          break;
        case "c": {
          inCell = false;
          let col = colNo + 1;
          if (ref) {
            // "AB12" → column 28, row 12, without a regex per cell (hot loop: every cell)
            let c = 0;
            let i = 0;
            for (; i < ref.length; i++) {
              const code = ref.charCodeAt(i);
              if (code < 65 || code > 90) break;
              c = c * 26 + code - 64;
            }
            const r = i > 0 ? parseInt(ref.slice(i), 10) : NaN;
            if (c > 0 && r > 0) {
              col = c;
              rowNo = r;
            }
          }
          colNo = col;
          let raw: unknown = null;
          switch (type) {
            case "s": {
              const i = v === null ? NaN : parseInt(v, 10);
              raw = shared && Number.isInteger(i) ? shared[i] : null;
              break;
            }
            case "inlineStr":
              raw = inline;
              break;
            case "str":
              raw = v;
              break;
            case "b":
              raw = v === null ? null : parseInt(v, 10) !== 0;
              break;
            case "e":
              raw = v === null ? null : { error: v };
              break;
            case "d":
              raw = v === null ? null : new Date(v);
              break;
            default:
              raw = v === null ? null : parseFloat(v);
              break;
          }
          if (typeof raw === "number" && style > 0 && !ready) {
            pending.push({ builder, row: rowNo, col, raw, style });
          } else {
            const value: CellValue = fromExcelValue(hasFormula ? { formula: "", result: raw } : raw, ctxOf(style));
            builder.set(rowNo, col, value);
          }
          break;
        }
        default:
          break;
      }
    }
  }
}

/** Reads an .xlsx file by streaming it once. Throws ReadError (one Chinese line) on any failure. */
export async function readWorkbookFile(path: string, opts: ReadOptions = {}): Promise<WorkbookSnapshot> {
  await checkFile(path);
  const budget = new CellBudget(opts.maxCells ?? DEFAULT_MAX_CELLS);
  const input = createReadStream(path);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    worksheets: "emit",
    sharedStrings: "cache",
    hyperlinks: "ignore",
    styles: "cache",
    entries: "emit",
  }) as unknown as StreamReader;
  const initialStyles = reader.styles;
  let sheetNo = 0;
  reader.on("entry", (e) => {
    if (e.type === "worksheet" && e.id !== undefined) sheetNo = parseInt(e.id, 10);
  });

  const parsed: ParsedSheet[] = [];
  const pending: PendingNumber[] = [];
  try {
    for await (const { eventType, value } of reader.parse()) {
      if (eventType !== "worksheet") continue;
      const builder = new SheetBuilder(budget);
      parsed.push({ sheetNo, builder });
      await parseSheet(value.iterator, builder, reader, reader.styles !== initialStyles, pending);
    }
  } catch (e) {
    input.destroy();
    throw asReadError(e);
  }
  if (!reader.model || !Array.isArray(reader.model.sheets)) throw new ReadError("noWorkbook", M.noWorkbook());

  const date1904 = Boolean(reader.properties?.model?.date1904);
  for (const p of pending) {
    p.builder.set(p.row, p.col, fromExcelValue(p.raw, { numFmt: reader.styles.getStyleModel(p.style)?.numFmt, date1904 }));
  }

  // name and order each sheet as the workbook lists them (the zip's order may differ)
  const listed = reader.model.sheets;
  const rels = reader.workbookRels ?? [];
  const named = parsed.map(({ sheetNo: no, builder }) => {
    const rel = rels.find((r) => relTarget(r.Target) === `worksheets/sheet${no}.xml`);
    const index = rel ? listed.findIndex((s) => s.rId === rel.Id) : -1;
    return { no, builder, index: index < 0 ? Number.MAX_SAFE_INTEGER : index, name: index < 0 ? `Sheet${no}` : listed[index].name };
  });
  named.sort((a, b) => a.index - b.index || a.no - b.no);
  const sheets: SheetSnapshot[] = named.map((s) => s.builder.finish(s.name));
  return { file: basename(path), sheets };
}
