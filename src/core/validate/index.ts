/**
 * The validator's public entry: recognise each sheet's template, check it, return findings.
 * Adapters (Office.js, ExcelJS, the command line) call `validateWorkbook` with a snapshot.
 */
import type { WorkbookSnapshot } from "./snapshot";
import type { TemplateDef } from "./template";
import { countChecks, runValidation, summarizeTemplates, type TemplateSummary, type ValidationResult } from "./engine";
import { templates as registry, type TemplateId } from "./templates";

export type { SheetResult, TemplateSummary, ValidationResult } from "./engine";
export { engineMessages, INPUT_RULE, TEMPLATE_RULE } from "./engine";
export { normalizeHeader } from "./normalize";
export { FindingSchema, isRoot, SEVERITY_LABEL_ZH, SEVERITY_ORDER, type Finding, type Severity } from "./findings";
export { a1, columnLetter, parseA1, type SheetSnapshot, type WorkbookSnapshot, type MergeRange } from "./snapshot";
export type { TemplateDef } from "./template";
export { isTemplateId, templateIds, type TemplateId } from "./templates";
export { catalogues, formatMessage, type Locale } from "./messages";
export { registry as templates };

/**
 * Validates every sheet of the workbook. `template` forces every sheet to be read as that
 * template (missing columns are then errors); `templates` replaces the registry (tests).
 */
export function validateWorkbook(
  snapshot: WorkbookSnapshot,
  opts?: { template?: TemplateId; templates?: readonly TemplateDef[] },
): ValidationResult {
  return runValidation(snapshot, { template: opts?.template, templates: opts?.templates ?? registry });
}

/** The registry's templates: id, title, document, required column names, number of checks. */
export function listTemplates(): TemplateSummary[] {
  return summarizeTemplates(registry);
}

/** How many checks the registry's template `templateId` runs. */
export function checkCount(templateId: TemplateId): number {
  return countChecks(registry, templateId);
}
