/**
 * One cell model: the same cells through both adapters — the .xlsx reader (a workbook written
 * here, one cell per row, each with its own number format) and the Office adapter (`fromExcel`,
 * the values and formats Office.js hands back) — give the same snapshot values. Before the one
 * model, a date-time was its calendar day in govcheck and kept its time of day in the pane.
 */
import { cellFromRaw, formatKind, serialFromIsoText } from "../../../src/core/input/cell";
import { fromExcel } from "../../../src/office/cellValue";
import { readWorkbookBuffer } from "../../../src/xlsx/read";
import { zipOf } from "../../support/zip";

/** [what, the cell's XML value (type, text), what Office.js gives, number format] */
const CELLS: [string, { t?: string; v: string }, unknown, string][] = [
  ["a date", { v: "45388" }, 45388, "yyyy-mm-dd"],
  ["a date-time at noon is its day", { v: "45388.5" }, 45388.5, "yyyy-mm-dd hh:mm"],
  ["a date-time just before midnight is its day", { v: "45388.99998" }, 45388.99998, "yyyy/m/d h:mm:ss"],
  ["a Chinese date format", { v: "45388.25" }, 45388.25, 'yyyy"年"m"月"d"日"'],
  ["年月日 unquoted with a locale tag", { v: "45388" }, 45388, "[$-804]yyyy年m月d日;@"],
  ["a month-day format", { v: "45388.7" }, 45388.7, 'm"月"d"日"'],
  ["a time stays a number", { v: "0.5" }, 0.5, "h:mm"],
  ["an elapsed time stays a number", { v: "1.25" }, 1.25, "[h]:mm:ss"],
  ["a Chinese time stays a number", { v: "0.75" }, 0.75, '上午/下午h"时"mm"分"'],
  ["a plain number", { v: "1234.5" }, 1234.5, "General"],
  ["a number with a unit", { v: "12" }, 12, '0"户"'],
  ["scientific", { v: "1200" }, 1200, "0.00E+00"],
  ["text", { t: "str", v: "市公安局" }, "市公安局", "@"],
  ["text that looks like a number", { t: "str", v: "0012" }, "0012", "@"],
  ["a boolean", { t: "b", v: "1" }, true, "General"],
  ["an error", { t: "e", v: "#DIV/0!" }, "#DIV/0!", "General"],
  ["blank text", { t: "str", v: "" }, "", "General"],
];

function workbookOf(cells: typeof CELLS, extraStyles = ""): Buffer {
  const ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
  const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
  const fmts = cells.map((c) => c[3]);
  const styles = `<styleSheet ${ns}><numFmts count="${fmts.length}">${fmts.map((f, i) => `<numFmt numFmtId="${164 + i}" formatCode="${esc(f)}"/>`).join("")}</numFmts>` +
    `<cellStyleXfs count="1"><xf numFmtId="22"/></cellStyleXfs>` +
    `<cellXfs count="${fmts.length + 1}"><xf numFmtId="0"/>${fmts.map((_, i) => `<xf numFmtId="${164 + i}" applyNumberFormat="1"><alignment/></xf>`).join("")}</cellXfs>${extraStyles}</styleSheet>`;
  const rows = cells.map(([, x], i) => `<row r="${i + 1}"><c r="A${i + 1}" s="${i + 1}"${x.t ? ` t="${x.t}"` : ""}><v>${esc(x.v)}</v></c></row>`).join("");
  return zipOf([
    { name: "[Content_Types].xml", data: '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>' },
    { name: "_rels/.rels", data: '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>' },
    { name: "xl/workbook.xml", data: `<workbook ${ns}><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>` },
    { name: "xl/_rels/workbook.xml.rels", data: '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>' },
    { name: "xl/styles.xml", data: styles },
    { name: "xl/worksheets/sheet1.xml", data: `<worksheet ${ns}><sheetData>${rows}</sheetData></worksheet>` },
  ]);
}

describe("the reader and the Office adapter share one cell model", () => {
  let fromFile: unknown[];
  beforeAll(async () => {
    const snap = await readWorkbookBuffer(workbookOf(CELLS));
    // a row whose only cell is blank is not in the snapshot at all: null, as Office gives it
    fromFile = CELLS.map((_, i) => snap.sheets[0].rows[i]?.[0] ?? null);
  });

  it.each(CELLS.map((c, i) => [c[0], i] as const))("%s", (_what, i) => {
    const [, , office, fmt] = CELLS[i];
    expect(fromFile[i]).toEqual(fromExcel(office, fmt));
  });

  it("dates compare by calendar day on both sides (the time of day never survives)", () => {
    const office = fromExcel(45388.5, "yyyy-mm-dd hh:mm");
    expect(office).toEqual({ kind: "date", serial: 45388 });
    expect(fromFile[1]).toEqual(office);
  });
});

it("styles: only cellXfs' own xf count, and a differential format's numFmt does not replace a cell format's", async () => {
  // a conditional-format (dxf) numFmt reusing id 164 must not turn the date format into "0.00"
  const dxfs = '<dxfs count="1"><dxf><numFmt numFmtId="164" formatCode="0.00"/></dxf></dxfs>';
  const snap = await readWorkbookBuffer(workbookOf(CELLS.slice(0, 2), dxfs));
  expect(snap.sheets[0].rows.map((r) => r[0])).toEqual([{ kind: "date", serial: 45388 }, { kind: "date", serial: 45388 }]);
});

describe("cellFromRaw", () => {
  it.each([
    ["yyyy-mm-dd", "date"], ["d-mmm-yy", "date"], ["mmm-yy", "date"], ["yyyy/m/d h:mm", "date"], ['m"月"d"日"', "date"],
    ["h:mm", "time"], ["mm:ss", "time"], ["[h]:mm:ss", "time"], ["h:mm AM/PM", "time"], ['h"时"mm"分"', "time"],
    ["General", "other"], ["[DBNum1]General", "other"], ["0.00", "other"], ["#,##0", "other"], ["0.00E+00", "other"], ["@", "other"],
    ["[Red]0.00", "other"], ['0"d"', "other"], ["0\\d", "other"],
  ])("%s shows a %s", (fmt, kind) => {
    expect(formatKind(fmt)).toBe(kind);
  });

  it("a t=\"d\" value is a date by its type, under any format but a time-only one", () => {
    expect(cellFromRaw({ kind: "rawDate", serial: 45388.5 }, "General")).toEqual({ kind: "date", serial: 45388 });
    expect(cellFromRaw({ kind: "rawDate", serial: 0.5 }, "h:mm")).toBe(0.5);
  });

  it("the 1904 system moves a serial to the same calendar day", () => {
    expect(cellFromRaw(45388 - 1462, "yyyy-mm-dd", true)).toEqual({ kind: "date", serial: 45388 });
    expect(cellFromRaw(0.5, "h:mm", true)).toBe(0.5);
  });

  it.each([
    ["2024-04-06", 45388], ["2024-04-06T12:00:00", 45388.5], ["2024-04-06T23:59:59.999", 45388 + 86399.999 / 86400],
    ["2024-04-06T00:30:00+08:00", 45388 + 0.5 / 24], ["2024-04-06 06:00", 45388.25], ["12:00:00", 0.5], ["not a date", NaN], ["2024-13-01", NaN],
  ])("ISO text %s is the civil serial %d (no time zone)", (text, serial) => {
    const got = serialFromIsoText(text);
    if (Number.isNaN(serial)) expect(got).toBeNaN();
    else expect(got).toBeCloseTo(serial, 9);
  });
});
