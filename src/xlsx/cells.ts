/**
 * Where the reader puts cells: a sheet's builder (padding, merges) and the workbook's cell budget.
 * What a cell IS (text, number, date …) is the core's one cell model (core/input/cell.ts).
 * Numbers stored as text stay strings: the core coerces them (templates.md, "Finding the table").
 */
import type { CellValue } from "../core/input/coerce";
import type { MergeRange, SheetSnapshot } from "../core/validate/snapshot";
import { ReadError } from "./errors";
import { readMessages as M } from "./messages";

/**
 * Excel's own limit on the text of one cell ("Excel specifications and limits": 32,767
 * characters). A longer text cannot come from Excel; refusing it also bounds the memory a
 * single crafted string can take.
 */
export const MAX_CELL_TEXT = 32_767;

/** Default for ReadOptions.maxCells: a 100 k-row × 20-column sheet. */
export const DEFAULT_MAX_CELLS = 2_000_000;

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
    // each row padded in place (not copied: on a 100 k-row sheet a second set of row arrays was
    // 100 k more arrays for the collector to move, and the first set garbage)
    const rows: CellValue[][] = new Array(height);
    for (let r = 0; r < height; r++) {
      const row = this.cells[r];
      if (!row) {
        rows[r] = new Array<CellValue>(width).fill(null);
        continue;
      }
      for (let c = 0; c < row.length; c++) if (row[c] === undefined) row[c] = null;
      while (row.length < width) row.push(null);
      rows[r] = row;
    }
    const sheet: SheetSnapshot = { name, rows };
    if (merges.length > 0) sheet.merges = merges;
    return sheet;
  }
}
