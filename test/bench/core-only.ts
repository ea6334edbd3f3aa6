/**
 * The core stage of the bench alone, for quick before/after comparisons while optimising:
 *   node scripts/run-ts.js test/bench/core-only.ts [rows] [runs]
 */
import { measureCore } from "./core";
import { patrolSheet, petitionSheet } from "./sheets";

const rows = Number(process.argv[2] ?? 100_000);
const runs = Number(process.argv[3] ?? 3);
measureCore(petitionSheet(1_000), 2);
measureCore(patrolSheet(1_000), 2);
for (const gen of [petitionSheet, patrolSheet]) {
  const r = measureCore(gen(rows), runs);
  const rate = (ms: number) => Math.round(r.cells / (ms / 1000)).toLocaleString("en-US");
  process.stdout.write(`${r.template} rows ${r.rows} findings ${r.findings} bare ${r.bareMs.toFixed(1)} coerce ${r.coerceMs.toFixed(1)} ` +
    `engine0 ${r.engineNoChecksMs.toFixed(1)} engine+coerce ${r.engineReadMs.toFixed(1)} full ${r.fullMs.toFixed(1)} ms = ${rate(r.fullMs)} cells/s ` +
    `full÷bare ${(r.fullMs / r.bareMs).toFixed(1)} full÷coerce ${(r.fullMs / r.coerceMs).toFixed(2)}\n`);
}
