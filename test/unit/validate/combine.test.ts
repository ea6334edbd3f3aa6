/**
 * 合并校验 (issue 12 item 4): tables of one template across submissions checked as one. Files
 * clean alone and wrong together: the same 区+社区 in two districts' files, one 团长 leading a trip
 * in each of two units' requests in one year, ranks within category and the 先进 quota over all
 * units. Each finding keeps its own file and cell; a finding naming another row names its file.
 */
import type { CellValue } from "../../../src/core/input/coerce";
import { composite, GRADES } from "../../../src/core/rules/eval";
import { petitionScore, rawTotal, sectionMax, type Category } from "../../../src/core/rules/petition";
import { gridRuleset } from "../../../src/core/rules/grid/data";
import { splitShare, subsidy } from "../../../src/core/rules/grid/compute";
import { templates, validateWorkbook, type WorkbookSnapshot } from "../../../src/core/validate";
import { combineTables, consolidate, validateTogether } from "../../../src/core/validate/combine";
import { FindingSchema, type Finding } from "../../../src/core/validate/findings";

const opts = { templates };
const book = (file: string, sheet: string, rows: CellValue[][], origin?: { row: number; col: number }): WorkbookSnapshot =>
  ({ file, sheets: [{ name: sheet, rows, ...(origin ? { origin } : {}) }] });
const shown = (fs: readonly Finding[]) => fs.map((f) => `${f.file} ${f.sheet}!${f.cell} ${f.check}/${f.messageId}${f.causedBy ? ` ← ${f.causedBy}` : ""}`);
const together = (books: WorkbookSnapshot[]) => {
  const r = validateTogether(books, opts);
  for (const res of r.results) for (const f of res.findings) expect(FindingSchema.safeParse(f).success).toBe(true);
  return r;
};

// ── grid: the same 区+社区 in two districts' files ───────────────────────────────────────────
const GH = ["区", "街道", "社区", "户数", "网格数", "专职工作者数", "星级", "年度补助", "市级承担", "区级承担"];
function grow(district: string, community: string, households: number, stars: number): CellValue[] {
  const s = subsidy(stars, gridRuleset).annual;
  const sh = splitShare(s, gridRuleset.subsidyShare);
  return [district, "街道", community, households, 2, Math.ceil(households / gridRuleset.householdsPerPost.value), stars ? `${stars}星级` : null, s, sh.city, sh.district];
}

describe("grid", () => {
  const a = book("南岗区-网格配置.xlsx", "网格配置", [GH, grow("南岗区", "文化社区", 1800, 5), grow("南岗区", "安民社区", 900, 0)]);
  const b = book("道里区-网格配置.xlsx", "配置表", [["社区网格化管理服务配置表"], GH, grow("道里区", "共乐社区", 900, 4), grow("南岗区", "文化社区", 1800, 5)]);
  test("clean alone", () => {
    expect(validateWorkbook(a).findings).toEqual([]);
    expect(validateWorkbook(b).findings).toEqual([]);
  });
  test("wrong together: the second filing of 南岗区文化社区 names the first file and cell", () => {
    const r = together([a, b]);
    expect(r.results[0].findings).toEqual([]);
    expect(shown(r.results[1].findings)).toEqual(["道里区-网格配置.xlsx 配置表!C4 duplicate-community/duplicate"]);
    expect(r.results[1].findings[0].message).toContain("与“南岗区-网格配置.xlsx”网格配置!C2相同");
    expect(r.tables.map((t) => t.parts.map((p) => `${p.file}:${p.sheet}:${p.rows}`))).toEqual([["南岗区-网格配置.xlsx:网格配置:2", "道里区-网格配置.xlsx:配置表:2"]]);
  });
  test("a duplicate within one file still names its row (第N行), as alone", () => {
    const c = book("香坊区.xlsx", "表", [GH, grow("香坊区", "和平社区", 900, 4), grow("香坊区", "和平社区", 900, 4)]);
    const alone = validateWorkbook(c).findings;
    const r = together([a, c]);
    expect(r.results[1].findings).toEqual(alone);
    expect(alone[0].message).toContain("与第2行相同");
  });
  test("a sheet placed away from A1 maps back to its own cells", () => {
    const moved = book("平房区.xlsx", "表", [GH, grow("南岗区", "文化社区", 1800, 5)], { row: 4, col: 3 });
    const r = together([a, moved]);
    expect(shown(r.results[1].findings)).toEqual(["平房区.xlsx 表!E5 duplicate-community/duplicate"]);
  });
});

