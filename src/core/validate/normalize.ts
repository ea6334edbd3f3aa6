/**
 * Header-text normalisation for the table finder (templates.md, "Finding the table"): real header
 * cells carry spaces, line breaks, full-width characters, numbering prefixes (一、 (一) 1. ①) and
 * unit suffixes ((分) （元） (户)). Header cells and template names/aliases both go through
 * `normalizeHeader`, so matching is plain string equality.
 */
import { normText } from "../input/coerce";

// Circled / parenthesised numerals that NFKC would turn into bare digits ("①" → "1"), which
// could no longer be told apart from a header starting with a number: strip them first.
const CIRCLED_PREFIX = /^[\u2460-\u2473\u24EA-\u24FF\u2776-\u2793\u3251-\u325F\u3280-\u3289\u32B1-\u32BF]+/u;

// After NFKC + whitespace removal: 一、 十二. (一) (12) 1. 1、 1) — but not "1.5" or "一票否决".
const NUMBER_PREFIX =
  /^(?:[一二三四五六七八九十百零〇]+[、.]|\((?:[一二三四五六七八九十百零〇]+|\d+)\)|\d+(?:[、)]|\.(?!\d)))/u;

// Units (and fill-in hints) that a header may carry in brackets at its end; "单位:" may precede.
const UNIT_WORDS = [
  "分", "得分", "元", "万元", "千元", "亿元", "元/年", "元/户", "元/人", "万元/年", "户", "人", "人次",
  "个", "名", "小时", "时", "h", "%", "‰", "天", "日", "次", "次/日", "次/天", "项", "件", "批", "岁",
  "年", "月", "周", "家", "条", "份", "间", "套", "星", "星级", "级", "km", "公里", "平方米", "m2",
  "必填", "选填", "是/否", "y/n",
];
const UNIT_ALT = UNIT_WORDS.map((w) => w.replace(/[/.]/g, (ch) => `\\${ch}`)).join("|");
const UNIT_SUFFIX = new RegExp(`(?:\\((?:单位:?)?(?:${UNIT_ALT})\\)|\\[(?:单位:?)?(?:${UNIT_ALT})\\]|【(?:单位:?)?(?:${UNIT_ALT})】)$`, "u");
const EDGE_MARKS = /^[*※]+|[*※:]+$/gu;
const WHITESPACE = /\s+/gu;

/**
 * The matching form of a header cell or a column name: NFKC, lower case, no whitespace at all,
 * no numbering prefix, no bracketed unit suffix, no trailing colon or required-marker (* ※).
 * "一、信访领导工作\n（分）" → "信访领导工作"; "户 数(户)" → "户数"; "出访国家(地区)" is kept whole.
 */
export function normalizeHeader(v: unknown): string {
  const raw = typeof v === "string" ? v.trimStart().replace(CIRCLED_PREFIX, "") : v;
  let t = normText(raw).replace(WHITESPACE, "").toLowerCase();
  for (let guard = 0; guard < 4; guard++) {
    const before = t;
    t = t.replace(EDGE_MARKS, "").replace(NUMBER_PREFIX, "").replace(UNIT_SUFFIX, "");
    if (t === before) break;
  }
  return t;
}

/** The words that mark a 合计 / 小计 / 总计 row (templates.md). */
const TOTAL_WORDS = ["合计", "小计", "总计"];

/**
 * True for the text of a total row's label: "合计", "合 计", "小计:", "总计(全市)", "全区合计".
 * Called once per data row, so it bails out without a regex unless the text contains "计".
 */
export function isTotalLabel(text: string): boolean {
  if (text.indexOf("计") < 0) return false;
  let t = text.normalize("NFKC").replace(WHITESPACE, "");
  t = t.replace(/:+$/u, "").replace(/\([^()]*\)$/u, "");
  for (const w of TOTAL_WORDS) {
    // "合计" alone, or a short area prefix ("全区合计"), never a name merely containing 计 (统计局)
    if (t === w || (t.endsWith(w) && t.length <= w.length + 4)) return true;
  }
  return false;
}

// A note or signature line below the table: 注:/注：/说明:/备注:/填表人:/审核人:/制表 …
const END_FIRST_CHARS = new Set(["注", "说", "备", "填", "审", "制", "负", "联", "单"]);
// signature words must read as a label (填表人, 审核:), so a unit named 审批服务局 stays data
const END_MARKER =
  /^(?:(?:注|说明|备注)\d*(?:[:.、]|$)|(?:填表|填报|审核|审批)(?:人|单位|日期|时间)?:|填表人|填报人|审核人|审批人|制表|(?:单位)?负责人|联系人|联系电话)/u;

const END_FIRST_CODES = new Set([...END_FIRST_CHARS].map((ch) => ch.charCodeAt(0)));

/**
 * True for a UTF-16 code unit String.prototype.trim removes: WhiteSpace (TAB, VT, FF, SP, NBSP,
 * ZWNBSP, the Zs spaces) and LineTerminator (LF, CR, LS, PS), ECMA-262 §12.2–12.3.
 */
export function isTrimmedCode(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 ||
    c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/**
 * `s.trim() !== ""` without building the trimmed string: the data-row scan asks it of every text
 * cell it passes, and almost every one starts with a visible character.
 */
export function hasText(s: string): boolean {
  const n = s.length;
  for (let i = 0; i < n; i++) if (!isTrimmedCode(s.charCodeAt(i))) return true;
  return false;
}

/** True for the first text of a row that ends the table (notes, signatures). */
export function isEndMarker(text: string): boolean {
  // called once per data row: decided on the first visible character before any string is built
  let i = 0;
  while (i < text.length && isTrimmedCode(text.charCodeAt(i))) i++;
  if (i === text.length || !END_FIRST_CODES.has(text.charCodeAt(i))) return false;
  const t = text.trimStart();
  if (t === "" || !END_FIRST_CHARS.has(t[0])) return false;
  return END_MARKER.test(t.normalize("NFKC").replace(WHITESPACE, ""));
}

// Unknown columns with these headers (row numbers) are never indicator columns nor data.
const SERIAL_HEADERS = new Set(["序号", "编号", "行号", "顺序号", "序", "no", "no.", "#"]);

/** True for a (normalised) header naming a row-number column (序号). */
export function isSerialHeader(normalized: string): boolean {
  return SERIAL_HEADERS.has(normalized);
}

// Unknown columns that hold numbers but are never scored indicators (templates.md: extra columns
// such as 联系电话 are ignored, never an error): contact numbers, ranks, sums and averages of the
// indicators themselves. Matched on the (normalised) header, or its sub-column under a group.
const NON_SCORE_HEADERS = new Set([
  "联系电话", "电话", "办公电话", "固定电话", "手机", "手机号", "手机号码", "联系方式", "传真",
  "邮编", "邮政编码", "身份证号", "身份证号码", "工号", "代码", "单位代码", "编码",
  "排名", "名次", "排序", "位次", "类内排名",
  "合计", "总分", "总得分", "得分合计", "合计得分", "综合得分", "平均分", "平均得分", "加权得分",
  "年度", "年份",
]);

/** True for a (normalised) header naming a numeric column that is not a scored indicator. */
export function isNonScoreHeader(normalized: string): boolean {
  const sub = normalized.includes("·") ? normalized.slice(normalized.lastIndexOf("·") + 1) : normalized;
  return isSerialHeader(sub) || NON_SCORE_HEADERS.has(sub) || NON_SCORE_HEADERS.has(normalized);
}
