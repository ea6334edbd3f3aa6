/**
 * The Shenzhen and Loudi custom functions as Excel calls them: text and numbers, [[v]] for a
 * matrix parameter given one value, null for an omitted optional argument, and every bad input
 * as CustomFunctions.Error #VALUE! with a Chinese message naming the parameter.
 */
import * as fs from "fs";
import * as path from "path";
import {
  evalBonusFn, evalCompositeFn, evalDeductionFn, evalDeptGradeFn, evalGradeFn, evalGradesFn,
  petitionCasesFn, petitionCollectiveFn, petitionMaxFn, petitionScoreFn,
} from "../../../src/functions/functions";

// Excel passes null for an omitted optional argument, which the declared `any[][]` types do not admit
type Loose<R> = (...args: unknown[]) => R;
const gradesFn = evalGradesFn as unknown as Loose<unknown[][]>;
const deductionFn = evalDeductionFn as unknown as Loose<number>;

function valueError(call: () => unknown): { code: string; message: string } {
  try {
    call();
  } catch (e) {
    expect(e).toBeInstanceOf(CustomFunctions.Error);
    return e as { code: string; message: string };
  }
  throw new Error("expected #VALUE!");
}
const expectValueError = (call: () => unknown, message: string) => {
  const e = valueError(call);
  expect(e.code).toBe("#VALUE!");
  expect(e.message).toContain(message);
};

describe("PETITION_SCORE", () => {
  test.each([
    // A: raw is the score
    [["A", 18, 17, 13, [[17]], [[14]], 8, null], 87],
    // C raw 80: 100 on the stated basis, 97.56 on the item basis
    [["C", 16, 14, 7, [[18]], [[15]], 10, null], 100],
    [["C类", 16, 14, 7, [[18]], [[15]], 10, "items"], (80 / 82) * 100],
    [["c", "16分", "１４", 7, [[18]], [[15]], 10, "项目合计"], (80 / 82) * 100],
    // B raw 80 → 84.21
    [["B", 15, 16, 12, [[19]], [[14]], 4, ""], (80 / 95) * 100],
    // two annual scores averaged (PET-5)
    [["A", 18, 17, 13, [[18, 16]], [[15], [14]], 8, null], 18 + 17 + 13 + 17 + 14.5 + 8],
    // blank cells around a lone number are ignored
    [["A", 18, 17, 13, [[18], [null], [""]], [["", 15, null]], 8, null], 18 + 17 + 13 + 18 + 15 + 8],
  ])("%p → %p", (args, out) =>
    expect(petitionScoreFn(...(args as Parameters<typeof petitionScoreFn>))).toBeCloseTo(out as number, 9));

  test("C raw 80 on the item basis is 97.56 to two decimals", () => {
    expect(Math.round(petitionScoreFn("C", 16, 14, 7, [[18]], [[15]], 10, "items") * 100) / 100).toBe(97.56);
  });
  test.each([
    // a blank year beside a filled one is refused, not dropped: Excel desktop passes it as 0 and
    // would average it in, so the web must not quietly score the same sheet higher
    [["A", 18, 17, 13, [[18, null]], [[15]], 8, null], "第二年不能为空"],
    [["A", 18, 17, 13, [[18]], [["", 15]], 8, null], "第一年不能为空"],
    [["C", 16, 15, 7, [[18]], [[15]], 10, null], "C类“信访基层基础工作”满分14分"],
    [["B", 19, 15, 7, [[18]], [[15]], 10, null], "满分18分"],
    [["C", 16, 14, 8, [[18]], [[15]], 10, null], "“信访信息调研宣传”满分7分"],
    [["A", 16, 14, 7, [[21, 18]], [[15]], 10, null], "满分20分"],
    [["A", 16, 14, 7, [[18]], [[15.5]], 10, null], "满分15分"],
    [["A", 16, 14, 7, [[18]], [[15]], 10.5, null], "满分10分"],
    [["D", 16, 14, 7, [[18]], [[15]], 10, null], "考核类别须为A、B或C类"],
    [["", 16, 14, 7, [[18]], [[15]], 10, null], "考核类别不能为空"],
    [["A", "abc", 14, 7, [[18]], [[15]], 10, null], "信访领导工作须为数字"],
    [["A", 16, 14, 7, [[null]], [[15]], 10, null], "集体上访和疑难个访不能为空"],
    [["A", 16, 14, 7, [[18, 17, 16]], [[15]], 10, null], "集体上访和疑难个访最多2个值"],
    [["A", 16, 14, 7, [[18]], [[15]], 10, "half"], "折算基数须为"],
    [["A", -1, 14, 7, [[18]], [[15]], 10, null], "信访领导工作不能为负数"],
  ])("%p → #VALUE! %p", (args, msg) =>
    expectValueError(() => petitionScoreFn(...(args as Parameters<typeof petitionScoreFn>)), msg));
});

