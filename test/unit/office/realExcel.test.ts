/**
 * Issue 9: what real Excel does that office-addin-mock alone does not — merged-area limits, old
 * API sets, protected sheets, the 5 MB payload limit — played by the fake in fakeExcel.ts.
 */
import { FakeWorkbook, NO_FILL, excelError, type Write } from "./fakeExcel";
import { createExcelPort } from "../../../src/office/excelPort";
import { MERGE_BAND_ROWS, READ_CHUNK_CELLS } from "../../../src/office/read";
import { MARK_CHUNK_CELLS, MARK_COLOR, MARK_STORE_SHEET } from "../../../src/office/marks";
import { PAYLOAD_ERROR_CODES, syncInChunks } from "../../../src/office/payload";
import { readFileSync } from "fs";
import { join } from "path";
import type { Finding } from "../../../src/core/validate/findings";
import type { WorkbookSnapshot } from "../../../src/core/validate/snapshot";

jest.setTimeout(60_000);

function finding(sheet: string, cell: string, severity: Finding["severity"] = "error"): Finding {
  const m = /^([A-Z]+)(\d+)$/.exec(cell) as RegExpExecArray;
  return {
    sheet, template: "grid", cell, row: Number(m[2]), column: m[1], rule: "GRID-2", check: "no-worker", messageId: "none", severity,
    message: "户数大于0的社区未配专职工作者", clause: "哈办发〔2011〕14号 三（三）",
  };
}

/** Installs a fresh mock over `wb` as the Excel global; the adapter sees the fake's API sets. */
function open(wb: FakeWorkbook, extra: Parameters<typeof createExcelPort>[0] = {}) {
  const mock = wb.mock();
  (globalThis as unknown as { Excel: unknown }).Excel = mock;
  const sync = jest.spyOn(mock.context, "sync");
  return { port: createExcelPort({ reportSheetNames: ["校验报告"], api: wb.api(), customFunctions: wb.apiVersion >= 13, ...extra }), sync };
}

/** A form: title, header, then `rows` data rows with `perRow` merged pairs (B:C, E:F, …) each. */
function mergedForm(name: string, rows: number, perRow: number): FakeWorkbook {
  const data: unknown[][] = [["2011年社区网格化管理服务配置表"], ["区", "社区", "", "户数", "", "专职工作者数", "", "备注", "核对"]];
  for (let r = 0; r < rows; r++) data.push(["道里区", `安静社区${r + 1}`, "", 1800 + r, "", 2, "", "无", ""]);
  const wb = new FakeWorkbook([{ name, rows: data, merges: ["A1:I1"] }]);
  const sheet = wb.sheet(name);
  for (let r = 0; r < rows; r++) {
    for (let k = 0; k < perRow; k++) sheet.merges.push(`${String.fromCharCode(66 + 3 * k)}${r + 3}:${String.fromCharCode(67 + 3 * k)}${r + 3}`);
  }
  return wb;
}

describe("merged cells (Excel lists at most 512 per request)", () => {
  test("a form with 600 merged areas is read with every merge, merges in a sync of their own", async () => {
    const wb = mergedForm("配置表", 599, 1);
    const { port, sync } = open(wb);
    const snap = await port.readActiveSheet();
    // used range; merges; cells (600 rows × 9 columns fit one chunk)
    expect(sync).toHaveBeenCalledTimes(3);
    expect(wb.failedSyncs).toEqual([]);
    expect(snap.notes).toBeUndefined();
    expect(snap.sheets[0].merges).toHaveLength(600);
    expect(snap.sheets[0].merges?.[0]).toEqual({ top: 0, left: 0, bottom: 0, right: 8 });
    expect(snap.sheets[0].rows).toHaveLength(601);
  });

  test("dense merges: a refused band is halved until Excel answers; every merge still read", async () => {
    // 3 merges per row: a 200-row band holds 600 (> 512), a 100-row band 300
    const wb = mergedForm("配置表", 399, 3);
    const { port, sync } = open(wb);
    const snap = await port.readActiveSheet();
    expect(wb.failedSyncs).toHaveLength(1);
    // used range; merges refused; merges in 100-row bands; cells
    expect(sync).toHaveBeenCalledTimes(4);
    expect(snap.notes).toBeUndefined();
    expect(snap.sheets[0].merges).toHaveLength(1 + 399 * 3);
  });

  test("merges Excel will not list even one row at a time: that sheet is read unmerged, with a note; others keep theirs", async () => {
    const wb = mergedForm("密表", 10, 3);
    wb.mergeLimit = 2; // a row with 3 merged areas is over the limit at any band size
    const other = wb.addSheet("说明");
    other.cell(0, 0).value = "填报说明";
    ["一", "二", "三"].forEach((v, c) => { other.cell(1, c).value = v; });
    other.merges.push("A1:C1");
    const { port } = open(wb);
    const snap = await port.readAllSheets();
    expect(snap.notes).toEqual([{ kind: "merges-too-many", sheet: "密表" }]);
    const [dense, notes] = snap.sheets;
    expect(dense.merges).toEqual([]);
    expect(dense.rows).toHaveLength(12);
    expect(dense.rows[2][1]).toBe("安静社区1");
    expect(notes.merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 2 }]);
  });

  test("the fake refuses what Excel refuses: one request over 512 merged areas fails", async () => {
    const wb = mergedForm("配置表", 599, 1);
    const mock = wb.mock();
    const ctx = mock.context as unknown as Excel.RequestContext;
    const areas = ctx.workbook.worksheets.getActiveWorksheet().getRange().getMergedAreasOrNullObject();
    areas.load("address");
    await expect(ctx.sync()).rejects.toThrow(/600 merged areas/);
    expect(MERGE_BAND_ROWS * 2).toBeLessThanOrEqual(512);
  });
});

