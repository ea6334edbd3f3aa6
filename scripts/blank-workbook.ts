/**
 * A BlankSheet (blank-spec.ts) as .xlsx bytes: the sample writer's frame (src/xlsx/write.ts:
 * values, merges, bold header, widths, frozen header), then the data rows' formulas (no cached
 * value: every client computes them on load, and Excel is told to with fullCalcOnLoad), data
 * validations with prompts and error messages, number formats and a grey fill on the computed
 * columns. Dates and the author are fixed, so regenerating changes no content.
 */
import ExcelJS from "exceljs";
import { addSnapshotSheet } from "../src/xlsx/write";
import type { BlankSheet, BlankValidation } from "./blank-spec";

/** The fixed creation date of every blank (docProps/core.xml). */
export const BLANK_DATE = new Date(Date.UTC(2026, 0, 1));
const COMPUTED_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFEDEDED" } };

function cellsOf(range: string): { col: string; from: number; to: number } {
  const m = /^([A-Z]+)(\d+)(?::[A-Z]+(\d+))?$/.exec(range);
  if (!m) throw new Error(`bad range ${range}`);
  return { col: m[1], from: Number(m[2]), to: Number(m[3] ?? m[2]) };
}

/** ExcelJS's data validation for a blank validation (formulas relative to the range's first row). */
export function excelValidation(v: BlankValidation): ExcelJS.DataValidation {
  const first = cellsOf(v.range).from;
  const common = {
    allowBlank: true, showInputMessage: true, promptTitle: v.title, prompt: v.prompt,
    showErrorMessage: true, errorStyle: v.style, errorTitle: v.title, error: v.error,
  };
  switch (v.type) {
    case "list":
      return { type: "list", formulae: [`"${(v.values ?? []).join(",")}"`], ...common };
    case "custom":
      return { type: "custom", formulae: [(v.formula ?? "TRUE").replace(/\{r\}/g, String(first))], ...common };
    default:
      return v.max === undefined
        ? { type: v.type, operator: "greaterThanOrEqual", formulae: [v.min ?? 0], ...common }
        : { type: v.type, operator: "between", formulae: [v.min ?? 0, v.max], ...common };
  }
}

/** Adds the blank as a worksheet of `wb`. */
export function addBlankSheet(wb: ExcelJS.Workbook, blank: BlankSheet): ExcelJS.Worksheet {
  const bold = [1, ...blank.headerRows];
  const ws = addSnapshotSheet(wb, {
    sheet: blank.snapshot, widths: blank.widths, boldRows: bold, freezeBelow: blank.firstRow,
  });
  // printed as offices file it: landscape, one page wide, the title and header on every page
  ws.pageSetup = {
    ...ws.pageSetup, orientation: "landscape", paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0,
    printTitlesRow: `1:${blank.firstRow - 1}`,
  };
  const x = blank.extras;
  for (const f of x.numFmts) {
    const { col, from, to } = cellsOf(f.range);
    for (let r = from; r <= to; r++) ws.getCell(`${col}${r}`).numFmt = f.format;
  }
  for (const f of x.formulas) {
    const { col, from, to } = cellsOf(f.range);
    for (let r = from; r <= to; r++) {
      const cell = ws.getCell(`${col}${r}`);
      cell.value = { formula: f.formula.replace(/\{r\}/g, String(r)) } as ExcelJS.CellFormulaValue;
      cell.fill = COMPUTED_FILL;
    }
  }
  // ExcelJS keeps range validations (its typings list only the per-cell cell.dataValidation)
  const dvs = (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations;
  for (const v of x.validations) dvs.add(v.range, excelValidation(v));
  return ws;
}

/** The blank as .xlsx bytes. */
export async function writeBlankWorkbook(blank: BlankSheet): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "GOV";
  wb.lastModifiedBy = "GOV";
  wb.created = BLANK_DATE;
  wb.modified = BLANK_DATE;
  wb.calcProperties.fullCalcOnLoad = true;
  addBlankSheet(wb, blank);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/**
 * What a workbook holds, as comparable data: each sheet's cells (value or formula, number format),
 * merges and data validations. The zip's own timestamps are not content: the generator keeps a
 * committed file whose content is unchanged (so regenerating yields the same bytes), and the test
 * compares the committed files with the generator's output by this.
 */
export async function workbookContent(bytes: Uint8Array | Buffer): Promise<unknown> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb.worksheets.map((ws) => {
    const cells: Record<string, unknown> = {};
    ws.eachRow({ includeEmpty: false }, (row) => row.eachCell({ includeEmpty: false }, (c) => {
      cells[c.address] = { v: c.formula ? `=${c.formula}` : c.value, f: c.numFmt ?? null, b: c.font?.bold ?? false, fill: c.fill ?? null };
    }));
    const model = ws as unknown as { model: { merges?: string[] }; dataValidations: { model: Record<string, unknown> } };
    return {
      name: ws.name, cells, merges: [...(model.model.merges ?? [])].sort(), dv: model.dataValidations.model,
      page: ws.pageSetup, views: ws.views, widths: ws.columns?.map((c) => c.width ?? null) ?? [],
    };
  });
}
