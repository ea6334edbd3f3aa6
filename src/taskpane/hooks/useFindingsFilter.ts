/** Findings grouped by severity, with counts, and the severity filter. */
import { useMemo, useState } from "react";
import type { Finding } from "../../core/validate/findings";
import { SEVERITY_ORDER, type Severity } from "../../core/validate/severity";
import type { SeverityFilter } from "../types";

export const SEVERITIES: readonly Severity[] = (Object.keys(SEVERITY_ORDER) as Severity[])
  .sort((a, b) => SEVERITY_ORDER[a] - SEVERITY_ORDER[b]);

export function groupBySeverity(findings: readonly Finding[]): Record<Severity, Finding[]> {
  const groups = { error: [], warning: [], info: [] } as Record<Severity, Finding[]>;
  for (const f of findings) groups[f.severity].push(f);
  return groups;
}

export function useFindingsFilter(findings: readonly Finding[]) {
  const [filter, setFilter] = useState<SeverityFilter>("all");
  const groups = useMemo(() => groupBySeverity(findings), [findings]);
  const shown = filter === "all" ? SEVERITIES : SEVERITIES.filter((s) => s === filter);
  return { filter, setFilter, groups, shown };
}
