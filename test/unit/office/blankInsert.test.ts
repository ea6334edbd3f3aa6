/**
 * Issue 13 item 1, inside Excel without insertWorksheetsFromBase64: a blank's formulas and number
 * formats are written on ExcelApi 1.1, its dropdowns and bounds (DataValidation, ExcelApi 1.8) only
 * where the host has them (writeBlankExtras, src/office/template.ts).
 */
import { readFileSync } from "fs";
import { join } from "path";
import { upTo } from "../../../src/office/apiSupport";
import { type BlankExtras, expandFormula, validationRule, writeBlankExtras } from "../../../src/office/template";

const extras = JSON.parse(readFileSync(join(__dirname, "../../../assets/templates/blank/petition.json"), "utf8")) as BlankExtras;

function fakeContext() {
  const writes: [string, string, unknown][] = [];
  const range = (address: string) => ({
    set numberFormat(v: unknown) { writes.push([address, "numberFormat", v]); },
    set formulas(v: unknown) { writes.push([address, "formulas", v]); },
    dataValidation: {
      clear: () => writes.push([address, "dataValidation.clear", null]),
      set: (v: unknown) => writes.push([address, "dataValidation.set", v]),
    },
  });
  const sheets: string[] = [];
  const context = {
    workbook: { worksheets: { getItem: (name: string) => { sheets.push(name); return { getRange: range }; } } },
    sync: jest.fn(async () => undefined),
  };
  return { context: context as unknown as Excel.RequestContext, writes, sheets };
}

describe("writeBlankExtras", () => {
  test("ExcelApi 1.1: formulas for every row, number formats, no validation", async () => {
    const { context, writes, sheets } = fakeContext();
    expect(await writeBlankExtras(context, "评分表 (2)", extras, upTo("1.1"))).toEqual({ validations: false });
    expect(sheets).toEqual(["评分表 (2)"]);
    const total = extras.formulas[0];
    const written = writes.find(([a, what]) => a === total.range && what === "formulas")![2] as string[][];
    expect(written).toHaveLength(extras.lastRow - extras.firstRow + 1);
    expect(written[0][0]).toBe(`=${total.formula.replace(/\{r\}/g, String(extras.firstRow))}`);
    expect(written[written.length - 1][0]).toContain(`D${extras.lastRow}`);
    expect(writes.some(([, what]) => what.startsWith("dataValidation"))).toBe(false);
    expect(writes.filter(([, what]) => what === "numberFormat")).toHaveLength(extras.numFmts.length);
  });

  test("ExcelApi 1.8: each validation with its rule, prompt and error alert", async () => {
    const { context, writes } = fakeContext();
    expect(await writeBlankExtras(context, "评分表", extras, upTo("1.8"))).toEqual({ validations: true });
    const sets = writes.filter(([, what]) => what === "dataValidation.set");
    expect(sets).toHaveLength(extras.validations.length);
    const category = sets.find(([, , v]) => (v as { rule: Excel.DataValidationRule }).rule.list)![2] as Excel.DataValidation;
    expect(category.rule.list).toEqual({ inCellDropDown: true, source: "A类,B类,C类" });
    expect(category.prompt.message).toContain("依据：深办〔2003〕36号");
    expect(category.errorAlert).toMatchObject({ showAlert: true, style: "Stop" });
  });

  test("rules: custom formulas at the range's first row, bounds as Between or at least", () => {
    const custom = extras.validations.find((v) => v.type === "custom")!;
    expect(validationRule(custom).custom!.formula).toBe(`=${custom.formula!.replace(/\{r\}/g, String(extras.firstRow))}`);
    expect(validationRule({ range: "C6:C9", type: "whole", min: 1, title: "", prompt: "", error: "", style: "stop" }))
      .toEqual({ wholeNumber: { formula1: 1, operator: "GreaterThanOrEqualTo" } });
    expect(validationRule({ range: "C6:C9", type: "decimal", min: 0, max: 50, title: "", prompt: "", error: "", style: "stop" }))
      .toEqual({ decimal: { formula1: 0, formula2: 50, operator: "Between" } });
    expect(expandFormula("L6:L7", "D{r}+1")).toEqual([["=D6+1"], ["=D7+1"]]);
    expect(expandFormula("E106", "SUM(E4:E105)")).toEqual([["=SUM(E4:E105)"]]);
  });
});

describe("insertTemplate with a blank on Excel writing cell by cell", () => {
  test("ExcelApi 1.1: the blank's cells, then its formulas in every data row; no validation (1.8)", async () => {
    const { FakeWorkbook } = await import("./fakeExcel");
    const { createExcelPort } = await import("../../../src/office/excelPort");
    const wb = new FakeWorkbook([{ name: "Sheet1", rows: [["x"]] }]);
    wb.apiVersion = 1;
    (globalThis as unknown as { Excel: unknown }).Excel = wb.mock();
    const template = { sheets: [{ name: extras.sheet, rows: [["信访工作目标管理考核评分表"]] }] };
    const port = createExcelPort({ api: wb.api(), customFunctions: false, parseTemplate: async () => template });
    expect(await port.insertTemplate("UEsDBA==", extras)).toEqual({ byCells: true, validations: false });
    const sheet = wb.sheet(extras.sheet);
    expect(sheet.at("A1").value).toBe("信访工作目标管理考核评分表");
    const total = extras.formulas[0];
    const col = total.range.replace(/\d.*$/, "");
    expect(sheet.at(`${col}${extras.firstRow}`).value).toBe(`=${total.formula.replace(/\{r\}/g, String(extras.firstRow))}`);
    expect(sheet.at(`${col}${extras.lastRow}`).value).toBe(`=${total.formula.replace(/\{r\}/g, String(extras.lastRow))}`);
  });
});
