/**
 * Reads worksheets into the core's WorkbookSnapshot with as few round trips as Office.js allows:
 * one sync for the sheet list (skipped for the active sheet), one for every sheet's used range,
 * one for every sheet's merged areas (in row bands), then one per chunk of cell data. Only the
 * properties the validator reads are loaded: values, and numberFormat to tell date serials from
 * plain numbers.
 *
 * Merged areas have their own sync because Excel fails getMergedAreasOrNullObject on a range with
 * more than 512 of them: a failure there costs the merges of one sheet (read as unmerged, with a
 * note for the pane), never the sheet. On ExcelApi below 1.13 there is no merge API at all.
 */
import type { MergeRange, ReadNote, SheetSnapshot, WorkbookSnapshot } from "../core/validate/snapshot";
import { parseA1 } from "../core/validate/snapshot";
import type { CellValue } from "../core/input/coerce";
import { fromExcel } from "./cellValue";
import type { OnReadProgress } from "./port";
import { officeApiSupport, type ExcelApiSupport } from "./apiSupport";
import { rangeAt } from "./ranges";
import { PayloadTooLargeError, isPayloadError } from "./payload";

/**
 * Cells loaded per sync. Excel on the web rejects a request or response over 5 MB and a range
 * over 5 million cells. Each cell returns its value and its number format; budgeting ~60 bytes of
 * JSON for the pair (a long text cell plus a "yyyy-mm-dd" format), 40 000 cells is ~2.4 MB:
 * half the payload limit, leaving room for longer text, and far under the cell limit. Longer text
 * still can exceed it: a refused chunk is halved and retried, down to one row.
 */
export const READ_CHUNK_CELLS = 40_000;

/**
 * Rows per merged-area request. Excel lists at most 512 merged areas per request; 200 rows stay
 * under that up to 2.5 merges per row on average. Denser sheets halve the band after a failure.
 */
export const MERGE_BAND_ROWS = 200;
/** Failed merge syncs allowed per sheet before its merges are given up (band 200 → 1 row is 8 halvings). */
export const MERGE_MAX_FAILURES = 12;

export interface ReadOptions {
  /** names of sheets the pane itself creates, which are never validated */
  skipSheet?: (name: string) => boolean;
  onProgress?: OnReadProgress;
  /** the host's ExcelApi sets (default: asked of Office) */
  api?: ExcelApiSupport;
}

interface UsedInfo {
  name: string;
  sheet: Excel.Worksheet;
  used: Excel.Range;
  /** getUsedRangeOrNullObject (ExcelApi 1.4) was used, so isNullObject is loaded */
  nullable: boolean;
}

interface Bounds {
  rowIndex: number;
  columnIndex: number;
  rowCount: number;
  columnCount: number;
}

/** One band of rows of one sheet, 0-based within the sheet's used range. */
export interface Band {
  sheet: number;
  rowOffset: number;
  rowCount: number;
}

function queueUsed(name: string, sheet: Excel.Worksheet, api: ExcelApiSupport): UsedInfo {
  if (api.isSupported("1.4")) {
    // valuesOnly: formatting far below the table must not inflate what we read
    const used = sheet.getUsedRangeOrNullObject(true);
    used.load("isNullObject,rowIndex,columnIndex,rowCount,columnCount");
    return { name, sheet, used, nullable: true };
  }
  // ExcelApi 1.1–1.3: getUsedRange returns A1 for a blank sheet; valuesOnly needs 1.2
  const used = api.isSupported("1.2") ? sheet.getUsedRange(true) : sheet.getUsedRange();
  used.load("rowIndex,columnIndex,rowCount,columnCount");
  return { name, sheet, used, nullable: false };
}

function boundsOf(info: UsedInfo): Bounds | null {
  if (info.nullable && info.used.isNullObject) return null;
  const { rowIndex, columnIndex, rowCount, columnCount } = info.used;
  return { rowIndex, columnIndex, rowCount, columnCount };
}

/**
 * Splits bands into bands of at most `budget` cells (one row at least) and packs consecutive
 * bands into batches of at most `budget` cells: each batch is one sync.
 */
export function packBands(bands: readonly Band[], colCounts: readonly number[], budget: number): Band[][] {
  const batches: Band[][] = [];
  let batch: Band[] = [];
  let cells = 0;
  for (const band of bands) {
    const cols = colCounts[band.sheet];
    if (band.rowCount <= 0 || cols <= 0) continue;
    const rowsPerBand = Math.max(1, Math.floor(budget / cols));
    for (let r = 0; r < band.rowCount; r += rowsPerBand) {
      const rowCount = Math.min(rowsPerBand, band.rowCount - r);
      const size = rowCount * cols;
      if (batch.length > 0 && cells + size > budget) {
        batches.push(batch);
        batch = [];
        cells = 0;
      }
      batch.push({ sheet: band.sheet, rowOffset: band.rowOffset + r, rowCount });
      cells += size;
    }
  }
  if (batch.length > 0) batches.push(batch);
  return batches;
}

