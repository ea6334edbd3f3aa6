/**
 * trip template (渝委发〔2005〕14号): clean sample, planted errors, and one failing case per check
 * with its rule id and cell; 说明 turns a 需说明 into info.
 */
import { ruleClause } from "../../../src/core/rules/ruleTable";
import { runValidation } from "../../../src/core/validate/engine";
import type { CellValue } from "../../../src/core/input/coerce";
import type { Finding } from "../../../src/core/validate/findings";
import type { SheetSnapshot } from "../../../src/core/validate/snapshot";
import { template } from "../../../src/core/validate/templates/trip";
import { sample } from "../../../scripts/samples/trip";
import { describeSamples } from "../../support/sample-suite";

const run = (sheet: SheetSnapshot): Finding[] => runValidation({ sheets: [sheet] }, { templates: [template] }).findings;
const HEADER = [
  "团组名称", "团长", "团组类型", "人数", "出访国家(地区)", "出发日期", "返回日期", "在外天数", "本年度出访次数",
  "报批日期", "办证日期", "出访报告日期", "证件交还日期", "说明",
];
//                A       B        C       D  E       F             G             H  I  J             K             L             M             N
const ok: CellValue[] = ["经贸团", "陈志明", "考察", 6, "日本", "2024-03-01", "2024-03-06", 6, 1, "2024-01-01", "2024-01-22", "2024-04-06", "2024-03-21", null];
const table = (...rows: CellValue[][]): SheetSnapshot => ({ name: "团组", rows: [HEADER, ...rows] });
const edit = (base: CellValue[], changes: Record<string, CellValue>) => base.map((v, i) => (HEADER[i] in changes ? changes[HEADER[i]] : v));
const hits = (f: Finding[]) => f.map((x) => `${x.cell} ${x.rule} ${x.check}/${x.messageId} ${x.severity}`);

describe("metadata", () => {
  test("checks cite 渝委发〔2005〕14号 with unique ids and cover TRIP-1…8", () => {
    const ids = template.checks.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const c of template.checks) expect(ruleClause(template.rules, c.rule, c.clause).startsWith("渝委发〔2005〕14号 （")).toBe(true);
    const rules = new Set(template.checks.map((c) => c.rule));
    for (let i = 1; i <= 8; i++) expect(rules.has(`TRIP-${i}`)).toBe(true);
  });
});

describeSamples(sample, { rows: 12, cleanFindings: ["F8 TRIP-1 info"], exact: true });
describe("checks", () => {
  test("a clean row has no finding", () => expect(run(table(ok))).toEqual([]));
  test.each([
    [{ 人数: 7 }, ["D2 TRIP-1 group-size/finding warning"]],
    [{ 人数: 7, 说明: "含翻译一名" }, ["D2 TRIP-1 group-size/finding info"]],
    [{ 本年度出访次数: 2 }, ["I2 TRIP-2 trips-per-year/finding warning"]],
    [{ "出访国家(地区)": "日本、韩国、新加坡" }, ["E2 TRIP-3 countries/finding warning"]],
    [{ 返回日期: "2024-03-07", 在外天数: 7 }, ["G2 TRIP-4 days-abroad/finding warning"]],
    [{ "出访国家(地区)": "日本,韩国", 返回日期: "2024-03-10", 在外天数: 10 }, []],
    [{ "出访国家(地区)": 2, 返回日期: "2024-03-11", 在外天数: 11 }, ["G2 TRIP-4 days-abroad/finding warning"]],
    [{ 团组类型: "培训", 返回日期: "2024-03-20", 在外天数: 20, 出访报告日期: null, 证件交还日期: null }, ["G2 TRIP-5 training-length/finding info"]],
    [{ 团组类型: "培训", 返回日期: "2024-09-01", 在外天数: 185, 出访报告日期: null, 证件交还日期: null }, ["G2 TRIP-5 training-length/finding warning"]],
    [{ 团组类型: "培训", 返回日期: "2024-09-01", 在外天数: 185, 出访报告日期: null, 证件交还日期: null, 说明: "国家外专局批准" }, ["G2 TRIP-5 training-length/finding info"]],
    [{ 报批日期: "2024-01-02" }, ["J2 TRIP-6 lead-time/finding warning"]],
    [{ 出访报告日期: "2024-04-07" }, ["L2 TRIP-7 report/finding error"]],
    [{ 出访报告日期: "2024-03-05" }, ["L2 TRIP-7 report/beforeReturn error"]],
    [{ 证件交还日期: "2024-03-22" }, ["M2 TRIP-8 passport/finding error"]],
    [{ 证件交还日期: "2024-03-05" }, ["M2 TRIP-8 passport/beforeReturn error"]],
    [{ 在外天数: 5 }, ["H2 TRIP-4 days-agree/wrongDays error"]],
    [{ 返回日期: "2024-02-28", 在外天数: null }, ["G2 TRIP-4 date-order/returnFirst error"]],
    [{ 团组类型: "旅游" }, ["C2 INPUT input/notTripType error"]],
    [{ 人数: 0 }, ["D2 INPUT input/positive error"]],
    [{ "出访国家(地区)": "" }, ["E2 INPUT input/required error"]],
  ])("%p → %p", (changes, expected) => expect(hits(run(table(edit(ok, changes))))).toEqual(expected));

  test("a 说明 does not soften an error", () =>
    expect(hits(run(table(edit(ok, { 证件交还日期: "2024-03-22", 说明: "出差" }))))).toEqual(["M2 TRIP-8 passport/finding error"]));

  test("the same 团长 heading two trips departing in one year: a warning on each", () => {
    const second = edit(ok, { 团组名称: "第二团", 出发日期: "2024-10-01", 返回日期: "2024-10-06", 报批日期: null, 办证日期: null, 出访报告日期: null, 证件交还日期: null });
    const f = run(table(ok, second));
    expect(hits(f)).toEqual(["B2 TRIP-2 leader-once-a-year/tooMany warning", "B3 TRIP-2 leader-once-a-year/tooMany warning"]);
    expect(f[0].message).toContain("2024年率团出访2次");
  });
  test("…not when the trips depart in different years, and info where 说明 is filled", () => {
    const nextYear = edit(ok, { 出发日期: "2025-03-01", 返回日期: "2025-03-06", 报批日期: null, 办证日期: null, 出访报告日期: null, 证件交还日期: null });
    expect(run(table(ok, nextYear))).toEqual([]);
    const explained = edit(ok, { 出发日期: "2024-10-01", 返回日期: "2024-10-06", 说明: "经市委同意", 报批日期: null, 办证日期: null, 出访报告日期: null, 证件交还日期: null });
    expect(hits(run(table(ok, explained)))).toEqual(["B2 TRIP-2 leader-once-a-year/tooMany warning", "B3 TRIP-2 leader-once-a-year/tooMany info"]);
  });
});
