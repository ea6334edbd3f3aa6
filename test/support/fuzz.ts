/**
 * Shared fast-check arbitraries for fuzzing: what a cell or a custom-function argument can hold.
 * `npm test` runs each property `runs(500)` times; `npm run fuzz` sets FUZZ_RUNS for the long run.
 */
import fc from "fast-check";

export function runs(inTest: number): number {
  const n = Number(process.env.FUZZ_RUNS);
  return Number.isFinite(n) && n > 0 ? n : inTest;
}

const messyText = fc.oneof(
  fc.string(),
  fc.constantFrom(
    "", " ", "是", "否", "有", "无", "Y", "N", "五星", "★★★★★", "四星级", "A类", "c", "考察", "培训团", "办展",
    "2024-03-01", "2024/3/1", "2024年3月1日", "2023-02-29", "１８００", "1,800户", "1，800", "¥50,000", "5万", "-3",
    "60%", "=SUM(A1)", "+1", "@x", "\t", "NaN", "Infinity", "1e308", "1e309", "日本、韩国", "日本,韩国,美国",
    "市政府部门正职", "合格", "stated", "items", "posts", "岗位", "补助",
  ),
  fc.integer({ min: -5, max: 3000 }).map((n) => `${n}`),
  fc.double({ noNaN: true }).map((n) => `${n}`),
);

const number = fc.oneof(
  fc.integer({ min: -10, max: 2000 }),
  fc.double({ min: -1e6, max: 1e6, noNaN: true }),
  fc.constantFrom(0, 1, 5, 6, 7, 20, 45352, 900, 901, 600, 80, 82, 1e308, -1e308, Number.MAX_SAFE_INTEGER),
);

/** A scalar as Excel passes it to a custom function (null for an omitted optional argument). */
export const scalarArg = fc.oneof(number, messyText, fc.boolean(), fc.constant(null));

/** Excel passes ranges as 2-D arrays; a single value given to a matrix parameter arrives as [[v]]. */
export const matrixArg = fc.oneof(
  scalarArg.map((v) => [[v]]),
  fc.array(fc.array(scalarArg, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 4 }),
);

export const anyArg = fc.oneof({ weight: 4, arbitrary: scalarArg }, { weight: 1, arbitrary: matrixArg });

/** A cell as a snapshot carries it. */
export const cellValue = fc.oneof(
  { weight: 3, arbitrary: number },
  { weight: 3, arbitrary: messyText },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 2, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.integer({ min: 40000, max: 47000 }).map((serial) => ({ kind: "date" as const, serial })) },
  { weight: 1, arbitrary: fc.constantFrom("#N/A", "#DIV/0!", "#VALUE!").map((code) => ({ kind: "error" as const, code })) },
);
