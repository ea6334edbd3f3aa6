/** Standalone mode: an .xlsx (picked, dropped or the bundled sample) → findings → report download. */
import { useCallback, useRef, useState } from "react";
import type { CheckProgress } from "../checkFile";
import type { CheckedResult, FileWorkbookPort, ValidateFn } from "../types";
import { errorText } from "../i18n";

export type FileState =
  | { phase: "empty" }
  | { phase: "loading"; file: string; progress?: CheckProgress }
  | { phase: "cancelled"; file: string }
  | { phase: "done"; file: string; result: CheckedResult }
  | { phase: "error"; file?: string; message: string };

export function isXlsxName(name: string): boolean {
  return /\.xlsx$/i.test(name.trim());
}

export function useFileValidation(port: FileWorkbookPort, validate: ValidateFn) {
  const [state, setState] = useState<FileState>({ phase: "empty" });
  // the check under way: aborting it cancels it (the worker is terminated)
  const running = useRef<AbortController | null>(null);

  const openBytes = useCallback(async (file: string, load: () => Promise<ArrayBuffer>) => {
    running.current?.abort();
    const ctl = new AbortController();
    running.current = ctl;
    setState({ phase: "loading", file });
    try {
      const data = await load();
      let result: CheckedResult;
      if (port.check) {
        // off the page's thread (a Web Worker), with progress
        result = await port.check(data, file, {
          signal: ctl.signal,
          onProgress: (progress) => {
            if (!ctl.signal.aborted) setState({ phase: "loading", file, progress });
          },
        });
      } else {
        result = await validate(await port.read(data, file));
      }
      if (!ctl.signal.aborted) setState({ phase: "done", file, result });
    } catch (e) {
      if (!ctl.signal.aborted) setState({ phase: "error", file, message: errorText(e) });
    } finally {
      if (running.current === ctl) running.current = null;
    }
  }, [port, validate]);

  const cancel = useCallback(() => {
    const ctl = running.current;
    if (!ctl) return;
    ctl.abort();
    running.current = null;
    setState((s) => (s.phase === "loading" ? { phase: "cancelled", file: s.file } : s));
  }, []);

  const reportBytes = useCallback(async (): Promise<{ name: string; bytes: Uint8Array } | null> => {
    if (state.phase !== "done") return null;
    return { name: state.file, bytes: await port.report(state.result, state.file) };
  }, [port, state]);

  return { state, openBytes, reportBytes, cancel, fail: (message: string) => setState({ phase: "error", message }) };
}
