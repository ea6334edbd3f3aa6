/**
 * govcheck against ExcelJS's streaming reader alone, both as whole child processes on the same
 * .xlsx (written here with ExcelJS's streaming WorkbookWriter): wall time and peak memory
 * (GNU time's %M when installed, else the process's own maxRSS where it reports it).
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { civilFromSerial } from "../../src/core/input/dates";
import { isDateValue } from "../../src/core/input/coerce";
import type { BenchSheet } from "./sheets";

const ROOT = path.resolve(__dirname, "../..");
export const GOVCHECK = path.join(ROOT, "bin", "govcheck.js");
const VISIT = path.join(__dirname, "exceljs-visit.js");
const GNU_TIME = "/usr/bin/time";
/** bin/govcheck.js's line when it compiles lib/ before running (bin/govcheck.js) */
const COMPILING = /正在编译/;

/** Writes the sheet as a real workbook: merges, dates as Excel dates with a date format. */
export async function writeXlsx(sheet: BenchSheet, file: string): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: true });
  const ws = wb.addWorksheet(sheet.snapshot.name);
  // a streamed row cannot be touched once committed: merge the header area before committing it
  const merges = sheet.snapshot.merges ?? [];
  const lastMerged = merges.reduce((m, x) => Math.max(m, x.bottom), -1);
  let i = 0;
  for (const row of sheet.snapshot.rows) {
    const values = row.map((v) => {
      if (isDateValue(v)) {
        const d = civilFromSerial(v.serial);
        return new Date(Date.UTC(d.y, d.m - 1, d.d));
      }
      return v === undefined ? null : v;
    });
    const r = ws.addRow(values);
    for (const c of sheet.dateCols) if (values[c] instanceof Date) r.getCell(c + 1).numFmt = "yyyy-mm-dd";
    if (i === lastMerged) for (const m of merges) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
    if (i > lastMerged) r.commit();
    i++;
  }
  ws.commit();
  await wb.commit();
}

export interface ProcRun {
  seconds: number;
  peakMB: number | null;
  /** every run's peak, when several runs were combined (combineRuns) */
  peaksMB?: number[];
  status: number | null;
  stdoutBytes: number;
  stdout: string;
  stderr: string;
}

export const hasGnuTime = (): boolean => fs.existsSync(GNU_TIME);

/** Runs `node args…` as a whole process; peak RSS from GNU time when present. */
export function runNode(args: string[]): ProcRun {
  const gnu = hasGnuTime();
  const marker = "@@peakKB=";
  const cmd = gnu ? GNU_TIME : process.execPath;
  const argv = gnu ? ["-f", `${marker}%M`, process.execPath, ...args] : args;
  const t = process.hrtime.bigint();
  // bytes, decoded after the clock stops: turning govcheck's 44 MB of JSON into a string here took
  // 0.1–0.2 s of this process's time, which is not the program's
  const raw = spawnSync(cmd, argv, { maxBuffer: 1 << 30, cwd: ROOT });
  const seconds = Number(process.hrtime.bigint() - t) / 1e9;
  const r = { status: raw.status, stdout: raw.stdout?.toString("utf8"), stderr: raw.stderr?.toString("utf8") };
  let stderr = r.stderr ?? "";
  let peakMB: number | null = null;
  const m = new RegExp(`${marker}(\\d+)`).exec(stderr);
  if (m) {
    peakMB = Number(m[1]) / 1024;
    stderr = stderr.replace(m[0], "").replace(/Command exited with non-zero status \d+/, "").trim();
  } else {
    // without GNU time: the visitor prints its own maxRSS; govcheck's is unknown
    const own = /"maxRSSKB":(\d+)/.exec(r.stdout ?? "");
    if (own) peakMB = Number(own[1]) / 1024;
  }
  // GNU time exits with the child's status
  return { seconds, peakMB, status: r.status, stdoutBytes: Buffer.byteLength(r.stdout ?? ""), stdout: r.stdout ?? "", stderr };
}

/**
 * Several runs of one program as one figure: the best wall time, and the MEDIAN of the peaks (a
 * process's peak RSS depends on when its collector ran; the best-time run's peak alone swung
 * ExcelJS's figure between 136 and 227 MB on the same file).
 */
export function combineRuns(runs: readonly ProcRun[]): ProcRun {
  const best = runs.reduce((a, b) => (b.seconds < a.seconds ? b : a));
  const peaks = runs.map((r) => r.peakMB).filter((p): p is number => p !== null).sort((a, b) => a - b);
  const mid = peaks.length === 0 ? null : peaks.length % 2 === 1 ? peaks[(peaks.length - 1) / 2] : (peaks[peaks.length / 2 - 1] + peaks[peaks.length / 2]) / 2;
  return { ...best, peakMB: mid, peaksMB: peaks };
}

