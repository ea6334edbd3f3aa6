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

/** Folded findings by their root's severity (a consequence stays under its root whatever its own). */
function bySeverity(folded: readonly FoldedFinding[]): { lists: Record<Severity, FoldedFinding[]>; consequences: number } {
  const lists: Record<Severity, FoldedFinding[]> = { error: [], warning: [], info: [] };
  let consequences = 0;
  for (const item of folded) {
    lists[item.root.severity].push(item);
    consequences += item.consequences.length;
  }
  return { lists, consequences };
}

function section(list: FoldedFinding[]): SeveritySection {
  return { items: groupFolded(list), roots: list.length };
}

function viewOf(sections: Record<Severity, SeveritySection>, roots: number, consequences: number): FindingsView {
  let groups = 0;
  for (const sev of SEVERITIES) for (const it of sections[sev].items) if (it.kind === "group") groups++;
  return { sections, roots, consequences, groups };
}

/** Folds, sorts by the root's severity and groups. */
export function findingsView(findings: readonly Finding[]): FindingsView {
  const folded = foldConsequences(findings);
  const { lists, consequences } = bySeverity(folded);
  return viewOf({ error: section(lists.error), warning: section(lists.warning), info: section(lists.info) }, folded.length, consequences);
}

/** From this many findings the pane arranges them in steps, letting the page run between them. */
export const ARRANGE_IN_STEPS = 20_000;

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * findingsView in steps (fold; then each severity's groups), each a task of its own: 100 k findings
 * never block the page for the whole of it (the 100 k e2e test allows 200 ms per task).
 */
export async function findingsViewInSteps(findings: readonly Finding[]): Promise<FindingsView> {
  const folded = foldConsequences(findings);
  await nextTask();
  const { lists, consequences } = bySeverity(folded);
  const sections = {} as Record<Severity, SeveritySection>;
  for (const sev of SEVERITIES) {
    await nextTask();
    sections[sev] = section(lists[sev]);
  }
  return viewOf(sections, folded.length, consequences);
}

const NONE: readonly Finding[] = [];
const EMPTY: FindingsView = findingsView(NONE);

/**
 * Findings as the pane lists them, and the severity filter. A list is arranged after it arrives,
 * never in the task that brings it: a small one in a deferred render (useDeferredValue), a large
 * one in steps (findingsViewInSteps). `pending` while the view shown is not yet that of `findings`.
 */
export function useFindingsFilter(findings: readonly Finding[]) {
  const [filter, setFilter] = useState<SeverityFilter>("all");
  const large = findings.length >= ARRANGE_IN_STEPS;
  // NONE first, also when the list mounts with its findings (a new result), then `findings`
  const deferred = useDeferredValue(large ? NONE : findings, NONE);
  const small = useMemo(() => findingsView(deferred), [deferred]);
  const [stepped, setStepped] = useState<{ of: readonly Finding[]; view: FindingsView } | null>(null);
  useEffect(() => {
    if (!large) return undefined;
    let live = true;
    void findingsViewInSteps(findings).then((view) => {
      if (live) setStepped({ of: findings, view });
    });
    return () => { live = false; };
  }, [findings, large]);
  const view = !large ? small : stepped?.of === findings ? stepped.view : EMPTY;
  const pending = large ? stepped?.of !== findings : deferred !== findings;
  const shown = filter === "all" ? SEVERITIES : SEVERITIES.filter((s) => s === filter);
  return { filter, setFilter, view, shown, pending };
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