describe("older Excel (task-pane-only manifest): ExcelApi 1.1 and 1.8", () => {
  function gridBook(apiVersion: number): FakeWorkbook {
    const wb = new FakeWorkbook([{
      name: "配置表", at: "B3",
      rows: [["2011年社区网格化管理服务配置表"], ["填报日期：", 40909], [], ["区", "社区", "户数", "专职工作者数"], ["道里区", "安静社区", 1800, 2]],
      formats: { C4: "yyyy\"年\"m\"月\"d\"日\"" },
      merges: ["B3:E3"],
    }, { name: "空表", rows: [] }]);
    wb.apiVersion = apiVersion;
    return wb;
  }

  test.each([1, 8])("ExcelApi 1.%i: sheets are validated as on current Excel, without merges, with a note", async (version) => {
    const current = await open(gridBook(13)).port.readAllSheets();
    const wb = gridBook(version);
    const { port } = open(wb);
    const snap = await port.readAllSheets();
    expect(snap.notes).toEqual([{ kind: "merges-unsupported" }]);
    expect(snap.sheets.map((s) => ({ ...s, merges: undefined }))).toEqual(current.sheets.map((s) => ({ ...s, merges: undefined })));
    expect(snap.sheets[0].rows[1][1]).toEqual({ kind: "date", serial: 40909 });
    // a blank sheet: getUsedRange's lone A1 on 1.1–1.3 is no row at all
    expect(snap.sheets[1]).toEqual({ name: "空表", rows: [] });
    expect(port.features).toEqual({ mergedCells: false, markCells: false, nativeTemplateInsert: false, customFunctions: false });
    expect(wb.writes).toEqual([]);
  });

  test("ExcelApi 1.1: the report sheet is written without freezing or fitting", async () => {
    const wb = gridBook(1);
    const { port } = open(wb);
    const name = await port.addReportSheet("校验报告", [["工作表", "单元格"], ["配置表", "E8"]]);
    expect(wb.sheet(name).at("B2").value).toBe("E8");
    expect(wb.writes.map((w) => w.what)).not.toContain("call:freezeRows");
  });

  test("ExcelApi 1.1: a formula goes into the selection's first cell", async () => {
    const wb = gridBook(1);
    wb.activeCell = { sheetId: wb.sheet("配置表").id, address: "F9" };
    const { port } = open(wb);
    expect(await port.insertFormula("=GOV.TRIP_DAYS(1,2)")).toBe("配置表!F9");
    expect(wb.sheet("配置表").at("F9").value).toBe("=GOV.TRIP_DAYS(1,2)");
  });

  test("ExcelApi 1.8: a template is written cell by cell, merges included, from the parsed bytes", async () => {
    const wb = gridBook(8);
    const template: WorkbookSnapshot = {
      sheets: [{
        name: "配置表", rows: [["社区网格化管理服务配置表"], ["区", "社区", "填报日期"], ["道里区", "0451", { kind: "date", serial: 45352 }]],
        merges: [{ top: 0, left: 0, bottom: 0, right: 2 }],
      }],
    };
    const parseTemplate = jest.fn(async (_bytes: ArrayBuffer) => template);
    const { port } = open(wb, { parseTemplate });
    expect(await port.insertTemplate("UEsDBA==")).toEqual({ byCells: true });
    expect(new Uint8Array(parseTemplate.mock.calls[0][0])).toEqual(new Uint8Array([0x50, 0x4b, 3, 4]));
    const sheet = wb.sheet("配置表 (2)");
    expect(sheet.at("A1").value).toBe("社区网格化管理服务配置表");
    expect(sheet.at("B3").value).toBe("0451");
    expect(sheet.at("B3").numberFormat).toBe("@");
    expect(sheet.at("C3")).toMatchObject({ value: 45352, numberFormat: "yyyy-mm-dd" });
    expect(sheet.merges).toEqual(["A1:C1"]);
    expect(wb.activeSheetId).toBe(sheet.id);
    expect(wb.writes.map((w) => w.what)).not.toContain("call:insertWorksheetsFromBase64");
  });

  test("ExcelApi 1.8: marking is refused by the adapter too (the pane hides it)", async () => {
    const wb = gridBook(8);
    const { port } = open(wb);
    await expect(port.highlight([finding("配置表", "C7")])).rejects.toThrow("当前 Excel 版本不能完整记录单元格原填充，无法标注。");
    expect(wb.writes).toEqual([]);
  });
});

