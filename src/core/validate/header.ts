/**
 * Header recognition (templates.md, "Finding the table"): locates a template's header row — one
 * row, or two with merged group cells — anywhere in a sheet's first rows and maps columns to the
 * template's keys. Cutting the data rows under it is table.ts.
 */
import { isSerialHeader, normalizeHeader } from "./normalize";
import type { MergeRange, SheetSnapshot } from "./snapshot";
import type { TemplateDef } from "./template";

/** templates.md: "the header anywhere in the first 30 rows" (sheet rows, 1-based). */
export const HEADER_SCAN_ROWS = 30;

/** Excel's column limit: cell ids are `r * MAX_COLS + c`, unique and allocation-free. */
const MAX_COLS = 16384;

/** Where a template's header was found and what it mapped. */
export interface HeaderMatch {
  template: TemplateDef;
  /** 0-based indices of the header row(s), top first */
  headerRows: number[];
  /** first data row candidate (0-based) */
  dataStart: number;
  /** 0-based column of the table's first header cell (for sheet- and header-level findings) */
  firstCol: number;
  /** column key → 0-based column indices, ascending */
  columns: Map<string, number[]>;
  /** column key → the name each of its columns goes by in messages (same order as columns) */
  labels: Map<string, string[]>;
  /** header cells that named no column (columns not claimed), not counting 序号 */
  unknown: { col: number; label: string }[];
  /** distinct keys found */
  matched: number;
  /** non-blank header cells that claimed nothing */
  unmatched: number;
  /** required keys not found */
  missing: string[];
  /** the requireOneOf groups none of whose alternatives is complete */
  missingOneOf: (readonly (readonly string[])[])[];
  recognised: boolean;
}

/** A header column as read from one or two rows: its own name, or a group name over a sub name. */
interface HeaderEntry {
  col: number;
  own: string;
  group: string;
  sub: string;
  /** group + sub, made once (entries are shared by every template tried) */
  joined?: string;
}

function joinedOf(e: HeaderEntry): string {
  return (e.joined ??= e.group + e.sub);
}

interface NameIndex {
  byName: Map<string, string>;
  /** normalised names of multi columns, longest first (prefix match: "集体上访和疑难个访第一年") */
  multi: { name: string; key: string }[];
  canonical: Map<string, string>;
  /** keys of the columns that may appear several times */
  multiKeys: Set<string>;
  /** keys of the required columns */
  required: string[];
  /** first characters of the multi names (a text starting otherwise has no multi prefix) */
  multiFirst: Set<string>;
}

/**
 * The template's names, normalised, made once per template definition (definitions are constants;
 * a definition built afresh, as tests do, gets its own). Checking many small files, this was
 * rebuilt for every template tried on every sheet.
 */
const indexes = new WeakMap<TemplateDef, NameIndex>();

function nameIndex(t: TemplateDef): NameIndex {
  let idx = indexes.get(t);
  if (!idx) {
    idx = buildNameIndex(t);
    indexes.set(t, idx);
  }
  return idx;
}

function buildNameIndex(t: TemplateDef): NameIndex {
  const idx: NameIndex = {
    byName: new Map(), multi: [], canonical: new Map(),
    multiKeys: new Set(t.columns.filter((c) => c.multi).map((c) => c.key)),
    required: t.columns.filter((c) => c.required).map((c) => c.key),
    multiFirst: new Set(),
  };
  for (const col of t.columns) {
    idx.canonical.set(col.key, col.name);
    for (const n of [col.name, ...(col.aliases ?? [])]) {
      const norm = normalizeHeader(n);
      if (norm === "") continue;
      // first declaration wins: a template lists its most specific names first
      if (!idx.byName.has(norm)) idx.byName.set(norm, col.key);
      if (col.multi) idx.multi.push({ name: norm, key: col.key });
    }
  }
  idx.multi.sort((a, b) => b.name.length - a.name.length);
  for (const m of idx.multi) idx.multiFirst.add(m.name[0]);
  return idx;
}

