import { writeFileSync } from "fs";
import { join } from "path";
import ExcelJS from "exceljs";
import type { WorkbookSnapshot } from "../../../src/core/validate/snapshot";
import { ReadError, readWorkbookBuffer, readWorkbookFile } from "../../../src/xlsx/read";
import { cfbBytes, messyWorkbook, patchZip, reorderZip, save, tempDir } from "./helpers";
import { parts, workbook } from "../hostile/fixtures";
import { zipOf } from "../../support/zip";

const tmp = tempDir("govcheck-read-");
afterAll(() => tmp.remove());

async function both(bytes: Uint8Array, name: string, opts?: { maxCells?: number }): Promise<[WorkbookSnapshot, WorkbookSnapshot]> {
  const file = join(tmp.dir, name);
  writeFileSync(file, bytes);
  const streamed = await readWorkbookFile(file, opts);
  const loaded = await readWorkbookBuffer(bytes, { ...opts, file: name });
  return [streamed, loaded];
}

describe("readWorkbookFile and readWorkbookBuffer", () => {
  let messy: Uint8Array;
  beforeAll(async () => {
    messy = await save(messyWorkbook(), join(tmp.dir, "messy.xlsx"));
  });

  it("give identical snapshots", async () => {
    const [a, b] = await both(messy, "messy.xlsx");
    expect(a).toEqual(b);
    expect(a.file).toBe("messy.xlsx");
  });

  it("keep sheets in workbook order, empty ones included", async () => {
    const [a] = await both(messy, "messy.xlsx");
    expect(a.sheets.map((s) => s.name)).toEqual(["评分表", "空表", "第三"]);
    expect(a.sheets[1].rows).toEqual([]);
    expect(a.sheets[2].rows).toEqual([
      [null, null, null],
      [null, null, null],
      [null, null, 3],
    ]);
  });

  it.each([
    ["merged title, top-left only", 0, 0, "2024年度信访工作目标管理考核评分表"],
    ["a cell under a merge is blank", 0, 1, null],
    ["hyperlink → its text", 1, 1, "市信访局"],
    ["rich text → plain text", 4, 0, "市公安局"],
    ["number stored as text stays text", 4, 1, "0012"],
    ["formula → cached result", 4, 2, 84.21],
    ["date → day serial", 4, 3, { kind: "date", serial: 45356 }],
    ["boolean", 4, 4, true],
    ["error cell", 4, 5, { kind: "error", code: "#N/A" }],
    ["formula with an error result", 5, 2, { kind: "error", code: "#DIV/0!" }],
    ["formula with a date result (Chinese date format)", 5, 3, { kind: "date", serial: 45357 }],
    ["formula with a text result", 5, 4, "ab"],
    ["a time format stays a number", 5, 5, 0.5],
    ["a second merge", 6, 0, "注:两行合并"],
    ["beside the second merge's top-left", 6, 1, null],
  ])("%s", async (_what, r, c, expected) => {
    for (const snap of await both(messy, "messy.xlsx")) {
      expect(snap.sheets[0].rows[r][c]).toEqual(expected);
    }
  });

  it("keep merged ranges, 0-based", async () => {
    const [a] = await both(messy, "messy.xlsx");
    expect(a.sheets[0].merges).toEqual([
      { top: 0, left: 0, bottom: 0, right: 5 },
      { top: 6, left: 0, bottom: 7, right: 1 },
    ]);
  });

  it("pad every row to the sheet's width", async () => {
    const [a] = await both(messy, "messy.xlsx");
    const widths = new Set(a.sheets[0].rows.map((r) => r.length));
    expect([...widths]).toEqual([6]);
  });

  it("read Excel's entry order (workbook first) and shared strings before styles", async () => {
    const order = ["[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/sharedStrings.xml", "xl/worksheets/sheet1.xml", "xl/styles.xml"];
    const [a, b] = await both(await reorderZip(messy, order), "excel-order.xlsx");
    const [ref] = await both(messy, "messy.xlsx");
    expect(a.sheets).toEqual(ref.sheets);
    expect(b.sheets).toEqual(ref.sheets);
  });

  const inline = (runs: string) => (xml: string) =>
    xml.replace(/<c r="C3"[^>]*>.*?<\/c>/, `<c r="C3" t="inlineStr"><is>${runs}</is></c>`);

  it("read inline strings with several runs", async () => {
    const bytes = await patchZip(messy, "xl/worksheets/sheet3.xml", inline('<r><t>内</t></r><r><t xml:space="preserve">联 </t></r>'));
    const [a, b] = await both(bytes, "inline.xlsx");
    expect(a.sheets[2].rows[2][2]).toBe("内联 ");
    expect(b.sheets[2].rows[2][2]).toBe("内联 ");
  });

  it("skip phonetic runs of an inline string (streaming reader; ExcelJS's in-memory reader drops such a cell)", async () => {
    const bytes = await patchZip(messy, "xl/worksheets/sheet3.xml", inline('<r><t>内联</t></r><rPh sb="0" eb="1"><t>ネイ</t></rPh>'));
    const file = join(tmp.dir, "phonetic.xlsx");
    writeFileSync(file, bytes);
    expect((await readWorkbookFile(file)).sheets[2].rows[2][2]).toBe("内联");
  });

  it("read the 1904 date system as the same calendar day", async () => {
    const wb = new ExcelJS.Workbook();
    wb.properties.date1904 = true;
    const ws = wb.addWorksheet("日期");
    ws.getCell("A1").value = new Date(Date.UTC(2024, 2, 5));
    ws.getCell("A1").numFmt = "yyyy-mm-dd";
    const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    for (const snap of await both(bytes, "d1904.xlsx")) expect(snap.sheets[0].rows[0][0]).toEqual({ kind: "date", serial: 45356 });
  });

  it("stop at maxCells with a Chinese one-line ReadError", async () => {
    const file = join(tmp.dir, "messy.xlsx");
    for (const read of [() => readWorkbookFile(file, { maxCells: 5 }), () => readWorkbookBuffer(messy, { maxCells: 5 })]) {
      const e = await read().then(() => null, (x: unknown) => x);
      expect(e).toBeInstanceOf(ReadError);
      expect((e as ReadError).code).toBe("tooLarge");
      expect((e as ReadError).message).toMatch(/单元格超过5个/);
    }
    // the same file fits when the limit is its size
    await expect(readWorkbookFile(file, { maxCells: 100 })).resolves.toBeDefined();
  });
});

