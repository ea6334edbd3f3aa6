/**
 * The coercions under random input: each returns a value of its kind or a CellError (returned, not
 * thrown) with a non-empty Chinese message — never an exception, NaN or Infinity.
 */
import fc from "fast-check";
import * as input from "../../../src/core/input";
import { anyArg, runs } from "../../support/fuzz";

const coercions: Array<[string, (v: unknown) => unknown, (r: unknown) => boolean]> = [
  ["toNumber", (v) => input.toNumber(v, "数值"), (r) => typeof r === "number" && Number.isFinite(r)],
  ["toCount", (v) => input.toCount(v, "户数"), (r) => Number.isSafeInteger(r) && (r as number) >= 0],
  ["toDate", (v) => input.toDate(v, "日期"), (r) => Number.isInteger(r) && (r as number) >= input.MIN_SERIAL && (r as number) <= input.MAX_SERIAL],
  ["toYesNo", (v) => input.toYesNo(v, "否决"), (r) => typeof r === "boolean"],
  ["toStar", (v) => input.toStar(v, "星级"), (r) => Number.isInteger(r) && (r as number) >= 0 && (r as number) <= 5],
  ["toCategory", (v) => input.toCategory(v, "类别"), (r) => r === "A" || r === "B" || r === "C"],
  ["toTripType", (v) => input.toTripType(v, "类型"), (r) => r === "study" || r === "training" || r === "exhibition"],
  ["toText", (v) => input.toText(v, "名称"), (r) => typeof r === "string" && r.length > 0],
];

describe.each(coercions)("%s under random input", (_name, coerce, valid) => {
  test("returns a valid value or a CellError with a Chinese message, never throws", () => {
    fc.assert(
      fc.property(anyArg, (v) => {
        const r = coerce(v);
        if (input.isError(r)) {
          expect(r.message).toMatch(/[\u4e00-\u9fff]/u);
          return;
        }
        expect(valid(r)).toBe(true);
      }),
      { numRuns: runs(500) },
    );
  });
});
