/**
 * The report model (core/report/rows.ts, issue 11 item 6): one row per file × sheet with the
 * template's Chinese title, the 填报单位, the verdict and counts of roots; the findings with each
 * root followed by its consequences; file names, never paths.
 */
import { baseName, buildReport, checkedDate, displayNames, readingOrder, rowLines, SUMMARY_LAYOUT, textWidth } from "../../../src/core/report/rows";
import { reportMessages as R } from "../../../src/core/report/messages";
import { listTemplates, validateWorkbook } from "../../../src/core/validate";
import type { Finding } from "../../../src/core/validate/findings";
import { withUnits } from "../../../src/core/report/unit";
import { readWorkbookFile } from "../../../src/xlsx/read";
import { join, resolve } from "path";

const templates = listTemplates();
const base = { template: "petition", check: "section-max", messageId: "aboveMax", clause: "深办〔2003〕36号 二（二）", rule: "PET-7" };

function finding(file: string, sheet: string, cell: string, severity: Finding["severity"], message: string, extra: Partial<Finding> = {}): Finding {
  const m = /^([A-Z]+)(\d+)$/.exec(cell)!;
  return { ...base, file, sheet, cell, row: Number(m[2]), column: m[1], severity, message, causedBy: null, ...extra };
}

// a wrong 类别 at D7 makes the maxima at F7/G7 and the rank at N7 wrong too (consequences)
const A = "报送/市卫生局/2024信访考核.xlsx";
const B = "C:\\Users\\clerk\\Desktop\\网格.xlsx";
const findings: Finding[] = [
  finding(A, "评分表", "N7", "error", "市卫生局：类内排名应为第2名，填报第1名", { causedBy: "D7", rule: "PET-6" }),
  finding(A, "评分表", "F7", "error", "市卫生局：C类“信访基层基础工作”满分14分，填报16分", { causedBy: "D7", expected: 14, actual: 16 }),
  finding(A, "评分表", "D7", "error", "市卫生局：类别须为A、B或C类，填报“D”", { rule: "PET-6", actual: "D" }),
  finding(A, "评分表", "E9", "warning", "市公安局：原始得分超过80分", { rule: "PET-6" }),
  finding(A, "评分表", "B3", "info", "“序号”列有空行", { rule: "PET-1" }),
  finding(B, "配置表", "G4", "error", "道里区共乐社区：应设3个岗位，现有2名", { template: "grid", rule: "GRID-1", expected: 3, actual: 2 }),
  finding(A, "附表", "A1", "info", "工作表“附表”未识别出模板", { template: null, rule: "TEMPLATE" }),
];

const model = buildReport({
  findings,
  sheets: [
    { file: A, sheet: "评分表", template: "petition", rows: 12, headerRow: 4, unit: "深圳市信访办公室" },
    { file: A, sheet: "附表", template: null, rows: 0, headerRow: null, unit: null },
    { file: B, sheet: "配置表", template: "grid", rows: 8, headerRow: 3 },
    { file: "干净.xlsx", sheet: "评分表", template: "petition", rows: 9, headerRow: 4, unit: "  " },
  ],
  files: [A, B, "干净.xlsx", "/home/clerk/旧报表.xls"],
  unreadable: [{ file: "/home/clerk/旧报表.xls", message: "这是旧版.xls文件（Excel 97-2003格式）；请另存为.xlsx后再校验" }],
  templates,
  checkedAt: new Date(Date.UTC(2026, 10, 30, 17, 30)),
});

const everyCell = () => [...model.summary.map((r) => r.cells), ...model.findings.map((r) => r.cells)].flat();

