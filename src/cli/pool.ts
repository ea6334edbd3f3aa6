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

/** GOVCHECK_JOBS when it is a whole number ≥ 1, else one thread per core. */
export function defaultJobs(env: NodeJS.ProcessEnv = process.env): number {
  const n = Number(env.GOVCHECK_JOBS);
  if (Number.isInteger(n) && n >= 1) return n;
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
