/**
 * Which host the pane runs in. Office.onReady resolves with host null in an ordinary browser, but
 * may never resolve at all (office.js blocked, no network, an old host): the pane must not hang,
 * so the wait is raced against a short timeout, after which it runs standalone.
 */
export const OFFICE_READY_TIMEOUT_MS = 3_000;

export interface HostInfo {
  /** true inside Excel with the Excel API available */
  excel: boolean;
  /** Office's display language (e.g. "zh-CN"), or null outside Office */
  displayLanguage: string | null;
}

interface OfficeLike {
  onReady(): Promise<{ host: unknown; platform: unknown }>;
  context?: { displayLanguage?: string };
  HostType?: { Excel?: unknown };
}

export async function detectHost(
  office: OfficeLike | undefined = (globalThis as { Office?: OfficeLike }).Office,
  timeoutMs: number = OFFICE_READY_TIMEOUT_MS,
): Promise<HostInfo> {
  const standalone: HostInfo = { excel: false, displayLanguage: null };
  if (!office || typeof office.onReady !== "function") return standalone;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<null>((resolve) => { timer = setTimeout(() => resolve(null), timeoutMs); });
  try {
    const info = await Promise.race([office.onReady().catch(() => null), timeout]);
    if (!info || info.host === null || info.host === undefined) return standalone;
    const excelHost = office.HostType?.Excel ?? "Excel";
    if (info.host !== excelHost) return standalone;
    return { excel: true, displayLanguage: office.context?.displayLanguage ?? null };
  } finally {
    if (timer !== undefined) clearTimeout(timer);
  }
}