describe("the summary: one row per file × sheet", () => {
  test("file names, sheet, Chinese template title, unit, rows, verdict, counts of roots, 连带问题", () => {
    expect(model.summaryHeader).toEqual(["文件", "工作表", "模板", "填报单位", "数据行数", "结论", "违规", "需说明", "提示", "连带问题"]);
    expect(model.summary.map((r) => r.cells)).toEqual([
      // D7 is the one 违规 of the 评分表; F7 and N7 follow from it: 连带问题 2
      ["2024信访考核.xlsx", "评分表", "信访工作目标管理考核评分表", "深圳市信访办公室", 12, "未通过", 1, 1, 1, 2],
      ["2024信访考核.xlsx", "附表", "未识别", null, null, "通过", 0, 0, 1, 0],
      ["网格.xlsx", "配置表", "社区网格化管理服务配置表", "未注明", 8, "未通过", 1, 0, 0, 0],
      ["干净.xlsx", "评分表", "信访工作目标管理考核评分表", "未注明", 9, "通过", 0, 0, 0, 0],
      ["旧报表.xls", null, null, null, null, "无法读取：这是旧版.xls文件（Excel 97-2003格式）；请另存为.xlsx后再校验", null, null, null, null],
    ]);
    expect(model.summary.map((r) => r.status)).toEqual(["fail", "pass", "fail", "pass", "unreadable"]);
  });

  test("totals count files by verdict and roots by severity, consequences apart", () => {
    expect(model.totals).toBe("共4个文件、4个工作表：通过1个，未通过2个，无法读取1个");
    expect(model.counts).toBe("违规2处、需说明1处、提示2处，另有连带问题2处（随根源列出，不另计数）");
  });

  test("no template id and no directory anywhere", () => {
    const texts = everyCell().filter((v): v is string => typeof v === "string");
    for (const id of templates.map((t) => t.id)) expect(model.summary.flatMap((r) => r.cells)).not.toContain(id);
    for (const t of texts) expect(t).not.toMatch(/报送\/|Users|\\|\/home/);
    const fileColumns = [...model.summary.map((r) => r.cells[0]), ...model.findings.map((r) => r.cells[1])];
    for (const f of fileColumns) expect(String(f)).not.toMatch(/[\\/]/);
  });

  test("the date checked is the day in China", () => {
    // 17:30 UTC on 30 November is 01:30 on 1 December in Beijing
    expect(model.checkedOn).toBe("校验日期：2026年12月1日");
    expect(checkedDate(new Date(Date.UTC(2024, 2, 5, 3)))).toBe("2024年3月5日");
  });
});

describe("the findings: roots in reading order, each followed by its consequences", () => {
  test("message first, rule id last; consequences right after their root, marked 连带", () => {
    expect(model.findingsHeader).toEqual(["问题说明", "文件", "工作表", "单元格", "严重程度", "应为", "填报", "依据", "规则编号"]);
    expect(model.findings.map((r) => `${r.cells[2]}!${r.cells[3]}${r.consequence ? "（连带）" : ""}`)).toEqual([
      "评分表!B3", "评分表!D7", "评分表!F7（连带）", "评分表!N7（连带）", "评分表!E9", "附表!A1", "配置表!G4",
    ]);
    const f7 = model.findings[2].cells;
    expect(f7).toEqual([
      "连带（由D7单元格引起）：市卫生局：C类“信访基层基础工作”满分14分，填报16分",
      "2024信访考核.xlsx", "评分表", "F7", "违规", 14, 16, "深办〔2003〕36号 二（二）", "PET-7",
    ]);
    expect(model.findings[1].cells.slice(0, 7)).toEqual(["市卫生局：类别须为A、B或C类，填报“D”", "2024信访考核.xlsx", "评分表", "D7", "违规", null, "D"]);
    expect(model.findingsNote).toBe(R.findingsNote);
  });

  test("a consequence whose root is not in the list stands where it reads, still marked", () => {
    const m = buildReport({ findings: [findings[0]], sheets: [], files: [A], templates });
    expect(m.findings).toHaveLength(1);
    expect(m.findings[0].consequence).toBe(true);
    expect(m.findings[0].cells[0]).toMatch(/^连带（由D7单元格引起）：/);
    expect(m.summary[0].cells.slice(6)).toEqual([0, 0, 0, 1]);
  });

  test("booleans read 是/否; nothing found says so", () => {
    const m = buildReport({ findings: [finding(A, "表", "C4", "info", "提示", { expected: true, actual: false })], sheets: [], files: [A], templates });
    expect(m.findings[0].cells.slice(5, 7)).toEqual(["是", "否"]);
    expect(buildReport({ findings: [], sheets: [], files: [], templates }).findingsNote).toBe(R.noFindings);
  });

  test("reading order: files as listed, sheets as listed, row, column (Z before AA), severity", () => {
    const fs = [
      finding("b.xlsx", "甲", "A1", "error", "x"),
      finding("a.xlsx", "乙", "AA2", "warning", "x"),
      finding("a.xlsx", "乙", "Z2", "error", "x"),
      finding("a.xlsx", "乙", "Z2", "info", "x"),
      finding("a.xlsx", "甲", "C9", "error", "x"),
    ];
    const sheets = [{ file: "a.xlsx", sheet: "乙", template: null, rows: 0, headerRow: null }, { file: "a.xlsx", sheet: "甲", template: null, rows: 0, headerRow: null }];
    expect(readingOrder(fs, ["a.xlsx", "b.xlsx"], sheets).map((f) => `${f.file}!${f.sheet}!${f.cell}:${f.severity}`)).toEqual([
      "a.xlsx!乙!Z2:error", "a.xlsx!乙!Z2:info", "a.xlsx!乙!AA2:warning", "a.xlsx!甲!C9:error", "b.xlsx!甲!A1:error",
    ]);
  });
});

