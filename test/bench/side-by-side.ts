/**
 * Old and new core side by side in one run (issue 14, item 7): alternating rounds of core-full.ts
 * in two worktrees (each round a fresh process, the order flipped every round), then the median
 * and the best core cells/s per template and side.
 *   node scripts/run-ts.js test/bench/side-by-side.ts <old-worktree> [rounds] [rows] [runs]
 */
import { execFileSync } from "child_process";
import { resolve } from "path";

const oldRoot = resolve(process.argv[2] ?? "../main");
const newRoot = resolve(__dirname, "../..");
const rounds = Number(process.argv[3] ?? 5);
const rows = process.argv[4] ?? "100000";
const runs = process.argv[5] ?? "3";
const script = resolve(__dirname, "core-full.ts");

interface Line { template: string; cells: number; findings: number; ms: number }
const rates = new Map<string, number[]>(); // "old petition" → cells/s per round
const findings = new Map<string, number>();

function round(side: "old" | "new"): void {
  const root = side === "old" ? oldRoot : newRoot;
  const out = execFileSync(process.execPath, ["--max-old-space-size=4096", resolve(root, "scripts/run-ts.js"), script, root, rows, runs], { cwd: root, encoding: "utf8" });
  for (const text of out.trim().split("\n")) {
    const l = JSON.parse(text) as Line;
    const key = `${side} ${l.template}`;
    rates.set(key, [...(rates.get(key) ?? []), l.cells / (l.ms / 1000)]);
    findings.set(key, l.findings);
  }
}

for (let i = 0; i < rounds; i++) {
  const order: Array<"old" | "new"> = i % 2 === 0 ? ["old", "new"] : ["new", "old"];
  for (const side of order) round(side);
  process.stderr.write(`round ${i + 1}/${rounds} done\n`);
}
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const m = (x: number) => `${(x / 1e6).toFixed(2)} M`;
process.stdout.write(`old = ${oldRoot}, new = ${newRoot}; ${rounds} alternating rounds, ${rows} rows, best of ${runs} runs a round\n`);
for (const t of ["petition", "patrol"]) {
  const o = rates.get(`old ${t}`) ?? [];
  const n = rates.get(`new ${t}`) ?? [];
  process.stdout.write(`${t.padEnd(8)} old median ${m(median(o))} best ${m(Math.max(...o))} | new median ${m(median(n))} best ${m(Math.max(...n))} cells/s` +
    ` | new/old median ${(median(n) / median(o)).toFixed(3)} | findings old ${findings.get(`old ${t}`)} new ${findings.get(`new ${t}`)}\n`);
  process.stdout.write(`         rounds old ${o.map(m).join(", ")}\n         rounds new ${n.map(m).join(", ")}\n`);
}
