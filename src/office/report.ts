/**
 * 生成校验报告 inside Excel: the core's report model (core/report/rows.ts, the same rows as the
 * .xlsx report of govcheck and the standalone pane) on NEW sheets — 校验汇总 then 问题清单. An
 * existing sheet is never overwritten: when a name is taken, " (2)", " (3)" … is appended, as
 * Excel itself names copies.
 *
 * Every host gets the rows, bold title and header, wrapped text and severity / verdict fills
 * (ExcelApi 1.1); column widths and row heights fitted on 1.2+; the header frozen on 1.7+; the
 * workbook's name in the 文件 column on 1.7+; the print setup (landscape, one page wide, the header
 * row repeated, page numbers) on 1.9+.
 */
import { FINDINGS_LAYOUT, type ReportLayout, SUMMARY_LAYOUT } from "../core/report/layout";
import type { ReportInput, ReportModel } from "../core/report/rows";
import type { Severity } from "../core/validate/severity";
import type { ReportCell } from "./port";
import { officeApiSupport, type ExcelApiSupport } from "./apiSupport";
import { rangeAt } from "./ranges";
import { syncInChunks } from "./payload";

export { REPORT_SHEET_NAMES } from "./sheetNames";

/** Excel's limit on a sheet name's length. */
export const SHEET_NAME_MAX = 31;
/** Rows written per sync, keeping each request well under Excel on the web's 5 MB limit. */
export const REPORT_CHUNK_ROWS = 5_000;

const SEVERITY_FILL: Record<Severity, string> = { error: "#FFC7CE", warning: "#FFEB9C", info: "#DDEBF7" };
const VERDICT_FILL = { pass: "#C6EFCE", fail: "#FFC7CE", unreadable: "#FFEB9C" } as const;
const HEADER_FILL = "#D9D9D9";
const MUTED = "#595959";

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

/** One report sheet as written: the rows above the header, the header, the body and its look. */
export interface ReportSheetSpec {
  baseName: string;
  /** title, then lines (date, totals or explanation) above the header row */
  head: readonly string[];
  header: readonly string[];
  body: readonly ReportCell[][];
  layout?: ReportLayout;
  /** fills of single cells of the body: [body row, column, colour] */
  fills?: readonly (readonly [number, number, string])[];
  /** body rows shown muted (a consequence under its root) */
  muted?: readonly number[];
  /** page footer (Excel's &P / &N codes) */
  footer?: string;
}

/** The two sheets of the report model: 校验汇总, 问题清单. */
export function reportSheets(model: ReportModel): ReportSheetSpec[] {
  return [
    {
      baseName: model.summarySheet,
      head: [model.title, model.checkedOn, `${model.totals}；${model.counts}。`],
      header: model.summaryHeader,
      body: model.summary.map((r) => r.cells),
      layout: SUMMARY_LAYOUT,
      fills: model.summary.map((r, i) => [i, 5, VERDICT_FILL[r.status]] as const),
      footer: model.pageFooter,
    },
    {
      baseName: model.findingsSheet,
      head: [model.findingsTitle, model.checkedOn, model.findingsNote],
      header: model.findingsHeader,
      body: model.findings.map((r) => r.cells),
      layout: FINDINGS_LAYOUT,
      fills: model.findings.map((r, i) => [i, 4, SEVERITY_FILL[r.severity]] as const),
      muted: model.findings.flatMap((r, i) => (r.consequence ? [i] : [])),
      footer: model.pageFooter,
    },
  ];
}

/** Excel's column width unit (characters) in points, as the column width property takes it. */
const charsToPoints = (chars: number) => Math.round((chars * 7 + 5) * 0.75 * 10) / 10;

/**
 * Writes `spec` on a new sheet named after `spec.baseName` (suffixed when taken). 1 sync for the
 * names, 1 per REPORT_CHUNK_ROWS rows (a chunk Excel refuses as too large is halved and retried),
 * 1 for the look, 1 for the print setup (1.9+: a host refusing it leaves the sheet as it is).
 */
