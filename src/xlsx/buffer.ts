/**
 * Reads a whole .xlsx held in memory into a WorkbookSnapshot — in Node or in a browser (the task
 * pane's "check a file" path): no fs, no node streams, only `ExcelJS.Workbook().xlsx.load`.
 * Cell conversion is shared with the streaming file reader (cells.ts), so both give the same
 * snapshot for the same file.
 */
import ExcelJS from "exceljs";
import type { WorkbookSnapshot } from "../core/validate/snapshot";
import { CellBudget, DEFAULT_MAX_CELLS, SheetBuilder, fromExcelValue } from "./cells";
import { ReadError } from "./errors";
import { readMessages as M } from "./messages";
import { SNIFF_BYTES, cfbError, sniffKind, toBytes, zipIsComplete, zipNamesWorkbook } from "./sniff";

export interface ReadOptions {
  /** upper bound on non-empty cells in the workbook (default 2,000,000); above it: ReadError */
  maxCells?: number;
}

/** ExcelJS marks the cells a merge covers (other than its top-left) with this type. */
const MERGE_TYPE = 1;

/** Turns anything thrown while unzipping/parsing into a one-line ReadError. */
export function asReadError(e: unknown): ReadError {
  if (e instanceof ReadError) return e;
  const text = e instanceof Error ? e.message : String(e);
  if (/xml|sax|unclosed|unexpected close|text data outside|attribute|invalid character/i.test(text)) {
    return new ReadError("badXml", M.badXml("工作表"), { cause: e });
  }
  return new ReadError("corrupt", M.corrupt(), { cause: e });
}

/** Reads an .xlsx from memory. Throws ReadError (one Chinese line) on any failure. */
export async function readWorkbookBuffer(
  data: ArrayBuffer | Uint8Array,
  opts: ReadOptions & { file?: string } = {},
): Promise<WorkbookSnapshot> {
  const bytes = toBytes(data);
  const kind = sniffKind(bytes.subarray(0, SNIFF_BYTES), bytes.length);
  if (kind === "cfb") throw cfbError(bytes);
  if (!zipIsComplete(bytes)) throw new ReadError("corrupt", M.corrupt());
  if (!zipNamesWorkbook(bytes)) throw new ReadError("noWorkbook", M.noWorkbook());
  const budget = new CellBudget(opts.maxCells ?? DEFAULT_MAX_CELLS);

  const wb = new ExcelJS.Workbook();
  try {
    // ExcelJS's typings want a node Buffer; in a browser it takes any ArrayBuffer view
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (e) {
    throw asReadError(e);
  }
  const model = wb.model as unknown as { sheets?: unknown[] };
  if (!Array.isArray(model.sheets)) throw new ReadError("noWorkbook", M.noWorkbook());

  const date1904 = Boolean((wb.properties as { date1904?: boolean }).date1904);
  const sheets = [];
  for (const ws of wb.worksheets) {
    const b = new SheetBuilder(budget);
    ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
        if ((cell.type as number) === MERGE_TYPE) return;
        b.set(rowNumber, colNumber, fromExcelValue(cell.value, { numFmt: cell.numFmt, date1904 }));
      });
    });
    const merges = (ws.model as unknown as { merges?: string[] }).merges ?? [];
    for (const ref of merges) b.addMerge(ref);
    sheets.push(b.finish(ws.name));
  }
  return opts.file !== undefined ? { file: opts.file, sheets } : { sheets };
}
