/**
 * ExcelPort over Office.js: every call is one Excel.run batch. `run` is injectable so the
 * adapter is tested against office-addin-mock.
 */
import type { Finding } from "../core/validate/findings";
import { readActiveSheet, readAllSheets } from "./read";
import { addReportSheet } from "./report";
import { MARK_STORE_SHEET, clearHighlights, highlightFindings } from "./marks";
import type { ExcelPort, OnReadProgress, ReportCell } from "./port";

export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface ExcelPortOptions {
  run?: ExcelRun;
  /** base names of report sheets (all locales), so "validate all" skips the pane's own output */
  reportSheetNames?: readonly string[];
}

function isReportSheet(name: string, bases: readonly string[]): boolean {
  return bases.some((b) => name === b || (name.startsWith(`${b} (`) && name.endsWith(")")));
}

export function createExcelPort(opts: ExcelPortOptions = {}): ExcelPort {
  const run: ExcelRun = opts.run ?? ((batch) => Excel.run(batch));
  const bases = opts.reportSheetNames ?? [];
  const skipSheet = (name: string) => name === MARK_STORE_SHEET || isReportSheet(name, bases);
  return {
    readActiveSheet: (onProgress?: OnReadProgress) => run((ctx) => readActiveSheet(ctx, { onProgress })),
    readAllSheets: (onProgress?: OnReadProgress) => run((ctx) => readAllSheets(ctx, { onProgress, skipSheet })),
    selectCell: (sheet: string, cell: string) => run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRange(cell).select();
      await ctx.sync();
    }),
    addReportSheet: (baseName: string, table: ReportCell[][]) => run((ctx) => addReportSheet(ctx, baseName, table)),
    highlight: (findings: readonly Finding[]) => run((ctx) => highlightFindings(ctx, findings)),
    clearHighlights: () => run((ctx) => clearHighlights(ctx)),
    insertFormula: (formula: string) => run(async (context) => {
      const cell = context.workbook.getActiveCell();
      cell.formulas = [[formula]];
      cell.load("address");
      await context.sync();
      return cell.address;
    }),
    insertTemplate: (base64: string) => run(async (ctx) => {
      const ids = ctx.workbook.insertWorksheetsFromBase64(base64, { positionType: "End" });
      await ctx.sync();
      if (ids.value.length > 0) {
        ctx.workbook.worksheets.getItem(ids.value[0]).activate();
        await ctx.sync();
      }
    }),
  };
}
