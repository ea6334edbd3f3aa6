/**
 * Reads worksheets into the core's WorkbookSnapshot with as few round trips as Office.js allows:
 * one sync for the sheet list (skipped for the active sheet), one for every sheet's used range
 * and merged areas, then one per chunk of cell data. Only the properties the validator reads are
 * loaded: values, and numberFormat to tell date serials from plain numbers.
 */
import type { MergeRange, SheetSnapshot, WorkbookSnapshot } from "../core/validate/snapshot";
import { parseA1 } from "../core/validate/snapshot";
import type { CellValue } from "../core/input/coerce";
import { fromExcel } from "./cellValue";
import type { OnReadProgress } from "./port";

/**
 * Cells loaded per sync. Excel on the web rejects a request or response over 5 MB and a range
 * over 5 million cells. Each cell returns its value and its number format; budgeting ~60 bytes of
 * JSON for the pair (a long text cell plus a "yyyy-mm-dd" format), 40 000 cells is ~2.4 MB:
 * half the payload limit, leaving room for longer text, and far under the cell limit.
 */
export const READ_CHUNK_CELLS = 40_000;

/** Names of sheets the pane itself creates, which are never validated. */
export interface ReadOptions {
  skipSheet?: (name: string) => boolean;
  onProgress?: OnReadProgress;
}

interface UsedInfo {
  name: string;
  sheet: Excel.Worksheet;
  used: Excel.Range;
  merged: Excel.RangeAreas;
}

interface Piece {
  info: UsedInfo;
  /** 0-based offset within the used range */
  rowOffset: number;
  rowCount: number;
  colCount: number;
  range?: Excel.Range;
}

function queueUsed(name: string, sheet: Excel.Worksheet): UsedInfo {
  // valuesOnly: formatting far below the table must not inflate what we read
  const used = sheet.getUsedRangeOrNullObject(true);
  used.load("isNullObject,rowIndex,columnIndex,rowCount,columnCount");
  const merged = sheet.getRange().getMergedAreasOrNullObject();
  merged.load("isNullObject,address");
  return { name, sheet, used, merged };
}

/** Splits each used range into row bands of at most READ_CHUNK_CELLS cells and packs bands
 * of small sheets together, so each sync carries at most READ_CHUNK_CELLS cells. */
export function planChunks(
  sheets: readonly { rowCount: number; colCount: number }[],
  budget: number = READ_CHUNK_CELLS,
): { sheet: number; rowOffset: number; rowCount: number }[][] {
  const batches: { sheet: number; rowOffset: number; rowCount: number }[][] = [];
  let batch: { sheet: number; rowOffset: number; rowCount: number }[] = [];
  let cells = 0;
  sheets.forEach((s, i) => {
    if (s.rowCount <= 0 || s.colCount <= 0) return;
    const rowsPerBand = Math.max(1, Math.floor(budget / s.colCount));
    for (let r = 0; r < s.rowCount; r += rowsPerBand) {
      const rowCount = Math.min(rowsPerBand, s.rowCount - r);
      const size = rowCount * s.colCount;
      if (batch.length > 0 && cells + size > budget) {
        batches.push(batch);
        batch = [];
        cells = 0;
      }
      batch.push({ sheet: i, rowOffset: r, rowCount });
      cells += size;
    }
  });
  if (batch.length > 0) batches.push(batch);
  return batches;
}

/** "Sheet1!A1:C2, 'My sheet'!E5" → merge rectangles relative to the used range's origin. */
export function parseMergedAddress(address: string, originRow: number, originCol: number): MergeRange[] {
  const out: MergeRange[] = [];
  const re = /\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?\s*(?=,|$)/g;
  for (const m of address.matchAll(re)) {
    const a = parseA1(`${m[1]}${m[2]}`);
    const b = m[3] ? parseA1(`${m[3]}${m[4]}`) : a;
    out.push({
      top: a.row - originRow, left: a.col - originCol,
      bottom: b.row - originRow, right: b.col - originCol,
    });
  }
  return out;
}

async function readQueued(
  context: Excel.RequestContext,
  infos: UsedInfo[],
  onProgress?: OnReadProgress,
): Promise<WorkbookSnapshot> {
  const dims = infos.map((i) => (i.used.isNullObject
    ? { rowCount: 0, colCount: 0 }
    : { rowCount: i.used.rowCount, colCount: i.used.columnCount }));
  const rows: CellValue[][][] = infos.map(() => []);
  const done = infos.map(() => 0);
  for (const batch of planChunks(dims)) {
    const pieces: Piece[] = batch.map((b) => {
      const info = infos[b.sheet];
      const range = info.sheet.getRangeByIndexes(
        info.used.rowIndex + b.rowOffset, info.used.columnIndex, b.rowCount, dims[b.sheet].colCount,
      );
      range.load("values,numberFormat");
      return { info, rowOffset: b.rowOffset, rowCount: b.rowCount, colCount: dims[b.sheet].colCount, range };
    });
    await context.sync();
    batch.forEach((b, k) => {
      const range = pieces[k].range as Excel.Range;
      const values = range.values as unknown[][];
      const formats = range.numberFormat as unknown as (string | undefined)[][];
      for (let r = 0; r < values.length; r++) {
        rows[b.sheet][b.rowOffset + r] = values[r].map((v, c) => fromExcel(v, formats?.[r]?.[c]));
      }
      done[b.sheet] += b.rowCount;
      onProgress?.({ sheet: infos[b.sheet].name, rowsRead: done[b.sheet], rowsTotal: dims[b.sheet].rowCount });
    });
  }
  const sheets: SheetSnapshot[] = infos.map((info, i) => {
    if (info.used.isNullObject) return { name: info.name, rows: [] };
    const origin = { row: info.used.rowIndex + 1, col: info.used.columnIndex + 1 };
    const merges = info.merged.isNullObject
      ? []
      : parseMergedAddress(info.merged.address, origin.row, origin.col)
        .filter((m) => m.bottom >= 0 && m.right >= 0 && m.top < dims[i].rowCount && m.left < dims[i].colCount)
        .map((m) => ({
          top: Math.max(0, m.top), left: Math.max(0, m.left),
          bottom: Math.min(dims[i].rowCount - 1, m.bottom), right: Math.min(dims[i].colCount - 1, m.right),
        }));
    return { name: info.name, origin, rows: rows[i], merges };
  });
  return { sheets };
}

/** The active sheet: 1 sync for its name, used range and merges, then 1 per chunk. */
export async function readActiveSheet(
  context: Excel.RequestContext, opts: ReadOptions = {},
): Promise<WorkbookSnapshot> {
  const sheet = context.workbook.worksheets.getActiveWorksheet();
  sheet.load("name");
  const info = queueUsed("", sheet);
  await context.sync();
  info.name = sheet.name;
  return readQueued(context, [info], opts.onProgress);
}

/** Every visible sheet (skipping `skipSheet`): 2 syncs, then 1 per chunk. */
export async function readAllSheets(
  context: Excel.RequestContext, opts: ReadOptions = {},
): Promise<WorkbookSnapshot> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name,items/visibility");
  await context.sync();
  const infos = sheets.items
    .filter((s) => s.visibility === "Visible" && !(opts.skipSheet?.(s.name) ?? false))
    .map((s) => queueUsed(s.name, s));
  await context.sync();
  return readQueued(context, infos, opts.onProgress);
}
