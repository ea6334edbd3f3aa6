/**
 * The report workbook (browser-safe: govcheck --report and the standalone pane's download write
 * the same one), from the core's report model (core/report/rows.ts):
 *  - 校验汇总: title, 校验日期, totals, then one row per file × sheet (template's Chinese title,
 *    填报单位, verdict, counts of root findings by severity, 连带问题);
 *  - 问题清单: every finding, roots in reading order each followed by its consequences, message
 *    first, rule id last.
 * Both print landscape on A4, one page wide, the header row repeated on every page, with page
 * numbers; the header is frozen and filterable. Every text is written as a string value, so a
 * message or a cell value that looks like a formula ("=SUM(…)", "+86…", "-5") stays text.
 */
import ExcelJS from "exceljs";
import {
  buildReport, FINDINGS_LAYOUT, type ReportCell, type ReportInput, type ReportLayout, type ReportModel, rowLines, SUMMARY_LAYOUT,
} from "../core/report/rows";
import type { Severity } from "../core/validate/severity";

export type { ReportInput, ReportSheetInput } from "../core/report/rows";

const SEVERITY_FILL: Record<Severity, string> = { error: "FFFFC7CE", warning: "FFFFEB9C", info: "FFDDEBF7" };
const VERDICT_FILL = { pass: "FFC6EFCE", fail: "FFFFC7CE", unreadable: "FFFFEB9C" } as const;
const HEADER_FILL = "FFD9D9D9";
const FONT = "等线";
/** the rows above each table: title, date, a line of totals or of explanation */
const HEAD_ROWS = 3;
const BORDER: Partial<ExcelJS.Borders> = {
  top: { style: "thin", color: { argb: "FFBFBFBF" } },
  bottom: { style: "thin", color: { argb: "FFBFBFBF" } },
  left: { style: "thin", color: { argb: "FFBFBFBF" } },
  right: { style: "thin", color: { argb: "FFBFBFBF" } },
};

function sheetWith(
  wb: ExcelJS.Workbook, name: string, title: string, lines: readonly string[], header: readonly string[],
  layout: ReportLayout, footer: string,
): ExcelJS.Worksheet {
  const width = header.length;
  const ws = wb.addWorksheet(name, {
    pageSetup: {
      paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.6, header: 0.3, footer: 0.3 },
      printTitlesRow: `${HEAD_ROWS + 1}:${HEAD_ROWS + 1}`,
    },
    headerFooter: { oddFooter: `&C${footer}`, differentFirst: false, differentOddEven: false },
    views: [{ state: "frozen", ySplit: HEAD_ROWS + 1 }],
  });
  const t = ws.addRow([title]);
  t.font = { name: FONT, bold: true, size: 16 };
  t.height = 26;
  t.alignment = { vertical: "middle", horizontal: "center" };
  ws.mergeCells(t.number, 1, t.number, width);
  for (const line of lines) {
    const r = ws.addRow([line]);
    r.font = { name: FONT, size: 11 };
    ws.mergeCells(r.number, 1, r.number, width);
  }
  const h = ws.addRow([...header]);
  h.height = 20;
  h.eachCell((c) => {
    c.font = { name: FONT, bold: true };
    c.fill = { type: "pattern", pattern: "solid", fgColor: { argb: HEADER_FILL } };
    c.alignment = { vertical: "middle", horizontal: "center", wrapText: true };
    c.border = BORDER;
  });
  layout.widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  ws.autoFilter = { from: { row: h.number, column: 1 }, to: { row: h.number, column: width } };
  return ws;
}

/** points per line of 11-point text, and the padding of a row */
const LINE_PT = 14.5;

function addBody(ws: ExcelJS.Worksheet, cells: readonly ReportCell[], layout: ReportLayout, vertical: "top" | "middle"): ExcelJS.Row {
  const row = ws.addRow([...cells]);
  for (let c = 1; c <= cells.length; c++) {
    const cell = row.getCell(c);
    cell.font = { name: FONT };
    cell.border = BORDER;
    cell.alignment = { vertical, wrapText: layout.wrap.includes(c - 1) };
  }
  // stored heights are what Excel and LibreOffice show: wrapped text gets the lines it needs
  row.height = rowLines(cells, layout) * LINE_PT + 3;
  return row;
}

/** Writes the model as a workbook (exported for tests and the screenshot script). */
export function reportWorkbook(model: ReportModel): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "GOV";

  const sum = sheetWith(wb, model.summarySheet, model.title, [model.checkedOn, `${model.totals}；${model.counts}。`],
    model.summaryHeader, SUMMARY_LAYOUT, model.pageFooter);
  for (const s of model.summary) {
    const row = addBody(sum, s.cells, SUMMARY_LAYOUT, "middle");
    const verdict = row.getCell(6);
    verdict.fill = { type: "pattern", pattern: "solid", fgColor: { argb: VERDICT_FILL[s.status] } };
    verdict.font = { name: FONT, bold: s.status === "fail" };
    for (const c of [5, 7, 8, 9, 10]) row.getCell(c).alignment = { vertical: "middle", horizontal: "center" };
  }

  const list = sheetWith(wb, model.findingsSheet, model.findingsTitle, [model.checkedOn, model.findingsNote],
    model.findingsHeader, FINDINGS_LAYOUT, model.pageFooter);
  for (const f of model.findings) {
    const row = addBody(list, f.cells, FINDINGS_LAYOUT, "top");
    const severity = row.getCell(5);
    severity.fill = { type: "pattern", pattern: "solid", fgColor: { argb: SEVERITY_FILL[f.severity] } };
    severity.alignment = { vertical: "top", horizontal: "center" };
    for (const c of [4, 6, 7]) row.getCell(c).alignment = { vertical: "top", horizontal: "center", wrapText: c !== 4 };
    if (f.consequence) {
      const message = row.getCell(1);
      message.font = { name: FONT, color: { argb: "FF595959" } };
      message.alignment = { vertical: "top", wrapText: true, indent: 1 };
    }
  }
  return wb;
}

/** Builds the report workbook and returns its .xlsx bytes. */
export async function writeReportWorkbook(input: ReportInput): Promise<Uint8Array> {
  const buf = await reportWorkbook(buildReport(input)).xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}
