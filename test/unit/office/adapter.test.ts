import { FakeWorkbook, NO_FILL, type Fill } from "./fakeExcel";
import { createExcelPort } from "../../../src/office/excelPort";
import { READ_CHUNK_CELLS, planChunks, parseMergedAddress } from "../../../src/office/read";
import { MARK_COLOR, MARK_STORE_SHEET } from "../../../src/office/marks";
import type { Finding } from "../../../src/core/validate/findings";

function finding(sheet: string, cell: string, severity: Finding["severity"] = "error"): Finding {
  const m = /^([A-Z]+)(\d+)$/.exec(cell) as RegExpExecArray;
  return {
    sheet, template: "grid", cell, row: Number(m[2]), column: m[1], rule: "GRID-2", check: "no-worker", messageId: "none", severity,
    message: "户数大于0的社区未配专职工作者", clause: "哈办发〔2011〕14号 三（三）",
  };
}

/** Installs a fresh mock over `wb` as the Excel global and returns it with a sync counter. */
function open(wb: FakeWorkbook) {
  const mock = wb.mock();
  (globalThis as unknown as { Excel: unknown }).Excel = mock;
  const sync = jest.spyOn(mock.context, "sync");
  return { port: createExcelPort({ reportSheetNames: ["校验报告"] }), sync };
}

const GRID_ROWS = [
  ["2011年社区网格化管理服务配置表"],
  ["填报日期:", 40909],
  [],
  ["区", "社区", "户数", "专职工作者数"],
  ["道里区", "安静社区", 1800, 2],
  ["南岗区", "和兴社区", "２７００户", 0],
];

function gridBook(): FakeWorkbook {
  return new FakeWorkbook([{
    name: "配置表", at: "B3", rows: GRID_ROWS,
    formats: { C4: "yyyy\"年\"m\"月\"d\"日\"", D7: "0" },
    merges: ["B3:E3"],
    fills: { E8: { color: "#00B050", pattern: "Solid", tintAndShade: 0.4 } },
  }, { name: "其他", rows: [["备注"]] }]);
}

describe("reading a sheet", () => {
  test("the active sheet becomes a snapshot in 3 syncs (used range; merges; cells) and writes nothing", async () => {
    const wb = gridBook();
    const { port, sync } = open(wb);
    const snap = await port.readActiveSheet();
    expect(sync).toHaveBeenCalledTimes(3);
    expect(wb.writes).toEqual([]);
    const sheet = snap.sheets[0];
    expect(sheet.name).toBe("配置表");
    expect(sheet.origin).toEqual({ row: 3, col: 2 });
    expect(sheet.rows[0][0]).toBe("2011年社区网格化管理服务配置表");
    expect(sheet.rows[0][1]).toBeNull();
    // a number with a date format is a date; a number with "0" stays a number
    expect(sheet.rows[1][1]).toEqual({ kind: "date", serial: 40909 });
    expect(sheet.rows[4][2]).toBe(1800);
    expect(sheet.rows[5][2]).toBe("２７００户");
    expect(sheet.merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 3 }]);
  });

  test("a sheet larger than one chunk costs one more sync per chunk, with progress", async () => {
    const cols = 8;
    const rowsCount = Math.ceil((2.5 * READ_CHUNK_CELLS) / cols);
    const rows = Array.from({ length: rowsCount }, (_, r) => Array.from({ length: cols }, (_, c) => r * cols + c + 1));
    const wb = new FakeWorkbook([{ name: "巡查记录", rows }]);
    const { port, sync } = open(wb);
    const progress: number[] = [];
    const snap = await port.readActiveSheet((p) => progress.push(p.rowsRead));
    const chunks = Math.ceil((rowsCount * cols) / (Math.floor(READ_CHUNK_CELLS / cols) * cols));
    expect(chunks).toBe(3);
    expect(sync).toHaveBeenCalledTimes(2 + chunks);
    expect(progress[progress.length - 1]).toBe(rowsCount);
    expect(snap.sheets[0].rows).toHaveLength(rowsCount);
    expect(snap.sheets[0].rows[rowsCount - 1][cols - 1]).toBe(rowsCount * cols);
    expect(wb.writes).toEqual([]);
  });

  test("validate all: every visible sheet but the pane's own, in 3 syncs + 1 per chunk", async () => {
    const wb = gridBook();
    wb.addSheet("校验报告").cell(0, 0).value = "工作表";
    wb.addSheet("校验报告 (2)").cell(0, 0).value = "工作表";
    const hidden = wb.addSheet(MARK_STORE_SHEET);
    hidden.visibility = "VeryHidden";
    hidden.cell(0, 0).value = "sheetId";
    const { port, sync } = open(wb);
    const snap = await port.readAllSheets();
    expect(snap.sheets.map((s) => s.name)).toEqual(["配置表", "其他"]);
    // both small sheets fit one chunk
    expect(sync).toHaveBeenCalledTimes(4);
    expect(wb.writes).toEqual([]);
  });

  test("an empty sheet is an empty snapshot", async () => {
    const wb = new FakeWorkbook([{ name: "空表", rows: [] }]);
    const { port } = open(wb);
    const snap = await port.readActiveSheet();
    expect(snap.sheets).toEqual([{ name: "空表", rows: [] }]);
  });
});

