/**
 * How serious a finding is (templates.md, "Findings"): 违规 (error), 需说明 (warning: a 原则上 limit
 * exceeded, may be justified in writing), 提示 (info). Shared by the rules cores and the validator;
 * without zod, because the pane's first load needs these and not the schemas (findings.ts), which
 * arrive with the validator when it is first used.
 */
export type Severity = "error" | "warning" | "info";

export const SEVERITIES = ["error", "warning", "info"] as const satisfies readonly Severity[];

export const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export const SEVERITY_LABEL_ZH: Record<Severity, string> = { error: "违规", warning: "需说明", info: "提示" };
