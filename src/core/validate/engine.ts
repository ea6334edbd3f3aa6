/**
 * The validator engine: for each sheet of a workbook snapshot, find its template and table
 * (header.ts, table.ts), run every check of the template, and turn each report into a Finding
 * carrying the sheet, the A1 cell, the check, the message id, the rule, the severity and the
 * clause (templates.md, "Findings"). Everything a run computes lives in its SheetRun: typed cells
 * converted once, row and table values derived once (template.ts, rowValue / tableValue). Findings
 * are sorted by sheet, cell, then the declared order of their checks, so neither the order checks
 * run in nor the loop (row by row or check by check) changes the result.
 * The template list is passed in; index.ts binds the registry.
 */
import { type CellValue, shown, toCategory, toChoice, toCount, toDate, toNumber, toStar, toText, toYesNo } from "../input/coerce";
import { CellError, InputError, isError } from "../input/errors";
import { inputMessages } from "../input/messages";
import { ruleClause } from "../rules/ruleTable";
import type { Finding, Severity } from "./findings";
import { findHeader, findTemplate, type HeaderMatch, requiredShare } from "./header";
import { type CompiledMessage, compileMessage, formatMessage, messageText, render } from "./messages";
import { columnLetter, parseA1, type SheetSnapshot, type WorkbookSnapshot } from "./snapshot";
import { type BuiltTable, buildTable, type CellReader, type TypedCells } from "./table";
import type {
  Cause, CellType, Check, CheckContext, ColumnSpec, Report, RowValue, TableRow, TableValue, TemplateDef,
} from "./template";

export interface SheetResult {
  sheet: string;
  /** the template the sheet was validated as, or null when it matched none */
  template: string | null;
  /** data rows validated (合计 rows not counted) */
  rows: number;
  /** 1-based sheet row of the (top) header row, or null when none was found */
  headerRow: number | null;
}

export interface ValidationResult {
  sheets: SheetResult[];
  /** sorted by sheet order, then row, then column, then the template's check order */
  findings: Finding[];
}

/**
 * In what order the checks run (tests: results must not depend on it). `loop: "checks"` runs each
 * row check over every row before the next check (column-major); `order` permutes the checks;
 * `sheetFirst` runs the table checks before the row checks.
 */
export interface Schedule {
  loop?: "rows" | "checks";
  order?: (n: number) => readonly number[];
  sheetFirst?: boolean;
}

/**
 * Where a row of a combined table (合并校验, combine.ts) comes from: its file, sheet, 1-based row,
 * and for each 0-based column of the combined sheet the 1-based column it was copied from.
 */
export interface RowOrigin {
  file: string;
  sheet: string;
  row: number;
  cols: readonly (number | undefined)[];
  /** 1-based column of its table's first header cell (a finding not on a mapped column) */
  firstCol: number;
}

export interface EngineOptions {
  /** validate every sheet as this template instead of recognising it */
  template?: string;
  /** per 0-based row of the sheet(s), where the row comes from (a combined table) */
  origins?: readonly (RowOrigin | undefined)[];
  templates: readonly TemplateDef[];
  schedule?: Schedule;
}

/** Rule ids (and check ids) of the engine's own findings (not rules.md rules). */
export const TEMPLATE_RULE = "TEMPLATE";
export const INPUT_RULE = "INPUT";
const TEMPLATE_CHECK = "template";
const INPUT_CHECK = "input";

/** The engine's own messages (zh-CN catalogue, scope "engine"); input messages are core/input's. */
export const engineMessages = {
  unrecognised: (sheet: string, closest = "") => formatMessage("engine", "template", "unrecognised", { sheet, closest }),
  closest: (title: string, missing: readonly string[]) => formatMessage("engine", "template", "closest", { title, missing: missing.join("”“") }),
  missingColumn: (sheet: string, column: string, title: string) => formatMessage("engine", "template", "missingColumn", { sheet, column, title }),
  missingOneOf: (sheet: string, alternatives: readonly string[], title: string) =>
    formatMessage("engine", "template", "missingOneOf", { sheet, alternatives: alternatives.map((a) => `“${a}”`).join("或"), title }),
  checkFailed: (what: string, detail: string) => formatMessage("engine", "check", "failed", { what, detail }),
  checkFailedMore: (rows: number) => formatMessage("engine", "check", "failedMore", { rows }),
  row: (row: number) => formatMessage("engine", "ref", "row", { row }),
  rows: (rows: string) => formatMessage("engine", "ref", "rows", { rows }),
  cellIn: (file: string, sheet: string, cell: string) => formatMessage("engine", "ref", "cellIn", { file, sheet, cell }),
} as const;

