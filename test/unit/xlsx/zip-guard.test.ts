import { randomBytes } from "node:crypto";
import { checkXlsxBytes, DEFAULT_ZIP_LIMITS, ZipGuardError } from "../../../src/xlsx/zip-guard";
import { makeZip } from "../../support/zip";

const minimal = [
  { name: "[Content_Types].xml", data: Buffer.from("<Types/>") },
  { name: "xl/workbook.xml", data: Buffer.from("<workbook/>") },
];

test("a well-formed workbook zip passes and lists its parts", () => {
  expect(checkXlsxBytes(makeZip(minimal)).map((e) => e.name)).toEqual(["[Content_Types].xml", "xl/workbook.xml"]);
});

test.each([
  ["random bytes", randomBytes(4096), /不是有效的.xlsx/],
  ["an empty file", Buffer.alloc(0), /不是有效的.xlsx/],
  ["a truncated zip", makeZip(minimal).subarray(0, 60), /不是有效的.xlsx|不完整/],
  ["an OLE (encrypted or .xls) file", Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), randomBytes(600)]), /加密|xls/],
])("%s is refused with a Chinese reason", (_what, bytes, reason) => {
  expect(() => checkXlsxBytes(bytes)).toThrow(ZipGuardError);
  expect(() => checkXlsxBytes(bytes)).toThrow(reason);
});

test("what a well-formed zip holds is the package's to say, not the part names' (reader.ts)", () => {
  // a workbook outside xl/ and a Word document alike pass the directory check
  expect(checkXlsxBytes(makeZip([minimal[0], { name: "book/workbook.xml", data: Buffer.from("<workbook/>") }]))).toHaveLength(2);
  expect(checkXlsxBytes(makeZip([minimal[0], { name: "word/document.xml", data: Buffer.from("<w/>") }]))).toHaveLength(2);
});

test("a real bomb (64 MiB of zeros in one part) is refused by its ratio", () => {
  const bomb = makeZip([...minimal, { name: "xl/worksheets/sheet1.xml", data: Buffer.alloc(64 * 1024 * 1024) }]);
  expect(bomb.length).toBeLessThan(200 * 1024);
  expect(() => checkXlsxBytes(bomb)).toThrow(/压缩炸弹/);
});

test("a part declaring gigabytes is refused before anything is inflated", () => {
  const forged = makeZip([...minimal, { name: "xl/sharedStrings.xml", data: Buffer.from("<sst/>"), declaredSize: 3_000_000_000 }]);
  expect(() => checkXlsxBytes(forged)).toThrow(/超过上限/);
});

test("limits are configurable", () => {
  const parts = [...minimal, { name: "xl/worksheets/sheet1.xml", data: Buffer.from("x".repeat(5000)) }];
  expect(() => checkXlsxBytes(makeZip(parts), { ...DEFAULT_ZIP_LIMITS, maxInflatedBytes: 4000 })).toThrow(/总大小超过上限/);
  expect(() => checkXlsxBytes(makeZip(parts), { ...DEFAULT_ZIP_LIMITS, maxEntries: 2 })).toThrow(/部件过多/);
});