describe("unreadable files become one-line ReadErrors", () => {
  const randomBytes = (n: number) => Uint8Array.from({ length: n }, (_, i) => (i * 7919 + 13) % 251);
  let good: Uint8Array;
  beforeAll(async () => {
    good = await save(messyWorkbook(), join(tmp.dir, "good.xlsx"));
  });

  const cases: [string, () => Promise<Uint8Array>, string][] = [
    ["random bytes", async () => randomBytes(5000), "notXlsx"],
    ["an empty file", async () => new Uint8Array(0), "empty"],
    ["a truncated workbook", async () => good.subarray(0, Math.floor(good.length / 2)), "corrupt"],
    ["a password-protected workbook", async () => cfbBytes(true), "encrypted"],
    ["a legacy .xls", async () => cfbBytes(false), "legacyBinary"],
    ["a zip that is not a workbook", async () => {
      const JSZip = (await import("jszip")).default;
      const z = new JSZip();
      z.file("word/document.xml", "<w/>");
      return z.generateAsync({ type: "uint8array" });
    }, "noWorkbook"],
    ["a sheet with broken XML", async () => patchZip(good, "xl/worksheets/sheet1.xml", (x) => x.replace("</sheetData>", "<row><c></sheetData>")), "badXml"],
  ];

  it.each(cases)("%s", async (name, make, code) => {
    const bytes = await make();
    const file = join(tmp.dir, `${name}.xlsx`);
    writeFileSync(file, bytes);
    for (const read of [() => readWorkbookFile(file), () => readWorkbookBuffer(bytes)]) {
      const e = await read().then(() => null, (x: unknown) => x);
      expect(e).toBeInstanceOf(ReadError);
      expect((e as ReadError).code).toBe(code);
      expect((e as ReadError).message).toMatch(/[\u4e00-\u9fff]/);
      expect((e as ReadError).message).not.toMatch(/\n/);
    }
  });

  it("a missing file", async () => {
    const e = await readWorkbookFile(join(tmp.dir, "nope.xlsx")).catch((x: unknown) => x);
    expect((e as ReadError).code).toBe("notFound");
  });
});