interface Rec {
  f: Finding;
  s: number;
  row: number;
  col: number;
  /** 0: the engine's; 1 + i: row check i; 1 + n + i: table check i (declared order) */
  k: number;
  /** 1-based sheet row and column of the root this finding follows from (Report.causedBy) */
  causeRow?: number;
  causeCol?: number;
  /** the checks its root may be a finding of (the reporting check's followsFrom) */
  follows?: readonly string[];
}

function templateById(templates: readonly TemplateDef[], id: string): TemplateDef {
  const t = templates.find((x) => x.id === id);
  if (!t) {
    const names = templates.map((x) => `${x.title}（${x.id}）`);
    throw new InputError("notChoice", "模板", inputMessages.notChoice("模板", names, id));
  }
  return t;
}

function columnName(t: TemplateDef, key: string): string {
  return t.columns.find((c) => c.key === key)?.name ?? key;
}

/** Distinct texts a column of words remembers per run (the words of a choice column are few). */
const TEXT_MEMO_SIZE = 256;

type Convert = (v: unknown, param: string) => unknown;

function positive(v: unknown, p: string): number | CellError {
  const n = toCount(v, p);
  // zero people / zero trips cannot be: the catalogue's “须大于 0”
  return n === 0 ? new CellError("positive", p, inputMessages.positive(p, shown(v))) : n;
}

/** Column types whose values are always numbers: kept in a Float64Array (no boxed number per cell). */
const NUMERIC_TYPES: ReadonlySet<CellType["type"]> = new Set(["number", "count", "date"]);

/** The conversion of a column type, and whether it is pure in the cell's text (worth remembering). */
function converter(t: CellType): { convert: Convert; byText: boolean } {
  switch (t.type) {
    case "text": return { convert: (v, p) => toText(v, p), byText: false };
    case "number": {
      const opts = t.min === undefined ? undefined : { min: t.min };
      return { convert: opts ? (v, p) => toNumber(v, p, opts) : (v, p) => toNumber(v, p), byText: false };
    }
    case "count": return { convert: t.min === 1 ? positive : (v, p) => toCount(v, p), byText: false };
    case "date": return { convert: (v, p) => toDate(v, p), byText: false };
    case "yesno": return { convert: toYesNo, byText: true };
    case "category": return { convert: toCategory, byText: true };
    case "star": return { convert: toStar, byText: true };
    case "choice": {
      const words = t.words;
      return { convert: (v, p) => toChoice(v, p, words), byText: true };
    }
    case "parse": return { convert: t.parse, byText: t.byText === true };
  }
}

const NUMBER: CellType = { type: "number" };

/** One mapped column of a run: its type, and each cell's state and value once read. */
interface Col {
  c: number;
  label: string;
  convert: Convert | null;
  /** a blank cell is an INPUT error (the first sub-column of a `needed` column) */
  needed: boolean;
  toCheck: boolean;
  memo: Map<string, unknown> | null;
  /** per 0-based sheet row: 0 unread, 1 value, 2 blank, 3 blank reported, 4 bad (made on the first read) */
  state: Uint8Array;
  /** a number column's values unboxed (nums), any other column's in an array (vals): each access site sees one kind */
  numeric: boolean;
  nums: Float64Array;
  vals: unknown[];
  errs: Map<number, CellError> | null;
}

const NO_STATE = new Uint8Array(0);
const NO_NUMS = new Float64Array(0);
const NO_VALS: unknown[] = [];

/**
 * A row value's results per 0-based sheet row (derive): numbers unboxed in a Float64Array, other
 * values in an array, each made on its first use; `done` says which holds the row's.
 */
interface DerivedSlot {
  done: Uint8Array;
  nums: Float64Array | null;
  vals: unknown[] | null;
}
const DERIVED_NUMBER = 1;
const DERIVED_UNDEFINED = 2;
const DERIVED_OTHER = 3;

/** Column letters by 1-based column, made once each (every finding names its column). */
const LETTERS: string[] = [];

function letters(col: number): string {
  let t = LETTERS[col];
  if (t === undefined) {
    t = columnLetter(col);
    if (col > 0 && col <= 16384) LETTERS[col] = t;
  }
  return t;
}

