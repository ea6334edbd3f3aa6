/**
 * The report to forward (issue 11 item 6): one model of its rows, written by the .xlsx writer
 * (src/xlsx/report.ts: govcheck --report, the standalone pane's download) and by the pane inside
 * Excel (src/office/report.ts). Pure: no ExcelJS, no Office.
 *
 *  - summary: one row per file × sheet — 文件 (its name, never a path), 工作表, 模板 (the Chinese
 *    title, 未识别 for none), 填报单位 (the 填报单位 line above the table, 未注明 without one: a
 *    sheet listing many units has its count in 数据行数), 数据行数, 结论 (通过 / 未通过 / 无法读取 with
 *    the reason), 违规 / 需说明 / 提示 counted over root findings, 连带问题 apart; an unreadable
 *    file is one row;
 *  - findings: roots in reading order (file, sheet, row, column, severity), each followed by the
 *    findings that only follow from it (connected: 连带, 由X单元格引起), message first and the rule
 *    id last.
 */
import { type Finding, isRoot, SEVERITY_LABEL_ZH, SEVERITY_ORDER } from "../validate/findings";
import { countRoots, foldConsequences } from "../validate/fold";
import { columnNumber } from "../validate/snapshot";
import type { Severity } from "../validate/severity";
import type { ReportCell } from "./layout";
import { reportMessages as R } from "./messages";

export type { ReportCell } from "./layout";
export { FINDINGS_LAYOUT, type ReportLayout, rowLines, SUMMARY_LAYOUT, textWidth } from "./layout";

/** A sheet as validated (SheetResult), with its file and, when known, its 填报单位. */
export interface ReportSheetInput {
  file?: string;
  sheet: string;
  template: string | null;
  rows: number;
  headerRow: number | null;
  /** the 填报单位 line above the table (core/report/unit.ts), null / absent when none */
  unit?: string | null;
}

export interface ReportInput {
  findings: readonly Finding[];
  sheets: readonly ReportSheetInput[];
  /** every file examined, in input order (names; a directory part is dropped) */
  files: readonly string[];
  /** files that could not be read, with the reason */
  unreadable?: readonly { file: string; message: string }[];
  /** id → Chinese title of each template (listTemplates()) */
  templates: readonly { id: string; title: string }[];
  /** when it was checked (default now); shown as a date in China's time zone */
  checkedAt?: Date;
}

export type SheetStatus = "pass" | "fail" | "unreadable";

export interface SummaryRow {
  status: SheetStatus;
  /** 文件, 工作表, 模板, 填报单位, 数据行数, 结论, 违规, 需说明, 提示, 连带问题 */
  cells: ReportCell[];
}

export interface FindingRow {
  severity: Severity;
  /** true for a consequence of the root above it */
  consequence: boolean;
  /** 问题说明, 文件, 工作表, 单元格, 严重程度, 应为, 填报, 依据, 规则编号 */
  cells: ReportCell[];
}

export interface ReportModel {
  title: string;
  findingsTitle: string;
  /** 校验日期：2026年11月30日 */
  checkedOn: string;
  /** totals of files and verdicts, and of root findings by severity */
  totals: string;
  counts: string;
  summarySheet: string;
  findingsSheet: string;
  summaryHeader: readonly string[];
  summary: SummaryRow[];
  findingsHeader: readonly string[];
  findings: FindingRow[];
  /** the line above the findings table (what 连带 means), or that nothing was found */
  findingsNote: string;
  pageFooter: string;
}

/** The file's name without any directory (both / and \ separators): never a machine path. */
export function baseName(file: string): string {
  const parts = file.split(/[\\/]+/).filter((p) => p !== "");
  return parts.length > 0 ? parts[parts.length - 1] : file;
}

/**
 * How each file is named in the report: its base name; when two files of the run share one, the
 * folder each is in follows in brackets (`报表.xlsx（市卫生局）`), still without a path.
 */
export function displayNames(files: readonly string[]): Map<string, string> {
  const parts = (f: string) => f.split(/[\\/]+/).filter((p) => p !== "");
  const byBase = new Map<string, string[]>();
  for (const f of new Set(files)) {
    const b = baseName(f);
    byBase.set(b, [...(byBase.get(b) ?? []), f]);
  }
  const out = new Map<string, string>();
  for (const [b, same] of byBase) {
    for (const f of same) {
      const folder = parts(f).slice(-2, -1)[0];
      out.set(f, same.length > 1 && folder ? `${b}（${folder.replace(/^[A-Za-z]:$/, (d) => d.slice(0, 1))}）` : b);
    }
  }
  return out;
}

/** "2026年11月30日", the calendar day in China (UTC+8, no daylight saving) of `d`. */
export function checkedDate(d: Date): string {
  const china = new Date(d.getTime() + 8 * 3_600_000);
  return `${china.getUTCFullYear()}年${china.getUTCMonth() + 1}月${china.getUTCDate()}日`;
}

function shown(v: Finding["expected"] | Finding["actual"]): ReportCell {
  if (v === undefined || v === null) return null;
  if (typeof v === "boolean") return v ? R.yes : R.no;
  return v;
}

const key = (file: string | undefined, sheet: string) => `${file ?? ""}\u0000${sheet}`;

