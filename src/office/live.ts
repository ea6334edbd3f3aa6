/**
 * 立即校验 (issue 13 item 2): while the switch is on, every edit of a followed sheet is checked as
 * it is made. The checker lives in the add-in's shared runtime (created by the page's startup,
 * src/taskpane/index.tsx), not in a React component, so it keeps following the workbook while the
 * pane is closed, and the pane shows its findings when it is opened again.
 *
 * Per edit: Excel's onChanged events are coalesced for LIVE_DEBOUNCE_MS (a paste or fill sends
 * many); then, per sheet, ONE sync re-reads only the changed rows, together with the sheet's used
 * range and protection. The rows are patched into the cached snapshot of the sheet and the whole
 * sheet is validated again in memory (table checks need every row; the core takes tens of ms for
 * 10 000 rows). Findings reach the pane at once; then the marks are brought in line for the cells
 * whose findings changed (liveMarks.ts updateSheetMarks: store first, then marks; a cell fixed gets its
 * fill back). Nothing here writes a cell's value.
 *
 * No loop on its own writes: marks are fills, and events for them are dropped where Excel says
 * so (triggerSource "ThisLocalAddin", ExcelApi 1.14; a single-cell change whose value did not
 * change, 1.9); any that still arrive cost one read and stop there, since re-read rows equal to
 * the cached ones change no finding, and only changed findings write anything.
 *
 * A sheet it cannot follow turns it off with a note: a protected sheet (its marks could not be
 * written) or one over LIVE_MAX_ROWS rows. Inserted or deleted rows/columns, whole-column changes,
 * a changed used-range shape or a change over LIVE_MAX_READ_CELLS cells re-read the sheet once.
 * Merged cells are read with the sheet and kept (editing values does not change them).
 */
import type { Finding, Severity } from "../core/validate/findings";
import type { SheetResult, ValidationResult } from "../core/validate/engine";
import type { CellValue } from "../core/input/coerce";
import type { SheetSnapshot, WorkbookSnapshot } from "../core/validate/snapshot";
import { SEVERITY_ORDER } from "../core/validate/severity";
import type { ExcelApiSupport } from "./apiSupport";
import { fromExcel } from "./cellValue";
import { READ_CHUNK_CELLS, readLoadedSheet } from "./read";
import { rangeAt } from "./ranges";
import { updateSheetMarks } from "./liveMarks";
import { readLiveSetting, startWithWorkbook, writeLiveSetting, type SettingsStore } from "./settings";

/** Sheets longer than this are not followed (one constant; 立即校验 turns off with a note). */
export const LIVE_MAX_ROWS = 50_000;
/** Events within this window after the first are checked together (paste, fill, undo of many). */
export const LIVE_DEBOUNCE_MS = 60;
/** A change over more cells than one read chunk re-reads the sheet in chunks instead. */
export const LIVE_MAX_READ_CELLS = READ_CHUNK_CELLS;

export type LiveNote =
  | { kind: "unsupported" }
  | { kind: "protected"; sheet: string }
  | { kind: "tooLarge"; sheet: string; rows: number; max: number }
  | { kind: "failed"; detail: string };

/** How long the last check took (ms, wall clock in the runtime, Excel round trips included). */
export interface LiveTiming {
  /** from the batch's start to its findings reaching the pane */
  findingsMs: number;
  /** the in-memory validation alone */
  validateMs: number;
  /** to the marks being written */
  totalMs: number;
  rowsRead: number;
  /** the sheet was read whole (first check, or a change too wide to patch) */
  fullRead: boolean;
}

export interface LiveState {
  /** events exist on this Excel (ExcelApi 1.7) */
  available: boolean;
  on: boolean;
  /** why it turned itself off (or cannot be turned on) */
  note: LiveNote | null;
  /** findings of the sheets followed, sheet by sheet in the order first checked */
  findings: readonly Finding[];
  sheets: readonly SheetResult[];
  last: LiveTiming | null;
}

