/**
 * 深办〔2003〕36号 (rules.md §3): tables read off the source, at the edges of every clause.
 */
import { expectCellError } from "../../support/cellError";
import {
  PetitionRulesetSchema, averageYears, casesScore, categoryOf, checkItemScore, collectiveScore, fullMark,
  itemMax, petitionData, petitionRules, petitionScore, rankWithinCategory, rawTotal,
  sectionMax,
} from "../../../src/core/rules/petition";
import { loadRuleset } from "../../../src/core/rules/ruleset";

describe("一: category lists", () => {
  test("counts announced by the source match the lists (6 / 18 / 23)", () => {
    for (const list of petitionRules.categories) expect(list.units).toHaveLength(list.count.value);
    expect(petitionRules.categories.map((l) => l.count.value)).toEqual([6, 18, 23]);
  });
  test.each([
    ["福田区", "A"], ["深圳市龙岗区", "A"], ["市教育局", "B"], ["教育局", "B"], ["深圳市教育局", "B"],
    ["市中级人民法院", "B"], ["检察院", "B"], ["市委组织部", "B"], ["深圳市委组织部", "B"], ["商贸控股公司", "B"],
    ["住宅局", "B"], ["市卫生局", "C"], ["残联", "C"], ["深圳市总工会", "C"], ["保税区管理局", "C"],
    [" 市 民政局 ", "C"], ["市计生办", "C"],
  ])("%p → %p", (name, cat) => expect(categoryOf(name)).toBe(cat));
  test.each([["市档案局"], ["光明新区"], [""]])("%p is not listed", (name) => expect(categoryOf(name)).toBeUndefined());
});

describe("二: section maxima per category, summed from the items", () => {
  test.each([
    ["A", [20, 20, 15, 20, 15, 10]],
    ["B", [18, 18, 14, 20, 15, 10]],
    ["C", [16, 14, 7, 20, 15, 10]],
  ] as const)("%s", (cat, maxima) => {
    maxima.forEach((m, i) => expect(sectionMax(cat, (i + 1) as 1 | 2 | 3 | 4 | 5 | 6)).toBe(m));
  });
  test("A's items fill every section heading (20/20/15/20/15/10)", () => {
    for (const s of petitionRules.sections) expect(sectionMax("A", s.key)).toBe(s.heading.value);
  });
  test("items not assessed for a category have maximum 0 there", () => {
    expect(itemMax("C", 1, "4a")).toBe(0);
    expect(itemMax("B", 1, "4a")).toBe(0);
    expect(itemMax("A", 1, "4a")).toBe(2);
    expect(itemMax("C", 3, "2")).toBe(0);
    expect(itemMax("B", 3, "2")).toBe(5);
  });
});

describe("PET-7: item and section scores", () => {
  test("a C score in an item that does not apply is an error", () => {
    expectCellError(checkItemScore("C", 3, "2", 3), "C类不考核“信访调研”");
    expectCellError(checkItemScore("C", 2, "5", 1));
    expect(checkItemScore("C", 3, "2", 0)).toBe(0);
    expect(checkItemScore("B", 3, "2", 5)).toBe(5);
  });
  test("an item above its points is an error naming the maximum", () => {
    expectCellError(checkItemScore("A", 1, "2", 6.5), "满分6分");
  });
  const full = { leadership: 16, grassroots: 14, information: 7, collective: 20, cases: 15, innovation: 10 };
  test.each([
    ["leadership", 16.5, "C类“信访领导工作”满分16分"],
    ["grassroots", 15, "满分14分"],
    ["information", 8, "满分7分"],
    ["collective", 20.5, "满分20分"],
    ["cases", 16, "满分15分"],
    ["innovation", 11, "满分10分"],
  ] as const)("C %s = %p → error with the maximum", (key, v, msg) => {
    expect(() => petitionScore("C", { ...full, [key]: v })).toThrow(msg);
  });
  test("at the maximum is fine; a negative section is an error", () => {
    expect(rawTotal("C", full)).toBe(82);
    expect(() => petitionScore("C", { ...full, innovation: -1 })).toThrow("不能为负数");
  });
  test("an annual score above the maximum is caught even when the average would not be", () => {
    expect(() => petitionScore("A", { ...full, collective: [21, 10] })).toThrow("满分20分");
  });
});

describe("PET-1 / PET-2: section 四", () => {
  test.each([
    [{ national: 0, provincial: 0, city: 0 }, 20],
    [{ national: 1, provincial: 0, city: 0 }, 17],
    [{ national: 0, provincial: 1, city: 0 }, 18],
    [{ national: 0, provincial: 0, city: 1 }, 19],
    [{ national: 1, provincial: 1, city: 1, absentNational: 1, absentProvincial: 1, absentCity: 1 }, 8],
    [{ national: 0, provincial: 0, city: 0, individualAbsent: 3 }, 18.5],
    [{ national: 6, provincial: 0, city: 0, absentNational: 1 }, 0], // 21 deducted: stops at 0
    [{ national: 6, provincial: 0, city: 1, absentNational: 6 }, 0],
    [{ national: 5, provincial: 0, city: 4, individualAbsent: 2 }, 0], // exactly 20
    [{ national: 0, provincial: 0, city: 0, majorIncident: true }, 0],
    [{ national: 0, provincial: 0, city: 1, majorIncident: false }, 19],
  ])("%p → %p", (events, score) => expect(collectiveScore(events)).toBe(score));
});

