/**
 * One fixture per untidy layout of templates.md "Finding the table", each proving the table is
 * found and read right. TEST-ONLY templates (test/fixtures/layouts/templates.ts).
 */
import type { CellValue } from "../../../src/core/input/coerce";
import { runValidation } from "../../../src/core/validate/engine";
import { findHeader, findTemplate } from "../../../src/core/validate/header";
import { buildTable } from "../../../src/core/validate/table";
import { FindingSchema } from "../../../src/core/validate/findings";
import { blanks, merge, sheet, startingAt } from "../../fixtures/layouts/build";
import { countyLike, deptLike, gridLike, newSeen, petitionLike, withSpy } from "../../fixtures/layouts/templates";

/** Cutting alone: no typed reads. */
const NO_TYPES = () => ({ value: () => undefined, problem: () => undefined });

const HEADER: CellValue[] = ["单位", "类别", "信访领导工作", "集体上访和疑难个访", "合计"];
const A: CellValue[] = ["市信访局", "A", 18, 9, 27];
const B: CellValue[] = ["市公安局", "B", 17, 8, 25];

function validate(rows: CellValue[][], merges = [] as ReturnType<typeof merge>[], templates = [petitionLike()]) {
  const seen = newSeen();
  const t = templates.map((x, i) => (i === 0 ? withSpy(x, seen) : x));
  const result = runValidation({ file: "t.xlsx", sheets: [sheet("评分表", rows, merges)] }, { templates: t });
  for (const f of result.findings) expect(FindingSchema.safeParse(f).success).toBe(true);
  return { result, seen };
}

describe("a merged title, a 填报单位 line, blank rows, the header at row 12", () => {
  const rows = [
    ["2024年度信访工作目标管理考核评分表"],
    ...blanks(2),
    ["填报单位:市委办公室", null, null, "填报日期:2024年12月31日"],
    ...blanks(7),
    HEADER, // row 12
    A,
    [],
    B,
    [],
  ];
  const { result, seen } = validate(rows, [merge(1, 0, 2, 4)]);

  test("the header is row 12 and both units are data", () => {
    expect(result.sheets).toEqual([{ sheet: "评分表", template: "petition", rows: 2, headerRow: 12 }]);
    expect(seen.rows.map((r) => [r.rowNumber, r.unit])).toEqual([[13, "市信访局"], [15, "市公安局"]]);
    expect(result.findings).toEqual([]);
  });
});

describe("the header anywhere in the first 30 rows, and not below", () => {
  test("header at row 30 is found", () => {
    const { result } = validate(startingAt(30, [HEADER, A]));
    expect(result.sheets[0]).toMatchObject({ template: "petition", headerRow: 30, rows: 1 });
  });
  test("header at row 31 is not: the sheet is unrecognised (info, at A1)", () => {
    const { result } = validate(startingAt(31, [HEADER, A]));
    expect(result.sheets[0]).toMatchObject({ template: null, headerRow: null, rows: 0 });
    expect(result.findings).toEqual([expect.objectContaining({
      rule: "TEMPLATE", severity: "info", cell: "A1", row: 1, column: "A", template: null,
      message: expect.stringContaining("工作表“评分表”未识别为任何模板"),
    })]);
  });
  test("a snapshot that starts below A1 counts sheet rows, not snapshot rows", () => {
    const s = { name: "S", origin: { row: 25, col: 3 }, rows: startingAt(6, [HEADER, A]) }; // header at sheet row 30
    const r = runValidation({ sheets: [s] }, { templates: [petitionLike()] });
    expect(r.sheets[0]).toMatchObject({ template: "petition", headerRow: 30 });
    const s2 = { ...s, rows: startingAt(7, [HEADER, A]) };
    expect(runValidation({ sheets: [s2] }, { templates: [petitionLike()] }).sheets[0].template).toBeNull();
  });
});

