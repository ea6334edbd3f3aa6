/**
 * The report workbook (src/xlsx/report.ts) read back with ExcelJS: a summary sheet and a findings
 * sheet, each with a title and the date checked, printing landscape one page wide with the header
 * row repeated; Chinese template names, file names without folders; formula-looking text as text.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { listTemplates } from "../../../src/core/validate";
import type { Finding } from "../../../src/core/validate/findings";
import { writeReportWorkbook } from "../../../src/xlsx/report";

const base: Omit<Finding, "cell" | "row" | "column" | "message" | "severity"> = {
  file: "报送/a.xlsx", sheet: "评分表", template: "petition", rule: "PET-7", check: "section-max", messageId: "aboveMax", clause: "深办〔2003〕36号 二（二）",
};
const finding = (cell: string, severity: Finding["severity"], message: string, extra: Partial<Finding> = {}): Finding => {
  const m = /^([A-Z]+)(\d+)$/.exec(cell)!;
  return { ...base, cell, row: Number(m[2]), column: m[1], severity, message, ...extra };
};

const findings: Finding[] = [
  finding("F7", "error", "C类“信访基层基础工作”满分14分，填报16分", { expected: 14, actual: 16, causedBy: "D7" }),
  finding("D7", "error", "类别须为A、B或C类，填报“D”", { actual: "D", rule: "PET-6" }),
  finding("B3", "warning", "=SUM(A1:A9)", { actual: "+8613800000000" }),
  finding("C4", "info", "@cmd", { expected: true, actual: "-5" }),
  finding("A5", "error", "\tTAB", { actual: "\rCR", file: "D:\\收件\\b.xlsx", sheet: "表2", template: null }),
];

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

function rowsOf(ws: ExcelJS.Worksheet): unknown[][] {
  const out: unknown[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, n) => {
    out[n - 1] = (row.values as unknown[]).slice(1);
  });
  return out;
}

describe("writeReportWorkbook", () => {
  let bytes: Uint8Array;
  let wb: ExcelJS.Workbook;
  let summary: ExcelJS.Worksheet;
  let list: ExcelJS.Worksheet;
  beforeAll(async () => {
    bytes = await writeReportWorkbook({
      findings,
      sheets: [
        { file: "报送/a.xlsx", sheet: "评分表", template: "petition", rows: 12, headerRow: 4, unit: "深圳市信访办公室" },
        { file: "D:\\收件\\b.xlsx", sheet: "表2", template: null, rows: 0, headerRow: null },
      ],
      files: ["报送/a.xlsx", "D:\\收件\\b.xlsx", "/tmp/c.xlsx"],
      unreadable: [{ file: "/tmp/c.xlsx", message: "文件已损坏或不完整（可能在传输中被截断）；请让报送单位重新发送" }],
      templates: listTemplates(),
      checkedAt: new Date(Date.UTC(2024, 2, 5, 1, 7)),
    });
    wb = await load(bytes);
    [summary, list] = wb.worksheets;
  });

  it("has the summary first, then the findings", () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(["校验汇总", "问题清单"]);
  });

  it("opens each sheet with a title, the date checked, and a line above the header", () => {
    const s = rowsOf(summary);
    expect(s[0][0]).toBe("校验报告");
    expect(s[1][0]).toBe("校验日期：2024年3月5日");
    expect(s[2][0]).toBe("共3个文件、2个工作表：通过0个，未通过2个，无法读取1个；违规2处、需说明1处、提示1处，另有连带问题1处（随根源列出，不另计数）。");
    expect(s[3]).toEqual(["文件", "工作表", "模板", "填报单位", "数据行数", "结论", "违规", "需说明", "提示", "连带问题"]);
    const l = rowsOf(list);
    expect(l[0][0]).toBe("校验报告：问题清单");
    expect(l[1][0]).toBe("校验日期：2024年3月5日");
    expect(l[3]).toEqual(["问题说明", "文件", "工作表", "单元格", "严重程度", "应为", "填报", "依据", "规则编号"]);
  });

  it("summarises each file × sheet with the template's Chinese title, never its id or a folder", () => {
    const body = rowsOf(summary).slice(4);
    expect(body).toEqual([
      ["a.xlsx", "评分表", "信访工作目标管理考核评分表", "深圳市信访办公室", 12, "未通过", 1, 1, 1, 1],
      ["b.xlsx", "表2", "未识别", undefined, undefined, "未通过", 1, 0, 0, 0],
      ["c.xlsx", undefined, undefined, undefined, undefined, "无法读取：文件已损坏或不完整（可能在传输中被截断）；请让报送单位重新发送"],
    ]);
    const texts = [...rowsOf(summary), ...rowsOf(list)].flat().filter((v): v is string => typeof v === "string");
    expect(texts).not.toContain("petition");
    for (const t of texts) expect(t).not.toMatch(/报送\/|收件|\/tmp|\\/);
  });

  it("lists the findings message first, each root followed by its consequences", () => {
    const body = rowsOf(list).slice(4);
    expect(body.map((r) => `${r[1]}!${r[3]}`)).toEqual(["a.xlsx!B3", "a.xlsx!C4", "a.xlsx!D7", "a.xlsx!F7", "b.xlsx!A5"]);
    expect(body[3]).toEqual([
      "连带（由D7单元格引起）：C类“信访基层基础工作”满分14分，填报16分", "a.xlsx", "评分表", "F7", "违规", 14, 16, "深办〔2003〕36号 二（二）", "PET-7",
    ]);
    expect(body[1][5]).toBe("是");
  });

  it("prints landscape on A4, one page wide, the header row repeated, with page numbers", async () => {
    for (const ws of [summary, list]) {
      expect(ws.pageSetup.orientation).toBe("landscape");
      expect(ws.pageSetup.paperSize).toBe(9);
      expect(ws.pageSetup.fitToPage).toBe(true);
      expect(ws.pageSetup.fitToWidth).toBe(1);
      expect(ws.pageSetup.fitToHeight).toBe(0);
      expect(ws.pageSetup.printTitlesRow).toBe("4:4");
      expect(ws.headerFooter.oddFooter).toContain("第&P页，共&N页");
      expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 4 });
    }
    // as Excel and LibreOffice read it: the print titles are a defined name of each sheet
    const xml = await (await JSZip.loadAsync(bytes)).file("xl/workbook.xml")!.async("string");
    expect(xml).toContain("<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"0\">&apos;校验汇总&apos;!$4:$4</definedName>");
    expect(xml).toContain("<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"1\">&apos;问题清单&apos;!$4:$4</definedName>");
    const sheet2 = await (await JSZip.loadAsync(bytes)).file("xl/worksheets/sheet2.xml")!.async("string");
    expect(sheet2).toMatch(/<pageSetup[^>]*orientation="landscape"/);
    expect(sheet2).toMatch(/<pageSetup[^>]*fitToHeight="0"/);
    expect(sheet2).toMatch(/<pageSetUpPr fitToPage="1"\/>/);
  });

  it("wraps the message, sizes rows to their text, colours severity and verdict", () => {
    const msg = list.findCell(5, 1)!;
    expect(msg.alignment?.wrapText).toBe(true);
    expect(list.getColumn(1).width).toBeGreaterThanOrEqual(50);
    expect(list.getRow(5).getCell(5).fill).toMatchObject({ fgColor: { argb: "FFFFEB9C" } });
    expect(summary.getRow(5).getCell(6).fill).toMatchObject({ fgColor: { argb: "FFFFC7CE" } });
    // the unreadable file's reason wraps over several lines
    expect(summary.getRow(7).height).toBeGreaterThan(summary.getRow(5).height);
  });

  it("keeps formula-looking text as text", () => {
    const cells: ExcelJS.Cell[] = [];
    for (const ws of wb.worksheets) ws.eachRow((row) => row.eachCell((c) => cells.push(c)));
    const looking = cells.filter((c) => typeof c.value === "string" && /^[=+\-@\t\r]/.test(c.value));
    expect(looking.map((c) => c.value)).toEqual(expect.arrayContaining(["=SUM(A1:A9)", "+8613800000000", "@cmd", "-5", "\tTAB"]));
    // XML turns a bare CR into LF on reading; the cell is still text
    const cr = cells.find((c) => typeof c.value === "string" && c.value.endsWith("CR") && c.value.length === 3);
    expect(cr?.type).toBe(ExcelJS.ValueType.String);
    for (const c of looking) expect(c.type).toBe(ExcelJS.ValueType.String);
    expect(cells.some((c) => c.type === ExcelJS.ValueType.Formula)).toBe(false);
  });

  it("writes a report with no findings", async () => {
    const empty = await load(await writeReportWorkbook({ findings: [], sheets: [], files: ["x.xlsx"], templates: [] }));
    expect(rowsOf(empty.worksheets[0])[2][0]).toBe("共1个文件、0个工作表：通过1个，未通过0个，无法读取0个；违规0处、需说明0处、提示0处。");
    expect(rowsOf(empty.worksheets[1])[2][0]).toBe("未发现问题。");
    expect(rowsOf(empty.worksheets[1])).toHaveLength(4);
  });
});
