/**
 * Which host the pane runs in. With a shared runtime (lifetime="long") the page can load while
 * Excel is still starting, so Office.onReady may answer late: a late Excel answer switches the pane
 * to Excel mode whenever it comes. Only office.js itself missing is final after a wait (no `Office`
 * global, or no onReady, after OFFICE_READY_TIMEOUT_MS: blocked or failed to load). While Office
 * has not answered, the pane shows the standalone checker after the same wait, so it never hangs.
 *
 * The host reported goes standalone → Excel at most once, never back: onHost is called with
 * [standalone], [Excel], or [standalone, Excel].
 */
export const OFFICE_READY_TIMEOUT_MS = 3_000;
/** How often to look for the Office global while office.js may still be loading. */
export const OFFICE_POLL_MS = 100;

export interface HostInfo {
  /** true inside Excel with the Excel API available */
  excel: boolean;
  /** Office's display language (e.g. "zh-CN"), or null outside Office */
  displayLanguage: string | null;
}

export interface OfficeLike {
  onReady(): Promise<{ host: unknown; platform: unknown }>;
  context?: { displayLanguage?: string };
  HostType?: { Excel?: unknown };
}

export const STANDALONE: HostInfo = { excel: false, displayLanguage: null };

export interface WatchHostOptions {
  /** where office.js puts its global (default: globalThis.Office, read on every look) */
  getOffice?: () => OfficeLike | undefined;
  timeoutMs?: number;
  pollMs?: number;
}

function usable(office: OfficeLike | undefined): office is OfficeLike {
  return !!office && typeof office.onReady === "function";
}

/** Reports the host to `onHost` as described above; returns a function that stops watching. */
export function watchHost(onHost: (host: HostInfo) => void, opts: WatchHostOptions = {}): () => void {
  const getOffice = opts.getOffice ?? (() => (globalThis as { Office?: OfficeLike }).Office);
  const timeoutMs = opts.timeoutMs ?? OFFICE_READY_TIMEOUT_MS;
  const pollMs = opts.pollMs ?? OFFICE_POLL_MS;
  let shown: "none" | "standalone" | "excel" = "none";
  let stopped = false;
  let poll: ReturnType<typeof setInterval> | undefined;

  const show = (host: HostInfo) => {
    if (stopped || shown === "excel" || (shown === "standalone" && !host.excel)) return;
    shown = host.excel ? "excel" : "standalone";
    onHost(host);
  };
  const listen = (office: OfficeLike) => {
    office.onReady().then(
      (info) => {
        const excelHost = office.HostType?.Excel ?? "Excel";
        if (info && info.host !== null && info.host !== undefined && info.host === excelHost) {
          show({ excel: true, displayLanguage: office.context?.displayLanguage ?? null });
        } else {
          show(STANDALONE);
        }
      },
      // onReady itself failing means no Office host to talk to
      () => show(STANDALONE),
    );
  };

  const first = getOffice();
  if (usable(first)) {
    listen(first);
  } else {
    poll = setInterval(() => {
      const office = getOffice();
      if (!usable(office)) return;
      clearInterval(poll);
      poll = undefined;
      listen(office);
    }, pollMs);
  }
  const timer = setTimeout(() => {
    if (poll !== undefined) {
      // office.js never arrived: final
      clearInterval(poll);
      poll = undefined;
    }
    show(STANDALONE);
  }, timeoutMs);

  return () => {
    stopped = true;
    clearTimeout(timer);
    if (poll !== undefined) clearInterval(poll);
  };
}
