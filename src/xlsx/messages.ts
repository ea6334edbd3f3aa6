/**
 * The one catalogue of the .xlsx adapter's messages (zh-CN): why a file could not be read, and
 * the report workbook's wording. One line each, shown to the clerk as is (never a stack trace).
 */
export const readMessages = {
  empty: () => "文件是空的（0字节），可能在传输中出错；请让报送单位重新发送",
  notFound: () => "找不到该文件，请核对文件名和所在文件夹",
  noAccess: () => "没有读取该文件的权限；请关闭正在使用它的程序，或复制到本机后再校验",
  isFolder: () => "这是一个文件夹，不是文件；请选择其中的.xlsx文件",
  notXlsx: () => "不是.xlsx工作簿（文件格式无法识别）；请用Excel或WPS打开，另存为.xlsx后再校验",
  notZipPackage: () => "不是.xlsx工作簿（文件里没有Excel表格的内容）；请用Excel或WPS打开，另存为.xlsx后再校验",
  openDocument: () => "这是OpenDocument表格（.ods）；请在WPS或LibreOffice中另存为.xlsx后再校验",
  encrypted: () => "文件设有打开密码（已加密），无法读取；请报送单位在Excel或WPS中打开，取消密码（文件→信息→保护工作簿→用密码进行加密，清空密码）后重新报送",
  binaryWorkbook: () => "这是Excel二进制工作簿（.xlsb），无法直接读取；请在Excel中打开，另存为“Excel工作簿（*.xlsx）”后再校验",
  wpsBinary: () => "这是WPS表格文件（.et）；请在WPS中打开，另存为“Excel工作簿（*.xlsx）”后再校验",
  legacyBinary: () => "这是旧版.xls文件（Excel 97-2003格式）；请在Excel或WPS中打开，另存为“Excel工作簿（*.xlsx）”后再校验",
  corrupt: () => "文件已损坏或不完整（可能在传输中被截断）；请让报送单位重新发送",
  badXml: (part: string) => `文件已损坏（${part}的内容无法解析）；请用Excel或WPS打开后重新保存，或让报送单位重新发送`,
  noWorkbook: () => "文件里没有Excel工作簿；请让报送单位用Excel或WPS重新保存为.xlsx后发送",
  otherOffice: (what: string) => `这是${what}，不是Excel工作簿；请确认报送的文件`,
  noSheets: () => "工作簿里没有任何工作表，请让报送单位确认后重新发送",
  sheetMissing: (sheet: string) => `文件已损坏（工作表“${sheet}”的数据缺失）；请用Excel或WPS打开后重新保存，或让报送单位重新发送`,
  sheetUnreadable: (sheet: string) => `工作表“${sheet}”有内容，但读不出任何单元格（不是标准的工作表格式）；请用Excel或WPS打开，另存为.xlsx后再校验`,
  tooLarge: (max: number) => `工作簿过大（单元格超过${max}个的上限）；请按工作表拆分成几个文件后再校验`,
  unexpected: (what: string) => `读取失败（${what}）；请用Excel或WPS打开后另存为.xlsx再校验`,
  cancelled: () => "已取消读取",
  // hostile or oversized content (README "Limits and security")
  doctype: (part: string) => `文件含有不安全的内容（${part}中的XML实体声明），已拒绝读取；请用Excel或WPS打开后另存为.xlsx再校验`,
  prologTooLong: (part: string) => `文件已损坏（${part}的开头过长）；请用Excel或WPS打开后重新保存，或让报送单位重新发送`,
  inflatedOverDeclared: (part: string) => `文件异常（“${part}”解压后大于其声明的大小，疑似压缩炸弹），已拒绝读取；请让报送单位用Excel或WPS重新保存后发送`,
  inflatedUnderDeclared: (part: string) => `文件已损坏（“${part}”解压后的大小与目录不符）；请让报送单位重新发送`,
  textTooLong: (max: number) => `单元格文字超过Excel的上限${max}个字符，文件不是由Excel正常保存的；请用Excel或WPS打开后重新保存`,
  tooManyStrings: (max: number) => `工作簿过大（文字超过${max}条的上限）；请按工作表拆分成几个文件后再校验`,
} as const;

/** The report workbook's wording lives with the report model (core/report), shared by every writer. */
export { reportMessages } from "../core/report/messages";
