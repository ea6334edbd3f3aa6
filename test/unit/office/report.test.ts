/**
 * 生成校验报告 inside Excel (src/office/report.ts) over the fake Excel: the core's rows on two new
 * sheets (校验汇总, 问题清单), never over an existing sheet, the workbook's name as the file; the
 * print setup only where ExcelApi 1.9 is supported, the freeze on 1.7, widths on 1.2.
 */
import { FakeWorkbook } from "./fakeExcel";
import { createExcelPort } from "../../../src/office/excelPort";
import { REPORT_SHEET_NAMES } from "../../../src/office/report";
import { listTemplates, validateWorkbook } from "../../../src/core/validate";
import type { Finding } from "../../../src/core/validate/findings";
import type { ReportInput } from "../../../src/core/report/rows";
import { withUnits } from "../../../src/core/report/unit";
import { readWorkbookFile } from "../../../src/xlsx/read";
import { join, resolve } from "path";

jest.setTimeout(60_000);

const templates = listTemplates();
const base = { template: "petition", check: "section-max", messageId: "aboveMax", clause: "深办〔2003〕36号 二（二）", rule: "PET-7" };
function finding(cell: string, severity: Finding["severity"], message: string, extra: Partial<Finding> = {}): Finding {
  const m = /^([A-Z]+)(\d+)$/.exec(cell)!;
  return { ...base, sheet: "评分表", cell, row: Number(m[2]), column: m[1], severity, message, ...extra };
}

const input: ReportInput = {
  findings: [
    finding("F7", "error", "市卫生局：C类“信访基层基础工作”满分14分，填报16分", { causedBy: "D7", expected: 14, actual: 16 }),
    finding("D7", "error", "市卫生局：类别须为A、B或C类，填报“D”", { rule: "PET-6", actual: "D" }),
    finding("E9", "warning", "市公安局：原始得分超过80分"),
  ],
  sheets: [{ sheet: "评分表", template: "petition", rows: 12, headerRow: 4, unit: "深圳市信访办公室" }],
  files: [],
  templates,
  checkedAt: new Date(Date.UTC(2026, 10, 30, 4)),
};

function book(apiVersion = 13): FakeWorkbook {
  const wb = new FakeWorkbook([{ name: "评分表", rows: [["单位"], ["市卫生局"]] }, { name: "校验汇总", rows: [["上次的报告"]] }]);
  wb.apiVersion = apiVersion;
  return wb;
}

function open(wb: FakeWorkbook) {
  (globalThis as unknown as { Excel: unknown }).Excel = wb.mock();
  return createExcelPort({ reportSheetNames: REPORT_SHEET_NAMES, api: wb.api(), customFunctions: false });
}

/** the sheet's cells as rows of values, as far as `cols` columns */
function grid(wb: FakeWorkbook, sheet: string, rows: number, cols: number): unknown[][] {
  const s = wb.sheet(sheet);
  return Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => s.cell(r, c).value));
}

