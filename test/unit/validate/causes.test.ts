/**
 * Root causes first (issue 11 item 3, templates.md "Findings"): a finding that only follows from
 * another is given `causedBy` (the root's cell), folded under it and not counted. Each pair a
 * check declares (followsFrom) is tested both ways: the consequence names its root, and the same
 * finding standing on its own (fixing the other cell would not remove it) stays a root. Values
 * come from the rules cores, never typed by hand.
 */
import type { CellValue } from "../../../src/core/input/coerce";
import { composite, GRADES } from "../../../src/core/rules/eval";
import { fullMark, petitionScore, rawTotal, sectionMax, type Category } from "../../../src/core/rules/petition";
import { gridRuleset } from "../../../src/core/rules/grid/data";
import { splitShare, subsidy } from "../../../src/core/rules/grid/compute";
import { runValidation } from "../../../src/core/validate/engine";
import { FindingSchema, type Finding, isRoot } from "../../../src/core/validate/findings";
import { countRoots, foldConsequences } from "../../../src/core/validate/fold";
import type { TemplateDef } from "../../../src/core/validate/template";
import { testTemplate, type TestCheck } from "../../fixtures/layouts/templates";
import { templates, validateWorkbook } from "../../../src/core/validate";
import { template as petition } from "../../../src/core/validate/templates/petition";
import { template as grid } from "../../../src/core/validate/templates/grid";
import { template as trip } from "../../../src/core/validate/templates/trip";
import { template as evalCounty } from "../../../src/core/validate/templates/eval-county";
import { template as evalDept } from "../../../src/core/validate/templates/eval-dept";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { readWorkbookFile } from "../../../src/xlsx/read";

function run(t: TemplateDef, rows: CellValue[][]): Finding[] {
  const r = runValidation({ sheets: [{ name: "表", rows }] }, { templates: [t], template: t.id });
  for (const f of r.findings) expect(FindingSchema.safeParse(f).success).toBe(true);
  return r.findings;
}
/** "cell check/messageId ← root" for each finding; "" root. */
const shown = (fs: Finding[]) => fs.map((f) => `${f.cell} ${f.check}/${f.messageId}${f.causedBy ? ` ← ${f.causedBy}` : ""}`);
const at = (fs: Finding[], cell: string, check?: string) => fs.filter((f) => f.cell === cell && (check === undefined || f.check === check));

/** Every consequence names a cell where a root of one of its check's followsFrom checks stands. */
function expectWellFounded(t: TemplateDef, fs: Finding[]): void {
  for (const f of fs) {
    if (isRoot(f)) continue;
    const follows = t.checks.find((c) => c.id === f.check)?.followsFrom ?? [];
    expect(follows.length).toBeGreaterThan(0);
    const roots = fs.filter((r) => r.sheet === f.sheet && r.cell === f.causedBy && isRoot(r));
    expect(roots.length).toBeGreaterThan(0);
  }
}

// ── petition ────────────────────────────────────────────────────────────────────────────────
const PH = ["单位", "类别", "信访领导工作", "信访基层基础工作", "信访信息调研宣传", "集体上访和疑难个访", "信访立案件办理", "改革与创新", "合计", "百分制得分", "类内排名", "重大恶性事件"];
type Six = [number, number, number, number, number, number];
const KEYS = ["leadership", "grassroots", "information", "collective", "cases", "innovation"] as const;
const secs = (s: Six) => Object.fromEntries(KEYS.map((k, i) => [k, s[i]])) as Record<(typeof KEYS)[number], number>;
/** A row as a clerk computes it for `asCat` (total, 百分制), filed under `filed`. */
function prow(unit: string, filed: string, s: Six, rank: number, asCat: Category = filed as Category, over: { total?: number; pct?: number; major?: string } = {}): CellValue[] {
  const total = rawTotal(asCat, secs(s));
  const pct = Math.round(petitionScore(asCat, secs(s)) * 100) / 100;
  return [unit, filed, ...s, over.total ?? total, over.pct ?? pct, rank, over.major ?? "否"];
}
/** Six scores for a category, each section at its maximum less `less`. */
const nearMax = (cat: Category, less = 1): Six => KEYS.map((k) => Math.max(0, sectionMax(cat, k) - less)) as Six;