describe("marking on protected sheets: nothing lost", () => {
  function twoSheets(): FakeWorkbook {
    const rows = Array.from({ length: 2_100 }, (_, r) => [`单位${r + 1}`, r]);
    const wb = new FakeWorkbook([
      { name: "配置表", rows, fills: { A5: { color: "#00B050", pattern: "Solid", tintAndShade: 0.4 }, B9: { color: "#FFFF00", pattern: "Gray50", patternColor: "#FF0000" } } },
      { name: "已保护", rows: [["区"], ["道里区"]], protected: true },
    ]);
    return wb;
  }

  test("a protected sheet is skipped and named; the others are marked", async () => {
    const wb = twoSheets();
    const before = wb.fills("已保护");
    const { port } = open(wb);
    const r = await port.highlight([finding("已保护", "A2"), finding("配置表", "A5")]);
    expect(r).toEqual({ marked: 1, protectedSheets: ["已保护"] });
    expect(wb.fills("已保护")).toEqual(before);
    expect(wb.writes.filter((w) => w.sheet === "已保护")).toEqual([]);
    expect(wb.failedSyncs).toEqual([]);
  });

  test("Excel failing midway through the marks (2nd fill sync): clearing restores every cell exactly", async () => {
    const wb = twoSheets();
    const before = wb.fills("配置表");
    const cells = Array.from({ length: 2_100 }, (_, r) => `A${r + 1}`).concat(["B9"]);
    expect(cells.length).toBeGreaterThan(MARK_CHUNK_CELLS);
    const fillSyncs = new Set<number>();
    let fillsInFailingSync = 0;
    wb.failWrite = (w: Write, n: number) => {
      if (w.sheet !== "配置表" || !w.what.startsWith("format.fill.")) return undefined;
      fillSyncs.add(n);
      if (fillSyncs.size === 2 && ++fillsInFailingSync > 10) {
        return excelError("AccessDenied", "The cell you're trying to change is on a protected sheet.");
      }
      return undefined;
    };
    const { port } = open(wb);
    await expect(port.highlight(cells.map((c) => finding("配置表", c)))).rejects.toThrow(/protected/);
    // some cells were marked before Excel stopped
    expect(Object.values(wb.fills("配置表")).filter((f) => f.color === MARK_COLOR.error).length).toBeGreaterThan(MARK_CHUNK_CELLS);
    wb.failWrite = undefined;
    const cleared = await open(wb).port.clearHighlights();
    expect(wb.fills("配置表")).toEqual(before);
    expect(cleared.protectedSheets).toEqual([]);
    expect(wb.sheet("配置表").at("B9").fill).toEqual({ ...NO_FILL, color: "#FFFF00", pattern: "Gray50", patternColor: "#FF0000" });
  });

  test("clearing keeps the marks of a sheet protected since, and restores them once it is unprotected", async () => {
    const wb = twoSheets();
    const before = wb.fills("配置表");
    await open(wb).port.highlight([finding("配置表", "A5"), finding("配置表", "A6")]);
    wb.sheet("配置表").protected = true;
    expect(await open(wb).port.clearHighlights()).toEqual({ restored: 0, protectedSheets: ["配置表"] });
    expect(wb.sheet(MARK_STORE_SHEET).at("C2").value).toBe("A5");
    wb.sheet("配置表").protected = false;
    expect((await open(wb).port.clearHighlights()).restored).toBe(2);
    expect(wb.fills("配置表")).toEqual(before);
  });
});

