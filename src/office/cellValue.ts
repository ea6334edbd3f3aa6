/**
 * Office.js hands back plain values: numbers (dates are serials, told apart only by their number
 * format), strings ("" for blank, "#N/A" … for errors) and booleans. This turns them into the
 * core's CellValue.
 */
import type { CellValue } from "../core/input/coerce";

const ERROR_CODES = new Set([
  "#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA",
  "#SPILL!", "#CALC!", "#FIELD!", "#BLOCKED!", "#CONNECT!", "#BUSY!", "#UNKNOWN!",
]);

/**
 * True when an Excel number format shows a date: it has a y, d or 年/月/日 token outside quoted
 * text, escapes and [brackets] (colour and locale tags like [$-804] or [Red]). Time-only formats
 * (h:mm) are not dates; an "m" alone is ambiguous (month or minute) and counts only beside d/y.
 */
export function isDateFormat(format: string | null | undefined): boolean {
  if (!format || format === "General" || format === "@") return false;
  const bare = format
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/\[[^\]]*\]/g, "")
    .replace(/_./g, "")
    .toLowerCase();
  return /[yd年月日]/.test(bare);
}

export function fromExcel(value: unknown, numberFormat: string | undefined): CellValue {
  if (value === "" || value === null || value === undefined) return null;
  if (typeof value === "number") {
    return isDateFormat(numberFormat) ? { kind: "date", serial: value } : value;
  }
  if (typeof value === "boolean") return value;
  if (typeof value === "string") {
    return ERROR_CODES.has(value) ? { kind: "error", code: value } : value;
  }
  return String(value);
}
