/**
 * Computations of 深办〔2003〕36号 (rules.md §3, PET-1…PET-7) over typed numbers. Pure: every
 * number comes from the ruleset; bad input is a returned CellError with a catalogue message.
 * rawTotal/petitionScore take sections already checked (checkedSections) and throw a plain Error
 * (an internal error) for unchecked ones; a section number or key the ruleset lacks is one too.
 */
import { CellError, isError } from "../../input/errors";
import { inputMessages as M } from "../../input/messages";
import { normText } from "../../input/coerce";
import {
  type Basis, type Category, type PetitionRuleset, type SectionKey, type SectionNo, petitionRules,
} from "./data";

export type Section = PetitionRuleset["sections"][number];
export type Item = PetitionRuleset["items"][number];

/**
 * What the validator asks for on every row (a section by number or key, a section's maximum per
 * category, the item-sum full mark), derived once per ruleset object instead of searching and
 * filtering the lists of 二 on each call. Rulesets are parsed once and never mutated.
 */
interface Derived {
  sections: Map<SectionNo | SectionKey, Section>;
  /** category → section no → the sum of its items' points for the category (二) */
  maxima: Map<Category, number[]>;
  /** category → full mark on the `items` basis, filled on first use */
  itemFullMarks: Map<Category, number>;
  /** normalised unit name (and aliases) → the category 一 lists it under */
  units: Map<string, Category>;
}

/** Keyed on the (immutable) ruleset object only: nothing else is kept between calls. */
const derivedCache = new WeakMap<PetitionRuleset, Derived>();

function derived(rules: PetitionRuleset): Derived {
  let d = derivedCache.get(rules);
  if (d) return d;
  const sections = new Map<SectionNo | SectionKey, Section>();
  // first match wins, as Array.find would: a number is looked up by `no`, a name by `key`
  for (const x of rules.sections) {
    if (!sections.has(x.no as SectionNo)) sections.set(x.no as SectionNo, x);
    if (!sections.has(x.key)) sections.set(x.key, x);
  }
  const maxima = new Map<Category, number[]>();
  for (const list of rules.categories) {
    const perSection: number[] = [];
    for (const x of rules.sections) {
      perSection[x.no] = rules.items.filter((i) => i.section === x.no && i.categories.includes(list.category))
        .reduce((sum, i) => sum + i.points.value, 0);
    }
    maxima.set(list.category, perSection);
  }
  const units = new Map<string, Category>();
  for (const list of rules.categories) {
    for (const unit of list.units) {
      for (const n of [unit.name, ...unit.aliases]) units.set(normUnitName(n), list.category);
    }
  }
  d = { sections, maxima, itemFullMarks: new Map(), units };
  derivedCache.set(rules, d);
  return d;
}

/** The section by number (1–6) or key. */
export function sectionOf(section: SectionNo | SectionKey, rules: PetitionRuleset = petitionRules): Section {
  const s = derived(rules).sections.get(section);
  if (!s) throw new Error(M.outOfRange("考核项目", 1, rules.sections.length, String(section)));
  return s;
}

/** Items of a section assessed for the category (二: “考核A、B、C类”). */
export function itemsFor(category: Category, section: SectionNo | SectionKey, rules: PetitionRuleset = petitionRules): Item[] {
  const no = sectionOf(section, rules).no;
  return rules.items.filter((i) => i.section === no && i.categories.includes(category));
}

/**
 * A section's maximum for the category: the sum of the points of the items assessed for it
 * (二). The same under both bases — the 80/82 Decision only changes the full mark.
 */
export function sectionMax(category: Category, section: SectionNo | SectionKey, rules: PetitionRuleset = petitionRules): number {
  const no = sectionOf(section, rules).no;
  const max = derived(rules).maxima.get(category)?.[no];
  return max !== undefined ? max : itemsFor(category, no as SectionNo, rules).reduce((sum, i) => sum + i.points.value, 0);
}

/** An item's maximum for the category; 0 when the item is not assessed for it (二). */
export function itemMax(category: Category, section: SectionNo | SectionKey, code: string, rules: PetitionRuleset = petitionRules): number | CellError {
  const no = sectionOf(section, rules).no;
  const item = rules.items.find((i) => i.section === no && i.code === code);
  if (!item) return new CellError("notChoice", "考核项目", M.notChoice("考核项目", rules.items.filter((i) => i.section === no).map((i) => i.code), code));
  return item.categories.includes(category) ? item.points.value : 0;
}

/** PET-7 for one item: a score in an item not assessed for the category, or above its points, is an error. */
export function checkItemScore(
  category: Category, section: SectionNo | SectionKey, code: string, score: number, rules: PetitionRuleset = petitionRules,
): number | CellError {
  const no = sectionOf(section, rules).no;
  const item = rules.items.find((i) => i.section === no && i.code === code);
  const max = itemMax(category, no as SectionNo, code, rules);
  if (isError(max)) return max;
  const name = item ? item.name : code;
  if (score < 0) return new CellError("negative", name, M.negative(name, String(score)));
  if (max === 0 && score > 0) return new CellError("rule", name, M.notAssessed(name, category, String(score)));
  if (score > max) return new CellError("aboveMax", name, M.sectionAboveMax(name, category, max, String(score)));
  return score;
}

