/**
 * The one catalogue of input-error messages (zh-CN). Every coercion failure anywhere in GOV —
 * a custom function's #VALUE!, a validator finding, the command line — is worded here.
 * `p` is the parameter or column name as the clerk sees it; `raw` is what the sheet says (填报为“…”).
 */
export const inputMessages = {
  required: (p: string) => `${p}不能为空`,
  notNumber: (p: string, raw: string) => `${p}须为数字，填报为“${raw}”`,
  notCount: (p: string, raw: string) => `${p}须为非负整数，填报为“${raw}”`,
  negative: (p: string, raw: string) => `${p}不能为负数，填报为“${raw}”`,
  outOfRange: (p: string, min: number, max: number, raw: string) =>
    `${p}须在${min}至${max}之间，填报为“${raw}”`,
  aboveMax: (p: string, max: number, raw: string) => `${p}不能超过${max}，填报为“${raw}”`,
  notDate: (p: string, raw: string) => `${p}须为日期（如2024-03-01），填报为“${raw}”`,
  notYesNo: (p: string, raw: string) => `${p}须为是/否（有/无、Y/N、1/0），填报为“${raw}”`,
  notStar: (p: string, raw: string) => `${p}须为星级（如5、五星、★★★★★），填报为“${raw}”`,
  notCategory: (p: string, raw: string) => `${p}须为A、B或C类，填报为“${raw}”`,
  notTripType: (p: string, raw: string) => `${p}须为考察、培训、参展或办展，填报为“${raw}”`,
  notChoice: (p: string, choices: readonly string[], raw: string) =>
    `${p}须为${choices.join("、")}之一，填报为“${raw}”`,
  notSingle: (p: string) => `${p}须为单个单元格`,
  positive: (p: string, raw: string) => `${p}须大于0，填报为“${raw}”`,
  notBefore: (p: string, other: string, raw: string) => `${p}不能早于${other}，填报为“${raw}”`,
  unknownName: (p: string, hint: string, raw: string) => `${p}无法识别，填报为“${raw}”；可填${hint}`,
  tooMany: (p: string, max: number) => `${p}最多${max}个值`,
  errorCell: (p: string, code: string) => `${p}引用了错误值${code}`,
  // an Excel data type with no value GOV can read (an image, a LAMBDA ...): never "[object Object]"
  dataType: (p: string, what: string) => `${p}引用的单元格是${what}，无法读取为数字、日期或文字，请填写数值或文字`,
  // EVAL_DEPT_GRADE: Excel desktop passes an empty cell as 0, so neither can be read as meant
  zeroOrBlank: (p: string, n: number, marker: string, zero: string) =>
    `${p}第${n}项为空白或0，无法区分（Excel桌面版把空白单元格读作0）：不承担的指标请填“${marker}”，得分确为0分请填“${zero}”`,
  // 深办〔2003〕36号 二: a section or item score against its category's maximum (PET-7)
  sectionAboveMax: (p: string, category: string, max: number, raw: string) =>
    `${category}类“${p}”满分${max}分，填报为“${raw}”`,
  notAssessed: (p: string, category: string, raw: string) =>
    `${category}类不考核“${p}”，不应得分，填报为“${raw}”`,
  lengthMismatch: (p: string, expected: number, actual: number) =>
    `${p}须与综合得分的单元格数相同（${expected}个），填报${actual}个`,
} as const;

export type InputMessageId = keyof typeof inputMessages;
