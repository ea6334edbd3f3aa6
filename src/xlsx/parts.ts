/**
 * The handlers the scanner (scan.ts) drives, one per kind of part: content types, relationships,
 * the workbook, styles, shared strings and worksheets. Elements are matched by local name (any
 * prefix); text becomes cells through the core's one cell model (`cellFromRaw`).
 */
import { type RawCell, builtinFormat, cellFromRaw, serialFromIsoText } from "../core/input/cell";
import { DEFAULT_MAX_CELLS, MAX_CELL_TEXT, type SheetBuilder } from "./cells";
import { ReadError } from "./errors";
import { readMessages as M } from "./messages";
import { type XmlHandler, attr, decodeText } from "./scan";

function tooLong(): ReadError {
  return new ReadError("tooLarge", M.textTooLong(MAX_CELL_TEXT));
}

/** Excel's escape for characters XML cannot carry (ECMA-376 §22.9.2.19 ST_Xstring). */
export function unescapeXstring(s: string): string {
  return s.indexOf("_x") < 0 ? s : s.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
}

/** [Content_Types].xml: default content types by extension and overrides by part name. */
export class ContentTypesHandler implements XmlHandler {
  readonly defaults = new Map<string, string>();
  readonly overrides = new Map<string, string>();
  constructor(private readonly part: string) {}
  open(name: string, s: string, a: number, b: number): void {
    if (name === "Default") {
      const ext = attr(s, a, b, "Extension", this.part);
      const type = attr(s, a, b, "ContentType", this.part);
      if (ext && type) this.defaults.set(ext.toLowerCase(), type);
    } else if (name === "Override") {
      const part = attr(s, a, b, "PartName", this.part);
      const type = attr(s, a, b, "ContentType", this.part);
      if (part && type) this.overrides.set(part.replace(/\\/g, "/").replace(/^\/+/, "").toLowerCase(), type);
    }
  }
  close(): void {}
  text(): void {}
}

export interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

/** A .rels part. */
export class RelationshipsHandler implements XmlHandler {
  readonly rels: Relationship[] = [];
  constructor(private readonly part: string) {}
  open(name: string, s: string, a: number, b: number): void {
    if (name !== "Relationship") return;
    const id = attr(s, a, b, "Id", this.part) ?? "";
    const type = attr(s, a, b, "Type", this.part) ?? "";
    const target = attr(s, a, b, "Target", this.part);
    if (target === undefined) return;
    this.rels.push({ id, type, target, external: attr(s, a, b, "TargetMode", this.part) === "External" });
  }
  close(): void {}
  text(): void {}
}

export interface ListedSheet {
  name: string;
  /** relationship id (r:id, whatever its prefix) */
  rid: string;
}

/** The workbook part: its sheets in order, and its date system. */
export class WorkbookHandler implements XmlHandler {
  readonly sheets: ListedSheet[] = [];
  date1904 = false;
  root = "";
  constructor(private readonly part: string) {}
  open(name: string, s: string, a: number, b: number): void {
    if (this.root === "") this.root = name;
    if (name === "sheet") {
      this.sheets.push({ name: attr(s, a, b, "name", this.part) ?? `Sheet${this.sheets.length + 1}`, rid: attr(s, a, b, "id", this.part) ?? "" });
    } else if (name === "workbookPr") {
      const v = attr(s, a, b, "date1904", this.part);
      this.date1904 = v === "1" || v === "true";
    }
  }
  close(): void {}
  text(): void {}
}

