/**
 * The engine: findings built from check reports, ctx.value, contained failures, several sheets,
 * unrecognised and forced templates, ordering. TEST-ONLY templates.
 */
import type { CellValue } from "../../../src/core/input/coerce";
import { InputError, isError } from "../../../src/core/input/errors";
import { toCount } from "../../../src/core/input/coerce";
import { countChecks, runValidation, summarizeTemplates } from "../../../src/core/validate/engine";
import { FindingSchema, type Finding } from "../../../src/core/validate/findings";
import type { TemplateDef } from "../../../src/core/validate/template";
import { merge, sheet } from "../../fixtures/layouts/build";
import { countyLike, deptLike, gridLike, petitionLike, testTemplate, type TestCheck as Check } from "../../fixtures/layouts/templates";

const GRID_HEADER: CellValue[] = ["区", "社区", "户数", "专职工作者数"];
const PET_HEADER: CellValue[] = ["单位", "类别", "信访领导工作", "集体上访和疑难个访", "合计"];

function schemaValid(findings: Finding[]): void {
  for (const f of findings) {
    const parsed = FindingSchema.safeParse(f);
    if (!parsed.success) throw new Error(`${JSON.stringify(f)}: ${parsed.error.message}`);
  }
}

function run(rows: CellValue[][], templates: TemplateDef[], opts: { template?: TemplateDef["id"] } = {}) {
  const r = runValidation({ file: "测试.xlsx", sheets: [sheet("表1", rows)] }, { templates, ...opts });
  schemaValid(r.findings);
  return r;
}

describe("findings from reports", () => {
  test("a report carries file, sheet, template, A1 cell, row, column, rule, severity, clause, expected/actual", () => {
    const r = run([PET_HEADER, ["市信访局", "A", 25, 9, 34]], [petitionLike()]);
    expect(r.findings).toEqual([{
      file: "测试.xlsx", sheet: "表1", template: "petition", cell: "C2", row: 2, column: "C", rule: "T-MAX",
      check: "max-leadership", messageId: "say", severity: "error", message: "超过满分20", expected: 20, actual: 25, clause: "测试文件 二（二）", causedBy: null,
    }]);
  });

  test("a snapshot with an origin reports sheet addresses", () => {
    const s = { name: "表1", origin: { row: 5, col: 27 }, rows: [PET_HEADER, ["市信访局", "A", 25, 9, 34]] };
    const r = runValidation({ sheets: [s] }, { templates: [petitionLike()] });
    schemaValid(r.findings);
    expect(r.findings.map((f) => [f.cell, f.row, f.column])).toEqual([["AC6", 6, "AC"]]);
    expect(r.findings[0].file).toBeUndefined();
  });

  test("severity override, explicit cell, key without row (the header cell), no key (the row's first cell)", () => {
    const check: Check = {
      id: "all", rule: "T-ALL", clause: "c", severity: "error", description: "全部",
      row(row, ctx) {
        ctx.report({ row, messageId: "say", data: { text: "行" }, severity: "warning" });
      },
      sheet(_t, ctx) {
        ctx.report({ cell: "$b$9", messageId: "say", data: { text: "格" } });
        ctx.report({ key: "households", messageId: "say", data: { text: "列" } });
        ctx.report({ messageId: "say", data: { text: "表" }, severity: "info" });
      },
    };
    const r = run([["标题"], ["序号", ...GRID_HEADER], [1, "南岗区", "A社区", 900, 1]], [gridLike([check])]);
    expect(r.findings.map((f) => [f.cell, f.severity, f.message])).toEqual([
      ["A2", "info", "表"], ["D2", "error", "列"], ["A3", "warning", "行"], ["B9", "error", "格"],
    ]);
  });
});

