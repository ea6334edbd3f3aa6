/**
 * Errors as values (issue 14, item 4; architecture.md, "Errors as values"): the coercions and the
 * rules core return a CellError for bad input instead of throwing, and only the custom-function
 * boundary (guard.ts) turns it into #VALUE! with the same Chinese message.
 */
import * as fs from "fs";
import * as path from "path";
import { CellError, isError, toCount, toNumber } from "../../../src/core/input";
import { checkedSections, petitionScoreCells } from "../../../src/core/rules/petition";
import { composite, evalDeptGradeCells } from "../../../src/core/rules/eval";
import { checkTrip, tripDays } from "../../../src/core/rules/trip";
import { gridPatrolCheck, gridStaffing } from "../../../src/core/rules/grid";
import { guard } from "../../../src/functions/guard";
import { gridStaffingFn } from "../../../src/functions/functions";
import { PARAMS, ZERO_READINGS } from "../../../src/functions/params";

function thrown(call: () => unknown): unknown {
  try {
    call();
  } catch (e) {
    return e;
  }
  throw new Error("expected a throw");
}

describe("the core returns a CellError, never throws, for bad input", () => {
  test("a coercion returns {id, param, message}", () => {
    let r: unknown;
    expect(() => (r = toCount("-3", "户数"))).not.toThrow();
    expect(r).toBeInstanceOf(CellError);
    expect(r).toEqual(new CellError("notCount", "户数", '户数须为非负整数，填报为“-3”'));
    expect(isError(r)).toBe(true);
    expect(isError(toNumber("12", "数"))).toBe(false);
  });
  test("a range where one cell is expected, an error cell: values too", () => {
    expect(toNumber([[1, 2]], "x")).toMatchObject({ id: "notSingle", param: "x" });
    expect(toNumber({ kind: "error", code: "#N/A" }, "x")).toMatchObject({ id: "errorCell", message: "x引用了错误值#N/A" });
  });
  test("a rule's cell entry point returns the error of its first bad parameter", () => {
    expect(gridStaffing("abc", "五星")).toMatchObject({ id: "notCount", param: "户数" });
    expect(gridPatrolCheck(1, 9, 8)).toMatchObject({ id: "aboveMax", param: "在格时长" });
  });
});

describe("guard: the one place a CellError becomes #VALUE!", () => {
  test("a returned CellError is #VALUE! with its message", () => {
    const e = thrown(() => guard(() => new CellError("required", "户数", "户数不能为空"))) as { code: string; message: string };
    expect(e).toBeInstanceOf(CustomFunctions.Error);
    expect(e.code).toBe(CustomFunctions.ErrorCode.invalidValue);
    expect(e.message).toBe("户数不能为空");
  });
  test("a clean result passes through", () => expect(guard(() => [[1, 2]])).toEqual([[1, 2]]));
  test("anything thrown is an internal error, never the clerk's message", () => {
    const e = thrown(() => guard(() => { throw new Error("boom"); })) as { message: string };
    expect(e).toBeInstanceOf(CustomFunctions.Error);
    expect(e.message).toMatch(/^GOV 内部错误/u);
  });
  test("a custom function: the core's message, unchanged, on #VALUE!", () => {
    const core = gridStaffing(-3) as CellError;
    const e = thrown(() => gridStaffingFn(-3, null, null)) as { message: string };
    expect(e.message).toBe(core.message);
  });
});

describe("ZERO_READINGS, the bundle's copy of PARAMS (guard.ts reads it)", () => {
  test("is PARAMS without the parameter names, function by function", () => {
    const fromParams = Object.fromEntries(Object.entries(PARAMS).map(([id, ps]) =>
      [id, Object.values(ps).map((z) => (z === "blank" ? "B" : "V")).join("")]));
    expect(ZERO_READINGS).toEqual(fromParams);
  });
});

describe("every document's rules return their errors", () => {
  const full = { leadership: 16, grassroots: 14, information: 7, collective: 20, cases: 15, innovation: 9 };
  test("petition: a section above its maximum", () => {
    expect(checkedSections("C", { ...full, innovation: -1 })).toMatchObject({ id: "negative" });
    expect(petitionScoreCells("A", 21, 1, 1, 1, 1, 1)).toBeInstanceOf(CellError);
  });
  test("eval: a component out of range, an empty indicator cell", () => {
    expect(composite({ indicator: 1001, publicAppraisal: 0, internal: 0 })).toMatchObject({ id: "outOfRange", param: "指标考核得分" });
    expect(evalDeptGradeCells([[80, null]], "是")).toMatchObject({ id: "zeroOrBlank" });
  });
  test("trip: return before departure", () => {
    expect(tripDays(45360, 45359)).toMatchObject({ id: "notBefore", param: "返回日期" });
    expect(checkTrip({ type: "study", groupSize: 0, countries: 1, departure: 1, returnDate: 2 })).toMatchObject({ id: "positive" });
  });
});

describe("no core code throws an input error (alongside the behavioural tests above)", () => {
  const SRC = path.join(__dirname, "../../../src");
  const files = (dir: string): string[] => fs.readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : e.name.endsWith(".ts") ? [path.join(dir, e.name)] : []));
  test.each(["core/input", "core/rules", "functions"])("src/%s: no throw new InputError, no catch of one", (dir) => {
    for (const f of files(path.join(SRC, dir))) {
      const text = fs.readFileSync(f, "utf8");
      expect({ f, n: text.match(/throw new InputError|instanceof InputError/g)?.length ?? 0 }).toEqual({ f, n: 0 });
    }
  });
});
