/**
 * 娄办发〔2009〕19号 (rules.md §4): tables read off the source, at the edges of every clause and Decision.
 */
import { expectCellError } from "../../support/cellError";
import {
  EvalRulesetSchema, advancedPlaces, bonus, composite, deduction, deptGrade, eligibleForAdvanced, evalData,
  evalRules, excellentRatio, grade, grades, internalScore, pickAdvanced, satisfactionFraction,
} from "../../../src/core/rules/eval";
import { loadRuleset } from "../../../src/core/rules/ruleset";

describe("EVAL-2 / EVAL-3: composite", () => {
  test.each([
    [{ indicator: 1000, publicAppraisal: 1000, internal: 1000 }, 1000],
    [{ indicator: 600, publicAppraisal: 600, internal: 600 }, 600],
    [{ indicator: 800, publicAppraisal: 700, internal: 900 }, 480 + 210 + 90],
    [{ indicator: 800, publicAppraisal: 700, internal: [800, 600] as const }, 480 + 210 + 70],
    [{ indicator: 0, publicAppraisal: 0, internal: 0 }, 0],
    [{ indicator: 700, publicAppraisal: 700, internal: 700, bonus: 30, deduction: 20 }, 710],
    [{ indicator: 700, publicAppraisal: 700, internal: 700, deduction: -20 }, 680], // typed negative
    [{ indicator: 700, publicAppraisal: 700, internal: 700, bonus: 60 }, 750], // bonus capped at 50
    [{ indicator: 700, publicAppraisal: 700, internal: 700, deduction: 80 }, 650], // deduction capped at 50
    [{ indicator: 700, publicAppraisal: 700, internal: 700, deduction: -80 }, 650],
  ])("%p → %p", (input, expected) => expect(composite(input)).toBeCloseTo(expected, 9));

  test("internal [leaders, peers] is 50/50", () => {
    expect(internalScore(800, 600)).toBe(700);
    expect(internalScore(1000, 0)).toBe(500);
  });
  test.each([
    [{ indicator: 1000.01, publicAppraisal: 0, internal: 0 }, "指标考核得分须在0至1000之间"],
    [{ indicator: -1, publicAppraisal: 0, internal: 0 }, "指标考核得分"],
    [{ indicator: 0, publicAppraisal: 1001, internal: 0 }, "公众评议得分"],
    [{ indicator: 0, publicAppraisal: 0, internal: -5 }, "内部评估得分"],
    [{ indicator: 0, publicAppraisal: 0, internal: [1200, 0] as const }, "领导评价"],
    [{ indicator: 0, publicAppraisal: 0, internal: [0, -1] as const }, "同级评价"],
    [{ indicator: 0, publicAppraisal: 0, internal: 0, bonus: -10 }, "加分不能为负数"],
  ])("components outside 0–1000: %p", (input, msg) => void expectCellError(composite(input), msg));

  test("Decision scale 'percent': appraisals out of 100 are scaled to 1000", () => {
    const rules = loadRuleset(EvalRulesetSchema, { ...evalData, scale: { ...evalData.scale, value: "percent" } });
    expect(composite({ indicator: 800, publicAppraisal: 70, internal: 90 }, rules)).toBeCloseTo(780, 9);
    expectCellError(composite({ indicator: 800, publicAppraisal: 700, internal: 90 }, rules), "0至100");
  });
});

describe("EVAL-4: bonus", () => {
  test.each([
    [0, 0, 0, 0], [1, 0, 0, 20], [0, 1, 0, 10], [0, 0, 1, 10], [1, 1, 1, 40], [2, 1, 0, 50],
    [3, 0, 0, 50], // 60 → capped at 50
    [1, 3, 0, 50],
  ])("%p commendations, %p rises, %p emergencies → %p", (a, b, c, out) =>
    expect(bonus({ commendations: a, rankingRises: b, emergencyAwards: c })).toBe(out));
});

describe("EVAL-5: deduction", () => {
  test.each([
    [{ central: 1, provincial: 0, city: 0 }, 30],
    [{ central: 0, provincial: 1, city: 0 }, 20],
    [{ central: 0, provincial: 0, city: 1 }, 10],
    [{ central: 0, provincial: 1, city: 1, sanctionPoints: [15] }, 45],
    [{ central: 0, provincial: 0, city: 0, sanctionPoints: [10], derelictionPoints: [20, -15] }, 45],
    [{ central: 1, provincial: 1, city: 0 }, 50],
    [{ central: 2, provincial: 0, city: 0 }, 50], // 60 → capped
  ])("%p → %p", (e, out) => expect(deduction(e)).toBe(out));
  test.each([[9.5], [21], [0]])("per-person points %p outside 10–20 is an error", (p) =>
    void expectCellError(deduction({ central: 0, provincial: 0, city: 0, sanctionPoints: [p] }), "须在10至20之间"));
});