describe("typed columns: row.value", () => {
  test("a bad cell gets ONE INPUT finding however many checks ask, with the template's document as clause", () => {
    const ask = (id: string): Check => ({
      id, rule: `T-${id.toUpperCase()}`, clause: "c", severity: "error", description: id,
      row(row) {
        expect(row.value("households")).toBeUndefined();
        expect(row.value("households")).toBeUndefined();
      },
    });
    const r = run([GRID_HEADER, ["南岗区", "A社区", "很多", 1]], [gridLike([ask("a"), ask("b")])]);
    expect(r.findings).toEqual([expect.objectContaining({
      cell: "C2", rule: "INPUT", check: "input", messageId: "notCount", severity: "error", clause: "测试文件四", template: "grid",
      message: '户数须为非负整数，填报为“很多”',
    })]);
  });

  test("a blank needed cell: the catalogue's 不能为空, once; not needed: no finding; row.need makes it needed", () => {
    const ask: Check = {
      id: "opt", rule: "T-OPT", clause: "c", severity: "error", description: "可选",
      row(row) {
        expect(row.value("workers")).toBeUndefined();
        expect(row.value("households")).toBeUndefined();
        expect(row.value("households")).toBeUndefined();
      },
    };
    const r = run([GRID_HEADER, ["南岗区", "A社区", " ", null]], [gridLike([ask])]);
    expect(r.findings.map((f) => [f.cell, f.rule, f.message])).toEqual([["C2", "INPUT", "户数不能为空"]]);
    const need: Check = { ...ask, row(row) {
      expect(row.need("workers")).toBeUndefined();
    } };
    const r2 = run([GRID_HEADER, ["南岗区", "A社区", 900, null]], [gridLike([need])]);
    expect(r2.findings.map((f) => [f.cell, f.rule, f.messageId])).toEqual([["D2", "INPUT", "required"]]);
  });

  test("numbers as text, full-width digits, 是/否 convert by the column's type; an absent column gives undefined", () => {
    const got: unknown[] = [];
    const read: Check = {
      id: "read", rule: "T-R", clause: "c", severity: "info", description: "读",
      row(row) {
        got.push(row.value("households"), row.value("workers"), row.value("nope"));
      },
    };
    const yesNo = testTemplate({
      id: "grid", title: "社区网格化管理服务配置表", document: "测试文件四",
      columns: [
        { key: "district", name: "区", required: true }, { key: "community", name: "社区", required: true },
        { key: "households", name: "户数", required: true, cell: { type: "count" } },
        { key: "workers", name: "专职工作者数", cell: { type: "yesno" } },
      ],
      checks: [read],
    });
    run([GRID_HEADER, ["南岗区", "A社区", "1,800户", "是"], ["南岗区", "B社区", "９００", "否"]], [yesNo]);
    expect(got).toEqual([1800, true, undefined, 900, false, undefined]);
  });

  test("a multi sub-column is named group·sub in messages", () => {
    const rows = [
      ["单位", "类别", "信访领导工作", "集体上访和疑难个访", null],
      [null, null, null, "第一年", "第二年"],
      ["市信访局", "A", 18, 9, "九"],
    ];
    const r = runValidation({ sheets: [sheet("S", rows, [merge(1, 3, 1, 4)])] }, { templates: [petitionLike()] });
    expect(r.findings.map((f) => [f.cell, f.message])).toEqual([["E3", '集体上访和疑难个访·第二年须为数字，填报为“九”']]);
  });
});