/** Findings in reading order: file (as listed), sheet (as listed), row, column, severity. */
export function readingOrder(findings: readonly Finding[], files: readonly string[], sheets: readonly ReportSheetInput[]): Finding[] {
  const fileOrder = new Map<string, number>();
  files.forEach((f) => { if (!fileOrder.has(f)) fileOrder.set(f, fileOrder.size); });
  sheets.forEach((s) => { if (!fileOrder.has(s.file ?? "")) fileOrder.set(s.file ?? "", fileOrder.size); });
  const sheetOrder = new Map<string, number>();
  sheets.forEach((s, i) => { if (!sheetOrder.has(key(s.file, s.sheet))) sheetOrder.set(key(s.file, s.sheet), i); });
  const big = Number.MAX_SAFE_INTEGER;
  return findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) =>
      (fileOrder.get(a.f.file ?? "") ?? big) - (fileOrder.get(b.f.file ?? "") ?? big)
      || (sheetOrder.get(key(a.f.file, a.f.sheet)) ?? big) - (sheetOrder.get(key(b.f.file, b.f.sheet)) ?? big)
      || a.f.row - b.f.row
      || columnNumber(a.f.column) - columnNumber(b.f.column)
      || SEVERITY_ORDER[a.f.severity] - SEVERITY_ORDER[b.f.severity]
      || a.i - b.i)
    .map((x) => x.f);
}

function findingRow(f: Finding, name: (file: string) => string): FindingRow {
  const consequence = !isRoot(f);
  return {
    severity: f.severity,
    consequence,
    cells: [
      consequence ? `${R.consequence(f.causedBy!)}${f.message}` : f.message,
      name(f.file ?? ""), f.sheet, f.cell, SEVERITY_LABEL_ZH[f.severity],
      shown(f.expected), shown(f.actual), f.clause, f.rule,
    ],
  };
}

/** The report's rows: summary and findings, in the order they are written. */
export function buildReport(input: ReportInput): ReportModel {
  const titles = new Map(input.templates.map((t) => [t.id, t.title]));
  const unreadable = new Map((input.unreadable ?? []).map((u) => [u.file, u.message]));
  const files = [...input.files];
  for (const u of input.unreadable ?? []) if (!files.includes(u.file)) files.push(u.file);
  for (const s of input.sheets) if (!files.includes(s.file ?? "")) files.push(s.file ?? "");

  // the sheets of each file, in order; a finding's sheet missing from `sheets` still gets its row
  const sheets: ReportSheetInput[] = [...input.sheets];
  const known = new Set(sheets.map((s) => key(s.file, s.sheet)));
  for (const f of input.findings) {
    if (known.has(key(f.file, f.sheet))) continue;
    known.add(key(f.file, f.sheet));
    sheets.push({ file: f.file, sheet: f.sheet, template: f.template, rows: 0, headerRow: null });
  }
  const bySheet = new Map<string, Finding[]>();
  for (const f of input.findings) {
    const k = key(f.file, f.sheet);
    const list = bySheet.get(k);
    if (list) list.push(f);
    else bySheet.set(k, [f]);
  }

  for (const f of input.findings) if (!files.includes(f.file ?? "")) files.push(f.file ?? "");
  const names = displayNames(files);
  const name = (file: string) => names.get(file) ?? baseName(file);

  const summary: SummaryRow[] = [];
  let passed = 0, failed = 0, nSheets = 0;
  for (const file of files) {
    const reason = unreadable.get(file);
    if (reason !== undefined) {
      summary.push({ status: "unreadable", cells: [name(file), null, null, null, null, R.unreadable(reason), null, null, null, null] });
      continue;
    }
    let fileFailed = false;
    for (const s of sheets.filter((x) => (x.file ?? "") === file)) {
      nSheets++;
      const c = countRoots(bySheet.get(key(s.file, s.sheet)) ?? []);
      const status: SheetStatus = c.errors > 0 ? "fail" : "pass";
      if (status === "fail") fileFailed = true;
      const template = s.template === null ? R.noTemplate : titles.get(s.template) ?? R.noTemplate;
      summary.push({
        status,
        cells: [
          name(file), s.sheet, template, s.template === null ? null : s.unit?.trim() || R.noUnit,
          s.template === null ? null : s.rows, status === "fail" ? R.fail : R.pass,
          c.errors, c.warnings, c.infos, c.consequences,
        ],
      });
    }
    if (fileFailed) failed++;
    else passed++;
  }

  const ordered = readingOrder(input.findings, files, sheets);
  const findings: FindingRow[] = [];
  for (const { root, consequences } of foldConsequences(ordered)) {
    findings.push(findingRow(root, name));
    for (const c of consequences) findings.push(findingRow(c, name));
  }

  const all = countRoots(input.findings);
  return {
    title: R.title,
    findingsTitle: R.findingsTitle,
    checkedOn: R.checkedOn(checkedDate(input.checkedAt ?? new Date())),
    totals: R.totals(files.length, nSheets, passed, failed, unreadable.size),
    counts: R.counts(all.errors, all.warnings, all.infos, all.consequences),
    summarySheet: R.summarySheet,
    findingsSheet: R.findingsSheet,
    summaryHeader: R.summaryHeader,
    summary,
    findingsHeader: R.findingsHeader,
    findings,
    findingsNote: findings.length === 0 ? R.noFindings : R.findingsNote,
    pageFooter: R.pageFooter,
  };
}
