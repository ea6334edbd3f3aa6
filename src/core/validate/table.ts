/**
 * Cutting the table under a found header (templates.md, "Finding the table"): data rows (blank
 * rows skipped), 合计 rows set apart, the end at a note below the table, unknown numeric columns
 * collected for extraNumericAs; each row reads raw cells and, through the run's TypedCells, typed
 * values.
 */
import type { CellValue } from "../input/coerce";
import type { CellError } from "../input/errors";
import { isBlank, parseNumberText } from "../input/coerce";
import type { HeaderMatch } from "./header";
import { hasText, isEndMarker, isNonScoreHeader, isTotalLabel } from "./normalize";
import { a1, type MergeRange, type SheetSnapshot } from "./snapshot";
import type { Table, TableRow } from "./template";

/** Excel's column limit: cell ids are `r * MAX_COLS + c`, unique and allocation-free. */
const MAX_COLS = 16384;

/** The run's typed reading of cells (engine.ts): each cell converted once. */
export interface TypedCells {
  value(r: number, key: string, index: number, need: boolean): unknown;
  problem(r: number, key: string, index: number): CellError | undefined;
}

function isBlankCell(v: CellValue): boolean {
  return v === null || v === undefined || v === "" || (typeof v === "string" && !hasText(v));
}

/** First cell of the row holding text (a 序号 number before it is passed over). */
function firstText(row: CellValue[] | undefined): string | null {
  if (!row) return null;
  for (let c = 0; c < row.length; c++) {
    const v = row[c];
    if (typeof v === "string" && hasText(v)) return v;
  }
  return null;
}

/** Reads a raw cell of the data area by 0-based snapshot (row, column). */
export interface CellReader {
  get(r: number, c: number): CellValue;
}

/** Raw cells of the data area, with merged cells reading their top-left value. */
class DataCells implements CellReader {
  private readonly fill: Map<number, CellValue> | null;

  constructor(private readonly rows: CellValue[][], merges: readonly MergeRange[] | undefined, from: number, to: number) {
    let fill: Map<number, CellValue> | null = null;
    for (const m of merges ?? []) {
      if (m.bottom < from || m.top > to || (m.bottom === m.top && m.left === m.right)) continue;
      const v = rows[m.top]?.[m.left];
      if (isBlankCell(v)) continue;
      fill ??= new Map();
      for (let r = Math.max(m.top, from); r <= Math.min(m.bottom, to); r++) {
        for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) fill.set(r * MAX_COLS + c, v);
      }
    }
    this.fill = fill;
  }

  get(r: number, c: number): CellValue {
    const row = this.rows[r];
    const v = row === undefined || row === null ? undefined : row[c];
    if (this.fill !== null && (v === null || v === undefined || v === "")) {
      const f = this.fill.get(r * MAX_COLS + c);
      if (f !== undefined) return f;
    }
    return v;
  }
}

class Row implements TableRow {
  constructor(
    readonly r: number,
    readonly rowNumber: number,
    readonly isTotal: boolean,
    private readonly t: TableData,
  ) {}

  value<T = number>(key: string, index = 0): T | undefined {
    return this.t.typed.value(this.r, key, index, false) as T | undefined;
  }

  need<T = number>(key: string, index = 0): T | undefined {
    return this.t.typed.value(this.r, key, index, true) as T | undefined;
  }

  problem(key: string, index = 0): CellError | undefined {
    return this.t.typed.problem(this.r, key, index);
  }

  get(key: string, index = 0): CellValue {
    const cols = this.t.columns.get(key);
    if (cols === undefined) return undefined;
    const c = cols[index];
    return c === undefined ? undefined : this.t.cells.get(this.r, c);
  }

  count(key: string): number {
    const cols = this.t.columns.get(key);
    return cols === undefined ? 0 : cols.length;
  }

  getAll(key: string): CellValue[] {
    const cols = this.t.columns.get(key);
    if (cols === undefined) return [];
    const out: CellValue[] = new Array(cols.length);
    for (let i = 0; i < cols.length; i++) out[i] = this.t.cells.get(this.r, cols[i]);
    return out;
  }

  has(key: string): boolean {
    return this.t.columns.has(key);
  }

  cell(key: string, i = 0): string {
    const c = this.t.columns.get(key)?.[i];
    return a1(this.t.sheet, this.r, c === undefined ? this.t.firstCol : c);
  }
}

interface TableData {
  sheet: SheetSnapshot;
  columns: ReadonlyMap<string, readonly number[]>;
  cells: DataCells;
  firstCol: number;
  typed: TypedCells;
}

