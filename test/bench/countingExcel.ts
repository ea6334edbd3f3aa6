/**
 * A one-sheet Excel behind office-addin-mock that counts context.sync() calls: the mock supplies
 * load-before-read semantics (a property read before load + sync is an error value, so the adapter
 * must load what it reads); this file supplies a sheet of `rows` × `cols` generated cells, served
 * by getRangeByIndexes for whatever band the adapter asks. Used by the bench (syncs from 1 k to
 * 1 M cells) and by the structural guard test/unit/perf/syncs.test.ts.
 */
import { OfficeMockObject } from "office-addin-mock";

export interface CountingExcel {
  /** install as globalThis.Excel, or pass `run` to createExcelPort */
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  /** context.sync() calls so far */
  syncs(): number;
  /** cells handed out by range loads so far */
  cellsServed(): number;
}

type Mock = OfficeMockObject & Record<string, unknown>;
type Internals = { addMock(key: string): void; populate(data: object): void };

/** Cell (r, c) of the generated sheet: a header row of text, then numbers and some text. */
function cellAt(r: number, c: number): string | number {
  if (r === 0) return `列${c + 1}`;
  return c % 4 === 1 ? `单位${r}` : r * 31 + c;
}

export function countingExcel(rows: number, cols: number, name = "数据"): CountingExcel {
  let syncs = 0;
  let served = 0;
  let seq = 0;
  const child = (parent: Mock, data: Record<string, unknown>): Mock => {
    const key = `m${seq++}`;
    (parent as unknown as Internals).addMock(key);
    const m = parent[key] as Mock;
    (m as unknown as Internals).populate(data);
    return m;
  };
  const band = (parent: Mock, r0: number, c0: number, n: number, m: number): Mock => {
    const values: (string | number)[][] = new Array(n);
    const formats: string[][] = new Array(n);
    for (let r = 0; r < n; r++) {
      const vr = new Array(m);
      const fr = new Array(m);
      for (let c = 0; c < m; c++) {
        vr[c] = cellAt(r0 + r, c0 + c);
        fr[c] = "General";
      }
      values[r] = vr;
      formats[r] = fr;
    }
    served += n * m;
    return child(parent, { isNullObject: false, rowIndex: r0, columnIndex: c0, rowCount: n, columnCount: m, values, numberFormat: formats });
  };
  const sheetData = {
    isNullObject: false, name, visibility: "Visible",
    getUsedRangeOrNullObject() {
      return child(this as unknown as Mock, { isNullObject: rows === 0, rowIndex: 0, columnIndex: 0, rowCount: rows, columnCount: cols });
    },
    getRange() {
      const parent = this as unknown as Mock;
      return child(parent, {
        getMergedAreasOrNullObject() { return child(this as unknown as Mock, { isNullObject: true, address: "" }); },
      });
    },
    getRangeByIndexes(r: number, c: number, n: number, m: number) {
      return band(this as unknown as Mock, r, c, n, m);
    },
  };
  const data = {
    context: {
      workbook: {
        worksheets: {
          load() {
            const self = this as unknown as Mock;
            self.items = [child(self, sheetData)];
            (self.items as Mock[])[0].load("name,visibility");
          },
          getActiveWorksheet() { return child(this as unknown as Mock, sheetData); },
        },
      },
    },
  };
  const mock = new OfficeMockObject(data, "excel" as never) as unknown as Mock & { context: Excel.RequestContext & { sync(): Promise<void> } };
  // the mock's own sync resolves the loads; count every call made through the context
  const ctx = mock.context as unknown as { sync(): Promise<void> };
  const mockSync = ctx.sync.bind(ctx);
  ctx.sync = async () => {
    syncs++;
    await mockSync();
  };
  return {
    run: (batch) => batch(mock.context),
    syncs: () => syncs,
    cellsServed: () => served,
  };
}
