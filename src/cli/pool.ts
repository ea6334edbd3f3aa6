/**
 * govcheck's worker threads, started as early as possible. A worker spends ~130 ms loading the
 * rules and the reader before it can check a file — as long as this thread spends loading its
 * own. bin/govcheck.js calls `prestart(argv)` before it loads the rest of govcheck, so both load
 * at once on two cores; run.ts then takes the started workers (`takeWorker`) instead of starting
 * its own after everything is loaded. Kept free of imports beyond Node's own: loading this file
 * must cost nothing.
 *
 * Started only when the command line names several files, a folder or a pattern (a run of one
 * file never uses a worker), not for --combine (read in this thread) nor --help, and not when
 * GOVCHECK_JOBS is 1. A worker not taken is unref'd: it never keeps the process alive.
 */
import { existsSync, statSync } from "fs";
import * as os from "os";
import * as path from "path";
import { Worker } from "worker_threads";

/** The compiled worker (lib/cli/worker.js); absent when running from sources (tests): then no threads. */
export const WORKER = path.join(__dirname, "worker.js");

const started: { worker: Worker; failed: boolean }[] = [];

/**
 * GOVCHECK_JOBS when it is a whole number ≥ 1, else one thread per core but one. A JavaScript
 * thread is not one core's work: V8 compiles hot code and collects garbage on background threads,
 * and a govcheck run on one thread already keeps about 1.4 cores busy (600 small files: 2.0–2.4 s
 * of CPU in 1.4–1.7 s). On 2 cores a second thread only competes with those: 600 small files
 * took 1.5–2.0 s on two threads against 1.2–1.7 s on one, four 100k-row files 6.9–7.8 s against
 * 7.1–8.8 s with 1.4× the memory. So one core is left to V8: 2 cores → 1 thread, 4 → 3.
 */
export function defaultJobs(env: NodeJS.ProcessEnv = process.env, cores = parallelism()): number {
  const n = Number(env.GOVCHECK_JOBS);
  if (Number.isInteger(n) && n >= 1) return n;
  return Math.max(1, cores - 1);
}

function parallelism(): number {
  const osx = os as { availableParallelism?: () => number };
  return osx.availableParallelism ? osx.availableParallelism() : os.cpus().length;
}

/** options of govcheck that take a value (`--opt value`; `--opt=value` is one argument) — args.ts */
const VALUE_OPTIONS = new Set(["--format", "--template", "--report", "--combined", "--max-cells", "--max-inflated-mb"]);

/**
 * Whether this command line will check several files on several threads, told from the
 * arguments alone (args.ts decides for real; a wrong guess only starts a worker for nothing or
 * starts it later).
 */
export function wantsWorkers(argv: readonly string[], env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): boolean {
  if (defaultJobs(env) < 2) return false;
  const inputs: string[] = [];
  let onlyFiles = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (onlyFiles || !a.startsWith("-") || a === "-") inputs.push(a);
    else if (a === "--") onlyFiles = true;
    else if (a === "-h" || a === "--help" || a === "--combine" || a.startsWith("--combined")) return false;
    else if (VALUE_OPTIONS.has(a)) i++;
  }
  if (inputs.length >= 2) return true;
  if (inputs.length === 0) return false;
  const only = inputs[0];
  if (/[*?[{]/.test(only)) return true;
  try {
    return statSync(path.resolve(cwd, only)).isDirectory();
  } catch {
    return false;
  }
}

/** Starts the worker threads this command line will want (one per core beyond this thread's). */
export function prestart(argv: readonly string[]): number {
  if (!existsSync(WORKER) || !wantsWorkers(argv)) return 0;
  for (let k = started.length; k < defaultJobs() - 1; k++) {
    const entry = { worker: new Worker(WORKER), failed: false };
    entry.worker.unref();
    // a worker that fails before it is taken is not handed out (takeWorker starts another)
    entry.worker.on("error", () => {
      entry.failed = true;
    });
    started.push(entry);
  }
  return started.length;
}

/** A started worker, or a new one; it keeps the process alive until terminated. */
export function takeWorker(): Worker {
  for (let e = started.shift(); e; e = started.shift()) {
    if (e.failed) continue;
    e.worker.ref();
    return e.worker;
  }
  return new Worker(WORKER);
}

/** Workers started and never taken (a folder holding one file): stopped. */
export function stopUnused(): void {
  for (const e of started.splice(0)) void e.worker.terminate();
}