export interface LiveChecker {
  getState(): LiveState;
  /** called after every state change (useSyncExternalStore's subscribe) */
  subscribe(listener: () => void): () => void;
  /** the switch: on subscribes and checks the active sheet at once; both are stored in the workbook */
  setOn(on: boolean): Promise<void>;
  /** runtime startup: resume when the workbook was saved with the switch on */
  restore(): Promise<void>;
  /** resolves once no event is waiting or being checked (tests, bench) */
  whenIdle(): Promise<void>;
}

export type ExcelBatchRunner = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface LiveOptions {
  run: ExcelBatchRunner;
  api: ExcelApiSupport;
  validate: (snapshot: WorkbookSnapshot) => ValidationResult | Promise<ValidationResult>;
  /** the workbook's settings (null: not remembered) */
  settings: SettingsStore | null;
  /** sheets never followed (the mark store, report sheets) */
  skipSheet?: (name: string) => boolean;
  debounceMs?: number;
  maxRows?: number;
  /** set Office's startup behaviour with the switch (default true; off in tests) */
  startWithWorkbook?: boolean;
  now?: () => number;
}

/** 0-based sheet rows, inclusive. */
export interface RowSpan {
  first: number;
  last: number;
}

/**
 * Rows an event's address covers: "B5", "A1:C3", "3:5", "A1:B2, D4" (a sheet prefix is ignored);
 * null when an area is whole columns ("A:C"), which only a re-read of the sheet can follow.
 */
export function changedRows(address: string): RowSpan[] | null {
  const spans: RowSpan[] = [];
  for (const raw of address.split(",")) {
    const area = raw.trim().replace(/^.*!/, "").replace(/\$/g, "");
    if (area === "") continue;
    const [a, b = a] = area.split(":");
    const ra = /(\d+)$/.exec(a);
    const rb = /(\d+)$/.exec(b);
    if (!ra || !rb) return null;
    const x = Number(ra[1]) - 1;
    const y = Number(rb[1]) - 1;
    spans.push({ first: Math.min(x, y), last: Math.max(x, y) });
  }
  return spans;
}

/** Sorted, with overlapping and adjacent spans joined. */
export function mergeSpans(spans: readonly RowSpan[]): RowSpan[] {
  const out: RowSpan[] = [];
  for (const s of [...spans].sort((x, y) => x.first - y.first)) {
    const top = out[out.length - 1];
    if (top && s.first <= top.last + 1) top.last = Math.max(top.last, s.last);
    else out.push({ ...s });
  }
  return out;
}

const STRUCTURAL = new Set(["RowInserted", "RowDeleted", "ColumnInserted", "ColumnDeleted", "CellInserted", "CellDeleted"]);

/**
 * A single-cell change whose value and type did not change: a format change reported as a change.
 * @requiresExcelApi 1.9 ChangedEventDetail
 */
function formatOnly(d: Excel.ChangedEventDetail | undefined): boolean {
  if (!d) return false;
  return d.valueTypeBefore === d.valueTypeAfter && d.valueBefore === d.valueAfter;
}

/** What an event asks to re-read: rows of a sheet, spans null for the whole sheet; null to ignore. */
export interface Change {
  sheetId: string;
  spans: RowSpan[] | null;
}

/**
 * The change an onChanged event reports, or null for one caused by this add-in's own formats.
 * @requiresExcelApi 1.7 WorksheetChangedEventArgs
 */
export function changeOf(e: Excel.WorksheetChangedEventArgs, api: ExcelApiSupport): Change | null {
  if (api.isSupported("1.14") && e.triggerSource === "ThisLocalAddin") return null;
  if (api.isSupported("1.9") && formatOnly(e.details)) return null;
  return { sheetId: e.worksheetId, spans: STRUCTURAL.has(String(e.changeType)) ? null : changedRows(e.address) };
}

type Registration = OfficeExtension.EventHandlerResult<Excel.WorksheetChangedEventArgs>;

/**
 * Adds `handler` for changes to every sheet: once for the workbook (ExcelApi 1.9), else per
 * visible sheet (1.7; sheets added later are not followed there). Returns the active sheet's id.
 * @requiresExcelApi 1.7 Worksheet.onChanged
 */
