/**
 * Office.js hands back plain values: numbers (dates are serials, told apart only by their number
 * format), strings ("" for blank, "#N/A" … for errors) and booleans. Errors are told apart here
 * (Office.js gives them as text); everything else is the core's one cell model (`cellFromRaw`),
 * the same that decides for the .xlsx reader — what a date is, and that it is its calendar day.
 */
import { cellFromRaw, isDateFormat } from "../core/input/cell";
import type { CellValue } from "../core/input/coerce";

export { isDateFormat };

const ERROR_CODES = new Set([
  "#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA",
  "#SPILL!", "#CALC!", "#FIELD!", "#BLOCKED!", "#CONNECT!", "#BUSY!", "#UNKNOWN!",
]);

export function fromExcel(value: unknown, numberFormat: string | undefined): CellValue {
  if (typeof value === "string" && ERROR_CODES.has(value)) return cellFromRaw({ kind: "error", code: value }, numberFormat);
  if (value === null || value === undefined || typeof value === "number" || typeof value === "boolean" || typeof value === "string") {
    return cellFromRaw(value, numberFormat);
  }
  return String(value);
}