/**
 * A finding, its keys in the documented order (findings.ts), the absent optional ones left out:
 * one object literal per combination, so each finding is made whole in one allocation (its
 * properties in the object, not grown one by one into a separate store).
 */
function newFinding(
  file: string | undefined, sheet: string, template: string | null, cell: string, row: number, column: string, rule: string, check: string,
  messageId: string, severity: Severity, message: string, expected: Report["expected"], actual: Report["actual"], clause: string,
): Finding {
  if (file !== undefined) {
    if (expected !== undefined) {
      if (actual !== undefined) {
        return { file, sheet, template, cell, row, column, rule, check, messageId, severity, message, expected, actual, clause, causedBy: null };
      }
      return { file, sheet, template, cell, row, column, rule, check, messageId, severity, message, expected, clause, causedBy: null };
    }
    if (actual !== undefined) return { file, sheet, template, cell, row, column, rule, check, messageId, severity, message, actual, clause, causedBy: null };
    return { file, sheet, template, cell, row, column, rule, check, messageId, severity, message, clause, causedBy: null };
  }
  if (expected !== undefined) {
    if (actual !== undefined) return { sheet, template, cell, row, column, rule, check, messageId, severity, message, expected, actual, clause, causedBy: null };
    return { sheet, template, cell, row, column, rule, check, messageId, severity, message, expected, clause, causedBy: null };
  }
  if (actual !== undefined) return { sheet, template, cell, row, column, rule, check, messageId, severity, message, actual, clause, causedBy: null };
  return { sheet, template, cell, row, column, rule, check, messageId, severity, message, clause, causedBy: null };
}

/** Builds the findings of one sheet: the run's state lives here and nowhere else. */
class SheetRun implements CheckContext, TypedCells {
  private current: Check | null = null;
  private currentK = 0;
  private readonly sheetRows: number;
  /** a check failing on many rows is one finding, with the count */
  private readonly rowCrashes = new Map<Check, { rec: Rec; count: number }>();
  private readonly sheetCrashes = new Map<Check, { rec: Rec; count: number }>();
  private readonly keyed = new Map<string, Col[]>();
  private readonly originRow: number;
  private readonly originCol: number;
  private readonly clauses = new Map<Check, string>();
  /** each check's messages, cut at their placeholders on first use */
  private readonly compiled = new Map<Check, Map<string, CompiledMessage>>();
  private lastCheck: Check | null = null;
  private lastMessages: Map<string, CompiledMessage> | null = null;
  private readonly rowValues = new Map<RowValue<unknown>, DerivedSlot>();
  private readonly tableValues = new Map<TableValue<unknown>, unknown>();
  private cells: CellReader | null = null;
  built: BuiltTable | null = null;

  constructor(
    private readonly out: Rec[],
    private readonly s: number,
    private readonly file: string | undefined,
    private readonly sheet: SheetSnapshot,
    private readonly template: TemplateDef | null,
    private readonly origins?: readonly (RowOrigin | undefined)[],
  ) {
    this.originRow = sheet.origin?.row ?? 1;
    this.originCol = sheet.origin?.col ?? 1;
    this.sheetRows = sheet.rows.length;
  }

  /** Called by buildTable: the table's columns with their types. */
  bind(cells: CellReader, labels: ReadonlyMap<string, readonly string[]>, columns: ReadonlyMap<string, readonly number[]>): TypedCells {
    const t = this.template!;
    this.cells = cells;
    const specs = new Map<string, ColumnSpec>();
    for (const spec of t.columns) specs.set(spec.key, spec);
    for (const [key, cols] of columns) {
      const spec = specs.get(key);
      const type = spec?.cell ?? (key === t.extraNumericAs ? NUMBER : undefined);
      const conv = type ? converter(type) : null;
      const names = labels.get(key) ?? [];
      this.keyed.set(key, cols.map((c, i) => ({
        c, label: names[i] ?? key, convert: conv ? conv.convert : null, needed: spec?.needed === true && i === 0,
        toCheck: spec?.errorsToCheck === true, memo: conv && conv.byText ? new Map() : null, state: NO_STATE,
        numeric: type !== undefined && NUMERIC_TYPES.has(type.type), nums: NO_NUMS, vals: NO_VALS, errs: null,
      })));
    }
    for (const check of t.checks) this.clauses.set(check, ruleClause(t.rules, check.rule, check.clause));
    return this;
  }

