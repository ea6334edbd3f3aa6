/**
 * Marks for 立即校验 (live.ts), over the same store as 标注问题单元格 / 清除标注 (marks.ts), so both
 * ways of marking agree and 清除标注 clears live marks too. Apart from marks.ts so that it travels
 * with live.ts in its own chunk, off the pane's first load.
 */
import type { Severity } from "../core/validate/findings";
import { officeApiSupport, type ExcelApiSupport } from "./apiSupport";
import {
  FILL_PROPS, MARK_CHUNK_CELLS, MARK_COLOR, MARK_STORE_SHEET, STORE_HEADER, loadStore, queueStoreRows, readFill,
  restorable, restoreFill, showsMark, type StoreRecord, type StoredFill,
} from "./marks";
import { rangeAt } from "./ranges";
import { syncInChunks } from "./payload";

/** What a live update of one sheet's marks did. */
export interface SheetMarkOutcome {
  marked: number;
  restored: number;
}

/**
 * Brings one sheet's marks in line with its findings, for live checking (live.ts). `desired` is
 * each cell's worst severity now; a cell in `changed` (its findings changed) or not yet recorded
 * gets the mark; a recorded cell of this sheet with no finding any more gets its original fill back
 * (when it still shows a mark: a fill the clerk chose since is theirs) and leaves the store. The
 * store stays the one 清除标注 reads, so both ways of marking agree. Same order as
 * highlightFindings: new originals are stored in a sync of their own before any mark is written;
 * records leave the store in the sync that restores their cells, queued after the restores (a
 * refused restore leaves its record). The store is kept compact by moving its last records into
 * the rows freed, so only the rows touched are written.
 * Syncs, for a store of at most 4 000 records and at most 2 000 cells touched: 3 to load the store
 * (1 when there is none), 1 for the touched cells' fills, 1 to store new originals (when any), 1 for
 * marks, restores and the store's compaction. None when nothing changes.
 * `sheet` must have its `id` loaded.
 * @requiresExcelApi 1.9 fill patterns and tints, read and written back exactly
 */
export async function updateSheetMarks(
  context: Excel.RequestContext, sheet: Excel.Worksheet, sheetName: string,
  desired: ReadonlyMap<string, Severity>, changed: ReadonlySet<string>, api: ExcelApiSupport = officeApiSupport(),
): Promise<SheetMarkOutcome> {
  const { store: existingStore, records } = await loadStore(context, api);
  const sheetId = sheet.id;
  const recordOf = new Map<string, number>();
  records.forEach((r, i) => { if (r.sheetId === sheetId) recordOf.set(r.cell, i); });
  const toMark = [...desired].filter(([cell]) => changed.has(cell) || !recordOf.has(cell));
  const toUnmark = [...recordOf].filter(([cell]) => !desired.has(cell)).map(([, i]) => i);
  if (toMark.length === 0 && toUnmark.length === 0) return { marked: 0, restored: 0 };
  const where = (cell: string) => `“${sheetName}”${cell}`;

  // 1. the fill of every cell touched
  const touched = [...toMark.map(([cell]) => cell), ...toUnmark.map((i) => records[i].cell)];
  const fills = new Map<string, StoredFill>();
  await syncInChunks(context, touched, MARK_CHUNK_CELLS, (chunk) => {
    const ranges = chunk.map((cell) => {
      const range = sheet.getRange(cell);
      range.format.fill.load(FILL_PROPS);
      return range;
    });
    return () => chunk.forEach((cell, k) => fills.set(cell, readFill(ranges[k].format.fill)));
  }, where);

  // 2. originals not stored yet, in syncs of their own
  const newRecords: StoreRecord[] = [];
  const marks: [string, Severity][] = [];
  for (const [cell, severity] of toMark) {
    const fill = fills.get(cell) as StoredFill;
    if (!recordOf.has(cell)) {
      if (!restorable(fill)) continue;
      newRecords.push({ sheetId, sheet: sheetName, cell, ...fill, mark: MARK_COLOR[severity] });
    }
    marks.push([cell, severity]);
  }
  let store = existingStore;
  if (newRecords.length > 0 && existingStore.isNullObject) {
    // queued with the first rows' sync
    store = context.workbook.worksheets.add(MARK_STORE_SHEET);
    store.visibility = "VeryHidden";
    rangeAt(store, api, 0, 0, 1, STORE_HEADER.length).values = [[...STORE_HEADER]];
  }
  await syncInChunks(context, newRecords, MARK_CHUNK_CELLS, (chunk, start) => {
    queueStoreRows(store, api, records.length + 1 + start, chunk);
  }, (r) => where(r.cell));

  // 3. marks and restores, then (in the last sync, after them) the records of restored cells leave
  const restores = toUnmark.filter((i) => showsMark(fills.get(records[i].cell) as StoredFill, records[i]));
  type Op = { mark: [string, Severity] } | { restore: number };
  const ops: Op[] = [...marks.map((mark) => ({ mark })), ...restores.map((restore) => ({ restore }))];
  const all = [...records, ...newRecords];
  const compact = () => {
    if (toUnmark.length === 0) return;
    const gone = new Set(toUnmark);
    const kept = all.length - gone.size;
    const holes = toUnmark.filter((i) => i < kept).sort((a, b) => a - b);
    const movers = all.map((_, i) => i).filter((i) => i >= kept && !gone.has(i));
    holes.forEach((hole, k) => queueStoreRows(store, api, hole + 1, [all[movers[k]]]));
    rangeAt(store, api, kept + 1, 0, all.length - kept, STORE_HEADER.length).clear("Contents");
  };
  if (ops.length === 0) {
    compact();
    await context.sync();
  } else {
    await syncInChunks(context, ops, MARK_CHUNK_CELLS, (chunk, start) => {
      for (const op of chunk) {
        if ("mark" in op) {
          const fill = sheet.getRange(op.mark[0]).format.fill;
          fill.pattern = "Solid";
          fill.color = MARK_COLOR[op.mark[1]];
          fill.tintAndShade = 0;
        } else {
          restoreFill(sheet.getRange(records[op.restore].cell).format.fill, records[op.restore]);
        }
      }
      if (start + chunk.length === ops.length) compact();
    }, (op) => where("mark" in op ? op.mark[0] : records[op.restore].cell));
  }
  return { marked: marks.length, restored: restores.length };
}