describe("PET-3 / PET-4: section 五", () => {
  test.each([
    [{ overdue: 0, reminders: 0, substandard: 0, unanswered: 0 }, 15],
    [{ overdue: 1, reminders: 0, substandard: 0, unanswered: 0 }, 14],
    [{ overdue: 1, reminders: 2, substandard: 0, unanswered: 0 }, 13],
    [{ overdue: 0, reminders: 0, substandard: 1, unanswered: 1 }, 13.5],
    [{ overdue: 10, reminders: 10, substandard: 0, unanswered: 0 }, 0],
    [{ overdue: 14, reminders: 1, substandard: 0, unanswered: 1 }, 0],
  ])("%p → %p", (events, score) => expect(casesScore(events)).toBe(score));
});

describe("PET-5: two annual scores averaged", () => {
  test("average of two years", () => {
    expect(averageYears([18, 15], "集体上访和疑难个访")).toBe(16.5);
    expect(averageYears([14], "信访立案件办理")).toBe(14);
  });
  test("three years or none is an error", () => {
    expectCellError(averageYears([1, 2, 3], "集体上访和疑难个访"), "最多2个值");
    expectCellError(averageYears([], "集体上访和疑难个访"), "不能为空");
  });
  test("the total uses the averages", () => {
    expect(rawTotal("A", { leadership: 18, grassroots: 17, information: 13, collective: [18, 16], cases: [15, 14], innovation: 8 }))
      .toBe(18 + 17 + 13 + 17 + 14.5 + 8);
  });
  test("a biennial section does not take two values", () => {
    expect(() => rawTotal("A", { leadership: [18, 17], grassroots: 17, information: 13, collective: 20, cases: 15, innovation: 8 }))
      .toThrow("须为单个单元格");
  });
});

describe("PET-6: 百分制 and the 80/82 Decision", () => {
  const c80 = { leadership: 16, grassroots: 14, information: 7, collective: 18, cases: 15, innovation: 10 };
  test("full marks stated 100/95/80 and from items 100/95/82", () => {
    expect(["A", "B", "C"].map((k) => fullMark(k as "A"))).toEqual([100, 95, 80]);
    expect(["A", "B", "C"].map((k) => fullMark(k as "A", "items"))).toEqual([100, 95, 82]);
  });
  test("the default basis is the stated one, with the contradiction documented", () => {
    expect(petitionRules.basis.value).toBe("stated");
    expect(petitionRules.basis.note).toContain("82");
  });
  test("C raw 80 → 100 stated, 97.56 items", () => {
    expect(rawTotal("C", c80)).toBe(80);
    expect(petitionScore("C", c80)).toBeCloseTo(100, 10);
    expect(petitionScore("C", c80, "items")).toBeCloseTo(97.56, 2);
  });
  test("C raw 82 on the stated basis exceeds 100 (flagged by the validator, never clipped)", () => {
    expect(petitionScore("C", { ...c80, collective: 20 })).toBeCloseTo(102.5, 10);
  });
  test("B raw / 95 × 100; A unchanged", () => {
    const b = { leadership: 15, grassroots: 16, information: 12, collective: 19, cases: 14, innovation: 4 };
    expect(petitionScore("B", b)).toBeCloseTo((80 / 95) * 100, 10);
    expect(petitionScore("B", b)).toBeCloseTo(84.21, 2);
    expect(petitionScore("B", b, "items")).toBeCloseTo(84.21, 2);
    expect(petitionScore("A", { ...b, leadership: 20 })).toBeCloseTo(85, 10);
  });
  test("ranking within each category; ties share a rank", () => {
    const ranks = rankWithinCategory([
      { category: "A", score: 90 }, { category: "B", score: 95 }, { category: "A", score: 92 },
      { category: "A", score: 90 }, { category: "A", score: 80 }, { category: "B", score: 96 },
    ]);
    expect(ranks).toEqual([2, 2, 1, 2, 4, 1]);
  });
});

describe("ruleset data", () => {
  test("the data parses, and an override switches the basis", () => {
    const items = loadRuleset(PetitionRulesetSchema, { ...petitionData, basis: { ...petitionData.basis, value: "items" } });
    expect(fullMark("C", items.basis.value, items)).toBe(82);
  });
  test("a malformed override fails at load", () => {
    expect(() => loadRuleset(PetitionRulesetSchema, { ...petitionData, basis: { ...petitionData.basis, value: "half" } })).toThrow("规则集数据无效");
  });
});