/** Full mark of the category: the stated 100/95/80 (三(四)) or the item sums 100/95/82 (Decision). */
export function fullMark(category: Category, basis: Basis = petitionRules.basis.value, rules: PetitionRuleset = petitionRules): number {
  if (basis === "stated") return rules.statedFullMarks[category].value;
  const d = derived(rules);
  let full = d.itemFullMarks.get(category);
  if (full === undefined) {
    full = rules.sections.reduce((sum, s) => sum + sectionMax(category, s.no as SectionNo, rules), 0);
    d.itemFullMarks.set(category, full);
  }
  return full;
}

/** Events of one year that reduce section 四 (二(四)). Counts are non-negative integers. */
export interface CollectiveEvents {
  /** 集体上访 to national / provincial / city organs */
  national: number;
  provincial: number;
  city: number;
  /** of those, how many the responsible leader did not attend in time */
  absentNational?: number;
  absentProvincial?: number;
  absentCity?: number;
  /** 疑难个访 at city level or above the leader did not attend in time */
  individualAbsent?: number;
  /** 重大恶性事件 with the unit held responsible */
  majorIncident?: boolean;
}

/** Section 四 for one year: 20 reduced per event, never below 0 (PET-1); 0 on a major incident (PET-2). */
export function collectiveScore(e: CollectiveEvents, rules: PetitionRuleset = petitionRules): number {
  const full = sectionOf("collective", rules).heading.value;
  // 二(四)1: 扣除责任单位本项全部得分
  if (e.majorIncident) return rules.collective.majorIncidentScore.value;
  const p = rules.collective.perPetition;
  const a = rules.collective.perAbsence;
  const deducted =
    e.national * p.national.value + e.provincial * p.provincial.value + e.city * p.city.value +
    (e.absentNational ?? 0) * a.national.value + (e.absentProvincial ?? 0) * a.provincial.value +
    (e.absentCity ?? 0) * a.city.value +
    (e.individualAbsent ?? 0) * rules.collective.perIndividualAbsence.value;
  // 三(二): 扣分量累计达到该项满分值时不再扣分
  return Math.max(0, full - deducted);
}

/** Events of one year that reduce section 五 (二(五)). */
export interface CaseEvents {
  overdue: number;
  reminders: number;
  substandard: number;
  unanswered: number;
}

/** Section 五 for one year: 15 reduced per event, never below 0 (PET-3). */
export function casesScore(e: CaseEvents, rules: PetitionRuleset = petitionRules): number {
  const full = sectionOf("cases", rules).heading.value;
  const k = rules.cases;
  const deducted =
    e.overdue * k.perOverdue.value + e.reminders * k.perReminder.value +
    e.substandard * k.perSubstandard.value + e.unanswered * k.perUnanswered.value;
  return Math.max(0, full - deducted);
}

/** PET-5: the two-year total of sections 四 and 五 takes the average of the annual scores. */
export function averageYears(scores: readonly number[], param: string, rules: PetitionRuleset = petitionRules): number | CellError {
  if (scores.length === 0) return new CellError("required", param, M.required(param));
  if (scores.length > rules.yearsAveraged.value) {
    return new CellError("tooMany", param, M.tooMany(param, rules.yearsAveraged.value));
  }
  return scores.reduce((s, x) => s + x, 0) / scores.length;
}

/** The six section scores; 四 and 五 may be given as the annual scores to average. */
export type SectionScores = Record<SectionKey, number | readonly number[]>;

/** Checks one section score (or annual score) against the category's maximum (PET-7). */
export function checkSection(category: Category, section: SectionNo | SectionKey, score: number, rules: PetitionRuleset = petitionRules): number | CellError {
  const s = sectionOf(section, rules);
  const max = sectionMax(category, s.no as SectionNo, rules);
  if (score < 0) return new CellError("negative", s.name, M.negative(s.name, String(score)));
  if (score > max) return new CellError("aboveMax", s.name, M.sectionAboveMax(s.name, category, max, String(score)));
  return score;
}

/** One section's score for the total: annual scores averaged (PET-5), each within the maximum (PET-7). */
export function sectionScore(category: Category, section: SectionNo | SectionKey, value: number | readonly number[], rules: PetitionRuleset = petitionRules): number | CellError {
  const s = sectionOf(section, rules);
  if (typeof value === "number") return checkSection(category, s.no as SectionNo, value, rules);
  // only the yearly sections (三(二)) are scored per year
  if (!s.yearly && value.length !== 1) return new CellError("notSingle", s.name, M.notSingle(s.name));
  return value.map((v) => checkSection(category, s.no as SectionNo, v, rules)).find(isError) ?? averageYears(value, s.name, rules);
}