describe("a check that throws does not stop validation", () => {
  const boom: Check = {
    id: "boom", rule: "T-BOOM", clause: "测试文件四 九", severity: "warning", description: "会出错的检查",
    row(row) {
      if (row.get("community") !== "好社区") throw new TypeError("Cannot read properties of undefined");
    },
    sheet() {
      throw new Error("sheet broke");
    },
  };
  const rows = [GRID_HEADER, ["南岗区", "A社区", 900, 1], ["南岗区", "好社区", 900, 1], ["南岗区", "C社区", "x", 1]];

  test("reported once per check as an error with a Chinese message, the rest still runs", () => {
    const r = run(rows, [gridLike([boom])]);
    const crashes = r.findings.filter((f) => f.rule === "T-BOOM");
    expect(crashes).toHaveLength(2);
    expect(crashes[0]).toMatchObject({ cell: "A1", severity: "error", clause: "测试文件四 九" });
    expect(crashes[0].message).toContain("校验“会出错的检查”时出错");
    expect(crashes[1]).toMatchObject({ cell: "A2", severity: "error" });
    expect(crashes[1].message).toContain("（共 2 行出错）");
    // the stack is kept for the log, naming the check that threw; the message stays Chinese only
    expect(crashes[0].stack).toMatch(/^Error: sheet broke\n\s+at .*sheet/);
    expect(crashes[1].stack).toMatch(/^TypeError: Cannot read properties of undefined\n\s+at .*row/);
    expect(crashes[0].message).not.toContain("\n");
    expect(r.findings.filter((f) => f.rule !== "T-BOOM").every((f) => f.stack === undefined)).toBe(true);
    // the other check ran on every row, after the crash too
    expect(r.findings.filter((f) => f.rule === "INPUT").map((f) => f.cell)).toEqual(["C4"]);
  });

  test("an InputError thrown by a check is the clerk's finding, reported where it happened", () => {
    const strict: Check = {
      id: "strict", rule: "T-STRICT", clause: "c", severity: "warning", description: "严格",
      row(row) {
        const n = toCount(row.get("workers"), "专职工作者数");
        if (isError(n)) throw new InputError(n.id, n.param, n.message); // a check that throws its input error
      },
    };
    const r = run([GRID_HEADER, ["南岗区", "A社区", 900, -1], ["南岗区", "B社区", 900, -2]], [gridLike([strict])]);
    expect(r.findings.map((f) => [f.cell, f.rule, f.severity, f.message])).toEqual([
      ["A2", "T-STRICT", "error", '专职工作者数须为非负整数，填报为“-1”'],
      ["A3", "T-STRICT", "error", '专职工作者数须为非负整数，填报为“-2”'],
    ]);
  });
});

describe("several sheets, unrecognised sheets, forced templates", () => {
  const workbook = {
    file: "混合.xlsx",
    sheets: [
      sheet("网格", [GRID_HEADER, ["南岗区", "A社区", "x", 1]]),
      sheet("说明", [["本工作簿说明"], ["各单位于月底前报送"]]),
      sheet("评分", [["2024年度考核"], PET_HEADER, ["市信访局", "A", 25, 9, 34]]),
      sheet("空表", []),
    ],
  };

  test("each sheet validated on its own; findings in sheet order", () => {
    const r = runValidation(workbook, { templates: [petitionLike(), gridLike()] });
    schemaValid(r.findings);
    expect(r.sheets).toEqual([
      { sheet: "网格", template: "grid", rows: 1, headerRow: 1 },
      { sheet: "说明", template: null, rows: 0, headerRow: null },
      { sheet: "评分", template: "petition", rows: 1, headerRow: 2 },
      { sheet: "空表", template: null, rows: 0, headerRow: null },
    ]);
    expect(r.findings.map((f) => [f.sheet, f.cell, f.rule, f.severity])).toEqual([
      ["网格", "C2", "INPUT", "error"],
      ["说明", "A1", "TEMPLATE", "info"],
      ["评分", "C3", "T-MAX", "error"],
      ["空表", "A1", "TEMPLATE", "info"],
    ]);
    expect(r.findings[1].message).toBe("工作表“说明”未识别为任何模板，未作校验；如需校验，请对照“模板”页的空白表核对表头");
  });

  test("an unrecognised sheet close to a template says which columns it lacks", () => {
    const r = run([["单位", "类别", "信访领导工作", "合计"], ["市信访局", "A", 18, 27]], [petitionLike()]);
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0].message).toContain("缺少“集体上访和疑难个访");
  });

  test("forced: each missing column is an error at the header row's first cell", () => {
    const rows = [["标题"], [null, "单位", "类别", "合计"], [null, "市信访局", "A", 27]];
    const r = run(rows, [petitionLike(), gridLike()], { template: "petition" });
    expect(r.sheets).toEqual([{ sheet: "表1", template: "petition", rows: 0, headerRow: 2 }]);
    expect(r.findings.map((f) => [f.cell, f.rule, f.severity, f.message])).toEqual([
      ["B2", "TEMPLATE", "error", "工作表“表1”缺少“信访领导工作”列，无法按“信访工作目标管理考核评分表”校验"],
      ["B2", "TEMPLATE", "error", "工作表“表1”缺少“集体上访和疑难个访”列，无法按“信访工作目标管理考核评分表”校验"],
    ]);
  });

  test("forced: a requireOneOf lacking all alternatives is one error naming them", () => {
    const r = run([["单位", "指标考核", "公众评议"], ["娄星区", 900, 880]], [countyLike()], { template: "eval-county" });
    expect(r.findings.map((f) => f.message)).toEqual([
      "工作表“表1”缺少“内部评估得分”或“领导评价”与“同级评价”列，无法按“县市区绩效评估综合得分表”校验",
    ]);
  });

  test("forced: a sheet that does fit is validated as that template even when another would match", () => {
    const r = run([GRID_HEADER, ["南岗区", "A社区", 900, 1]], [petitionLike(), gridLike()], { template: "grid" });
    expect(r.sheets[0]).toMatchObject({ template: "grid", rows: 1 });
    expect(r.findings).toEqual([]);
  });

  test("forced to an id the list lacks: an InputError, not a crash deep inside", () => {
    expect(() => run([GRID_HEADER], [gridLike()], { template: "trip" })).toThrow(InputError);
  });
});

