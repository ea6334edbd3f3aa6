/**
 * One place that turns a cell value into what a rule needs — a number, a count, a date, yes/no,
 * a star rating, a category, a trip type — or returns a CellError (a value, never thrown) with a
 * message from the catalogue. Custom functions, the validator and the command line all coerce through here
 * (functions.md, "Input handling").
 */
import { CellError, isError } from "./errors";
import { inputMessages as M } from "./messages";
import {
  type DaySerial, MAX_SERIAL, MIN_SERIAL, isValidCivil, serialFromCivil, serialFromJsDate,
} from "./dates";

/** A date cell as the snapshot carries it (ExcelJS Date, or a serial with a date format). */
export interface DateValue {
  kind: "date";
  serial: DaySerial;
}
/** An error cell (#N/A, #DIV/0! ...). */
export interface ErrorValue {
  kind: "error";
  code: string;
}
/**
 * An argument GOV cannot read as a value: an Excel data type without a basic value (an image, a
 * LAMBDA ...). Made by unwrapCellValue (excel.ts); every coercion refuses it, naming the parameter.
 */
export interface UnreadableValue {
  kind: "unreadable";
  /** what it is, in the clerk's words (图片 ...) */
  what: string;
}
/** Anything a cell or a custom-function argument can hold (an UnreadableValue only reaches the coercions from a custom function). */
export type CellValue = string | number | boolean | null | undefined | Date | DateValue | ErrorValue;

export function isDateValue(v: unknown): v is DateValue {
  return typeof v === "object" && v !== null && (v as DateValue).kind === "date";
}
export function isErrorValue(v: unknown): v is ErrorValue {
  return typeof v === "object" && v !== null && (v as ErrorValue).kind === "error";
}
export function isUnreadableValue(v: unknown): v is UnreadableValue {
  return typeof v === "object" && v !== null && (v as UnreadableValue).kind === "unreadable";
}

/** Text of a value for messages and matching: NFKC-normalised and trimmed. */
export function normText(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v.normalize("NFKC").trim();
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? "" : v.toISOString().slice(0, 10);
  if (isDateValue(v)) return String(v.serial);
  if (isErrorValue(v)) return v.code;
  if (isUnreadableValue(v)) return v.what;
  // never "[object Object]" in a message
  if (typeof v === "object") return "";
  return String(v);
}

/** How the raw value is quoted back in a message (short, never "[object Object]"). */
export function shown(v: unknown): string {
  const t = typeof v === "string" ? v.trim() : normText(v);
  return t.length > 40 ? `${t.slice(0, 40)}…` : t;
}

/** Unwraps Excel's `[[value]]` for a single-cell range; a multi-cell range is an error. */
export function scalar(v: unknown, param: string): CellValue | CellError {
  if (Array.isArray(v)) {
    const flat = flatten(v);
    if (flat.length === 0) return null;
    if (flat.length > 1) return new CellError("notSingle", param, M.notSingle(param));
    return flat[0];
  }
  return v as CellValue;
}

/** A range (or a single value) as a flat list, row by row. */
export function flatten(v: unknown): CellValue[] {
  if (!Array.isArray(v)) return [v as CellValue];
  const out: CellValue[] = [];
  for (const row of v) {
    if (Array.isArray(row)) for (const x of row) out.push(x as CellValue);
    else out.push(row as CellValue);
  }
  return out;
}

export function isBlank(v: unknown): boolean {
  if (v === null || v === undefined) return true;
  if (typeof v === "string") return v.trim() === "";
  if (Array.isArray(v)) return flatten(v).every(isBlank);
  return false;
}

/** Refuses an error cell (#N/A ...) and a value that cannot be read (an image ...), naming the parameter. */
export function rejectErrorCell(v: unknown, param: string): CellError | undefined {
  if (isErrorValue(v)) return new CellError("errorCell", param, M.errorCell(param, v.code));
  if (isUnreadableValue(v)) return new CellError("dataType", param, M.dataType(param, v.what));
  return undefined;
}

/** The one value of a cell or single-cell range, or the error it is (a range, #N/A, an image ...). */
export function cell(v: unknown, param: string): CellValue | CellError {
  const s = scalar(v, param);
  return isError(s) ? s : rejectErrorCell(s, param) ?? s;
}

const MULTIPLIERS: Record<string, number> = { 万: 10_000, 千: 1_000, 百: 100, 亿: 100_000_000 };
// A number, optionally signed, with thousands separators; a currency sign before; a
// multiplier (万) and a unit of up to three CJK characters, or %, after.
const NUMBER_RE =
  /^([+-])?第?[¥$]?\s*(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)\s*([万千百亿])?\s*(%|[\u3400-\u9fff]{1,3})?$/u;

