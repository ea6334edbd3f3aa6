import ExcelJS from "exceljs";
import type { SheetSnapshot } from "../../../src/core/validate/snapshot";
import { readWorkbookBuffer } from "../../../src/xlsx/read";
import { writeSnapshotWorkbook } from "../../../src/xlsx/write";

const sheet: SheetSnapshot = {
  name: "团组",
  rows: [
    ["2024年因公临时出国(境)团组审批表", null, null, null],
    ["团组名称", "出发日期", "人数", "说明"],
    ["考察团", { kind: "date", serial: 45356 }, 5, "=不是公式"],
    ["培训团", { kind: "date", serial: 45400 }, "6", { kind: "error", code: "#N/A" }],
  ],
  merges: [{ top: 0, left: 0, bottom: 0, right: 3 }],
};

describe("writeSnapshotWorkbook", () => {
  it("round-trips through the reader: values, dates, merges, text that looks like a formula", async () => {
    const bytes = await writeSnapshotWorkbook([{ sheet, widths: [20, 12, 6, 30], boldRows: [2] }]);
    const back = await readWorkbookBuffer(bytes);
    expect(back.sheets).toEqual([sheet]);
  });

  it("writes real dates, bold header, widths and merges", async () => {
    const bytes = await writeSnapshotWorkbook([{ sheet, widths: [20, 12, 6, 30], boldRows: [1, 2] }]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.getCell("B3").type).toBe(ExcelJS.ValueType.Date);
    expect(ws.getCell("B3").numFmt).toBe("yyyy-mm-dd");
    expect(ws.getCell("A2").font?.bold).toBe(true);
    expect(ws.getCell("A3").font?.bold).not.toBe(true);
    expect(ws.getColumn(1).width).toBe(20);
    expect((ws.model as unknown as { merges: string[] }).merges).toEqual(["A1:D1"]);
    expect(ws.getCell("D3").type).toBe(ExcelJS.ValueType.String);
  });
});