/**
 * The header area of one sheet: normalised cell texts (filled as read) and merge lookup. Made once
 * per search and handed to each template's findHeader, never kept beyond it (a sheet edited in
 * place is read afresh).
 */
export class HeaderArea {
  private readonly texts: string[][] = [];
  private readonly merged = new Map<number, MergeRange>();
  /** last candidate top header row (0-based) */
  readonly lastTop: number;
  /** last row a header may use (a two-row header's second row) */
  readonly lastRow: number;
  readonly width: number;

  constructor(readonly sheet: SheetSnapshot) {
    const originRow = sheet.origin?.row ?? 1;
    // candidate top rows: sheet rows 1..30; a two-row header may reach one row further
    const lastTop = Math.min(sheet.rows.length - 1, HEADER_SCAN_ROWS - originRow);
    this.lastRow = Math.min(sheet.rows.length - 1, lastTop + 1);
    let width = 0;
    for (let r = 0; r <= this.lastRow; r++) width = Math.max(width, sheet.rows[r]?.length ?? 0);
    for (const m of sheet.merges ?? []) {
      if (m.top > this.lastRow || m.bottom < 0) continue;
      width = Math.max(width, m.right + 1);
      for (let r = Math.max(0, m.top); r <= Math.min(m.bottom, this.lastRow); r++) {
        for (let c = m.left; c <= m.right; c++) this.merged.set(r * MAX_COLS + c, m);
      }
    }
    this.width = Math.min(width, MAX_COLS);
    this.lastTop = lastTop;
  }

  text(r: number, c: number): string {
    let row = this.texts[r];
    if (!row) {
      row = [];
      this.texts[r] = row;
    }
    let t = row[c];
    if (t === undefined) {
      t = normalizeHeader(this.sheet.rows[r]?.[c]);
      row[c] = t;
    }
    return t;
  }

  /** row r read as one header row, and rows r, r+1 read as two: the same for every template tried */
  private readonly singles: ReturnType<typeof singleRow>[] = [];
  private readonly doubles: ReturnType<typeof doubleRow>[] = [];

  single(r: number): ReturnType<typeof singleRow> {
    return (this.singles[r] ??= singleRow(this, r));
  }

  double(r: number): ReturnType<typeof doubleRow> {
    return (this.doubles[r] ??= doubleRow(this, r));
  }

  merge(r: number, c: number): MergeRange | undefined {
    return this.merged.size === 0 ? undefined : this.merged.get(r * MAX_COLS + c);
  }

  /** true when row r holds no text and no merge */
  empty(r: number): boolean {
    for (let c = 0; c < this.width; c++) if (this.text(r, c) !== "" || this.merge(r, c)) return false;
    return true;
  }
}

/**
 * True when the header cell at (r, c) is a group over sub-columns in row r+1: a horizontal merge
 * stopping at r with its own cells below it, or (without merges) a text followed by a blank cell
 * with texts under both. Read as one row, such a cell claims nothing: the group name alone never
 * claims a sub-column (templates.md).
 */
function isGroupCell(area: HeaderArea, r: number, c: number, m: MergeRange | undefined): boolean {
  const s = r + 1;
  if (s > area.lastRow) return false;
  if (m) {
    if (m.right === m.left || m.bottom !== r) return false;
    for (let x = m.left; x <= m.right; x++) {
      const ms = area.merge(s, x);
      if (ms && ms.left === m.left && ms.right === m.right) return false; // the row below spans alike: data
      if (area.text(s, x) !== "") return true;
    }
    return false;
  }
  const next = c + 1;
  if (next >= area.width || area.text(r, next) !== "" || area.merge(r, next) || area.merge(s, c) || area.merge(s, next)) {
    return false;
  }
  const below = area.sheet.rows[s];
  return typeof below?.[c] === "string" && typeof below?.[next] === "string"
    && area.text(s, c) !== "" && area.text(s, next) !== "";
}