export interface CliRun {
  template: string;
  rows: number;
  fileMB: number;
  govcheck: ProcRun;
  exceljs: ProcRun;
  findings: number | null;
  /** govcheck's summary.errors: the pane's 违规（n） */
  errors: number | null;
  cellsVisited: number | null;
}

export function govcheckArgs(file: string): string[] {
  return [GOVCHECK, file, "--format", "json"];
}

/** Best of `runs` for each (whole processes; alternated so both see the same machine load). */
export function measureCli(template: string, rows: number, file: string, runs: number): CliRun {
  const gs: ProcRun[] = [];
  const xs: ProcRun[] = [];
  for (let i = 0, tries = 0; i < runs; i++) {
    const gi = runNode(govcheckArgs(file));
    // the launcher recompiled lib/ (a source changed meanwhile): not a run of govcheck, run again
    if (COMPILING.test(gi.stderr) && ++tries <= 3) {
      i--;
      continue;
    }
    gs.push(gi);
    xs.push(runNode([VISIT, file]));
  }
  const g = combineRuns(gs);
  const x = combineRuns(xs);
  let findings: number | null = null;
  let errors: number | null = null;
  try {
    const out = JSON.parse(g.stdout);
    const list = Array.isArray(out) ? out : out.issues ?? out.findings;
    findings = Array.isArray(list) ? list.length : null;
    errors = typeof out?.summary?.errors === "number" ? out.summary.errors : null;
  } catch {
    findings = null;
  }
  let cellsVisited: number | null = null;
  try {
    cellsVisited = JSON.parse(x.stdout.trim().split("\n").pop() ?? "").cells;
  } catch {
    cellsVisited = null;
  }
  return {
    template, rows, fileMB: fs.statSync(file).size / 2 ** 20, govcheck: { ...g, stdout: "" }, exceljs: { ...x, stdout: "" },
    findings, errors, cellsVisited,
  };
}

export interface ManyRun {
  files: number;
  jobs1Seconds: number;
  jobsNSeconds: number;
  jobs: number;
  speedup: number;
  /** CPU seconds (every thread) of the fastest run of each; null without GNU time */
  jobs1CpuSeconds: number | null;
  jobsNCpuSeconds: number | null;
}

/** govcheck over a folder of `copies` × the bundled example submissions, on one thread and on `jobs` worker threads (best of `runs`). */
export function measureMany(dir: string, examples: string[], copies: number, jobs: number, runs: number): ManyRun {
  fs.mkdirSync(dir, { recursive: true });
  for (let i = 0; i < copies; i++) for (const f of examples) fs.copyFileSync(f, path.join(dir, `${path.basename(f, ".xlsx")}-${i + 1}.xlsx`));
  const marker = "@@cpu=";
  const time = (n: number) => {
    const t = process.hrtime.bigint();
    // GNU time, when present, for the CPU seconds (user + system, every thread of the process)
    const [cmd, argv] = hasGnuTime()
      ? [GNU_TIME, ["-f", `${marker}%U+%S`, process.execPath, GOVCHECK, dir, "--format", "json"]]
      : [process.execPath, [GOVCHECK, dir, "--format", "json"]];
    const raw = spawnSync(cmd, argv, { maxBuffer: 1 << 30, env: { ...process.env, GOVCHECK_JOBS: String(n) } });
    // (decoded after the clock stops, as in runNode)
    const seconds = Number(process.hrtime.bigint() - t) / 1e9;
    const stderr = raw.stderr.toString("utf8");
    if (raw.status !== 1 && raw.status !== 0) throw new Error(`govcheck failed over ${dir}: ${stderr.split("\n")[0]}`);
    const m = new RegExp(`${marker}([\\d.]+)\\+([\\d.]+)`).exec(stderr);
    return { seconds, out: raw.stdout.toString("utf8"), cpu: m ? Number(m[1]) + Number(m[2]) : null };
  };
  let one = { seconds: Infinity, cpu: null as number | null };
  let many = { seconds: Infinity, cpu: null as number | null };
  let same = true;
  for (let i = 0; i < runs; i++) {
    const a = time(1);
    const b = time(jobs);
    same &&= a.out === b.out;
    if (a.seconds < one.seconds) one = a;
    if (b.seconds < many.seconds) many = b;
  }
  if (!same) throw new Error("govcheck's output differs between one and several threads");
  return {
    files: copies * examples.length, jobs1Seconds: one.seconds, jobsNSeconds: many.seconds, jobs, speedup: one.seconds / many.seconds,
    jobs1CpuSeconds: one.cpu, jobsNCpuSeconds: many.cpu,
  };
}