// ── trip: one 团长, a trip in each of two units' requests in one calendar year ─────────────────
describe("trip", () => {
  const TH = ["团组名称", "团长", "团组类型", "人数", "出访国家(地区)", "出发日期", "返回日期", "在外天数", "本年度出访次数", "报批日期", "办证日期", "出访报告日期", "证件交还日期", "说明"];
  const t = (name: string, leader: string, dep: string, ret: string, days: number): CellValue[] => [name, leader, "考察", 6, "日本", dep, ret, days, 1, null, null, null, null, null];
  const a = book("市商务局.xlsx", "团组", [TH, t("经贸团", "陈志明", "2024-03-01", "2024-03-06", 6)]);
  const b = book("市文旅局.xlsx", "团组", [TH, t("农业团", "李华", "2024-05-01", "2024-05-06", 6), t("文化团", "陈志明", "2024-09-01", "2024-09-06", 6)]);
  test("TRIP-2 across files: each trip flagged in its own file, naming the other", () => {
    expect(validateWorkbook(a).findings).toEqual([]);
    expect(validateWorkbook(b).findings).toEqual([]);
    const r = together([a, b]);
    expect(shown(r.results[0].findings)).toEqual(["市商务局.xlsx 团组!B2 leader-once-a-year/tooMany"]);
    expect(shown(r.results[1].findings)).toEqual(["市文旅局.xlsx 团组!B3 leader-once-a-year/tooMany"]);
    expect(r.results[0].findings[0].message).toContain("第2行、“市文旅局.xlsx”团组!B3");
    expect(r.results[1].findings[0].message).toContain("“市商务局.xlsx”团组!B2、第3行");
  });
  test("trips in different years stay apart", () => {
    const c = book("市文旅局.xlsx", "团组", [TH, t("文化团", "陈志明", "2025-09-01", "2025-09-06", 6)]);
    expect(together([a, c]).results.flatMap((x) => x.findings)).toEqual([]);
  });
});

