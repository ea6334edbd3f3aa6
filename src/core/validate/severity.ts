/**
 * Severities and their order and labels, without zod: the pane's first load (src/taskpane) needs
 * these, not the schemas (findings.ts), which arrive with the validator when it is first used.
 */
export type Severity = "error" | "warning" | "info";

export const SEVERITIES = ["error", "warning", "info"] as const satisfies readonly Severity[];

export const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export const SEVERITY_LABEL_ZH: Record<Severity, string> = { error: "违规", warning: "需说明", info: "提示" };
