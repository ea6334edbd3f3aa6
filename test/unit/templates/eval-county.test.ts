/**
 * eval-county template (娄办发〔2009〕19号): the sample sheets, and one failing case per check with
 * its rule id and cell. Composites and grades of the correct rows come from the eval core.
 */
import type { CellValue } from "../../../src/core/input/coerce";
import { composite, grades } from "../../../src/core/rules/eval";
import { FindingSchema, validateWorkbook } from "../../../src/core/validate";
import { template } from "../../../src/core/validate/templates/eval-county";
import { sample } from "../../../scripts/samples/eval-county";
import { describeCheckMetadata, describeSamples } from "../../support/sample-suite";

const H = [
  "单位", "指标考核得分", "公众评议得分", "内部评估得分", "加分", "减分", "一票否决", "公众满意度", "目标任务完成",
  "班子成员受处分", "综合得分", "等次",
];
interface Unit {
  unit: string;
  ind: number;
  pub: number;
  internal: number;
  bonus?: number;
  deduction?: number;
  veto?: boolean;
  sat?: CellValue;
  targets?: boolean;
  sanctioned?: boolean;
}
const yn = (b?: boolean) => (b ? "是" : "否");
const satFraction = (v: CellValue) => (typeof v === "number" ? (v > 1 ? v / 100 : v) : Number(String(v).replace("%", "")) / 100);

/** Rows with composite and grade computed by the core; `over` replaces cells by column index. */
function sheetRows(units: Unit[], over: Record<number, Record<number, CellValue>> = {}): CellValue[][] {
  const comps = units.map((u) => composite({ indicator: u.ind, publicAppraisal: u.pub, internal: u.internal, bonus: u.bonus, deduction: u.deduction }) as number);
  const g = grades(units.map((u, i) => ({
    composite: comps[i], veto: u.veto, satisfaction: u.sat === undefined ? undefined : satFraction(u.sat),
    targetsMet: u.targets ?? true, sanctioned: u.sanctioned,
  })));
  return units.map((u, i) => {
    const r: CellValue[] = [u.unit, u.ind, u.pub, u.internal, u.bonus ?? 0, u.deduction ?? 0, yn(u.veto), u.sat ?? "80%", yn(u.targets ?? true), yn(u.sanctioned), comps[i], (g as string[])[i]];
    for (const [c, v] of Object.entries(over[i] ?? {})) r[Number(c)] = v;
    return r;
  });
}

function run(rows: CellValue[][], header: CellValue[][] = [H]) {
  const r = validateWorkbook({ sheets: [{ name: "综合得分表", rows: [...header, ...rows] }] }, { template: "eval-county" });
  for (const f of r.findings) expect(FindingSchema.safeParse(f).success).toBe(true);
  return r.findings;
}
const at = (f: ReturnType<typeof run>, cell: string) => f.filter((x) => x.cell === cell);

/** n units with distinct composites, all eligible. */
const many = (n: number): Unit[] => Array.from({ length: n }, (_, i) => ({ unit: `县${i + 1}`, ind: 900 - i * 20, pub: 800, internal: 800 }));

