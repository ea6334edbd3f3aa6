/**
 * What the pane tells the clerk about the Excel it runs in: what was read differently, and which
 * features this Excel version lacks and why. Kept beside the pane (one entry per message, both
 * languages); test/unit/taskpane/hostMessages.test.tsx checks the Chinese punctuation.
 */
import type { ReadNote } from "../core/validate/snapshot";
import { enUS } from "../i18n/en-US";
import { useMessages } from "./i18n";

export interface HostMessages {
  mergesTooMany: (sheet: string) => string;
  mergesUnsupported: string;
  markUnsupported: string;
  markSkippedProtected: (sheets: readonly string[]) => string;
  clearKeptProtected: (sheets: readonly string[]) => string;
  templateByCellsAhead: string;
  templateByCells: string;
  functionsUnsupported: string;
}

const quoted = (sheets: readonly string[]) => sheets.map((s) => `“${s}”`).join("、");

export const hostZhCN: HostMessages = {
  mergesTooMany: (sheet) => `工作表“${sheet}”的合并单元格超过 Excel 一次可读取的数量，已按未合并读取；表头识别可能受影响。`,
  mergesUnsupported: "当前 Excel 版本无法读取合并单元格，已按未合并读取；表头识别可能受影响。",
  markUnsupported: "当前 Excel 版本无法完整读取单元格原有的填充（图案、色调），清除标注时不能原样恢复，因此不提供“标注问题单元格”和“清除标注”；请在问题清单中点击定位。此功能需 Excel 2021、Microsoft 365 或网页版 Excel。",
  markSkippedProtected: (sheets) => `工作表${quoted(sheets)}受保护，未标注；撤销保护后可重新标注。`,
  clearKeptProtected: (sheets) => `工作表${quoted(sheets)}受保护，其标注暂未清除；撤销保护后再点“清除标注”。`,
  templateByCellsAhead: "当前 Excel 版本不能直接插入工作表：模板将按单元格写入（内容和合并单元格），字体、填充和列宽不保留。",
  templateByCells: "已按单元格写入模板内容和合并单元格，字体、填充和列宽未保留。",
  functionsUnsupported: "当前 Excel 版本不支持自定义函数（需 Excel 2021、Microsoft 365 或网页版 Excel），以下说明仅供查阅，不能插入。",
};

export const hostEnUS: HostMessages = {
  mergesTooMany: (sheet) => `Sheet "${sheet}" has more merged cells than Excel can list at once; it was read as unmerged, so header detection may suffer.`,
  mergesUnsupported: "This Excel version cannot read merged cells; sheets were read as unmerged, so header detection may suffer.",
  markUnsupported: "This Excel version cannot read a cell's full fill (pattern, tint), so marks could not be removed exactly: highlighting is not offered. Click a finding to go to its cell. Highlighting needs Excel 2021, Microsoft 365 or Excel on the web.",
  markSkippedProtected: (sheets) => `Protected sheets not highlighted: ${sheets.join(", ")}. Unprotect them and highlight again.`,
  clearKeptProtected: (sheets) => `Protected sheets keep their highlights: ${sheets.join(", ")}. Unprotect them and clear again.`,
  templateByCellsAhead: "This Excel version cannot insert sheets directly: templates are written cell by cell (contents and merged cells); fonts, fills and column widths are not kept.",
  templateByCells: "Template written cell by cell (contents and merged cells); fonts, fills and column widths were not kept.",
  functionsUnsupported: "This Excel version has no custom functions (they need Excel 2021, Microsoft 365 or Excel on the web); the list below is for reference and cannot be inserted.",
};

/** The host messages in the pane's language. */
export function useHostMessages(): HostMessages {
  return useMessages() === enUS ? hostEnUS : hostZhCN;
}

/** A read note in the clerk's words. */
export function readNoteText(h: HostMessages, note: ReadNote): string {
  return note.kind === "merges-too-many" ? h.mergesTooMany(note.sheet ?? "") : h.mergesUnsupported;
}
