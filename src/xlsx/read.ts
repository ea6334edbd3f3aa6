/**
 * .xlsx → WorkbookSnapshot.
 *
 * `readWorkbookFile` (Node only) reads the file's tail and central directory first and checks
 * them (zip-guard: sizes, ratio, part count) before anything is inflated; then it inflates the
 * parts it needs one at a time, as streams held to their declared sizes (unzip-file.ts): the
 * workbook, its relationships, styles and shared strings first, then each worksheet, parsed once
 * as it goes by. ExcelJS's own worksheet parser drops merged ranges, loses inline rich-text runs
 * and error results of formulas, so sheet XML and shared strings are parsed here (with ExcelJS's
 * SAX helper); workbook, relationships and styles use ExcelJS's parsers.
 * `readWorkbookBuffer` (browser-safe, buffer.ts) loads a workbook held in memory. Both convert
 * cells with cells.ts and give the same snapshot for the same file.
 */
import { promises as fsp } from "fs";
import { basename } from "path";
import parseSax from "exceljs/lib/utils/parse-sax";
import RelationshipsXform from "exceljs/lib/xlsx/xform/core/relationships-xform";
import StylesXform from "exceljs/lib/xlsx/xform/style/styles-xform";
import WorkbookXform from "exceljs/lib/xlsx/xform/book/workbook-xform";
import type { CellValue } from "../core/input/coerce";
import type { SheetSnapshot, WorkbookSnapshot } from "../core/validate/snapshot";
import { asReadError } from "./buffer";
import { CellBudget, type CellContext, DEFAULT_MAX_CELLS, SheetBuilder, fromExcelValue } from "./cells";
import { ReadError } from "./errors";
import { MAX_CELL_TEXT, type ReadOptions, maxCellsOf, zipLimitsFor } from "./limits";
import { readMessages as M } from "./messages";
import { SNIFF_BYTES, cfbError, sniffKind } from "./sniff";
import { openZipFile, type ZipFile } from "./unzip-file";
import { shownName } from "./zip-guard";

export { ReadError } from "./errors";
export { readWorkbookBuffer } from "./buffer";
export { DEFAULT_MAX_CELLS, DEFAULT_MAX_INFLATED_MB, MAX_CELL_TEXT, type ReadOptions } from "./limits";

/** What the workbook-level parts tell the sheet parser. */
interface BookInfo {
  shared: readonly unknown[];
  styles: StylesXform;
  date1904: boolean;
}

function fsError(e: unknown): ReadError {
  const code = (e as { code?: string }).code;
  if (code === "ENOENT") return new ReadError("notFound", M.notFound(), { cause: e });
  if (code === "EACCES" || code === "EPERM") return new ReadError("noAccess", M.noAccess(), { cause: e });
  if (code === "EISDIR") return new ReadError("isFolder", M.isFolder(), { cause: e });
  return new ReadError("unexpected", M.unexpected(code ?? String(e)), { cause: e });
}

/** An OLE file bigger than this is judged from its first and last bytes only (its directory). */
const CFB_SCAN_BYTES = 16 * 1024 * 1024;

/** Opens the file, sniffs it and checks its zip directory: nothing is inflated yet. */
async function openChecked(path: string, opts: ReadOptions): Promise<ZipFile> {
  let handle: fsp.FileHandle | undefined;
  try {
    handle = await fsp.open(path, "r");
    const stat = await handle.stat();
    if (stat.isDirectory()) throw new ReadError("isFolder", M.isFolder());
    const head = new Uint8Array(SNIFF_BYTES);
    await handle.read(head, 0, SNIFF_BYTES, 0);
    if (sniffKind(head, stat.size) === "cfb") {
      // an OLE file: encrypted .xlsx or legacy .xls; its directory names the streams
      if (stat.size <= CFB_SCAN_BYTES) throw cfbError(new Uint8Array(await handle.readFile()));
      const half = CFB_SCAN_BYTES / 2;
      const buf = new Uint8Array(CFB_SCAN_BYTES);
      await handle.read(buf, 0, half, 0);
      await handle.read(buf, half, half, stat.size - half);
      throw cfbError(buf);
    }
    const zip = await openZipFile(path, handle, stat.size, zipLimitsFor(opts));
    handle = undefined; // the ZipFile owns it now
    return zip;
  } catch (e) {
    throw e instanceof ReadError ? e : fsError(e);
  } finally {
    await handle?.close();
  }
}

/** Runs one part's parser; anything it throws that is not a ReadError becomes "part cannot be parsed". */
async function parsePart<T>(label: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    if (e instanceof ReadError) throw e;
    throw new ReadError("badXml", M.badXml(label), { cause: e });
  }
}

