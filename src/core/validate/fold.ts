/**
 * Root causes first (templates.md, "Findings"): a consequence (causedBy set) is shown under the
 * root finding at that cell of the same file and sheet, and is not counted as a violation of its
 * own. One model for the pane, the command line and the report.
 */
import type { Finding } from "./findings";

// findings.isRoot, restated: findings.ts builds its zod schema on import, and the pane imports this
// module in its first chunk, which must stay free of zod (test/unit/perf/bundles.test.ts)
const isRoot = (f: Pick<Finding, "causedBy">) => f.causedBy === null || f.causedBy === undefined;

export interface FoldedFinding {
  root: Finding;
  /** findings that only follow from `root`, in their original order */
  consequences: Finding[];
}

const place = (f: Finding, cell: string) => `${f.file ?? ""}\u0000${f.sheet}\u0000${cell}`;

/**
 * The findings as roots, each with its consequences, in the order of the roots. A consequence
 * whose root is not among `findings` (filtered away) stands as a root of its own, so nothing is
 * ever lost from a list.
 */
export function foldConsequences(findings: readonly Finding[]): FoldedFinding[] {
  // the cells some consequence names: only roots there are looked up (100 k roots, none with
  // consequences, then build no keys at all: the pane folds on its main thread)
  const named = new Set<string>();
  for (let i = 0; i < findings.length; i++) {
    const f = findings[i];
    if (!isRoot(f)) named.add(f.causedBy!);
  }
  if (named.size === 0) {
    const all = new Array<FoldedFinding>(findings.length);
    for (let i = 0; i < findings.length; i++) all[i] = { root: findings[i], consequences: [] };
    return all;
  }
  const byCell = new Map<string, FoldedFinding>();
  const out: FoldedFinding[] = [];
  for (const f of findings) {
    if (!isRoot(f)) continue;
    const item: FoldedFinding = { root: f, consequences: [] };
    out.push(item);
    if (!named.has(f.cell)) continue;
    const k = place(f, f.cell);
    // several roots at one cell: the first (most severe in engine order) takes the consequences
    if (!byCell.has(k)) byCell.set(k, item);
  }
  const orphans: { at: number; item: FoldedFinding }[] = [];
  findings.forEach((f, i) => {
    if (isRoot(f)) return;
    const root = byCell.get(place(f, f.causedBy!));
    if (root) root.consequences.push(f);
    else orphans.push({ at: i, item: { root: f, consequences: [] } });
  });
  if (orphans.length === 0) return out;
  // orphans keep their place in the original order
  const index = new Map<Finding, number>();
  findings.forEach((f, i) => index.set(f, i));
  return [...out, ...orphans.map((o) => o.item)].sort((a, b) => index.get(a.root)! - index.get(b.root)!);
}

export interface RootCounts {
  errors: number;
  warnings: number;
  infos: number;
  /** consequences, not counted above */
  consequences: number;
}

/** Counts by severity of the root findings only; consequences are counted apart. */
export function countRoots(findings: readonly Finding[]): RootCounts {
  const c: RootCounts = { errors: 0, warnings: 0, infos: 0, consequences: 0 };
  for (const f of findings) {
    if (!isRoot(f)) c.consequences++;
    else if (f.severity === "error") c.errors++;
    else if (f.severity === "warning") c.warnings++;
    else c.infos++;
  }
  return c;
}
