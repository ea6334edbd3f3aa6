/**
 * What a template declares (ESLint-style: one template = one file = metadata + checks) and what
 * its checks are given. The engine (engine.ts) finds the table, builds `Table`, runs every
 * check, and turns each `report` into a Finding with the sheet, the A1 cell, the rule and the
 * clause filled in.
 */
import type { CellValue } from "../input/coerce";
import type { Severity } from "./findings";
import type { SheetSnapshot } from "./snapshot";

export type TemplateId = "petition" | "eval-county" | "eval-dept" | "trip" | "grid" | "patrol";

export interface ColumnSpec {
  /** stable key the checks use, e.g. "unit" */
  key: string;
  /** canonical header text, e.g. "单位" */
  name: string;
  /** other header texts that name this column (matched after normalisation) */
  aliases?: readonly string[];
  /** the template is recognised only when every required column is found */
  required?: boolean;
  /**
   * the column may come as one column or as sub-columns under a merged group header
   * (e.g. 集体上访和疑难个访 over 第一年 / 第二年); the table then maps the key to each sub-column
   */
  multi?: boolean;
}

export interface CheckMeta {
  /** check id, unique within the template, kebab-case, e.g. "section-max" */
  id: string;
  /** rule id of rules.md, e.g. "PET-7"; several checks may share one */
  rule: string;
  /** full citation, e.g. "深办〔2003〕36号 二(二)" */
  clause: string;
  /** the severity a finding of this check has unless the report overrides it */
  severity: Severity;
  /** one Chinese line: what the check verifies */
  description: string;
}

export interface Check extends CheckMeta {
  /** runs once per data row (total rows excluded) */
  row?(row: TableRow, ctx: CheckContext): void;
  /** runs once per table, after the row checks (cross-row checks, totals, quotas) */
  sheet?(table: Table, ctx: CheckContext): void;
}

export interface TemplateDef {
  id: TemplateId;
  /** the sheet's usual title, e.g. "信访工作目标管理考核评分表" */
  title: string;
  /** the source document, e.g. "深办〔2003〕36号" */
  document: string;
  columns: readonly ColumnSpec[];
  /**
   * alternatives that must also be present: each inner list is a set of keys that together
   * satisfy the requirement, e.g. [["internal"], ["leaders", "peers"]]
   */
  requireOneOf?: readonly (readonly string[])[];
  /** unknown columns holding numbers are collected under this key (eval-dept indicators) */
  extraNumericAs?: string;
  checks: readonly Check[];
}

/** One row of the table, with access by column key. */
export interface TableRow {
  /** 0-based index into sheet.rows */
  r: number;
  /** 1-based sheet row number (what the clerk sees) */
  rowNumber: number;
  /** true for a 合计 / 小计 / 总计 row */
  isTotal: boolean;
  /** the raw value in the (first) column of `key`; undefined when the column is absent */
  get(key: string): CellValue;
  /** raw values of every column mapped to `key` (sub-columns, or extraNumericAs columns) */
  getAll(key: string): CellValue[];
  /** true when the table has the column `key` */
  has(key: string): boolean;
  /** A1 address of the cell of `key` (its i-th sub-column) in this row; first cell of the row when absent */
  cell(key: string, i?: number): string;
}

export interface Table {
  sheet: SheetSnapshot;
  template: TemplateDef;
  /** 0-based indices of the header row(s) in sheet.rows (two for a two-row header) */
  headerRows: number[];
  /** column key → 0-based column indices (several for multi / extraNumericAs) */
  columns: ReadonlyMap<string, readonly number[]>;
  /** header text of each extraNumericAs column, same order as columns.get(extraNumericAs) */
  extraHeaders: readonly string[];
  /** data rows, in sheet order */
  rows: readonly TableRow[];
  /** 合计 / 小计 / 总计 rows */
  totals: readonly TableRow[];
}

export interface Report {
  /** the row the finding is about (its cell is computed from it and `key`) */
  row?: TableRow;
  /** column key of the offending cell */
  key?: string;
  /** sub-column index for multi columns */
  index?: number;
  /** explicit A1 address instead of row/key (sheet-level findings) */
  cell?: string;
  message: string;
  expected?: number | string | boolean;
  actual?: number | string | boolean | null;
  /** overrides the check's severity (e.g. 需说明 → info when 说明 is filled) */
  severity?: Severity;
}

export interface CheckContext {
  report(r: Report): void;
  /**
   * Coerces the cell of `key` with `coerce` (a core/input function); on bad input reports ONE
   * error finding for that cell (rule "INPUT", the catalogue's message, once per cell however
   * many checks ask) and returns undefined. A blank cell returns undefined without a finding
   * unless `required`, which reports the catalogue's "不能为空".
   */
  value<T>(
    row: TableRow, key: string,
    coerce: (v: unknown, param: string) => T,
    opts?: { index?: number; required?: boolean },
  ): T | undefined;
}
