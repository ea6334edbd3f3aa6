/**
 * Formula injection (issue 6.3): text beginning with = + - @ tab or CR stays text in the report
 * workbook and is defused in CSV output, whichever field carries it.
 */
import JSZip from "jszip";
import ExcelJS from "exceljs";
import { formatCsv } from "../../../src/cli/formatters/csv";
import type { RunResult } from "../../../src/cli/result";
import type { Finding } from "../../../src/core/validate/findings";
import { writeReportWorkbook } from "../../../src/xlsx/report";

const DANGEROUS = ["=HYPERLINK(\"http://x\",\"y\")", "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)", "\t=1+1", "\r=1+1"];

function finding(text: string, i: number): Finding {
  return {
    file: text, sheet: text, cell: `A${i + 1}`, row: i, column: "A", severity: "error",
    rule: "R1", clause: "第一条", message: text, expected: text, actual: text, template: "grid",
  } as Finding;
}

const findings = DANGEROUS.map(finding);

it("the report workbook stores every formula-looking text as a string, never a formula", async () => {
  const bytes = await writeReportWorkbook({
    findings, sheets: DANGEROUS.map((t) => ({ file: t, sheet: t, template: null, rows: 1, headerRow: null })),
    files: DANGEROUS, unreadable: [{ file: "=1+1", message: "=2+2" }], templates: [],
  });
  const zip = await JSZip.loadAsync(bytes);
  // the summary sheet and the findings sheet
  for (const part of ["xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"]) {
    expect(await zip.file(part)!.async("string")).not.toMatch(/<f[ >]/);
  }
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  expect(wb.worksheets).toHaveLength(2);
  const texts: string[] = [];
  for (const ws of wb.worksheets) ws.eachRow((row) => row.eachCell((c) => {
    expect(c.type).not.toBe(ExcelJS.ValueType.Formula);
    if (typeof c.value === "string") texts.push(c.value);
  }));
  // (XML line-end normalisation reads a stored CR back as LF; it is still text, never a formula)
  const lf = (x: string) => x.replace(/\r/g, "\n");
  for (const t of DANGEROUS) expect(texts.filter((x) => lf(x) === lf(t)).length).toBeGreaterThanOrEqual(3);
});

it("CSV output prefixes every formula-looking field with ' (and quotes it when needed)", () => {
  const result: RunResult = { files: DANGEROUS, sheets: [], findings, unreadable: [] };
  const csv = formatCsv(result).replace(/^\uFEFF/, "");
  // parse RFC 4180 back
  const rows: string[][] = [];
  let field = "", row: string[] = [], quoted = false;
  for (let i = 0; i < csv.length; i++) {
    const ch = csv[i];
    if (quoted) {
      if (ch === '"' && csv[i + 1] === '"') { field += '"'; i++; } else if (ch === '"') quoted = false; else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") { row.push(field); field = ""; }
    else if (ch === "\r" && csv[i + 1] === "\n") { row.push(field); rows.push(row); row = []; field = ""; i++; }
    else field += ch;
  }
  const body = rows.slice(1);
  expect(body).toHaveLength(DANGEROUS.length);
  body.forEach((r, i) => {
    const t = DANGEROUS[i];
    // file, sheet, message, expected, actual all defused
    for (const col of [0, 1, 6, 7, 8]) expect(r[col]).toBe(`'${t}`);
    for (const f of r) expect(f).not.toMatch(/^[=+\-@\t\r]/);
  });
});
