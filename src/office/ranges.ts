/** Range addressing that works on every ExcelApi version the pane supports (1.1 and up). */
import { columnLetter } from "../core/validate/snapshot";
import type { ExcelApiSupport } from "./apiSupport";

/** A1 address of the block of `rowCount` × `colCount` cells at 0-based (row, col). */
export function blockAddress(row: number, col: number, rowCount: number, colCount: number): string {
  const first = `${columnLetter(col + 1)}${row + 1}`;
  if (rowCount === 1 && colCount === 1) return first;
  return `${first}:${columnLetter(col + colCount)}${row + rowCount}`;
}

/** The block at 0-based (row, col): getRangeByIndexes on ExcelApi 1.7+, else getRange by address (1.1). */
export function rangeAt(
  sheet: Excel.Worksheet, api: ExcelApiSupport, row: number, col: number, rowCount: number, colCount: number,
): Excel.Range {
  if (api.isSupported("1.7")) return sheet.getRangeByIndexes(row, col, rowCount, colCount);
  return sheet.getRange(blockAddress(row, col, rowCount, colCount));
}