/** Excel's escape for characters XML cannot carry (ECMA-376 §22.9.2.19 ST_Xstring), as ExcelJS decodes it. */
function unescapeXstring(s: string): string {
  return s.indexOf("_x") < 0 ? s : s.replace(/_x([0-9A-F]{4})_/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
}

function tooLong(): ReadError {
  return new ReadError("tooLarge", M.textTooLong(MAX_CELL_TEXT));
}

/**
 * xl/sharedStrings.xml → one value per <si>: its text (the <t> of a plain string, or its runs'
 * <t> joined), phonetic runs (<rPh>) left out — the same as ExcelJS's in-memory reader gives.
 * At most `maxCount` strings; a string longer than any cell can hold is refused as it streams in.
 */
async function parseSharedStrings(iterator: AsyncIterable<unknown>, maxCount: number): Promise<(string | null)[]> {
  const out: (string | null)[] = [];
  let parts: string[] | null = null;
  let length = 0;
  let t: string | null = null;
  let inPhonetic = false;
  for await (const events of parseSax(iterator)) {
    for (const ev of events) {
      if (ev.eventType === "text") {
        if (t !== null) {
          t += ev.value;
          if (length + t.length > MAX_CELL_TEXT * 7) throw tooLong();
        }
        continue;
      }
      const name = ev.value.name;
      if (ev.eventType === "opentag") {
        if (name === "si") {
          parts = [];
          length = 0;
        } else if (name === "rPh") inPhonetic = true;
        else if (name === "t" && parts !== null && !inPhonetic) t = "";
        continue;
      }
      if (name === "t" && t !== null && parts !== null) {
        const text = unescapeXstring(t);
        parts.push(text);
        // the exact limit is checked on the cells that use the string (SheetBuilder), as in the
        // in-memory reader; this only bounds what an unused string can hold
        length += text.length;
        if (length > MAX_CELL_TEXT * 7) throw tooLong();
        t = null;
      } else if (name === "rPh") inPhonetic = false;
      else if (name === "si" && parts !== null) {
        if (out.length >= maxCount) throw new ReadError("tooLarge", M.tooManyStrings(maxCount));
        out.push(parts.length === 0 ? null : parts.join(""));
        parts = null;
      }
    }
  }
  return out;
}

/** Parses one worksheet's XML into `builder`; numbers needing styles not yet known go to `pending`. */
async function parseSheet(
  iterator: AsyncIterable<unknown>,
  builder: SheetBuilder,
  book: BookInfo,
): Promise<void> {
  const { shared, styles, date1904 } = book;
  const plain: CellContext = { date1904 };
  const contexts = new Map<number, CellContext>();
  const ctxOf = (style: number): CellContext => {
    if (style <= 0) return plain;
    let ctx = contexts.get(style);
    if (!ctx) contexts.set(style, (ctx = { numFmt: styles.getStyleModel(style)?.numFmt, date1904 }));
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
        if (inV) {
          v = (v ?? "") + ev.value;
          if (v.length > MAX_CELL_TEXT) throw tooLong();
        } else if (inIs && inT && !inPhonetic) {
          inline = (inline ?? "") + ev.value;
          if (inline.length > MAX_CELL_TEXT) throw tooLong();
        }
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
              raw = Number.isInteger(i) ? shared[i] : null;
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
          const value: CellValue = fromExcelValue(hasFormula ? { formula: "", result: raw } : raw, ctxOf(style));
          builder.set(rowNo, col, value);
          break;
        }
        default:
          break;
      }
    }
  }
}

/** Part name of a relationship target of xl/workbook.xml ("worksheets/sheet1.xml", "/xl/…"). */
function partOf(target: string): string {
  return target.startsWith("/") ? target.slice(1) : `xl/${target}`;
}

const SHEET_PART = /^xl\/worksheets\/sheet(\d+)\.xml$/;

/**
 * Reads an .xlsx file part by part (see the module comment). Throws ReadError (one Chinese line)
 * on any failure, including a limit of `opts` (cells, inflated size) being passed.
 */
export async function readWorkbookFile(path: string, opts: ReadOptions = {}): Promise<WorkbookSnapshot> {
  const maxCells = maxCellsOf(opts);
  const budget = new CellBudget(maxCells);
  const zip = await openChecked(path, opts);
  try {
    const wbEntry = zip.find("xl/workbook.xml");
    if (!wbEntry) throw new ReadError("noWorkbook", M.noWorkbook());
    const wbx = new WorkbookXform();
    await parsePart("工作簿目录", () => wbx.parseStream(zip.text(wbEntry)));
    const listed = wbx.model?.sheets;
    if (!Array.isArray(listed)) throw new ReadError("noWorkbook", M.noWorkbook());
    const date1904 = Boolean(wbx.map.workbookPr.model?.date1904);

    const relsEntry = zip.find("xl/_rels/workbook.xml.rels");
    const rels = relsEntry ? ((await parsePart("工作簿关系", () => new RelationshipsXform().parseStream(zip.text(relsEntry)))) ?? []) : [];

    let styles = new StylesXform();
    const stylesEntry = zip.find("xl/styles.xml");
    if (stylesEntry) {
      await parsePart("样式", () => styles.parseStream(zip.text(stylesEntry)));
    } else {
      styles = new StylesXform(true);
    }

    const sstEntry = zip.find("xl/sharedStrings.xml");
    // a sheet uses at most one string per cell, but Excel may keep unused ones: never below the default
    const maxStrings = Math.max(maxCells, DEFAULT_MAX_CELLS);
    const shared = sstEntry ? await parsePart("共享字符串", () => parseSharedStrings(zip.text(sstEntry), maxStrings)) : [];
    const book: BookInfo = { shared, styles, date1904 };

    // name and order each sheet as the workbook lists them (the zip's order may differ)
    const named = zip.entries.flatMap((entry) => {
      const m = SHEET_PART.exec(entry.name);
      if (!m) return [];
      const no = parseInt(m[1], 10);
      const rel = rels.find((r) => partOf(r.Target) === entry.name);
      const index = rel ? listed.findIndex((s) => s.rId === rel.Id) : -1;
      return [{ entry, no, index: index < 0 ? Number.MAX_SAFE_INTEGER : index, name: index < 0 ? `Sheet${no}` : listed[index].name }];
    });
    named.sort((a, b) => a.index - b.index || a.no - b.no);
    const sheets: SheetSnapshot[] = [];
    for (const s of named) {
      const builder = new SheetBuilder(budget);
      await parsePart(`工作表“${shownName(s.name)}”`, () => parseSheet(zip.text(s.entry), builder, book));
      sheets.push(builder.finish(s.name));
    }
    return { file: basename(path), sheets };
  } catch (e) {
    throw asReadError(e);
  } finally {
    await zip.close();
  }
}
