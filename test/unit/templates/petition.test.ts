/**
 * petition template (深办〔2003〕36号): the sample sheets, and one failing case per check with its
 * rule id and cell. Expected values come from the petition core, never typed by hand.
 */
import type { CellValue } from "../../../src/core/input/coerce";
import { type Category, petitionScore, rawTotal } from "../../../src/core/rules/petition";
import { FindingSchema, validateWorkbook } from "../../../src/core/validate";
import { template } from "../../../src/core/validate/templates/petition";
import { sample } from "../../../scripts/samples/petition";
import { describeCheckMetadata, describeSamples } from "../../support/sample-suite";

const H = [
  "单位", "类别", "信访领导工作", "信访基层基础工作", "信访信息调研宣传", "集体上访和疑难个访", "信访立案件办理",
  "改革与创新", "合计", "百分制得分", "类内排名", "重大恶性事件",
];
type Six = [number, number, number, number, number, number];

/** A correct row: total and 百分制 computed with the core (rank given by the case). */
function row(unit: string, cat: Category, s: Six, rank: number, over: Partial<Record<"total" | "pct" | "major" | "cat", CellValue>> = {}): CellValue[] {
  const sections = { leadership: s[0], grassroots: s[1], information: s[2], collective: s[3], cases: s[4], innovation: s[5] };
  const total = rawTotal(cat, sections);
  const pct = Math.round(petitionScore(cat, sections) * 100) / 100;
  return [unit, over.cat ?? cat, ...s, over.total ?? total, over.pct ?? pct, rank, over.major ?? "否"];
}

function run(rows: CellValue[][], header: CellValue[][] = [H]) {
  const r = validateWorkbook({ sheets: [{ name: "评分表", rows: [...header, ...rows] }] }, { template: "petition" });
  for (const f of r.findings) expect(FindingSchema.safeParse(f).success).toBe(true);
  return r.findings;
}
const at = (findings: ReturnType<typeof run>, cell: string) => findings.filter((f) => f.cell === cell);

const A_OK: Six = [18, 17, 13, 17, 14, 8];
const B_OK: Six = [15, 16, 12, 19, 14, 4];
const C_OK: Six = [15, 13, 6, 19, 14, 7];

