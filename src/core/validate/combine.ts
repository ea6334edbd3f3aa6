/**
 * 合并校验: the tables of one template across several submissions checked as one table. What
 * only shows across files — the same 区+社区 or 单位 filed twice, one 团长 leading trips in two
 * units' requests in one year, ranks within category and the 先进 quota over all units — is found
 * by the template's own `acrossFiles` checks run over a combined sheet: the layout's header (the
 * table with the most columns found), then every data row of every table, each copied by column
 * key and remembered with its file, sheet, row and columns (RowOrigin). Their findings on the
 * combined sheet replace those of each file alone, and go back to their own file and cell; a
 * finding naming another row names its file and cell (ctx.where). Everything else is each file's.
 */
import type { CellValue } from "../input/coerce";
import { type RowOrigin, runValidation, type EngineOptions, type ValidationResult } from "./engine";
import { type Finding, isRoot } from "./findings";
import { findHeader, findTemplate, type HeaderMatch } from "./header";
import { columnLetter, columnNumber, type MergeRange, type SheetSnapshot, type WorkbookSnapshot } from "./snapshot";
import { buildTable, type CellReader, type TypedCells } from "./table";
import type { TableRow, TemplateDef } from "./template";

interface Part {
  /** index of the workbook in the list given */
  book: number;
  file: string;
  sheet: SheetSnapshot;
  match: HeaderMatch;
  columns: ReadonlyMap<string, readonly number[]>;
  rows: readonly TableRow[];
  cells: CellReader;
}

export interface CombinedTable {
  template: TemplateDef;
  /** the combined sheet: the layout's rows down to its header, then every part's data rows */
  sheet: SheetSnapshot;
  /** per 0-based row of `sheet`: where it comes from (undefined for the header rows) */
  origins: (RowOrigin | undefined)[];
  /** per 0-based row of `sheet`: the index of its workbook (-1 for the header rows) */
  books: number[];
  /** 0-based rows of `sheet` holding the table's header (two for a two-row header) */
  headerRows: readonly number[];
  /** the tables combined: workbook index and sheet name */
  parts: { book: number; file: string; sheet: string; rows: number }[];
}

/** Building a table only finds its rows and columns: nothing is converted here. */
const UNREAD: TypedCells = {
  value: () => undefined,
  problem: () => undefined,
};

function partsOf(books: readonly WorkbookSnapshot[], opts: EngineOptions): Part[] {
  const out: Part[] = [];
  books.forEach((book, b) => {
    for (const sheet of book.sheets) {
      let match: HeaderMatch | null;
      if (opts.template !== undefined) {
        const t = opts.templates.find((x) => x.id === opts.template);
        match = t ? findHeader(sheet, t) : null;
      } else match = findTemplate(sheet, opts.templates).match;
      if (!match || !match.recognised) continue;
      const built = buildTable(sheet, match, () => UNREAD);
      out.push({
        book: b, file: book.file ?? `#${b + 1}`, sheet, match: built.match, columns: built.table.columns, rows: built.table.rows, cells: built.cells,
      });
    }
  });
  return out;
}

const width = (p: Part) => {
  let n = 0;
  for (const cols of p.columns.values()) n += cols.length;
  return n;
};

/** The combined sheet of one template's tables (two or more), with each row's origin. */
function combine(template: TemplateDef, parts: readonly Part[]): CombinedTable {
  // the layout: the table with the most columns found (the first of equals)
  let layout = parts[0];
  for (const p of parts) if (width(p) > width(layout)) layout = p;
  const lastHeader = Math.max(...layout.match.headerRows);
  const rows: CellValue[][] = layout.sheet.rows.slice(0, lastHeader + 1).map((r) => [...(r ?? [])]);
  const merges: MergeRange[] = (layout.sheet.merges ?? []).filter((m) => m.bottom <= lastHeader).map((m) => ({ ...m }));
  const w = Math.max(0, ...rows.map((r) => r.length));
  const origins: (RowOrigin | undefined)[] = rows.map(() => undefined);
  const books: number[] = rows.map(() => -1);
  for (const p of parts) {
    const originRow = p.sheet.origin?.row ?? 1;
    const originCol = p.sheet.origin?.col ?? 1;
    // layout column → the part's column, key by key (sub-columns by position)
    const from: (number | undefined)[] = new Array(w).fill(undefined);
    for (const [key, cols] of layout.columns) {
      const own = p.columns.get(key) ?? [];
      cols.forEach((c, j) => {
        if (own[j] !== undefined && c < w) from[c] = own[j];
      });
    }
    const cols = from.map((c) => (c === undefined ? undefined : originCol + c));
    for (const tr of p.rows) {
      const row: CellValue[] = new Array(w).fill(null);
      for (let c = 0; c < w; c++) if (from[c] !== undefined) row[c] = p.cells.get(tr.r, from[c]!);
      rows.push(row);
      origins.push({ file: p.file, sheet: p.sheet.name, row: originRow + tr.r, cols, firstCol: originCol + p.match.firstCol });
      books.push(p.book);
    }
  }
  return {
    template,
    sheet: { name: layout.sheet.name, origin: layout.sheet.origin, rows, merges },
    origins, books, headerRows: [...layout.match.headerRows].sort((a, b) => a - b),
    parts: parts.map((p) => ({ book: p.book, file: p.file, sheet: p.sheet.name, rows: p.rows.length })),
  };
}