describe("addReport (inside Excel)", () => {
  test("writes the summary and the findings on new sheets, never over the old report, and activates the summary", async () => {
    const wb = book();
    const names = await open(wb).addReport(input);
    expect(names).toEqual(["校验汇总 (2)", "问题清单"]);
    expect(wb.sheet("校验汇总").at("A1").value).toBe("上次的报告");
    expect(wb.activeSheetId).toBe(wb.sheet("校验汇总 (2)").id);
    // nothing written on the clerk's own sheets
    expect(wb.writes.filter((w) => w.sheet === "评分表" || w.sheet === "校验汇总")).toEqual([]);

    expect(grid(wb, "校验汇总 (2)", 5, 10)).toEqual([
      ["校验报告", "", "", "", "", "", "", "", "", ""],
      ["校验日期：2026年11月30日", "", "", "", "", "", "", "", "", ""],
      ["共1个文件、1个工作表：通过0个，未通过1个，无法读取0个；违规1处、需说明1处、提示0处，另有连带问题1处（随根源列出，不另计数）。", "", "", "", "", "", "", "", "", ""],
      ["文件", "工作表", "模板", "填报单位", "数据行数", "结论", "违规", "需说明", "提示", "连带问题"],
      // the workbook's name (Workbook.name), the template's Chinese title, never its id
      ["2024信访考核.xlsx", "评分表", "信访工作目标管理考核评分表", "深圳市信访办公室", 12, "未通过", 1, 1, 0, 1],
    ]);
    expect(grid(wb, "问题清单", 7, 9).slice(3)).toEqual([
      ["问题说明", "文件", "工作表", "单元格", "严重程度", "应为", "填报", "依据", "规则编号"],
      ["市卫生局：类别须为A、B或C类，填报“D”", "2024信访考核.xlsx", "评分表", "D7", "违规", "", "D", "深办〔2003〕36号 二（二）", "PET-6"],
      ["连带（由D7单元格引起）：市卫生局：C类“信访基层基础工作”满分14分，填报16分", "2024信访考核.xlsx", "评分表", "F7", "违规", 14, 16, "深办〔2003〕36号 二（二）", "PET-7"],
      ["市公安局：原始得分超过80分", "2024信访考核.xlsx", "评分表", "E9", "需说明", "", "", "深办〔2003〕36号 二（二）", "PET-7"],
    ]);
    // severity and verdict coloured; text stays text
    expect(wb.sheet("问题清单").at("E5").fill.color).toBe("#FFC7CE");
    expect(wb.sheet("问题清单").at("E7").fill.color).toBe("#FFEB9C");
    expect(wb.sheet("校验汇总 (2)").at("F5").fill.color).toBe("#FFC7CE");
    expect(wb.sheet("问题清单").at("A5").numberFormat).toBe("@");
  });

  test("ExcelApi 1.9+: landscape A4, one page wide, the header row repeated, page numbers; header frozen; widths set", async () => {
    const wb = book(13);
    await open(wb).addReport(input);
    for (const sheet of ["校验汇总 (2)", "问题清单"]) {
      const w = wb.writes.filter((x) => x.sheet === sheet);
      const set = (what: string) => w.find((x) => x.what === what)?.value;
      expect(set("pageLayout.orientation")).toBe("Landscape");
      expect(set("pageLayout.paperSize")).toBe("A4");
      expect(set("pageLayout.zoom")).toEqual({ horizontalFitToPages: 1, verticalFitToPages: 0 });
      expect(set("call:pageLayout.setPrintTitleRows")).toBe("$4:$4");
      expect(set("pageLayout.headersFooters.defaultForAllPages.centerFooter")).toBe("第&P页，共&N页");
      expect(set("call:freezeRows")).toBe(4);
      expect(w.filter((x) => x.what === "format.columnWidth").length).toBeGreaterThanOrEqual(9);
      expect(w.some((x) => x.what === "call:format.autofitRows")).toBe(true);
    }
  });

  test.each([[1], [2], [7], [8]])("ExcelApi 1.%i: the same rows; no print setup below 1.9, no freeze below 1.7", async (v) => {
    const wb = book(v);
    const names = await open(wb).addReport(input);
    const summary = names[0];
    expect(wb.writes.some((w) => w.what.startsWith("pageLayout") || w.what.startsWith("call:pageLayout"))).toBe(false);
    expect(wb.writes.some((w) => w.what === "call:freezeRows")).toBe(v >= 7);
    expect(wb.writes.some((w) => w.what === "format.columnWidth")).toBe(v >= 2);
    // without Workbook.name (1.7) the file is not known: the cell stays empty rather than guessed
    expect(wb.sheet(summary).at("A5").value).toBe(v >= 7 ? "2024信访考核.xlsx" : "");
    expect(wb.sheet(summary).at("C5").value).toBe("信访工作目标管理考核评分表");
    expect(wb.sheet("问题清单").at("D5").value).toBe("D7");
  });

  test("a host refusing a print setting keeps the report", async () => {
    const wb = book(13);
    wb.failWrite = (w) => (w.what === "pageLayout.zoom" ? Object.assign(new Error("InvalidArgument"), { code: "InvalidArgument" }) : undefined);
    const names = await open(wb).addReport(input);
    expect(names).toEqual(["校验汇总 (2)", "问题清单"]);
    expect(wb.sheet("问题清单").at("D5").value).toBe("D7");
  });

  test("on a sample: the engine's findings, the 填报单位 from the sheet, the same rows as the .xlsx report", async () => {
    const snap = await readWorkbookFile(join(resolve(__dirname, "../../.."), "assets/templates/examples/grid-errors.xlsx"));
    const v = withUnits(snap, validateWorkbook(snap));
    const wb = new FakeWorkbook([{ name: "网格配置(有误)", rows: [["区"]] }]);
    const names = await open(wb).addReport({ findings: v.findings, sheets: v.sheets, files: [], templates });
    expect(grid(wb, names[0], 5, 6)[4]).toEqual(["2024信访考核.xlsx", "网格配置(有误)", "社区网格化管理服务配置表", "哈尔滨市民政局", 12, "未通过"]);
    const cells = grid(wb, names[1], 4 + v.findings.length, 9).slice(4).map((r) => r[3]);
    expect(cells.sort()).toEqual(v.findings.map((f) => f.cell).sort());
  });
});
