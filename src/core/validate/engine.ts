/**
 * The validator engine: for each sheet of a workbook snapshot, find its template and table
 * (finder.ts), run every check of the template, and turn each report into a Finding carrying the
 * sheet, the A1 cell, the rule, the severity and the clause (templates.md, "Findings").
 * The template list is passed in; index.ts binds the registry of the six templates.
 */
import type { CellValue } from "../input/coerce";
import { InputError } from "../input/errors";
import { inputMessages } from "../input/messages";
import { type BuiltTable, buildTable, type CellReader, findHeader, findTemplate, type HeaderMatch, requiredShare } from "./finder";
import type { Finding, Severity } from "./findings";
import { columnLetter, parseA1, type SheetSnapshot, type WorkbookSnapshot } from "./snapshot";
import type { Check, CheckContext, Report, TableRow, TemplateDef, TemplateId } from "./template";

export interface SheetResult {
  sheet: string;
  /** the template the sheet was validated as, or null when it matched none */
  template: TemplateId | null;
  /** data rows validated (合计 rows not counted) */
  rows: number;
  /** 1-based sheet row of the (top) header row, or null when none was found */
  headerRow: number | null;
}

export interface ValidationResult {
  sheets: SheetResult[];
  /** sorted by sheet order, then row, then column */
  findings: Finding[];
}

export interface EngineOptions {
  /** validate every sheet as this template instead of recognising it */
  template?: TemplateId;
  templates: readonly TemplateDef[];
}

/** Rule ids of the engine's own findings (not rules.md rules). */
export const TEMPLATE_RULE = "TEMPLATE";
export const INPUT_RULE = "INPUT";

/** The engine's own messages (zh-CN); input messages come from core/input's catalogue. */
export const engineMessages = {
  unrecognised: (sheet: string) => `工作表“${sheet}”未识别为任何模板`,
  closest: (title: string, missing: readonly string[]) => `最接近“${title}”,缺少列:${missing.join("、")}`,
  missingColumn: (sheet: string, column: string, title: string) =>
    `工作表“${sheet}”缺少“${column}”列,无法按“${title}”校验`,
  missingOneOf: (sheet: string, alternatives: readonly string[], title: string) =>
    `工作表“${sheet}”缺少${alternatives.map((a) => `“${a}”`).join("或")}列,无法按“${title}”校验`,
  checkFailed: (what: string, detail: string) => `校验“${what}”时出错,该项未能完成:${detail}`,
  checkFailedMore: (rows: number) => `(共 ${rows} 行出错)`,
} as const;

interface Rec {
  f: Finding;
  s: number;
  row: number;
  col: number;
}

function templateById(templates: readonly TemplateDef[], id: TemplateId): TemplateDef {
  const t = templates.find((x) => x.id === id);
  if (!t) {
    const ids = templates.map((x) => x.id);
    throw new InputError("notChoice", "模板", inputMessages.notChoice("模板", ids, id));
  }
  return t;
}

function columnName(t: TemplateDef, key: string): string {
  return t.columns.find((c) => c.key === key)?.name ?? key;
}

const NO_CELLS: CellReader = { get: () => undefined };

/** Distinct texts a memoised coercion remembers (the words of a choice column are few). */
const TEXT_MEMO_SIZE = 256;

/**
 * A coercion that remembers its successful results by cell text: for a core/input function that
 * is pure in (text, param) — toChoice over fixed words, toYesNo — whose cost is normalising the
 * text and every word again on each call. Numbers, dates and anything that throws go through the
 * coercion every time (an error keeps its own message); at most TEXT_MEMO_SIZE texts are kept.
 */
export function memoByText<T>(coerce: (v: unknown, param: string) => T): (v: unknown, param: string) => T {
  const seen = new Map<string, { param: string; value: T }>();
  return (v, param) => {
    if (typeof v !== "string") return coerce(v, param);
    const hit = seen.get(v);
    if (hit !== undefined && hit.param === param) return hit.value;
    const value = coerce(v, param);
    if (seen.size < TEXT_MEMO_SIZE) seen.set(v, { param, value });
    return value;
  };
}

