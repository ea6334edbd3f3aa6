/**
 * WorkbookSnapshot → .xlsx bytes (browser-safe: no fs), for the sample workbooks
 * (`npm run templates`) and for the pane's "download an example" action.
 * Keeps merges; writes DateValue/Date cells as real Excel dates (yyyy-mm-dd), error cells as
 * errors, text as text (never a formula, even when it starts with "=").
 */
import ExcelJS from "exceljs";
import { type CellValue, isDateValue, isErrorValue } from "../core/input/coerce";
import type { SheetSnapshot } from "../core/validate/snapshot";

const MS_PER_DAY = 86_400_000;
const EPOCH_MS = Date.UTC(1899, 11, 30);
export const DATE_FORMAT = "yyyy-mm-dd";

export interface WriteSheet {
  sheet: SheetSnapshot;
  /** column widths in characters, from the first snapshot column */
  widths?: readonly number[];
  /** 1-based sheet rows to set in bold (title, header) */
  boldRows?: readonly number[];
  /** freeze the rows above this 1-based row (e.g. the row under the header) */
  freezeBelow?: number;
}

type ExcelValue = ExcelJS.CellValue;

/** A snapshot value as ExcelJS writes it, with the number format it needs (dates). */
export function toExcelValue(v: CellValue): { value: ExcelValue; numFmt?: string } {
  if (v === null || v === undefined) return { value: null };
  if (isDateValue(v)) return { value: new Date(EPOCH_MS + v.serial * MS_PER_DAY), numFmt: DATE_FORMAT };
  if (v instanceof Date) return { value: v, numFmt: DATE_FORMAT };
  if (isErrorValue(v)) return { value: { error: v.code } as ExcelJS.CellErrorValue };
  // strings are written as strings: ExcelJS makes a formula only from {formula}, so "=1+1" stays text
  return { value: v };
}

/** Adds one snapshot as a worksheet of `wb`. */
export function addSnapshotSheet(wb: ExcelJS.Workbook, spec: WriteSheet): ExcelJS.Worksheet {
  const { sheet } = spec;
  const ws = wb.addWorksheet(sheet.name);
  const o = sheet.origin ?? { row: 1, col: 1 };
  const bold = new Set(spec.boldRows ?? []);
  sheet.rows.forEach((row, r) => {
    row.forEach((v, c) => {
      const { value, numFmt } = toExcelValue(v);
      if (value === null) return;
      const cell = ws.getCell(o.row + r, o.col + c);
      cell.value = value;
      if (numFmt) cell.numFmt = numFmt;
    });
  });
  for (const m of sheet.merges ?? []) {
    ws.mergeCells(o.row + m.top, o.col + m.left, o.row + m.bottom, o.col + m.right);
    const master = ws.getCell(o.row + m.top, o.col + m.left);
    master.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
  }
  for (const rowNo of bold) {
    const row = ws.getRow(rowNo);
    row.font = { bold: true };
    row.eachCell({ includeEmpty: false }, (cell) => {
      cell.font = { bold: true };
      cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
    });
  }
  (spec.widths ?? []).forEach((w, i) => {
    if (Number.isFinite(w) && w > 0) ws.getColumn(o.col + i).width = w;
  });
  if (spec.freezeBelow && spec.freezeBelow > 1) ws.views = [{ state: "frozen", ySplit: spec.freezeBelow - 1 }];
  return ws;
}

/** Writes snapshots as one workbook, one worksheet each, in order. */
export async function writeSnapshotWorkbook(sheets: readonly WriteSheet[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "GOV";
  for (const s of sheets) addSnapshotSheet(wb, s);
  const buf = await wb.xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}