describe("ordering", () => {
  test("findings sorted by sheet, then row, then column (AA after Z)", () => {
    const wide: CellValue[] = [...GRID_HEADER];
    wide[26] = "备注";
    const late: Check = {
      id: "late", rule: "T-L", clause: "c", severity: "info", description: "后",
      sheet(t, ctx) {
        for (const row of [...t.rows].reverse()) ctx.report({ cell: `AA${row.rowNumber}`, messageId: "say", data: { text: "AA" } });
        for (const row of [...t.rows].reverse()) ctx.report({ row, key: "households", messageId: "say", data: { text: "C" } });
      },
    };
    const r = run([wide, ["南岗区", "A社区", 900, 1], ["南岗区", "B社区", 900, 1]], [gridLike([late])]);
    expect(r.findings.map((f) => f.cell)).toEqual(["C2", "AA2", "C3", "AA3"]);
  });
});

describe("template summaries", () => {
  test("summarizeTemplates and countChecks read the list", () => {
    const list = [petitionLike(), gridLike()];
    expect(summarizeTemplates(list)).toEqual([
      { id: "petition", title: "信访工作目标管理考核评分表", document: "测试文件", required: ["单位", "类别", "信访领导工作", "集体上访和疑难个访"], checks: 3 },
      { id: "grid", title: "社区网格化管理服务配置表", document: "测试文件四", required: ["区", "社区", "户数"], checks: 1 },
    ]);
    expect(countChecks(list, "grid")).toBe(1);
    expect(countChecks(list, "trip")).toBe(0);
  });
});

describe("indicator columns (extraNumericAs) through row.value", () => {
  test("each indicator is read by index, named by its header", () => {
    const range: Check = {
      id: "range", rule: "T-RANGE", clause: "c", severity: "error", description: "0–100",
      row(row, ctx) {
        for (let i = 0; i < row.getAll("indicator").length; i++) {
          const v = row.value("indicator", i);
          if (v !== undefined && v > 100) ctx.report({ row, key: "indicator", index: i, messageId: "say", data: { text: "超过100" }, actual: v });
        }
      },
    };
    const rows = [["部门", "经济发展(分)", "社会事业", "为民办实事完成"], ["发改委", 101, "８８", "是"], ["财政局", 90, "九十", "是"]];
    const r = run(rows, [deptLike([range])]);
    expect(r.findings.map((f) => [f.cell, f.rule, f.message])).toEqual([
      ["B2", "T-RANGE", "超过100"],
      ["C3", "INPUT", '社会事业须为数字，填报为“九十”'],
    ]);
  });
});

describe("an empty table", () => {
  test("a note right under the header: no data rows, the sheet checks still run once", () => {
    let sheetRuns = 0;
    const count: Check = {
      id: "count", rule: "T-C", clause: "c", severity: "info", description: "计数",
      sheet(t) {
        sheetRuns++;
        expect(t.rows).toHaveLength(0);
      },
    };
    const r = run([GRID_HEADER, [], ["注:本月无新增"], ["南岗区", "A社区", "x", 1]], [gridLike([count])]);
    expect(r.sheets[0]).toMatchObject({ template: "grid", rows: 0, headerRow: 1 });
    expect(r.findings).toEqual([]);
    expect(sheetRuns).toBe(1);
  });
});
