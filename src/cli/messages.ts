/**
 * The one catalogue of govcheck's wording (zh-CN): help, usage errors, the table format's
 * labels. Severity labels come from core/validate/findings (违规/需说明/提示).
 */
import type { TemplateSummary } from "../core/validate";

/** govcheck's exit codes, as --help and the README give them (src/cli/result.ts EXIT). */
const exitCodeLines = [
  "退出码：",
  "  0  全部通过：每个文件都已读取，没有违规",
  "  1  有文件未通过：每个文件都已读取，至少一个有违规",
  "  2  用法错误，或有文件无法读取（或通配符没有匹配到文件、报告没有写出），其余文件都通过",
  "  3  既有文件无法读取，又有文件未通过",
  "无法读取的文件不影响其余文件的校验。",
];

/** "违规2处、需说明1处", with 提示 only when there are some. */
function counts(errors: number, warnings: number, infos: number): string {
  return `违规${errors}处、需说明${warnings}处${infos > 0 ? `、提示${infos}处` : ""}`;
}

export const cliMessages = {
  prefix: "govcheck",
  help: (templates: readonly TemplateSummary[], defaultMaxCells: number, defaultMaxInflatedMb: number) =>
    [
      "用法：govcheck 文件或文件夹... [选项]",
      "",
      "校验.xlsx表格是否符合四份文件的规定，列出每个问题所在的单元格、规则和条款。",
      "文件可以是.xlsx文件、文件夹（递归查找其中的.xlsx，跳过~$开头的临时文件）",
      "或通配符（* 匹配一段名字，** 匹配任意层文件夹，? 匹配一个字符；请加引号，如 \"报表/**/*.xlsx\"）。",
      "",
      "选项：",
      "  --format table|json|csv   输出格式（默认table：按文件和工作表分组的中文列表）",
      "  --report 报告.xlsx          另外写出一份 Excel 校验报告",
      "  --template 模板            不自动识别，把每个工作表都按该模板校验（填模板名称或英文代号）",
      "  --combine                 合并校验：把各文件中同一模板的表格合成一张表校验（跨文件重复的社区或单位、",
      "                            同一团长一年内在不同单位的出访、全部单位的类内排名和先进名额）",
      "  --combined 汇总.xlsx        合并校验，并写出合并汇总表：加“来源文件”列，每个单位一行（略去重复），",
      "                            合计、百分制、排名等计算列按规则重算",
      `  --max-cells N             每个工作簿最多读取的单元格数（默认${defaultMaxCells}）`,
      `  --max-inflated-mb N       每个工作簿解压后的总大小上限，单位MB（默认${defaultMaxInflatedMb}）`,
      "  -h, --help                显示本帮助",
      "",
      "模板：",
      ...templates.map((t) => `  ${t.title}（${t.document}），代号 ${t.id}`),
      "",
      ...exitCodeLines,
      "环境变量NO_COLOR关闭彩色输出。",
    ].join("\n"),
  seeHelp: "用--help查看用法",
  unknownOption: (opt: string) => `未知选项“${opt}”`,
  missingValue: (opt: string) => `选项${opt}需要一个值`,
  badFormat: (v: string) => `--format只能是table、json或csv，填报为“${v}”`,
  badTemplate: (v: string, ids: readonly string[]) => `没有模板“${v}”，可用：${ids.join("、")}`,
  badMaxCells: (v: string) => `--max-cells须为正整数，填报为“${v}”`,
  badMaxInflated: (v: string) => `--max-inflated-mb须为正整数，填报为“${v}”`,
  badReport: (v: string) => `--report的文件名须以.xlsx结尾，填报为“${v}”`,
  noInputs: "请给出要校验的.xlsx文件或文件夹",
  noFiles: "没有找到要校验的.xlsx文件",
  noMatch: (pattern: string) => `“${pattern}”没有匹配到任何.xlsx文件`,
  unreadable: (file: string, reason: string) => `无法读取“${file}”：${reason}`,
  reportFailed: (file: string, reason: string) => `无法写出报告“${file}”：${reason}`,
  reportWritten: (file: string) => `校验报告已写入${file}`,
  badCombined: (v: string) => `--combined的文件名须以.xlsx结尾，填报为“${v}”`,
  combinedFailed: (file: string, reason: string) => `无法写出合并汇总“${file}”：${reason}`,
  combinedNone: "没有可合并的表格：合并汇总须有至少两个文件（或工作表）的同一模板表格",
  combinedWritten: (file: string, parts: readonly string[]) => `合并汇总已写入${file}：${parts.join("；")}`,
  combinedPart: (title: string, units: number, repeats: number, recomputed: number) =>
    `${title}${units}行${repeats > 0 ? `（略去重复${repeats}行）` : ""}${recomputed > 0 ? `，按规则重算${recomputed}个单元格` : ""}`,
  sourceFile: "来源文件",
  // table format
  sheetLine: (sheet: string, what: string) => `  工作表“${sheet}”：${what}`,
  templateWhat: (title: string, _id: string, rows: number) => `${title}，${rows}行数据`,
  noTemplate: "未识别为任何模板",
  clean: "    未发现问题",
  cannotRead: (reason: string) => `  无法读取：${reason}`,
  /** a group of findings of one check and one message shape (core/validate/groups.ts) */
  groupOf: (n: number, shape: string) => `共${n}处：${shape}`,
  /** a consequence, under its root (causedBy) */
  consequence: (cell: string, message: string) => `└ 连带${cell}：${message}`,
  /** the consequences of a group's members, counted (each is in the JSON and CSV) */
  groupConsequences: (n: number) => `└ 另有连带问题${n}处（逐条见--format json或csv）`,
  expectedActual: (expected: string, actual: string) => `应为${expected}，填报${actual}`,
  expectedOnly: (expected: string) => `应为${expected}`,
  /** where a finding comes from: the clause first, the rule id second */
  citedAs: (clause: string, rule: string) => (clause ? `依据：${clause}；规则${rule}` : `规则${rule}`),
  summary: (files: number, sheets: number, errors: number, warnings: number, infos: number) =>
    `共${files}个文件、${sheets}个工作表：违规${errors}处，需说明${warnings}处，提示${infos}处`,
  summaryUnreadable: (n: number) => `；${n}个文件无法读取`,
  progress: "校验中",
  yes: "是",
  no: "否",
  // 起因单元格: the root finding's cell when this one only follows from it (causedBy), else empty
  csvHeader: ["文件", "工作表", "单元格", "级别", "规则", "条款", "说明", "应为", "填报", "模板", "起因单元格"],
  // verdicts (one per file) and the closing summary
  fileVerdict: (file: string, verdict: string) => `${file}  ${verdict}`,
  passed: (warnings: number, infos: number) =>
    warnings + infos === 0 ? "通过" : `通过（${[warnings > 0 ? `需说明${warnings}处` : "", infos > 0 ? `提示${infos}处` : ""].filter(Boolean).join("、")}）`,
  failed: (errors: number, warnings: number, infos: number) => `未通过（${counts(errors, warnings, infos)}）`,
  unreadableVerdict: (reason: string) => `无法读取：${reason}`,
  /** the 级别 of an unreadable file's CSV row */
  unreadableLevel: "无法读取",
  verdictSummary: (files: number, passed: number, failed: number, unreadable: number, sheets: number, errors: number, warnings: number, infos: number) =>
    `共${files}个文件：通过${passed}个，未通过${failed}个，无法读取${unreadable}个；${sheets}个工作表，${counts(errors, warnings, infos)}`,
  exitCodes: exitCodeLines.join("\n"),
} as const;