describe("chunk size", () => {
  test("no chunk exceeds READ_CHUNK_CELLS, whatever the shape", () => {
    for (const [rowCount, colCount] of [[1_048_576, 5], [200, 16_384], [3, 3], [1_000_000, 50]]) {
      const batches = planChunks([{ rowCount, colCount }, { rowCount: 10, colCount: 4 }]);
      for (const b of batches) {
        const cells = b.reduce((n, p) => n + p.rowCount * (p.sheet === 0 ? colCount : 4), 0);
        expect(cells).toBeLessThanOrEqual(Math.max(READ_CHUNK_CELLS, colCount));
      }
      const rowsCovered = batches.flat().filter((p) => p.sheet === 0).reduce((n, p) => n + p.rowCount, 0);
      expect(rowsCovered).toBe(rowCount);
    }
  });

  test("a full chunk of long Chinese text with date formats stays under the 5 MB payload", () => {
    const text = "哈尔滨市道里区安静街道安静社区居民委员会网格一";
    const payload = JSON.stringify({
      values: Array.from({ length: READ_CHUNK_CELLS / 10 }, () => Array(10).fill(text)),
      numberFormat: Array.from({ length: READ_CHUNK_CELLS / 10 }, () => Array(10).fill("yyyy\"年\"m\"月\"d\"日\"")),
    });
    expect(new TextEncoder().encode(payload).length).toBeLessThan(5 * 1024 * 1024);
  });

  test("merged areas are read relative to the used range", () => {
    expect(parseMergedAddress("配置表!B3:E3, 配置表!$B$10:$C$11", 3, 2)).toEqual([
      { top: 0, left: 0, bottom: 0, right: 3 },
      { top: 7, left: 0, bottom: 8, right: 1 },
    ]);
    expect(parseMergedAddress("'My sheet,1'!A1:B1", 1, 1)).toEqual([{ top: 0, left: 0, bottom: 0, right: 1 }]);
  });
});

describe("selection and report sheet", () => {
  test("clicking a finding activates its sheet and selects the cell, nothing else", async () => {
    const wb = gridBook();
    wb.activeSheetId = wb.sheet("其他").id;
    const { port } = open(wb);
    await port.selectCell("配置表", "E8");
    expect(wb.activeSheetId).toBe(wb.sheet("配置表").id);
    expect(wb.activeCell.address).toBe("E8");
    expect(wb.writes.map((w) => w.what)).toEqual(["call:activate", "call:select"]);
  });

  test("the report goes to a new sheet; a taken name gets a suffix and is left untouched", async () => {
    const wb = gridBook();
    const old = wb.addSheet("校验报告");
    old.cell(0, 0).value = "上次的报告";
    const { port } = open(wb);
    const table = [["工作表", "单元格", "应为"], ["配置表", "E8", 2], ["2024", "1/2", null]];
    const name = await port.addReportSheet("校验报告", table);
    expect(name).toBe("校验报告 (2)");
    expect(old.at("A1").value).toBe("上次的报告");
    const report = wb.sheet(name);
    expect(report.at("A2").value).toBe("配置表");
    expect(report.at("C2").value).toBe(2);
    // text cells are written as text so "2024" and "1/2" are not turned into numbers or dates
    expect(report.at("A3").numberFormat).toBe("@");
    expect(report.at("B3").value).toBe("1/2");
    expect(report.at("C2").numberFormat).toBe("General");
    const userSheets = new Set(["配置表", "其他", "校验报告"]);
    expect(wb.writes.filter((w) => userSheets.has(w.sheet))).toEqual([]);
    expect(wb.activeSheetId).toBe(report.id);
  });
});

