/** Workbooks built in the tests (never stored binaries), and a temp folder per test file. */
import { mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import ExcelJS from "exceljs";
import JSZip from "jszip";

export function tempDir(prefix: string): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export async function save(wb: ExcelJS.Workbook, file: string): Promise<Uint8Array> {
  const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  writeFileSync(file, bytes);
  return bytes;
}

/** The untidy sheet of templates.md: merged title, dates, numbers as text, rich text, formulas, errors. */
export function messyWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("评分表");
  ws.mergeCells("A1:F1");
  ws.getCell("A1").value = "2024年度信访工作目标管理考核评分表";
  ws.getCell("A2").value = "填报单位:";
  ws.getCell("B2").value = { text: "市信访局", hyperlink: "http://example.invalid/" };
  ws.getRow(4).values = ["单位", "类别", "合计", "报批日期", "备注", "错误"];
  ws.getCell("A5").value = { richText: [{ text: "市", font: { bold: true } }, { text: "公安局" }] };
  ws.getCell("B5").value = "0012"; // a number stored as text stays text
  ws.getCell("C5").value = { formula: "SUM(10,74.21)", result: 84.21 };
  ws.getCell("D5").value = new Date(Date.UTC(2024, 2, 5));
  ws.getCell("D5").numFmt = "yyyy-mm-dd";
  ws.getCell("E5").value = true;
  ws.getCell("F5").value = { error: "#N/A" };
  ws.getCell("C6").value = { formula: "1/0", result: { error: "#DIV/0!" } };
  ws.getCell("D6").value = { formula: "D5+1", result: new Date(Date.UTC(2024, 2, 6)) };
  ws.getCell("D6").numFmt = "yyyy\"年\"m\"月\"d\"日\"";
  ws.getCell("E6").value = { formula: "\"a\"&\"b\"", result: "ab" };
  ws.getCell("F6").value = 0.5; // a time of day, not a date
  ws.getCell("F6").numFmt = "h:mm";
  ws.mergeCells("A7:B8");
  ws.getCell("A7").value = "注:两行合并";
  const second = wb.addWorksheet("空表");
  second.getCell("A1").value = null;
  const third = wb.addWorksheet("第三");
  third.getCell("C3").value = 3;
  return wb;
}

/** Rewrites a zip with its entries in `order` first (Excel writes workbook.xml early, ExcelJS last). */
export async function reorderZip(bytes: Uint8Array, order: string[]): Promise<Uint8Array> {
  const src = await JSZip.loadAsync(bytes);
  const out = new JSZip();
  const names = Object.keys(src.files).filter((n) => !src.files[n].dir);
  const sorted = [...order.filter((n) => names.includes(n)), ...names.filter((n) => !order.includes(n))];
  for (const n of sorted) out.file(n, await src.files[n].async("uint8array"));
  return out.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

/** Replaces one zip entry's text. */
export async function patchZip(bytes: Uint8Array, name: string, patch: (xml: string) => string): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  zip.file(name, patch(await zip.files[name].async("string")));
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

/**
 * The first bytes of an OLE compound file whose directory names `stream` (UTF-16LE, as the
 * directory holds names): true = "EncryptedPackage" (an encrypted .xlsx), false = "Workbook" (.xls).
 */
export function cfbBytes(stream: boolean | string): Uint8Array {
  const out = new Uint8Array(4096);
  out.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  const name = stream === true ? "EncryptedPackage" : stream === false ? "Workbook" : stream;
  for (let i = 0; i < name.length; i++) out[1024 + i * 2] = name.charCodeAt(i);
  return out;
}
