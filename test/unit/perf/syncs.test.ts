/**
 * Issue 5, structure not clock: Excel on the web pays a network round trip per context.sync().
 * Reading a sheet costs 3 syncs (sheet list; used range; merged areas, apart since issue 9 so a
 * sheet with too many merges cannot fail the read) plus one per chunk of READ_CHUNK_CELLS cells —
 * never one per row. Counted on an office-addin-mock workbook.
 */
import { countingExcel } from "../../bench/countingExcel";
import { createExcelPort } from "../../../src/office/excelPort";
import { READ_CHUNK_CELLS, planChunks } from "../../../src/office/read";

async function syncsToRead(rows: number, cols: number, which: "all" | "active" = "all"): Promise<{ syncs: number; rows: number }> {
  const excel = countingExcel(rows, cols);
  const port = createExcelPort({ run: excel.run });
  const snap = which === "all" ? await port.readAllSheets() : await port.readActiveSheet();
  return { syncs: excel.syncs(), rows: snap.sheets[0].rows.length };
}

describe("syncs to read a sheet", () => {
  const cols = 8;
  const oneChunk = Math.floor(READ_CHUNK_CELLS / cols);

  test("do not grow with rows while the sheet fits one chunk", async () => {
    const counts: number[] = [];
    for (const rows of [1, 10, 100, 1000, oneChunk]) {
      const r = await syncsToRead(rows, cols);
      expect(r.rows).toBe(rows); // every row was read
      counts.push(r.syncs);
    }
    expect(counts).toEqual(counts.map(() => 4));
  });

  test("grow by one per chunk of cells, not per row", async () => {
    for (const chunks of [2, 3]) {
      const rows = oneChunk * chunks;
      const r = await syncsToRead(rows, cols);
      expect(r.rows).toBe(rows);
      expect(r.syncs).toBe(3 + chunks);
      expect(r.syncs).toBe(3 + Math.ceil((rows * cols) / READ_CHUNK_CELLS));
    }
  });

  test("the active sheet alone saves the sheet-list sync", async () => {
    const all = await syncsToRead(1000, cols, "all");
    const active = await syncsToRead(1000, cols, "active");
    expect(active.syncs).toBe(all.syncs - 1);
  });

  test("chunks are bounded by the budget and cover every row once", () => {
    for (const [rows, c] of [[1, 1], [100_000, 15], [66_667, 15], [10, 20_000]]) {
      const plan = planChunks([{ rowCount: rows, colCount: c }]);
      const bands = plan.flat();
      expect(bands.reduce((s, b) => s + b.rowCount, 0)).toBe(rows);
      for (const batch of plan) {
        const cells = batch.reduce((s, b) => s + b.rowCount * c, 0);
        // a single row wider than the budget is the one band allowed over it
        expect(cells <= READ_CHUNK_CELLS || batch.every((b) => b.rowCount === 1)).toBe(true);
      }
    }
  });
});
