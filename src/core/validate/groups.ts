/**
 * Groups (issue 11 item 4; templates.md, "Findings"): what a person reads is a list of display
 * items, each either one root finding with its consequences folded under it, or a group — many
 * roots of one check with one message (same file, sheet, check, message id and severity) shown as
 * one line with its message shape, count and cell range, its members (each with its consequences)
 * behind an expander. Consequences never stand apart from their root. Machine outputs (JSON, CSV)
 * keep every finding and do not use this. One model for the pane and the command line; pure,
 * linear in the number of findings (but for sorting a group's rows), zod-free and catalogue-free
 * (the pane's first chunk imports it; the zh-CN catalogue, which words the shapes best, is passed
 * in: the CLI has it at hand, the pane loads it when it has a group to label).
 */
import type { Finding, Severity } from "./findings";
import { type FoldedFinding, foldConsequences } from "./fold";
import type { Catalogue } from "./messages/zh-CN";

/**
 * Members from which roots of one shape become a group. Fewer than 10 lines fit on one screen of
 * the pane or a terminal, and each says something of its own (the unit, the values, what to type):
 * a sample's six wrong 类内排名 stay six lines a clerk can correct one by one. From a screenful
 * on, the same sentence repeated tells the reader nothing new and buries the other checks (100 000
 * rows of “…不在办法一所列…” hide the one wrong total).
 */
export const GROUP_MIN = 10;

/** How many runs of cells a range names before it ends with 等. */
export const RANGE_RUNS = 3;

export interface SingleItem extends FoldedFinding {
  kind: "single";
}

export interface GroupItem {
  kind: "group";
  /** file, sheet, check, message id and severity, joined: unique among the items */
  key: string;
  file?: string;
  sheet: string;
  check: string;
  messageId: string;
  severity: Severity;
  /** the message with what varies from row to row left out: “…”不在办法一所列…，请核对分类 */
  shape: string;
  /** the members' cells: B5:B100004, or B5、B9:B12、D4等 */
  range: string;
  /** the roots, in their order, each with its consequences */
  members: FoldedFinding[];
  /** consequences of all members together (not counted in `members.length`) */
  consequences: number;
}

export type DisplayItem = SingleItem | GroupItem;

export interface GroupOptions {
  /** GROUP_MIN unless given */
  min?: number;
  /** the zh-CN message catalogue (messages/zh-CN.ts), for the groups' shapes (catalogueShape) */
  catalogue?: Catalogue;
}

/** One bucket per file, sheet, check, message id and severity: found by nested maps, no string built per finding. */
interface Bucket {
  key: string;
  size: number;
  group?: GroupItem;
}

function bucketer() {
  const top = new Map<string, Map<string, Map<string, Map<string, Map<string, Bucket>>>>>();
  const level = <V>(m: Map<string, V>, k: string, make: () => V): V => {
    let v = m.get(k);
    if (v === undefined) m.set(k, (v = make()));
    return v;
  };
  let last: Finding | undefined;
  let lastBucket: Bucket | undefined;
  return (f: Finding): Bucket => {
    // a run of findings of one check (a row check over every row) skips the maps
    if (last !== undefined && f.file === last.file && f.sheet === last.sheet && f.check === last.check &&
      f.messageId === last.messageId && f.severity === last.severity) return lastBucket!;
    const file = f.file ?? "";
    const bySeverity = level(level(level(level(top, file, () => new Map()), f.sheet, () => new Map()), f.check, () => new Map()), f.messageId, () => new Map<string, Bucket>());
    const b = level(bySeverity, f.severity, () => ({ key: [file, f.sheet, f.check, f.messageId, f.severity].join("\u0000"), size: 0 }));
    last = f;
    lastBucket = b;
    return b;
  };
}

