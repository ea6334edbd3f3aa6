/**
 * 插入模板 on Excel without insertWorksheetsFromBase64 (ExcelApi 1.13; Excel 2016/2019 lack it):
 * the template, already parsed into a snapshot by the pane's ExcelJS reader, is written into new
 * sheets cell by cell — values and number formats (ExcelApi 1.1), merged cells where the host can
 * merge (1.2). Fonts, fills and column widths are not carried over; the pane says so.
 */
import type { CellValue } from "../core/input/coerce";
import { isDateValue, isErrorValue } from "../core/input/coerce";
import { serialFromJsDate } from "../core/input/dates";
import type { WorkbookSnapshot } from "../core/validate/snapshot";
import type { ExcelApiSupport } from "./apiSupport";
import { rangeAt } from "./ranges";
import { syncInChunks } from "./payload";
import { REPORT_CHUNK_ROWS, uniqueSheetName } from "./report";

const DATE_FORMAT = "yyyy-mm-dd";

/** A snapshot cell as Excel takes it: [value, number format]. */
export function toExcelCell(v: CellValue): [string | number | boolean, string] {
  if (v === null || v === undefined) return ["", "General"];
  if (typeof v === "string") return [v, "@"];
  if (typeof v === "number" || typeof v === "boolean") return [v, "General"];
  if (v instanceof Date) return [serialFromJsDate(v), DATE_FORMAT];
  if (isDateValue(v)) return [v.serial, DATE_FORMAT];
  if (isErrorValue(v)) return [v.code, "@"];
  return ["", "General"];
}

/**
 * Adds one sheet per template sheet (named as in the template, suffixed when taken), writes its
 * cells and merges, activates the first and returns the names. Syncs: 1 for the names, then 1 per
 * REPORT_CHUNK_ROWS rows of each sheet, then 1 for merges and activation.
 */
export async function writeTemplateSheets(
  context: Excel.RequestContext, template: WorkbookSnapshot, api: ExcelApiSupport,
): Promise<string[]> {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name");
  await context.sync();
  const taken = worksheets.items.map((s) => s.name);
  const added: { name: string; ws: Excel.Worksheet }[] = [];
  for (const sheet of template.sheets) {
    const name = uniqueSheetName(sheet.name, taken);
    taken.push(name);
    const ws = worksheets.add(name);
    added.push({ name, ws });
    const origin = sheet.origin ?? { row: 1, col: 1 };
    const width = Math.max(0, ...sheet.rows.map((r) => r?.length ?? 0));
    if (width > 0) {
      await syncInChunks(context, sheet.rows, REPORT_CHUNK_ROWS, (chunk, start) => {
        const cells = chunk.map((r) => Array.from({ length: width }, (_, c) => toExcelCell(r?.[c])));
        const range = rangeAt(ws, api, origin.row - 1 + start, origin.col - 1, chunk.length, width);
        range.numberFormat = cells.map((r) => r.map((c) => c[1]));
        range.values = cells.map((r) => r.map((c) => c[0]));
      }, (_r, index) => `模板“${sheet.name}”第${origin.row + index}行`);
    }
    if (api.isSupported("1.2")) {
      for (const m of sheet.merges ?? []) {
        rangeAt(ws, api, origin.row - 1 + m.top, origin.col - 1 + m.left, m.bottom - m.top + 1, m.right - m.left + 1).merge(false);
      }
    }
  }
  if (added.length > 0) added[0].ws.activate();
  await context.sync();
  return added.map((a) => a.name);
}
