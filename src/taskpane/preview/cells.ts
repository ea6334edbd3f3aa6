/**
 * The sheet as the clerk filled it, for the standalone pane's preview (components/SheetPreview):
 * each cell's display text, made where the file is read (the Web Worker), so the page receives
 * one string per row — 100 k rows of strings clone in a few milliseconds a batch, where 1.4 M
 * cell values (dates and errors as objects) would not.
 */
import type { CellValue } from "../../core/input/coerce";
import { isDateValue, isErrorValue } from "../../core/input/coerce";
import { formatDate, serialFromJsDate } from "../../core/input/dates";
import type { MergeRange, SheetSnapshot, WorkbookSnapshot } from "../../core/validate/snapshot";

/** Separates a row's cells in its one string (the ASCII unit separator: no clerk types it). */
export const CELL_SEP = "\u001f";

/** One sheet's preview: a row is its cells' display texts joined by CELL_SEP. */
export interface PreviewSheet {
  name: string;
  /** 1-based sheet coordinates of rows[0] cell 0 */
  origin: { row: number; col: number };
  /** the widest row's cell count */
  cols: number;
  rows: string[];
  merges: MergeRange[];
}

/** What a cell shows: dates yyyy-mm-dd, numbers as they are, errors as their code. */
export function cellText(v: CellValue): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v.includes(CELL_SEP) ? v.split(CELL_SEP).join(" ") : v;
  if (typeof v === "number") return String(v);
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (v instanceof Date) return formatDate(serialFromJsDate(v));
  if (isDateValue(v)) return formatDate(v.serial);
  if (isErrorValue(v)) return v.code;
  return "";
}

/** Rows from..to (exclusive) of a sheet as preview rows. */
export function previewRows(sheet: SheetSnapshot, from: number, to: number): string[] {
  const out: string[] = [];
  // joined, not concatenated: one flat string a row, which posting copies at once (a string built
  // with += is a chain the clone must flatten first: half the time again on 100 k rows)
  const texts: string[] = [];
  for (let r = from; r < to && r < sheet.rows.length; r++) {
    const row = sheet.rows[r] ?? [];
    let end = row.length;
    while (end > 0 && (row[end - 1] === null || row[end - 1] === undefined || row[end - 1] === "")) end--;
    texts.length = end;
    for (let c = 0; c < end; c++) texts[c] = cellText(row[c]);
    out.push(texts.join(CELL_SEP));
  }
  return out;
}

/** A sheet's preview without its rows (they follow in batches). */
export function previewMeta(sheet: SheetSnapshot): PreviewSheet {
  let cols = 0;
  for (const row of sheet.rows) if (row && row.length > cols) cols = row.length;
  for (const m of sheet.merges ?? []) if (m.right + 1 > cols) cols = m.right + 1;
  return { name: sheet.name, origin: sheet.origin ?? { row: 1, col: 1 }, cols, rows: [], merges: sheet.merges ?? [] };
}

/** Every sheet's preview at once (where the page reads the file itself: no Worker). */
export function previewOf(snapshot: WorkbookSnapshot): PreviewSheet[] {
  return snapshot.sheets.map((s) => ({ ...previewMeta(s), rows: previewRows(s, 0, s.rows.length) }));
}

/** A row's cells (the trailing empty ones are not stored). */
export function splitRow(row: string | undefined): string[] {
  return row ? row.split(CELL_SEP) : [];
}