/** The six section scores, each checked (PET-7) and averaged (PET-5), in section order; or the first error. */
export function checkedSections(category: Category, sections: SectionScores, rules: PetitionRuleset = petitionRules): number[] | CellError {
  const out = rules.sections.map((s) => sectionScore(category, s.no as SectionNo, sections[s.key], rules));
  return out.find(isError) ?? (out as number[]);
}

/** Raw total: the sum of the six sections (三(四)), each checked (PET-7) and averaged (PET-5). */
export function rawTotal(category: Category, sections: SectionScores, rules: PetitionRuleset = petitionRules): number {
  const scores = checkedSections(category, sections, rules);
  // unchecked sections from a typed caller: a bug, not the clerk's input (cells check first)
  if (isError(scores)) throw new Error(scores.message);
  return scores.reduce((sum, x) => sum + x, 0);
}

/** 百分制: raw total / full mark × 100 (三(四), PET-6); for A on the stated basis this is the raw total. */
export function toPercent(category: Category, raw: number, basis: Basis = petitionRules.basis.value, rules: PetitionRuleset = petitionRules): number {
  // multiply first: raw × 100 is exact for the halves and quarters the sections allow, so the one
  // division is the only rounding (82/80 gives 102.5, not 102.49999999999999)
  return (raw * rules.percentScale.value) / fullMark(category, basis, rules);
}

/** PET-6: the published 百分制 score of a unit from its six sections. */
export function petitionScore(
  category: Category, sections: SectionScores, basis: Basis = petitionRules.basis.value, rules: PetitionRuleset = petitionRules,
): number {
  return toPercent(category, rawTotal(category, sections, rules), basis, rules);
}

/** Normalises a unit name for lookup: NFKC, no spaces or brackets, without the 深圳市 / 市 prefix. */
export function normUnitName(name: string): string {
  if (plainUnitName(name)) return name;
  return normText(name).replace(/[\s()()]/g, "").replace(/^(中共)?深圳市/, "").replace(/^市/, "");
}

const ZHONG = 0x4e2d; // 中(共)深圳市…
const SHEN = 0x6df1; // 深圳市…
const SHI = 0x5e02; // 市…

/**
 * True when normUnitName would return the name unchanged: only printable ASCII other than the
 * space and brackets, and CJK Unified Ideographs (U+4E00–U+9FFF, which NFKC leaves alone and
 * never composes), and no leading 中/深/市 the prefixes could strip. Asked on every row (the unit
 * lookup and the duplicate check): it saves the NFKC call (ICU) and three regular expressions.
 */
function plainUnitName(s: string): boolean {
  const n = s.length;
  if (n === 0) return true;
  const first = s.charCodeAt(0);
  if (first === ZHONG || first === SHEN || first === SHI) return false;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x4e00 && c <= 0x9fff) continue;
    if (c <= 0x20 || c > 0x7e || c === 0x28 || c === 0x29) return false;
  }
  return true;
}

/** The category the source lists the unit under (一), or undefined for an unlisted unit. */
export function categoryOf(unitName: string, rules: PetitionRuleset = petitionRules): Category | undefined {
  return derived(rules).units.get(normUnitName(unitName));
}

/** Scores equal within this tolerance share a rank (floating-point sums of halves and quarters). */
const TIE_EPSILON = 1e-9;

/**
 * PET-6 分类排队: the rank of each entry within its category, highest score first; equal scores
 * share a rank and the next rank skips (1, 1, 3).
 */
export function rankWithinCategory(entries: readonly { category: Category; score: number }[]): number[] {
  // each field read once; per category the scores sorted high to low, then an entry's rank is
  // 1 + the number of its category's scores above score + ε, found by binary search: O(n log n)
  // (a 10 k-row sheet ranks in milliseconds, not the n² comparisons of counting pairwise)
  const n = entries.length;
  const cats: Category[] = new Array(n);
  const scores = new Float64Array(n);
  const byCat = new Map<Category, number[]>();
  for (let i = 0; i < n; i++) {
    const e = entries[i];
    const c = e.category;
    const s = e.score;
    cats[i] = c;
    scores[i] = s;
    let list = byCat.get(c);
    if (!list) byCat.set(c, (list = []));
    // NaN is above nothing and nothing is above NaN (the comparison is false): left out of the order
    if (s === s) list.push(s);
  }
  const sorted = new Map<Category, Float64Array>();
  for (const [c, list] of byCat) sorted.set(c, Float64Array.from(list).sort().reverse());
  const out: number[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const desc = sorted.get(cats[i])!;
    const bar = scores[i] + TIE_EPSILON;
    // first index whose score is not above the bar: that many scores are above it
    let lo = 0;
    let hi = desc.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (desc[mid] > bar) lo = mid + 1;
      else hi = mid;
    }
    out[i] = 1 + lo;
  }
  return out;
}
