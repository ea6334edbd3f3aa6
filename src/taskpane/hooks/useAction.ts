/** One workbook action at a time (report, mark, clear, insert), with its outcome shown to the clerk. */
import { useCallback, useState } from "react";
import { errorText } from "../i18n";

export type ActionNotice = { intent: "success" | "error"; text: string } | null;

export function useAction() {
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<ActionNotice>(null);
  const perform = useCallback(async (action: () => Promise<string>, errorPrefix: string) => {
    setBusy(true);
    setNotice(null);
    try {
      setNotice({ intent: "success", text: await action() });
    } catch (e) {
      setNotice({ intent: "error", text: errorPrefix + errorText(e) });
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, notice, perform };
}