/** Parses number text ("1,800户", "１８００", "¥50,000", "5万", "60%"); NaN when it is none. */
export function parseNumberText(text: string): number {
  const t = text.normalize("NFKC").replace(/\s+/g, "").replace(/,/g, ",").replace(/。/g, ".");
  const m = NUMBER_RE.exec(t);
  if (!m) return Number.NaN;
  let n = Number(m[2].replace(/,/g, ""));
  if (m[3]) n *= MULTIPLIERS[m[3]];
  const unit = m[4];
  if (unit === "%") n /= 100;
  else if (unit && unit.length > 0 && MULTIPLIERS[unit[0]] && unit.length > 1) n *= MULTIPLIERS[unit[0]]; // 万元
  if (m[1] === "-") n = -n;
  return n;
}

export interface NumberOptions {
  /** A blank value gives this instead of the "required" error. */
  blank?: number;
  min?: number;
  max?: number;
}

/** A finite number from a number, or from number text. Booleans and dates are not numbers. */
export function toNumber(v: unknown, param: string, opts: NumberOptions = {}): number | CellError {
  v = cell(v, param);
  if (isError(v)) return v;
  if (isBlank(v)) {
    if (opts.blank !== undefined) return opts.blank;
    return new CellError("required", param, M.required(param));
  }
  let n: number;
  if (typeof v === "number") n = v;
  else if (typeof v === "string") n = parseNumberText(v);
  else n = Number.NaN;
  if (!Number.isFinite(n)) return new CellError("notNumber", param, M.notNumber(param, shown(v)));
  if (opts.min !== undefined && opts.max !== undefined && (n < opts.min || n > opts.max)) {
    return new CellError("outOfRange", param, M.outOfRange(param, opts.min, opts.max, shown(v)));
  }
  if (opts.min !== undefined && n < opts.min) {
    return new CellError("negative", param, opts.min === 0
      ? M.negative(param, shown(v))
      : M.outOfRange(param, opts.min, Number.MAX_SAFE_INTEGER, shown(v)));
  }
  if (opts.max !== undefined && n > opts.max) {
    return new CellError("aboveMax", param, M.aboveMax(param, opts.max, shown(v)));
  }
  return n;
}

/** A non-negative integer (households, people, patrols ...). */
export function toCount(v: unknown, param: string, opts: { blank?: number; max?: number } = {}): number | CellError {
  const s = cell(v, param);
  if (isError(s)) return s;
  if (isBlank(s) && opts.blank !== undefined) return opts.blank;
  const n = toNumber(s, param);
  if (isError(n) ? n.id === "notNumber" : n < 0 || !Number.isInteger(n) || n > Number.MAX_SAFE_INTEGER) {
    return new CellError("notCount", param, M.notCount(param, shown(s)));
  }
  if (isError(n)) return n;
  if (opts.max !== undefined && n > opts.max) {
    return new CellError("aboveMax", param, M.aboveMax(param, opts.max, shown(s)));
  }
  return n;
}

const DATE_TEXT_RE = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/u;
/** yyyymmdd, as clerks often type a date (20240301) */
const COMPACT_DATE_RE = /^(\d{4})(\d{2})(\d{2})$/;

/** A calendar day (Excel serial) from a serial, a Date, a date cell, or date text. */
export function toDate(v: unknown, param: string, opts: { optional?: boolean } = {}): DaySerial | null | CellError {
  v = cell(v, param);
  if (isError(v)) return v;
  if (isBlank(v)) {
    if (opts.optional) return null;
    return new CellError("required", param, M.required(param));
  }
  let serial = Number.NaN;
  if (isDateValue(v)) serial = v.serial;
  else if (v instanceof Date) serial = Number.isNaN(v.getTime()) ? Number.NaN : serialFromJsDate(v);
  else if (typeof v === "number") serial = Math.floor(v);
  else if (typeof v === "string") {
    const t = v.normalize("NFKC").trim();
    const m = DATE_TEXT_RE.exec(t) ?? COMPACT_DATE_RE.exec(t);
    if (m) {
      const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
      if (isValidCivil(y, mo, d)) serial = serialFromCivil(y, mo, d);
    } else if (/^\d+(\.\d+)?$/.test(t)) {
      serial = Math.floor(Number(t));
    }
  }
  // 20240301 typed as a number: far beyond any serial, so read as yyyymmdd
  if (typeof v === "number" && serial > MAX_SERIAL) {
    const m = COMPACT_DATE_RE.exec(String(v));
    if (m && isValidCivil(Number(m[1]), Number(m[2]), Number(m[3]))) serial = serialFromCivil(Number(m[1]), Number(m[2]), Number(m[3]));
  }
  if (!Number.isFinite(serial) || serial < MIN_SERIAL || serial > MAX_SERIAL) {
    return new CellError("notDate", param, M.notDate(param, shown(v)));
  }
  return serial;
}