describe("petition", () => {
  // 市教育局 is listed in B; 市公安局 in B; 市卫生局 in C (the lists of 一)
  test("a B unit filed as C: its section maxima, 百分制 and rank follow from 类别 (C11 → E11, F11, N11)", () => {
    const b = nearMax("B");
    const fs = run(petition, [PH,
      prow("市公安局", "B", nearMax("B", 2), 1),
      prow("市教育局", "C", b, 1, "B"), // computed as B, filed as C
      prow("市卫生局", "C", nearMax("C"), 1),
    ]);
    expectWellFounded(petition, fs);
    expect(at(fs, "B3")).toEqual([expect.objectContaining({ check: "unit-category", messageId: "otherCategory", causedBy: null })]);
    // every section over its C maximum but within B's follows from B3
    const sections = fs.filter((f) => f.row === 3 && f.check === "section-max");
    expect(sections.length).toBeGreaterThan(0);
    for (const f of sections) expect(f.causedBy).toBe("B3");
    // its rank is the one it has among B units: follows from B3 too, and so does 市公安局's
    for (const f of fs.filter((x) => x.check === "rank")) expect(f.causedBy).toBe("B3");
    expect(countRoots(fs).errors).toBe(fs.filter((f) => isRoot(f) && f.severity === "error").length);
    expect(fs.filter((f) => isRoot(f) && f.severity === "error")).toHaveLength(1);
  });

  test("a section over the maximum of the listed category too stands on its own", () => {
    const s = nearMax("B");
    s[0] = sectionMax("B", "leadership") + 1; // over B's 信访领导工作 as well
    const fs = run(petition, [PH, ["市教育局", "C", ...s, 100, 100, 1, "否"]]);
    expect(at(fs, "C2", "section-max")).toEqual([expect.objectContaining({ causedBy: null })]);
    expect(at(fs, "D2", "section-max")).toEqual([expect.objectContaining({ causedBy: "B2" })]);
  });

  test("百分制 computed for the listed category follows from 类别; a wrong one of its own does not", () => {
    const low = nearMax("C", 2); // within C's maxima, so the row is recomputed as C
    const asB = run(petition, [PH, prow("市教育局", "C", low, 1, "B")]);
    expect(at(asB, "J2", "percent")).toEqual([expect.objectContaining({ causedBy: "B2" })]);
    const wrong = run(petition, [PH, prow("市教育局", "C", low, 1, "B", { pct: 12.5 })]);
    expect(at(wrong, "J2", "percent")).toEqual([expect.objectContaining({ causedBy: null })]);
  });

  test("百分制 computed from a wrong 合计 follows from the 合计 (total and annual-average)", () => {
    const s = nearMax("C", 2);
    const total = rawTotal("C", secs(s)) + 1;
    const pct = Math.round(((total * 100) / fullMark("C", "stated")) * 100) / 100;
    const fs = run(petition, [PH, prow("市卫生局", "C", s, 1, "C", { total, pct })]);
    expect(shown(fs)).toEqual(["I2 total/wrongTotal", "J2 percent/wrongPercent ← I2"]);
    const alone = run(petition, [PH, prow("市卫生局", "C", s, 1, "C", { total, pct: pct + 3 })]);
    expect(shown(alone)).toEqual(["I2 total/wrongTotal", "J2 percent/wrongPercent"]);

    // two annual columns added instead of averaged, and 百分制 from that sum
    const H2 = [PH.slice(0, 5).concat(["集体上访和疑难个访", "", "信访立案件办理", "", ...PH.slice(7)]),
      ["", "", "", "", "", "第一年", "第二年", "第一年", "第二年", "", "", "", "", ""]];
    const two = [15, 13, 6, 18, 18, 14, 14, 7];
    const added = 15 + 13 + 6 + 36 + 28 + 7;
    const addedPct = Math.round(((added * 100) / fullMark("C", "stated")) * 100) / 100;
    const fs2 = run(petition, [...H2, ["市卫生局", "C", ...two, added, addedPct, 1, "否"]]);
    expect(shown(fs2).filter((x) => !x.includes("c-over-stated"))).toEqual(["K3 annual-average/yearsAdded", "L3 percent/wrongPercent ← K3"]);
  });

  test("the rank of a misfiled unit follows from its 类别 whatever rank it was given", () => {
    const fs = run(petition, [PH,
      prow("市卫生局", "C", nearMax("C", 1), 1),
      prow("市公安局", "C", nearMax("C", 2), 7), // listed in B; no rank in C or B would be 7
    ]);
    expect(at(fs, "K3", "rank")).toEqual([expect.objectContaining({ causedBy: "B3" })]);
  });

  test("C-over-stated on a unit listed elsewhere follows from 类别; on a C unit it stands", () => {
    const full = KEYS.map((k) => sectionMax("C", k)) as Six; // 82 > the stated 80
    expect(rawTotal("C", secs(full))).toBeGreaterThan(fullMark("C", "stated"));
    const b = run(petition, [PH, prow("市教育局", "C", full, 1)]);
    expect(at(b, "I2", "c-over-stated")).toEqual([expect.objectContaining({ causedBy: "B2" })]);
    const c = run(petition, [PH, prow("市卫生局", "C", full, 1)]);
    expect(at(c, "I2", "c-over-stated")).toEqual([expect.objectContaining({ causedBy: null })]);
  });

  test("ranks given on the sheet's own wrong 百分制 follow from it; a rank wrong on its own stands", () => {
    const hi = nearMax("C", 1);
    const lo = nearMax("C", 2);
    const loPct = Math.round(petitionScore("C", secs(lo)) * 100) / 100;
    // 市卫生局's 百分制 typed above 市民政局's: the clerk ranked them on it
    const fs = run(petition, [PH,
      prow("市民政局", "C", hi, 2),
      prow("市卫生局", "C", lo, 1, "C", { pct: loPct + 20 }),
    ]);
    expectWellFounded(petition, fs);
    expect(at(fs, "J3", "percent")).toEqual([expect.objectContaining({ causedBy: null })]);
    expect(at(fs, "K3", "rank")).toEqual([expect.objectContaining({ causedBy: "J3" })]);
    expect(at(fs, "K2", "rank")).toEqual([expect.objectContaining({ causedBy: "J3" })]);
    // the same ranks with right scores: wrong on their own
    const alone = run(petition, [PH, prow("市民政局", "C", hi, 2), prow("市卫生局", "C", lo, 1)]);
    for (const f of alone.filter((x) => x.check === "rank")) expect(f.causedBy).toBeNull();
    expect(alone.filter((x) => x.check === "rank")).toHaveLength(2);
  });

  test("major incident: the flag's finding is folded under the score's (one contradiction, counted once)", () => {
    const fs = run(petition, [PH, prow("市卫生局", "C", nearMax("C", 1), 1, "C", { major: "是" })]);
    expect(shown(fs).filter((x) => x.includes("major"))).toEqual(["F2 major-incident/notZero", "L2 major-incident/flagged ← F2"]);
    expect(foldConsequences(fs).find((x) => x.root.cell === "F2")!.consequences.map((f) => f.cell)).toEqual(["L2"]);
  });
});

