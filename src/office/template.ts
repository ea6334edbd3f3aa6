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

/**
 * A blank fill-in template's formulas, data validations and number formats
 * (assets/templates/blank/<id>.json, written beside the .xlsx by `npm run templates:blank`). Where
 * Excel inserts worksheets natively (ExcelApi 1.13) they come with the .xlsx; elsewhere the pane
 * writes the blank's cells from its snapshot and then these, so the dropdowns and formulas survive.
 */
export interface BlankValidation {
  /** A1 range, e.g. "D6:D105" */
  range: string;
  type: "list" | "whole" | "decimal" | "custom";
  /** list: the choices */
  values?: string[];
  /** whole / decimal: bounds (no max: at least min) */
  min?: number;
  max?: number;
  /** custom: the formula for the range's first row, `{r}` standing for the row number */
  formula?: string;
  /** input prompt title (≤ 32 characters), prompt and error message (≤ 255) */
  title: string;
  prompt: string;
  error: string;
  /** stop: the value is refused; warning / information: Excel asks and lets the clerk go on */
  style: "stop" | "warning" | "information";
}

export interface BlankExtras {
  /** the sheet's name in the template */
  sheet: string;
  /** 1-based first and last data row */
  firstRow: number;
  lastRow: number;
  /** 1-based 合计 row, when the blank has one */
  totalRow?: number;
  /** a formula per range, `{r}` standing for each row's number (no `{r}`: the same in every cell) */
  formulas: { range: string; formula: string }[];
  validations: BlankValidation[];
  numFmts: { range: string; format: string }[];
}

/** The rows of an "A6:A105" range, 1-based. */
function rowsOf(range: string): { col: string; from: number; to: number } {
  const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(range);
  if (!m) throw new Error(`bad range: ${range}`);
  return { col: m[1], from: Number(m[2]), to: Number(m[4] ?? m[2]) };
}

/** The formula of a blank's range for each of its rows (one column wide). */
export function expandFormula(range: string, formula: string): string[][] {
  const { from, to } = rowsOf(range);
  const out: string[][] = [];
  for (let r = from; r <= to; r++) out.push([`=${formula.replace(/\{r\}/g, String(r))}`]);
  return out;
}

/** A blank validation as Office.js takes it (Excel.DataValidationRule). */
export function validationRule(v: BlankValidation): Excel.DataValidationRule {
  const first = rowsOf(v.range).from;
  switch (v.type) {
    case "list":
      return { list: { inCellDropDown: true, source: (v.values ?? []).join(",") } };
    case "custom":
      return { custom: { formula: `=${(v.formula ?? "TRUE").replace(/\{r\}/g, String(first))}` } };
    default: {
      const basic: Excel.BasicDataValidation = v.max === undefined
        ? { formula1: v.min ?? 0, operator: "GreaterThanOrEqualTo" }
        : { formula1: v.min ?? 0, formula2: v.max, operator: "Between" };
      return v.type === "whole" ? { wholeNumber: basic } : { decimal: basic };
    }
  }
}

const ALERT_STYLE = { stop: "Stop", warning: "Warning", information: "Information" } as const;

/**
 * Writes a blank's formulas and number formats (ExcelApi 1.1) on `sheetName`, and its data
 * validations where the host has them (ExcelApi 1.8); returns whether the validations were
 * written. One sync for the formulas, one for the validations.
 */
export async function writeBlankExtras(
  context: Excel.RequestContext, sheetName: string, extras: BlankExtras, api: ExcelApiSupport,
): Promise<{ validations: boolean }> {
  const ws = context.workbook.worksheets.getItem(sheetName);
  for (const f of extras.numFmts) {
    const { from, to } = rowsOf(f.range);
    ws.getRange(f.range).numberFormat = Array.from({ length: to - from + 1 }, () => [f.format]);
  }
  for (const f of extras.formulas) ws.getRange(f.range).formulas = expandFormula(f.range, f.formula);
  await context.sync();
  if (!api.isSupported("1.8")) return { validations: false };
  for (const v of extras.validations) {
    const range = ws.getRange(v.range);
    range.dataValidation.clear();
    range.dataValidation.set({
      ignoreBlanks: true,
      rule: validationRule(v),
      prompt: { showPrompt: true, title: v.title, message: v.prompt },
      errorAlert: { showAlert: true, style: ALERT_STYLE[v.style], title: v.title, message: v.error },
    });
  }
  await context.sync();
  return { validations: true };
}