async function subscribeChanges(
  context: Excel.RequestContext, api: ExcelApiSupport,
  handler: (e: Excel.WorksheetChangedEventArgs) => Promise<void>, skip: (name: string) => boolean,
): Promise<{ regs: Registration[]; activeId: string }> {
  const active = context.workbook.worksheets.getActiveWorksheet();
  active.load("id");
  let regs: Registration[];
  if (api.isSupported("1.9")) {
    regs = [context.workbook.worksheets.onChanged.add(handler)];
  } else {
    const sheets = context.workbook.worksheets;
    sheets.load("items/name,items/visibility");
    await context.sync();
    regs = sheets.items.filter((s) => s.visibility === "Visible" && !skip(s.name)).map((s) => s.onChanged.add(handler));
  }
  await context.sync();
  return { regs, activeId: active.id };
}

interface Followed {
  id: string;
  snapshot: SheetSnapshot;
  /** the used range's columns when read (rows of the snapshot have this length) */
  width: number;
  findings: Finding[];
  result: SheetResult;
}

function sameCell(a: CellValue, b: CellValue): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== "object" || typeof b !== "object") return false;
  return JSON.stringify(a) === JSON.stringify(b);
}

function sameRow(a: readonly CellValue[] | undefined, b: readonly CellValue[]): boolean {
  if (!a || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!sameCell(a[i] ?? null, b[i] ?? null)) return false;
  return true;
}

