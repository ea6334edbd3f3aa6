/**
 * Asserts that a rules-core call returned a CellError (a value, not a throw) and, when given, that
 * its message contains `msg` (a string) or matches it (a RegExp) — the value form of `toThrow(msg)`.
 */
import { CellError } from "../../src/core/input/errors";

export function expectCellError(x: unknown, msg?: string | RegExp): CellError {
  expect(x).toBeInstanceOf(CellError);
  const e = x as CellError;
  if (typeof msg === "string") expect(e.message).toContain(msg);
  else if (msg) expect(e.message).toMatch(msg);
  return e;
}