const YES = new Set(["TRUE", "1", "是", "有", "Y", "YES", "√", "✓", "✔", "完成", "已完成", "达标", "T"]);
const NO = new Set(["FALSE", "0", "否", "无", "N", "NO", "×", "✗", "✘", "未完成", "未达标", "不达标", "F", "没有"]);

/** Yes/no: TRUE/FALSE, 1/0, 是/否, 有/无, Y/N; blank is no. */
export function toYesNo(v: unknown, param: string): boolean | CellError {
  v = cell(v, param);
  if (isError(v)) return v;
  if (isBlank(v)) return false;
  if (typeof v === "boolean") return v;
  if (typeof v === "number") {
    if (v === 1) return true;
    if (v === 0) return false;
  }
  if (typeof v === "string") {
    const t = v.normalize("NFKC").trim().toUpperCase();
    if (YES.has(t)) return true;
    if (NO.has(t)) return false;
  }
  return new CellError("notYesNo", param, M.notYesNo(param, shown(v)));
}

const CN_DIGITS: Record<string, number> = { 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5 };

/**
 * A star rating 0–5: 5, "5", "五星", "五星级", "★★★★★", "5星"; blank is 0 (no rating).
 * Anything unreadable is an error, never zero (rules.md, GRID-4).
 */
export function toStar(v: unknown, param: string): number | CellError {
  v = cell(v, param);
  if (isError(v)) return v;
  if (isBlank(v)) return 0;
  let n = Number.NaN;
  if (typeof v === "number") n = v;
  else if (typeof v === "string") {
    const t = v.normalize("NFKC").replace(/\s+/g, "");
    if (/^★{1,5}☆*$/u.test(t)) n = [...t].filter((c) => c === "★").length;
    else {
      const m = /^([0-5]|[零一二两三四五])(?:星级?|星)?(?:社区)?$/u.exec(t);
      if (m) n = CN_DIGITS[m[1]] ?? Number(m[1]);
      else if (t === "无" || t === "未评" || t === "未评星") n = 0;
    }
  }
  if (!Number.isInteger(n) || n < 0 || n > 5) return new CellError("notStar", param, M.notStar(param, shown(v)));
  return n;
}

export type Category = "A" | "B" | "C";

/** Petition assessment category: A/B/C, "A类", full-width, lower case. */
export function toCategory(v: unknown, param: string): Category | CellError {
  v = cell(v, param);
  if (isError(v)) return v;
  if (isBlank(v)) return new CellError("required", param, M.required(param));
  const t = normText(v).toUpperCase().replace(/\s+/g, "");
  const m = /^([ABC])类?$/.exec(t);
  if (!m) return new CellError("notCategory", param, M.notCategory(param, shown(v)));
  return m[1] as Category;
}

export type TripType = "study" | "training" | "exhibition";
const TRIP_TYPES: ReadonlyArray<[RegExp, TripType]> = [
  [/^考察(团|团组)?$/u, "study"],
  [/^培训(团|团组|班)?$/u, "training"],
  [/^(参展|办展|参展办展|参展、办展|展览)(团|团组)?$/u, "exhibition"],
];

/** Trip type (团组类型): 考察 → study, 培训 → training, 参展/办展 → exhibition. */
export function toTripType(v: unknown, param: string): TripType | CellError {
  v = cell(v, param);
  if (isError(v)) return v;
  if (isBlank(v)) return new CellError("required", param, M.required(param));
  const t = normText(v).replace(/\s+/g, "");
  for (const [re, type] of TRIP_TYPES) if (re.test(t)) return type;
  return new CellError("notTripType", param, M.notTripType(param, shown(v)));
}

/** One of a fixed set of words (case- and width-insensitive); returns the matching key. */
export function toChoice<K extends string>(
  v: unknown, param: string, choices: Readonly<Record<K, readonly string[]>>, opts: { blank?: K } = {},
): K | CellError {
  v = cell(v, param);
  if (isError(v)) return v;
  if (isBlank(v)) {
    if (opts.blank !== undefined) return opts.blank;
    return new CellError("required", param, M.required(param));
  }
  const t = normText(v).toLowerCase();
  for (const key of Object.keys(choices) as K[]) {
    if (choices[key].some((w) => w.normalize("NFKC").toLowerCase() === t)) return key;
  }
  // each choice by its first Chinese word (an English alias stays accepted, never listed first)
  const all = (Object.values(choices) as string[][]).map((ws) => ws.find((w) => /\p{Script=Han}/u.test(w)) ?? ws[0]);
  return new CellError("notChoice", param, M.notChoice(param, all, shown(v)));
}

/** Plain text of a cell (for names and lists), NFKC-normalised and trimmed. */
export function toText(v: unknown, param: string, opts: { optional?: boolean } = {}): string | CellError {
  v = cell(v, param);
  if (isError(v)) return v;
  const t = normText(v);
  if (t === "" && !opts.optional) return new CellError("required", param, M.required(param));
  return t;
}
