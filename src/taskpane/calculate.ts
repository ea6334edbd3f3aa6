/**
 * The 函数 tab's calculator outside Excel: runs a custom function on values the supervisor types,
 * with the very code Excel runs (src/functions/functions.ts: the same wrappers, the same guard,
 * the same core and the same #VALUE! messages), fetched as its own chunk on first use. Typed text
 * becomes what Excel would pass: a number, TRUE/FALSE, text (dates as typed: the core reads
 * 2024-03-05, 2024/3/5 and 2024年3月5日), null for an empty field (an omitted argument); a
 * parameter declared as a range gets its values as a column (`[[a], [b]]`).
 */
import type { FunctionParam } from "./types";

export type CalcOutcome = { ok: true; value: unknown } | { ok: false; code: string; message: string };
export type Calc = (id: string, args: readonly unknown[]) => CalcOutcome;

interface CustomFunctionsLike {
  Error?: unknown;
  ErrorCode?: Record<string, string>;
}

/** Excel's runtime defines CustomFunctions.Error; a plain browser's office.js does not. */
class CalcError extends Error {
  readonly code: string;
  constructor(code: string, message?: string) {
    super(message ?? "");
    this.code = code;
  }
}

const ERROR_CODES = {
  invalidValue: "#VALUE!", notAvailable: "#N/A", divisionByZero: "#DIV/0!", invalidNumber: "#NUM!",
  nullReference: "#NULL!", invalidName: "#NAME?", invalidReference: "#REF!",
};

/** GRID_STAFFING → gridStaffingFn, the name functions.ts exports it under. */
export function exportName(id: string): string {
  return `${id.toLowerCase().replace(/_([a-z])/g, (_, c: string) => c.toUpperCase())}Fn`;
}

/** Loads functions.ts (its own chunk) and returns a caller by function id. */
export async function loadCalculator(): Promise<Calc> {
  const g = globalThis as { CustomFunctions?: CustomFunctionsLike };
  const cf: CustomFunctionsLike = g.CustomFunctions ?? (g.CustomFunctions = {});
  if (typeof cf.Error !== "function") {
    cf.Error = CalcError;
    cf.ErrorCode = { ...ERROR_CODES, ...cf.ErrorCode };
  }
  // functions.ts itself, as a module of its own (functionsCopy.d.ts): functions.js is left as built
  const mod = (await import(/* webpackChunkName: "calculator" */ "../functions/functions?calc")) as Record<string, unknown>;
  return (id, args) => {
    const fn = mod[exportName(id)];
    if (typeof fn !== "function") return { ok: false, code: "#NAME?", message: id };
    try {
      return { ok: true, value: (fn as (...a: unknown[]) => unknown)(...args) };
    } catch (e) {
      const code = (e as { code?: unknown }).code;
      return {
        ok: false,
        code: typeof code === "string" ? code : "#VALUE!",
        message: e instanceof Error ? e.message : String(e),
      };
    }
  };
}

/** One typed value as Excel passes a cell's: number, boolean, text, or null when empty. */
export function cellValue(text: string): unknown {
  const t = text.trim();
  if (t === "") return null;
  if (/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(t)) return Number(t);
  if (/^(true|false)$/i.test(t)) return t.toUpperCase() === "TRUE";
  return text;
}

/** A parameter's field → the argument: a range parameter's values (separated by 、 , ， ; ；) as a column. */
export function argumentOf(text: string, param: Pick<FunctionParam, "dimensionality">): unknown {
  if (param.dimensionality !== "matrix") return cellValue(text);
  const items = text.split(/[、,，;；\n]/).map((x) => x.trim()).filter((x) => x !== "");
  if (items.length === 0) return null;
  return items.map((x) => [cellValue(x)]);
}

/** A result as rows of cell texts (a number without floating-point noise). */
export function resultRows(value: unknown): string[][] {
  const cell = (v: unknown) => (typeof v === "number" ? String(Number(v.toPrecision(12))) : v === null || v === undefined ? "" : String(v));
  if (Array.isArray(value)) return value.map((row) => (Array.isArray(row) ? row.map(cell) : [cell(row)]));
  return [[cell(value)]];
}
