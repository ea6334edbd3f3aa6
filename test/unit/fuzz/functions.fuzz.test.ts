/**
 * Every custom function under random arguments (functions.md: bad input never escapes as a raw
 * exception, never NaN or Infinity): the result is a finite number, a text, or a 2-D array of
 * those — or a CustomFunctions.Error (#VALUE!) with a Chinese message.
 */
import fc from "fast-check";
import * as functions from "../../../src/functions/functions";
import { anyArg, runs } from "../../support/fuzz";

type Fn = (...args: unknown[]) => unknown;
const exported = Object.entries(functions).filter(
  ([name, f]) => typeof f === "function" && name !== "guard",
) as Array<[string, Fn]>;

function isCleanScalar(v: unknown): boolean {
  return (typeof v === "number" && Number.isFinite(v)) || typeof v === "string" || typeof v === "boolean";
}

function isCleanResult(r: unknown): boolean {
  if (isCleanScalar(r)) return true;
  return Array.isArray(r) && r.length > 0 && r.every((row) => Array.isArray(row) && row.length > 0 && row.every(isCleanScalar));
}

test("functions.ts exports the custom functions", () => {
  expect(exported.length).toBeGreaterThan(0);
});

describe.each(exported)("%s under random input", (_name, fn) => {
  // up to two arguments past the declared ones: Excel never passes more, but extra args must not break it
  const arity = Math.max(fn.length, 1);
  test("returns a clean result or throws CustomFunctions.Error(#VALUE!) with a Chinese message", () => {
    fc.assert(
      fc.property(fc.array(anyArg, { minLength: arity, maxLength: arity }), (args) => {
        let r: unknown;
        try {
          r = fn(...args);
        } catch (e) {
          expect(e).toBeInstanceOf(CustomFunctions.Error);
          expect((e as CustomFunctions.Error).code).toBe(CustomFunctions.ErrorCode.invalidValue);
          expect((e as Error).message).toMatch(/[\u4e00-\u9fff]/u);
          return;
        }
        expect(isCleanResult(r)).toBe(true);
      }),
      { numRuns: runs(500) },
    );
  });
});