// ── grid ────────────────────────────────────────────────────────────────────────────────────
describe("grid", () => {
  const GH = ["区", "街道", "社区", "户数", "网格数", "专职工作者数", "星级", "年度补助", "市级承担", "区级承担"];
  const five = subsidy(5, gridRuleset).annual;
  const four = subsidy(4, gridRuleset).annual;
  test("shares that split a wrong 年度补助 right follow from it; shares wrong on their own stand", () => {
    const s = splitShare(four, gridRuleset.subsidyShare);
    const fs = run(grid, [GH, ["道里区", "新阳路街道", "共乐社区", 1800, 6, 2, "五星级", four, s.city, s.district]]);
    expectWellFounded(grid, fs);
    expect(shown(fs)).toEqual(["H2 subsidy-amount/starred", "I2 subsidy-share/city ← H2", "J2 subsidy-share/district ← H2"]);
    expect(countRoots(fs)).toEqual({ errors: 1, warnings: 0, infos: 0, consequences: 2 });
    const right = splitShare(five, gridRuleset.subsidyShare);
    const alone = run(grid, [GH, ["道里区", "新阳路街道", "共乐社区", 1800, 6, 2, "五星级", four, right.city + 1, right.district - 1]]);
    expect(shown(alone)).toEqual(["H2 subsidy-amount/starred", "I2 subsidy-share/city", "J2 subsidy-share/district"]);
  });
});

