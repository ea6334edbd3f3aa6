/**
 * Standalone mode's workbook access. ExcelJS (through src/xlsx) is import()ed here and only here,
 * so webpack puts it in its own chunk, fetched only when a file is opened outside Excel.
 */
import type { FileWorkbookPort } from "./types";

export function createFileWorkbookPort(): FileWorkbookPort {
  return {
    async read(data, file) {
      const { readWorkbookBuffer } = await import(/* webpackChunkName: "xlsx" */ "../xlsx/buffer");
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