describe("5 MB payload: a refused chunk is halved and retried", () => {
  const LONG = "哈尔滨市道里区安静街道安静社区居民委员会第一网格服务管理站备注说明";

  test("the error codes are the ones office.js raises (its CoreErrorCodes) and @types/office-js lists", () => {
    const root = join(__dirname, "../../../node_modules");
    const officeJs = readFileSync(join(root, "@microsoft/office-js/dist/excel-win32-16.01.debug.js"), "utf8");
    const types = readFileSync(join(root, "@types/office-js/index.d.ts"), "utf8");
    expect(officeJs).toContain("CoreErrorCodes.requestPayloadSizeLimitExceeded = 'RequestPayloadSizeLimitExceeded'");
    expect(officeJs).toContain("CoreErrorCodes.responsePayloadSizeLimitExceeded = 'ResponsePayloadSizeLimitExceeded'");
    expect(types).toContain('responsePayloadSizeLimitExceeded = "ResponsePayloadSizeLimitExceeded"');
    expect(PAYLOAD_ERROR_CODES).toEqual(["RequestPayloadSizeLimitExceeded", "ResponsePayloadSizeLimitExceeded"]);
  });

  test("reading long Chinese text: every row arrives, no sync over the limit", async () => {
    const rows = Array.from({ length: READ_CHUNK_CELLS / 4 }, (_, r) => [r + 1, LONG, LONG, LONG]);
    const wb = new FakeWorkbook([{ name: "巡查记录", rows }]);
    wb.payloadLimitBytes = 2_000_000;
    const { port } = open(wb);
    const snap = await port.readActiveSheet();
    expect(wb.failedSyncs.length).toBeGreaterThan(0);
    expect(wb.failedSyncs.every((c) => c === "ResponsePayloadSizeLimitExceeded")).toBe(true);
    expect(snap.sheets[0].rows).toHaveLength(rows.length);
    expect(snap.sheets[0].rows.map((r) => r[0])).toEqual(rows.map((r) => r[0]));
  });

  test("a single row over the limit is an error the clerk can read, naming the row", async () => {
    const wb = new FakeWorkbook([{ name: "巡查记录", rows: [["区"], [LONG.repeat(50)]] }]);
    wb.payloadLimitBytes = 1_000;
    const { port } = open(wb);
    await expect(port.readActiveSheet()).rejects.toThrow("工作表“巡查记录”第2行的内容超过 Excel 一次可传输的数据量（5 MB），无法处理。");
  });

  test("writing a long report: chunks halve until Excel accepts them; every row written", async () => {
    const wb = new FakeWorkbook([{ name: "配置表", rows: [["区"]] }]);
    wb.payloadLimitBytes = 300_000;
    const { port } = open(wb);
    const table = [["工作表", "说明"], ...Array.from({ length: 4_000 }, (_, r) => [`第${r}行`, LONG])];
    const name = await port.addReportSheet("校验报告", table);
    expect(wb.failedSyncs[0]).toBe("RequestPayloadSizeLimitExceeded");
    expect(wb.sheet(name).at("A4001").value).toBe("第3999行");
    expect(wb.sheet(name).at("B4001").value).toBe(LONG);
  });

  test("marking many cells: the store of originals is halved until accepted, and clear still restores all", async () => {
    const rows = Array.from({ length: MARK_CHUNK_CELLS }, (_, r) => [`单位${r + 1}`]);
    const wb = new FakeWorkbook([{ name: `${LONG}`.slice(0, 20), rows }]);
    const sheetName = wb.sheets[0].name;
    const before = wb.fills(sheetName);
    wb.payloadLimitBytes = 150_000;
    const { port } = open(wb);
    expect((await port.highlight(rows.map((_, r) => finding(sheetName, `A${r + 1}`)))).marked).toBe(MARK_CHUNK_CELLS);
    expect(wb.failedSyncs).toContain("RequestPayloadSizeLimitExceeded");
    expect((await open(wb).port.clearHighlights()).restored).toBe(MARK_CHUNK_CELLS);
    expect(wb.fills(sheetName)).toEqual(before);
  });

  test("syncInChunks: halves on payload errors only, keeps the smaller size, stops at one item", async () => {
    const sizes: number[] = [];
    let pending = 0;
    const context = {
      async sync() {
        const n = pending;
        pending = 0;
        if (n > 3) throw excelError("RequestPayloadSizeLimitExceeded");
        sizes.push(n);
      },
    };
    const done: number[] = [];
    await syncInChunks(context, Array.from({ length: 10 }, (_, i) => i), 8, (chunk) => {
      pending = chunk.length;
      return () => done.push(...chunk);
    }, (i) => `第${i}项`);
    expect(done).toEqual(Array.from({ length: 10 }, (_, i) => i));
    expect(sizes).toEqual([2, 2, 2, 2, 2]);
    await expect(syncInChunks({ sync: async () => { throw excelError("AccessDenied"); } }, [1], 5, () => undefined, () => "x"))
      .rejects.toThrow("AccessDenied");
    await expect(syncInChunks({ sync: async () => { throw excelError("ResponsePayloadSizeLimitExceeded"); } }, [1, 2], 5, () => undefined, (i) => `第${i}项`))
      .rejects.toThrow("第1项的内容超过 Excel 一次可传输的数据量（5 MB），无法处理。");
  });
});