  private whoRow = -1;
  private whoText = "";

  /** The row's subject from the template's `who` columns (区 and 社区 run together), or "". */
  private whoOf(r: number): string {
    if (r === this.whoRow) return this.whoText;
    let text = "";
    const t = this.template;
    if (t?.who && this.cells) {
      for (const key of t.who) {
        const c = this.keyed.get(key)?.[0]?.c;
        const v = c === undefined ? undefined : this.cells.get(r, c);
        if (typeof v === "string" || typeof v === "number") text += String(v).trim();
      }
    }
    this.whoRow = r;
    this.whoText = text;
    return text;
  }

  /** A row finding's message with the row's subject first, unless the message names it already. */
  private named(r: number, message: string): string {
    const who = this.whoOf(r);
    return who === "" || message.includes(who) ? message : `${who}：${message}`;
  }

  /** Adds a finding at snapshot cell (r, c), 0-based. */
  push(r: number, c: number, k: number, rule: string, check: string, messageId: string, severity: Severity, message: string, clause: string,
    expected?: Report["expected"], actual?: Report["actual"]): Rec {
    return this.pushAt(this.originRow + r, this.originCol + c, k, rule, check, messageId, severity, message, clause, expected, actual);
  }

  /** Adds a finding at 1-based sheet (row, col). */
  pushAt(row: number, col: number, k: number, rule: string, check: string, messageId: string, severity: Severity, message: string,
    clause: string, expected?: Report["expected"], actual?: Report["actual"]): Rec {
    const column = letters(col);
    const f = newFinding(this.file, this.sheet.name, this.template === null ? null : this.template.id, column + row, row, column, rule, check,
      messageId, severity, message, expected, actual, clause);
    const rec: Rec = { f, s: this.s, row, col, k };
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

  /** The check's message `id`, compiled once per run; throws for an id it does not declare. */
  private messageOf(check: Check, id: string): CompiledMessage {
    let byId: Map<string, CompiledMessage> | undefined;
    // one check reports many findings in a row (a row check over every row): its map remembered
    if (check === this.lastCheck) byId = this.lastMessages!;
    else {
      byId = this.compiled.get(check);
      if (byId === undefined) this.compiled.set(check, (byId = new Map()));
      this.lastCheck = check;
      this.lastMessages = byId;
    }
    let c = byId.get(id);
    if (c === undefined) {
      if (!check.messages.includes(id)) throw new Error(`check ${check.id} does not declare message ${id}`);
      const t = this.template!;
      const what = `${t.id}/${check.id}/${id}`;
      const text = t.messageTexts ? t.messageTexts[check.id]?.[id] : messageText(t.id, check.id, id);
      if (text === undefined) throw new Error(`no message ${what}`);
      byId.set(id, (c = compileMessage(text, what)));
    }
    return c;
  }

  report(rep: Report): void {
    const check = this.current;
    if (!check) throw new Error("report() called outside a check");
    let message = render(this.messageOf(check, rep.messageId), rep.data);
    if (rep.row) message = this.named(rep.row.r, message);
    const severity = rep.severity ?? check.severity;
    const clause = this.clauses.get(check)!;
    if (rep.causedBy !== undefined) this.cause(check, rep.causedBy);
    if (rep.cell !== undefined) {
      const p = parseA1(rep.cell);
      this.caused(this.pushAt(p.row, p.col, this.currentK, check.rule, check.id, rep.messageId, severity, message, clause, rep.expected, rep.actual));
      return;
    }
    let r: number;
    let c: number;
    if (rep.row) {
      r = rep.row.r;
      const col = rep.key === undefined ? undefined : this.built!.table.columns.get(rep.key)?.[rep.index ?? 0];
      c = col === undefined ? this.match.firstCol : col;
    } else [r, c] = this.headerCell(rep.key, rep.index);
    this.caused(this.push(r, c, this.currentK, check.rule, check.id, rep.messageId, severity, message, clause, rep.expected, rep.actual));
  }

  /** The pending report's root cell (1-based), set by cause() and taken by caused(). */
  private causeRow = 0;
  private causeCol = 0;
  private causeFollows: readonly string[] | undefined;

  private cause(check: Check, at: Cause): void {
    if (!check.followsFrom || check.followsFrom.length === 0) throw new Error(`check ${check.id} reports a causedBy without followsFrom`);
    const c = this.built!.table.columns.get(at.key)?.[at.index ?? 0];
    if (c === undefined) return; // no such column: the finding stands as a root
    this.causeRow = this.originRow + at.row.r;
    this.causeCol = this.originCol + c;
    this.causeFollows = check.followsFrom;
  }

  private caused(rec: Rec): void {
    if (this.causeFollows === undefined) return;
    rec.causeRow = this.causeRow;
    rec.causeCol = this.causeCol;
    rec.follows = this.causeFollows;
    this.causeFollows = undefined;
  }

  where(row: TableRow, key: string, from: TableRow): string {
    const o = this.origins?.[row.r];
    if (o === undefined) return engineMessages.row(row.rowNumber);
    const f = this.origins![from.r];
    if (f !== undefined && f.file === o.file && f.sheet === o.sheet) return engineMessages.row(o.row);
    const c = this.built!.table.columns.get(key)?.[0];
    const col = (c === undefined ? undefined : o.cols[c]) ?? o.firstCol;
    return engineMessages.cellIn(o.file, o.sheet, columnLetter(col) + o.row);
  }

  rowList(rows: readonly TableRow[], key: string, from: TableRow): string {
    const f = this.origins?.[from.r];
    const same = (r: TableRow) => {
      const o = this.origins?.[r.r];
      return o === undefined || (f !== undefined && o.file === f.file && o.sheet === f.sheet);
    };
    if (rows.every(same)) return engineMessages.rows(rows.map((r) => this.origins?.[r.r]?.row ?? r.rowNumber).join("、"));
    return rows.map((r) => this.where(r, key, from)).join("、");
  }

  phrase(messageId: string, data?: Report["data"]): string {
    const check = this.current;
    if (!check) throw new Error("phrase() called outside a check");
    return render(this.messageOf(check, messageId), data);
  }

  value(r: number, key: string, index: number, need: boolean): unknown {
    const cols = this.keyed.get(key);
    if (cols === undefined) return undefined;
    const col = cols[index];
    if (col === undefined) return undefined;
    let state = col.state;
    if (r >= state.length) state = this.allocate(col, r);
    const st = state[r];
    if (st === 1) return col.numeric ? col.nums[r] : col.vals[r];
    if (st === 4 || st === 3) return undefined;
    const c = col.c;
    if (st === 0) {
      const v: CellValue = this.cells!.get(r, c);
      if (!(v === null || v === undefined || v === "" || (typeof v === "string" && v.trim() === ""))) {
        return this.convert(col, r, v);
      }
      state[r] = 2;
    }
    // a blank cell
    if (need || col.needed) {
      state[r] = 3;
      this.push(r, c, 0, INPUT_RULE, INPUT_CHECK, "required", "error", this.named(r, inputMessages.required(col.label)), this.template!.document);
    }
    return undefined;
  }

  /** A column's state and values, made on its first read (a row past the sheet's last: grown). */
  private allocate(col: Col, r: number): Uint8Array {
    const n = Math.max(this.sheetRows, r + 1);
    const state = new Uint8Array(n);
    state.set(col.state);
    col.state = state;
    if (col.numeric) {
      const nums = new Float64Array(n);
      nums.set(col.nums);
      col.nums = nums;
    } else {
      const vals: unknown[] = new Array(n);
      for (let i = 0; i < col.vals.length; i++) vals[i] = col.vals[i];
      col.vals = vals;
    }
    return state;
  }

  private keep(col: Col, r: number, out: unknown): unknown {
    col.state[r] = 1;
    if (col.numeric) col.nums[r] = out as number;
    else col.vals[r] = out;
    return out;
  }

  private convert(col: Col, r: number, v: CellValue): unknown {
    const state = col.state;
    if (col.convert === null) return this.keep(col, r, v);
    const memo = col.memo;
    if (memo !== null && typeof v === "string") {
      const hit = memo.get(v);
      if (hit !== undefined) return this.keep(col, r, hit);
    }
    let out: unknown;
    try {
      out = col.convert(v, col.label);
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      out = new CellError(e.id, e.param, e.message); // a template's parse function that throws
    }
    if (isError(out)) {
      state[r] = 4;
      if (col.toCheck) (col.errs ??= new Map()).set(r, out);
      else this.push(r, col.c, 0, INPUT_RULE, INPUT_CHECK, out.id, "error", this.named(r, out.message), this.template!.document);
      return undefined;
    }
    if (memo !== null && typeof v === "string" && memo.size < TEXT_MEMO_SIZE) memo.set(v, out);
    return this.keep(col, r, out);
  }

  problem(r: number, key: string, index: number): CellError | undefined {
    const col = this.keyed.get(key)?.[index];
    if (col === undefined) return undefined;
    this.value(r, key, index, false);
    return col.errs?.get(r);
  }

  derive<T>(row: TableRow, v: RowValue<T>): T {
    let slot = this.rowValues.get(v as RowValue<unknown>);
    if (slot === undefined) {
      slot = { done: new Uint8Array(Math.max(this.sheetRows, row.r + 1)), nums: null, vals: null };
      this.rowValues.set(v as RowValue<unknown>, slot);
    }
    const r = row.r;
    const done = slot.done[r];
    if (done === DERIVED_NUMBER) return slot.nums![r] as T;
    if (done === DERIVED_UNDEFINED) return undefined as T;
    if (done === DERIVED_OTHER) return slot.vals![r] as T;
    const out = v.compute(row, this);
    if (typeof out === "number") {
      (slot.nums ??= new Float64Array(slot.done.length))[r] = out;
      slot.done[r] = DERIVED_NUMBER;
    } else if (out === undefined) slot.done[r] = DERIVED_UNDEFINED;
    else {
      (slot.vals ??= new Array(slot.done.length))[r] = out;
      slot.done[r] = DERIVED_OTHER;
    }
    return out;
  }

  sheetValue<T>(v: TableValue<T>): T {
    const map = this.tableValues;
    if (map.has(v as TableValue<unknown>)) return map.get(v as TableValue<unknown>) as T;
    const out = v.compute(this.built!.table, this);
    map.set(v as TableValue<unknown>, out);
    return out;
  }

  /** Runs one check on one row (or the table), containing anything it throws. */
  run(check: Check, k: number, row: TableRow | null): void {
    this.current = check;
    this.currentK = k;
    try {
      if (row) check.row!(row, this);
      else check.sheet!(this.built!.table, this);
    } catch (e) {
      this.contain(check, k, row, e);
    } finally {
      this.current = null;
    }
  }

  private contain(check: Check, k: number, row: TableRow | null, e: unknown): void {
    const [r, c] = row ? [row.r, this.match.firstCol] : this.headerCell();
    const clause = this.clauses.get(check)!;
    if (e instanceof InputError) {
      // bad input a rule computation rejected: the clerk's to fix, reported where it happened
      this.push(r, c, k, check.rule, check.id, e.id, "error", row ? this.named(row.r, e.message) : e.message, clause);
      return;
    }
    const crashes = row ? this.rowCrashes : this.sheetCrashes;
    const seen = crashes.get(check);
    if (seen) {
      seen.count++;
      return;
    }
    const detail = e instanceof Error ? e.message : String(e);
    const rec = this.push(r, c, k, check.rule, check.id, "checkFailed", "error", engineMessages.checkFailed(check.description, detail), clause);
    if (e instanceof Error && e.stack) rec.f.stack = e.stack;
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
      const run = new SheetRun(out, s, file, sheet, null);
      const near = found.closest;
      // a hint only when the sheet is plausibly that template (half its required columns found)
      const hint = near && requiredShare(near) >= 0.5 ? engineMessages.closest(near.template.title, missingNames(near)) : "";
      const message = engineMessages.unrecognised(sheet.name, hint);
      // templates.md: a sheet matching no template is reported (info) at A1, not as a failure
      run.pushAt(1, 1, 0, TEMPLATE_RULE, TEMPLATE_CHECK, "unrecognised", "info", message, "");
      return { sheet: sheet.name, template: null, rows: 0, headerRow: null };
    }
  }
  const t = match.template;
  const run = new SheetRun(out, s, file, sheet, t, opts.origins);
  const built = buildTable(sheet, match, (cells, labels, columns) => run.bind(cells, labels, columns));
  run.built = built;
  const rows = built.table.rows;
  const n = t.checks.length;
  const sched = opts.schedule ?? {};
  const order = sched.order ? sched.order(n) : [...Array(n).keys()];
  const rowChecks = order.filter((i) => typeof t.checks[i].row === "function");
  const sheetChecks = order.filter((i) => typeof t.checks[i].sheet === "function");
  const runSheet = () => {
    for (const i of sheetChecks) run.run(t.checks[i], 1 + n + i, null);
  };
  if (sched.sheetFirst) runSheet();
  if (sched.loop === "checks") {
    for (const i of rowChecks) for (let j = 0; j < rows.length; j++) run.run(t.checks[i], 1 + i, rows[j]);
  } else {
    for (let j = 0; j < rows.length; j++) {
      const row = rows[j];
      for (let x = 0; x < rowChecks.length; x++) run.run(t.checks[rowChecks[x]], 1 + rowChecks[x], row);
    }
  }
  if (!sched.sheetFirst) runSheet();
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
  const run = new SheetRun(out, s, file, sheet, t);
  const r = m ? m.headerRows[0] : 0;
  const c = m ? m.firstCol : 0;
  const missing = m ? m.missing : t.columns.filter((x) => x.required).map((x) => x.key);
  const oneOf = m ? m.missingOneOf : t.requireOneOf ? [t.requireOneOf] : [];
  for (const key of missing) {
    run.push(r, c, 0, TEMPLATE_RULE, TEMPLATE_CHECK, "missingColumn", "error",
      engineMessages.missingColumn(sheet.name, columnName(t, key), t.title), t.document);
  }
  for (const alts of oneOf) {
    const names = alts.map((keys) => keys.map((k) => columnName(t, k)).join("”与“"));
    run.push(r, c, 0, TEMPLATE_RULE, TEMPLATE_CHECK, "missingOneOf", "error", engineMessages.missingOneOf(sheet.name, names, t.title), t.document);
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
  out.sort((a, b) => a.s - b.s || a.row - b.row || a.col - b.col || a.k - b.k);
  resolveCauses(out);
  return { sheets, findings: out.map((x) => x.f) };
}

/**
 * Sets each finding's causedBy to the cell of its root: the cell its check named, when a finding
 * of one of the check's followsFrom checks stands there; followed to the first root when that
 * finding is a consequence itself; null (a root) when no such finding stands there or the causes
 * go round in a circle. `out` is sorted by sheet.
 */
function resolveCauses(out: Rec[]): void {
  // only a finding of a check some consequence follows from can be a root: only those are indexed
  const followed = new Set<string>();
  for (let i = 0; i < out.length; i++) {
    const follows = out[i].follows;
    if (follows !== undefined) for (const c of follows) followed.add(c);
  }
  if (followed.size === 0) return;
  let start = 0;
  while (start < out.length) {
    let end = start;
    while (end < out.length && out[end].s === out[start].s) end++;
    const atCell = new Map<number, Rec[]>();
    const place = (row: number, col: number) => row * 20_000 + col;
    for (let i = start; i < end; i++) {
      if (!followed.has(out[i].f.check)) continue;
      const key = place(out[i].row, out[i].col);
      const list = atCell.get(key);
      if (list) list.push(out[i]);
      else atCell.set(key, [out[i]]);
    }
    // the root cell of each consequence (null: a root), computed once, circles broken
    const memo = new Map<Rec, Rec | null>();
    const busy = new Set<Rec>();
    const rootOf = (rec: Rec): Rec | null => {
      if (rec.follows === undefined) return null;
      const known = memo.get(rec);
      if (known !== undefined) return known;
      if (busy.has(rec)) return null;
      busy.add(rec);
      const follows = rec.follows;
      const targets = (atCell.get(place(rec.causeRow!, rec.causeCol!)) ?? []).filter((t) => t !== rec && follows.includes(t.f.check));
      let root: Rec | null = null;
      // a root standing at the cell takes it; else the first target's own root
      for (const t of targets) {
        if (rootOf(t) === null) {
          root = t;
          break;
        }
      }
      if (root === null && targets.length > 0) root = rootOf(targets[0]);
      if (root === rec) root = null; // a circle closes on itself: this one is the root
      busy.delete(rec);
      memo.set(rec, root);
      return root;
    };
    for (let i = start; i < end; i++) {
      if (out[i].follows === undefined) continue; // a root: rootOf says null
      const root = rootOf(out[i]);
      if (root !== null) out[i].f.causedBy = root.f.cell;
    }
    start = end;
  }
}

export interface TemplateSummary {
  id: string;
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
export function countChecks(templates: readonly TemplateDef[], id: string): number {
  return templates.find((t) => t.id === id)?.checks.length ?? 0;
}