// ── petition: ranks within category over all units ──────────────────────────────────────────
describe("petition", () => {
  const PH = ["单位", "类别", "信访领导工作", "信访基层基础工作", "信访信息调研宣传", "集体上访和疑难个访", "信访立案件办理", "改革与创新", "合计", "百分制得分", "类内排名", "重大恶性事件"];
  const KEYS = ["leadership", "grassroots", "information", "collective", "cases", "innovation"] as const;
  const near = (cat: Category, less: number) => KEYS.map((k) => Math.max(0, sectionMax(cat, k) - less));
  const prow = (unit: string, cat: Category, s: number[], rank: number): CellValue[] => {
    const sec = Object.fromEntries(KEYS.map((k, i) => [k, s[i]])) as never;
    return [unit, cat, ...s, rawTotal(cat, sec), Math.round(petitionScore(cat, sec) * 100) / 100, rank, "否"];
  };
  test("each file ranked 1 alone; together the lower unit is second", () => {
    const a = book("一组.xlsx", "评分表", [PH, prow("市卫生局", "C", near("C", 1), 1)]);
    const b = book("二组.xlsx", "评分表", [PH, prow("市民政局", "C", near("C", 2), 1)]);
    expect(validateWorkbook(a).findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(validateWorkbook(b).findings.filter((f) => f.severity === "error")).toEqual([]);
    const r = together([a, b]);
    const ranks = r.results.flatMap((x) => x.findings).filter((f) => f.check === "rank");
    expect(shown(ranks)).toEqual(["二组.xlsx 评分表!K2 rank/wrongRank"]);
    expect(ranks[0]).toMatchObject({ expected: 2, actual: 1 });
  });
});

// ── eval-county: the 先进 quota over all units ─────────────────────────────────────────────
describe("eval-county", () => {
  const EH = ["单位", "指标考核得分", "公众评议得分", "内部评估得分", "加分", "减分", "一票否决", "公众满意度", "目标任务完成", "班子成员受处分", "综合得分", "等次"];
  const u = (unit: string, ind: number, grade: string): CellValue[] => {
    const c = composite({ indicator: ind, publicAppraisal: 900, internal: 900 }) as number;
    return [unit, ind, 900, 900, 0, 0, "否", "80%", "是", "否", c, grade];
  };
  test("the 先进 quota over all units: one place in six, the lower 先进 of the two files is over", () => {
    // 甲 alone: four units, one place (30 % of 4, floored), one 先进: within it
    const a = book("甲.xlsx", "综合得分表", [EH, u("娄星区", 950, GRADES.advanced), u("冷水江市", 900, GRADES.qualified), u("涟源市", 880, GRADES.qualified), u("双峰县", 860, GRADES.qualified)]);
    const b = book("乙.xlsx", "综合得分表", [EH, u("新化县", 940, GRADES.advanced), u("娄底经开区", 700, GRADES.qualified)]);
    expect(validateWorkbook(a).findings.filter((f) => f.check === "advanced-quota")).toEqual([]);
    const bAlone = validateWorkbook(b).findings.filter((f) => f.check === "advanced-quota");
    // 乙 alone: 2 units, 0 places: over the quota alone too
    expect(bAlone).toHaveLength(1);
    const r = together([a, b]);
    // together: 6 units, 1 place, 2 先进: the lower one (新化县, in 乙) is over
    const quota = r.results.flatMap((x) => x.findings).filter((f) => f.check === "advanced-quota");
    expect(shown(quota)).toEqual(["乙.xlsx 综合得分表!L2 advanced-quota/overQuota"]);
    expect(quota[0].message).toContain("6个被评估单位");
  });
});

describe("combineTables", () => {
  test("a template found in one table only is not combined; nor one without acrossFiles checks", () => {
    const PH = ["日期", "网格", "工作人员", "巡查次数"];
    const a = book("a.xlsx", "巡查", [PH, ["2024-03-01", "G1", "张伟", 1]]);
    const b = book("b.xlsx", "巡查", [PH, ["2024-03-02", "G1", "张伟", 1]]);
    expect(combineTables([a, b], opts)).toEqual([]);
    expect(combineTables([a], opts)).toEqual([]);
  });
});

// ── the consolidated table (合并汇总) ───────────────────────────────────────────────────────
describe("consolidate", () => {
  const PH = ["单位", "类别", "信访领导工作", "信访基层基础工作", "信访信息调研宣传", "集体上访和疑难个访", "信访立案件办理", "改革与创新", "合计", "百分制得分", "类内排名", "重大恶性事件"];
  const KEYS = ["leadership", "grassroots", "information", "collective", "cases", "innovation"] as const;
  const near = (cat: Category, less: number) => KEYS.map((k) => Math.max(0, sectionMax(cat, k) - less));
  const prow = (unit: string, cat: Category, s: number[], rank: number, total?: number): CellValue[] => {
    const sec = Object.fromEntries(KEYS.map((k, i) => [k, s[i]])) as never;
    return [unit, cat, ...s, total ?? rawTotal(cat, sec), Math.round(petitionScore(cat, sec) * 100) / 100, rank, "否"];
  };
  test("every unit once, 来源文件 first, 合计 and ranks as the rules give them over the rows kept", () => {
    const a = book("一组.xlsx", "评分表", [["信访工作目标管理考核评分表"], PH, prow("市卫生局", "C", near("C", 1), 1), prow("市民政局", "C", near("C", 3), 2)]);
    const b = book("二组.xlsx", "评分表", [PH, prow("市文化局", "C", near("C", 2), 1, 50), prow("市卫生局", "C", near("C", 1), 1)]);
    const [ct] = combineTables([a, b], opts);
    const c = consolidate(ct, "来源文件");
    expect(c.units).toBe(3);
    expect(c.repeats).toEqual([{ file: "二组.xlsx", sheet: "评分表", row: 3 }]);
    const rows = c.sheet.rows;
    expect(rows[0][1]).toBe("信访工作目标管理考核评分表");
    expect(rows[1][0]).toBe("来源文件");
    expect(rows.slice(2).map((r) => [r[0], r[1], r[11]])).toEqual([["一组.xlsx", "市卫生局", 1], ["一组.xlsx", "市民政局", 3], ["二组.xlsx", "市文化局", 2]]);
    const sec = Object.fromEntries(KEYS.map((k, i) => [k, near("C", 2)[i]])) as never;
    expect(rows[4][9]).toBe(rawTotal("C", sec)); // filed 50, recomputed
    expect(c.recomputed).toBeGreaterThanOrEqual(3);
    // read as a sheet of its own, it is clean of what the rules recompute and of repeats
    const again = validateWorkbook({ sheets: [c.sheet] }).findings.filter((f) => f.severity === "error");
    expect(again).toEqual([]);
  });
  test("a two-row header: 来源文件 spans both rows", () => {
    const H2 = [PH.slice(0, 5).concat(["集体上访和疑难个访", "", "信访立案件办理", "", ...PH.slice(7)]),
      ["", "", "", "", "", "第一年", "第二年", "第一年", "第二年", "", "", "", "", ""]];
    const m = [{ top: 0, left: 5, bottom: 0, right: 6 }, { top: 0, left: 7, bottom: 0, right: 8 }];
    const row = (unit: string): CellValue[] => [unit, "C", 15, 13, 6, 18, 18, 14, 14, 7, 73, 91.25, 1, "否"];
    const a: WorkbookSnapshot = { file: "a.xlsx", sheets: [{ name: "表", rows: [...H2, row("市卫生局")], merges: m }] };
    const b: WorkbookSnapshot = { file: "b.xlsx", sheets: [{ name: "表", rows: [...H2, row("市民政局")], merges: m }] };
    const c = consolidate(combineTables([a, b], opts)[0], "来源文件");
    expect(c.sheet.rows[0][0]).toBe("来源文件");
    expect(c.sheet.merges).toContainEqual({ top: 0, left: 0, bottom: 1, right: 0 });
    expect(c.sheet.merges).toContainEqual({ top: 0, left: 6, bottom: 0, right: 7 });
    expect(c.units).toBe(2);
  });
});