describe("PETITION_COLLECTIVE", () => {
  test.each([
    [[0, 0, 0, null, null, null, null, null], 20],
    [[1, 1, 1, null, null, null, null, null], 14],
    [[1, 1, 1, 1, 1, 1, 2, "否"], 7],
    [["1起", 0, 0, 1, 0, 0, 0, ""], 14],
    [[0, 0, 0, null, null, null, 1, null], 19.5],
    [[7, 0, 0, null, null, null, null, null], 0], // 21 → stops at 0
    [[0, 0, 0, null, null, null, null, "是"], 0], // major incident
    [[0, 0, 0, null, null, null, null, true], 0],
  ])("%p → %p", (args, out) =>
    expect(petitionCollectiveFn(...(args as Parameters<typeof petitionCollectiveFn>))).toBe(out));
  test.each([
    [[-1, 0, 0], "到国家机关集体上访起数须为非负整数"],
    [[0, 1.5, 0], "到省机关集体上访起数须为非负整数"],
    [[0, 0, null], "到市机关集体上访起数不能为空"],
  ])("%p → #VALUE!", (args, msg) =>
    expectValueError(() => petitionCollectiveFn(args[0], args[1], args[2], null, null, null, null, "也许"), msg));
  test("an unreadable major-incident flag names the parameter", () =>
    expectValueError(() => petitionCollectiveFn(0, 0, 0, null, null, null, null, "也许"), "重大恶性事件须为是/否"));
});

describe("PETITION_CASES", () => {
  test.each([
    [[0, 0, 0, 0], 15], [[1, 0, 0, 0], 14], [[1, 1, 0, 0], 13.5], [[0, 0, 2, 3], 11.5], [[10, 10, 0, 0], 0],
    [["2件", "3次", "0", "0"], 11.5],
  ])("%p → %p", (args, out) => expect(petitionCasesFn(...(args as [unknown, unknown, unknown, unknown]))).toBe(out));
  test("bad counts", () => {
    expectValueError(() => petitionCasesFn(-1, 0, 0, 0), "逾期未办结件数须为非负整数");
    expectValueError(() => petitionCasesFn(0, null, 0, 0), "催办次数不能为空");
  });
});

describe("PETITION_MAX", () => {
  test.each([
    ["A", [20, 20, 15, 20, 15, 10]], ["B", [18, 18, 14, 20, 15, 10]], ["C", [16, 14, 7, 20, 15, 10]],
  ])("%s sections 1–6", (cat, maxima) => {
    maxima.forEach((m, i) => expect(petitionMaxFn(cat, i + 1)).toBe(m));
  });
  test.each([["A", null, 100], ["B", "", 95], ["C", null, 80], ["C", "三", 7], ["C", "信访领导工作", 16], ["B类", [[2]], 18]])(
    "%p %p → %p", (cat, s, m) => expect(petitionMaxFn(cat, s)).toBe(m));
  test("a section outside 1–6 names the parameter", () => expectValueError(() => petitionMaxFn("A", 7), "考核项目须为"));
});

describe("EVAL_COMPOSITE", () => {
  test.each([
    [[600, 600, [[600]], null, null], 600],
    [[800, 700, [[800, 600]], null, null], 480 + 210 + 70],
    [[800, 700, [[800], [600]], "", ""], 760],
    [[700, 700, [[700]], 60, null], 750],
    [[700, 700, [[700]], null, -20], 680],
    [[700, 700, [[700]], null, 20], 680],
    [[700, 700, [[700]], 10, "-80"], 660],
    [["７００分", "700", [["700"]], "10分", null], 710],
  ])("%p → %p", (args, out) => expect(evalCompositeFn(...(args as Parameters<typeof evalCompositeFn>))).toBeCloseTo(out as number, 9));
  test.each([
    [[1001, 700, [[700]]], "指标考核得分须在0至1000之间"],
    [[700, -1, [[700]]], "公众评议得分须在0至1000之间"],
    [[700, 700, [[1100]]], "内部评估得分须在0至1000之间"],
    [[700, 700, [[1100, 700]]], "领导评价须在0至1000之间"],
    [[700, 700, [[700, 1001]]], "同级评价"],
    [[700, 700, [[null]]], "内部评估得分不能为空"],
    [[700, 700, [[1, 2, 3]]], "内部评估得分最多2个值"],
    [[null, 700, [[700]]], "指标考核得分不能为空"],
  ])("%p → #VALUE!", (args, msg) => expectValueError(() => evalCompositeFn(args[0], args[1], args[2] as unknown[][], null, null), msg));
  test("a negative bonus is an error", () => expectValueError(() => evalCompositeFn(700, 700, [[700]], -5, null), "加分不能为负数"));
});

