/**
 * The one boundary between Excel and the rules core: runs a computation and turns anything that
 * is not a clean result into #VALUE! with a Chinese message (functions.md, "Input handling").
 * Excel shows a custom message only on #VALUE! and #N/A, so out-of-range input is #VALUE! too.
 */
import { type CellError, isError } from "../core/input/errors";
import { fromExcel } from "../core/input/excel";
import { type FunctionId, ZERO_READINGS } from "./params";

const INTERNAL = "GOV 内部错误，请将此单元格的输入报告给管理员";

function fail(message: string): never {
  throw new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, message);
}

function checkFinite(v: unknown): void {
  if (typeof v === "number") {
    if (!Number.isFinite(v)) fail(INTERNAL);
  } else if (Array.isArray(v)) {
    for (const x of v) checkFinite(x);
  }
}

/**
 * Runs a computation: a returned CellError becomes #VALUE! with its message, anything thrown
 * (a bug, never the clerk's input) the internal-error message.
 */
export function guard<T>(compute: () => T | CellError): T {
  let result: T | CellError;
  try {
    result = compute();
  } catch (e) {
    if (e instanceof CustomFunctions.Error) throw e;
    fail(INTERNAL);
  }
  if (isError(result)) fail(result.message);
  checkFinite(result);
  return result;
}

/**
 * Calls a rule with the arguments as Excel passed them, after the one boundary step every
 * function shares: Excel data types unwrapped and each parameter's 0 read as params.ts declares
 * (ZERO_READINGS, PARAMS without the names).
 */
export function run<T>(id: FunctionId, args: unknown[], compute: (...a: any[]) => T | CellError): T {
  return guard(() => {
    const zero = ZERO_READINGS[id];
    return compute(...args.map((a, i) => fromExcel(a, zero[i] === "B" ? "blank" : "value")));
  });
}