/** Each cell's most severe finding. */
function worstByCell(findings: readonly Finding[]): Map<string, Severity> {
  const out = new Map<string, Severity>();
  for (const f of findings) {
    if (!f.cell) continue;
    const prev = out.get(f.cell);
    if (!prev || SEVERITY_ORDER[f.severity] < SEVERITY_ORDER[prev]) out.set(f.cell, f.severity);
  }
  return out;
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export function createLiveChecker(opts: LiveOptions): LiveChecker {
  const { run, api } = opts;
  const debounceMs = opts.debounceMs ?? LIVE_DEBOUNCE_MS;
  const maxRows = opts.maxRows ?? LIVE_MAX_ROWS;
  const skip = opts.skipSheet ?? (() => false);
  const now = opts.now ?? (() => (typeof performance !== "undefined" ? performance.now() : Date.now()));
  const setStartup = opts.startWithWorkbook ?? true;
  const available = api.isSupported("1.7");

  let state: LiveState = { available, on: false, note: available ? null : { kind: "unsupported" }, findings: [], sheets: [], last: null };
  const listeners = new Set<() => void>();
  const publish = (patch: Partial<LiveState>) => {
    state = { ...state, ...patch };
    for (const l of listeners) l();
  };

  const followed = new Map<string, Followed>();
  /** sheets found to be the store, a report or hidden: their events cost nothing */
  const ignored = new Set<string>();
  let regs: Registration[] = [];
  /** bumped on every switch, so work queued before it is dropped */
  let generation = 0;
  let pending = new Map<string, RowSpan[] | null>();
  let timer: ReturnType<typeof setTimeout> | null = null;
  let chain: Promise<void> = Promise.resolve();
  let running = 0;

  const publishFindings = (last: LiveTiming | null) => {
    const all = [...followed.values()];
    publish({ findings: all.flatMap((f) => f.findings), sheets: all.map((f) => f.result), ...(last ? { last } : {}) });
  };

  const add = (change: Change) => {
    if (ignored.has(change.sheetId)) return;
    const had = pending.get(change.sheetId);
    // null (re-read the sheet) absorbs any rows
    if (had === null || change.spans === null) pending.set(change.sheetId, null);
    else pending.set(change.sheetId, [...(had ?? []), ...change.spans]);
  };

  /** @requiresExcelApi 1.7 WorksheetChangedEventArgs */
  const onChanged = async (e: Excel.WorksheetChangedEventArgs): Promise<void> => {
    if (!state.on) return;
    const change = changeOf(e, api);
    if (!change) return;
    add(change);
    if (timer === null) {
      timer = setTimeout(() => {
        timer = null;
        chain = chain.then(processPending);
      }, debounceMs);
    }
  };

  type Stop = { stop: LiveNote };

  /**
   * Checks one sheet after a change: 1 sync for the changed rows, the used range and the
   * protection; more only to read the sheet whole (first time, or a change too wide) and for marks.
   * @requiresExcelApi 1.7 getRangeByIndexes, getUsedRangeOrNullObject, protection
   */
  const checkSheet = async (context: Excel.RequestContext, id: string, spans: RowSpan[] | null, gen: number, t0: number): Promise<Stop | null> => {
    const ws = context.workbook.worksheets.getItem(id);
    ws.load("id,name,visibility,protection/protected");
    const used = ws.getUsedRangeOrNullObject(true);
    used.load("isNullObject,rowIndex,columnIndex,rowCount,columnCount");
    const known = followed.get(id);
    const origin = known?.snapshot.origin;
    let blocks: { span: RowSpan; range: Excel.Range }[] | null = null;
    if (known && origin && spans && known.snapshot.rows.length > 0) {
      const merged = mergeSpans(spans);
      const cells = merged.reduce((n, s) => n + (s.last - s.first + 1) * known.width, 0);
      if (merged.every((s) => s.first >= origin.row - 1) && cells <= LIVE_MAX_READ_CELLS) {
        blocks = merged.map((span) => {
          const range = rangeAt(ws, api, span.first, origin.col - 1, span.last - span.first + 1, known.width);
          range.load("values,numberFormat");
          return { span, range };
        });
      }
    }
    await context.sync();
    if (gen !== generation) return null;
    if (skip(ws.name) || ws.visibility !== "Visible") {
      ignored.add(id);
      followed.delete(id);
      return null;
    }
    if (ws.protection.protected) return { stop: { kind: "protected", sheet: ws.name } };
    const rowCount = used.isNullObject ? 0 : used.rowCount;
    if (rowCount > maxRows) return { stop: { kind: "tooLarge", sheet: ws.name, rows: rowCount, max: maxRows } };

    let snapshot: SheetSnapshot;
    let width = 0;
    let rowsRead = 0;
    let fullRead = false;
    if (used.isNullObject) {
      snapshot = { name: ws.name, rows: [] };
    } else if (known && origin && blocks && origin.row === used.rowIndex + 1 && origin.col === used.columnIndex + 1 && known.width === used.columnCount) {
      // patch the changed rows into the cached snapshot
      width = known.width;
      const rows = known.snapshot.rows.slice(0, rowCount);
      while (rows.length < rowCount) rows.push(new Array<CellValue>(width).fill(null));
      let changed = rowCount !== known.snapshot.rows.length;
      for (const { span, range } of blocks) {
        const values = range.values as unknown[][];
        const formats = range.numberFormat as (string | undefined)[][] | undefined;
        for (let r = 0; r < values.length; r++) {
          const at = span.first + r - (origin.row - 1);
          if (at >= rowCount) break;
          const row = values[r].map((v, c) => fromExcel(v, formats?.[r]?.[c]));
          if (!sameRow(rows[at], row)) changed = true;
          rows[at] = row;
          rowsRead++;
        }
      }
      // the same values (a format change reported as a change, or our own marks): nothing to do
      if (!changed && known.snapshot.name === ws.name) return null;
      snapshot = { ...known.snapshot, name: ws.name, rows };
    } else {
      const read = await readLoadedSheet(context, ws.name, ws, used, api);
      if (gen !== generation) return null;
      snapshot = read.sheets[0];
      width = used.columnCount;
      rowsRead = rowCount;
      fullRead = true;
    }

    const tv = now();
    const result = await opts.validate({ sheets: [snapshot] });
    const validateMs = now() - tv;
    if (gen !== generation) return null;
    const findings = result.findings;
    const before = known?.findings;
    followed.set(id, {
      id, snapshot, width, findings,
      result: result.sheets[0] ?? { sheet: ws.name, template: null, rows: 0, headerRow: null },
    });
    const timing: LiveTiming = { findingsMs: now() - t0, validateMs, totalMs: now() - t0, rowsRead, fullRead };
    publishFindings(timing);

    if (api.isSupported("1.9")) {
      // a sheet of no template is not marked (its one finding would colour a cell of any sheet edited)
      const desired = followed.get(id)?.result.template === null ? new Map<string, Severity>() : worstByCell(findings);
      const had = before && !fullRead ? worstByCell(before) : null;
      const changedCells = new Set<string>();
      for (const [cell, severity] of desired) if (!had || had.get(cell) !== severity) changedCells.add(cell);
      // the same cells as before: the marks are right (a full read still checks them against the store)
      const gone = had ? [...had.keys()].some((cell) => !desired.has(cell)) : true;
      if (changedCells.size > 0 || gone) await updateSheetMarks(context, ws, ws.name, desired, changedCells, api);
    }
    if (gen === generation) publish({ last: { ...timing, totalMs: now() - t0 } });
    return null;
  };

  const processPending = async (): Promise<void> => {
    if (!api.isSupported("1.7")) return;
    const batch = pending;
    pending = new Map();
    const gen = generation;
    running++;
    try {
      for (const [id, spans] of batch) {
        if (gen !== generation || !state.on) return;
        const t0 = now();
        let outcome: Stop | null = null;
        try {
          outcome = await run((context) => checkSheet(context, id, spans, gen, t0));
        } catch (e) {
          const code = (e as { code?: string }).code;
          if (code === "ItemNotFound") {
            // the sheet was deleted
            followed.delete(id);
            publishFindings(null);
            continue;
          }
          outcome = { stop: { kind: "failed", detail: message(e) } };
        }
        if (outcome) {
          await turnOff(outcome.stop);
          return;
        }
      }
    } finally {
      running--;
    }
  };

  const unsubscribe = async () => {
    const old = regs;
    regs = [];
    if (old.length === 0) return;
    try {
      for (const r of old) r.remove();
      await old[0].context.sync();
    } catch {
      // the handlers go with the runtime anyway
    }
  };

  const turnOff = async (note: LiveNote | null, remember = true) => {
    generation++;
    if (timer !== null) clearTimeout(timer);
    timer = null;
    pending = new Map();
    followed.clear();
    await unsubscribe();
    publish({ on: false, note, findings: [], sheets: [] });
    if (remember) {
      try {
        await writeLiveSetting(opts.settings, false);
      } catch {
        // the switch is off in this session; the workbook may remember it on
      }
      if (setStartup) await startWithWorkbook(false);
    }
  };

  const turnOn = async (remember: boolean) => {
    if (!api.isSupported("1.7")) {
      publish({ on: false, note: { kind: "unsupported" } });
      return;
    }
    if (state.on) return;
    generation++;
    followed.clear();
    ignored.clear();
    publish({ on: true, note: null, findings: [], sheets: [], last: null });
    const gen = generation;
    let activeId: string;
    try {
      const sub = await run((context) => subscribeChanges(context, api, onChanged, skip));
      if (gen !== generation) {
        regs = sub.regs;
        await unsubscribe();
        return;
      }
      regs = sub.regs;
      activeId = sub.activeId;
    } catch (e) {
      await turnOff({ kind: "failed", detail: message(e) }, false);
      return;
    }
    if (remember) {
      try {
        await writeLiveSetting(opts.settings, true);
      } catch {
        // on for this session
      }
      if (setStartup) await startWithWorkbook(true);
    }
    // the active sheet at once, queued like an edit so it never overlaps one
    add({ sheetId: activeId, spans: null });
    chain = chain.then(processPending);
    await chain;
  };

  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => { listeners.delete(listener); };
    },
    setOn: (on) => (on ? turnOn(true) : turnOff(null)),
    async restore() {
      if (readLiveSetting(opts.settings)) await turnOn(false);
    },
    async whenIdle() {
      while (timer !== null || running > 0) {
        if (timer !== null) await new Promise((resolve) => setTimeout(resolve, debounceMs));
        else await chain;
      }
      await chain;
    },
  };
}