/** One-row reading of row r: merged cells give their top-left value to their left column only. */
function singleRow(area: HeaderArea, r: number): { entries: HeaderEntry[]; top: number; groups: number } {
  const entries: HeaderEntry[] = [];
  let top = r;
  let groups = 0;
  for (let c = 0; c < area.width; c++) {
    const m = area.merge(r, c);
    if (m) {
      if (c !== m.left) continue;
      top = Math.min(top, m.top);
      const own = area.text(m.top, m.left);
      if (own === "") continue;
      if (isGroupCell(area, r, c, m)) groups++;
      else entries.push({ col: c, own, group: "", sub: "" });
    } else {
      const own = area.text(r, c);
      if (own === "") continue;
      if (isGroupCell(area, r, c, undefined)) groups++;
      else entries.push({ col: c, own, group: "", sub: "" });
    }
  }
  return { entries, top, groups };
}

/**
 * Two-row reading of rows r (groups) and r+1 (sub-columns). A horizontally merged cell in row r
 * that stops at r is a group over the sub-columns below it; a cell merged down through both rows
 * is a column of its own. Without merges, a text in row r over texts in row r+1 is a group, and
 * blank cells to its right continue it while row r+1 has text.
 */
function doubleRow(area: HeaderArea, r: number): { entries: HeaderEntry[]; top: number } {
  const entries: HeaderEntry[] = [];
  let top = r;
  let openGroup = "";
  const s = r + 1;
  const subText = (c: number): string | null => {
    const ms = area.merge(s, c);
    if (!ms) return area.text(s, c);
    return c === ms.left ? area.text(ms.top, ms.left) : null;
  };
  for (let c = 0; c < area.width; c++) {
    const ms = area.merge(s, c);
    if (ms && ms.top <= r) {
      // one cell down through both header rows
      openGroup = "";
      if (c !== ms.left) continue;
      top = Math.min(top, ms.top);
      const own = area.text(ms.top, ms.left);
      if (own !== "") entries.push({ col: c, own, group: "", sub: "" });
      continue;
    }
    const mt = area.merge(r, c);
    if (mt && mt.right > mt.left) {
      openGroup = "";
      top = Math.min(top, mt.top);
      const group = area.text(mt.top, mt.left);
      const sub = subText(c);
      // the group name alone never claims a sub-column (templates.md)
      if (sub === null || sub === "") continue;
      entries.push(group === "" ? { col: c, own: sub, group: "", sub: "" } : { col: c, own: "", group, sub });
      continue;
    }
    let head: string;
    if (mt) {
      top = Math.min(top, mt.top);
      head = c === mt.left ? area.text(mt.top, mt.left) : "";
    } else head = area.text(r, c);
    const sub = subText(c);
    if (sub === null) continue;
    if (head !== "" && sub !== "") {
      openGroup = head;
      entries.push({ col: c, own: "", group: head, sub });
    } else if (head !== "") {
      openGroup = "";
      entries.push({ col: c, own: head, group: "", sub: "" });
    } else if (sub !== "") {
      entries.push(openGroup !== "" ? { col: c, own: "", group: openGroup, sub } : { col: c, own: sub, group: "", sub: "" });
    } else openGroup = "";
  }
  return { entries, top };
}

// A trailing bracket that is a fill-in hint rather than part of the name: "团组类型(考察/培训/参展/办展)",
// "一票否决(有/无)", "团长(姓名)". Names that keep their bracket ("出访国家(地区)") match first.
const TRAILING_HINT = /\([^()]*\)$/u;

/** The key a normalised header names: exactly, else without a trailing bracketed hint. */
function lookup(idx: NameIndex, text: string): string | undefined {
  const key = idx.byName.get(text);
  if (key !== undefined || text.charCodeAt(text.length - 1) !== 41 /* ) */) return key;
  const bare = withoutHint(text);
  return bare !== "" && bare !== text ? idx.byName.get(bare) : undefined;
}

