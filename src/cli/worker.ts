/**
 * A govcheck worker thread (run.ts starts one per core when there are several files): checks the
 * files it is sent, one at a time, and answers each with its outcome.
 */
import { parentPort } from "worker_threads";
import { type CheckOptions, checkOne } from "./check-one";

export interface WorkerJob {
  index: number;
  file: string;
  name: string;
  opts: CheckOptions;
}

parentPort?.on("message", (job: WorkerJob) => {
  checkOne(job.file, job.name, job.opts).then(
    (outcome) => parentPort!.postMessage({ index: job.index, outcome }),
    (e: unknown) => parentPort!.postMessage({ index: job.index, outcome: { ok: false, message: String(e) } }),
  );
});
