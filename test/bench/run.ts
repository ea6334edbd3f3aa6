/**
 * npm run bench — issue 5. Generates its own large petition and patrol sheets (1 k → 100 k rows),
 * measures, prints a readable table and, as its LAST line, one JSON object of the figures measured
 * in this run (peers beside ours; null with a reason when a figure could not be measured).
 * Stages: Office adapter syncs · core validation vs its floors · groups · custom functions · govcheck vs
 * ExcelJS streaming (whole processes) · the pane in Chromium on the same file · bundle sizes. Budget: a few minutes on 2 cores.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as zlib from "zlib";
import { countingExcel } from "./countingExcel";
import { measureCore, type CoreRow } from "./core";
import { measureFunctions } from "./functions";
import { measureGroups, type GroupsRun } from "./groups";
import { GOVCHECK, hasGnuTime, measureCli, measureMany, runNode, writeXlsx, type CliRun, type ManyRun } from "./cli";
import { measurePane, type PaneRun } from "./pane";
import { measureReader, type ReaderRun } from "./reader";
import { patrolSheet, petitionSheet } from "./sheets";
import { createExcelPort } from "../../src/office/excelPort";
import { READ_CHUNK_CELLS } from "../../src/office/read";

const ROOT = path.resolve(__dirname, "../..");
const DIST = path.join(ROOT, "dist");
const SIZES = [1_000, 10_000, 100_000];
const CLI_ROWS = 100_000;
const log = (s = "") => process.stdout.write(`${s}\n`);
const fmt = (n: number, d = 0) => n.toLocaleString("en-US", { maximumFractionDigits: d, minimumFractionDigits: d });
const rate = (cells: number, ms: number) => Math.round(cells / (ms / 1000));

function table(head: string[], rows: (string | number)[][]): void {
  const cells = [head, ...rows.map((r) => r.map(String))];
  const w = head.map((_, i) => Math.max(...cells.map((r) => [...(r[i] ?? "")].length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(w[i]) : c.padStart(w[i]))).join("  ");
  log(line(head));
  log(w.map((n) => "-".repeat(n)).join("  "));
  for (const r of cells.slice(1)) log(line(r));
  log();
}

async function syncStage() {
  log("== Office adapter: context.sync() calls to read a whole workbook of one sheet (office-addin-mock) ==");
  const cols = 10;
  const out: { rows: number; cells: number; syncs: number }[] = [];
  for (const cells of [1_000, 10_000, 100_000, 1_000_000]) {
    const rows = cells / cols;
    const excel = countingExcel(rows, cols);
    const snap = await createExcelPort({ run: excel.run }).readAllSheets();
    if (snap.sheets[0].rows.length !== rows) throw new Error("adapter did not read every row");
    out.push({ rows, cells, syncs: excel.syncs() });
  }
  // reading every sheet: three syncs of set-up, then one per chunk (test/unit/office/adapter.test.ts)
  table(["cells", "rows", "syncs", "3 + ceil(cells/chunk)"], out.map((r) => [fmt(r.cells), fmt(r.rows), r.syncs, 3 + Math.ceil(r.cells / READ_CHUNK_CELLS)]));
  return out;
}

function coreStage(): CoreRow[] {
  log("== Core validation (in memory, best of runs; ms) ==");
  const rows: CoreRow[] = [];
  // warm the JIT on a small sheet of each template first
  measureCore(petitionSheet(1_000), 2);
  measureCore(patrolSheet(1_000), 2);
  for (const gen of [petitionSheet, patrolSheet]) {
    for (const n of SIZES) rows.push(measureCore(gen(n), n >= 100_000 ? 1 : 3));
  }
  table(
    ["template", "rows", "cells", "findings", "bare loop", "coerce loop", "engine no checks", "engine+coerce", "full", "full cells/s", "full÷bare", "full÷coerce", "eng+coerce÷coerce"],
    rows.map((r) => [r.template, fmt(r.rows), fmt(r.cells), fmt(r.findings), fmt(r.bareMs, 1), fmt(r.coerceMs, 1), fmt(r.engineNoChecksMs, 1),
      fmt(r.engineReadMs, 1), fmt(r.fullMs, 1), fmt(rate(r.cells, r.fullMs)), fmt(r.fullMs / r.bareMs, 1), fmt(r.fullMs / r.coerceMs, 1),
      fmt(r.engineReadMs / r.coerceMs, 1)]),
  );
  return rows;
}

function groupsStage(): GroupsRun {
  log("== Groups: display items of a 100 k-row petition sheet (every unit unlisted), best of runs; ms ==");
  const g = measureGroups();
  table(["rows", "findings", "items", "groups", "fold+group", "govcheck table", "table lines"],
    [[fmt(g.rows), fmt(g.findings), g.items, g.groups, fmt(g.groupMs, 1), fmt(g.tableMs, 1), g.tableLines]]);
  return g;
}

function ensureDist(): string | null {
  const need = ["taskpane.js", "functions.js", "functions.json", "taskpane.html"].filter((f) => !fs.existsSync(path.join(DIST, f)));
  if (need.length === 0) return null;
  log(`dist/ lacks ${need.join(", ")}: building with webpack --mode production …`);
  try {
    execFileSync(process.execPath, [path.join(ROOT, "node_modules/webpack-cli/bin/cli.js"), "--mode", "production"], { cwd: ROOT, stdio: "ignore" });
    return null;
  } catch (e) {
    return `webpack build failed: ${(e as Error).message.split("\n")[0]}`;
  }
}

function functionStage() {
  log("== Custom functions: calls per second with their 插入 example's arguments ==");
  const meta = path.join(DIST, "functions.json");
  if (!fs.existsSync(meta)) return { rates: null, reason: "dist/functions.json missing" };
  const rates = measureFunctions(meta, 200);
  table(["function", "calls/s", "result"], rates.map((r) => [r.id, r.callsPerSecond === null ? `n/a (${r.reason})` : fmt(r.callsPerSecond), r.result]));
  return { rates, reason: null };
}

function readerTable(r: ReaderRun): void {
  log(`== The reader on ${r.file} (sheet ${fmt(r.sheetMB, 1)} MB inflated): whole processes; seconds best of runs, peak MB their median ==`);
  const mb = (p: { peakMB: number | null }) => (p.peakMB === null ? "n/a" : fmt(p.peakMB));
  table(["process", "seconds", "÷ ExcelJS streaming", "÷ floor", "peak MB", "÷ ExcelJS MB"], [
    ["GOV reader, every cell visited", fmt(r.reader.seconds, 2), fmt(r.reader.seconds / r.exceljs.seconds, 2), fmt(r.reader.seconds / r.floorSeconds, 2), mb(r.reader),
      r.reader.peakMB && r.exceljs.peakMB ? fmt(r.reader.peakMB / r.exceljs.peakMB, 2) : "n/a"],
    ["ExcelJS streaming, every cell visited", fmt(r.exceljs.seconds, 2), "1.00", fmt(r.exceljs.seconds / r.floorSeconds, 2), mb(r.exceljs), "1.00"],
    ["govcheck (read + validate + JSON)", fmt(r.govcheck.seconds, 2), fmt(r.govcheck.seconds / r.exceljs.seconds, 2), fmt(r.govcheck.seconds / r.floorSeconds, 2), mb(r.govcheck),
      r.govcheck.peakMB && r.exceljs.peakMB ? fmt(r.govcheck.peakMB / r.exceljs.peakMB, 2) : "n/a"],
  ]);
  table(["in process (the choices)", "seconds"], [
    ["inflate the sheet: node:zlib inflateRaw (stream)", fmt(r.inflateZlibSeconds, 3)],
    ["inflate the sheet: DecompressionStream", fmt(r.inflateWebSeconds, 3)],
    ["inflate + decode + visit every tag (floor's pass)", fmt(r.tagPassSeconds, 3)],
    ["… + purpose-built scanner, no work per tag", fmt(r.scannerSeconds, 3)],
    ["… + saxes, no work per tag", fmt(r.saxesSeconds, 3)],
    ["core checks on the snapshot", fmt(r.coreSeconds, 3)],
    ["floor = tag pass + core checks", fmt(r.floorSeconds, 3)],
  ]);
}

function paneTable(p: PaneRun | { reason: string }, govcheckSeconds: number): void {
  log(`== The standalone pane in Chromium on the same ${fmt(CLI_ROWS)}-row petition file: file chosen → 违规（n） shown; best of opens, every long task counted ==`);
  if ("reason" in p) {
    log(`not measured: ${p.reason}`);
    log();
    return;
  }
  table(["pane s", "rounds s", "govcheck s", "pane ÷ govcheck (≤ 1.5)", "longest main-thread task ms (≤ 200)", "long tasks", "progress shown"], [[
    fmt(p.seconds, 2), p.rounds.map((s) => fmt(s, 2)).join(" / "), fmt(govcheckSeconds, 2), fmt(p.seconds / govcheckSeconds, 2), p.longestTaskMs, p.longTasks, p.progress ?? "none"]]);
}

async function cliStage(buildProblem: string | null): Promise<{ cli: CliRun[]; reader: ReaderRun; pane: PaneRun | { reason: string } }> {
  log(`== govcheck vs ExcelJS streaming reader alone, whole processes, ${fmt(CLI_ROWS)}-row sheets ==`);
  log(hasGnuTime() ? "peak memory: GNU time %M (max RSS of the process)" : "peak memory: /usr/bin/time missing; the visitor's own maxRSS only");
  // the launcher compiles lib/ when src/ is newer: do that outside the timing
  runNode([GOVCHECK, "--help"]);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gov-bench-"));
  const out: CliRun[] = [];
  let reader: ReaderRun | null = null;
  let pane: PaneRun | { reason: string } = { reason: "not measured" };
  try {
    for (const [name, gen] of [["patrol", patrolSheet], ["petition", petitionSheet]] as const) {
      const file = path.join(dir, `${name}-${CLI_ROWS}.xlsx`);
      const t = Date.now();
      await writeXlsx(gen(CLI_ROWS), file);
      log(`wrote ${path.basename(file)} (${fmt(fs.statSync(file).size / 2 ** 20, 1)} MB) in ${fmt((Date.now() - t) / 1000, 1)} s`);
      const run = measureCli(name, CLI_ROWS, file, 3);
      out.push(run);
      if (name === "petition") {
        reader = await measureReader(file, 3);
        pane = buildProblem ? { reason: buildProblem } : run.errors === null ? { reason: "govcheck printed no summary" } : await measurePane(DIST, file, run.errors, 3);
      }
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  table(
    ["template", "rows", "file MB", "govcheck s", "exceljs s", "ratio", "govcheck MB", "exceljs MB", "ratio", "findings", "exit"],
    out.map((r) => [r.template, fmt(r.rows), fmt(r.fileMB, 1), fmt(r.govcheck.seconds, 2), fmt(r.exceljs.seconds, 2),
      fmt(r.govcheck.seconds / r.exceljs.seconds, 2), r.govcheck.peakMB === null ? "n/a" : fmt(r.govcheck.peakMB),
      r.exceljs.peakMB === null ? "n/a" : fmt(r.exceljs.peakMB),
      r.govcheck.peakMB === null || r.exceljs.peakMB === null ? "n/a" : fmt(r.govcheck.peakMB / r.exceljs.peakMB, 2),
      r.findings === null ? "n/a" : fmt(r.findings), String(r.govcheck.status)]),
  );
  for (const r of out) if (r.govcheck.stderr.trim()) log(`govcheck stderr (${r.template}): ${r.govcheck.stderr.trim().split("\n")[0]}`);
  readerTable(reader!);
  paneTable(pane, reader!.govcheck.seconds);
  return { cli: out, reader: reader!, pane };
}

function manyStage(): ManyRun {
  const jobs = Math.max(2, os.cpus().length);
  log(`== govcheck over a folder of 600 small submissions: one thread vs ${jobs} worker threads (best of 3) ==`);
  const examplesDir = path.join(ROOT, "assets", "templates", "examples");
  const examples = fs.readdirSync(examplesDir).filter((f) => f.endsWith(".xlsx")).map((f) => path.join(examplesDir, f));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gov-bench-many-"));
  try {
    const r = measureMany(dir, examples, Math.ceil(600 / examples.length), jobs, 3);
    const cores = (cpu: number | null, s: number) => (cpu === null ? "n/a" : fmt(cpu / s, 2));
    table(["files", "1 thread s", "its CPU s ÷ wall", `${jobs} threads s`, "their CPU s ÷ wall", "speedup", "loadavg"], [[r.files, fmt(r.jobs1Seconds, 2),
      cores(r.jobs1CpuSeconds, r.jobs1Seconds), fmt(r.jobsNSeconds, 2), cores(r.jobsNCpuSeconds, r.jobsNSeconds), fmt(r.speedup, 2), fmt(os.loadavg()[0], 2)]]);
    log("(one JavaScript thread keeps more than one core busy: V8 compiles and collects garbage on its own threads; govcheck's default is one thread per core but one)");
    log();
    return r;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function gz(file: string): number {
  return zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length;
}

function bundleStage() {
  log("== Bundles (gzip -9 of dist/) ==");
  const html = fs.readFileSync(path.join(DIST, "taskpane.html"), "utf8");
  const scripts = [...html.matchAll(/<script\b[^>]*\bsrc=["']?([^"' >]+)/g)].map((m) => m[1].replace(/^\.\//, ""));
  // office.js is Microsoft's loader (the same file every add-in loads), not our code: shown apart
  const ours = scripts.filter((s) => s !== "office.js");
  const lazy = fs.readdirSync(DIST).filter((f) => /^[\w-]+\.[0-9a-f]{8}\.js$/.test(f));
  const rows: (string | number)[][] = [];
  for (const s of scripts) rows.push([s, s === "office.js" ? "loader (Microsoft)" : "first load", fmt(fs.statSync(path.join(DIST, s)).size), fmt(gz(path.join(DIST, s)))]);
  for (const s of lazy) rows.push([s, "lazy chunk", fmt(fs.statSync(path.join(DIST, s)).size), fmt(gz(path.join(DIST, s)))]);
  table(["file", "role", "bytes", "gzip"], rows);
  const taskpaneGzBytes = ours.reduce((sum, s) => sum + gz(path.join(DIST, s)), 0);
  return { taskpaneGzBytes, functionsGzBytes: gz(path.join(DIST, "functions.js")), firstLoad: ours, lazy };
}

async function main() {
  const started = Date.now();
  const syncs = await syncStage();
  const core = coreStage();
  const groups = groupsStage();
  const buildProblem = ensureDist();
  const fn = buildProblem ? { rates: null, reason: buildProblem } : functionStage();
  const { cli, reader, pane } = await cliStage(buildProblem);
  const many = manyStage();
  const bundles = buildProblem ? null : bundleStage();

  const big = core.filter((r) => r.rows === SIZES[SIZES.length - 1]);
  const sum = (f: (r: CoreRow) => number) => big.reduce((s, r) => s + f(r), 0);
  const cells = sum((r) => r.cells);
  const cliMain = cli.find((r) => r.template === "patrol")!;
  const cliJson = (r: CliRun) => ({
    template: r.template, rows: r.rows, seconds: +r.govcheck.seconds.toFixed(3), exceljsSeconds: +r.exceljs.seconds.toFixed(3),
    peakMB: r.govcheck.peakMB === null ? null : +r.govcheck.peakMB.toFixed(1),
    exceljsPeakMB: r.exceljs.peakMB === null ? null : +r.exceljs.peakMB.toFixed(1),
    ...(r.govcheck.peakMB === null ? { reason: "GNU time not installed: govcheck's peak memory not measured" } : {}),
    findings: r.findings, fileMB: +r.fileMB.toFixed(2),
  });
  const result = {
    syncs,
    chunkCells: READ_CHUNK_CELLS,
    // 100 k rows of petition + patrol together
    coreCellsPerSecond: rate(cells, sum((r) => r.fullMs)),
    bareLoopCellsPerSecond: rate(cells, sum((r) => r.bareMs)),
    coerceLoopCellsPerSecond: rate(cells, sum((r) => r.coerceMs)),
    engineCoerceCellsPerSecond: rate(cells, sum((r) => r.engineReadMs)),
    coreByTemplate: big.map((r) => ({
      template: r.template, rows: r.rows, cells: r.cells, findings: r.findings,
      fullCellsPerSecond: rate(r.cells, r.fullMs), bareLoopCellsPerSecond: rate(r.cells, r.bareMs),
      coerceLoopCellsPerSecond: rate(r.cells, r.coerceMs), engineCoerceCellsPerSecond: rate(r.cells, r.engineReadMs),
      engineNoChecksCellsPerSecond: rate(r.cells, r.engineNoChecksMs),
    })),
    // issue 10: the 100k-row petition sheet; whole processes except floorSeconds (in process)
    readerSeconds: +reader.reader.seconds.toFixed(3),
    exceljsStreamSeconds: +reader.exceljs.seconds.toFixed(3),
    floorSeconds: +reader.floorSeconds.toFixed(3),
    govcheckPetitionSeconds: +reader.govcheck.seconds.toFixed(3),
    readerPeakMB: reader.reader.peakMB === null ? null : +reader.reader.peakMB.toFixed(1),
    exceljsStreamPeakMB: reader.exceljs.peakMB === null ? null : +reader.exceljs.peakMB.toFixed(1),
    govcheckPetitionPeakMB: reader.govcheck.peakMB === null ? null : +reader.govcheck.peakMB.toFixed(1),
    // every run's peak (the figures above are their medians)
    peaksMB: { reader: reader.reader.peaksMB ?? null, exceljs: reader.exceljs.peaksMB ?? null, govcheck: reader.govcheck.peaksMB ?? null },
    // the standalone pane in Chromium on the same file (issue 10: ≤ 1.5× govcheck, no task over 200 ms)
    ...("reason" in pane ? { paneReason: pane.reason } : {
      paneSeconds: +pane.seconds.toFixed(3), paneRounds: pane.rounds, paneGovcheckRatio: +(pane.seconds / reader.govcheck.seconds).toFixed(2),
      paneLongestTaskMs: pane.longestTaskMs,
    }),
    readerParts: {
      inflateZlibSeconds: +reader.inflateZlibSeconds.toFixed(3), inflateDecompressionStreamSeconds: +reader.inflateWebSeconds.toFixed(3),
      tagPassSeconds: +reader.tagPassSeconds.toFixed(3), scannerSeconds: +reader.scannerSeconds.toFixed(3),
      saxesSeconds: +reader.saxesSeconds.toFixed(3), coreSeconds: +reader.coreSeconds.toFixed(3), sheetMB: +reader.sheetMB.toFixed(1),
    },
    groups: { rows: groups.rows, findings: groups.findings, items: groups.items, groupMs: groups.groupMs, tableMs: groups.tableMs },
    manyFiles: {
      files: many.files, jobs: many.jobs, oneThreadSeconds: +many.jobs1Seconds.toFixed(3), threadsSeconds: +many.jobsNSeconds.toFixed(3), speedup: +many.speedup.toFixed(2),
      oneThreadCpuSeconds: many.jobs1CpuSeconds, threadsCpuSeconds: many.jobsNCpuSeconds,
    },
    cli: cliJson(cliMain),
    cliByTemplate: cli.map(cliJson),
    functionCallsPerSecond: fn.rates ? Object.fromEntries(fn.rates.map((r) => [r.id, r.callsPerSecond])) : null,
    ...(fn.reason ? { functionCallsReason: fn.reason } : {}),
    taskpaneGzBytes: bundles ? bundles.taskpaneGzBytes : null,
    functionsGzBytes: bundles ? bundles.functionsGzBytes : null,
    ...(bundles ? { taskpaneFirstLoad: bundles.firstLoad } : { bundlesReason: buildProblem }),
    machine: { cpus: os.cpus().length, node: process.version, loadavg1: +os.loadavg()[0].toFixed(2) },
    benchSeconds: +((Date.now() - started) / 1000).toFixed(1),
  };
  log(`bench took ${fmt((Date.now() - started) / 1000, 1)} s`);
  log(JSON.stringify(result));
}

main().catch((e) => {
  process.stderr.write(`bench failed: ${e && e.stack ? e.stack : e}\n`);
  process.exit(1);
});