/** texts ending in ")" without their hint, remembered (the same few header texts, for every template) */
const bareTexts = new Map<string, string>();

function withoutHint(text: string): string {
  let bare = bareTexts.get(text);
  if (bare === undefined) {
    if (bareTexts.size >= 4096) bareTexts.clear();
    bare = text.replace(TRAILING_HINT, "");
    bareTexts.set(text, bare);
  }
  return bare;
}

function multiPrefix(idx: NameIndex, text: string): { key: string; rest: string } | null {
  if (text === "" || !idx.multiFirst.has(text[0])) return null;
  for (const m of idx.multi) {
    if (text.length > m.name.length && text.startsWith(m.name)) return { key: m.key, rest: text.slice(m.name.length) };
  }
  return null;
}

/** True when some entry names one of the template's columns (most rows tried name none: data, titles). */
function namesAny(idx: NameIndex, entries: readonly HeaderEntry[]): boolean {
  for (const e of entries) {
    if (e.own !== "") {
      if (lookup(idx, e.own) !== undefined || multiPrefix(idx, e.own) !== null) return true;
    } else if (lookup(idx, e.sub) !== undefined) return true;
    else {
      const joined = joinedOf(e);
      if (lookup(idx, joined) !== undefined || multiPrefix(idx, joined) !== null) return true;
    }
  }
  return false;
}

/** Maps header entries to template keys and scores the result. */
function score(t: TemplateDef, idx: NameIndex, entries: HeaderEntry[], headerRows: number[]): HeaderMatch {
  const columns = new Map<string, number[]>();
  const labels = new Map<string, string[]>();
  const unknown: { col: number; label: string }[] = [];
  let unmatched = 0;
  let firstCol = Number.POSITIVE_INFINITY;
  const multiKeys = idx.multiKeys;
  for (const e of entries) {
    firstCol = Math.min(firstCol, e.col);
    let key: string | undefined;
    let label: string | undefined;
    if (e.own !== "") {
      key = lookup(idx, e.own);
      if (!key) {
        const p = multiPrefix(idx, e.own);
        if (p) {
          key = p.key;
          label = `${idx.canonical.get(p.key)}·${p.rest}`;
        }
      }
    } else {
      // a sub-column is known by its own name when that names a column, else by group + sub;
      // the group alone never claims it (templates.md)
      key = lookup(idx, e.sub);
      if (!key) {
        const joined = joinedOf(e);
        key = lookup(idx, joined);
        if (!key) {
          const p = multiPrefix(idx, joined);
          if (p) {
            key = p.key;
            label = `${idx.canonical.get(p.key)}·${e.sub}`;
          }
        }
      }
    }
    const display = e.own !== "" ? e.own : `${e.group}·${e.sub}`;
    if (key && (multiKeys.has(key) || !columns.has(key))) {
      let cols = columns.get(key);
      if (!cols) {
        cols = [];
        columns.set(key, cols);
        labels.set(key, []);
      }
      cols.push(e.col);
      labels.get(key)!.push(label ?? idx.canonical.get(key) ?? key);
    } else if (key) {
      unmatched++; // the same column twice: the first one counts
    } else if (!isSerialHeader(e.own)) {
      unmatched++;
      unknown.push({ col: e.col, label: display });
    }
  }
  // a multi column seen as several sub-columns: every label names its sub-column; a lone one, the name
  for (const [key, ls] of labels) {
    if (ls.length === 1 && multiKeys.has(key)) ls[0] = idx.canonical.get(key) ?? key;
  }
  const missing = idx.required.filter((k) => !columns.has(k));
  const missingOneOf = (t.requireOneOf ? [t.requireOneOf] : []).filter(
    (alts) => !alts.some((keys) => keys.every((k) => columns.has(k))),
  );
  return {
    template: t, headerRows, dataStart: headerRows[headerRows.length - 1] + 1,
    firstCol: Number.isFinite(firstCol) ? firstCol : 0,
    columns, labels, unknown, matched: columns.size, unmatched, missing, missingOneOf,
    recognised: missing.length === 0 && missingOneOf.length === 0 && columns.size > 0,
  };
}

