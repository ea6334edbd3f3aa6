import {
  TripRulesetSchema, approverHint, checkTrip, countryCount, passportDeadline, reportDeadline, tripApprover,
  tripCheckCell, tripData, tripDays, tripDaysCell, tripRuleset, tripRulesetWith, tripVerdict, type Trip, type TripFinding,
} from "../../../src/core/rules/trip";
import { expectCellError } from "../../support/cellError";
import { formatDate, serialFromCivil } from "../../../src/core/input";
import { loadRuleset } from "../../../src/core/rules/ruleset";

const d = (iso: string) => {
  const [y, m, day] = iso.split("-").map(Number);
  return serialFromCivil(y, m, day);
};
const base: Trip = { type: "study", groupSize: 5, countries: 1, departure: d("2024-03-01"), returnDate: d("2024-03-06") };
const findings = (t: Trip, rs?: typeof tripRuleset) => checkTrip(t, rs) as TripFinding[];
const rules = (t: Partial<Trip>) => findings({ ...base, ...t }).map((f) => `${f.rule}:${f.severity}`);

describe("ruleset data (渝委发〔2005〕14号)", () => {
  test("numbers with their rule and clause", () => {
    expect(tripRuleset.studyGroupMax).toEqual({ value: 6, rule: "TRIP-1", clause: "(五)" });
    expect(tripRuleset.tripsPerYearMax).toEqual({ value: 1, rule: "TRIP-2", clause: "(七)" });
    expect(tripRuleset.countriesMax).toEqual({ value: 2, rule: "TRIP-3", clause: "(八)" });
    expect(tripRuleset.daysByCountries.map((e) => [e.countries.value, e.maxDays.value])).toEqual([[1, 6], [2, 10]]);
    expect([tripRuleset.trainingAdvisedWeeks.min.value, tripRuleset.trainingAdvisedWeeks.max.value, tripRuleset.trainingMaxMonths.value]).toEqual([3, 6, 6]);
    expect(tripRuleset.leadWeeks).toEqual({ value: 3, rule: "TRIP-6", clause: "(十三)" });
    expect(tripRuleset.reportMonths).toEqual({ value: 1, rule: "TRIP-7", clause: "(十七)" });
    expect(tripRuleset.passportDays).toEqual({ value: 15, rule: "TRIP-8", clause: "(十八)" });
    expect([tripRuleset.planDeadline.month.value, tripRuleset.planDeadline.day.value]).toEqual([11, 10]);
    expect([tripRuleset.fraudBanYears.unit.value, tripRuleset.fraudBanYears.persons.value]).toEqual([1, 2]);
  });
  test("the approval routes cover cases 1–10 of clause (十二), each with short names", () => {
    expect([...new Set(tripRuleset.approvals.map((a) => a.case))]).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    for (const a of tripRuleset.approvals) {
      expect(a.clause).toBe(`(十二)${a.case}`);
      expect(a.names.length).toBeGreaterThan(0);
    }
    const all = tripRuleset.approvals.flatMap((a) => a.names);
    expect(new Set(all).size).toBe(all.length); // a name never names two routes
  });
  test("a malformed override fails at load", () => {
    expect(() => loadRuleset(TripRulesetSchema, { ...tripData, dayCount: { ...tripData.dayCount, value: "half" } })).toThrow("规则集数据无效");
  });
});

describe("tripDays (Decision (days): both ends counted)", () => {
  test.each([
    ["2024-03-01", "2024-03-01", 1],
    ["2024-03-01", "2024-03-06", 6],
    ["2024-02-28", "2024-03-01", 3], // leap year
    ["2023-12-30", "2024-01-02", 4],
  ])("%s → %s = %i days", (a, b, n) => expect(tripDays(d(a), d(b))).toBe(n));
  test("switching the Decision to exclusive counts nights", () => {
    const rs = tripRulesetWith({ dayCount: { ...tripRuleset.dayCount, value: "exclusive" } });
    expect(tripDays(d("2024-03-01"), d("2024-03-06"), rs)).toBe(5);
  });
  test("return before departure is a CellError, returned", () =>
    void expectCellError(tripDays(d("2024-03-02"), d("2024-03-01")), "返回日期不能早于出发日期"));
  test("cells: serials, text and Chinese dates", () => {
    expect(tripDaysCell("2024年3月1日", "2024/3/6")).toBe(6);
    expect(tripDaysCell(45352, 45357)).toBe(6);
    expectCellError(tripDaysCell("昨天", 45357), "出发日期须为日期");
    expectCellError(tripDaysCell(45352, null), "返回日期不能为空");
  });
});

