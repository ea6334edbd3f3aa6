/**
 * Contract for the sample workbooks (`npm run templates` writes them to assets/templates).
 * Each template has a module `scripts/samples/<template-id>.ts` exporting `sample: TemplateSample`.
 * The rows are computed from the ruleset (never hand-typed answers); `planted` lists every error
 * deliberately put into the errors sheet, so tests and acceptance can assert each is found.
 */
import type { SheetSnapshot } from "../../src/core/validate/snapshot";
import type { TemplateId } from "../../src/core/validate/templates";

export interface PlantedError {
  /** A1 address where the validator must report it */
  cell: string;
  /** rule id it must report (e.g. "PET-7") */
  rule: string;
  severity: "error" | "warning" | "info";
  /** what was planted, in a few words */
  what: string;
}

export interface TemplateSample {
  id: TemplateId;
  /** a clean, filled example: zero error findings (warnings only where a 说明 explains them) */
  clean(): SheetSnapshot;
  /** the same layout with planted errors */
  errors(): { sheet: SheetSnapshot; planted: PlantedError[] };
  /** column widths for the written workbook, optional */
  widths?: number[];
}
