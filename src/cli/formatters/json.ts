/** --format json: ONE document on stdout (sheets, issues, summary), pure. */
import type { RunResult } from "../result";
import { summarize } from "../result";

export function formatJson(r: RunResult): string {
  const doc = {
    sheets: r.sheets.map((s) => ({ file: s.file, sheet: s.sheet, template: s.template, rows: s.rows, headerRow: s.headerRow })),
    issues: r.findings,
    summary: summarize(r),
    unreadable: r.unreadable,
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
