/**
 * 立即校验 per edit (issue 13 item 2): `node scripts/run-ts.js test/bench/live.ts [rows]` (default
 * 10 000 data rows of the patrol layout, 1 % planted errors). The sheet sits in the fake Excel of
 * the unit tests (office-addin-mock, counting syncs, with onChanged); each edit is made and waited
 * for, and the checker's own timings are reported (median of EDITS edits per kind):
 *   findings ms: from the batch's start (after the LIVE_DEBOUNCE_MS window) to findings in the pane;
 *   validate ms: the core alone, on the whole patched sheet;  total ms: to the marks written.
 * The fake answers a sync in microseconds: on a real client add one round trip per sync.
 * Prints a table, then one JSON line.
 */
import { FakeWorkbook } from "../unit/office/fakeExcel";
import { patrolSheet } from "./sheets";
import { isDateValue } from "../../src/core/input/coerce";
import { validateWorkbook } from "../../src/core/validate";
import { LIVE_DEBOUNCE_MS, createLiveChecker, type LiveChecker, type LiveOptions, type LiveTiming } from "../../src/office/live";
import { MARK_STORE_SHEET } from "../../src/office/marks";

export const LIVE_SHEET = "巡查记录";
const EDITS = 15;

/** A patrol sheet of `n` data rows in the fake Excel (dates as serials with a date format). */
export function patrolWorkbook(n: number): FakeWorkbook {
  const snap = patrolSheet(n).snapshot;
  const formats: Record<string, string> = {};
  const rows = snap.rows.map((r, i) => r.map((v) => {
    if (isDateValue(v)) {
      formats[`A${i + 1}`] = "yyyy-mm-dd";
      return v.serial;
    }
    return v;
  }));
  return new FakeWorkbook([{ name: LIVE_SHEET, rows, formats }, { name: "其他", rows: [["备注"]] }]);
}

export interface LiveEditRow {
  kind: string;
  syncs: number;
  findingsMs: number;
  validateMs: number;
  totalMs: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function measureLive(n: number): Promise<{ rows: number; initial: LiveTiming; edits: LiveEditRow[] }> {
  const wb = patrolWorkbook(n);
  const live: LiveChecker = createLiveChecker({
    run: (batch) => (wb.mock() as unknown as { run: LiveOptions["run"] }).run(batch),
    api: wb.api(),
    validate: (s) => validateWorkbook(s),
    settings: null,
    skipSheet: (name) => name === MARK_STORE_SHEET,
    startWithWorkbook: false,
  });
  await live.setOn(true);
  const initial = live.getState().last as LiveTiming;
  const kinds: { kind: string; edit: (i: number) => [string, unknown[][]] }[] = [
    { kind: "value, no finding changes", edit: (i) => [`H${10 + i}`, [[`走访${i}`]]] },
    { kind: "wrong value (finding + mark)", edit: (i) => [`E${20 + i}`, [[0]]] },
    { kind: "fixed value (finding − mark)", edit: (i) => [`E${20 + i}`, [[2]]] },
    { kind: "paste 500 rows (1 event)", edit: () => ["H1000", Array.from({ length: 500 }, (_, r) => [`走访${r}`])] },
  ];
  const edits: LiveEditRow[] = [];
  for (const k of kinds) {
    const runs: { syncs: number; t: LiveTiming }[] = [];
    for (let i = 0; i < EDITS; i++) {
      const [address, rows] = k.edit(i);
      const before = wb.syncCount;
      await wb.edit(LIVE_SHEET, address, rows);
      await live.whenIdle();
      runs.push({ syncs: wb.syncCount - before, t: live.getState().last as LiveTiming });
    }
    edits.push({
      kind: k.kind,
      syncs: median(runs.map((r) => r.syncs)),
      findingsMs: median(runs.map((r) => r.t.findingsMs)),
      validateMs: median(runs.map((r) => r.t.validateMs)),
      totalMs: median(runs.map((r) => r.t.totalMs)),
    });
  }
  await live.setOn(false);
  return { rows: n, initial, edits };
}

async function main() {
  const n = Number(process.argv[2] ?? 10_000);
  const out = await measureLive(n);
  const log = (s = "") => process.stdout.write(`${s}\n`);
  log(`== 立即校验 per edit: patrol sheet of ${n.toLocaleString("en-US")} rows, fake Excel (median of ${EDITS}; + ${LIVE_DEBOUNCE_MS} ms debounce window before each) ==`);
  log(`switch on (whole sheet read, validated, marked): findings ${out.initial.findingsMs.toFixed(1)} ms, total ${out.initial.totalMs.toFixed(1)} ms`);
  const head = ["edit", "syncs", "findings ms", "validate ms", "total ms"];
  const rows = out.edits.map((e) => [e.kind, String(e.syncs), e.findingsMs.toFixed(1), e.validateMs.toFixed(1), e.totalMs.toFixed(1)]);
  const w = head.map((_, i) => Math.max(...[head, ...rows].map((r) => [...r[i]].length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(w[i]) : c.padStart(w[i]))).join("  ");
  log(line(head));
  log(w.map((x) => "-".repeat(x)).join("  "));
  rows.forEach((r) => log(line(r)));
  log(JSON.stringify({ live: out }));
}

// run as a script (scripts/run-ts.js sets argv[1] to this file), not when imported by a test
if (/[\\/]bench[\\/]live\.ts$/.test(process.argv[1] ?? "")) {
  main().catch((e) => {
    process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
    process.exit(1);
  });
}
