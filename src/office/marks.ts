/**
 * 标注问题单元格 / 清除标注. Marking colours each finding's cell; before that, the cell's original
 * fill is recorded in a very hidden sheet of the workbook itself, so 清除标注 restores it exactly
 * even after the pane (or the workbook) was closed and reopened. Nothing but the fill of the
 * marked cells is written to user sheets.
 */
import type { Finding, Severity } from "../core/validate/findings";
import { SEVERITY_ORDER } from "../core/validate/severity";
import { officeApiSupport, type ExcelApiSupport } from "./apiSupport";
import { rangeAt } from "./ranges";
import { syncInChunks } from "./payload";

import { MARK_STORE_SHEET } from "./sheetNames";

export { MARK_STORE_SHEET };

/** Mark colours: Excel's own "bad / neutral / note" cell-style fills, by severity. */
export const MARK_COLOR: Record<Severity, string> = {
  error: "#FFC7CE",
  warning: "#FFEB9C",
  info: "#DDEBF7",
};

/**
 * Cells whose fill is read or written per sync (each is its own small range request, ~150 bytes of
 * JSON: 2 000 are ~0.3 MB); a chunk Excel refuses as too large is halved and retried.
 */
export const MARK_CHUNK_CELLS = 2_000;

export const STORE_HEADER = [
  "sheetId", "sheet", "cell", "color", "pattern", "patternColor", "tintAndShade", "patternTintAndShade", "mark",
] as const;

export interface StoredFill {
  color: string;
  pattern: string;
  patternColor: string;
  tintAndShade: number;
  patternTintAndShade: number;
}

export interface StoreRecord extends StoredFill {
  sheetId: string;
  sheet: string;
  cell: string;
  mark: string;
}

export const FILL_PROPS = "color,pattern,patternColor,tintAndShade,patternTintAndShade";

/** @requiresExcelApi 1.9 pattern and tints */
export function readFill(fill: Excel.RangeFill): StoredFill {
  return {
    color: fill.color ?? "",
    pattern: String(fill.pattern ?? ""),
    patternColor: fill.patternColor ?? "",
    tintAndShade: fill.tintAndShade ?? 0,
    patternTintAndShade: fill.patternTintAndShade ?? 0,
  };
}

/**
 * Writes back a recorded fill: "no fill" through clear(), anything else property by property.
 * @requiresExcelApi 1.9 pattern and tints
 */
export function restoreFill(fill: Excel.RangeFill, f: StoredFill): void {
  if (f.pattern === "None" || f.pattern === "") {
    fill.clear();
    return;
  }
  fill.pattern = f.pattern as Excel.FillPattern;
  fill.color = f.color;
  if (f.pattern !== "Solid") fill.patternColor = f.patternColor;
  fill.tintAndShade = f.tintAndShade;
  if (f.pattern !== "Solid") fill.patternTintAndShade = f.patternTintAndShade;
}

/** Gradient fills cannot be written back through Office.js, so such cells are not marked. */
export function restorable(f: StoredFill): boolean {
  return !/Gradient/i.test(f.pattern);
}

function toRecord(row: unknown[]): StoreRecord {
  const s = (i: number) => String(row[i] ?? "");
  const n = (i: number) => (typeof row[i] === "number" ? (row[i] as number) : Number(row[i] ?? 0) || 0);
  return {
    sheetId: s(0), sheet: s(1), cell: s(2), color: s(3), pattern: s(4), patternColor: s(5),
    tintAndShade: n(6), patternTintAndShade: n(7), mark: s(8),
  };
}

function recordRow(r: StoreRecord): (string | number)[] {
  return [r.sheetId, r.sheet, r.cell, r.color, r.pattern, r.patternColor, r.tintAndShade, r.patternTintAndShade, r.mark];
}

/** Store rows read per sync (9 short columns each: ~0.5 MB at most with long sheet names). */
const STORE_READ_ROWS = 4_000;

/** @requiresExcelApi 1.9 only marking (1.9) has a store; getItemOrNullObject is 1.4 */
export async function loadStore(
  context: Excel.RequestContext, api: ExcelApiSupport,
): Promise<{ store: Excel.Worksheet; records: StoreRecord[] }> {
  const store = context.workbook.worksheets.getItemOrNullObject(MARK_STORE_SHEET);
  store.load("isNullObject");
  await context.sync();
  if (store.isNullObject) return { store, records: [] };
  const used = store.getUsedRangeOrNullObject(true);
  used.load("isNullObject,rowCount");
  await context.sync();
  if (used.isNullObject) return { store, records: [] };
  // row 1 is the header; the rows below, in chunks (halved if Excel finds one too large)
  const rowNumbers = Array.from({ length: Math.max(0, used.rowCount - 1) }, (_, i) => i + 1);
  const values: unknown[][] = [];
  await syncInChunks(context, rowNumbers, STORE_READ_ROWS, (chunk) => {
    const range = rangeAt(store, api, chunk[0], 0, chunk.length, STORE_HEADER.length);
    range.load("values");
    return () => values.push(...(range.values as unknown[][]));
  }, (row) => `标注记录第${row + 1}行`);
  return { store, records: values.filter((r) => r[0] !== "" && r[2] !== "").map(toRecord) };
}