async function writeSheet(context: Excel.RequestContext, spec: ReportSheetSpec, api: ExcelApiSupport): Promise<string> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  await context.sync();
  const name = uniqueSheetName(spec.baseName, sheets.items.map((s) => s.name));
  const sheet = sheets.add(name);
  const table: ReportCell[][] = [...spec.head.map((h) => [h]), [...spec.header], ...spec.body];
  const width = Math.max(1, spec.header.length, ...table.map((r) => r.length));
  const top = spec.head.length;
  // table row → its fills and whether it is muted, queued with the chunk that writes the row
  const fills = new Map<number, [number, string][]>();
  for (const [r, c, color] of spec.fills ?? []) {
    const at = top + 1 + r;
    const list = fills.get(at);
    if (list) list.push([c, color]);
    else fills.set(at, [[c, color]]);
  }
  const muted = new Set((spec.muted ?? []).map((r) => top + 1 + r));
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
    for (let at = start; at < start + rows.length; at++) {
      for (const [c, color] of fills.get(at) ?? []) rangeAt(sheet, api, at, c, 1, 1).format.fill.color = color;
      if (muted.has(at)) rangeAt(sheet, api, at, 0, 1, 1).format.font.color = MUTED;
    }
  }, (_row, index) => `报告第${index + 1}行`);

  // the look: title, header, wrapped columns, fills
  if (top > 0) {
    const title = rangeAt(sheet, api, 0, 0, 1, 1).format.font;
    title.bold = true;
    title.size = 16;
  }
  const header = rangeAt(sheet, api, top, 0, 1, width).format;
  header.font.bold = true;
  header.fill.color = HEADER_FILL;
  header.wrapText = true;
  const n = spec.body.length;
  if (n > 0) {
    rangeAt(sheet, api, top + 1, 0, n, width).format.verticalAlignment = "Top";
    for (const c of spec.layout?.wrap ?? []) rangeAt(sheet, api, top + 1, c, n, 1).format.wrapText = true;
  }
  if (api.isSupported("1.2")) {
    const widths = spec.layout?.widths;
    if (widths) widths.forEach((w, c) => { rangeAt(sheet, api, 0, c, 1, 1).format.columnWidth = charsToPoints(w); });
    else rangeAt(sheet, api, top, 0, Math.max(1, n + 1), width).format.autofitColumns();
    rangeAt(sheet, api, top, 0, n + 1, width).format.autofitRows();
  }
  if (api.isSupported("1.7")) sheet.freezePanes.freezeRows(top + 1);
  await context.sync();

  if (api.isSupported("1.9")) {
    const page = sheet.pageLayout;
    page.orientation = "Landscape";
    page.paperSize = "A4";
    page.centerHorizontally = true;
    // one page wide, as many tall as it takes (fitToHeight 0, as in the .xlsx report)
    page.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
    page.setPrintTitleRows(`$${top + 1}:$${top + 1}`);
    if (spec.footer) page.headersFooters.defaultForAllPages.centerFooter = spec.footer;
    try {
      await context.sync();
    } catch {
      // the rows are written; a host refusing a print setting does not lose the report
    }
  }
  return name;
}

/** Adds one report sheet holding `table` (header first) and activates it; returns its name. */
export async function addReportSheet(
  context: Excel.RequestContext, baseName: string, table: readonly ReportCell[][],
  api: ExcelApiSupport = officeApiSupport(),
): Promise<string> {
  const name = await writeSheet(context, { baseName, head: [], header: (table[0] ?? []).map(String), body: table.slice(1) }, api);
  context.workbook.worksheets.getItem(name).activate();
  await context.sync();
  return name;
}

/**
 * The report of the open workbook: when `input.files` is empty, its name (ExcelApi 1.7; empty
 * before) is the file of every finding and sheet; the core's rows, written on two new sheets; the
 * summary is activated. Returns the sheets' names.
 */
export async function addReport(
  context: Excel.RequestContext, input: ReportInput, api: ExcelApiSupport = officeApiSupport(),
): Promise<string[]> {
  let file = "";
  if (api.isSupported("1.7")) {
    context.workbook.load("name");
    await context.sync();
    file = context.workbook.name ?? "";
  }
  // the model comes with the validator's chunk (findings, zod), not in the pane's first load
  const { buildReport } = await import(/* webpackChunkName: "validate" */ "../core/report/rows");
  // no files given: everything is of the open workbook, whatever file name a finding carries
  const model = buildReport(input.files.length > 0 ? input : {
    ...input,
    findings: input.findings.map((f) => ({ ...f, file })),
    sheets: input.sheets.map((s) => ({ ...s, file })),
    files: [file],
  });
  const names: string[] = [];
  for (const spec of reportSheets(model)) names.push(await writeSheet(context, spec, api));
  context.workbook.worksheets.getItem(names[0]).activate();
  await context.sync();
  return names;
}
