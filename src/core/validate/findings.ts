/**
 * A finding: the validator's one output, shared by the task pane, the report sheet and the
 * command line (templates.md, "Findings").
 */
import { z } from "zod";
import { SEVERITIES, SEVERITY_LABEL_ZH, SEVERITY_ORDER, type Severity as SeverityName } from "./severity";

export const Severity = z.enum(SEVERITIES);
export type Severity = SeverityName;

export const FindingSchema = z.object({
  file: z.string().optional(),
  sheet: z.string(),
  /** template id, or null for a sheet that matched no template */
  template: z.string().nullable(),
  cell: z.string().regex(/^[A-Z]{1,3}[1-9]\d*$/),
  row: z.number().int().positive(),
  column: z.string().regex(/^[A-Z]{1,3}$/),
  rule: z.string(),
  /** the template's check id ("section-max"), or the engine's: "input", "template" */
  check: z.string().min(1),
  /** the message's id in the catalogue (messages/zh-CN.ts), e.g. "aboveMax" */
  messageId: z.string().min(1),
  severity: Severity,
  message: z.string().min(1),
  expected: z.union([z.number(), z.string(), z.boolean()]).optional(),
  actual: z.union([z.number(), z.string(), z.boolean(), z.null()]).optional(),
  clause: z.string(),
  /**
   * The A1 cell (same sheet) of the root finding this one only follows from (a wrong 类别 makes the
   * row's section maxima, 百分制 and rank wrong too), or null for a root. A consequence is shown
   * folded under its root and not counted as a separate violation (templates.md, "Findings").
   */
  causedBy: z.string().regex(/^[A-Z]{1,3}[1-9]\d*$/).nullable().optional(),
  /** a crashed check's stack, for the log (CLI JSON); never displayed to the clerk */
  stack: z.string().optional(),
});
export type Finding = z.infer<typeof FindingSchema>;

/** True for a root finding (counted in totals and verdicts); false for a consequence of another. */
export function isRoot(f: Pick<Finding, "causedBy">): boolean {
  return f.causedBy === null || f.causedBy === undefined;
}

export { SEVERITY_LABEL_ZH, SEVERITY_ORDER };