/** Builds the findings of one sheet. */
class SheetRun implements CheckContext {
  private current: Check | null = null;
  /**
   * Cells that already have an INPUT finding: per 0-based column, a flag per 0-based row, made on
   * the column's first failure (a Set of r × 16384 + c would key heap numbers past 65 k rows).
   */
  private readonly failed: (Uint8Array | undefined)[] = [];
  private readonly sheetRows: number;
  /** a check failing on many rows is one finding, with the count */
  private readonly rowCrashes = new Map<Check, { rec: Rec; count: number }>();
  private readonly sheetCrashes = new Map<Check, { rec: Rec; count: number }>();
  /** column key → its columns and their message names, one lookup per ctx.value */
  private readonly keyed = new Map<string, { cols: readonly number[]; labels: readonly string[] }>();
  private readonly originRow: number;
  private readonly originCol: number;
  /**
   * One-slot memo per column of the last successful coercion: (row, coerce) → value. Checks of a
   * template ask for the same cells again and again (petition recomputes 合计 from eight cells in
   * several checks); a coercion is a pure core/input function of the cell, so its result is reused
   * instead of parsing the text again. Indexed by 0-based column: no allocation per lookup.
   */
  private readonly memoRow: number[] = [];
  private readonly memoFn: unknown[] = [];
  private readonly memoVal: unknown[] = [];
  /** the table's raw (merge-filled) cells; an empty reader without a table */
  private readonly cells: CellReader;

  constructor(
    private readonly out: Rec[],
    private readonly s: number,
    private readonly file: string | undefined,
    private readonly sheet: SheetSnapshot,
    private readonly template: TemplateDef | null,
    private readonly built: BuiltTable | null,
  ) {
    this.originRow = sheet.origin?.row ?? 1;
    this.originCol = sheet.origin?.col ?? 1;
    this.cells = built ? built.cells : NO_CELLS;
    this.sheetRows = sheet.rows.length;
    if (built) {
      for (const [key, cols] of built.table.columns) this.keyed.set(key, { cols, labels: built.labels.get(key) ?? [] });
    }
  }

  /** Adds a finding at snapshot cell (r, c), 0-based. */
  push(r: number, c: number, rule: string, severity: Severity, message: string, clause: string,
    expected?: Report["expected"], actual?: Report["actual"]): Rec {
    const row = this.originRow + r;
    const col = this.originCol + c;
    return this.pushAt(row, col, rule, severity, message, clause, expected, actual);
  }

  /** Adds a finding at 1-based sheet (row, col). */
  pushAt(row: number, col: number, rule: string, severity: Severity, message: string, clause: string,
    expected?: Report["expected"], actual?: Report["actual"]): Rec {
    const column = columnLetter(col);
    // keys in the Finding's documented order (file?, sheet … message, expected?, actual?, clause),
    // assigned one by one: no spread objects per finding
    const f = {} as Finding;
    if (this.file !== undefined) f.file = this.file;
    f.sheet = this.sheet.name;
    f.template = this.template === null ? null : this.template.id;
    f.cell = column + row;
    f.row = row;
    f.column = column;
    f.rule = rule;
    f.severity = severity;
    f.message = message;
    if (expected !== undefined) f.expected = expected;
    if (actual !== undefined) f.actual = actual;
    f.clause = clause;
    const rec: Rec = { f, s: this.s, row, col };
    this.out.push(rec);
    return rec;
  }

  private get match(): HeaderMatch {
    return this.built!.match;
  }

  /** 0-based (r, c) of the table's header cell for `key`, or of its first header cell. */
  private headerCell(key?: string, index = 0): [number, number] {
    const m = this.match;
    const c = key === undefined ? undefined : m.columns.get(key)?.[index];
    return c === undefined ? [m.headerRows[0], m.firstCol] : [m.headerRows[m.headerRows.length - 1], c];
  }

  report(rep: Report): void {
    const check = this.current;
    if (!check) throw new Error("report() called outside a check");
    const severity = rep.severity ?? check.severity;
    if (rep.cell !== undefined) {
      const p = parseA1(rep.cell);
      this.pushAt(p.row, p.col, check.rule, severity, rep.message, check.clause, rep.expected, rep.actual);
      return;
    }
    let r: number;
    let c: number;
    if (rep.row) {
      r = rep.row.r;
      const col = rep.key === undefined ? undefined : this.built!.table.columns.get(rep.key)?.[rep.index ?? 0];
      c = col === undefined ? this.match.firstCol : col;
    } else [r, c] = this.headerCell(rep.key, rep.index);
    this.push(r, c, check.rule, severity, rep.message, check.clause, rep.expected, rep.actual);
  }