/** The styles part: each cell format (xf of cellXfs) → its number format code. */
export class StylesHandler implements XmlHandler {
  private readonly codes = new Map<number, string>();
  private readonly xfIds: number[] = [];
  /** where we are: inside <numFmts> (not a dxf's numFmt), inside <cellXfs> (not cellStyleXfs) */
  private inNumFmts = false;
  private inCellXfs = false;
  /** depth below <cellXfs>: only its direct <xf> children count */
  private depth = 0;
  constructor(private readonly part: string) {}
  open(name: string, s: string, a: number, b: number): void {
    if (this.inCellXfs) this.depth++;
    if (name === "numFmts") this.inNumFmts = true;
    else if (name === "numFmt" && this.inNumFmts) {
      const id = Number(attr(s, a, b, "numFmtId", this.part));
      const code = attr(s, a, b, "formatCode", this.part);
      if (Number.isInteger(id) && code !== undefined) this.codes.set(id, code);
    } else if (name === "cellXfs") {
      this.inCellXfs = true;
      this.depth = 0;
    } else if (name === "xf" && this.inCellXfs && this.depth === 1) {
      const id = Number(attr(s, a, b, "numFmtId", this.part) ?? "0");
      this.xfIds.push(Number.isInteger(id) ? id : 0);
    }
  }
  close(name: string): void {
    if (name === "numFmts") this.inNumFmts = false;
    else if (name === "cellXfs") this.inCellXfs = false;
    else if (this.inCellXfs) this.depth--;
  }
  text(): void {}

  /** Format code of each style index (a file's own code wins over the built-in one of the same id). */
  formats(): (string | undefined)[] {
    return this.xfIds.map((id) => this.codes.get(id) ?? builtinFormat(id));
  }
}

/**
 * The shared strings: one value per <si> — the text of its <t>, or its runs' <t> joined; phonetic
 * runs (<rPh>) left out. At most `maxCount` strings; a string longer than any cell can hold is
 * refused as it streams in.
 */
export class SharedStringsHandler implements XmlHandler {
  readonly strings: (string | null)[] = [];
  private parts: string[] | null = null;
  private length = 0;
  private t: string | null = null;
  private cdata = false;
  private inPhonetic = false;
  constructor(private readonly part: string, private readonly maxCount: number) {}
  open(name: string): void {
    if (name === "si") {
      this.parts = [];
      this.length = 0;
    } else if (name === "rPh") this.inPhonetic = true;
    else if (name === "t" && this.parts !== null && !this.inPhonetic) {
      this.t = "";
      this.cdata = false;
    }
  }
  text(raw: string, cdata: boolean): void {
    if (this.t === null) return;
    // CDATA is already literal: escape it back so the whole <t> decodes once
    this.t += cdata ? raw.replace(/&/g, "&amp;") : raw;
    this.cdata ||= cdata;
    if (this.length + this.t.length > MAX_CELL_TEXT * 8) throw tooLong();
  }
  close(name: string): void {
    if (name === "t" && this.t !== null && this.parts !== null) {
      const text = unescapeXstring(decodeText(this.t, this.part));
      this.parts.push(text);
      // the exact limit is checked on the cells that use the string (SheetBuilder); this only
      // bounds what an unused string can hold
      this.length += text.length;
      if (this.length > MAX_CELL_TEXT * 7) throw tooLong();
      this.t = null;
    } else if (name === "rPh") this.inPhonetic = false;
    else if (name === "si" && this.parts !== null) {
      if (this.strings.length >= this.maxCount) throw new ReadError("tooLarge", M.tooManyStrings(this.maxCount));
      this.strings.push(this.parts.length === 0 ? null : this.parts.join(""));
      this.parts = null;
    }
  }
}

/** Upper bound for shared strings: a sheet uses at most one per cell, but Excel may keep unused ones. */
export function maxSharedStrings(maxCells: number): number {
  return Math.max(maxCells, DEFAULT_MAX_CELLS);
}

export interface BookInfo {
  shared: readonly (string | null)[];
  /** number format code of each style index */
  formats: readonly (string | undefined)[];
  date1904: boolean;
}

/** 10^k, exact as doubles up to 10^22 */
const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/**
 * `+v`, read without the engine's general conversion when `v` is plain decimal ("12", "-3",
 * "65.25"): at most 15 digits, so the digits are an exact integer and one division by an exact
 * power of ten rounds once, to the same double `+v` gives. Anything else goes to `+v`.
 */
