/**
 * The names of the sheets the pane itself writes (never validated as user sheets), kept apart
 * from the code that writes them: the pane's first load needs the names, while the writers
 * (report.ts, marks.ts, template.ts) are fetched when first used.
 */
import { reportMessages } from "../core/report/messages";

/** The very hidden sheet holding original fills (not a user sheet; never validated). */
export const MARK_STORE_SHEET = "GOV_标注原填充";

/**
 * The report's sheet names, and those of earlier versions (one sheet, 校验报告 or, in English,
 * Validation report): "validate all" skips them, suffixed or not.
 */
export const REPORT_SHEET_NAMES: readonly string[] = [reportMessages.summarySheet, reportMessages.findingsSheet, "校验报告", "Validation report"];
