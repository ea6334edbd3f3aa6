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
  /** a crashed check's stack, for the log (CLI JSON); never displayed to the clerk */
  stack: z.string().optional(),
});
export type Finding = z.infer<typeof FindingSchema>;

export { SEVERITY_LABEL_ZH, SEVERITY_ORDER };
