/**
 * How the report's tables are laid out, shared by both writers (src/xlsx/report.ts,
 * src/office/report.ts): column widths, the columns that wrap, and the lines a row needs. Free of
 * the validator (and so of zod): the pane's first load carries it.
 */

export type ReportCell = string | number | null;

export interface ReportLayout {
  /** column widths in Excel's character units */
  widths: readonly number[];
  /** 0-based columns whose text wraps */
  wrap: readonly number[];
}

/** Column widths and the columns that wrap, shared by both writers. */
export const SUMMARY_LAYOUT: ReportLayout = { widths: [24, 16, 30, 28, 10, 26, 8, 8, 8, 10], wrap: [0, 1, 2, 3, 5] };
export const FINDINGS_LAYOUT: ReportLayout = { widths: [56, 18, 14, 8, 10, 12, 12, 28, 11], wrap: [0, 1, 2, 5, 6, 7] };

/** Width of `s` in Excel's character units: a Chinese character or full-width mark is two. */
export function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    w += cp >= 0x1100 && (cp <= 0x115f || (cp >= 0x2e80 && cp <= 0xa4cf) || (cp >= 0xac00 && cp <= 0xd7a3)
      || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xfe30 && cp <= 0xfe4f) || (cp >= 0xff00 && cp <= 0xff60)
      || (cp >= 0xffe0 && cp <= 0xffe6) || cp >= 0x20000) ? 2 : 1.1;
  }
  return w;
}

/**
 * How many lines a row needs with `layout`'s wrapping columns (at least 1), so a writer can set
 * its height: Excel and LibreOffice keep a file's row heights as stored, wrapped text included.
 */
export function rowLines(cells: readonly ReportCell[], layout: ReportLayout): number {
  let lines = 1;
  for (const c of layout.wrap) {
    const v = cells[c];
    if (v === null || v === undefined) continue;
    const room = Math.max(1, layout.widths[c] - 1.5);
    const n = String(v).split(/\r?\n/).reduce((t, part) => t + Math.max(1, Math.ceil(textWidth(part) / room)), 0);
    lines = Math.max(lines, n);
  }
  return lines;
}