function sameColor(a: string, b: string): boolean {
  return a.trim().toUpperCase() === b.trim().toUpperCase();
}

/**
 * True when a cell still shows our mark, wholly or in part: each property marking writes (pattern,
 * colour, tint) holds either the original's value or a mark's (re-marking may have set another
 * severity's colour), and not all of them the original's. A mark Excel stopped writing halfway
 * (pattern set, colour not) counts, so it is restored; a fill the clerk chose since does not.
 */
export function showsMark(now: StoredFill, original: StoredFill): boolean {
  const markColor = Object.values(MARK_COLOR).some((c) => sameColor(now.color, c));
  const samePattern = now.pattern === original.pattern;
  const sameFillColor = sameColor(now.color, original.color);
  const sameTint = now.tintAndShade === original.tintAndShade;
  if (samePattern && sameFillColor && sameTint) return false;
  return (samePattern || now.pattern === "Solid") && (sameFillColor || markColor) && (sameTint || now.tintAndShade === 0);
}

/**
 * The named (or id'd) sheets that exist, with their protection: 2 syncs, since a null object's
 * protection must not be asked for.
 * @requiresExcelApi 1.9 for marking; getItemOrNullObject is 1.4, protection 1.2
 */
async function liveSheets(context: Excel.RequestContext, keys: readonly string[]): Promise<Map<string, { ws: Excel.Worksheet; locked: boolean }>> {
  const found = keys.map((key) => {
    const ws = context.workbook.worksheets.getItemOrNullObject(key);
    ws.load("isNullObject,id,name");
    return { key, ws };
  });
  await context.sync();
  const live = found.filter((f) => !f.ws.isNullObject);
  for (const f of live) f.ws.protection.load("protected");
  if (live.length > 0) await context.sync();
  return new Map(live.map((f) => [f.key, { ws: f.ws, locked: f.ws.protection.protected }]));
}

/** Writes rows to the store from row `firstRow`, text-formatted (sheet names like "2024" stay text). */
export function queueStoreRows(store: Excel.Worksheet, api: ExcelApiSupport, firstRow: number, rows: readonly StoreRecord[]): void {
  const range = rangeAt(store, api, firstRow, 0, rows.length, STORE_HEADER.length);
  range.numberFormat = rows.map(() => STORE_HEADER.map((_, i) => (i === 6 || i === 7 ? "General" : "@")));
  range.values = rows.map(recordRow);
}

/** What marking did: cells marked, and sheets left alone because they are protected. */
export interface MarkOutcome {
  marked: number;
  protectedSheets: string[];
}

/**
 * Colours each finding's cell (the most severe finding's colour). Nothing is lost if Excel stops
 * midway: protected sheets are skipped up front, and every original fill is read and then written
 * to the store — each in syncs of its own — before the first mark is queued, so 清除标注 can
 * restore whatever was marked before a failure.
 * @requiresExcelApi 1.9 fill patterns and tints, read and written back exactly
 */
