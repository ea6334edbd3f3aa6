/**
 * 任务窗格界面文字（简体中文，默认）。Finding messages come from the core (already Chinese);
 * this catalogue holds only what the pane itself says.
 */
import { SEVERITY_LABEL_ZH, type Severity } from "../core/validate/severity";

export const zhCN = {
  appTitle: "GOV 表格校验",
  tabValidate: "校验",
  tabFunctions: "函数",
  tabTemplates: "模板",
  // Validate tab
  showMore: (n: number) => `再显示${n}条`,
  arranging: "正在整理校验结果…",
  remaining: (n: number) => `还有${n}条未显示`,
  // groups (many findings of one check and one message) and consequences (core/validate/groups.ts)
  groupCount: (n: number) => `共${n}处`,
  groupConsequences: (n: number) => `另有连带问题${n}条`,
  consequencesToggle: (n: number) => `连带问题${n}条`,
  consequenceLabel: "连带",
  consequencesNote: (n: number) => `另有${n}条连带问题，折叠在引起它们的问题之下，不计入以上数目。`,
  selectedFinding: (where: string) => `已选中${where}`,
  connecting: "正在连接 Excel…",
  sampleLabel: "示例工作簿",
  templateDocument: (doc: string) => `依据${doc}`,
  busy: "处理中…",
  validateActive: "校验当前工作表",
  validateAll: "校验全部",
  reading: (sheet: string, done: number, total: number) => `正在读取“${sheet}”：${done}/${total}行`,
  validating: "正在校验…",
  sheetsTitle: "识别的模板",
  noTemplate: "未识别模板",
  headerRowAt: (row: number) => `表头在第${row}行`,
  dataRows: (n: number) => `${n}行数据`,
  colon: "：",
  sheetDetail: (title: string, parts: readonly string[]) => `${title}（${parts.join("，")}）`,
  findingsTitle: "校验结果",
  noFindings: "未发现问题。",
  notValidatedYet: "点击“校验当前工作表”或“校验全部”开始。",
  filterLabel: "按严重程度筛选",
  filterAll: "全部",
  severityCount: (label: string, n: number) => `${label}（${n}）`,
  cellLabel: "单元格",
  clauseLabel: "依据",
  ruleLabel: "规则",
  expectedLabel: "应为",
  actualLabel: "填报",
  selectFindingHint: (sheet: string, cell: string) => `定位到${sheet}!${cell}`,
  makeReport: "生成校验报告",
  /** the report's sheets (校验汇总, 问题清单), as they were named */
  reportDone: (names: readonly string[]) =>
    `已生成工作表${names.length === 2 ? `“${names[0]}”和“${names[1]}”` : names.map((n) => `“${n}”`).join("、")}。`,
  markCells: "标注问题单元格",
  marked: (n: number) => `已标注${n}个单元格。`,
  clearMarks: "清除标注",
  cleared: (n: number) => `已恢复${n}个单元格的原填充。`,
  errorPrefix: "操作失败：",
  // Report sheets: their names and wording are the report's own (core/report/messages.ts), in
  // Chinese whatever the pane's language: the report is forwarded as it is
  // Functions tab
  functionsTitle: "自定义函数",
  functionsLoading: "正在加载函数列表…",
  functionsLoadFailed: "无法加载函数列表：",
  parameters: "参数",
  optional: "（可选）",
  example: "示例",
  insert: "插入",
  inserted: (address: string) => `已插入到${address}。`,
  // Templates tab
  templatesTitle: "模板",
  insertTemplate: "插入示例",
  insertBlank: "插入空白模板",
  downloadBlank: "下载空白模板",
  blankIntro: "空白模板带下拉选项、取值范围提示和计算公式，未安装本加载项的Excel、WPS也能使用；示例为已填好的样表。",
  blankValidationsSkipped: "当前Excel版本不能添加下拉选项和取值范围，公式已写入。",
  templateInserted: (title: string) => `已插入“${title}”。`,
  // Standalone mode
  standaloneTitle: "离线校验（浏览器模式）",
  standaloneIntro: "未在Excel中运行。选择或拖入.xlsx文件（可一次多个），在本机浏览器内校验，文件不会上传。",
  chooseFile: "选择.xlsx文件",
  dropHere: "将.xlsx文件拖到此处，可一次拖入多个",
  openSample: "打开示例",
  loadingFile: (name: string) => `正在读取${name}…`,
  readingProgress: (name: string, sheet: string, index: number, sheets: number, percent: number) =>
    `正在读取${name}：工作表“${sheet}”（${index}/${sheets}）${percent}%`,
  validatingFile: (name: string) => `正在校验${name}…`,
  cancelRead: "取消",
  readCancelled: (name: string) => `已取消读取${name}`,
  fileLabel: (name: string) => `文件：${name}`,
  reportDownloaded: (name: string) => `已下载${name}`,
  downloadReport: "下载校验报告",
  reportFileSuffix: "-校验报告.xlsx",
  notXlsx: "请选择.xlsx格式的工作簿。",
  // many files (issue 12 item 3)
  filesTitle: (n: number) => `已打开${n}个文件`,
  filesTotals: (passed: number, failed: number, unreadable: number) => `通过${passed}个，未通过${failed}个，无法读取${unreadable}个`,
  unreadableFile: (name: string, reason: string) => `无法读取“${name}”：${reason}`,
  verdictPass: "通过",
  verdictPassNotes: (n: number) => `通过（需说明${n}处）`,
  verdictFail: (n: number) => `未通过（违规${n}处）`,
  verdictUnreadable: (reason: string) => `无法读取（${reason.replace(/[。.]$/u, "")}）`,
  verdictWaiting: "等待校验",
  verdictChecking: "正在校验…",
  verdictReading: (percent: number) => `正在读取${percent}%`,
  verdictCancelled: "已取消",
  reportManyName: (first: string, n: number) => `${first.replace(/\.xlsx$/i, "")}等${n}个文件`,
  togetherLabel: "合并校验",
  togetherHint: "把各文件中同一模板的表格合为一张表校验：跨文件重复填报的单位、团长本年度出访次数、排名和先进名额按全部文件计算。",
  // standalone 函数 and 模板 tabs (issue 12 item 2)
  calculate: "试算",
  calcRun: "计算",
  calcResult: "结果",
  calcHint: "按在单元格中填写的方式输入：数字、文字、是/否、日期（如2024-03-05）；一个参数占多个单元格时，各值用顿号或逗号分隔；可选参数可留空。",
  calcLoading: "正在加载函数…",
  calcError: (code: string, message: string) => `${code}${message ? `：${message}` : ""}`,
  zhName: (name: string) => `中文函数名：${name}`,
  /** the columns of GOV.GRID_STAFFING's row (functions.md) */
  gridStaffingColumns: ["岗位数", "年补助（元）", "市级（元）", "区级（元）"] as readonly string[],
  downloadSample: "下载填写示例",
  templatesDeskIntro: "未在Excel中运行，模板不能插入工作簿，可下载后在Excel或WPS中填写，再到“校验”页检查。",
  // 立即校验 (live checking)
  liveLabel: "立即校验",
  liveHint: "开启后，每次修改单元格都立即校验所在工作表，并标注或清除问题单元格，不改动单元格内容；开关随工作簿保存。",
  liveUnsupported: "当前 Excel 版本不支持工作表更改事件，无法立即校验，请使用“校验当前工作表”。此功能需 Excel 2019 及以上版本、Microsoft 365 或网页版 Excel。",
  liveProtected: (sheet: string) => `工作表“${sheet}”受保护，无法标注，立即校验已关闭；撤销保护后可重新开启。`,
  liveTooLarge: (sheet: string, rows: number, max: number) =>
    `工作表“${sheet}”有${rows}行，超过立即校验上限${max}行，立即校验已关闭；请使用“校验当前工作表”。`,
  liveFailed: (detail: string) => `立即校验出错，已关闭：${detail}`,
  liveStatus: (problems: number, ms: number) => `立即校验：${problems}个问题，最近一次用时${ms}毫秒。`,
  liveFindingsTitle: "立即校验结果",
  // the sheet preview (standalone pane, wide window)
  previewShow: "显示表格",
  previewHide: "隐藏表格",
  // the core's labels, so the pane, the report sheet and govcheck say the same words
  severity: SEVERITY_LABEL_ZH as Record<Severity, string>,
};

export type Messages = typeof zhCN;