/** Display items of roots already folded (foldConsequences), in the order of each item's first root. */
export function groupFolded(folded: readonly FoldedFinding[], opts: GroupOptions = {}): DisplayItem[] {
  const min = Math.max(2, opts.min ?? GROUP_MIN);
  const bucketOf = bucketer();
  const buckets = new Array<Bucket>(folded.length);
  for (let i = 0; i < folded.length; i++) (buckets[i] = bucketOf(folded[i].root)).size++;
  const out: DisplayItem[] = [];
  const groups: GroupItem[] = [];
  for (let i = 0; i < folded.length; i++) {
    const item = folded[i];
    const b = buckets[i];
    if (b.size < min) {
      out.push({ kind: "single", root: item.root, consequences: item.consequences });
      continue;
    }
    let g = b.group;
    if (!g) {
      const f = item.root;
      g = b.group = { kind: "group", key: b.key, file: f.file, sheet: f.sheet, check: f.check, messageId: f.messageId, severity: f.severity, shape: "", range: "", members: [], consequences: 0 };
      groups.push(g);
      out.push(g);
    }
    g.members.push(item);
    g.consequences += item.consequences.length;
  }
  for (const g of groups) {
    g.shape = (opts.catalogue && catalogueShape(g.members[0].root, opts.catalogue)) ?? messageShape(g.members.map((m) => m.root));
    g.range = membersRange(g.members);
  }
  return out;
}

/** Findings as display items: folded (foldConsequences), then grouped. */
export function displayItems(findings: readonly Finding[], opts: GroupOptions = {}): DisplayItem[] {
  return groupFolded(foldConsequences(findings), opts);
}

/** Roots shown by the items (a group counts its members), and the consequences folded under them. */
export function countItems(items: readonly DisplayItem[]): { roots: number; consequences: number } {
  let roots = 0;
  let consequences = 0;
  for (const it of items) {
    if (it.kind === "group") {
      roots += it.members.length;
      consequences += it.consequences;
    } else {
      roots += 1;
      consequences += it.consequences.length;
    }
  }
  return { roots, consequences };
}

