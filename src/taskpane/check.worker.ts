/**
 * The standalone pane's Web Worker (webpack entry "check-worker"): reads and validates the .xlsx
 * it is sent (checkFile.ts), posting progress, then the result or the one-line reason. The page
 * stays responsive; 取消 terminates the worker.
 */
import { type CheckRequest, runCheck } from "./checkFile";

const scope = self as unknown as { onmessage: ((e: MessageEvent<CheckRequest>) => void) | null; postMessage(m: unknown): void };
scope.onmessage = (e) => {
  void runCheck(e.data, (m) => scope.postMessage(m));
};
