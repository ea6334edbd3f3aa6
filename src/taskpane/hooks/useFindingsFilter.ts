/**
 * Findings as the pane lists them: roots by severity, each with its consequences folded under it
 * (causedBy), many of one check and one message shape as one group (core/validate/groups.ts);
 * counts of roots only, the consequences counted apart; and the severity filter.
 */
import { useDeferredValue, useEffect, useMemo, useState } from "react";
import type { Finding } from "../../core/validate/findings";
import { type FoldedFinding, foldConsequences } from "../../core/validate/fold";
import { type DisplayItem, groupFolded } from "../../core/validate/groups";
import type { Catalogue } from "../../core/validate/messages/zh-CN";
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
  /** groups among the items */
  groups: number;
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
  let groups = 0;
  const section = (sev: Severity): SeveritySection => {
    const items = groupFolded(bySeverity[sev]);
    for (const it of items) if (it.kind === "group") groups++;
    return { items, roots: bySeverity[sev].length };
  };
  const sections = { error: section("error"), warning: section("warning"), info: section("info") };
  return { sections, roots: folded.length, consequences, groups };
}

let loadedCatalogue: Catalogue | undefined;

/**
 * The zh-CN message catalogue, which words a group's shape best (“…类“…”满分…分，填报…分”), loaded
 * once a group needs it: a chunk of its own, so the pane's first load does not carry it. Until it
 * is there (or if it cannot be fetched) a group shows the shape its messages have in common.
 */
export function useShapeCatalogue(needed: boolean): Catalogue | undefined {
  const [catalogue, setCatalogue] = useState(loadedCatalogue);
  useEffect(() => {
    if (!needed || catalogue) return undefined;
    let live = true;
    import(/* webpackChunkName: "messages" */ "../../core/validate/messages/zh-CN").then(
      (m) => {
        loadedCatalogue = m.zhCN;
        if (live) setCatalogue(m.zhCN);
      },
      // a failed fetch leaves the common-text shapes, which still read; nothing is lost
      () => undefined,
    );
    return () => { live = false; };
  }, [needed, catalogue]);
  return catalogue;
}

/**
 * The view of `findings`, folded and grouped in a render of its own (useDeferredValue): 100 k
 * findings arrive from the worker in one task, and are arranged in the next, so that neither
 * blocks the page long. `pending` while the list shown is not yet that of `findings`.
 */
export function useFindingsFilter(findings: readonly Finding[]) {
  const [filter, setFilter] = useState<SeverityFilter>("all");
  const arranged = useDeferredValue(findings);
  const view = useMemo(() => findingsView(arranged), [arranged]);
  const shown = filter === "all" ? SEVERITIES : SEVERITIES.filter((s) => s === filter);
  return { filter, setFilter, view, shown, pending: arranged !== findings };
}
