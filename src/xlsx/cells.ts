/**
 * Cell conversion shared by both readers (the streaming file reader and the in-memory buffer
 * reader), so that a workbook gives the same snapshot whichever way it was read.
 *
 * Input is an ExcelJS-shaped cell value (what `Workbook.xlsx.load` gives, and what the streaming
 * reader builds from the raw XML); output is a core `CellValue`:
 * rich text → plain text, hyperlink → its text, formula → its cached result, error → ErrorValue,
 * a number with a date format (or an ExcelJS Date) → DateValue {serial}, "" → null.
 * Numbers stored as text stay strings: the core coerces them (templates.md, "Finding the table").
 */
import type { CellValue, DateValue, ErrorValue } from "../core/input/coerce";
import type { MergeRange, SheetSnapshot } from "../core/validate/snapshot";
import { ReadError } from "./errors";
import { readMessages as M } from "./messages";

const MS_PER_DAY = 86_400_000;
const EPOCH_MS = Date.UTC(1899, 11, 30);
/** Excel's 1904 date system starts 1462 days after the 1900 one (ECMA-376 §18.17.4.1). */
const DATE1904_OFFSET = 1462;

/**
 * Excel's own limit on the text of one cell ("Excel specifications and limits": 32,767
 * characters). A longer text cannot come from Excel; refusing it also bounds the memory a
 * single crafted string can take.
 */
export const MAX_CELL_TEXT = 32_767;

/** Default for ReadOptions.maxCells: a 100 k-row × 20-column sheet. */
export const DEFAULT_MAX_CELLS = 2_000_000;

/**
 * True for a number format ExcelJS treats as a date/time (the same test as ExcelJS's own
 * `isDateFmt`, so that both readers agree on which numbers are dates).
 */
export function isDateFormat(fmt: string | undefined): boolean {
  if (!fmt) return false;
  const bare = fmt.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, "");
  return /[ymdhMsb]+/.test(bare);
}

/** A date/time format that shows a calendar day (not a bare time or duration such as h:mm). */
function showsDay(fmt: string): boolean {
  const bare = fmt.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, "").replace(/\\./g, "");
  return /[yYdD]/.test(bare) || /[mM]{3,}/.test(bare);
}

/** A date-formatted serial (1900 system) as a snapshot value: a calendar day, or a time as a number. */
function fromSerial(serial: number, fmt: string): CellValue {
  if (!Number.isFinite(serial)) return null;
  if (!showsDay(fmt)) return serial;
  // a datetime counts as its calendar day; the tiny epsilon absorbs ms rounding from ExcelJS
  const d: DateValue = { kind: "date", serial: Math.floor(serial + 1e-9) };
  return d;
}

function richTextToPlain(runs: unknown): string {
  if (!Array.isArray(runs)) return "";
  return runs.map((r) => (r && typeof (r as { text?: unknown }).text === "string" ? (r as { text: string }).text : "")).join("");
}

export interface CellContext {
  /** the cell's number format, as ExcelJS resolves it */
  numFmt?: string;
  /** the workbook uses the 1904 date system (affects raw serials only, not ExcelJS Dates) */
  date1904?: boolean;
}

/** Converts one ExcelJS-shaped value; see the module comment. */
export function fromExcelValue(value: unknown, ctx: CellContext = {}): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "string") return value === "" ? null : value;
  if (typeof value === "boolean") return value;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return null;
    const fmt = ctx.numFmt;
    if (fmt && isDateFormat(fmt)) return fromSerial(ctx.date1904 ? value + DATE1904_OFFSET : value, fmt);
    return value;
  }
  if (value instanceof Date) {
    const ms = value.getTime();
    if (Number.isNaN(ms)) return null;
    // ExcelJS Dates are already civil (the 1904 offset applied), as UTC
    return fromSerial((ms - EPOCH_MS) / MS_PER_DAY, ctx.numFmt && isDateFormat(ctx.numFmt) ? ctx.numFmt : "yyyy-mm-dd");
  }
  if (typeof value === "object") {
    const o = value as Record<string, unknown>;
    if (typeof o.error === "string") {
      const e: ErrorValue = { kind: "error", code: o.error };
      return e;
    }
    if ("richText" in o) {
      const t = richTextToPlain(o.richText);
      return t === "" ? null : t;
    }
    if ("formula" in o || "sharedFormula" in o) return fromExcelValue(o.result, ctx);
    if ("hyperlink" in o || "text" in o) return fromExcelValue(o.text, ctx);
  }
  return null;
}

