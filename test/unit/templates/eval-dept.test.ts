/**
 * eval-dept template (娄办发〔2009〕19号): the sample sheets, and one failing case per check with
 * its rule id and cell. Indicator columns are whatever numeric columns the template does not name.
 */
import type { CellValue } from "../../../src/core/input/coerce";
import { deptGrade } from "../../../src/core/rules/eval";
import { FindingSchema, validateWorkbook } from "../../../src/core/validate";
import { template } from "../../../src/core/validate/templates/eval-dept";
import { sample } from "../../../scripts/samples/eval-dept";
import { describeCheckMetadata, describeSamples } from "../../support/sample-suite";

const H = ["部门", "重点工作", "民生建设", "经济发展", "为民办实事完成", "一票否决", "等次", "备注"];

/** A row graded by the core (合格/不合格); `grade` overrides. */
function row(dept: string, scores: (number | null)[], done = true, veto = false, grade?: string): CellValue[] {
  const g = grade ?? (deptGrade(scores.filter((s): s is number => s !== null), done, veto) as string);
  return [dept, ...scores, done ? "是" : "否", veto ? "是" : "否", g, null];
}

function run(rows: CellValue[][]) {
  const r = validateWorkbook({ sheets: [{ name: "部门评估表", rows: [H, ...rows] }] }, { template: "eval-dept" });
  for (const f of r.findings) expect(FindingSchema.safeParse(f).success).toBe(true);
  return r;
}
const depts = (n: number, advanced: number) =>
  Array.from({ length: n }, (_, i) => row(`部门${i + 1}`, [90 - i, 80, null], true, false, i < advanced ? "先进" : undefined));

describeCheckMetadata(template, /^EVAL-\d+$/);
describeSamples(sample, { rows: 10, headerRow: 4 });
describe("one failing case per check", () => {
  test("a correct sheet has no findings (blank indicator = not borne)", () => {
    expect(run(depts(10, 3)).findings).toEqual([]);
  });
  test("indicator-range: 105 (EVAL-9)", () => {
    const r = run([row("市财政局", [90, 105, 80], true, false, "合格")]);
    expect(r.findings).toEqual([expect.objectContaining({ rule: "EVAL-9", check: "indicator-range", messageId: "outOfRange", cell: "C2", expected: 100, actual: 105 })]);
  });
  test.each([
    ["an indicator 59.9", [80, 59.9, 90], true, false],
    ["为民办实事 not done", [80, 90, 90], false, false],
    ["a veto", [80, 90, 90], true, true],
  ] as const)("grade: %s graded 合格 → 不合格 expected (EVAL-10)", (_what, scores, done, veto) => {
    const r = run([row("市财政局", [...scores], done, veto, "合格")]);
    expect(r.findings).toEqual([expect.objectContaining({ rule: "EVAL-10", check: "grade", messageId: "shouldFail", cell: "G2", expected: "不合格", actual: "合格" })]);
  });
  test("grade: exactly 60 qualifies; 不合格 for a qualified department is an error", () => {
    expect(run([row("市财政局", [60, 60, 60])]).findings).toEqual([]);
    const r = run([row("市财政局", [60, 70, 80], true, false, "不合格")]);
    expect(r.findings).toEqual([expect.objectContaining({ rule: "EVAL-10", check: "grade", messageId: "shouldPass", cell: "G2", expected: "合格" })]);
  });
  test("advanced-quota: 4 先进 among 10 (quota 3) (EVAL-11); 7 departments → 2", () => {
    expect(run(depts(10, 4)).findings).toEqual([expect.objectContaining({ rule: "EVAL-11", check: "advanced-quota", messageId: "overQuota", cell: "G5", expected: 3, actual: 4 })]);
    expect(run(depts(7, 3)).findings).toEqual([expect.objectContaining({ rule: "EVAL-11", check: "advanced-quota", messageId: "overQuota", cell: "G4", expected: 2, actual: 3 })]);
    expect(run(depts(7, 2)).findings).toEqual([]);
  });
  test("a bad yes/no is one INPUT finding; a blank 为民办实事 is required", () => {
    const bad = row("市财政局", [80, 80, 80]);
    bad[4] = "也许";
    const blank = row("市教育局", [80, 80, 80]);
    blank[4] = null;
    const r = run([bad, blank]);
    expect(r.findings).toEqual([
      expect.objectContaining({ rule: "INPUT", check: "input", messageId: "notYesNo", cell: "E2" }),
      expect.objectContaining({ rule: "INPUT", check: "input", messageId: "required", cell: "E3" }),
    ]);
  });
});
