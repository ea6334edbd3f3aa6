/**
 * The one catalogue of the .xlsx adapter's messages (zh-CN): why a file could not be read, and
 * the report workbook's wording. One line each, shown to the clerk as is (never a stack trace).
 */
export const readMessages = {
  empty: () => "文件是空的（0 字节），请让报送单位重新发送",
  notFound: () => "找不到该文件",
  noAccess: () => "没有读取该文件的权限",
  isFolder: () => "这是一个文件夹，不是文件",
  notXlsx: () => "不是 .xlsx 工作簿（文件格式无法识别），请用 Excel 或 WPS 另存为 .xlsx 后再校验",
  notZipPackage: () => "不是 .xlsx 工作簿（压缩包里没有 Office 文档的部件清单），请用 Excel 或 WPS 另存为 .xlsx 后再校验",
  openDocument: () => "这是 OpenDocument 表格（.ods），请在 WPS 或 LibreOffice 中另存为 .xlsx 后再校验",
  encrypted: () => "文件设有打开密码（已加密），请先在 Excel 中取消密码再校验",
  legacyBinary: () => "这是旧版 .xls（Excel 97-2003）文件，请在 Excel 中另存为 .xlsx 再校验",
  corrupt: () => "文件已损坏或不完整，无法解压；请让报送单位重新发送",
  badXml: (part: string) => `文件已损坏：${part} 的内容无法解析；请用 Excel 打开后重新保存，或让报送单位重新发送`,
  noWorkbook: () => "压缩包里没有 Excel 工作簿（文件的部件清单和关系中都找不到工作簿），请让报送单位用 Excel 重新保存后发送",
  otherOffice: (what: string) => `这是${what}，不是 Excel 工作簿；请确认报送的文件`,
  noSheets: () => "工作簿里没有任何工作表，请让报送单位确认后重新发送",
  sheetMissing: (sheet: string) => `文件已损坏：工作表“${sheet}”的数据部件缺失；请用 Excel 打开后重新保存，或让报送单位重新发送`,
  sheetUnreadable: (sheet: string) => `工作表“${sheet}”有内容，但读不出任何单元格（不是标准的工作表格式）；请用 Excel 打开后另存为 .xlsx 再校验`,
  tooLarge: (max: number) => `工作簿过大：单元格超过 ${max} 个的上限，请拆分后再校验`,
  unexpected: (what: string) => `读取失败：${what}`,
  cancelled: () => "已取消读取",
  // hostile or oversized content (README "Limits and security")
  doctype: (part: string) => `文件含有 XML 实体声明（DOCTYPE），出于安全原因拒绝读取（${part}）`,
  prologTooLong: (part: string) => `文件已损坏：${part} 的 XML 开头过长`,
  inflatedOverDeclared: (part: string) => `“${part}”解压后的实际大小超过其声明，疑似压缩炸弹`,
  inflatedUnderDeclared: (part: string) => `文件已损坏：“${part}”解压后的大小与目录不符`,
  textTooLong: (max: number) => `单元格文字超过 Excel 的上限 ${max} 个字符，文件不是由 Excel 正常保存的`,
  tooManyStrings: (max: number) => `工作簿过大：共享字符串超过 ${max} 个的上限，请拆分后再校验`,
} as const;

export const reportMessages = {
  sheetName: "校验报告",
  title: "表格校验报告",
  files: "文件",
  sheets: "工作表",
  templates: "识别的模板",
  noTemplate: "未识别",
  counts: "问题数",
  generated: "生成时间",
  unreadable: "无法读取",
  none: "无",
  header: ["文件", "工作表", "单元格", "级别", "规则", "条款", "说明", "应为", "实际"],
  yes: "是",
  no: "否",
  countLine: (errors: number, warnings: number, infos: number) =>
    `违规 ${errors} 处,需说明 ${warnings} 处,提示 ${infos} 处`,
  sheetCount: (sheets: number, recognised: number) => `${sheets} 个(识别出模板的 ${recognised} 个)`,
} as const;
