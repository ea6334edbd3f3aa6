/**
 * One template's validation on a large sheet, for a CPU profile:
 *   node --cpu-prof --cpu-prof-dir=/tmp/prof scripts/run-ts.js test/bench/profile.ts <template> [rows] [runs]
 * petition and patrol use the bench generators (petition with 类内排名); the other templates their
 * sample's errors sheet scaled up (golden.ts) with 1 % of the cells perturbed.
 */
import { validateWorkbook } from "../../src/core/validate";
import type { SheetSnapshot } from "../../src/core/validate/snapshot";
import type { TemplateId } from "../../src/core/validate/templates";
import type { TemplateSample } from "../../scripts/samples/types";
import { scaled } from "./golden";
import { cellCount, patrolSheet, petitionSheet } from "./sheets";

export function largeSheet(id: TemplateId, rows: number): SheetSnapshot {
  if (id === "petition") return petitionSheet(rows, { rank: true }).snapshot;
  if (id === "patrol") return patrolSheet(rows).snapshot;
  const sample = (require(`../../scripts/samples/${id}`) as { sample: TemplateSample }).sample;
  const sheet = sample.errors().sheet;
  const copies = Math.max(1, Math.round(rows / Math.max(1, sheet.rows.length - 3)));
  return scaled(sheet, id, copies, 0.01, 42);
}

function main() {
  const id = (process.argv[2] ?? "petition") as TemplateId;
  const rows = Number(process.argv[3] ?? 100_000);
  const runs = Number(process.argv[4] ?? 3);
  const s = largeSheet(id, rows);
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    const res = validateWorkbook({ sheets: [s] }, { template: id });
    const ms = Number(process.hrtime.bigint() - t) / 1e6;
    const cells = cellCount(s);
    process.stdout.write(`${id} rows ${s.rows.length} cells ${cells} findings ${res.findings.length} ${ms.toFixed(0)} ms ${Math.round(cells / (ms / 1000)).toLocaleString("en-US")} cells/s\n`);
  }
}

if (process.argv[1] === __filename) main();
