/**
 * 生成校验报告: the findings as a table on a NEW sheet. An existing sheet is never overwritten:
 * when the name is taken, " (2)", " (3)" … is appended, as Excel itself names copies.
 */
import type { Finding } from "../core/validate/findings";
import { SEVERITY_ORDER } from "../core/validate/findings";
import type { ReportCell } from "./port";

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

/** Adds the report sheet and activates it: 1 sync for the names, then 1 per REPORT_CHUNK_ROWS. */
export async function addReportSheet(
  context: Excel.RequestContext, baseName: string, table: readonly ReportCell[][],
): Promise<string> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  await context.sync();
  const name = uniqueSheetName(baseName, sheets.items.map((s) => s.name));
  const sheet = sheets.add(name);
  const width = Math.max(1, ...table.map((r) => r.length));
  for (let start = 0; start < table.length; start += REPORT_CHUNK_ROWS) {
    const rows = table.slice(start, start + REPORT_CHUNK_ROWS).map((r) => {
      const full = [...r];
      while (full.length < width) full.push(null);
      return full;
    });
    const range = sheet.getRangeByIndexes(start, 0, rows.length, width);
    // text stays text: a sheet named "2024" or a message like "1/2" must not become a number or date
    range.numberFormat = rows.map((r) => r.map((v) => (typeof v === "string" ? "@" : "General")));
    range.values = rows.map((r) => r.map((v) => (v === null ? "" : v)));
    if (start === 0) {
      sheet.getRangeByIndexes(0, 0, 1, width).format.font.bold = true;
      sheet.freezePanes.freezeRows(1);
    }
    await context.sync();
  }
  sheet.getRangeByIndexes(0, 0, table.length, width).format.autofitColumns();
  sheet.activate();
  await context.sync();
  return name;
}
