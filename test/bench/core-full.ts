/**
 * One round of the side-by-side bench (side-by-side.ts): the full core (runValidation with every
 * check) of the worktree at argv[2] on its own 100k-row petition and patrol sheets, best of argv[4]
 * runs each, printed as one JSON line per template. Loads everything from that worktree, so the
 * same file measures an older checkout.
 *   node <root>/scripts/run-ts.js test/bench/core-full.ts <root> [rows] [runs]
 */
import { resolve } from "path";

const root = resolve(process.argv[2] ?? ".");
const rows = Number(process.argv[3] ?? 100_000);
const runs = Number(process.argv[4] ?? 3);
const load = (p: string) => require(resolve(root, p));
const { runValidation } = load("src/core/validate/engine");
const { templates } = load("src/core/validate/templates");
const { petitionSheet, patrolSheet, cellCount } = load("test/bench/sheets");

function full(sheet: { template: string; snapshot: unknown }): number {
  return runValidation({ sheets: [sheet.snapshot] }, { templates, template: sheet.template }).findings.length;
}

full(petitionSheet(1_000));
full(patrolSheet(1_000));
for (const gen of [petitionSheet, patrolSheet]) {
  const sheet = gen(rows);
  let best = Infinity;
  let findings = 0;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    findings = full(sheet);
    best = Math.min(best, performance.now() - t0);
  }
  process.stdout.write(`${JSON.stringify({ template: sheet.template, cells: cellCount(sheet.snapshot), findings, ms: best })}\n`);
}
