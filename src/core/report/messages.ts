/**
 * The report workbook's wording (zh-CN, GB/T 15834 punctuation: chinese-text.md). One catalogue
 * for every writer: the .xlsx report (govcheck --report, the standalone pane's download) and the
 * report sheets the pane adds inside Excel. The report is forwarded upward as it is, so it is
 * Chinese whatever the pane's language.
 */
export const reportMessages = {
  title: "校验报告",
  findingsTitle: "校验报告：问题清单",
  summarySheet: "校验汇总",
  findingsSheet: "问题清单",
  checkedOn: (date: string) => `校验日期：${date}`,
  summaryHeader: ["文件", "工作表", "模板", "填报单位", "数据行数", "结论", "违规", "需说明", "提示", "连带问题"],
  findingsHeader: ["问题说明", "文件", "工作表", "单元格", "严重程度", "应为", "填报", "依据", "规则编号"],
  /** the 模板 column of a sheet that matched no template */
  noTemplate: "未识别",
  /** the 填报单位 column of a sheet with no 填报单位 line above its table */
  noUnit: "未注明",
  pass: "通过",
  fail: "未通过",
  unreadable: (reason: string) => `无法读取：${reason}`,
  /** a consequence's lead, before its message */
  consequence: (cell: string) => `连带（由${cell}单元格引起）：`,
  yes: "是",
  no: "否",
  totals: (files: number, sheets: number, passed: number, failed: number, unreadable: number) =>
    `共${files}个文件、${sheets}个工作表：通过${passed}个，未通过${failed}个，无法读取${unreadable}个`,
  counts: (errors: number, warnings: number, infos: number, consequences: number) =>
    `违规${errors}处、需说明${warnings}处、提示${infos}处${consequences > 0 ? `，另有连带问题${consequences}处（随根源列出，不另计数）` : ""}`,
  noFindings: "未发现问题。",
  findingsNote: "连带问题列在引起它的问题之后，改正根源后一般随之消除，不另计入违规数。",
  /** the footer of each printed page (Excel header/footer codes: &P page, &N pages) */
  pageFooter: "第&P页，共&N页",
} as const;

export type ReportMessages = typeof reportMessages;
