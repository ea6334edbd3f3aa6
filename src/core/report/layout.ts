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
export const SUMMARY_LAYOUT: ReportLayout = { widths: [24, 16, 32, 30, 10, 30, 8, 8, 8, 10], wrap: [0, 1, 2, 3, 5] };
export const FINDINGS_LAYOUT: ReportLayout = { widths: [56, 24, 14, 8, 10, 10, 10, 36, 11], wrap: [0, 1, 2, 5, 6, 7] };

/**
 * Width of `s` in Excel's character units (the width of a digit): a Chinese character or
 * full-width mark is two, anything else one.
 */
export function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    w += cp >= 0x1100 && (cp <= 0x115f || (cp >= 0x2e80 && cp <= 0xa4cf) || (cp >= 0xac00 && cp <= 0xd7a3)
      || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xfe30 && cp <= 0xfe4f) || (cp >= 0xff00 && cp <= 0xff60)
      || (cp >= 0xffe0 && cp <= 0xffe6) || cp >= 0x20000) ? 2 : 1;
  }
  return w;
}

/**
 * Lines of text `width` wide in a column with `room`: one when it fits; else as many as it takes
 * with each line filled to 85 % (a word such as “Excel” or a bracket is not split, so a line
 * breaks early).
 */
function linesOf(width: number, room: number): number {
  return width <= room ? 1 : Math.ceil(width / (room * 0.85));
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
    const room = Math.max(1, layout.widths[c] - 0.5);
    const n = String(v).split(/\r?\n/).reduce((t, part) => t + linesOf(textWidth(part), room), 0);
    lines = Math.max(lines, n);
  }
  return lines;
}
