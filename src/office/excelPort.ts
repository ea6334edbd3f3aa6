/**
 * ExcelPort over Office.js: every call is one Excel.run batch. `run` and `api` are injectable so
 * the adapter is tested against office-addin-mock, as a current or as an old Excel.
 */
import type { Finding } from "../core/validate/findings";
import type { WorkbookSnapshot } from "../core/validate/snapshot";
import { readActiveSheet, readAllSheets } from "./read";
import { MARK_STORE_SHEET } from "./sheetNames";
import { customFunctionsSupported, hostFeatures, officeApiSupport, type ExcelApiSupport } from "./apiSupport";
import type { ExcelPort, OnReadProgress, ReportCell } from "./port";
import type { ReportInput } from "../core/report/rows";

/**
 * The writers — the report, marking and template insertion — are fetched on first use, each as
 * its own chunk: none of them is needed to open the pane or check a sheet, and together they are
 * about a twentieth of the pane's first load.
 */
const reportWriter = () => import(/* webpackChunkName: "office-report" */ "./report");
const marker = () => import(/* webpackChunkName: "office-marks" */ "./marks");
const templateWriter = () => import(/* webpackChunkName: "office-template" */ "./template");

export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface ExcelPortOptions {
  run?: ExcelRun;
  /** base names of report sheets (all locales), so "validate all" skips the pane's own output */
  reportSheetNames?: readonly string[];
  /** the host's ExcelApi sets (default: asked of Office.context.requirements) */
  api?: ExcelApiSupport;
  /** .xlsx bytes → snapshot, to write a template cell by cell where Excel cannot insert sheets */
  parseTemplate?: (bytes: ArrayBuffer) => Promise<WorkbookSnapshot>;
  /** custom functions run here (default: asked of Office) */
  customFunctions?: boolean;
}

function isReportSheet(name: string, bases: readonly string[]): boolean {
  return bases.some((b) => name === b || (name.startsWith(`${b} (`) && name.endsWith(")")));
}

function fromBase64(base64: string): ArrayBuffer {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes.buffer;
}

export function createExcelPort(opts: ExcelPortOptions = {}): ExcelPort {
  const run: ExcelRun = opts.run ?? ((batch) => Excel.run(batch));
  const api = opts.api ?? officeApiSupport();
  const bases = opts.reportSheetNames ?? [];
  const skipSheet = (name: string) => name === MARK_STORE_SHEET || isReportSheet(name, bases);
  return {
    features: hostFeatures(api, opts.customFunctions ?? customFunctionsSupported()),
    readActiveSheet: (onProgress?: OnReadProgress) => run((ctx) => readActiveSheet(ctx, { onProgress, api })),
    readAllSheets: (onProgress?: OnReadProgress) => run((ctx) => readAllSheets(ctx, { onProgress, skipSheet, api })),
    selectCell: (sheet: string, cell: string) => run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRange(cell).select();
      await ctx.sync();
    }),
    addReportSheet: async (baseName: string, table: ReportCell[][]) => {
      const { addReportSheet } = await reportWriter();
      return run((ctx) => addReportSheet(ctx, baseName, table, api));
    },
    addReport: async (input: ReportInput) => {
      const { addReport } = await reportWriter();
      return run((ctx) => addReport(ctx, input, api));
    },
    highlight: async (findings: readonly Finding[]) => {
      // the pane hides marking on such hosts; this is the adapter's own refusal
      if (!api.isSupported("1.9")) throw new Error("当前 Excel 版本不能完整记录单元格原填充，无法标注。");
      const { highlightFindings } = await marker();
      return run((ctx) => highlightFindings(ctx, findings, api));
    },
    clearHighlights: async () => {
      if (!api.isSupported("1.9")) throw new Error("当前 Excel 版本不能完整恢复单元格原填充，无法清除标注。");
      const { clearHighlights } = await marker();
      return run((ctx) => clearHighlights(ctx, api));
    },
    insertFormula: (formula: string) => run(async (context) => {
      // getActiveCell is ExcelApi 1.7; the selection's top-left cell is the same cell on 1.1
      const cell = api.isSupported("1.7") ? context.workbook.getActiveCell() : context.workbook.getSelectedRange().getCell(0, 0);
      cell.formulas = [[formula]];
      cell.load("address");
      await context.sync();
      return cell.address;
    }),
    insertTemplate: async (base64: string, blank) => {
      if (api.isSupported("1.13")) {
        await run(async (ctx) => {
          const ids = ctx.workbook.insertWorksheetsFromBase64(base64, { positionType: "End" });
          await ctx.sync();
          if (ids.value.length > 0) {
            ctx.workbook.worksheets.getItem(ids.value[0]).activate();
            await ctx.sync();
          }
        });
        return { byCells: false };
      }
      if (!opts.parseTemplate) throw new Error("当前 Excel 版本不能直接插入模板工作表。");
      const [template, { writeBlankExtras, writeTemplateSheets }] = await Promise.all([opts.parseTemplate(fromBase64(base64)), templateWriter()]);
      const names = await run((ctx) => writeTemplateSheets(ctx, template, api));
      // a blank's formulas and dropdowns: the snapshot carries values only
      if (blank && names.length > 0) {
        const { validations } = await run((ctx) => writeBlankExtras(ctx, names[0], blank, api));
        return { byCells: true, validations };
      }
      return { byCells: true };
    },
  };
}