describe("two-row headers", () => {
  test("a group 集体上访和疑难个访 over 第一年 / 第二年 maps both to the multi column", () => {
    const rows = [
      ["单位", "类别", "信访领导工作", "集体上访和疑难个访", null, "合计"],
      [null, null, null, "第一年", "第二年", null],
      ["市信访局", "A", 18, 9, 12, 27],
    ];
    const merges = [merge(1, 0, 2, 0), merge(1, 1, 2, 1), merge(1, 2, 2, 2), merge(1, 3, 1, 4), merge(1, 5, 2, 5)];
    const { result, seen } = validate(rows, merges);
    expect(result.sheets[0]).toMatchObject({ template: "petition", headerRow: 1, rows: 1 });
    const table = seen.tables[0];
    expect(table.headerRows).toEqual([0, 1]);
    expect(table.columns.get("cases")).toEqual([3, 4]);
    expect(table.columns.get("total")).toEqual([5]);
    // the second year (12 > the test max 10) is reported at its own cell, named group·sub
    expect(result.findings).toEqual([expect.objectContaining({ cell: "E3", rule: "T-MAX", actual: 12, expected: 10 })]);
  });

  test("the group name alone never claims a sub-column", () => {
    // the group spans three columns; the third has no sub name: it is not a year column
    const rows = [
      ["单位", "类别", "信访领导工作", "集体上访和疑难个访", null, null],
      [null, null, null, "第一年", "第二年", null],
      ["市信访局", "A", 18, 9, 8, "x"],
    ];
    const merges = [merge(1, 0, 2, 0), merge(1, 1, 2, 1), merge(1, 2, 2, 2), merge(1, 3, 1, 5)];
    const m = findHeader(sheet("S", rows, merges), petitionLike());
    expect(m?.recognised).toBe(true);
    expect(m?.columns.get("cases")).toEqual([3, 4]);
    expect(m?.labels.get("cases")).toEqual(["集体上访和疑难个访·第一年", "集体上访和疑难个访·第二年"]);
  });

  test("a group cell read as one row claims nothing, so the sub-row is never taken for data", () => {
    const rows = [
      ["单位", "类别", "信访领导工作", "集体上访和疑难个访", null],
      [null, null, null, "甲年", "乙年"],
    ];
    const merges = [merge(1, 3, 1, 4)];
    const m = findHeader(sheet("S", rows, merges), petitionLike());
    expect(m?.headerRows).toEqual([0, 1]);
    expect(m?.dataStart).toBe(2);
  });

  test("内部评估 over 领导评价 / 同级评价: sub-columns known by their own names", () => {
    const rows = [
      ["县市区绩效评估综合得分表"],
      ["被评估单位", "指标考核得分", "公众评议得分", "内部评估", null],
      [null, null, null, "领导评价", "同级评价"],
      ["娄星区", 900, 880, 85, 90],
    ];
    const merges = [merge(1, 0, 1, 4), merge(2, 0, 3, 0), merge(2, 1, 3, 1), merge(2, 2, 3, 2), merge(2, 3, 2, 4)];
    const seen = newSeen();
    const t = withSpy(countyLike(), seen);
    const r = runValidation({ sheets: [sheet("S", rows, merges)] }, { templates: [t] });
    expect(r.sheets[0]).toMatchObject({ template: "eval-county", headerRow: 2, rows: 1 });
    const table = seen.tables[0];
    expect(table.columns.get("leaders")).toEqual([3]);
    expect(table.columns.get("peers")).toEqual([4]);
    expect(table.columns.has("internal")).toBe(false); // the group 内部评估 claims nothing
    expect(seen.rows.map((x) => x.unit)).toEqual(["娄星区"]);
  });

  test("requireOneOf: neither 内部评估得分 nor both 领导评价 and 同级评价 → not recognised", () => {
    const rows = [["单位", "指标考核得分", "公众评议得分", "领导评价"], ["娄星区", 900, 880, 85]];
    const m = findHeader(sheet("S", rows), countyLike());
    expect(m?.recognised).toBe(false);
    expect(m?.missingOneOf).toHaveLength(1);
    const ok = findHeader(sheet("S", [["单位", "指标考核", "公众评议", "内部评估"], ["娄星区", 900, 880, 85]]), countyLike());
    expect(ok?.recognised).toBe(true);
  });

  test("a two-row header without merges: the group text over sub texts, blanks to its right continuing it", () => {
    const rows = [
      ["单位", "类别", "信访领导工作", "集体上访和疑难个访", null],
      [null, null, null, "第一年", "第二年"],
      ["市信访局", "A", 18, 9, 8],
    ];
    const { seen } = validate(rows);
    expect(seen.tables[0].columns.get("cases")).toEqual([3, 4]);
    expect(seen.rows).toHaveLength(1);
  });
});

describe("header text with spaces, line breaks, full width, brackets, prefixes, units", () => {
  test("every messy header still names its column", () => {
    const rows = [[
      " 单 位\n名 称 ", "（一）考核类别：", "一、信访领导工作\n（分）", "四、集体上访和疑难个访(分)", "总分（分）",
    ], A];
    const { result, seen } = validate(rows);
    expect(result.sheets[0].template).toBe("petition");
    expect([...seen.tables[0].columns.keys()].sort()).toEqual(["cases", "category", "leadership", "total", "unit"]);
  });
});

describe("columns in any order, extra columns ignored", () => {
  test("reordered columns with 序号 and 备注 extra columns: no finding about them", () => {
    const rows = [
      ["序号", "合计", "集体上访和疑难个访", "备注", "类别", "单位", "信访领导工作", "联系人电话"],
      [1, 27, 9, "无", "A", "市信访局", 18, "12345"],
      [2, 25, 8, null, "B", "市公安局", 25, null],
    ];
    const { result, seen } = validate(rows);
    const table = seen.tables[0];
    expect(table.columns.get("unit")).toEqual([5]);
    expect(table.columns.get("leadership")).toEqual([6]);
    expect(seen.rows.map((r) => r.unit)).toEqual(["市信访局", "市公安局"]);
    // the only finding is the real one, at the reordered column G
    expect(result.findings.map((f) => [f.cell, f.rule])).toEqual([["G3", "T-MAX"]]);
  });

  test("extraNumericAs collects unknown numeric columns, not text ones nor 序号", () => {
    const rows = [
      ["序号", "部门", "经济发展(分)", "社会事业", "备注", "为民办实事完成", "等次"],
      [1, "发改委", 90, "85", "无", "是", "优秀"],
      [2, "财政局", 80, "８８", "良", "是", "良好"],
    ];
    const built = buildTable(sheet("S", rows), findHeader(sheet("S", rows), deptLike())!, NO_TYPES);
    expect(built.table.columns.get("indicator")).toEqual([2, 3]);
    expect(built.table.extraHeaders).toEqual(["经济发展", "社会事业"]);
    expect(built.table.rows[1].getAll("indicator")).toEqual([80, "８８"]);
  });

  test("pre-numbered blank rows (only 序号 filled) are not data", () => {
    const rows = [["序号", ...HEADER], [1, ...A], [2], [3], [4, null, null, null]];
    const { result } = validate(rows);
    expect(result.sheets[0].rows).toBe(1);
  });
});