describe("highlight and clear", () => {
  const targets = ["D7", "E7", "E8"];
  const findings = [finding("配置表", "D7"), finding("配置表", "E7", "warning"), finding("配置表", "E8"), finding("配置表", "E8", "info")];

  function fillWrites(wb: FakeWorkbook) {
    return wb.writes.filter((w) => w.sheet === "配置表");
  }

  test("validating writes nothing; marking writes only the fills of the findings' cells", async () => {
    const wb = gridBook();
    const before = wb.fills("配置表");
    const { port } = open(wb);
    await port.readAllSheets();
    expect(wb.writes).toEqual([]);
    expect(await port.highlight(findings)).toEqual({ marked: 3, protectedSheets: [] });
    for (const w of fillWrites(wb)) {
      expect(targets).toContain(w.address);
      expect(w.what).toMatch(/^format\.fill\./);
    }
    expect(wb.sheet("配置表").at("E8").fill.color).toBe(MARK_COLOR.error);
    expect(wb.sheet("配置表").at("E7").fill.color).toBe(MARK_COLOR.warning);
    const after = wb.fills("配置表");
    for (const [cell, fill] of Object.entries(before)) if (!targets.includes(cell)) expect(after[cell]).toEqual(fill);
    // the originals live in a very hidden sheet of the workbook
    expect(wb.sheet(MARK_STORE_SHEET).visibility).toBe("VeryHidden");
  });

  test("clear restores each original fill exactly, in the same pane", async () => {
    const wb = gridBook();
    const before = wb.fills("配置表");
    const { port } = open(wb);
    await port.highlight(findings);
    expect(await port.clearHighlights()).toEqual({ restored: 3, protectedSheets: [] });
    expect(wb.fills("配置表")).toEqual(before);
    expect(wb.sheet("配置表").at("E8").fill).toEqual({ ...NO_FILL, color: "#00B050", pattern: "Solid", tintAndShade: 0.4 });
  });

  test("clear restores them after the pane was closed and reopened (fresh mock, fresh adapter)", async () => {
    const wb = gridBook();
    wb.sheet("配置表").at("D7").fill = { color: "#FFFF00", pattern: "Gray50", patternColor: "#FF0000", tintAndShade: 0, patternTintAndShade: -0.25 };
    const before = wb.fills("配置表");
    await open(wb).port.highlight(findings);
    expect(wb.fills("配置表")).not.toEqual(before);
    const reopened = open(wb);
    expect((await reopened.port.clearHighlights()).restored).toBe(3);
    expect(wb.fills("配置表")).toEqual(before);
    // the store is emptied: a second clear restores nothing
    expect((await open(wb).port.clearHighlights()).restored).toBe(0);
  });

  test("marking twice keeps the first original; a fill the clerk changed since is left alone", async () => {
    const wb = gridBook();
    const before = wb.fills("配置表");
    await open(wb).port.highlight(findings);
    await open(wb).port.highlight([finding("配置表", "D7", "info")]);
    const clerkFill: Fill = { ...NO_FILL, color: "#0070C0", pattern: "Solid" };
    wb.sheet("配置表").at("E7").fill = { ...clerkFill };
    expect((await open(wb).port.clearHighlights()).restored).toBe(2);
    expect(wb.sheet("配置表").at("D7").fill).toEqual(before.D7 ?? NO_FILL);
    expect(wb.sheet("配置表").at("E7").fill).toEqual(clerkFill);
  });

  test("findings on a sheet that no longer exists are skipped", async () => {
    const wb = gridBook();
    const { port } = open(wb);
    expect((await port.highlight([finding("已删除", "A1")])).marked).toBe(0);
    expect(wb.writes).toEqual([]);
  });
});

describe("functions and templates", () => {
  test("insert writes the formula into the active cell only", async () => {
    const wb = gridBook();
    wb.activeCell = { sheetId: wb.sheet("其他").id, address: "C5" };
    const { port } = open(wb);
    const address = await port.insertFormula("=GOV.TRIP_DAYS(\"2024-03-01\",\"2024-03-05\")");
    expect(address).toBe("其他!C5");
    expect(wb.sheet("其他").at("C5").value).toBe("=GOV.TRIP_DAYS(\"2024-03-01\",\"2024-03-05\")");
    expect(wb.writes.map((w) => `${w.sheet}!${w.address} ${w.what}`)).toEqual(["其他!C5 formulas"]);
  });

  test("a template is inserted from base64 at the end and activated", async () => {
    const wb = gridBook();
    const { port } = open(wb);
    await port.insertTemplate("UEsDBA==");
    expect(wb.writes[0]).toMatchObject({ what: "call:insertWorksheetsFromBase64", value: { positionType: "End" } });
    expect(wb.activeSheetId).toBe(wb.sheets[wb.sheets.length - 1].id);
  });
});
