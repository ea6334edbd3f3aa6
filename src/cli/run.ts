/**
 * The engine step: read each file (streaming), validate it, collect everything. A file that
 * cannot be read is recorded with its one-line reason and the others are still checked.
 * Several files are checked in parallel, one thread per core — this one and worker threads
 * (GOVCHECK_JOBS sets how many in all; 1 checks them in this thread only); results are gathered
 * in input order, so the output does not depend on which thread finished first.
 */
import { existsSync, statSync } from "fs";
import type { Worker } from "worker_threads";
import { templates, type TemplateId, type WorkbookSnapshot } from "../core/validate";
import { type CombinedTable, consolidate, validateTogether } from "../core/validate/combine";
import { cliMessages } from "./messages";
import { readMessages } from "../xlsx/messages";
import { type CheckOptions, type FileOutcome, checkOne, readOne } from "./check-one";
import type { RunResult } from "./result";
import type { WorkerJob } from "./worker";

export type { FileSheet, FileVerdict, RunResult, Unreadable } from "./result";
export { EXIT, exitCode, summarize, verdicts } from "./result";

export interface RunOptions {
  template?: TemplateId;
  maxCells?: number;
  maxInflatedBytes?: number;
  /** called as each file starts (in order; progress bar) */
  onFile?: (index: number, total: number, name: string) => void;
  /** worker threads; default GOVCHECK_JOBS, else one per core; 1 = this thread only */
  jobs?: number;
  /** 合并校验: the files' tables of one template checked as one table (read in this thread, kept in memory) */
  combine?: boolean;
  /** with combine: also the consolidated tables (合并汇总), in result.consolidated */
  consolidate?: boolean;
}

import { WORKER, defaultJobs, stopUnused, takeWorker } from "./pool";

export { defaultJobs } from "./pool";

function gather(result: RunResult, names: readonly string[], outcomes: FileOutcome[]): RunResult {
  outcomes.forEach((o, i) => {
    const name = names[i];
    if (!o.ok) {
      result.unreadable.push({ file: name, message: o.message });
      return;
    }
    for (const s of o.sheets) result.sheets.push({ file: name, ...s });
    // the engine already stamps each finding with snapshot.file (= name): no copy
    for (const f of o.findings) result.findings.push(f);
  });
  return result;
}

/**
 * What a worker may hold queued beyond the file it is checking: small files are sent ahead, so a
 * worker never waits for this thread (busy with its own file) to hand it the next one; a big
 * file is never queued behind another (the threads would finish unevenly).
 */
export const PREFETCH = { files: 8, bytes: 1 << 20 } as const;

function sizeOf(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0; // unreadable: checkOne says why
  }
}

/**
 * Checks files on `jobs` threads: this one and `jobs - 1` workers, each taking the next file
 * when it is free (this thread is warm already, and starting one worker fewer saves its start-up
 * and its own JIT warm-up). A worker is kept fed: while it holds fewer than PREFETCH.files small
 * files, the next one is sent ahead.
 */
