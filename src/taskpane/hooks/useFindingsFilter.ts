/**
 * Findings as the pane lists them: roots by severity, each with its consequences folded under it
 * (causedBy), many of one check and one message shape as one group (core/validate/groups.ts);
 * counts of roots only, the consequences counted apart; and the severity filter.
 */
import { useMemo, useState } from "react";
import type { Finding } from "../../core/validate/findings";
import { type FoldedFinding, foldConsequences } from "../../core/validate/fold";
import { type DisplayItem, groupFolded } from "../../core/validate/groups";
import { SEVERITY_ORDER, type Severity } from "../../core/validate/severity";
import type { SeverityFilter } from "../types";

export const SEVERITIES: readonly Severity[] = (Object.keys(SEVERITY_ORDER) as Severity[])
  .sort((a, b) => SEVERITY_ORDER[a] - SEVERITY_ORDER[b]);

export function groupBySeverity(findings: readonly Finding[]): Record<Severity, Finding[]> {
  const groups = { error: [], warning: [], info: [] } as Record<Severity, Finding[]>;
  for (const f of findings) groups[f.severity].push(f);
  return groups;
}

export interface SeveritySection {
  /** display items: a root with its consequences, or a group */
  items: DisplayItem[];
  /** roots under this severity (a group counts its members) */
  roots: number;
}

export interface FindingsView {
  sections: Record<Severity, SeveritySection>;
  /** every root, whatever its severity */
  roots: number;
  /** consequences folded under their roots, not counted in `roots` */
  consequences: number;
}

/** Folds, sorts by the root's severity (a consequence stays under its root whatever its own) and groups. */
export function findingsView(findings: readonly Finding[]): FindingsView {
  const folded = foldConsequences(findings);
  const bySeverity: Record<Severity, FoldedFinding[]> = { error: [], warning: [], info: [] };
  let consequences = 0;
  for (const item of folded) {
    bySeverity[item.root.severity].push(item);
    consequences += item.consequences.length;
  }
  const section = (sev: Severity): SeveritySection => ({ items: groupFolded(bySeverity[sev]), roots: bySeverity[sev].length });
  return { sections: { error: section("error"), warning: section("warning"), info: section("info") }, roots: folded.length, consequences };
}

export function useFindingsFilter(findings: readonly Finding[]) {
  const [filter, setFilter] = useState<SeverityFilter>("all");
  const view = useMemo(() => findingsView(findings), [findings]);
  const shown = filter === "all" ? SEVERITIES : SEVERITIES.filter((s) => s === filter);
  return { filter, setFilter, view, shown };
}