/** The combined tables of the workbooks: one per template found in two tables or more. */
export function combineTables(books: readonly WorkbookSnapshot[], opts: EngineOptions): CombinedTable[] {
  const byTemplate = new Map<string, Part[]>();
  for (const p of partsOf(books, opts)) {
    const id = p.match.template.id;
    const list = byTemplate.get(id);
    if (list) list.push(p);
    else byTemplate.set(id, [p]);
  }
  const out: CombinedTable[] = [];
  for (const parts of byTemplate.values()) {
    const t = parts[0].match.template;
    if (parts.length >= 2 && t.checks.some((c) => c.acrossFiles)) out.push(combine(t, parts));
  }
  return out;
}

/** A combined sheet's A1 address → the origin's own cell, or undefined for a header cell. */
function originCell(ct: CombinedTable, cell: string): { book: number; origin: RowOrigin; cell: string } | undefined {
  const m = /^([A-Z]+)(\d+)$/.exec(cell);
  if (!m) return undefined;
  const r = Number(m[2]) - (ct.sheet.origin?.row ?? 1);
  const origin = ct.origins[r];
  if (!origin) return undefined;
  const c = columnNumber(m[1]) - (ct.sheet.origin?.col ?? 1);
  const col = origin.cols[c] ?? origin.firstCol;
  return { book: ct.books[r], origin, cell: `${columnLetter(col)}${origin.row}` };
}

/**
 * Validates each workbook, then the tables of each template across them as one (合并校验): the
 * results, one per workbook in the order given, hold each file's own findings, with those of the
 * `acrossFiles` checks taken from the combined table instead (each at its own file and cell).
 */
export function validateTogether(books: readonly WorkbookSnapshot[], opts: EngineOptions): { results: ValidationResult[]; tables: CombinedTable[] } {
  const results = books.map((b) => runValidation(b, opts));
  const tables = combineTables(books, opts);
  if (tables.length === 0) return { results, tables };
  const replaced = new Set<string>();
  const extra: Finding[][] = books.map(() => []);
  const placeKey = (book: number, sheet: string, template: string | null) => `${book}\u0000${sheet}\u0000${template}`;
  for (const ct of tables) {
    const t = ct.template;
    const across = new Set(t.checks.filter((c) => c.acrossFiles).map((c) => c.id));
    for (const p of ct.parts) replaced.add(placeKey(p.book, p.sheet, t.id));
    const r = runValidation({ sheets: [ct.sheet] }, { templates: [t], template: t.id, origins: ct.origins });
    for (const f of r.findings) {
      if (!across.has(f.check)) continue;
      const at = originCell(ct, f.cell);
      if (!at) continue;
      const { origin } = at;
      const mapped: Finding = { ...f, sheet: origin.sheet, cell: at.cell, row: origin.row, column: at.cell.replace(/\d+$/, ""), causedBy: null };
      if (books[at.book].file !== undefined) mapped.file = books[at.book].file;
      else delete mapped.file;
      // a root in the same file and sheet keeps the link; one in another file cannot be named by a cell
      if (f.causedBy) {
        const root = originCell(ct, f.causedBy);
        if (root && root.book === at.book && root.origin.sheet === origin.sheet) mapped.causedBy = root.cell;
      }
      extra[at.book].push(mapped);
    }
  }
  const merged = results.map((res, b) => {
    const sheetOrder = new Map(books[b].sheets.map((s, i) => [s.name, i]));
    const checksOf = (f: Finding) => opts.templates.find((x) => x.id === f.template)?.checks.find((c) => c.id === f.check);
    const kept = res.findings.filter((f) => !(replaced.has(placeKey(b, f.sheet, f.template)) && checksOf(f)?.acrossFiles === true));
    const all = [...kept, ...extra[b]]
      .map((f, i) => ({ f, i }))
      .sort((x, y) => (sheetOrder.get(x.f.sheet) ?? 0) - (sheetOrder.get(y.f.sheet) ?? 0) || x.f.row - y.f.row ||
        columnNumber(x.f.column) - columnNumber(y.f.column) || x.i - y.i)
      .map((x) => x.f);
    // a consequence whose root was replaced away stands as a root
    const roots = new Set(all.filter(isRoot).map((f) => `${f.sheet}\u0000${f.cell}`));
    const findings = all.map((f) => (isRoot(f) || roots.has(`${f.sheet}\u0000${f.causedBy}`) ? f : { ...f, causedBy: null }));
    return { sheets: res.sheets, findings };
  });
  return { results: merged, tables };
}