describe("checkTrip TRIP-1…8", () => {
  test("a clean trip has no finding", () => expect(rules({})).toEqual([]));

  test.each([
    [{ groupSize: 6 }, []],
    [{ groupSize: 7 }, ["TRIP-1:warning"]],
    [{ groupSize: 7, type: "training" as const, returnDate: d("2024-03-28") }, []], // training: no number
    [{ groupSize: 7, type: "exhibition" as const }, []],
  ])("TRIP-1 (五) group size %p → %p", (t, r) => expect(rules(t)).toEqual(r));

  test.each([
    [{ tripsThisYear: 1 }, []],
    [{ tripsThisYear: 2 }, ["TRIP-2:warning"]],
    [{ tripsThisYear: null }, []],
  ])("TRIP-2 (七) %p → %p", (t, r) => expect(rules(t)).toEqual(r));

  test.each([
    // 1 country: ≤ 6 days; 2 countries: ≤ 10 days; 3 countries: TRIP-3 only
    [{ countries: 1, returnDate: d("2024-03-06") }, []],
    [{ countries: 1, returnDate: d("2024-03-07") }, ["TRIP-4:warning"]],
    [{ countries: 2, returnDate: d("2024-03-10") }, []],
    [{ countries: 2, returnDate: d("2024-03-11") }, ["TRIP-4:warning"]],
    [{ countries: 3, returnDate: d("2024-03-06") }, ["TRIP-3:warning"]],
    [{ countries: 3, returnDate: d("2024-03-20") }, ["TRIP-3:warning"]],
    [{ countries: 1, returnDate: d("2024-03-07"), type: "exhibition" as const }, ["TRIP-4:warning"]],
  ])("TRIP-3/4 (八) %p → %p", (t, r) => expect(rules(t)).toEqual(r));

  test("TRIP-4 finding carries days", () => {
    const [f] = findings({ ...base, returnDate: d("2024-03-07") });
    expect(f).toMatchObject({ clause: "渝委发〔2005〕14号 （八）", expected: 6, actual: 7, field: "returnDate" });
  });

  test.each([
    // training, departure 2024-03-01: 21 days → 03-21, 42 days → 04-11
    ["2024-03-20", ["TRIP-5:info"]], // 20 days
    ["2024-03-21", []], // 21
    ["2024-04-11", []], // 42
    ["2024-04-12", ["TRIP-5:info"]], // 43
    ["2024-08-31", ["TRIP-5:info"]], // exactly 6 months, both ends counted
    ["2024-09-01", ["TRIP-5:warning"]], // 6 months + 1 day
  ])("TRIP-5 (八) training back %s → %p (and no TRIP-4)", (ret, r) =>
    expect(rules({ type: "training", countries: 1, returnDate: d(ret) })).toEqual(r));

  test("TRIP-5 Decision switched to elapsed months allows the same calendar day", () => {
    const rs = tripRulesetWith({ trainingSpan: { ...tripRuleset.trainingSpan, value: "elapsed" } });
    const t = { ...base, type: "training" as const };
    expect(findings({ ...t, returnDate: d("2024-09-01") }, rs).map((f) => f.severity)).toEqual(["info"]);
    expect(findings({ ...t, returnDate: d("2024-09-02") }, rs).map((f) => f.severity)).toEqual(["warning"]);
  });

  test.each([
    [{ requestDate: d("2024-01-01"), documentDate: d("2024-01-22") }, []], // 21 days
    [{ requestDate: d("2024-01-01"), documentDate: d("2024-01-21") }, ["TRIP-6:warning"]], // 20 days
    [{ requestDate: d("2024-01-22"), documentDate: d("2024-01-01") }, ["TRIP-6:warning"]],
    [{ requestDate: d("2024-01-01") }, []], // one date alone: nothing to compare
  ])("TRIP-6 (十三) %p → %p", (t, r) => expect(rules(t)).toEqual(r));

  test.each([
    ["2024-03-06", "2024-04-06", []], // same day next month
    ["2024-03-06", "2024-04-07", ["TRIP-7:error"]],
    ["2024-01-31", "2024-02-29", []], // 01-31 → end of February (leap year)
    ["2024-01-31", "2024-03-01", ["TRIP-7:error"]],
    ["2023-01-31", "2023-02-28", []],
    ["2023-01-31", "2023-03-01", ["TRIP-7:error"]],
  ])("TRIP-7 (十七) back %s, report %s → %p", (ret, rep, r) =>
    expect(rules({ departure: d(ret) - 3, returnDate: d(ret), reportDate: d(rep) })).toEqual(r));

  test("report deadline", () => expect(formatDate(reportDeadline(d("2023-01-31")))).toBe("2023-02-28"));

  test.each([
    ["2024-03-21", []], // day 15
    ["2024-03-22", ["TRIP-8:error"]], // day 16
    ["2024-03-06", []], // the same day
  ])("TRIP-8 (十八) passport %s → %p", (p, r) => expect(rules({ passportDate: d(p) })).toEqual(r));

  test("passport deadline", () => expect(formatDate(passportDeadline(d("2024-03-06")))).toBe("2024-03-21"));

  test("dates after return must not come before it", () => {
    expectCellError(checkTrip({ ...base, reportDate: d("2024-03-05") }), "出访报告日期不能早于返回日期");
    expectCellError(checkTrip({ ...base, passportDate: d("2024-03-05") }), "证件交还日期不能早于返回日期");
  });

  test.each([[{ groupSize: 0 }], [{ countries: 0 }], [{ tripsThisYear: 0 }], [{ groupSize: 2.5 }]])(
    "%p is a CellError", (t) => void expectCellError(checkTrip({ ...base, ...t })));
});