// ── trip ────────────────────────────────────────────────────────────────────────────────────
describe("trip", () => {
  const TH = ["团组名称", "团长", "团组类型", "人数", "出访国家(地区)", "出发日期", "返回日期", "在外天数", "本年度出访次数", "报批日期", "办证日期", "出访报告日期", "证件交还日期", "说明"];
  const t = (name: string, leader: string, dep: string, ret: string, days: number, times: number): CellValue[] =>
    [name, leader, "考察", 6, "日本", dep, ret, days, times, null, null, null, null, null];
  test("one 团长 twice in a year: one violation, the later trip and the row's own count folded under the first", () => {
    const fs = run(trip, [TH, t("经贸团", "陈志明", "2024-03-01", "2024-03-06", 6, 1), t("文化团", "陈志明", "2024-09-01", "2024-09-06", 6, 2), t("农业团", "李华", "2024-05-01", "2024-05-06", 6, 1)]);
    expectWellFounded(trip, fs);
    expect(shown(fs)).toEqual(["B2 leader-once-a-year/tooMany", "B3 leader-once-a-year/tooMany ← B2", "I3 trips-per-year/finding ← B2"]);
    expect(countRoots(fs).warnings).toBe(1);
  });
  test("a count over the limit with no second trip on the sheet stands on its own", () => {
    const fs = run(trip, [TH, t("经贸团", "陈志明", "2024-03-01", "2024-03-06", 6, 2)]);
    expect(shown(fs)).toEqual(["I2 trips-per-year/finding"]);
  });
});

// ── eval-county ─────────────────────────────────────────────────────────────────────────────
describe("eval-county", () => {
  const EH = ["单位", "指标考核得分", "公众评议得分", "内部评估得分", "加分", "减分", "一票否决", "公众满意度", "目标任务完成", "班子成员受处分", "综合得分", "等次"];
  const comp = (ind: number, pub: number, internal: number, bonus = 0, deduction = 0) =>
    composite({ indicator: ind, publicAppraisal: pub, internal, bonus, deduction }) as number;
  const u = (unit: string, ind: number, pub: number, internal: number, c: number, grade: string, o: { bonus?: number; deduction?: number; sat?: string } = {}): CellValue[] =>
    [unit, ind, pub, internal, o.bonus ?? 0, o.deduction ?? 0, "否", o.sat ?? "80%", "是", "否", c, grade];

  test("a composite with the bonus over its cap added follows from 加分; a composite wrong otherwise stands", () => {
    const right = comp(900, 900, 900, 60);
    const uncapped = right + (60 - (right - comp(900, 900, 900, 0)));
    const fs = run(evalCounty, [EH, u("娄星区", 900, 900, 900, uncapped, GRADES.qualified, { bonus: 60 })]);
    expectWellFounded(evalCounty, fs);
    expect(at(fs, "K2", "composite")).toEqual([expect.objectContaining({ causedBy: "E2" })]);
    const alone = run(evalCounty, [EH, u("娄星区", 900, 900, 900, uncapped + 7, GRADES.qualified, { bonus: 60 })]);
    expect(at(alone, "K2", "composite")).toEqual([expect.objectContaining({ causedBy: null })]);
    const ded = comp(900, 900, 900, 0, 55);
    const fsD = run(evalCounty, [EH, u("冷水江市", 900, 900, 900, ded - 5, GRADES.qualified, { deduction: 55 })]);
    expect(at(fsD, "K2", "composite")).toEqual([expect.objectContaining({ causedBy: "F2" })]);
  });

  test("a grade right for the sheet's wrong composite follows from it; a wrong grade for a right composite stands", () => {
    // recomputed below the pass mark; typed above it, graded 合格 on it
    const c = comp(580, 580, 580);
    expect(c).toBeLessThan(600);
    expect(c + 40).toBeGreaterThanOrEqual(600);
    const fs = run(evalCounty, [EH, u("城南片区", 580, 580, 580, c + 40, GRADES.qualified)]);
    expectWellFounded(evalCounty, fs);
    expect(shown(fs)).toEqual(["K2 composite/wrongComposite", "L2 grade-pass/belowPass ← K2"]);
    const alone = run(evalCounty, [EH, u("城南片区", 580, 580, 580, c, GRADES.qualified)]);
    expect(shown(alone)).toEqual(["L2 grade-pass/belowPass"]);
    // 不合格 typed for a score the sheet put below the line, recomputed above it
    expect(comp(700, 700, 700)).toBeGreaterThanOrEqual(600);
    const fs2 = run(evalCounty, [EH, u("新化县", 700, 700, 700, 500, GRADES.unqualified)]);
    expect(at(fs2, "L2", "grade-pass")).toEqual([expect.objectContaining({ messageId: "needsDecision", causedBy: "K2" })]);
  });

  test("先进 over the quota follow from 先进 units without the conditions; 先进 skipped on a wrong score follow from it", () => {
    // ten units: 3 places; four 先进, one of them below 60% satisfaction
    const rows: CellValue[][] = [EH];
    const names = ["娄星区", "冷水江市", "涟源市", "双峰县", "新化县", "娄底经开区", "万宝新区", "城南片区", "城北片区", "东部片区"];
    names.forEach((n, i) => {
      const ind = 950 - i * 20;
      const c = comp(ind, 900, 900);
      rows.push(u(n, ind, 900, 900, c, i < 4 ? GRADES.advanced : GRADES.qualified, i === 3 ? { sat: "55%" } : {}));
    });
    const fs = run(evalCounty, rows);
    expectWellFounded(evalCounty, fs);
    expect(at(fs, "L5", "advanced-eligible")).toEqual([expect.objectContaining({ causedBy: null })]);
    expect(at(fs, "L5", "advanced-quota")).toEqual([expect.objectContaining({ causedBy: "L5" })]);
    expect(countRoots(fs).errors).toBe(1);

    // a unit not made 先进 only because its score on the sheet is lower than recomputed
    const rows2: CellValue[][] = [EH];
    names.forEach((n, i) => {
      const ind = 950 - i * 20;
      const c = comp(ind, 900, 900);
      const typed = i === 4 ? c - 200 : c;
      rows2.push(u(n, ind, 900, 900, typed, i < 2 ? GRADES.advanced : i === 2 ? GRADES.advanced : GRADES.qualified));
    });
    // unit 5 (新化县, recomputed above 涟源市? no: below) — make 涟源市 the lowest 先进 and 新化县 above it
    rows2[3][1] = 600; rows2[3][10] = comp(600, 900, 900);
    const fs2 = run(evalCounty, rows2);
    expectWellFounded(evalCounty, fs2);
    const skipped = fs2.filter((f) => f.check === "advanced-skipped");
    expect(skipped.length).toBeGreaterThan(0);
    const own = at(fs2, "L6", "advanced-skipped");
    expect(own).toEqual([expect.objectContaining({ causedBy: "K6" })]);
    for (const f of skipped.filter((x) => x.cell !== "L6")) expect(f.causedBy).toBeNull();
  });
});

