/**
 * The large hostile workbooks, written once into a folder (a few MB on disk each, whatever they
 * inflate to). Shared by the govcheck tests and the in-process reader tests.
 */
import { writeFileSync } from "fs";
import { join } from "path";
import { deflateRawSync } from "zlib";
import { deflatedFiller, deflatedSandwich, parts, workbook } from "./fixtures";

/** 1,000,000 cells: 50,000 rows × 20 columns of numbers under a text header (inline strings). */
export const MILLION = { rows: 50_000, cols: 20 };

function columnName(c: number): string {
  let s = "";
  for (let n = c; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function millionCellSheet(): { body: Buffer; size: number } {
  const cols = Array.from({ length: MILLION.cols }, (_, i) => columnName(i + 1));
  const chunks: string[] = [];
  chunks.push('<row r="1">' + cols.map((c, i) => `<c r="${c}1" t="inlineStr"><is><t>列${i + 1}</t></is></c>`).join("") + "</row>");
  for (let r = 2; r <= MILLION.rows; r++) {
    let row = `<row r="${r}">`;
    for (let i = 0; i < cols.length; i++) row += `<c r="${cols[i]}${r}"><v>${(r * 31 + i * 7) % 1000}</v></c>`;
    chunks.push(row + "</row>");
  }
  const xml = Buffer.from(parts.sheet(chunks.join("")), "utf8");
  return { body: deflateRawSync(xml, { level: 1 }), size: xml.length };
}

export interface BigFiles {
  /** a sheet part that inflates to 3 GiB and says so */
  bombHonest: string;
  /** a sheet part that declares 64 KiB and inflates to 3 GiB */
  bombForged: string;
  /** 400 MiB at ~1000:1: under the size limits, refused by its ratio */
  bombRatio: string;
  /** 1,000,000 cells (MILLION) */
  million: string;
  /** one shared string of 48 MiB (at ~100:1) */
  hugeString: string;
  /** 1,000,000 distinct shared strings, 1,000 of them used */
  manyStrings: string;
  /** 2,000,001 shared strings: over the default limit */
  tooManyStrings: string;
  /** a cell value (<v>) of 208 MiB inside a sheet (at ~100:1) */
  hugeValue: string;
  /** one cell at A1 and one at XFD1048576 */
  farCell: string;
}

export function writeBigFiles(dir: string): BigFiles {
  const f = (name: string) => join(dir, name);
  const files: BigFiles = {
    bombHonest: f("bomb-3g.xlsx"),
    bombForged: f("bomb-forged.xlsx"),
    bombRatio: f("bomb-ratio.xlsx"),
    million: f("million.xlsx"),
    hugeString: f("huge-string.xlsx"),
    manyStrings: f("many-strings.xlsx"),
    tooManyStrings: f("too-many-strings.xlsx"),
    hugeValue: f("huge-value.xlsx"),
    farCell: f("far-cell.xlsx"),
  };
  const open = '<row r="1"><c r="A1"><v>';
  const close = "</v></c></row>";
  const sheetHead = parts.sheet("").replace("</sheetData></worksheet>", "");
  const sheetTail = "</sheetData></worksheet>";

  const gig3 = deflatedSandwich(sheetHead + open, 3 * 1024, close + sheetTail);
  writeFileSync(files.bombHonest, workbook({ sheet: { name: "", deflated: gig3.body, size: gig3.size } }));
  writeFileSync(files.bombForged, workbook({ sheet: { name: "", deflated: gig3.body, declaredSize: 64 * 1024 } }));
  writeFileSync(files.bombRatio, workbook({ sheet: { name: "", deflated: deflatedFiller(400), size: 400 * 1024 * 1024 } }));

  const m = millionCellSheet();
  writeFileSync(files.million, workbook({ sheet: { name: "", deflated: m.body, size: m.size } }));

  const s50 = deflatedSandwich(parts.sst("<si><t>").replace("</sst>", ""), 48, "</t></si></sst>", "text");
  writeFileSync(files.hugeString, workbook({ sst: { name: "", deflated: s50.body, size: s50.size } }));

  const strings = (n: number) => {
    const items: string[] = new Array(n);
    for (let i = 0; i < n; i++) items[i] = `<si><t>字符串${i}</t></si>`;
    return parts.sst(items.join(""));
  };
  const thousand = Array.from({ length: 1000 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}" t="s"><v>${i * 997}</v></c></row>`).join("");
  writeFileSync(files.manyStrings, workbook({ sst: strings(1_000_000), sheet: parts.sheet(thousand) }));
  writeFileSync(files.tooManyStrings, workbook({ sst: strings(2_000_001) }));

  const v200 = deflatedSandwich(sheetHead + open, 208, close + sheetTail, "text");
  writeFileSync(files.hugeValue, workbook({ sheet: { name: "", deflated: v200.body, size: v200.size } }));

  writeFileSync(files.farCell, workbook({ sheet: parts.sheet('<row r="1"><c r="A1"><v>1</v></c></row><row r="1048576"><c r="XFD1048576"><v>2</v></c></row>') }));
  return files;
}
