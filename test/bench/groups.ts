/**
 * Groups (issue 11 item 4): the display items of a 100 k-row petition sheet whose units are not in
 * 办法一's lists (a 提示 on every row) — fold + group (core/validate/groups.ts) and the govcheck
 * table built from them, best of runs, after the validation (not timed). Alone:
 * `node scripts/run-ts.js test/bench/groups.ts`; npm run bench calls measureGroups.
 */
import { validateWorkbook } from "../../src/core/validate";
import { displayItems } from "../../src/core/validate/groups";
import { tableLines } from "../../src/cli/formatters/table";
import { petitionSheet } from "./sheets";

export interface GroupsRun {
  rows: number;
  findings: number;
  /** display items: groups and single roots */
  items: number;
  groups: number;
  groupMs: number;
  tableMs: number;
  tableLines: number;
}

export function measureGroups(rows = 100_000, runs = 3): GroupsRun {
  const sheet = petitionSheet(rows);
  const r = validateWorkbook({ sheets: [sheet.snapshot] });
  const findings = r.findings.map((f) => ({ ...f, file: "petition.xlsx" }));
  let groupMs = Infinity;
  let items = displayItems(findings);
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    items = displayItems(findings);
    groupMs = Math.min(groupMs, performance.now() - t);
  }
  const run = { files: ["petition.xlsx"], sheets: r.sheets.map((s) => ({ ...s, file: "petition.xlsx" })), findings, unreadable: [] };
  let tableMs = Infinity;
  let lines = 0;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    lines = 0;
    for (const _ of tableLines(run, { color: false })) lines++;
    tableMs = Math.min(tableMs, performance.now() - t);
  }
  return {
    rows, findings: findings.length, items: items.length, groups: items.filter((i) => i.kind === "group").length,
    groupMs: +groupMs.toFixed(1), tableMs: +tableMs.toFixed(1), tableLines: lines,
  };
}

// run-ts.js requires the target, so require.main is the runner: compare the script named instead
if (process.argv[1] === __filename) process.stdout.write(`${JSON.stringify(measureGroups())}\n`);