describe("helpers", () => {
  test.each([
    ["报送/2024/a.xlsx", "a.xlsx"],
    ["C:\\报送\\2024\\b.xlsx", "b.xlsx"],
    ["\\\\server\\share\\c.xlsx", "c.xlsx"],
    ["d.xlsx", "d.xlsx"],
    ["e/", "e"],
  ])("baseName(%j) = %j", (p, name) => expect(baseName(p)).toBe(name));

  test("two files of one name are told apart by their folder, still without a path", () => {
    const names = displayNames(["报送/市卫生局/报表.xlsx", "报送\\市公安局\\报表.xlsx", "报送/其他.xlsx", "报表.xlsx"]);
    expect([...names.values()]).toEqual(["报表.xlsx（市卫生局）", "报表.xlsx（市公安局）", "报表.xlsx", "其他.xlsx"]);
    const m = buildReport({
      findings: [finding("a/报表.xlsx", "表", "B2", "error", "x"), finding("b/报表.xlsx", "表", "B2", "error", "x")],
      sheets: [], files: ["a/报表.xlsx", "b/报表.xlsx"], templates,
    });
    expect(m.summary.map((r) => r.cells[0])).toEqual(["报表.xlsx（a）", "报表.xlsx（b）"]);
    expect(m.findings.map((r) => r.cells[1])).toEqual(["报表.xlsx（a）", "报表.xlsx（b）"]);
  });

  test("rows get the lines their wrapped text needs", () => {
    expect(textWidth("ab")).toBe(2);
    expect(textWidth("信访（一）")).toBe(10);
    expect(rowLines(["a.xlsx", "表", "模板", "单位", 1, "通过", 0, 0, 0, 0], SUMMARY_LAYOUT)).toBe(1);
    expect(rowLines(["a.xlsx", null, null, null, null, `无法读取：${"很长的原因".repeat(6)}`, null, null, null, null], SUMMARY_LAYOUT)).toBe(3);
  });
});

describe("on the samples (the engine's findings as they come)", () => {
  const examples = resolve(__dirname, "../../../assets/templates/examples");
  test("every sheet has its template's Chinese title and its 填报单位; findings and counts agree", async () => {
    const files = ["petition-errors.xlsx", "grid-errors.xlsx", "trip-errors.xlsx"];
    const all: Finding[] = [];
    const sheets = [];
    for (const f of files) {
      const snap = await readWorkbookFile(join(examples, f));
      snap.file = `examples/${f}`;
      const v = withUnits(snap, validateWorkbook(snap));
      all.push(...v.findings);
      sheets.push(...v.sheets.map((s) => ({ file: `examples/${f}`, ...s })));
    }
    const m = buildReport({ findings: all, sheets, files: files.map((f) => `examples/${f}`), templates });
    expect(m.summary.map((r) => r.cells.slice(0, 4))).toEqual([
      ["petition-errors.xlsx", "评分表", "信访工作目标管理考核评分表", "深圳市信访办公室"],
      ["grid-errors.xlsx", "网格配置(有误)", "社区网格化管理服务配置表", "哈尔滨市民政局"],
      ["trip-errors.xlsx", "出访团组(有误)", "因公临时出国（境）团组审批表", "重庆市人民政府外事办公室"],
    ]);
    expect(m.findings).toHaveLength(all.length);
    const roots = all.filter((f) => f.causedBy === null || f.causedBy === undefined);
    const counted = m.summary.reduce((t, r) => t + Number(r.cells[6]) + Number(r.cells[7]) + Number(r.cells[8]), 0);
    expect(counted).toBe(roots.length);
    for (const c of everyCell()) if (typeof c === "string") expect(c).not.toContain("examples/");
  });
});
