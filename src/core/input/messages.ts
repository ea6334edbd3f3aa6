/**
 * The one catalogue of input-error messages (zh-CN). Every coercion failure anywhere in GOV —
 * a custom function's #VALUE!, a validator finding, the command line — is worded here.
 * `p` is the parameter or column name as the clerk sees it; `raw` is what was received.
 */
export const inputMessages = {
  required: (p: string) => `${p}不能为空`,
  notNumber: (p: string, raw: string) => `${p}须为数字,收到 "${raw}"`,
  notCount: (p: string, raw: string) => `${p}须为非负整数,收到 "${raw}"`,
  negative: (p: string, raw: string) => `${p}不能为负数,收到 "${raw}"`,
  outOfRange: (p: string, min: number, max: number, raw: string) =>
    `${p}须在 ${min} 至 ${max} 之间,收到 "${raw}"`,
  aboveMax: (p: string, max: number, raw: string) => `${p}不能超过 ${max},收到 "${raw}"`,
  notDate: (p: string, raw: string) => `${p}须为日期(如 2024-03-01、2024年3月1日),收到 "${raw}"`,
  notYesNo: (p: string, raw: string) => `${p}须为 是/否(或 有/无、Y/N、1/0),收到 "${raw}"`,
  notStar: (p: string, raw: string) => `${p}须为星级(如 5、五星、★★★★★),收到 "${raw}"`,
  notCategory: (p: string, raw: string) => `${p}须为 A、B 或 C 类,收到 "${raw}"`,
  notTripType: (p: string, raw: string) => `${p}须为 考察、培训、参展 或 办展,收到 "${raw}"`,
  notChoice: (p: string, choices: readonly string[], raw: string) =>
    `${p}须为 ${choices.join("、")} 之一,收到 "${raw}"`,
  notSingle: (p: string) => `${p}须为单个单元格`,
  tooMany: (p: string, max: number) => `${p}最多 ${max} 个值`,
  errorCell: (p: string, code: string) => `${p}引用了错误值 ${code}`,
} as const;

export type InputMessageId = keyof typeof inputMessages;
