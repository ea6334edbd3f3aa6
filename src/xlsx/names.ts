/**
 * Which files are spreadsheets a unit may have submitted, told by name (browser-safe: govcheck's
 * folder search, the pane's file list and its file picker all ask here). The .xlsx family is read
 * (.xlsx, .xlsm, the .xltx/.xltm templates); an old .xls, a WPS .et/.ett, a binary .xlsb or an
 * .ods is handed to the reader too, which says what it is and what to do (另存为 .xlsx) — never
 * passed over in silence. Other files (.docx, .pdf, .txt) are not submissions of a sheet.
 */

/** WPS 表格's own formats (laid out like an .xls inside: only the name tells them apart). */
const WPS_EXTENSIONS = ["et", "ett"] as const;
const SPREADSHEET_EXTENSIONS = ["xlsx", "xlsm", "xltx", "xltm", "xls", "xlsb", ...WPS_EXTENSIONS, "ods"] as const;

const endsWithOneOf = (exts: readonly string[]) => new RegExp(`\\.(${exts.join("|")})$`, "i");
const SPREADSHEET = endsWithOneOf(SPREADSHEET_EXTENSIONS);
const WPS = endsWithOneOf(WPS_EXTENSIONS);

export function isSpreadsheetName(name: string): boolean {
  return SPREADSHEET.test(name.trim());
}

/** A WPS 表格 file by its name (.et, .ett). */
export function isWpsName(name: string): boolean {
  return WPS.test(name.trim());
}

/** The file picker's `accept`: every spreadsheet extension, and the .xlsx MIME type. */
export const SPREADSHEET_ACCEPT = [...SPREADSHEET_EXTENSIONS.map((e) => `.${e}`), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"].join(",");