  value<T>(
    row: TableRow, key: string, coerce: (v: unknown, param: string) => T,
    opts?: { index?: number; required?: boolean },
  ): T | undefined {
    const col = this.keyed.get(key);
    if (col === undefined) return undefined;
    const i = opts === undefined || opts.index === undefined ? 0 : opts.index;
    const c = col.cols[i];
    if (c === undefined) return undefined;
    const r = row.r;
    // a memoised cell is a non-blank cell that coerced without error (a failure clears the
    // column's memo), so the hit needs neither the failed set nor the cell
    if (this.memoRow[c] === r && this.memoFn[c] === coerce) return this.memoVal[c] as T;
    const failed = this.failed[c];
    if (failed !== undefined && failed[r] === 1) return undefined;
    const v: CellValue = this.cells.get(r, c);
    if (v === null || v === undefined || v === "" || (typeof v === "string" && v.trim() === "")) {
      if (opts !== undefined && opts.required) {
        this.fail(r, c);
        this.push(r, c, INPUT_RULE, "error", inputMessages.required(col.labels[i] ?? key), this.template!.document);
      }
      return undefined;
    }
    try {
      const out = coerce(v, col.labels[i] ?? key);
      this.memoRow[c] = r;
      this.memoFn[c] = coerce;
      this.memoVal[c] = out;
      return out;
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      this.fail(r, c);
      this.push(row.r, c, INPUT_RULE, "error", e.message, this.template!.document);
      return undefined;
    }
  }

  /** Marks cell (r, c) as reported (INPUT): later reads return undefined without a finding. */
  private fail(r: number, c: number): void {
    let col = this.failed[c];
    if (col === undefined) this.failed[c] = col = new Uint8Array(Math.max(this.sheetRows, r + 1));
    col[r] = 1;
    this.memoRow[c] = -1;
  }

  /** Runs one check on one row (or the sheet), containing anything it throws. */
  run(check: Check, row: TableRow | null): void {
    this.current = check;
    try {
      if (row) check.row!(row, this);
      else check.sheet!(this.built!.table, this);
    } catch (e) {
      this.contain(check, row, e);
    } finally {
      this.current = null;
    }
  }

  private contain(check: Check, row: TableRow | null, e: unknown): void {
    const [r, c] = row ? [row.r, this.match.firstCol] : this.headerCell();
    if (e instanceof InputError) {
      // bad input a rule computation rejected: the clerk's to fix, reported where it happened
      this.push(r, c, check.rule, "error", e.message, check.clause);
      return;
    }
    const crashes = row ? this.rowCrashes : this.sheetCrashes;
    const seen = crashes.get(check);
    if (seen) {
      seen.count++;
      return;
    }
    const detail = e instanceof Error ? e.message : String(e);
    const rec = this.push(r, c, check.rule, "error", engineMessages.checkFailed(check.description, detail), check.clause);
    crashes.set(check, { rec, count: 1 });
  }

  /** A broken check is reported once per sheet, with how many rows it failed on. */
  finish(): void {
    for (const { rec, count } of this.rowCrashes.values()) {
      if (count > 1) rec.f.message += engineMessages.checkFailedMore(count);
    }
  }
}

