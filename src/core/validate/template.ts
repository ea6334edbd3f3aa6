/**
 * What a template declares (ESLint-style: one template = one file = metadata + checks) and what
 * its checks are given. The engine (engine.ts) finds the table, converts each cell of a typed
 * column once (on its first read), runs every check, and turns each `report` into a Finding with
 * the sheet, the A1 cell, the check, the message id, the rule and its clause filled in.
 */
import type { CellValue } from "../input/coerce";
import type { CellError } from "../input/errors";
import type { RuleTable } from "../rules/ruleTable";
import type { Severity } from "../rules/severity";
import type { SheetSnapshot } from "./snapshot";

/**
 * How the engine converts a column's cells (HyperFormula's argument types): each cell once, a bad
 * one reported once (rule INPUT, the input catalogue's message) and then read as undefined.
 *  - text: trimmed text; number: with an optional lower bound (money, scores); count: a
 *    non-negative integer, `min: 1` for “须大于 0”; date: a day serial; yesno: 是/否;
 *    category: A/B/C 类; star: 星级; choice: one of fixed word lists (blank → `blank`);
 *  - parse: a domain type of a rules core (等次, 团组类型, 出访国家), `byText` when it is pure in the
 *    cell's text (each distinct text is then parsed once per run).
 */
export type CellType =
  | { type: "text" }
  | { type: "number"; min?: number }
  | { type: "count"; min?: 1 }
  | { type: "date" }
  | { type: "yesno" }
  | { type: "category" }
  | { type: "star" }
  | { type: "choice"; words: Readonly<Record<string, readonly string[]>> }
  | { type: "parse"; parse: (v: unknown, param: string) => unknown; byText?: boolean };

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
  /** how its cells are converted; a column without a type is read raw only (row.get) */
  cell?: CellType;
  /** a blank (first) cell of this column is an INPUT error (“不能为空”) when read */
  needed?: boolean;
  /**
   * a bad cell is the check's to report (row.problem), not an INPUT finding: the column whose
   * value is itself the subject of a rule (类别 under PET-6)
   */
  errorsToCheck?: boolean;
}

/** Message ids of a check: each has a zh-CN text (and its en-US twin) in the catalogue. */
export interface CheckMeta {
  /** check id, unique within the template, kebab-case, e.g. "section-max" */
  id: string;
  /** rule id of the template's rule table (rules.md), e.g. "PET-7"; several checks may share one */
  rule: string;
  /** one of the rule's other clauses (its table entry's `also`) when the check enforces that part */
  clause?: string;
  /** the severity a finding of this check has unless the report overrides it */
  severity: Severity;
  /** one Chinese line: what the check verifies */
  description: string;
  /** the ids of the messages it reports, texts in messages/zh-CN.ts under template → check → id */
  messages: readonly string[];
  /**
   * The checks (ids in the same template) whose findings this check's findings may follow from
   * (Report.causedBy): a consequence names its root's cell, is shown folded under it and is not
   * counted as a violation of its own. A causedBy naming a cell where no finding of these checks
   * stands is dropped: the finding is then a root.
   */
  followsFrom?: readonly string[];
  /**
   * A table check whose answer changes when the tables of several submissions are taken as one
   * (合并校验: duplicates, ranks, quotas, a 团长's trips in a year): run over the combined table,
   * its findings there replace those of each file alone.
   */
  acrossFiles?: boolean;
  /**
   * Its `expected` is the value the rules compute for the reported cell (合计, 百分制, 类内排名,
   * 综合得分, 在外天数, 年度补助 and its shares): the consolidated table (合并汇总) writes it there.
   */
  recomputes?: boolean;
  /** Its findings mark a row that repeats an earlier one: the consolidated table keeps the first. */
  marksDuplicates?: boolean;
}

export interface Check extends CheckMeta {
  /** runs once per data row (total rows excluded) */
  row?(row: TableRow, ctx: CheckContext): void;
  /** runs once per table (cross-row checks, totals, quotas) */
  sheet?(table: Table, ctx: CheckContext): void;
}

export interface TemplateDef {
  id: string;
  /** the sheet's usual title, e.g. "信访工作目标管理考核评分表" */
  title: string;
  /** the source document, e.g. "深办〔2003〕36号" */
  document: string;
  /** the rules its checks cite by id, with their clauses (core/rules/<doc>/ruleTable.ts) */
  rules: RuleTable;
  columns: readonly ColumnSpec[];
  /**
   * alternatives that must also be present: each inner list is a set of keys that together
   * satisfy the requirement, e.g. [["internal"], ["leaders", "peers"]]
   */
  requireOneOf?: readonly (readonly string[])[];
  /** unknown columns holding numbers are collected under this key (eval-dept indicators), typed number */
  extraNumericAs?: string;
  checks: readonly Check[];
  /**
   * The column(s) naming a row's subject (unit, 区 + 社区, 团长, person): the engine names it first
   * in each row finding (`市卫生局：…`), so the list reads without the sheet open.
   */
  who?: readonly string[];
  /**
   * The texts of its checks' messages (check → message id → text) for a template outside the
   * registry (tests); a registered template's live in messages/zh-CN.ts under its id.
   */
  messageTexts?: Readonly<Record<string, Readonly<Record<string, string>>>>;
}