const PLACEHOLDER = /\{\w+\}/g;
/** Punctuation and the elision mark: what does not count as words of a shape. */
const NOT_WORDS = /[\s…，。、；：？！（）“”‘’《》〔〕·,.;:?!()"'\-–—]/g;
/** Fewer words than this and a shape says nothing (“{detail}”, “{worker}在{date}：{detail}”). */
const MIN_WORDS = 4;

/**
 * The catalogue's zh-CN text of a finding's message with each `{placeholder}` as …, or undefined
 * when the catalogue lacks it or it is nearly all placeholders.
 */
export function catalogueShape(f: Pick<Finding, "template" | "check" | "messageId">, catalogue: Catalogue): string | undefined {
  const scopes = catalogue as Readonly<Record<string, Catalogue[string] | undefined>>;
  const text = scopes[f.template ?? "engine"]?.[f.check]?.[f.messageId] ?? scopes.engine?.[f.check]?.[f.messageId];
  if (text === undefined) return undefined;
  const shape = text.replace(PLACEHOLDER, "…").replace(/…+/g, "…");
  return shape.replace(NOT_WORDS, "").length >= MIN_WORDS ? shape : undefined;
}

/**
 * What the messages of a group have in common, without the catalogue (or when its text is all
 * `{detail}`): their common beginning and end with … between, cut at punctuation or between a
 * number and a word; failing that, the first message.
 */
export function messageShape(roots: readonly Finding[]): string {
  const a = roots[0].message;
  // the common beginning and end so far, checked against each message with native startsWith /
  // endsWith and shortened only where one differs: 100 000 messages in a few milliseconds
  let head = a;
  let tail = a;
  let shortest = a.length;
  for (let i = 1; i < roots.length && (head.length > 0 || tail.length > 0); i++) {
    const b = roots[i].message;
    if (b.length < shortest) shortest = b.length;
    if (!b.startsWith(head)) {
      let p = 0;
      while (p < head.length && p < b.length && head.charCodeAt(p) === b.charCodeAt(p)) p++;
      head = head.slice(0, p);
    }
    if (!b.endsWith(tail)) {
      let q = 0;
      while (q < tail.length && q < b.length && tail.charCodeAt(tail.length - 1 - q) === b.charCodeAt(b.length - 1 - q)) q++;
      tail = tail.slice(tail.length - q);
    }
  }
  const pre = head.length;
  let suf = tail.length;
  if (pre === a.length) return a; // every message the same
  // prefix and suffix must not overlap in the shortest message (both empty: the loop stopped early)
  if (pre + suf > shortest) suf = Math.max(0, shortest - pre);
  // cut between a number and a word or at punctuation, never inside a name or a number:
  // 第000200考核单位 and 第000500考核单位 share “第000” and “00考核单位”, no part of what the group says
  tail = a.slice(a.length - suf);
  if (!cuttable(a, pre)) head = head.slice(0, lastBoundary(head) + 1);
  if (!cuttable(a, a.length - suf)) tail = tail.slice(firstBoundary(tail));
  const shape = `${head}…${tail}`;
  return shape.replace(NOT_WORDS, "").length >= MIN_WORDS ? shape : a;
}

/** Where a shape may be cut: punctuation between the parts of a message. */
const BOUNDARY = /[，。、；：？！（）“”‘’《》〔〕,.;:?!()\s]/;

/** Letters and digits together make one token (B5, 2024, A3): a cut inside one is inside a name. */
const kind = (ch: string) => (ch === "" || BOUNDARY.test(ch) ? "mark" : /[0-9A-Za-z]/.test(ch) ? "alnum" : "word");

/** True when text may be cut before position `at`: at punctuation, or between a number and a Chinese word. */
function cuttable(text: string, at: number): boolean {
  const before = kind(text.charAt(at - 1));
  const after = kind(text.charAt(at));
  return before === "mark" || after === "mark" || before !== after;
}

function lastBoundary(s: string): number {
  for (let i = s.length - 1; i >= 0; i--) if (BOUNDARY.test(s[i])) return i;
  return -1;
}

function firstBoundary(s: string): number {
  for (let i = 0; i < s.length; i++) if (BOUNDARY.test(s[i])) return i;
  return s.length;
}

/** Column letters → number (A = 1), for ordering the columns of a range. */
function columnNumber(col: string): number {
  let n = 0;
  for (let i = 0; i < col.length; i++) n = n * 26 + (col.charCodeAt(i) - 64);
  return n;
}

/** cellRange of a group's roots; a column's rows in order without a gap (a row check's usual result) skip the sort. */
function membersRange(members: readonly FoldedFinding[]): string {
  const first = members[0].root;
  let prev = first.row;
  for (let i = 1; i < members.length; i++) {
    const f = members[i].root;
    if (f.column !== first.column || f.row !== prev + 1) return cellRange(members.map((m) => m.root));
    prev = f.row;
  }
  return members.length === 1 ? first.cell : `${first.column}${first.row}:${first.column}${prev}`;
}

/**
 * The cells of findings as a reader takes them in: runs of consecutive rows in one column as
 * `B5:B100004`, runs separated by 、, columns left to right; after RANGE_RUNS runs, 等.
 */
export function cellRange(cells: readonly Pick<Finding, "row" | "column">[], maxRuns = RANGE_RUNS): string {
  const byColumn = new Map<string, number[]>();
  for (const c of cells) {
    let rows = byColumn.get(c.column);
    if (!rows) byColumn.set(c.column, (rows = []));
    rows.push(c.row);
  }
  const columns = [...byColumn.keys()].sort((x, y) => columnNumber(x) - columnNumber(y) || (x < y ? -1 : 1));
  const runs: string[] = [];
  let more = false;
  for (const col of columns) {
    // a typed array sorts numbers natively: 100 000 rows in a few milliseconds
    const rows = Float64Array.from(byColumn.get(col)!).sort();
    let start = rows[0];
    let prev = start;
    const flush = () => {
      if (runs.length >= maxRuns) more = true;
      else runs.push(start === prev ? `${col}${start}` : `${col}${start}:${col}${prev}`);
    };
    for (let i = 1; i < rows.length && !more; i++) {
      const r = rows[i];
      if (r === prev || r === prev + 1) {
        prev = r;
        continue;
      }
      flush();
      start = prev = r;
    }
    if (!more) flush();
    if (more) break;
  }
  return `${runs.join("、")}${more ? "等" : ""}`;
}
