/** Standalone mode: an .xlsx (picked, dropped or the bundled sample) → findings → report download. */
import { useCallback, useState } from "react";
import type { ValidationResult } from "../../core/validate";
import type { FileWorkbookPort, ValidateFn } from "../types";
import { errorText } from "../i18n";

export type FileState =
  | { phase: "empty" }
  | { phase: "loading"; file: string }
  | { phase: "done"; file: string; result: ValidationResult }
  | { phase: "error"; file?: string; message: string };

export function isXlsxName(name: string): boolean {
  return /\.xlsx$/i.test(name.trim());
}

export function useFileValidation(port: FileWorkbookPort, validate: ValidateFn) {
  const [state, setState] = useState<FileState>({ phase: "empty" });

  const openBytes = useCallback(async (file: string, load: () => Promise<ArrayBuffer>) => {
    setState({ phase: "loading", file });
    try {
      const snapshot = await port.read(await load(), file);
      setState({ phase: "done", file, result: validate(snapshot) });
    } catch (e) {
      setState({ phase: "error", file, message: errorText(e) });
    }
  }, [port, validate]);

  const reportBytes = useCallback(async (): Promise<{ name: string; bytes: Uint8Array } | null> => {
    if (state.phase !== "done") return null;
    return { name: state.file, bytes: await port.report(state.result, state.file) };
  }, [port, state]);

  return { state, openBytes, reportBytes, fail: (message: string) => setState({ phase: "error", message }) };
}