describe("EVAL_BONUS / EVAL_DEDUCTION", () => {
  test.each([[[0, 0, 0], 0], [[1, 1, 1], 40], [[3, 0, 0], 50], [["2项", 1, 0], 50]])("bonus %p → %p", (args, out) =>
    expect(evalBonusFn(...(args as [unknown, unknown, unknown]))).toBe(out));
  test.each([
    [[1, 0, 0, null, null], 30],
    [[0, 1, 1, [[15]], null], 45],
    [[0, 0, 0, [[10, 20]], [[-15]]], 45],
    [[1, 1, 0, [[10]], null], 50],
    [[0, 0, 1, [[null, ""]], null], 10],
  ])("deduction %p → %p", (args, out) => expect(deductionFn(...args)).toBe(out));
  test("bad inputs", () => {
    expectValueError(() => evalBonusFn(-1, 0, 0), "表彰次数须为非负整数");
    expectValueError(() => deductionFn(0, 0, 0, [[25]], null), "班子成员受处分扣分须在10至20之间");
    expectValueError(() => deductionFn(0, 0, 0, null, [["x"]]), "失职渎职扣分须为数字");
    expectValueError(() => deductionFn(0, "a", 0, null, null), "省级通报批评次数");
  });
});

describe("EVAL_GRADE", () => {
  test.each([[600, null, "合格"], [599.99, null, "不合格"], ["600", "否", "合格"], [800, "是", "不合格"], [800, 1, "不合格"]])(
    "%p veto %p → %p", (c, v, g) => expect(evalGradeFn(c, v)).toBe(g));
  test("bad inputs", () => {
    expectValueError(() => evalGradeFn("abc", null), "综合得分须为数字");
    expectValueError(() => evalGradeFn(2000, null), "综合得分须在");
    expectValueError(() => evalGradeFn(700, "也许"), "一票否决须为是/否");
  });
});

describe("EVAL_GRADES", () => {
  const col = (xs: unknown[]) => xs.map((x) => [x]);
  test("10 units → 3 先进", () => {
    expect(gradesFn(col([900, 850, 800, 750, 700, 650, 620, 600, 590, 500]), null, null, null, null)).toEqual(
      col(["先进", "先进", "先进", "合格", "合格", "合格", "合格", "合格", "不合格", "不合格"]));
  });
  test("7 units → 2 先进", () => {
    expect(gradesFn(col([700, 900, 800, 650, 640, 630, 620]), null, null, null, null)).toEqual(
      col(["合格", "先进", "先进", "合格", "合格", "合格", "合格"]));
  });
  test("tie across the last place → 并列待定", () => {
    expect(gradesFn(col([900, 850, 800, 800, 750, 700, 650, 640, 630, 620]), null, null, null, null)).toEqual(
      col(["先进", "先进", "并列待定", "并列待定", "合格", "合格", "合格", "合格", "合格", "合格"]));
  });
  test("satisfaction as 0.6 / 60 / \"60%\", and below 60% loses the place", () => {
    const composites = col([950, 940, 930, 920, 910, 900, 890, 880, 870, 860]);
    const sat = col([0.6, 60, "60%", "59%", 0.59, 59.9, 70, 70, 70, 70]);
    expect(gradesFn(composites, null, sat, null, null)).toEqual(
      col(["先进", "先进", "先进", "合格", "合格", "合格", "合格", "合格", "合格", "合格"]));
    const sat2 = col(["59%", 0.6, 60, "60%", 0.59, 59.9, 70, 70, 70, 70]);
    expect(gradesFn(composites, null, sat2, null, null)).toEqual(
      col(["合格", "先进", "先进", "先进", "合格", "合格", "合格", "合格", "合格", "合格"]));
  });
  test("veto, targets not met, sanctioned", () => {
    const composites = col([950, 940, 930, 920, 910, 900, 890, 880, 870, 860]);
    const vetoes = col(["是", "", "", "", "", "", "", "", "", ""]);
    const met = col(["是", "否", "是", "是", "是", "是", "是", "是", "是", "是"]);
    const sanc = col(["", "", "是", "", "", "", "", "", "", ""]);
    expect(gradesFn(composites, vetoes, null, met, sanc)).toEqual(
      col(["不合格", "合格", "合格", "先进", "先进", "先进", "合格", "合格", "合格", "合格"]));
  });
  test("blank composite rows stay blank and are not counted", () => {
    expect(gradesFn(col([900, null, 800, 700, 650]), null, null, null, null)).toEqual(col(["先进", "", "合格", "合格", "合格"]));
  });
  test("bad inputs", () => {
    expectValueError(() => gradesFn(col([null, ""]), null, null, null, null), "综合得分不能为空");
    expectValueError(() => gradesFn(col([900, 800]), col(["是"]).concat(col(["否", "否"])), null, null, null), "一票否决须与综合得分的单元格数相同");
    expectValueError(() => gradesFn(col([900, "abc"]), null, null, null, null), "综合得分须为数字");
    expectValueError(() => gradesFn(col([900, 800]), null, col([120, 70]), null, null), "公众满意度须在0至100之间");
  });
});

