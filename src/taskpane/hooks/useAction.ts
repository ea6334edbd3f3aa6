/** One workbook action at a time (report, mark, clear, insert), with its outcome shown to the clerk. */
import { useCallback, useState } from "react";
import { errorText } from "../i18n";

export type ActionNotice = { intent: "success" | "warning" | "error"; text: string } | null;
/** What an action reports: a line of success, or a notice (a warning when part was left undone). */
export type ActionOutcome = string | { intent: "success" | "warning"; text: string };

export function useAction() {
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<ActionNotice>(null);
  const perform = useCallback(async (action: () => Promise<ActionOutcome>, errorPrefix: string) => {
    setBusy(true);
    setNotice(null);
    try {
      const outcome = await action();
      setNotice(typeof outcome === "string" ? { intent: "success", text: outcome } : outcome);
    } catch (e) {
      setNotice({ intent: "error", text: errorPrefix + errorText(e) });
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, notice, perform };
}