/** A combined table as the receiving office keeps it (合并汇总, govcheck --combined). */
export interface ConsolidatedTable {
  template: TemplateDef;
  /** the layout's rows down to its header, a 来源文件 column first, then every unit once */
  sheet: SheetSnapshot;
  /** data rows written */
  units: number;
  /** rows left out as repeats of an earlier one (a marksDuplicates check), where they were */
  repeats: { file: string; sheet: string; row: number }[];
  /** cells written as the rules compute them instead of as filed (a recomputes check) */
  recomputed: number;
}

/**
 * The consolidated table of a combined one: every unit once (a row a `marksDuplicates` check
 * finds repeating an earlier one is left out), the computed columns (合计, 百分制, 类内排名, 综合得分,
 * 在外天数, 年度补助 and its shares: `recomputes` checks) as the rules give them over the rows kept,
 * and a 来源文件 column first naming each row's file (and sheet, when a file gave several).
 */
export function consolidate(ct: CombinedTable, sourceLabel: string): ConsolidatedTable {
  const t = ct.template;
  const run = (sheet: SheetSnapshot, origins: readonly (RowOrigin | undefined)[]) =>
    runValidation({ sheets: [sheet] }, { templates: [t], template: t.id, origins }).findings;
  const originRow = ct.sheet.origin?.row ?? 1;
  const originCol = ct.sheet.origin?.col ?? 1;
  const dupChecks = new Set(t.checks.filter((c) => c.marksDuplicates).map((c) => c.id));
  const repeated = new Set<number>();
  for (const f of run(ct.sheet, ct.origins)) if (dupChecks.has(f.check)) repeated.add(f.row - originRow);
  const keep = ct.sheet.rows.map((_, r) => !repeated.has(r));
  const rows = ct.sheet.rows.filter((_, r) => keep[r]);
  const origins = ct.origins.filter((_, r) => keep[r]);
  const kept: SheetSnapshot = { ...ct.sheet, rows };
  // the computed columns over the rows kept (ranks among them)
  const fixChecks = new Set(t.checks.filter((c) => c.recomputes).map((c) => c.id));
  const fixes = new Map<number, Map<number, CellValue>>();
  let recomputed = 0;
  for (const f of run(kept, origins)) {
    if (!fixChecks.has(f.check) || f.expected === undefined) continue;
    const r = f.row - originRow;
    const c = columnNumber(f.column) - originCol;
    let byCol = fixes.get(r);
    if (!byCol) fixes.set(r, (byCol = new Map()));
    if (!byCol.has(c)) {
      byCol.set(c, f.expected);
      recomputed++;
    }
  }
  const books = new Set(origins.filter((o): o is RowOrigin => o !== undefined).map((o) => `${o.file}\u0000${o.sheet}`));
  const files = new Set(origins.filter((o): o is RowOrigin => o !== undefined).map((o) => o.file));
  const bySheet = books.size > files.size;
  const top = ct.headerRows[0];
  const bottom = ct.headerRows[ct.headerRows.length - 1];
  const out: CellValue[][] = rows.map((row, r) => {
    const o = origins[r];
    const fixed = fixes.get(r);
    const cells = fixed ? row.map((v, c) => (fixed.has(c) ? fixed.get(c)! : v)) : [...row];
    const source = o === undefined ? (r === top ? sourceLabel : null) : bySheet ? `${o.file}（${o.sheet}）` : o.file;
    return [source, ...cells];
  });
  // the header rows come first and are all kept: the 来源文件 header spans them
  const merges: MergeRange[] = (ct.sheet.merges ?? []).map((m) => ({ ...m, left: m.left + 1, right: m.right + 1 }));
  if (bottom > top) merges.push({ top, left: 0, bottom, right: 0 });
  return {
    template: t,
    sheet: { name: t.title.slice(0, 31), rows: out, merges },
    units: origins.filter((o) => o !== undefined).length,
    repeats: ct.origins.filter((o, r) => o !== undefined && !keep[r]).map((o) => ({ file: o!.file, sheet: o!.sheet, row: o!.row })),
    recomputed,
  };
}