describe("EVAL_DEPT_GRADE", () => {
  test.each([
    [[[80, 90, 60]], "是", null, "合格"],
    [[[80, 59.9, 90]], "是", null, "不合格"],
    [[[80], [90]], "否", null, "不合格"],
    [[[80, 90]], "完成", "是", "不合格"],
    [[[80, "不考核", 95]], "是", "", "合格"],
    [[[80, "—", 95]], "是", null, "合格"],
    [[["0分", 95]], "是", null, "不合格"],
  ])("%p done=%p veto=%p → %p", (s, done, veto, g) => expect(evalDeptGradeFn(s, done, veto)).toBe(g));
  test("bad inputs", () => {
    expectValueError(() => evalDeptGradeFn([[101]], "是", null), "指标得分须在0至100之间");
    // an empty cell and a 0 cannot be told apart (desktop passes the empty cell as 0): both refused alike
    const refused = "指标得分第2项为空白或0，无法区分（Excel桌面版把空白单元格读作0）：不承担的指标请填“不考核”，得分确为0分请填“0分”";
    expectValueError(() => evalDeptGradeFn([[80, null, 95]], "是", null), refused);
    expectValueError(() => evalDeptGradeFn([[80, 0, 95]], "是", null), refused);
    expectValueError(() => evalDeptGradeFn([["不考核"]], "是", null), "指标得分不能为空");
    expectValueError(() => evalDeptGradeFn([[80]], null, null), "为民办实事完成不能为空");
  });
});

describe("JSDoc metadata", () => {
  const source = fs.readFileSync(path.join(__dirname, "../../../src/functions/functions.ts"), "utf8");
  test.each([
    ["PETITION_SCORE", ["category", "leadership", "grassroots", "information", "collective", "cases", "innovation", "[basis]"]],
    ["PETITION_COLLECTIVE", ["national", "provincial", "city", "[absent_national]", "[absent_provincial]", "[absent_city]", "[individual_absent]", "[major_incident]"]],
    ["PETITION_CASES", ["overdue", "reminders", "substandard", "unanswered"]],
    ["PETITION_MAX", ["category", "[section]"]],
    ["EVAL_COMPOSITE", ["indicator", "public_appraisal", "internal", "[bonus]", "[deduction]"]],
    ["EVAL_BONUS", ["commendations", "ranking_rises", "emergency_awards"]],
    ["EVAL_DEDUCTION", ["central", "provincial", "city", "[sanction_points]", "[dereliction_points]"]],
    ["EVAL_GRADE", ["composite", "[veto]"]],
    ["EVAL_GRADES", ["composites", "[vetoes]", "[satisfaction]", "[targets_met]", "[sanctioned]"]],
    ["EVAL_DEPT_GRADE", ["indicator_scores", "livelihood_done", "[veto]"]],
  ])("%s declares its parameters in order with English descriptions (zh-CN: names.zh-CN.ts)", (id, params) => {
    const start = source.indexOf(`@customfunction ${id}\n`);
    expect(start).toBeGreaterThan(0);
    const block = source.slice(start, source.indexOf("*/", start));
    const declared = [...block.matchAll(/@param (\S+) ([^\n]+)/g)];
    expect(declared.map((m) => m[1])).toEqual(params);
    for (const m of declared) expect(m[2]).toMatch(/^[A-Z\d(["]/);
    expect(block).toContain("@returns");
  });
});