function inWorkers(files: readonly string[], names: readonly string[], opts: CheckOptions, jobs: number, onFile?: RunOptions["onFile"]): Promise<FileOutcome[]> {
  return new Promise((resolve, reject) => {
    const outcomes: FileOutcome[] = new Array(files.length);
    const sizes = files.map(sizeOf);
    const workers: Worker[] = [];
    let next = 0;
    let done = 0;
    let settled = false;
    const finish = (err?: unknown) => {
      if (settled) return;
      settled = true;
      for (const w of workers) void w.terminate();
      stopUnused();
      if (err !== undefined) reject(err);
      else resolve(outcomes);
    };
    const record = (index: number, outcome: FileOutcome) => {
      outcomes[index] = outcome;
      if (++done === files.length) finish();
    };
    const take = (): number | null => {
      if (settled || next >= files.length) return null;
      const index = next++;
      onFile?.(index, files.length, names[index]);
      return index;
    };
    const feed = (w: Worker, held: { files: number; bytes: number }) => {
      // one file at least; more while they are small and few
      while (!settled && next < files.length && (held.files === 0 ||
        (held.files < PREFETCH.files && held.bytes + sizes[next] <= PREFETCH.bytes && sizes[next] <= PREFETCH.bytes / 2))) {
        const index = take()!;
        held.files++;
        held.bytes += sizes[index];
        const job: WorkerJob = { index, file: files[index], name: names[index], opts };
        w.postMessage(job);
      }
    };
    for (let k = 0; k < jobs - 1; k++) {
      // started at launch when the command line asked for several files (pool.ts)
      const w = takeWorker();
      workers.push(w);
      const held = { files: 0, bytes: 0 };
      w.on("message", (m: { index: number; outcome: FileOutcome }) => {
        held.files--;
        held.bytes -= sizes[m.index];
        record(m.index, m.outcome);
        feed(w, held);
      });
      w.on("error", (e) => finish(e));
      // a worker that stops without an error (killed) would leave its files unanswered
      w.on("exit", (code) => {
        if (!settled) finish(new Error(`worker thread exited (${code})`));
      });
      feed(w, held);
    }
    // this thread's share
    void (async () => {
      for (let index = take(); index !== null; index = take()) {
        record(index, await checkOne(files[index], names[index], opts));
        // let the workers' answers in between two files
        await new Promise((r) => setImmediate(r));
      }
    })().catch((e: unknown) => finish(e));
  });
}

/**
 * 合并校验 (--combine): every file read here and kept, then validated together (core/validate/
 * combine.ts): each file's own findings, with duplicates, TRIP-2, ranks and quotas taken over the
 * tables of all files.
 */
async function together(files: readonly string[], names: readonly string[], opts: CheckOptions, onFile?: RunOptions["onFile"]): Promise<{ outcomes: FileOutcome[]; tables: CombinedTable[] }> {
  const reads = [];
  for (let i = 0; i < files.length; i++) {
    onFile?.(i, files.length, names[i]);
    reads.push(await readOne(files[i], names[i], opts));
  }
  const books: WorkbookSnapshot[] = [];
  for (const r of reads) if (r.ok) books.push(r.snapshot);
  let v: ReturnType<typeof validateTogether>;
  try {
    v = validateTogether(books, { templates, template: opts.template });
  } catch (e) {
    // the engine never throws on data; if it ever does, say so for every file read
    const message = readMessages.unexpected((e instanceof Error ? e.message : String(e)).split(/\r?\n/)[0]);
    return { outcomes: reads.map((r) => (r.ok ? { ok: false, message } : r)), tables: [] };
  }
  let k = 0;
  return { outcomes: reads.map((r) => (r.ok ? { ok: true, ...v.results[k++] } : r)), tables: v.tables };
}

/** `files` are paths to read; `names` how each is shown (same order). */
export async function checkFiles(files: readonly string[], names: readonly string[], opts: RunOptions = {}): Promise<RunResult> {
  const result: RunResult = { files: [...names], sheets: [], findings: [], unreadable: [] };
  const check: CheckOptions = { template: opts.template, maxCells: opts.maxCells, maxInflatedBytes: opts.maxInflatedBytes };
  if (opts.combine) {
    stopUnused();
    const t = await together(files, names, check, opts.onFile);
    if (opts.consolidate) result.consolidated = t.tables.map((ct) => consolidate(ct, cliMessages.sourceFile));
    return gather(result, names, t.outcomes);
  }
  const jobs = Math.min(opts.jobs ?? defaultJobs(), files.length);
  if (jobs > 1 && existsSync(WORKER)) return gather(result, names, await inWorkers(files, names, check, jobs, opts.onFile));
  stopUnused();
  const outcomes: FileOutcome[] = [];
  for (let i = 0; i < files.length; i++) {
    opts.onFile?.(i, files.length, names[i]);
    outcomes.push(await checkOne(files[i], names[i], check));
  }
  return gather(result, names, outcomes);
}