describe("verdict text", () => {
  test("合规 / 需说明 / 违规, every finding with its clause, joined by ；", () => {
    expect(tripVerdict(findings(base))).toBe("合规");
    expect(tripVerdict(findings({ ...base, groupSize: 7 }))).toBe(
      "需说明：考察团组7人，原则上不超过6人，超过须在请示中说明情况（渝委发〔2005〕14号 （五））");
    const v = tripVerdict(findings({ ...base, groupSize: 7, passportDate: d("2024-03-22") }));
    expect(v.startsWith("违规：")).toBe(true);
    expect(v.split("；")).toHaveLength(2);
    expect(v).toContain("（渝委发〔2005〕14号 （十八））");
  });
  test("info alone stays 合规; with a warning it is listed as 提示", () => {
    const t = { ...base, type: "training" as const, returnDate: d("2024-03-20") };
    expect(tripVerdict(findings(t))).toBe("合规");
    const v = tripVerdict(findings({ ...t, tripsThisYear: 2 }));
    expect(v).toMatch(/^需说明：本年度第2次出访.*；提示：培训团组在外20天/);
  });
});

describe("countries: a count or a list", () => {
  test.each([
    [1, 1], ["2", 2], ["２", 2], ["2国", 2], ["2个", 2], ["日本", 1], ["日本、韩国", 2], ["日本,韩国", 2], ["日本，韩国", 2],
    ["日本 韩国", 2], ["日本/韩国", 2], ["日本、韩国、新加坡", 3], ["日本、日本", 1], [" 日本、 韩国 ", 2], [[["日本、韩国"]], 2],
  ])("%p → %i", (v, n) => expect(countryCount(v)).toBe(n));
  test.each([[null, "出访国家不能为空"], [0, "出访国家须大于0"], [-1, "出访国家须为非负整数"], [1.5, "出访国家须为非负整数"], [true, "出访国家须为非负整数"]])(
    "%p → %p", (v, msg) => void expectCellError(countryCount(v), msg));
});