/** A built table plus what the engine needs besides it. */
export interface BuiltTable {
  table: Table;
  match: HeaderMatch;
  /** column key → message names of its columns (same order as table.columns) */
  labels: ReadonlyMap<string, readonly string[]>;
  /** raw (merge-filled) cell reader: `cells.get(r, c)` */
  cells: CellReader;
}

/**
 * Share of non-blank cells that must be numbers for an unknown column to count as an indicator:
 * at least half, so a score column with a typo ("九十") is still checked (and the typo reported).
 */
const NUMERIC_MAJORITY = 0.5;
/** Enough cells to tell a numeric column from a text one without reading all 100 k rows. */
const NUMERIC_SAMPLE = 200;

/**
 * Cuts the data rows under a found header: blank rows (nothing in any mapped column) skipped,
 * 合计 / 小计 / 总计 rows set apart as totals, a note or signature line (注: 说明: 填表人: …) ends
 * the table. Unknown numeric columns go under template.extraNumericAs.
 */
export function buildTable(sheet: SheetSnapshot, match: HeaderMatch, typed: (cells: CellReader, labels: ReadonlyMap<string, readonly string[]>, columns: ReadonlyMap<string, readonly number[]>) => TypedCells): BuiltTable {
  const t = match.template;
  const rows = sheet.rows;
  const columns = new Map<string, number[]>();
  for (const [k, v] of match.columns) columns.set(k, [...v]);
  const labels = new Map<string, string[]>();
  for (const [k, v] of match.labels) labels.set(k, [...v]);

  // contact numbers, ranks and sums are numeric but never indicators (templates.md: extra columns ignored)
  const extraCandidates = t.extraNumericAs && !columns.has(t.extraNumericAs)
    ? match.unknown.filter((u) => !isNonScoreHeader(u.label))
    : [];
  const watched: number[] = [];
  for (const cols of columns.values()) watched.push(...cols);
  for (const u of extraCandidates) watched.push(u.col);
  watched.sort((a, b) => a - b);
  const unitCol = columns.get(t.columns[0]?.key ?? "")?.[0];

  // pass 1: which rows are data, which totals, where the table ends (raw values; cheap per row)
  const dataIdx: number[] = [];
  const totalIdx: number[] = [];
  let end = rows.length - 1;
  for (let r = match.dataStart; r < rows.length; r++) {
    const row = rows[r];
    if (!row) continue;
    const text = firstText(row);
    if (text !== null && isEndMarker(text)) {
      end = r - 1;
      break;
    }
    const unit = unitCol === undefined ? undefined : row[unitCol];
    if ((text !== null && isTotalLabel(text)) || (typeof unit === "string" && unit !== text && isTotalLabel(unit))) {
      totalIdx.push(r);
      continue;
    }
    let blank = true;
    for (let i = 0; i < watched.length; i++) {
      if (!isBlankCell(row[watched[i]])) {
        blank = false;
        break;
      }
    }
    if (!blank) dataIdx.push(r);
  }

  const cells = new DataCells(rows, sheet.merges, match.dataStart, Math.max(match.dataStart, end));

  // unknown columns holding numbers in the data rows are indicators (eval-dept)
  const extraHeaders: string[] = [];
  if (t.extraNumericAs && extraCandidates.length > 0) {
    const key = t.extraNumericAs;
    for (const u of extraCandidates) {
      let seen = 0;
      let numeric = 0;
      for (let i = 0; i < dataIdx.length && seen < NUMERIC_SAMPLE; i++) {
        const v = cells.get(dataIdx[i], u.col);
        if (isBlank(v)) continue;
        seen++;
        if (typeof v === "number" || (typeof v === "string" && Number.isFinite(parseNumberText(v)))) numeric++;
      }
      if (seen > 0 && numeric / seen >= NUMERIC_MAJORITY) {
        if (!columns.has(key)) {
          columns.set(key, []);
          labels.set(key, []);
        }
        columns.get(key)!.push(u.col);
        labels.get(key)!.push(u.label);
        extraHeaders.push(u.label);
      }
    }
  }

  const data: TableData = { sheet, columns, cells, firstCol: match.firstCol, typed: typed(cells, labels, columns) };
  const originRow = sheet.origin?.row ?? 1;
  const tableRows: TableRow[] = new Array(dataIdx.length);
  for (let i = 0; i < dataIdx.length; i++) tableRows[i] = new Row(dataIdx[i], originRow + dataIdx[i], false, data);
  const totals: TableRow[] = totalIdx.map((r) => new Row(r, originRow + r, true, data));

  const table: Table = {
    sheet, template: t, headerRows: match.headerRows, columns, extraHeaders, rows: tableRows, totals,
  };
  return { table, match, labels, cells };
}