/** Splits each used range into row bands of at most READ_CHUNK_CELLS cells and packs bands
 * of small sheets together, so each sync carries at most READ_CHUNK_CELLS cells. */
export function planChunks(
  sheets: readonly { rowCount: number; colCount: number }[],
  budget: number = READ_CHUNK_CELLS,
): Band[][] {
  return packBands(
    sheets.map((s, i) => ({ sheet: i, rowOffset: 0, rowCount: s.rowCount })),
    sheets.map((s) => s.colCount),
    budget,
  );
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

interface MergeTarget {
  /** index into the sheets read */
  index: number;
  name: string;
  sheet: Excel.Worksheet;
  bounds: Bounds;
}

/** Merged-area addresses per target sheet; null for a sheet whose merges could not be read. */
type MergeAddresses = (string[] | null)[];

/**
 * Merged areas of every target sheet, in bands of rows: first all sheets in one sync; if Excel
 * refuses that, each sheet on its own, halving its band (or, on a payload error, the bands per
 * sync) after each failure, and giving the sheet up after MERGE_MAX_FAILURES or at one row.
 */
async function readMerges(
  context: Excel.RequestContext, targets: readonly MergeTarget[], api: ExcelApiSupport,
): Promise<{ addresses: MergeAddresses; notes: ReadNote[] }> {
  if (targets.length === 0) return { addresses: [], notes: [] };
  if (!api.isSupported("1.13")) {
    return { addresses: targets.map(() => null), notes: [{ kind: "merges-unsupported" }] };
  }

  // whole rows: a merge reaching past the used range's columns still counts (clipped later)
  const queueBand = (t: MergeTarget, top: number, rows: number) => {
    const first = t.bounds.rowIndex + top + 1;
    const areas = t.sheet.getRange(`${first}:${first + rows - 1}`).getMergedAreasOrNullObject();
    areas.load("isNullObject,address");
    return areas;
  };
  const collect = (areas: readonly Excel.RangeAreas[]) => areas.filter((a) => !a.isNullObject).map((a) => a.address);
  const bandsOf = (rowCount: number, rowsPerBand: number) => {
    const out: { top: number; rows: number }[] = [];
    for (let top = 0; top < rowCount; top += rowsPerBand) out.push({ top, rows: Math.min(rowsPerBand, rowCount - top) });
    return out;
  };

  const together = targets.map((t) => bandsOf(t.bounds.rowCount, MERGE_BAND_ROWS).map((b) => queueBand(t, b.top, b.rows)));
  try {
    await context.sync();
    return { addresses: together.map(collect), notes: [] };
  } catch {
    // one of the sheets has too many merges for some band (or too many in all): find which, below
  }

  const addresses: MergeAddresses = [];
  const notes: ReadNote[] = [];
  for (const t of targets) {
    const found: string[] = [];
    // a lone sheet already failed at full band size above: start at half
    let rowsPerBand = targets.length === 1 ? Math.ceil(MERGE_BAND_ROWS / 2) : MERGE_BAND_ROWS;
    let bandsPerSync = Number.POSITIVE_INFINITY;
    let failures = 0;
    let done = 0;
    let gaveUp = false;
    while (done < t.bounds.rowCount) {
      const bands = bandsOf(t.bounds.rowCount - done, rowsPerBand).slice(0, bandsPerSync);
      const areas = bands.map((b) => queueBand(t, done + b.top, b.rows));
      try {
        await context.sync();
      } catch (e) {
        failures++;
        if (failures >= MERGE_MAX_FAILURES) { gaveUp = true; break; }
        if (isPayloadError(e) && bands.length > 1) {
          bandsPerSync = Math.ceil(bands.length / 2);
          continue;
        }
        if (rowsPerBand === 1) { gaveUp = true; break; }
        rowsPerBand = Math.ceil(rowsPerBand / 2);
        continue;
      }
      found.push(...collect(areas));
      done += bands.reduce((n, b) => n + b.rows, 0);
    }
    addresses.push(gaveUp ? null : found);
    if (gaveUp) notes.push({ kind: "merges-too-many", sheet: t.name });
  }
  return { addresses, notes };
}

/** Merge rectangles relative to the used range, clipped to it, each once (bands may repeat one). */
function mergesWithin(addresses: readonly string[], b: Bounds): MergeRange[] {
  const seen = new Set<string>();
  const out: MergeRange[] = [];
  for (const address of addresses) {
    for (const m of parseMergedAddress(address, b.rowIndex + 1, b.columnIndex + 1)) {
      if (m.bottom < 0 || m.right < 0 || m.top >= b.rowCount || m.left >= b.columnCount) continue;
      const clipped = {
        top: Math.max(0, m.top), left: Math.max(0, m.left),
        bottom: Math.min(b.rowCount - 1, m.bottom), right: Math.min(b.columnCount - 1, m.right),
      };
      const key = `${clipped.top},${clipped.left},${clipped.bottom},${clipped.right}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(clipped);
    }
  }
  return out;
}

async function readQueued(
  context: Excel.RequestContext,
  infos: UsedInfo[],
  api: ExcelApiSupport,
  onProgress?: OnReadProgress,
): Promise<WorkbookSnapshot> {
  const bounds = infos.map(boundsOf);
  const targets: MergeTarget[] = [];
  bounds.forEach((b, index) => { if (b) targets.push({ index, name: infos[index].name, sheet: infos[index].sheet, bounds: b }); });
  const merges = await readMerges(context, targets, api);

  const cols = bounds.map((b) => b?.columnCount ?? 0);
  const rows: CellValue[][][] = infos.map(() => []);
  const done = infos.map(() => 0);
  let queue = planChunks(bounds.map((b) => ({ rowCount: b?.rowCount ?? 0, colCount: b?.columnCount ?? 0 })));
  while (queue.length > 0) {
    const batch = queue[0];
    const ranges = batch.map((b) => {
      const at = bounds[b.sheet] as Bounds;
      const range = rangeAt(infos[b.sheet].sheet, api, at.rowIndex + b.rowOffset, at.columnIndex, b.rowCount, at.columnCount);
      range.load("values,numberFormat");
      return range;
    });
    try {
      await context.sync();
    } catch (e) {
      if (!isPayloadError(e)) throw e;
      if (batch.length === 1 && batch[0].rowCount === 1) {
        const at = bounds[batch[0].sheet] as Bounds;
        throw new PayloadTooLargeError(`工作表“${infos[batch[0].sheet].name}”第${at.rowIndex + batch[0].rowOffset + 1}行`, e);
      }
      const cells = batch.reduce((n, b) => n + b.rowCount * cols[b.sheet], 0);
      // the rest of the read keeps the smaller budget: the text that overflowed is likely not alone
      queue = packBands(queue.flat(), cols, Math.max(1, Math.floor(cells / 2)));
      continue;
    }
    queue.shift();
    batch.forEach((b, k) => {
      const values = ranges[k].values as unknown[][];
      const formats = ranges[k].numberFormat as unknown as (string | undefined)[][];
      for (let r = 0; r < values.length; r++) {
        rows[b.sheet][b.rowOffset + r] = values[r].map((v, c) => fromExcel(v, formats?.[r]?.[c]));
      }
      done[b.sheet] += b.rowCount;
      onProgress?.({ sheet: infos[b.sheet].name, rowsRead: done[b.sheet], rowsTotal: (bounds[b.sheet] as Bounds).rowCount });
    });
  }

  const mergesBySheet = new Map<number, string[] | null>();
  targets.forEach((t, k) => mergesBySheet.set(t.index, merges.addresses[k]));
  const sheets: SheetSnapshot[] = infos.map((info, i) => {
    const b = bounds[i];
    // a blank sheet: no used range (1.4+), or the lone empty A1 getUsedRange returns (1.1–1.3)
    if (!b || (b.rowCount === 1 && b.columnCount === 1 && rows[i][0]?.[0] === null)) return { name: info.name, rows: [] };
    const origin = { row: b.rowIndex + 1, col: b.columnIndex + 1 };
    return { name: info.name, origin, rows: rows[i], merges: mergesWithin(mergesBySheet.get(i) ?? [], b) };
  });
  return merges.notes.length > 0 ? { sheets, notes: merges.notes } : { sheets };
}

/** The active sheet: 1 sync for its name and used range, 1 for its merges, then 1 per chunk. */
export async function readActiveSheet(
  context: Excel.RequestContext, opts: ReadOptions = {},
): Promise<WorkbookSnapshot> {
  const api = opts.api ?? officeApiSupport();
  const sheet = context.workbook.worksheets.getActiveWorksheet();
  sheet.load("name");
  const info = queueUsed("", sheet, api);
  await context.sync();
  info.name = sheet.name;
  return readQueued(context, [info], api, opts.onProgress);
}

/** Every visible sheet (skipping `skipSheet`): 3 syncs, then 1 per chunk. */
export async function readAllSheets(
  context: Excel.RequestContext, opts: ReadOptions = {},
): Promise<WorkbookSnapshot> {
  const api = opts.api ?? officeApiSupport();
  const sheets = context.workbook.worksheets;
  sheets.load("items/name,items/visibility");
  await context.sync();
  const infos = sheets.items
    .filter((s) => s.visibility === "Visible" && !(opts.skipSheet?.(s.name) ?? false))
    .map((s) => queueUsed(s.name, s, api));
  await context.sync();
  return readQueued(context, infos, api, opts.onProgress);
}

/**
 * One sheet whose used range is already loaded (getUsedRangeOrNullObject(true) with
 * "isNullObject,rowIndex,columnIndex,rowCount,columnCount", synced): 1 sync for its merges, then 1
 * per chunk. Live checking (live.ts) loads the used range together with the sheet's protection, so
 * a full re-read costs no extra sync for it.
 * @requiresExcelApi 1.4 getUsedRangeOrNullObject
 */
export function readLoadedSheet(
  context: Excel.RequestContext, name: string, sheet: Excel.Worksheet, used: Excel.Range, api: ExcelApiSupport,
): Promise<WorkbookSnapshot> {
  return readQueued(context, [{ name, sheet, used, nullable: true }], api);
}