describe("EVAL-6: grade and the 600 Decision", () => {
  test.each([
    [600, false, "合格"], [599.99, false, "不合格"], [600.01, false, "合格"], [1000, false, "合格"],
    [1000, true, "不合格"], [0, false, "不合格"], [1050, false, "合格"], [-50, false, "不合格"],
  ])("%p veto=%p → %p", (c, v, g) => expect(grade(c, v)).toBe(g));
  test("composites outside −50…1050 are errors", () => {
    expectCellError(grade(1050.5));
    expectCellError(grade(-51), "综合得分");
  });
  test("composite computed exactly at 600 is qualified", () => {
    expect(grade(composite({ indicator: 600, publicAppraisal: 600, internal: [700, 500] }) as number)).toBe("合格");
  });
  test("the Decision can put 600 on the unqualified side", () => {
    const rules = loadRuleset(EvalRulesetSchema, { ...evalData, passAtMark: { ...evalData.passAtMark, value: "unqualified" } });
    expect(grade(600, false, rules)).toBe("不合格");
    expect(grade(600.01, false, rules)).toBe("合格");
  });
});

describe("EVAL-7: 30% quota, conditions, ties", () => {
  test.each([[10, 3], [7, 2], [3, 0], [4, 1], [11, 3], [20, 6], [0, 0]])("%p units → %p places", (n, p) =>
    expect(advancedPlaces(n)).toBe(p));

  const base = (composites: number[]) => composites.map((c) => ({ composite: c }));
  test("10 units: the top 3 qualified are 先进", () => {
    expect(grades(base([900, 850, 800, 750, 700, 650, 620, 600, 590, 500]))).toEqual(
      ["先进", "先进", "先进", "合格", "合格", "合格", "合格", "合格", "不合格", "不合格"]);
  });
  test("7 units: 2 places", () => {
    expect(grades(base([700, 900, 800, 650, 640, 630, 620]))).toEqual(["合格", "先进", "先进", "合格", "合格", "合格", "合格"]);
  });
  test("a tie across the last place → 并列待定 for the tied units", () => {
    expect(grades(base([900, 850, 800, 800, 750, 700, 650, 640, 630, 620]))).toEqual(
      ["先进", "先进", "并列待定", "并列待定", "合格", "合格", "合格", "合格", "合格", "合格"]);
  });
  test("a tie above the last place is not a problem", () => {
    expect(grades(base([900, 900, 800, 750, 700, 690, 680, 670, 660, 650]))).toEqual(
      ["先进", "先进", "先进", "合格", "合格", "合格", "合格", "合格", "合格", "合格"]);
  });
  test("conditions: veto, satisfaction < 60%, targets not met, sanctioned leave the place to the next", () => {
    const units = [
      { composite: 950, veto: true }, { composite: 940, satisfaction: 0.59 }, { composite: 930, targetsMet: false },
      { composite: 920, sanctioned: true }, { composite: 910, satisfaction: 0.6 }, { composite: 900 },
      { composite: 890 }, { composite: 880 }, { composite: 870 }, { composite: 860 },
    ];
    expect(grades(units)).toEqual(["不合格", "合格", "合格", "合格", "先进", "先进", "先进", "合格", "合格", "合格"]);
  });
  test("a blank satisfaction (null) is not demonstrated; undefined is not checked", () => {
    expect(eligibleForAdvanced({ composite: 900, satisfaction: null })).toBe(false);
    expect(eligibleForAdvanced({ composite: 900 })).toBe(true);
    expect(eligibleForAdvanced({ composite: 599 })).toBe(false);
  });
  test("fewer eligible units than places: all eligible are 先进", () => {
    expect(pickAdvanced([900, 800, 700], [true, false, false], 2)).toEqual(["advanced", undefined, undefined]);
  });
  test.each([[0.6, 0.6], [60, 0.6], [1, 1], [0.595, 0.595], [100, 1]])("satisfaction %p → %p", (v, f) =>
    expect(satisfactionFraction(v)).toBeCloseTo(f, 10));
  test("satisfaction out of range", () => void expectCellError(satisfactionFraction(101), "公众满意度须在0至100之间"));
});

describe("EVAL-9 / EVAL-10: departments", () => {
  test.each([
    [[60, 80, 100], true, false, "合格"],
    [[59.9, 80], true, false, "不合格"],
    [[90, 95], false, false, "不合格"],
    [[90, 95], true, true, "不合格"],
    [[60], true, false, "合格"],
  ])("%p done=%p veto=%p → %p", (s, done, veto, g) => expect(deptGrade(s, done, veto)).toBe(g));
  test("indicator out of 0–100 is an error", () => {
    expectCellError(deptGrade([101], true), "指标得分须在0至100之间");
    expectCellError(deptGrade([-1], true));
  });
});

describe("EVAL-8 and the data", () => {
  test("优秀 quotas 25% / 10%", () => {
    expect(excellentRatio("先进")).toBe(0.25);
    expect(excellentRatio("不合格")).toBe(0.1);
    expect(excellentRatio("合格")).toBeUndefined();
  });
  test("weights sum to 1 and the internal weights too", () => {
    const w = evalRules.weights;
    expect(w.indicator.value + w.publicAppraisal.value + w.internal.value).toBeCloseTo(1, 12);
    expect(evalRules.internalWeights.leaders.value + evalRules.internalWeights.peers.value).toBe(1);
  });
  test("Decisions carry notes", () => {
    for (const d of [evalRules.scale, evalRules.passAtMark, evalRules.quotaRounding]) expect(d.note.length).toBeGreaterThan(10);
  });
});