export function numberOf(v: string): number {
  const n = v.length;
  if (n === 0 || n > 16) return +v;
  let k = 0;
  const neg = v.charCodeAt(0) === 45; /* - */
  if (neg) k = 1;
  let m = 0;
  let digits = 0;
  let point = -1;
  for (; k < n; k++) {
    const c = v.charCodeAt(k);
    if (c >= 48 && c <= 57) {
      m = m * 10 + (c - 48);
      digits++;
    } else if (c === 46 /* . */ && point < 0) point = k;
    else return +v;
  }
  // "", "-", ".", "1.", ".5", "-.5": left to the general rule
  if (digits === 0 || digits > 15 || point === n - 1 || point === (neg ? 1 : 0)) return +v;
  const x = point < 0 ? m : m / POW10[n - 1 - point];
  return neg ? -x : x;
}

const NONE = 0;
const IN_V = 1;
const IN_T = 2;

/**
 * One worksheet part → cells in a SheetBuilder. Rows and cells without an `r` attribute follow the
 * previous one; `<is>` inline strings (with runs, without phonetic runs), shared strings, numbers,
 * booleans, errors and `t="d"` ISO dates (civil: no time zone) are read; formulas give their
 * cached value. Text inside sheetData but outside any cell is counted (`stray`): a part with such
 * content and no cell is not a worksheet this reader understands, and is reported, not passed.
 */
export class SheetHandler implements XmlHandler {
  root = "";
  cells = 0;
  stray = false;
  private row = 0;
  private col = 0;
  private inSheetData = false;
  private inCell = false;
  private type = "n";
  private style = 0;
  private v = "";
  private inline: string | null = null;
  private into = NONE;
  private inIs = false;
  private inPhonetic = false;

  constructor(private readonly part: string, private readonly builder: SheetBuilder, private readonly book: BookInfo) {}

  open(name: string, s: string, a: number, b: number): void {
    if (this.root === "") this.root = name;
    switch (name) {
      case "c":
        if (this.inSheetData) this.startCell(s, a, b);
        break;
      case "v":
        if (this.inCell) {
          this.into = IN_V;
          this.v = "";
        }
        break;
      case "is":
        if (this.inCell) {
          this.inIs = true;
          this.inline = "";
        }
        break;
      case "t":
        if (this.inIs && !this.inPhonetic) this.into = IN_T;
        break;
      case "rPh":
        if (this.inIs) this.inPhonetic = true;
        break;
      case "row": {
        const r = attr(s, a, b, "r", this.part);
        const n = r === undefined ? NaN : parseInt(r, 10);
        this.row = n > 0 ? n : this.row + 1;
        this.col = 0;
        break;
      }
      case "sheetData":
        this.inSheetData = true;
        break;
      case "mergeCell": {
        const ref = attr(s, a, b, "ref", this.part);
        if (ref) this.builder.addMerge(ref);
        break;
      }
      default:
        break;
    }
  }