describeCheckMetadata(template, /^PET-\d$/);
describeSamples(sample, { rows: 9, headerRow: 4 });
describe("one failing case per check", () => {
  test("a clean small sheet has no findings", () => {
    expect(run([row("福田区", "A", A_OK, 1), row("市教育局", "B", B_OK, 1), row("市卫生局", "C", C_OK, 1)])).toEqual([]);
  });
  test("category: D is not a category (PET-6)", () => {
    const f = run([row("市卫生局", "C", C_OK, 1, { cat: "D" })]);
    expect(at(f, "B2")).toEqual([expect.objectContaining({ rule: "PET-6", check: "category", messageId: "notCategory", severity: "error" })]);
  });
  test("unit-category: a listed unit under another category is an error; an unlisted one info", () => {
    const f = run([row("市公安局", "C", C_OK, 1), row("市档案局", "C", C_OK, 1)]);
    expect(at(f, "B2")).toEqual([expect.objectContaining({ rule: "PET-6", check: "unit-category", messageId: "otherCategory", severity: "error", expected: "B", actual: "C" })]);
    expect(at(f, "A3")).toEqual([expect.objectContaining({ rule: "PET-6", check: "unit-category", messageId: "unlisted", severity: "info" })]);
  });
  test("section-max: C 信访领导工作 17 > 16, and a C score in items C is not assessed for (三 > 7)", () => {
    const f = run([
      ["市卫生局", "C", 17, 13, 6, 19, 14, 7, 76, 95, 1, "否"],
      ["市民政局", "C", 15, 13, 9, 19, 14, 7, 77, 96.25, 2, "否"],
    ]);
    expect(at(f, "C2")).toEqual([expect.objectContaining({ rule: "PET-7", check: "section-max", messageId: "aboveMax", expected: 16, actual: 17 })]);
    expect(at(f, "E3")).toEqual([expect.objectContaining({ rule: "PET-7", check: "section-max", messageId: "aboveMax", expected: 7, actual: 9 })]);
  });
  test.each([
    ["B", 2, 19, 18], ["B", 3, 15, 14], ["A", 4, 21, 20], ["A", 5, 16, 15], ["C", 6, 11, 10], ["C", 2, 15, 14],
  ] as const)("section-max: %s section %p = %p → expected %p", (cat, section, v, max) => {
    const s: Six = cat === "A" ? [...A_OK] : cat === "B" ? [...B_OK] : [...C_OK];
    s[section - 1] = v;
    const f = run([[`单位${section}`, cat, ...s, null, null, null, "否"]]);
    expect(f).toContainEqual(expect.objectContaining({ rule: "PET-7", check: "section-max", cell: `${"CDEFGH"[section - 1]}2`, expected: max }));
  });
  test("major-incident: 是 with section 四 not 0 (PET-2)", () => {
    const f = run([row("福田区", "A", A_OK, 1, { major: "是" })]);
    expect(at(f, "F2")).toEqual([expect.objectContaining({ rule: "PET-2", check: "major-incident", messageId: "notZero", expected: 0, actual: 17 })]);
    expect(run([row("福田区", "A", [18, 17, 13, 0, 14, 8], 1, { major: "是" })])).toEqual([]);
  });
  test("annual-average: 合计 with the two years added instead of averaged (PET-5)", () => {
    const header = [
      ["单位", "类别", "信访领导工作", "信访基层基础工作", "信访信息调研宣传", "集体上访和疑难个访", null, "信访立案件办理", null, "改革与创新", "合计"],
      [null, null, null, null, null, "第一年", "第二年", "第一年", "第二年", null, null],
    ];
    const averaged = rawTotal("A", { leadership: 18, grassroots: 17, information: 13, collective: [18, 16], cases: [15, 14], innovation: 8 });
    const ok = run([["福田区", "A", 18, 17, 13, 18, 16, 15, 14, 8, averaged]], header);
    expect(ok).toEqual([]);
    const f = run([["福田区", "A", 18, 17, 13, 18, 16, 15, 14, 8, 18 + 17 + 13 + 34 + 29 + 8]], header);
    expect(f).toEqual([expect.objectContaining({ rule: "PET-5", check: "annual-average", messageId: "yearsAdded", cell: "K3", expected: averaged })]);
  });
  test("total: 合计 not the sum (PET-6); clerks' rounding is accepted", () => {
    const f = run([row("福田区", "A", A_OK, 1, { total: 88 })]);
    expect(at(f, "I2")).toEqual([expect.objectContaining({ rule: "PET-6", check: "total", messageId: "wrongTotal", expected: 87, actual: 88 })]);
  });
  test("percent: a B unit's 百分制 left unconverted (PET-6); 84.21 and 84.2 accepted for 80/95", () => {
    const f = run([row("市教育局", "B", B_OK, 1, { pct: 80 })]);
    expect(at(f, "J2")).toEqual([expect.objectContaining({ rule: "PET-6", check: "percent", messageId: "wrongPercent", expected: 84.21, actual: 80 })]);
    expect(run([row("市教育局", "B", B_OK, 1, { pct: "84.21" })])).toEqual([]);
    expect(run([row("市教育局", "B", B_OK, 1, { pct: 84.2 })])).toEqual([]);
  });
  test("c-over-stated: a C raw total above 80 is a warning (the 80/82 contradiction)", () => {
    const f = run([row("市卫生局", "C", [16, 14, 7, 20, 15, 9], 1)]);
    expect(f).toEqual([expect.objectContaining({ rule: "PET-6", check: "c-over-stated", severity: "warning", cell: "I2", expected: 80, actual: 81 })]);
  });
  test("rank: within each category, ties share a rank (PET-6)", () => {
    const ok = run([
      row("福田区", "A", A_OK, 1), row("罗湖区", "A", A_OK, 1), row("南山区", "A", [18, 17, 13, 17, 14, 7], 3),
      row("市教育局", "B", B_OK, 1),
    ]);
    expect(ok).toEqual([]);
    const f = run([row("福田区", "A", A_OK, 2), row("南山区", "A", [18, 17, 13, 17, 14, 7], 1)]);
    expect(at(f, "K2")).toEqual([expect.objectContaining({ rule: "PET-6", check: "rank", messageId: "wrongRank", expected: 1, actual: 2 })]);
    expect(at(f, "K3")).toEqual([expect.objectContaining({ rule: "PET-6", check: "rank", messageId: "wrongRank", expected: 2, actual: 1 })]);
  });
  test("duplicate-unit: 市教育局 and 深圳市教育局 are one unit", () => {
    const f = run([row("市教育局", "B", B_OK, 1), row("深圳市教育局", "B", B_OK, 1)]);
    expect(f).toEqual([expect.objectContaining({ rule: "PET-6", check: "duplicate-unit", messageId: "duplicate", cell: "A3", severity: "error" })]);
  });
  test("a blank required cell is an error", () => {
    const r = row("福田区", "A", A_OK, 1);
    r[7] = null;
    expect(at(run([r]), "H2")).toEqual([expect.objectContaining({ rule: "INPUT", check: "input", messageId: "required", severity: "error" })]);
  });
});
