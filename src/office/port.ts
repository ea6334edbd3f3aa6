/**
 * What the task pane asks of the workbook it runs in. Components receive an ExcelPort as a prop,
 * so they are tested without Office; src/office/excelPort.ts implements it with Office.js.
 */
import type { ReportInput } from "../core/report/rows";
import type { Finding } from "../core/validate/findings";
import type { WorkbookSnapshot } from "../core/validate/snapshot";
import type { HostFeatures } from "./apiSupport";
import type { LiveChecker } from "./live";
import type { BlankExtras } from "./template";

export type { HostFeatures } from "./apiSupport";

/** Marking's outcome: cells marked, and sheets skipped because they are protected. */
export interface MarkResult {
  marked: number;
  protectedSheets: string[];
}

/** Clearing's outcome: cells restored, and protected sheets whose marks were kept for later. */
export interface ClearResult {
  restored: number;
  protectedSheets: string[];
}

/** How a template went in: as Excel's own sheets, or written cell by cell (older Excel). */
export interface TemplateInsertResult {
  byCells: boolean;
  /** written cell by cell: whether a blank's data validations could be added (ExcelApi 1.8) */
  validations?: boolean;
}

export interface ReadProgress {
  sheet: string;
  rowsRead: number;
  rowsTotal: number;
}
export type OnReadProgress = (p: ReadProgress) => void;

/** A report table cell: text, number, boolean or blank. */
export type ReportCell = string | number | boolean | null;

export interface ExcelPort {
  /** what this Excel can do, so the pane hides or degrades a feature and says why */
  readonly features: HostFeatures;
  /** the active worksheet as a snapshot; writes nothing */
  readActiveSheet(onProgress?: OnReadProgress): Promise<WorkbookSnapshot>;
  /** every visible worksheet except report sheets; writes nothing */
  readAllSheets(onProgress?: OnReadProgress): Promise<WorkbookSnapshot>;
  /** activates `sheet` and selects `cell` (A1) */
  selectCell(sheet: string, cell: string): Promise<void>;
  /** adds a new sheet named `baseName` (suffixed when taken) holding `table`; returns its name */
  addReportSheet(baseName: string, table: ReportCell[][]): Promise<string>;
  /**
   * Writes the report (core/report/rows.ts: 校验汇总 and 问题清单) on new sheets, the workbook's
   * name as the file; returns the sheets' names (suffixed when taken), the summary first.
   */
  addReport(input: ReportInput): Promise<string[]>;
  /** fills each finding's cell, storing its original fill in the workbook first; skips protected sheets */
  highlight(findings: readonly Finding[]): Promise<MarkResult>;
  /** restores every fill stored by highlight(), except on protected sheets (kept for later) */
  clearHighlights(): Promise<ClearResult>;
  /** writes `formula` into the active cell; returns its address */
  insertFormula(formula: string): Promise<string>;
  /**
   * inserts the worksheets of an .xlsx given as base64, activating the first; `blank`: a blank
   * template's formulas and validations, written after the cells where Excel cannot insert sheets
   */
  insertTemplate(base64: string, blank?: BlankExtras): Promise<TemplateInsertResult>;
  /** 立即校验: lives in the runtime (created at startup, live.ts), absent where not offered */
  readonly live?: LiveChecker;
}