function validateSheet(
  out: Rec[], s: number, file: string | undefined, sheet: SheetSnapshot, opts: EngineOptions,
): SheetResult {
  const originRow = sheet.origin?.row ?? 1;
  let match: HeaderMatch | null;
  if (opts.template !== undefined) {
    const t = templateById(opts.templates, opts.template);
    match = findHeader(sheet, t);
    if (!match || !match.recognised) {
      reportMissing(out, s, file, sheet, t, match);
      return { sheet: sheet.name, template: t.id, rows: 0, headerRow: match ? originRow + match.headerRows[0] : null };
    }
  } else {
    const found = findTemplate(sheet, opts.templates);
    match = found.match;
    if (!match) {
      const run = new SheetRun(out, s, file, sheet, null, null);
      let message = engineMessages.unrecognised(sheet.name);
      const near = found.closest;
      // a hint only when the sheet is plausibly that template (half its required columns found)
      if (near && requiredShare(near) >= 0.5) {
        message += `(${engineMessages.closest(near.template.title, missingNames(near))})`;
      }
      // templates.md: a sheet matching no template is reported (info) at A1, not as a failure
      run.pushAt(1, 1, TEMPLATE_RULE, "info", message, "");
      return { sheet: sheet.name, template: null, rows: 0, headerRow: null };
    }
  }
  const built = buildTable(sheet, match);
  const t = match.template;
  const run = new SheetRun(out, s, file, sheet, t, built);
  const rowChecks = t.checks.filter((c) => typeof c.row === "function");
  const rows = built.table.rows;
  // Every error a check throws is contained and reported by its message alone (SheetRun.contain),
  // and bad input is the common case (one InputError per bad cell, sometimes one per row):
  // capturing a stack trace for each would cost more than the check itself. Off while checks run.
  const errorCtor = Error as { stackTraceLimit?: number };
  const stackLimit = errorCtor.stackTraceLimit;
  if (stackLimit !== undefined) errorCtor.stackTraceLimit = 0;
  try {
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i];
      for (let k = 0; k < rowChecks.length; k++) run.run(rowChecks[k], row);
    }
    for (const check of t.checks) if (typeof check.sheet === "function") run.run(check, null);
  } finally {
    if (stackLimit !== undefined) errorCtor.stackTraceLimit = stackLimit;
  }
  run.finish();
  return { sheet: sheet.name, template: t.id, rows: rows.length, headerRow: originRow + match.headerRows[0] };
}

function missingNames(m: HeaderMatch): string[] {
  const names = m.missing.map((k) => columnName(m.template, k));
  for (const alts of m.missingOneOf) names.push(alts.map((keys) => keys.map((k) => columnName(m.template, k)).join("+")).join("/"));
  return names;
}

/** A sheet forced to a template it does not fit: one error per missing column, at the header. */
function reportMissing(
  out: Rec[], s: number, file: string | undefined, sheet: SheetSnapshot, t: TemplateDef, m: HeaderMatch | null,
): void {
  const run = new SheetRun(out, s, file, sheet, t, null);
  const r = m ? m.headerRows[0] : 0;
  const c = m ? m.firstCol : 0;
  const missing = m ? m.missing : t.columns.filter((x) => x.required).map((x) => x.key);
  const oneOf = m ? m.missingOneOf : t.requireOneOf ? [t.requireOneOf] : [];
  for (const key of missing) {
    run.push(r, c, TEMPLATE_RULE, "error", engineMessages.missingColumn(sheet.name, columnName(t, key), t.title), t.document);
  }
  for (const alts of oneOf) {
    const names = alts.map((keys) => keys.map((k) => columnName(t, k)).join("”与“"));
    run.push(r, c, TEMPLATE_RULE, "error", engineMessages.missingOneOf(sheet.name, names, t.title), t.document);
  }
}

/**
 * Validates every sheet of `snapshot` against `opts.templates` (or, with `opts.template`, as that
 * template). Never throws for a sheet's content; throws InputError only for an unknown template id.
 */
export function runValidation(snapshot: WorkbookSnapshot, opts: EngineOptions): ValidationResult {
  const out: Rec[] = [];
  const sheets: SheetResult[] = [];
  snapshot.sheets.forEach((sheet, s) => sheets.push(validateSheet(out, s, snapshot.file, sheet, opts)));
  out.sort((a, b) => a.s - b.s || a.row - b.row || a.col - b.col);
  return { sheets, findings: out.map((x) => x.f) };
}

export interface TemplateSummary {
  id: TemplateId;
  title: string;
  document: string;
  /** canonical names of the required columns */
  required: string[];
  checks: number;
}

/** The templates a list holds, for pickers and the command line's help. */
export function summarizeTemplates(templates: readonly TemplateDef[]): TemplateSummary[] {
  return templates.map((t) => ({
    id: t.id, title: t.title, document: t.document,
    required: t.columns.filter((c) => c.required).map((c) => c.name),
    checks: t.checks.length,
  }));
}

/** How many checks a template has (0 for an id the list lacks). */
export function countChecks(templates: readonly TemplateDef[], id: TemplateId): number {
  return templates.find((t) => t.id === id)?.checks.length ?? 0;
}
