/**
 * Findings → a report workbook (browser-safe: the pane offers the same download). One sheet,
 * 校验报告: a summary on top, then one row per finding. Every text is written as a string value,
 * so a message or a cell value that looks like a formula ("=SUM(…)", "+86…", "-5") stays text.
 */
import ExcelJS from "exceljs";
import { type Finding, SEVERITY_LABEL_ZH, SEVERITY_ORDER } from "../core/validate/findings";
import { columnNumber } from "../core/validate/snapshot";
import { reportMessages as R } from "./messages";

export interface ReportSheet {
  file?: string;
  sheet: string;
  template: string | null;
  rows: number;
  headerRow: number | null;
}

export interface ReportInput {
  findings: readonly Finding[];
  sheets: readonly ReportSheet[];
  files: readonly string[];
  /** files that could not be read, with the reason (shown in the summary) */
  unreadable?: readonly { file: string; message: string }[];
  /** defaults to now */
  generatedAt?: Date;
}

const pad = (n: number) => String(n).padStart(2, "0");
function localTime(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

function shownValue(v: Finding["expected"] | Finding["actual"]): string | number | null {
  if (v === undefined || v === null) return null;
  if (typeof v === "boolean") return v ? R.yes : R.no;
  return v;
}

/** Findings in reading order: file, sheet (as listed), row, column, severity. */
export function sortFindings(findings: readonly Finding[], sheets: readonly ReportSheet[]): Finding[] {
  const sheetOrder = new Map<string, number>();
  sheets.forEach((s, i) => {
    const k = `${s.file ?? ""}\u0000${s.sheet}`;
    if (!sheetOrder.has(k)) sheetOrder.set(k, i);
  });
  const fileOrder = new Map<string, number>();
  sheets.forEach((s, i) => {
    if (!fileOrder.has(s.file ?? "")) fileOrder.set(s.file ?? "", i);
  });
  const big = Number.MAX_SAFE_INTEGER;
  return findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => {
      const fa = a.f.file ?? "", fb = b.f.file ?? "";
      return (
        (fileOrder.get(fa) ?? big) - (fileOrder.get(fb) ?? big) ||
        (sheetOrder.get(`${fa}\u0000${a.f.sheet}`) ?? big) - (sheetOrder.get(`${fb}\u0000${b.f.sheet}`) ?? big) ||
        a.f.row - b.f.row ||
        columnNumber(a.f.column) - columnNumber(b.f.column) ||
        SEVERITY_ORDER[a.f.severity] - SEVERITY_ORDER[b.f.severity] ||
        a.i - b.i
      );
    })
    .map((x) => x.f);
}

export function countBySeverity(findings: readonly Finding[]): { errors: number; warnings: number; infos: number } {
  let errors = 0, warnings = 0, infos = 0;
  for (const f of findings) {
    if (f.severity === "error") errors++;
    else if (f.severity === "warning") warnings++;
    else infos++;
  }
  return { errors, warnings, infos };
}

const SEVERITY_FILL: Record<Finding["severity"], string> = { error: "FFFFC7CE", warning: "FFFFEB9C", info: "FFDDEBF7" };
const WIDTHS = [24, 16, 8, 8, 10, 26, 60, 12, 12];

/** Builds the report workbook and returns its .xlsx bytes. */
export async function writeReportWorkbook(input: ReportInput): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "GOV";
  const ws = wb.addWorksheet(R.sheetName);
  const { errors, warnings, infos } = countBySeverity(input.findings);
  const templates = [...new Set(input.sheets.map((s) => s.template).filter((t): t is string => t !== null))];
  const recognised = input.sheets.filter((s) => s.template !== null).length;

  const title = ws.addRow([R.title]);
  title.font = { bold: true, size: 14 };
  ws.mergeCells(title.number, 1, title.number, R.header.length);
  const summary: [string, string | number][] = [
    [R.files, input.files.length > 0 ? `${input.files.length}个：${input.files.join("、")}` : R.none],
    [R.sheets, R.sheetCount(input.sheets.length, recognised)],
    [R.templates, templates.length > 0 ? templates.join("、") : R.none],
    [R.counts, R.countLine(errors, warnings, infos)],
  ];
  if (input.unreadable && input.unreadable.length > 0) {
    summary.push([R.unreadable, input.unreadable.map((u) => `${u.file}：${u.message}`).join("；")]);
  }
  summary.push([R.generated, localTime(input.generatedAt ?? new Date())]);
  for (const [label, value] of summary) {
    const row = ws.addRow([label, value]);
    row.getCell(1).font = { bold: true };
    ws.mergeCells(row.number, 2, row.number, R.header.length);
  }
  ws.addRow([]);

  const header = ws.addRow([...R.header]);
  header.font = { bold: true };
  header.eachCell((c) => {
    c.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFD9D9D9" } };
  });
  for (const f of sortFindings(input.findings, input.sheets)) {
    const row = ws.addRow([
      f.file ?? "", f.sheet, f.cell, SEVERITY_LABEL_ZH[f.severity], f.rule, f.clause, f.message,
      shownValue(f.expected), shownValue(f.actual),
    ]);
    row.getCell(4).fill = { type: "pattern", pattern: "solid", fgColor: { argb: SEVERITY_FILL[f.severity] } };
    row.getCell(7).alignment = { wrapText: true, vertical: "top" };
  }
  WIDTHS.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  ws.views = [{ state: "frozen", ySplit: header.number }];
  ws.autoFilter = { from: { row: header.number, column: 1 }, to: { row: header.number, column: R.header.length } };

  const buf = await wb.xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}
