/**
 * The one cell model: what a cell is, whoever read it. Both adapters — the .xlsx reader
 * (src/xlsx) and the Office.js adapter (src/office) — hand the raw value they got and the cell's
 * number format to `cellFromRaw`, which decides what a date is:
 * - a number whose format shows a calendar day is a date, and a date is its calendar day: the time
 *   of day is dropped here, once, so that dates compare by day everywhere (a trip dated
 *   2024-04-06 12:00 meets a 2024-04-06 deadline, in the pane and in govcheck alike);
 * - a number whose format shows only a time (h:mm) stays a number (a fraction of a day);
 * - a value that is a date by its type (an .xlsx `t="d"` cell) is a date under any format but a
 *   time-only one.
 * No time zone ever enters: serials and ISO texts are civil (wall-clock) values.
 */
import type { CellValue, DateValue, ErrorValue } from "./coerce";
import { serialFromCivil } from "./dates";

/** A date/time by its type, as a serial that may carry a time of day (an .xlsx `t="d"` cell). */
export interface RawDate {
  kind: "rawDate";
  serial: number;
}

/** What an adapter reads from a cell before the model decides what it is. */
export type RawCell = string | number | boolean | null | undefined | ErrorValue | RawDate;

/** Excel's built-in number formats that show dates or times (ECMA-376 §18.8.30; 27–36 and 50–58 as zh-CN Excel shows them). */
export const BUILTIN_DATE_FORMATS: Readonly<Record<number, string>> = {
  14: "yyyy/m/d",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: "yyyy/m/d h:mm",
  27: 'yyyy"年"m"月"',
  28: 'm"月"d"日"',
  29: 'm"月"d"日"',
  30: "m-d-yy",
  31: 'yyyy"年"m"月"d"日"',
  32: 'h"时"mm"分"',
  33: 'h"时"mm"分"ss"秒"',
  34: '上午/下午h"时"mm"分"',
  35: '上午/下午h"时"mm"分"ss"秒"',
  36: 'yyyy"年"m"月"',
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mm:ss.0",
  50: 'yyyy"年"m"月"',
  51: 'm"月"d"日"',
  52: 'yyyy"年"m"月"',
  53: 'm"月"d"日"',
  54: 'm"月"d"日"',
  55: '上午/下午h"时"mm"分"',
  56: '上午/下午h"时"mm"分"ss"秒"',
  57: 'yyyy"年"m"月"',
  58: 'm"月"d"日"',
};

/** The format code of a built-in numFmtId (0 General, 49 @ …); undefined for an id with none. */
export function builtinFormat(id: number): string | undefined {
  if (id === 0) return "General";
  if (id === 49) return "@";
  return BUILTIN_DATE_FORMATS[id];
}

/** The format's tokens: quoted text, escapes, [brackets] (colours, locales, elapsed time) and padding removed. */
function bareFormat(format: string): string {
  return format
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/\[[^\]]*\]/g, "")
    .replace(/[_*]./g, "")
    .replace(/General/gi, "");
}

const formatCache = new Map<string, "date" | "time" | "other">();

/** What a number format shows: a calendar day, only a time of day (or a duration), or neither. */
export function formatKind(format: string | null | undefined): "date" | "time" | "other" {
  if (!format || format === "General" || format === "@") return "other";
  let kind = formatCache.get(format);
  if (kind) return kind;
  // only the first section (positive numbers) decides, as Excel shows a serial
  const bare = bareFormat(format).split(";")[0];
  if (/[yYdD年月日]/.test(bare) || /[mM]{3,}/.test(bare) || /[bB]{2}/.test(bare)) kind = "date";
  else if (/[hHsS时分秒]/.test(bare) || /[mM]/.test(bare.replace(/[eE][+-]/g, ""))) kind = /[0#?]/.test(bare) && !/[hHsS]/.test(bare) ? "other" : "time";
  else kind = "other";
  if (formatCache.size < 4096) formatCache.set(format, kind);
  return kind;
}

/** True when a number format shows a calendar day (not a bare time such as h:mm). */
export function isDateFormat(format: string | null | undefined): boolean {
  return formatKind(format) === "date";
}

/** The time-of-day rule, written once: a date is its calendar day (the epsilon absorbs float noise in a saved serial). */
export function dayOf(serial: number): DateValue {
  return { kind: "date", serial: Math.floor(serial + 1e-9) };
}

/** Excel's 1904 date system starts 1462 days after the 1900 one (ECMA-376 §18.17.4.1). */
export const DATE1904_OFFSET = 1462;

/**
 * The one decision; see the module comment. `date1904`: the workbook counts serials from 1904
 * (a number's date is moved to the 1900 system; a `t="d"` date is civil already).
 */
export function cellFromRaw(value: RawCell, numberFormat?: string | null, date1904 = false): CellValue {
  if (value === null || value === undefined) return null;
  switch (typeof value) {
    case "string":
      return value === "" ? null : value;
    case "number":
      if (!Number.isFinite(value)) return null;
      return formatKind(numberFormat) === "date" ? dayOf(date1904 ? value + DATE1904_OFFSET : value) : value;
    case "boolean":
      return value;
    default:
      if (value.kind === "rawDate") {
        if (!Number.isFinite(value.serial)) return null;
        return formatKind(numberFormat) === "time" ? value.serial : dayOf(value.serial);
      }
      return value;
  }
}

const ISO_DATE = /^\s*([+-]?\d{4,6})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?\s*$/;
const ISO_TIME = /^\s*(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?\s*$/;

/**
 * An ISO 8601 date/time text (an .xlsx `t="d"` cell: "2024-04-06", "2024-04-06T12:00:00", a bare
 * "12:30:00") as a civil serial with its time of day; an offset, if written, is ignored — the
 * wall-clock day is the one the writer meant. NaN when the text is none.
 */
export function serialFromIsoText(text: string): number {
  const m = ISO_DATE.exec(text);
  if (m) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    const d = Number(m[3]);
    if (mo < 1 || mo > 12 || d < 1 || d > 31) return Number.NaN;
    const day = serialFromCivil(y, mo, d);
    const secs = m[4] ? Number(m[4]) * 3600 + Number(m[5]) * 60 + Number(m[6] ?? 0) + Number(m[7] ?? 0) : 0;
    return day + secs / 86_400;
  }
  const t = ISO_TIME.exec(text);
  if (t) return (Number(t[1]) * 3600 + Number(t[2]) * 60 + Number(t[3] ?? 0) + Number(t[4] ?? 0)) / 86_400;
  return Number.NaN;
}