export async function highlightFindings(
  context: Excel.RequestContext, findings: readonly Finding[], api: ExcelApiSupport = officeApiSupport(),
): Promise<MarkOutcome> {
  const worst = new Map<string, { sheet: string; cell: string; severity: Severity }>();
  for (const f of findings) {
    const key = `${f.sheet}\u0000${f.cell}`;
    const prev = worst.get(key);
    if (!prev || SEVERITY_ORDER[f.severity] < SEVERITY_ORDER[prev.severity]) {
      worst.set(key, { sheet: f.sheet, cell: f.cell, severity: f.severity });
    }
  }
  if (worst.size === 0) return { marked: 0, protectedSheets: [] };

  const { store: existingStore, records } = await loadStore(context, api);
  const sheets = await liveSheets(context, [...new Set([...worst.values()].map((w) => w.sheet))]);
  const protectedSheets = [...sheets].filter(([, s]) => s.locked).map(([name]) => name);
  const targets = [...worst.values()].filter((w) => sheets.get(w.sheet)?.locked === false);
  const sheetOf = (t: { sheet: string }) => (sheets.get(t.sheet) as { ws: Excel.Worksheet }).ws;

  // 1. read every target's fill
  const originals: { t: (typeof targets)[number]; fill: StoredFill }[] = [];
  await syncInChunks(context, targets, MARK_CHUNK_CELLS, (chunk) => {
    const ranges = chunk.map((t) => {
      const range = sheetOf(t).getRange(t.cell);
      range.format.fill.load(FILL_PROPS);
      return range;
    });
    return () => chunk.forEach((t, k) => originals.push({ t, fill: readFill(ranges[k].format.fill) }));
  }, (t) => `“${t.sheet}”${t.cell}`);

  // 2. store the originals not stored yet (a cell marked twice keeps its first original)
  const recorded = new Set(records.map((r) => `${r.sheetId}\u0000${r.cell}`));
  const toMark: (typeof targets)[number][] = [];
  const newRecords: StoreRecord[] = [];
  for (const { t, fill } of originals) {
    const ws = sheetOf(t);
    const key = `${ws.id}\u0000${t.cell}`;
    if (!recorded.has(key)) {
      if (!restorable(fill)) continue;
      newRecords.push({ sheetId: ws.id, sheet: t.sheet, cell: t.cell, ...fill, mark: MARK_COLOR[t.severity] });
      recorded.add(key);
    }
    toMark.push(t);
  }
  let store = existingStore;
  if (newRecords.length > 0 && existingStore.isNullObject) {
    store = context.workbook.worksheets.add(MARK_STORE_SHEET);
    store.visibility = "VeryHidden";
    rangeAt(store, api, 0, 0, 1, STORE_HEADER.length).values = [[...STORE_HEADER]];
    await context.sync();
  }
  const firstRow = records.length + 1;
  await syncInChunks(context, newRecords, MARK_CHUNK_CELLS, (chunk, start) => {
    queueStoreRows(store, api, firstRow + start, chunk);
  }, (r) => `“${r.sheet}”${r.cell}`);

  // 3. only now the marks
  await syncInChunks(context, toMark, MARK_CHUNK_CELLS, (chunk) => {
    for (const t of chunk) {
      const fill = sheetOf(t).getRange(t.cell).format.fill;
      fill.pattern = "Solid";
      fill.color = MARK_COLOR[t.severity];
      fill.tintAndShade = 0;
    }
  }, (t) => `“${t.sheet}”${t.cell}`);
  return { marked: toMark.length, protectedSheets };
}

/** What clearing did: cells restored, and sheets still marked because they are protected. */
export interface ClearOutcome {
  restored: number;
  protectedSheets: string[];
}

/**
 * Restores every recorded fill whose cell still shows its mark (a fill the clerk changed since is
 * theirs and is left alone), then empties the store, keeping only the records of protected
 * sheets, to be restored once they are unprotected. Returns the cells restored.
 * @requiresExcelApi 1.9 fill patterns and tints, written back exactly
 */
export async function clearHighlights(
  context: Excel.RequestContext, api: ExcelApiSupport = officeApiSupport(),
): Promise<ClearOutcome> {
  const { store, records } = await loadStore(context, api);
  if (store.isNullObject || records.length === 0) return { restored: 0, protectedSheets: [] };
  const sheets = await liveSheets(context, [...new Set(records.map((r) => r.sheetId))]);
  const live = records.filter((r) => sheets.get(r.sheetId)?.locked === false);
  const kept = records.filter((r) => sheets.get(r.sheetId)?.locked === true);
  const protectedSheets = [...new Set(kept.map((r) => (sheets.get(r.sheetId) as { ws: Excel.Worksheet }).ws.name))];

  const marked: StoreRecord[] = [];
  await syncInChunks(context, live, MARK_CHUNK_CELLS, (chunk) => {
    const ranges = chunk.map((r) => {
      const range = (sheets.get(r.sheetId) as { ws: Excel.Worksheet }).ws.getRange(r.cell);
      range.format.fill.load(FILL_PROPS);
      return range;
    });
    return () => chunk.forEach((r, k) => {
      if (showsMark(readFill(ranges[k].format.fill), r)) marked.push(r);
    });
  }, (r) => `“${r.sheet}”${r.cell}`);
  await syncInChunks(context, marked, MARK_CHUNK_CELLS, (chunk) => {
    for (const r of chunk) restoreFill((sheets.get(r.sheetId) as { ws: Excel.Worksheet }).ws.getRange(r.cell).format.fill, r);
  }, (r) => `“${r.sheet}”${r.cell}`);

  const used = store.getUsedRangeOrNullObject(true);
  used.clear("Contents");
  if (kept.length > 0) {
    rangeAt(store, api, 0, 0, 1, STORE_HEADER.length).values = [[...STORE_HEADER]];
    queueStoreRows(store, api, 1, kept);
  }
  await context.sync();
  return { restored: marked.length, protectedSheets };
}