describeCheckMetadata(template, /^EVAL-\d+$/);
describeSamples(sample, { rows: 6, headerRow: 4 });
describe("one failing case per check", () => {
  test("a correct sheet of 10 units (3 先进) has no findings", () => {
    const rows = sheetRows(many(10));
    expect(rows.filter((r) => r[11] === "先进")).toHaveLength(3);
    expect(run(rows)).toEqual([]);
  });
  test("component-range: indicator above 1000, a negative appraisal (EVAL-1)", () => {
    const f = run(sheetRows(many(3), { 0: { 1: 1020 }, 1: { 2: -5 } }));
    expect(at(f, "B2")).toEqual([expect.objectContaining({ rule: "EVAL-1", check: "component-range", messageId: "outOfRange", expected: 1000, actual: 1020 })]);
    expect(at(f, "C3")).toEqual([expect.objectContaining({ rule: "EVAL-1", check: "component-range", messageId: "outOfRange" })]);
  });
  test("bonus-cap: 加分 60 (EVAL-4)", () => {
    const f = run(sheetRows([{ unit: "县", ind: 700, pub: 700, internal: 700, bonus: 50 }], { 0: { 4: 60 } }));
    expect(f).toEqual([expect.objectContaining({ rule: "EVAL-4", check: "bonus-cap", messageId: "aboveCap", cell: "E2", expected: 50, actual: 60 })]);
  });
  test("deduction-cap: 减分 −55 (EVAL-5); −20 and 20 both fine", () => {
    const f = run(sheetRows([{ unit: "县", ind: 700, pub: 700, internal: 700, deduction: 50 }], { 0: { 5: -55 } }));
    expect(f).toEqual([expect.objectContaining({ rule: "EVAL-5", check: "deduction-cap", messageId: "aboveCap", cell: "F2", actual: -55 })]);
    expect(run(sheetRows([{ unit: "县", ind: 700, pub: 700, internal: 700, deduction: 20 }], { 0: { 5: -20 } }))).toEqual([]);
  });
  test("internal: 内部评估得分 ≠ 领导 50% + 同级 50% (EVAL-3); a sheet with only 领导评价/同级评价 is recognised", () => {
    const header = [["单位", "指标考核得分", "公众评议得分", "内部评估", null, "内部评估得分", "综合得分"], [null, null, null, "领导评价", "同级评价", null, null]];
    const c = composite({ indicator: 800, publicAppraisal: 700, internal: 750 }) as number;
    expect(run([["县", 800, 700, 800, 700, 750, c]], header)).toEqual([]);
    const f = run([["县", 800, 700, 800, 700, 760, c]], header);
    expect(at(f, "F3")).toEqual([expect.objectContaining({ rule: "EVAL-3", check: "internal", messageId: "wrongInternal", expected: 750, actual: 760 })]);
    const only = [["单位", "指标考核得分", "公众评议得分", "领导评价", "同级评价", "综合得分"]];
    expect(run([["县", 800, 700, 800, 700, c]], only)).toEqual([]);
    expect(run([["县", 800, 700, 800, 700, c + 1]], only)).toEqual([expect.objectContaining({ rule: "EVAL-2", check: "composite", messageId: "wrongComposite", cell: "F2" })]);
  });
  test("composite: typed wrong (EVAL-2); 2-decimal rounding accepted", () => {
    const rows = sheetRows([{ unit: "县", ind: 777.7, pub: 700, internal: 700 }]);
    expect(run(rows)).toEqual([]);
    const f = run(sheetRows([{ unit: "县", ind: 777.7, pub: 700, internal: 700 }], { 0: { 10: 700 } }));
    expect(f).toEqual([expect.objectContaining({ rule: "EVAL-2", check: "composite", messageId: "wrongComposite", cell: "K2", expected: 746.62, actual: 700 })]);
  });
  test("grade-pass: 599.99 or vetoed must be 不合格; exactly 600 qualifies (EVAL-6)", () => {
    const units: Unit[] = [
      { unit: "甲", ind: 600, pub: 600, internal: 600, deduction: 0.01 },
      { unit: "乙", ind: 800, pub: 800, internal: 800, veto: true },
      { unit: "丙", ind: 600, pub: 600, internal: 600 },
    ];
    const f = run(sheetRows(units, { 0: { 11: "合格" }, 1: { 11: "合格" } }));
    expect(at(f, "L2")).toEqual([expect.objectContaining({ rule: "EVAL-6", check: "grade-pass", messageId: "belowPass", expected: "不合格", actual: "合格" })]);
    expect(at(f, "L3")).toEqual([expect.objectContaining({ rule: "EVAL-6", check: "grade-pass", messageId: "vetoed", expected: "不合格" })]);
    expect(at(f, "L4")).toEqual([]);
  });
  test("grade-pass: 不合格 at 600+ without veto needs the standing committee's finding (warning)", () => {
    const f = run(sheetRows([{ unit: "甲", ind: 700, pub: 700, internal: 700 }], { 0: { 11: "不合格" } }));
    expect(f).toEqual([expect.objectContaining({ rule: "EVAL-6", check: "grade-pass", messageId: "needsDecision", cell: "L2", severity: "warning" })]);
  });
  test("advanced-eligible: 先进 with satisfaction 59%, targets missed or a sanction (EVAL-7)", () => {
    const units = many(10);
    units[0].sat = "59%";
    units[1].sat = 59;
    units[2].sanctioned = true;
    const rows = sheetRows(units, { 0: { 11: "先进" }, 1: { 11: "先进" }, 2: { 11: "先进" } });
    const f = run(rows);
    for (const cell of ["L2", "L3", "L4"]) {
      expect(at(f, cell)).toContainEqual(expect.objectContaining({ rule: "EVAL-7", check: "advanced-eligible", messageId: "notEligible", severity: "error" }));
    }
  });
  test("satisfaction as 0.6, 60 and \"60%\" is enough", () => {
    const units = many(10);
    units[0].sat = 0.6;
    units[1].sat = 60;
    units[2].sat = "60%";
    expect(run(sheetRows(units))).toEqual([]);
  });
  test("advanced-quota: 4 先进 among 10 units (quota 3) → on the lowest-scoring 先进", () => {
    const f = run(sheetRows(many(10), { 3: { 11: "先进" } }));
    expect(at(f, "L5")).toContainEqual(expect.objectContaining({ rule: "EVAL-7", check: "advanced-quota", messageId: "overQuota", expected: 3, actual: 4 }));
    expect(f.filter((x) => x.check === "advanced-quota")).toHaveLength(1);
  });
  test("advanced-quota: 7 units → 2 places", () => {
    const f = run(sheetRows(many(7), { 2: { 11: "先进" } }));
    expect(at(f, "L4")).toContainEqual(expect.objectContaining({ rule: "EVAL-7", check: "advanced-quota", messageId: "overQuota", expected: 2, actual: 3 }));
  });
  test("advanced-skipped: an eligible unit above a 先进 unit but not 先进 (warning)", () => {
    const f = run(sheetRows(many(10), { 0: { 11: "合格" }, 3: { 11: "先进" } }));
    expect(at(f, "L2")).toEqual([expect.objectContaining({ rule: "EVAL-7", check: "advanced-skipped", messageId: "skipped", severity: "warning" })]);
  });
  test("advanced-tie: a tie across the last place is a warning on each tied unit", () => {
    const units = many(10);
    units[3].ind = units[2].ind; // 3rd and 4th tie
    const rows = sheetRows(units);
    expect(rows[2][11]).toBe("并列待定");
    const f = run(rows);
    expect(f.filter((x) => x.severity === "warning")).toEqual([
      expect.objectContaining({ rule: "EVAL-7", check: "advanced-tie", messageId: "tie", cell: "L4" }),
      expect.objectContaining({ rule: "EVAL-7", check: "advanced-tie", messageId: "tie", cell: "L5" }),
    ]);
    expect(f.filter((x) => x.severity === "error")).toEqual([]);
  });
  test("a bad cell is one INPUT finding", () => {
    const f = run(sheetRows(many(1), { 0: { 6: "也许" } }));
    expect(at(f, "G2")).toEqual([expect.objectContaining({ rule: "INPUT", check: "input", messageId: "notYesNo" })]);
  });
});