describe("numbers stored as text and full-width digits go through ctx.value", () => {
  test("'18', '１９', '21分' are read as numbers; only the ones above the max are reported", () => {
    const rows = [HEADER, ["甲", "A", "18", 9, null], ["乙", "A", "１９", 9, null], ["丙", "A", "21分", 9, null], ["丁", "A", "２１", 9, null]];
    const { result } = validate(rows);
    expect(result.findings.map((f) => [f.cell, f.actual])).toEqual([["C4", 21], ["C5", 21]]);
  });
});

describe("合计 / 小计 / 总计 rows are totals, never units", () => {
  test.each([["合计"], ["合 计"], ["小计"], ["总计"], ["全市合计"]])("%j", (label) => {
    const rows = [HEADER, A, B, [label, null, 35, 17, 52]];
    const { result, seen } = validate(rows);
    expect(seen.rows.map((r) => r.unit)).toEqual(["市信访局", "市公安局"]);
    expect(seen.tables[0].totals.map((t) => [t.rowNumber, t.isTotal])).toEqual([[4, true]]);
    // 35 in the total row is above the row max of 20 but total rows get no row checks
    expect(result.findings).toEqual([]);
  });
  test("a 合计 label in the 序号 column before the unit column", () => {
    const rows = [["序号", ...HEADER], [1, ...A], ["合 计", null, null, 18, 9, 27]];
    const { seen } = validate(rows);
    expect(seen.tables[0].totals).toHaveLength(1);
    expect(seen.rows).toHaveLength(1);
  });
});

describe("notes below the table end it", () => {
  test.each([["注:C类单位满分80分"], ["注：以上数据截至年底"], ["说明:本表由各单位填报"], ["填表人:张三"], ["审核人：李四"], ["制表:办公室"]])(
    "%j", (note) => {
      const rows = [HEADER, A, [], [note, null, null, "联系电话 123"], ["市教育局", "Z", "不是数字", 99]];
      const { result, seen } = validate(rows);
      expect(seen.rows.map((r) => r.unit)).toEqual(["市信访局"]);
      expect(result.findings).toEqual([]);
    });
});

describe("merged data cells read their top-left value", () => {
  test("a district merged down over its communities", () => {
    const rows = [["区", "社区", "户数"], ["南岗区", "A社区", 1800], [null, "B社区", 900], [null, "C社区", 450]];
    const seen = newSeen();
    const r = runValidation({ sheets: [sheet("S", rows, [merge(2, 0, 4, 0)])] }, { templates: [withSpy(gridLike(), seen)] });
    expect(r.findings).toEqual([]);
    expect(seen.rows.map((x) => x.unit)).toEqual(["南岗区", "南岗区", "南岗区"]);
  });
});

describe("choosing between templates", () => {
  test("the template with more columns matched wins", () => {
    const rows = [["单位", "指标考核得分", "公众评议得分", "内部评估得分", "类别", "信访领导工作", "集体上访和疑难个访", "合计"]];
    const { match } = findTemplate(sheet("S", rows), [countyLike(), petitionLike()]);
    expect(match?.template.id).toBe("petition");
    const rows2 = [["单位", "指标考核得分", "公众评议得分", "领导评价", "同级评价", "类别", "信访领导工作", "集体上访和疑难个访"]];
    expect(findTemplate(sheet("S", rows2), [petitionLike(), countyLike()]).match?.template.id).toBe("eval-county");
  });
  test("equal matches: fewest unmatched header cells wins", () => {
    const t1 = { ...gridLike(), id: "grid" as const };
    const t2 = {
      ...gridLike(), id: "patrol" as const,
      columns: [...gridLike().columns, { key: "x", name: "备注" }, { key: "y", name: "地址" }].filter((c) => c.key !== "workers"),
    };
    const rows = [["区", "社区", "户数", "专职工作者数", "备注", "地址"]];
    // t1 matches 4, t2 matches 5 → t2; drop 备注/地址 from the sheet and t1 (4 matched, 0 unmatched) wins
    expect(findTemplate(sheet("S", rows), [t1, t2]).match?.template.id).toBe("patrol");
    expect(findTemplate(sheet("S", [["区", "社区", "户数", "专职工作者数"]]), [t2, t1]).match?.template.id).toBe("grid");
  });
});