/** One row of the table, with access by column key. */
export interface TableRow {
  /** 0-based index into sheet.rows */
  r: number;
  /** 1-based sheet row number (what the clerk sees) */
  rowNumber: number;
  /** true for a 合计 / 小计 / 总计 row */
  isTotal: boolean;
  /** the raw value in the (first, or `index`-th) column of `key`; undefined when the column is absent */
  get(key: string, index?: number): CellValue;
  /** how many columns are mapped to `key` (sub-columns, extraNumericAs columns); 0 when absent */
  count(key: string): number;
  /** raw values of every column mapped to `key` (sub-columns, or extraNumericAs columns) */
  getAll(key: string): CellValue[];
  /** true when the table has the column `key` */
  has(key: string): boolean;
  /** A1 address of the cell of `key` (its i-th sub-column) in this row; first cell of the row when absent */
  cell(key: string, i?: number): string;
  /**
   * The typed value of the cell of `key` (its `index`-th sub-column), converted by the column's
   * type once per run. Undefined for an absent column, a blank cell (an INPUT error when the
   * column is `needed` and index is 0) or a bad cell (one INPUT error, whoever reads it first).
   */
  value<T = number>(key: string, index?: number): T | undefined;
  /** As value(), a blank cell being an INPUT error here whatever the column declares (a condition of the row). */
  need<T = number>(key: string, index?: number): T | undefined;
  /** The conversion error of a non-blank cell of an `errorsToCheck` column; undefined when it converts. */
  problem(key: string, index?: number): CellError | undefined;
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

/** Placeholder values of a message: `{unit}` ← data.unit. */
export type MessageData = Readonly<Record<string, string | number>>;

export interface Report {
  /** the row the finding is about (its cell is computed from it and `key`) */
  row?: TableRow;
  /** column key of the offending cell */
  key?: string;
  /** sub-column index for multi columns */
  index?: number;
  /** explicit A1 address instead of row/key (sheet-level findings) */
  cell?: string;
  /** one of the check's `messages` */
  messageId: string;
  data?: MessageData;
  expected?: number | string | boolean;
  actual?: number | string | boolean | null;
  /** overrides the check's severity (e.g. 需说明 → info when 说明 is filled) */
  severity?: Severity;
  /**
   * The cell of the root finding this one only follows from (a check of `followsFrom` reports
   * there): fixing the root would make this finding go away.
   */
  causedBy?: Cause;
}

/** Where a root finding stands: a row's cell by column key (its `index`-th sub-column). */
export interface Cause {
  row: TableRow;
  key: string;
  index?: number;
}

/**
 * A value computed once per row (or per table) for the checks that share it, kept by the run
 * (ESLint's per-run `create(context)` state, without a protocol between checks): declared once at
 * module level (immutable), computed on the first ask, whichever check asks first. Its function
 * must be pure in the row's cells: it reads typed values (any INPUT finding is the engine's) and
 * cannot report.
 */
export interface RowValue<T> {
  readonly kind: "row";
  readonly name: string;
  readonly compute: (row: TableRow, ctx: DeriveContext) => T;
}
export interface TableValue<T> {
  readonly kind: "table";
  readonly name: string;
  readonly compute: (table: Table, ctx: DeriveContext) => T;
}

export function rowValue<T>(name: string, compute: (row: TableRow, ctx: DeriveContext) => T): RowValue<T> {
  return Object.freeze({ kind: "row", name, compute });
}
export function tableValue<T>(name: string, compute: (table: Table, ctx: DeriveContext) => T): TableValue<T> {
  return Object.freeze({ kind: "table", name, compute });
}

export interface DeriveContext {
  /** the row value `v` of `row`, computed once per run */
  derive<T>(row: TableRow, v: RowValue<T>): T;
  /** the table value `v`, computed once per run */
  sheetValue<T>(v: TableValue<T>): T;
}

export interface CheckContext extends DeriveContext {
  report(r: Report): void;
  /**
   * How a finding about `from` names another row: “第13行” on the same sheet; in a combined check
   * of several files (合并校验) a row of another file by its file, sheet and the cell of `key`
   * (“南岗区.xlsx”网格配置!C3), and a row of the same file by its own row number there.
   */
  where(row: TableRow, key: string, from: TableRow): string;
  /** Several rows named as where() names one: “第5、8行” when all are on `from`'s sheet. */
  rowList(rows: readonly TableRow[], key: string, from: TableRow): string;
  /** One of the check's messages as text, for a part of another (a list of reasons). */
  phrase(messageId: string, data?: MessageData): string;
}
