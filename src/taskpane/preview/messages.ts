/**
 * What the sheet preview says (SheetPreview.tsx), both languages: kept out of the pane's main
 * catalogue so that they arrive with the preview's chunk and not in the first load; only its
 * toggle (显示表格 / 隐藏表格) is in src/i18n. test/unit/chinese-text.test.ts scans the Chinese.
 */
import { enUS } from "../../i18n/en-US";
import { useMessages } from "../i18n";

export interface PreviewMessages {
  gridLabel: (sheet: string) => string;
  sheets: string;
  hint: string;
  cellFindings: (cell: string, n: number) => string;
  cellClean: (cell: string) => string;
  empty: string;
  unavailable: string;
}

export const previewZhCN: PreviewMessages = {
  gridLabel: (sheet) => `工作表“${sheet}”（只读）`,
  sheets: "工作表",
  hint: "点击着色单元格或按 Enter 键查看问题",
  cellFindings: (cell, n) => `${cell}有${n}个问题：`,
  cellClean: (cell) => `${cell}未发现问题。`,
  empty: "该工作表没有内容。",
  unavailable: "无法显示该文件的表格。",
};

export const previewEnUS: PreviewMessages = {
  gridLabel: (sheet) => `Sheet "${sheet}" (read-only)`,
  sheets: "Sheets",
  hint: "Click a coloured cell, or press Enter on it, to list its findings",
  cellFindings: (cell, n) => `${cell}: ${n} finding${n === 1 ? "" : "s"}`,
  cellClean: (cell) => `No findings in ${cell}.`,
  empty: "This sheet is empty.",
  unavailable: "The sheet cannot be shown for this file.",
};

/** The preview's messages in the pane's language. */
export function usePreviewMessages(): PreviewMessages {
  return useMessages() === enUS ? previewEnUS : previewZhCN;
}
