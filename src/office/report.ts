/**
 * 生成校验报告: the findings as a table on a NEW sheet. An existing sheet is never overwritten:
 * when the name is taken, " (2)", " (3)" … is appended, as Excel itself names copies.
 */
import type { Finding } from "../core/validate/findings";
import { SEVERITY_ORDER } from "../core/validate/severity";
import type { ReportCell } from "./port";
import { officeApiSupport, type ExcelApiSupport } from "./apiSupport";
import { rangeAt } from "./ranges";
import { syncInChunks } from "./payload";

/** Excel's limit on a sheet name's length. */
export const SHEET_NAME_MAX = 31;
/** Rows written per sync, keeping each request well under Excel on the web's 5 MB limit. */
export const REPORT_CHUNK_ROWS = 5_000;

export interface ReportLabels {
  reportHeaders: readonly string[];
  severity: Record<Finding["severity"], string>;
}

/** Header + one row per finding, ordered by sheet, severity, row, column. */
export function reportTable(findings: readonly Finding[], labels: ReportLabels): ReportCell[][] {
  const sorted = [...findings].sort((a, b) =>
    (a.sheet < b.sheet ? -1 : a.sheet > b.sheet ? 1 : 0)
    || SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]
    || a.row - b.row
    || a.column.length - b.column.length || (a.column < b.column ? -1 : a.column > b.column ? 1 : 0));
  return [
    [...labels.reportHeaders],
    ...sorted.map((f): ReportCell[] => [
      f.sheet, f.cell, labels.severity[f.severity], f.rule, f.message, f.clause,
      f.expected ?? null, f.actual ?? null, f.template ?? null,
    ]),
  ];
}

/** `base`, or `base (n)` with the smallest n ≥ 2 not taken (Excel compares names case-blind). */
export function uniqueSheetName(base: string, taken: readonly string[]): string {
  const used = new Set(taken.map((t) => t.toLowerCase()));
  const clip = (s: string, room: number) => [...s].slice(0, room).join("");
  const first = clip(base, SHEET_NAME_MAX);
  if (!used.has(first.toLowerCase())) return first;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const name = clip(base, SHEET_NAME_MAX - suffix.length) + suffix;
    if (!used.has(name.toLowerCase())) return name;
  }
}

/**
 * Adds the report sheet and activates it: 1 sync for the names, then 1 per REPORT_CHUNK_ROWS (a
 * chunk Excel refuses as too large is halved and retried), then 1 to fit and activate. The header
 * is frozen on ExcelApi 1.7+ and columns fitted on 1.2+; older Excel gets the plain table.
 */
export async function addReportSheet(
  context: Excel.RequestContext, baseName: string, table: readonly ReportCell[][],
  api: ExcelApiSupport = officeApiSupport(),
): Promise<string> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  await context.sync();
  const name = uniqueSheetName(baseName, sheets.items.map((s) => s.name));
  const sheet = sheets.add(name);
  const width = Math.max(1, ...table.map((r) => r.length));
  await syncInChunks(context, table, REPORT_CHUNK_ROWS, (chunk, start) => {
    const rows = chunk.map((r) => {
      const full = [...r];
      while (full.length < width) full.push(null);
      return full;
    });
    const range = rangeAt(sheet, api, start, 0, rows.length, width);
    // text stays text: a sheet named "2024" or a message like "1/2" must not become a number or date
    range.numberFormat = rows.map((r) => r.map((v) => (typeof v === "string" ? "@" : "General")));
    range.values = rows.map((r) => r.map((v) => (v === null ? "" : v)));
    if (start === 0) {
      rangeAt(sheet, api, 0, 0, 1, width).format.font.bold = true;
      if (api.isSupported("1.7")) sheet.freezePanes.freezeRows(1);
    }
  }, (_row, index) => `报告第${index + 1}行`);
  if (api.isSupported("1.2")) rangeAt(sheet, api, 0, 0, Math.max(1, table.length), width).format.autofitColumns();
  sheet.activate();
  await context.sync();
  return name;
}