/** Counts non-empty cells against ReadOptions.maxCells, across the whole workbook. */
export class CellBudget {
  private used = 0;
  constructor(readonly max: number) {
    if (!(Number.isInteger(max) && max > 0)) throw new RangeError(`maxCells must be a positive integer: ${max}`);
  }
  take(): void {
    this.used += 1;
    if (this.used > this.max) throw new ReadError("tooLarge", M.tooLarge(this.max));
  }
  /** a sheet's rectangle (values are padded to it) must fit too */
  checkArea(cells: number): void {
    if (cells > this.max) throw new ReadError("tooLarge", M.tooLarge(this.max));
  }
}

/** Parses "B2:D4" (or "B2") into 1-based corners. */
function parseRef(ref: string): { top: number; left: number; bottom: number; right: number } | null {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/i.exec(ref.trim());
  if (!m) return null;
  const col = (s: string) => [...s.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const a = { row: Number(m[2]), col: col(m[1]) };
  const b = m[3] ? { row: Number(m[4]), col: col(m[3]) } : a;
  return {
    top: Math.min(a.row, b.row), bottom: Math.max(a.row, b.row),
    left: Math.min(a.col, b.col), right: Math.max(a.col, b.col),
  };
}

/**
 * Collects one sheet's cells (1-based coordinates, any order) and merges, then builds the
 * snapshot: origin A1, every row padded with null to the widest row, merged cells other than
 * the top-left one blank (what Excel shows).
 */
export class SheetBuilder {
  private readonly cells: CellValue[][] = [];
  private readonly mergeRefs: string[] = [];
  private width = 0;
  constructor(private readonly budget: CellBudget) {}

  set(row: number, col: number, value: CellValue): void {
    if (value === null || value === undefined) return;
    if (!(row >= 1 && col >= 1)) return;
    if (typeof value === "string" && value.length > MAX_CELL_TEXT) throw new ReadError("tooLarge", M.textTooLong(MAX_CELL_TEXT));
    this.budget.take();
    let r = this.cells[row - 1];
    if (!r) r = this.cells[row - 1] = [];
    r[col - 1] = value;
    if (col > this.width) this.width = col;
  }

  addMerge(ref: string): void {
    this.mergeRefs.push(ref);
  }

  finish(name: string): SheetSnapshot {
    const height = this.cells.length;
    const width = this.width;
    this.budget.checkArea(height * width);
    const merges: MergeRange[] = [];
    for (const ref of this.mergeRefs) {
      const m = parseRef(ref);
      if (!m) continue;
      merges.push({ top: m.top - 1, left: m.left - 1, bottom: m.bottom - 1, right: m.right - 1 });
      for (let r = m.top; r <= Math.min(m.bottom, height); r++) {
        const row = this.cells[r - 1];
        if (!row) continue;
        for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) row[c - 1] = undefined;
      }
    }
    merges.sort((a, b) => a.top - b.top || a.left - b.left);
    const rows: CellValue[][] = new Array(height);
    for (let r = 0; r < height; r++) {
      const src = this.cells[r];
      const out: CellValue[] = new Array(width);
      for (let c = 0; c < width; c++) {
        const v = src ? src[c] : undefined;
        out[c] = v === undefined ? null : v;
      }
      rows[r] = out;
    }
    const sheet: SheetSnapshot = { name, rows };
    if (merges.length > 0) sheet.merges = merges;
    return sheet;
  }
}
