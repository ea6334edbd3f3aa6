/**
 * The workbook as the validator sees it, independent of where it came from (Office.js, an .xlsx
 * file read by ExcelJS, a test). Values are kept as the cell holds them; `rows[r][c]` is the cell
 * at sheet row `origin.row + r`, column `origin.col + c` (both 1-based, A1 = {row: 1, col: 1}).
 */
import type { CellValue } from "../input/coerce";

export interface MergeRange {
  /** 0-based, inclusive, relative to the snapshot's rows (like rows[r][c]) */
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface SheetSnapshot {
  name: string;
  /** 1-based sheet coordinates of rows[0][0]; omitted = A1 */
  origin?: { row: number; col: number };
  rows: CellValue[][];
  merges?: MergeRange[];
}

/**
 * Something the reader could not read as the sheet holds it, so the clerk is told (the pane words
 * it). `merges-too-many`: Excel refused to list the sheet's merged cells (over 512 in one request),
 * so the sheet was read as unmerged; `merges-unsupported`: the host has no merged-cell API at all.
 */
export interface ReadNote {
  kind: "merges-too-many" | "merges-unsupported";
  /** the sheet concerned; omitted when the note is about every sheet read */
  sheet?: string;
}

export interface WorkbookSnapshot {
  /** file name, when the workbook came from a file */
  file?: string;
  sheets: SheetSnapshot[];
  /** what the reader had to leave out; omitted when nothing was */
  notes?: ReadNote[];
}

/** "A", "B", … "Z", "AA" … for a 1-based column number. */
export function columnLetter(col: number): string {
  let s = "";
  let n = col;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** 1-based column number of "A", "AB" … */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** A1 address of snapshot cell (r, c) (0-based within the snapshot). */
export function a1(sheet: SheetSnapshot, r: number, c: number): string {
  const o = sheet.origin ?? { row: 1, col: 1 };
  return `${columnLetter(o.col + c)}${o.row + r}`;
}

/** Parses "F7" into 1-based {row, col}. */
export function parseA1(address: string): { row: number; col: number } {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(address.trim());
  if (!m) throw new Error(`bad A1 address: ${address}`);
  return { col: columnNumber(m[1]), row: Number(m[2]) };
}
