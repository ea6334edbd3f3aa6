/**
 * Standalone mode's workbook access. The reader (src/xlsx, the same code govcheck runs: no
 * ExcelJS) is import()ed into its own chunk, fetched when a file is opened outside Excel;
 * ExcelJS only writes the report workbook, in another chunk fetched when a report is asked for.
 */
import type { FileWorkbookPort } from "./types";

export function createFileWorkbookPort(): FileWorkbookPort {
  return {
    async read(data, file) {
      const { readWorkbookBuffer } = await import(/* webpackChunkName: "xlsx-read" */ "../xlsx/buffer");
      return readWorkbookBuffer(data, { file });
    },
    async report(result, file) {
      const { writeReportWorkbook } = await import(/* webpackChunkName: "xlsx" */ "../xlsx/report");
      return writeReportWorkbook({
        findings: result.findings,
        sheets: result.sheets.map((s) => ({ file, sheet: s.sheet, template: s.template, rows: s.rows, headerRow: s.headerRow })),
        files: [file],
      });
    },
  };
}