describe("refusals say what the file is (the package decides, not part names)", () => {
  const CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types";
  const types = (overrides: [string, string][]) =>
    `<Types xmlns="${CT_NS}"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>${overrides
      .map(([p, t]) => `<Override PartName="${p}" ContentType="${t}"/>`).join("")}</Types>`;
  const rootRels = (target: string) =>
    `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="${target}"/></Relationships>`;

  async function outcome(bytes: Uint8Array, name: string): Promise<{ code: string; message: string }[]> {
    const file = join(tmp.dir, name);
    writeFileSync(file, bytes);
    const out = [];
    for (const read of [() => readWorkbookFile(file), () => readWorkbookBuffer(bytes, { file: name })]) {
      const e = await read().then(() => null, (x: unknown) => x);
      expect(e).toBeInstanceOf(ReadError);
      expect((e as ReadError).message).not.toMatch(/[\r\n]/);
      out.push({ code: (e as ReadError).code, message: (e as ReadError).message });
    }
    expect(out[1]).toEqual(out[0]);
    return out;
  }

  it("a Word document, by its content types: said to be Word", async () => {
    const bytes = zipOf([
      { name: "[Content_Types].xml", data: types([["/word/document.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"]]) },
      { name: "_rels/.rels", data: rootRels("word/document.xml") },
      { name: "word/document.xml", data: "<w:document xmlns:w=\"x\"/>" },
    ]);
    const [r] = await outcome(bytes, "word.xlsx");
    expect(r).toEqual({ code: "noWorkbook", message: expect.stringMatching(/^这是Word 文档（\.docx），不是Excel工作簿/) });
  });

  it("a workbook that also carries a word/ folder is a workbook, not \"Word\"", async () => {
    const bytes = zipOf([
      { name: "[Content_Types].xml", data: parts.contentTypes() },
      { name: "_rels/.rels", data: parts.rootRels() },
      { name: "word/document.xml", data: "<w/>" },
      { name: "xl/workbook.xml", data: parts.workbook() },
      { name: "xl/_rels/workbook.xml.rels", data: parts.workbookRels() },
      { name: "xl/sharedStrings.xml", data: parts.sst("<si><t>x</t></si>") },
      { name: "xl/worksheets/sheet1.xml", data: parts.sheet('<row r="1"><c r="A1" t="s"><v>0</v></c></row>') },
    ]);
    expect((await readWorkbookBuffer(bytes)).sheets[0].rows).toEqual([["x"]]);
  });

  it("an OpenDocument spreadsheet: said to be .ods, with what to do", async () => {
    const bytes = zipOf([{ name: "mimetype", data: "application/vnd.oasis.opendocument.spreadsheet" }, { name: "content.xml", data: "<office:document-content/>" }]);
    const [r] = await outcome(bytes, "calc.ods.xlsx");
    expect(r).toEqual({ code: "notXlsx", message: "这是OpenDocument表格（.ods）；请在WPS或LibreOffice中另存为.xlsx后再校验" });
  });

  it("a zip with no package manifest at all", async () => {
    const [r] = await outcome(zipOf([{ name: "readme.txt", data: "hello" }]), "plain-zip.xlsx");
    expect(r.code).toBe("notXlsx");
    expect(r.message).toMatch(/请用Excel或WPS打开，另存为\.xlsx/);
  });

  it("a workbook listing no sheet is reported, not passed as empty", async () => {
    const bytes = workbook({ workbook: '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets/></workbook>' });
    const [r] = await outcome(bytes, "no-sheets.xlsx");
    expect(r).toEqual({ code: "noSheets", message: "工作簿里没有任何工作表，请让报送单位确认后重新发送" });
  });

  it("a sheet whose part has content but no cell the reader understands is reported", async () => {
    const bytes = workbook({ sheet: parts.sheet("<row><cell>张三</cell><cell>12</cell></row>") });
    const [r] = await outcome(bytes, "no-cells.xlsx");
    expect(r.code).toBe("badXml");
    expect(r.message).toMatch(/^工作表“数据”有内容，但读不出任何单元格/);
  });

  it("a sheet part that is not a worksheet is reported", async () => {
    const bytes = workbook({ sheet: '<chartsheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetPr/></chartsheet>' });
    expect((await outcome(bytes, "chart.xlsx"))[0].message).toMatch(/^工作表“数据”有内容，但读不出任何单元格/);
  });

  it("a listed sheet whose part is missing names the sheet", async () => {
    const bytes = zipOf([
      { name: "[Content_Types].xml", data: parts.contentTypes() },
      { name: "_rels/.rels", data: parts.rootRels() },
      { name: "xl/workbook.xml", data: parts.workbook() },
      { name: "xl/_rels/workbook.xml.rels", data: parts.workbookRels() },
    ]);
    expect((await outcome(bytes, "missing-sheet.xlsx"))[0]).toEqual({ code: "corrupt", message: expect.stringMatching(/^文件已损坏（工作表“数据”的数据缺失）/) });
  });

  it("an empty sheet (only formatted blank cells) is an empty sheet, not an error", async () => {
    const bytes = workbook({ sheet: parts.sheet('<row r="1"><c r="A1" s="0"/><c r="B1"/></row>') });
    expect((await readWorkbookBuffer(bytes)).sheets).toEqual([{ name: "数据", rows: [] }]);
  });

  it("old binary files are told apart: .xls, a WPS .et, a Word .doc, a PowerPoint .ppt", async () => {
    const xls = await outcome(cfbBytes("Workbook"), "报表.xls");
    expect(xls.map((o) => o.code)).toEqual(["legacyBinary", "legacyBinary"]);
    expect(xls[0].message).toMatch(/旧版\.xls文件/);
    // WPS's own .et is laid out like an .xls: its name tells it, and the advice names WPS
    const et = await outcome(cfbBytes("Workbook"), "报表.et");
    expect(et[0]).toEqual({ code: "legacyBinary", message: "这是WPS表格文件（.et）；请在WPS中打开，另存为“Excel工作簿（*.xlsx）”后再校验" });
    const doc = await outcome(cfbBytes("WordDocument"), "报表.xls");
    expect(doc.map((o) => o.message)).toEqual(Array(2).fill("这是旧版 Word 文档（.doc），不是Excel工作簿；请确认报送的文件"));
    const ppt = await outcome(cfbBytes("PowerPoint Document"), "报表.xls");
    expect(ppt[0].message).toBe("这是旧版 PowerPoint 演示文稿（.ppt），不是Excel工作簿；请确认报送的文件");
  });

  it("a .xlsb binary workbook is said to be one", async () => {
    const bytes = zipOf([
      { name: "[Content_Types].xml", data: types([["/xl/workbook.bin", "application/vnd.ms-excel.sheet.binary.macroEnabled.main"]]) },
      { name: "_rels/.rels", data: rootRels("xl/workbook.bin") },
      { name: "xl/workbook.bin", data: "\u0000\u0001" },
    ]);
    expect((await outcome(bytes, "binary.xlsx"))[0].message).toMatch(/Excel二进制工作簿（\.xlsb）.*另存为“Excel工作簿（\*\.xlsx）”/);
    expect((await outcome(bytes, "binary.xlsx"))[0].message).not.toMatch(/不是Excel工作簿/);
  });
});
