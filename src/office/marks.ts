/**
 * 标注问题单元格 / 清除标注. Marking colours each finding's cell; before that, the cell's original
 * fill is recorded in a very hidden sheet of the workbook itself, so 清除标注 restores it exactly
 * even after the pane (or the workbook) was closed and reopened. Nothing but the fill of the
 * marked cells is written to user sheets.
 */
import type { Finding, Severity } from "../core/validate/findings";
import { SEVERITY_ORDER } from "../core/validate/findings";

/** The very hidden sheet holding original fills (not a user sheet; never validated). */
export const MARK_STORE_SHEET = "GOV_标注原填充";

/** Mark colours: Excel's own "bad / neutral / note" cell-style fills, by severity. */
export const MARK_COLOR: Record<Severity, string> = {
  error: "#FFC7CE",
  warning: "#FFEB9C",
  info: "#DDEBF7",
};

/** Cells whose fill is read or written per sync (each is its own small range request). */
export const MARK_CHUNK_CELLS = 2_000;

const STORE_HEADER = [
  "sheetId", "sheet", "cell", "color", "pattern", "patternColor", "tintAndShade", "patternTintAndShade", "mark",
] as const;

export interface StoredFill {
  color: string;
  pattern: string;
  patternColor: string;
  tintAndShade: number;
  patternTintAndShade: number;
}

interface StoreRecord extends StoredFill {
  sheetId: string;
  sheet: string;
  cell: string;
  mark: string;
}

const FILL_PROPS = "color,pattern,patternColor,tintAndShade,patternTintAndShade";

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function readFill(fill: Excel.RangeFill): StoredFill {
  return {
    color: fill.color ?? "",
    pattern: String(fill.pattern ?? ""),
    patternColor: fill.patternColor ?? "",
    tintAndShade: fill.tintAndShade ?? 0,
    patternTintAndShade: fill.patternTintAndShade ?? 0,
  };
}

/** Writes back a recorded fill: "no fill" through clear(), anything else property by property. */
function restoreFill(fill: Excel.RangeFill, f: StoredFill): void {
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
function restorable(f: StoredFill): boolean {
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

async function loadStore(context: Excel.RequestContext): Promise<{ store: Excel.Worksheet; records: StoreRecord[] }> {
  const store = context.workbook.worksheets.getItemOrNullObject(MARK_STORE_SHEET);
  store.load("isNullObject");
  await context.sync();
  if (store.isNullObject) return { store, records: [] };
  const used = store.getUsedRangeOrNullObject(true);
  used.load("isNullObject,values");
  await context.sync();
  const values = used.isNullObject ? [] : (used.values as unknown[][]);
  return { store, records: values.slice(1).filter((r) => r[0] !== "" && r[2] !== "").map(toRecord) };
}

function sameColor(a: string, b: string): boolean {
  return a.trim().toUpperCase() === b.trim().toUpperCase();
}

/** Colours each finding's cell (the most severe finding's colour); returns the cells marked. */
export async function highlightFindings(context: Excel.RequestContext, findings: readonly Finding[]): Promise<number> {
  const worst = new Map<string, { sheet: string; cell: string; severity: Severity }>();
  for (const f of findings) {
    const key = `${f.sheet}\u0000${f.cell}`;
    const prev = worst.get(key);
    if (!prev || SEVERITY_ORDER[f.severity] < SEVERITY_ORDER[prev.severity]) {
      worst.set(key, { sheet: f.sheet, cell: f.cell, severity: f.severity });
    }
  }
  if (worst.size === 0) return 0;

  const { store: existingStore, records } = await loadStore(context);
  const sheetNames = [...new Set([...worst.values()].map((w) => w.sheet))];
  const sheets = new Map(sheetNames.map((name) => {
    const ws = context.workbook.worksheets.getItemOrNullObject(name);
    ws.load("isNullObject,id");
    return [name, ws] as const;
  }));
  await context.sync();

  const recorded = new Set(records.map((r) => `${r.sheetId}\u0000${r.cell}`));
  const targets = [...worst.values()].filter((w) => !(sheets.get(w.sheet) as Excel.Worksheet).isNullObject);
  let store = existingStore;
  let storeExists = !existingStore.isNullObject;
  let nextRow = records.length + 1;
  let marked = 0;
  for (const chunk of chunks(targets, MARK_CHUNK_CELLS)) {
    const reads = chunk.map((t) => {
      const ws = sheets.get(t.sheet) as Excel.Worksheet;
      const range = ws.getRange(t.cell);
      range.format.fill.load(FILL_PROPS);
      return { t, ws, range };
    });
    await context.sync();
    const newRecords: StoreRecord[] = [];
    for (const { t, ws, range } of reads) {
      const key = `${ws.id}\u0000${t.cell}`;
      const original = readFill(range.format.fill);
      if (!recorded.has(key)) {
        if (!restorable(original)) continue;
        newRecords.push({ sheetId: ws.id, sheet: t.sheet, cell: t.cell, ...original, mark: MARK_COLOR[t.severity] });
        recorded.add(key);
      }
      range.format.fill.pattern = "Solid";
      range.format.fill.color = MARK_COLOR[t.severity];
      range.format.fill.tintAndShade = 0;
      marked++;
    }
    if (newRecords.length > 0) {
      if (!storeExists) {
        store = context.workbook.worksheets.add(MARK_STORE_SHEET);
        storeExists = true;
        store.visibility = "VeryHidden";
        const header = store.getRangeByIndexes(0, 0, 1, STORE_HEADER.length);
        header.values = [[...STORE_HEADER]];
      }
      const rows = store.getRangeByIndexes(nextRow, 0, newRecords.length, STORE_HEADER.length);
      // text format first, so sheet names like "2024" and colours stay text
      rows.numberFormat = newRecords.map(() => STORE_HEADER.map((_, i) => (i === 6 || i === 7 ? "General" : "@")));
      rows.values = newRecords.map(recordRow);
      nextRow += newRecords.length;
    }
    await context.sync();
  }
  return marked;
}

/**
 * Restores every recorded fill whose cell still shows its mark (a fill the clerk changed since is
 * theirs and is left alone), then empties the store. Returns the cells restored.
 */
export async function clearHighlights(context: Excel.RequestContext): Promise<number> {
  const { store, records } = await loadStore(context);
  if (store.isNullObject || records.length === 0) return 0;
  const ids = [...new Set(records.map((r) => r.sheetId))];
  const sheets = new Map(ids.map((id) => {
    const ws = context.workbook.worksheets.getItemOrNullObject(id);
    ws.load("isNullObject");
    return [id, ws] as const;
  }));
  await context.sync();
  const live = records.filter((r) => !(sheets.get(r.sheetId) as Excel.Worksheet).isNullObject);
  let restored = 0;
  for (const chunk of chunks(live, MARK_CHUNK_CELLS)) {
    const reads = chunk.map((r) => {
      const range = (sheets.get(r.sheetId) as Excel.Worksheet).getRange(r.cell);
      range.format.fill.load("color,pattern");
      return { r, range };
    });
    await context.sync();
    for (const { r, range } of reads) {
      const now = range.format.fill;
      // re-marking may have changed the colour to another severity's: any mark colour counts
      if (String(now.pattern) === "Solid" && Object.values(MARK_COLOR).some((c) => sameColor(now.color ?? "", c))) {
        restoreFill(range.format.fill, r);
        restored++;
      }
    }
    await context.sync();
  }
  const used = store.getUsedRangeOrNullObject(true);
  used.clear("Contents");
  await context.sync();
  return restored;
}