  /** Reads r, s and t of a <c> in one pass over its attribute text. */
  private startCell(s: string, a: number, b: number): void {
    this.inCell = true;
    this.type = "n";
    this.style = 0;
    this.v = "";
    this.inline = null;
    let col = 0;
    let row = 0;
    let i = a;
    while (i < b) {
      let c = s.charCodeAt(i);
      while (i < b && c <= 32) c = s.charCodeAt(++i);
      if (i >= b) break;
      // the attribute's local name: its last character before "=" (r, s, t; any prefix)
      const nameStart = i;
      while (i < b && c !== 61 && c > 32) c = s.charCodeAt(++i);
      const nameEnd = i;
      while (i < b && c !== 61) c = s.charCodeAt(++i);
      i++;
      c = s.charCodeAt(i);
      while (i < b && c <= 32) c = s.charCodeAt(++i);
      // (a value without quotes ends at the next double quote, as the reader always did)
      const quote = c === 39 ? 39 : 34;
      const vs = i + 1;
      const prev = nameEnd - 2 >= nameStart ? s.charCodeAt(nameEnd - 2) : 58;
      // a single-letter local name (r, s, t; any prefix)
      const which = prev === 58 ? s.charCodeAt(nameEnd - 1) : 0;
      let ve = vs;
      const col0 = col;
      const row0 = row;
      let refRead = true;
      if (which === 114 /* r */) {
        // read as it is scanned: "B7", "$B$7"; the value must end where the reading stops
        let d = s.charCodeAt(ve);
        if (d === 36) d = s.charCodeAt(++ve); // $A$1
        while (ve < b && ((d >= 65 && d <= 90) || (d >= 97 && d <= 122))) {
          col = col * 26 + ((d & 0xdf) - 64);
          d = s.charCodeAt(++ve);
        }
        if (d === 36) d = s.charCodeAt(++ve);
        while (ve < b && d >= 48 && d <= 57) {
          row = row * 10 + d - 48;
          d = s.charCodeAt(++ve);
        }
        refRead = ve < b && d === quote;
      }
      // the closing quote (values here are a few characters: a loop beats indexOf)
      while (ve < b && s.charCodeAt(ve) !== quote) ve++;
      if (ve >= b) {
        ve = s.indexOf(quote === 39 ? "'" : '"', vs);
        if (ve < 0 || ve > b) {
          // an unfinished value ends the attributes; it is not read
          col = col0;
          row = row0;
          break;
        }
      }
      if (!refRead) col = row = 0;
      if (which === 115 /* s */) {
        this.style = parseInt(s.slice(vs, ve), 10) || 0;
      } else if (which === 116 /* t */) {
        this.type = s.slice(vs, ve);
      }
      i = ve + 1;
    }
    if (col > 0 && row > 0) {
      this.col = col;
      this.row = row;
    } else {
      this.col += 1;
      if (this.row === 0) this.row = 1;
    }
  }

  text(raw: string, cdata: boolean): void {
    const into = this.into;
    if (into === IN_V) {
      this.v += cdata ? raw.replace(/&/g, "&amp;") : raw;
      if (this.v.length > MAX_CELL_TEXT * 8) throw tooLong();
    } else if (into === IN_T) {
      this.inline += cdata ? raw.replace(/&/g, "&amp;") : raw;
      if ((this.inline as string).length > MAX_CELL_TEXT * 8) throw tooLong();
    } else if (this.inSheetData && !this.inCell && !this.stray && raw.trim() !== "") {
      this.stray = true;
    }
  }

  close(name: string): void {
    switch (name) {
      case "v":
        if (this.into === IN_V) this.into = NONE;
        break;
      case "t":
        if (this.into === IN_T) this.into = NONE;
        break;
      case "rPh":
        this.inPhonetic = false;
        break;
      case "is":
        this.inIs = false;
        break;
      case "c":
        if (this.inCell) this.endCell();
        break;
      case "sheetData":
        this.inSheetData = false;
        break;
      default:
        break;
    }
  }

  private endCell(): void {
    this.inCell = false;
    const v = this.v;
    const book = this.book;
    let raw: RawCell = null;
    if (this.inline !== null) {
      raw = unescapeXstring(decodeText(this.inline, this.part));
    } else if (v !== "") {
      switch (this.type) {
        case "s": {
          const i = numberOf(v);
          raw = Number.isInteger(i) && i >= 0 && i < book.shared.length ? book.shared[i] : null;
          break;
        }
        case "str":
        case "inlineStr":
          raw = decodeText(v, this.part);
          break;
        case "b":
          raw = v.trim() === "1" || v.trim() === "true";
          break;
        case "e":
          raw = { kind: "error", code: decodeText(v, this.part).trim() };
          break;
        case "d":
          raw = { kind: "rawDate", serial: serialFromIsoText(v) };
          break;
        default: {
          const n = numberOf(v);
          raw = v.trim() === "" ? null : Number.isNaN(n) ? decodeText(v, this.part) : n;
          break;
        }
      }
    }
    if (raw === null) return;
    const value = cellFromRaw(raw, book.formats[this.style], book.date1904);
    if (value === null) return;
    this.cells++;
    this.builder.set(this.row, this.col, value);
  }
}
