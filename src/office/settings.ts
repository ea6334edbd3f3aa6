/**
 * What the add-in remembers per workbook (issue 13 item 3): the 立即校验 switch, in the document's
 * own settings (Office.context.document.settings, saved inside the file), so it comes back when
 * the workbook is reopened, on any computer. The marks need nothing here: they are cell fills plus
 * the very hidden store sheet (marks.ts), already part of the workbook.
 */

/** The document settings as Office.js offers them (a fake in tests). */
export interface SettingsStore {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  saveAsync(callback?: (result: { status: unknown; error?: { message?: string } | null }) => void): void;
}

/** Setting name of the 立即校验 switch. */
export const LIVE_SETTING = "gov.liveCheck";

interface OfficeGlobal {
  context?: { document?: { settings?: SettingsStore } };
  addin?: { setStartupBehavior?(behavior: unknown): Promise<void> };
  StartupBehavior?: { load?: unknown; none?: unknown };
}

const office = () => (globalThis as { Office?: OfficeGlobal }).Office;

/** This workbook's settings, or null outside Office (tools, tests without a fake). */
export function documentSettings(): SettingsStore | null {
  return office()?.context?.document?.settings ?? null;
}

/** Whether 立即校验 was left on in this workbook. */
export function readLiveSetting(settings: SettingsStore | null): boolean {
  return settings?.get(LIVE_SETTING) === true;
}

/** Stores the switch in the workbook's settings and saves them (they are written with the file). */
export function writeLiveSetting(settings: SettingsStore | null, on: boolean): Promise<void> {
  if (!settings) return Promise.resolve();
  settings.set(LIVE_SETTING, on);
  return new Promise((resolve, reject) => {
    settings.saveAsync((result) => {
      if (String(result?.status ?? "").toLowerCase() === "succeeded") resolve();
      else reject(new Error(result?.error?.message ?? "无法保存工作簿设置。"));
    });
  });
}

/**
 * With 立即校验 on, asks Office to start the add-in's shared runtime when this workbook opens
 * (SharedRuntime 1.1, a per-document setting), so checking resumes without opening the pane.
 * Best effort: hosts without it simply resume when the pane or a GOV function loads the runtime.
 */
export async function startWithWorkbook(on: boolean): Promise<void> {
  const o = office();
  if (typeof o?.addin?.setStartupBehavior !== "function") return;
  try {
    await o.addin.setStartupBehavior(on ? (o.StartupBehavior?.load ?? "Load") : (o.StartupBehavior?.none ?? "None"));
  } catch {
    // not offered on this host (e.g. without a shared runtime): the switch still works while it runs
  }
}
