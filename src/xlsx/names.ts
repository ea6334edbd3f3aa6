/**
 * Which files are spreadsheets a unit may have submitted, told by name (browser-safe: govcheck's
 * folder search and the pane's file list both ask). The .xlsx family is read (.xlsx, .xlsm, the
 * .xltx/.xltm templates); an old .xls, a WPS .et/.ett, a binary .xlsb or an .ods is handed to the
 * reader too, which says what it is and what to do (另存为 .xlsx) — never passed over in silence.
 * Other files (.docx, .pdf, .txt) are not submissions of a sheet.
 */
const SPREADSHEET = /\.(xlsx|xlsm|xltx|xltm|xls|xlsb|et|ett|ods)$/i;

export function isSpreadsheetName(name: string): boolean {
  return SPREADSHEET.test(name.trim());
}