// ── eval-dept ───────────────────────────────────────────────────────────────────────────────
describe("eval-dept", () => {
  test("先进 over the quota follow from a 先进 department that should be 不合格", () => {
    const DH = ["部门", "为民办实事完成", "一票否决", "指标一", "指标二", "等次"];
    const rows: CellValue[][] = [DH];
    for (let i = 0; i < 8; i++) rows.push([`部门${i + 1}`, i === 2 ? "否" : "是", "否", 90 - i, 85, i < 3 ? GRADES.advanced : GRADES.qualified]);
    const fs = run(evalDept, rows);
    expectWellFounded(evalDept, fs);
    expect(at(fs, "F4", "grade")).toEqual([expect.objectContaining({ messageId: "shouldFail", causedBy: null })]);
    expect(at(fs, "F4", "advanced-quota")).toEqual([expect.objectContaining({ causedBy: "F4" })]);
  });
});

// ── the engine ──────────────────────────────────────────────────────────────────────────────
describe("engine: causedBy resolved against the findings", () => {
  const base = (checks: TestCheck[]): TemplateDef => testTemplate({
    id: "petition", title: "测试表", document: "测试文件",
    columns: [{ key: "a", name: "甲", required: true, cell: { type: "number" } }, { key: "b", name: "乙", required: true, cell: { type: "number" } }, { key: "c", name: "丙", cell: { type: "number" } }],
    checks,
  });
  const check = (id: string, over: Partial<TestCheck>): TestCheck => ({ id, rule: "T-A", clause: "测试文件 一", severity: "error", description: id, ...over });
  const rows = [["甲", "乙", "丙"], [1, 2, 3], [5, 2, 3]];
  const go = (t: TemplateDef) => runValidation({ sheets: [{ name: "表", rows }] }, { templates: [t], template: t.id }).findings;
  const say = { messageId: "say", data: { text: "说明" } } as const;

  test("a consequence names its root; chains resolve to the first root; a root missing leaves a root", () => {
    const t = base([
      check("root", { row(row, ctx) { if (row.value("a") === 5) ctx.report({ row, key: "a", ...say }); } }),
      check("cons", { followsFrom: ["root"], row(row, ctx) { ctx.report({ row, key: "b", ...say, causedBy: { row, key: "a" } }); } }),
      check("cons2", { followsFrom: ["cons"], row(row, ctx) { ctx.report({ row, key: "c", ...say, causedBy: { row, key: "b" } }); } }),
    ]);
    const fs = go(t);
    // row 2: no root at A2, so B2 stands, and C2 follows from B2; row 3: A3 ← B3 ← C3 resolves to A3
    expect(shown(fs)).toEqual(["B2 cons/say", "C2 cons2/say ← B2", "A3 root/say", "B3 cons/say ← A3", "C3 cons2/say ← A3"]);
    expect(countRoots(fs)).toEqual({ errors: 2, warnings: 0, infos: 0, consequences: 3 });
    expect(foldConsequences(fs).map((x) => [x.root.cell, x.consequences.map((c) => c.cell)])).toEqual([["B2", ["C2"]], ["A3", ["B3", "C3"]]]);
  });

  test("a root of a check not in followsFrom is not taken; a circle leaves one root", () => {
    const t = base([
      check("root", { row(row, ctx) { ctx.report({ row, key: "a", ...say }); } }),
      check("cons", { followsFrom: ["cons2"], row(row, ctx) { ctx.report({ row, key: "b", ...say, causedBy: { row, key: "a" } }); } }),
      check("cons2", { followsFrom: ["cons"], row(row, ctx) { ctx.report({ row, key: "c", ...say, causedBy: { row, key: "b" } }); } }),
    ]);
    const fs = go(t).filter((f) => f.row === 2);
    expect(shown(fs)).toEqual(["A2 root/say", "B2 cons/say", "C2 cons2/say ← B2"]);
    const circle = base([
      check("cons", { followsFrom: ["cons2"], row(row, ctx) { ctx.report({ row, key: "b", ...say, causedBy: { row, key: "c" } }); } }),
      check("cons2", { followsFrom: ["cons"], row(row, ctx) { ctx.report({ row, key: "c", ...say, causedBy: { row, key: "b" } }); } }),
    ]);
    const c = go(circle).filter((f) => f.row === 2);
    expect(c.filter(isRoot)).toHaveLength(1);
    expect(c.filter((f) => !isRoot(f))).toHaveLength(1);
  });

  test("a causedBy from a check that declares no followsFrom is the check's bug, reported as its failure", () => {
    const t = base([check("loose", { row(row, ctx) { ctx.report({ row, key: "b", ...say, causedBy: { row, key: "a" } }); } })]);
    const fs = go(t);
    expect(fs.every((f) => f.messageId === "checkFailed" && isRoot(f))).toBe(true);
  });

  test("foldConsequences keeps a consequence whose root was filtered away, in place", () => {
    const t = base([
      check("root", { row(row, ctx) { ctx.report({ row, key: "a", ...say }); } }),
      check("cons", { followsFrom: ["root"], row(row, ctx) { ctx.report({ row, key: "b", ...say, causedBy: { row, key: "a" } }); } }),
    ]);
    const fs = go(t);
    const kept = fs.filter((f) => f.cell !== "A2");
    expect(foldConsequences(kept).map((x) => x.root.cell)).toEqual(["B2", "A3"]);
    expect(foldConsequences(kept)[1].consequences.map((f) => f.cell)).toEqual(["B3"]);
  });
});

describe("every registered check's followsFrom names checks of its own template", () => {
  test.each(templates.map((t) => [t.id, t] as const))("%s", (_id, t) => {
    const ids = new Set(t.checks.map((c) => c.id));
    for (const c of t.checks) for (const id of c.followsFrom ?? []) expect(ids.has(id)).toBe(true);
  });
});

describe("the acceptance workbooks and samples count no error twice", () => {
  const dirs = ["test/fixtures/acceptance", "assets/templates", "assets/templates/examples"];
  const files = dirs.flatMap((d) => readdirSync(d).filter((f) => f.endsWith(".xlsx")).map((f) => join(d, f)));
  test.each(files)("%s: every consequence names a root of a check it declares", async (file) => {
    const r = validateWorkbook(await readWorkbookFile(file));
    for (const t of templates) expectWellFounded(t, r.findings.filter((f) => f.template === t.id));
  });
});
