/**
 * 立即校验 as the runtime holds it from startup, with its code (live.ts) fetched only when it is
 * needed: when the clerk turns the switch on, or at startup when the workbook was saved with it on.
 * Most workbooks never are, and the pane's first load stays within its budget. Until then the
 * state is the switch off (or unavailable below ExcelApi 1.7, which needs no code to know).
 */
import type { LiveChecker, LiveOptions, LiveState } from "./live";
import { readLiveSetting } from "./settings";

type LiveModule = Pick<typeof import("./live"), "createLiveChecker">;

export function lazyLiveChecker(opts: LiveOptions, load: () => Promise<LiveModule>): LiveChecker {
  const available = opts.api.isSupported("1.7");
  let state: LiveState = { available, on: false, note: available ? null : { kind: "unsupported" }, findings: [], sheets: [], last: null };
  const listeners = new Set<() => void>();
  const publish = (next: LiveState) => {
    state = next;
    for (const l of listeners) l();
  };
  let loading: Promise<LiveChecker | null> | null = null;
  const real = () => {
    loading ??= load().then((m) => {
      const checker = m.createLiveChecker(opts);
      checker.subscribe(() => publish(checker.getState()));
      publish(checker.getState());
      return checker;
    }, (e: unknown) => {
      // the chunk could not be fetched: say so, and let a later click try again
      loading = null;
      publish({ ...state, on: false, note: { kind: "failed", detail: e instanceof Error ? e.message : String(e) } });
      return null;
    });
    return loading;
  };
  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => { listeners.delete(listener); };
    },
    async setOn(on) {
      await (await real())?.setOn(on);
    },
    async restore() {
      if (!available || !readLiveSetting(opts.settings)) return;
      await (await real())?.restore();
    },
    async whenIdle() {
      if (loading) await (await loading)?.whenIdle();
    },
  };
}
