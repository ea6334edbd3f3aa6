/** State of the 校验 tab: read (with progress) → validate → findings. */
import { useCallback, useRef, useState } from "react";
import type { ValidationResult } from "../../core/validate";
import type { ReadNote, WorkbookSnapshot } from "../../core/validate/snapshot";
import type { ExcelPort, ReadProgress, ValidateFn } from "../types";
import { errorText } from "../i18n";

export type ValidationState =
  | { phase: "idle" }
  | { phase: "reading"; progress: ReadProgress | null }
  | { phase: "validating" }
  | { phase: "done"; result: ValidationResult; notes: readonly ReadNote[] }
  | { phase: "error"; message: string; result?: ValidationResult };

/** Lets React paint the progress before the (synchronous) validator runs. */
const nextFrame = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export function useValidation(port: ExcelPort, validate: ValidateFn) {
  const [state, setState] = useState<ValidationState>({ phase: "idle" });
  const last = useRef<ValidationResult | undefined>(undefined);

  const run = useCallback(async (read: (onProgress: (p: ReadProgress) => void) => Promise<WorkbookSnapshot>) => {
    setState({ phase: "reading", progress: null });
    try {
      const snapshot = await read((progress) => setState({ phase: "reading", progress }));
      setState({ phase: "validating" });
      await nextFrame();
      const result = await validate(snapshot);
      last.current = result;
      setState({ phase: "done", result, notes: snapshot.notes ?? [] });
    } catch (e) {
      setState({ phase: "error", message: errorText(e), result: last.current });
    }
  }, [validate]);

  const validateActive = useCallback(() => run((p) => port.readActiveSheet(p)), [run, port]);
  const validateAll = useCallback(() => run((p) => port.readAllSheets(p)), [run, port]);
  const busy = state.phase === "reading" || state.phase === "validating";
  const result = state.phase === "done" ? state.result : state.phase === "error" ? state.result : undefined;
  const notes = state.phase === "done" ? state.notes : [];
  return { state, result, notes, busy, validateActive, validateAll };
}