describe("tripCheckCell (TRIP_CHECK core)", () => {
  test("typed inputs from cells", () => {
    expect(tripCheckCell("考察", "6人", "日本、韩国", "2024-03-01", "2024-03-10")).toBe("合规");
    expect(tripCheckCell("考察团", 6, "日本、韩国", "2024-03-01", "2024-03-11")).toMatch(/^需说明：出访2国在外11天/);
    expect(tripCheckCell("培训", 20, 1, "2024-03-01", "2024-04-11", null, "2024-01-01", "2024-01-22", "2024-05-11", "2024-04-26")).toBe("合规");
    expect(tripCheckCell("参展", 3, 1, "2024-03-01", "2024-03-06", "", "", "", "", "2024-03-22")).toMatch(/^违规：/);
  });
  test.each([
    [["旅游", 3, 1, "2024-03-01", "2024-03-06"], "团组类型须为考察、培训、参展或办展"],
    [["考察", 0, 1, "2024-03-01", "2024-03-06"], "团组人数须大于0"],
    [["考察", "abc", 1, "2024-03-01", "2024-03-06"], "团组人数须为非负整数"],
    [["考察", 3, null, "2024-03-01", "2024-03-06"], "出访国家不能为空"],
    [["考察", 3, 1, "2024-03-01", "2024-02-06"], "返回日期不能早于出发日期"],
    [["考察", 3, 1, "2024-03-01", "2024-03-06", 0], "本年度出访次数须大于0"],
    [["考察", 3, 1, "2024-03-01", "2024-03-06", null, "x"], "报批日期须为日期"],
  ])("%p → %p", (args, msg) => void expectCellError((tripCheckCell as (...a: unknown[]) => unknown)(...args), msg));
});

describe("tripApprover (TRIP-13, (十二))", () => {
  test.each([
    [1, "报市委分管业务工作的领导、分管外事工作的副书记、书记审批（渝委发〔2005〕14号 （十二）1）"],
    ["5", "报市政府分管业务工作的领导、分管外事工作的副市长和市长审批（渝委发〔2005〕14号 （十二）5）"],
    ["市政府部门正职", "报市政府分管业务工作的领导、分管外事工作的副市长和市长审批（渝委发〔2005〕14号 （十二）5）"],
    ["区县纪委书记", "报市委分管外事工作的副书记审批（渝委发〔2005〕14号 （十二）4）"],
    ["区县党委书记", "报市委联系该区县（自治县、市）的领导、分管外事工作的副书记、书记审批（渝委发〔2005〕14号 （十二）3）"],
    ["副县长", "报分管外事工作的副市长审批（渝委发〔2005〕14号 （十二）7）"],
    ["高校副职", "报市委或市政府分管业务工作的副书记或副市长审批（渝委发〔2005〕14号 （十二）8）"],
    ["第7项", "报分管外事工作的副市长审批（渝委发〔2005〕14号 （十二）7）"],
    [" 市政府 部门正职 ", "报市政府分管业务工作的领导、分管外事工作的副市长和市长审批（渝委发〔2005〕14号 （十二）5）"],
  ])("%p", (p, text) => expect(tripApprover(p)).toBe(text));
  test("case 8 by number gives both routes", () => {
    const t = tripApprover(8);
    expect(t).toContain("正职领导：报市委或市政府分管业务工作的领导");
    expect(t).toContain("副职领导：报市委或市政府分管业务工作的副书记或副市长审批");
  });
  test("every short name of every route resolves to its own route", () => {
    for (const a of tripRuleset.approvals) for (const n of a.names) expect(tripApprover(n)).toContain(a.route);
  });
  test.each([[0], [11], [2.5], ["局长"], [null]])("%p is a CellError naming the parameter", (p) => {
    expectCellError(tripApprover(p));
    expectCellError(tripApprover(p), /^职务/);
  });
  test("the hint lists the cases", () => expect(approverHint()).toMatch(/^1–10或市委部委正职/));
});
