import ExcelJS from "exceljs";
import type { Finding } from "../../../src/core/validate/findings";
import { writeReportWorkbook } from "../../../src/xlsx/report";

const base: Omit<Finding, "cell" | "row" | "column" | "message" | "severity"> = {
  file: "a.xlsx", sheet: "评分表", template: "petition", rule: "PET-7", check: "section-max", messageId: "aboveMax", clause: "深办〔2003〕36号 二（二）",
};
const finding = (cell: string, severity: Finding["severity"], message: string, extra: Partial<Finding> = {}): Finding => {
  const m = /^([A-Z]+)(\d+)$/.exec(cell)!;
  return { ...base, cell, row: Number(m[2]), column: m[1], severity, message, ...extra };
};

const findings: Finding[] = [
  finding("F7", "error", "C类“信访基层基础工作”满分14分，填报16分", { expected: 14, actual: 16 }),
  finding("B3", "warning", "=SUM(A1:A9)", { actual: "+8613800000000" }),
  finding("C4", "info", "@cmd", { expected: true, actual: "-5" }),
  finding("A5", "error", "\tTAB", { actual: "\rCR", file: "b.xlsx", sheet: "表2" }),
];

async function load(bytes: Uint8Array): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  expect(wb.worksheets.map((w) => w.name)).toEqual(["校验报告"]);
  return wb.worksheets[0];
}

function rowsOf(ws: ExcelJS.Worksheet): unknown[][] {
  const out: unknown[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, n) => {
    out[n - 1] = (row.values as unknown[]).slice(1);
  });
  return out;
}

describe("writeReportWorkbook", () => {
  let ws: ExcelJS.Worksheet;
  beforeAll(async () => {
    ws = await load(await writeReportWorkbook({
      findings,
      sheets: [
        { file: "a.xlsx", sheet: "评分表", template: "petition", rows: 12, headerRow: 3 },
        { file: "b.xlsx", sheet: "表2", template: null, rows: 0, headerRow: null },
      ],
      files: ["a.xlsx", "b.xlsx"],
      unreadable: [{ file: "c.xlsx", message: "文件已损坏或不完整，无法解压" }],
      generatedAt: new Date(2024, 2, 5, 9, 7),
    }));
  });

  it("puts the summary on top", () => {
    const text = rowsOf(ws).slice(0, 9).map((r) => (r ?? []).filter((v) => v !== null && v !== undefined).join(" ")).join("\n");
    expect(text).toContain("文件 2个：a.xlsx、b.xlsx");
    expect(text).toContain("工作表 2个（识别出模板的1个）");
    expect(text).toContain("识别的模板 petition");
    expect(text).toContain("违规2处，需说明1处，提示1处");
    expect(text).toContain("c.xlsx：文件已损坏或不完整，无法解压");
    expect(text).toContain("生成时间 2024-03-05 09:07");
  });

  it("lists one row per finding under the header, in file, sheet, row order", () => {
    const rows = rowsOf(ws);
    const h = rows.findIndex((r) => r?.[0] === "文件" && r?.[2] === "单元格");
    expect(rows[h]).toEqual(["文件", "工作表", "单元格", "级别", "规则", "条款", "说明", "应为", "填报"]);
    const body = rows.slice(h + 1).map((r) => r.slice(0, 9));
    expect(body.map((r) => `${r[0]}!${r[2]}`)).toEqual(["a.xlsx!B3", "a.xlsx!C4", "a.xlsx!F7", "b.xlsx!A5"]);
    const f7 = body[2];
    expect(f7.slice(1)).toEqual(["评分表", "F7", "违规", "PET-7", "深办〔2003〕36号 二（二）", "C类“信访基层基础工作”满分14分，填报16分", 14, 16]);
    expect(body[1][7]).toBe("是");
  });

  it("keeps formula-looking text as text", () => {
    const cells: ExcelJS.Cell[] = [];
    ws.eachRow((row) => row.eachCell((c) => cells.push(c)));
    const looking = cells.filter((c) => typeof c.value === "string" && /^[=+\-@\t\r]/.test(c.value));
    expect(looking.map((c) => c.value)).toEqual(expect.arrayContaining(["=SUM(A1:A9)", "+8613800000000", "@cmd", "-5", "\tTAB"]));
    // XML turns a bare CR into LF on reading; the cell is still text
    const cr = cells.find((c) => typeof c.value === "string" && c.value.endsWith("CR") && c.value.length === 3);
    expect(cr?.type).toBe(ExcelJS.ValueType.String);
    for (const c of looking) expect(c.type).toBe(ExcelJS.ValueType.String);
    expect(cells.some((c) => c.type === ExcelJS.ValueType.Formula)).toBe(false);
  });

  it("writes a report with no findings", async () => {
    const empty = await load(await writeReportWorkbook({ findings: [], sheets: [], files: ["x.xlsx"] }));
    expect(rowsOf(empty).flat()).toContain("违规0处，需说明0处，提示0处");
  });
});