/** Better first: recognised, most columns matched, fewest unmatched cells, one header row, earliest. */
function better(a: HeaderMatch, b: HeaderMatch | null): boolean {
  if (!b) return true;
  if (a.recognised !== b.recognised) return a.recognised;
  if (a.matched !== b.matched) return a.matched > b.matched;
  if (a.unmatched !== b.unmatched) return a.unmatched < b.unmatched;
  // a title above the header read as a "group" adds nothing: the one-row reading is the header
  if (a.headerRows.length !== b.headerRows.length) return a.headerRows.length < b.headerRows.length;
  return false; // earlier rows are tried first
}

function rowsFrom(top: number, last: number): number[] {
  const out: number[] = [];
  for (let r = top; r <= last; r++) out.push(r);
  return out;
}

/**
 * The best header reading of `sheet` for `template` (recognised or not), or null when no header
 * cell names any of its columns. `area`: the sheet's header area when several templates are tried.
 */
export function findHeader(sheet: SheetSnapshot, template: TemplateDef, area: HeaderArea = new HeaderArea(sheet)): HeaderMatch | null {
  const idx = nameIndex(template);
  let best: HeaderMatch | null = null;
  for (let r = 0; r <= area.lastTop; r++) {
    if (area.empty(r)) continue;
    // a reading naming no column can neither win nor outrank the other (matched 0): not scored
    const one = area.single(r);
    const m1 = namesAny(idx, one.entries) ? score(template, idx, one.entries, rowsFrom(one.top, r)) : null;
    let m2: HeaderMatch | null = null;
    if (r + 1 <= area.lastRow && !area.empty(r + 1)) {
      const two = area.double(r);
      if (namesAny(idx, two.entries)) m2 = score(template, idx, two.entries, rowsFrom(two.top, r + 1));
    }
    if (m1 === null) {
      if (m2 !== null && m2.matched > 0 && better(m2, best)) best = m2;
      continue;
    }
    // a row holding group cells over sub-columns is the top of a two-row header: its one-row
    // reading leaves the sub-columns out, so it must not win on "fewer unknown cells" (the
    // sub-columns of an eval-dept group are its indicators, unknown by name)
    const grouped = one.groups > 0 && m2 !== null && m2.recognised === m1.recognised && m2.matched >= m1.matched;
    if (!grouped && m1.matched > 0 && better(m1, best)) best = m1;
    if (m2 !== null && m2.matched > 0 && better(m2, best)) best = m2;
  }
  return best;
}

/**
 * The template `sheet` is in: the recognised one with most columns matched, then fewest unmatched
 * header cells (templates.md). `closest` is the best unrecognised reading, for the clerk's hint.
 */
export function findTemplate(
  sheet: SheetSnapshot, templates: readonly TemplateDef[],
): { match: HeaderMatch | null; closest: HeaderMatch | null } {
  let match: HeaderMatch | null = null;
  let closest: HeaderMatch | null = null;
  const area = new HeaderArea(sheet);
  for (const t of templates) {
    const m = findHeader(sheet, t, area);
    if (!m) continue;
    if (m.recognised) {
      if (better(m, match)) match = m;
    } else if (!closest || requiredShare(m) > requiredShare(closest)) closest = m;
  }
  return { match, closest };
}

/** Share of a template's required columns a reading found (0–1). */
export function requiredShare(m: HeaderMatch): number {
  const req = m.template.columns.filter((c) => c.required).length;
  return req === 0 ? 0 : (req - m.missing.length) / req;
}
