/**
 * petition — 信访工作目标管理考核评分表 (深办〔2003〕36号), templates.md. One row per assessed unit:
 * its category against the lists of 一, each section against the category's maximum (PET-7), the
 * annual columns of 四/五 averaged (PET-5), 合计 / 百分制得分 / 类内排名 recomputed (PET-6), the
 * major-incident rule (PET-2) and the C 80/82 contradiction. Every number comes from the petition
 * ruleset through its compute functions.
 */
import { type CellValue, isBlank, normText, toCategory, toNumber, toText, toYesNo } from "../../input/coerce";
import { InputError } from "../../input/errors";
import { type Cite, citation, cites } from "../../rules/ruleset";
// the concrete modules, not the rules/petition barrel: its `export *` compiles to getters that
// hot per-row code would pay on every call (CommonJS output of govcheck)
import { type Category, type SectionKey, PETITION_DOCUMENT, petitionRules } from "../../rules/petition/data";
import {
  averageYears, categoryOf, checkSection, fullMark, normUnitName, rankWithinCategory, sectionMax, sectionOf, toPercent,
} from "../../rules/petition/compute";
import { agreesTyped, roundedAs } from "../agree";
import { memoByText } from "../engine";
import type { Check, CheckContext, TableRow, TemplateDef } from "../template";

const rs = petitionRules;
const cite = (clause: string) => citation(PETITION_DOCUMENT, clause);
const from = (c: Cite) => cites(PETITION_DOCUMENT, c);

const SECTION_KEYS: readonly SectionKey[] = rs.sections.map((s) => s.key);
const NON_NEGATIVE = { min: 0 } as const;
const num = (v: unknown, p: string) => toNumber(v, p, NON_NEGATIVE);
/** The yearly sections (四, 五) whose two annual columns may be added instead of averaged (PET-5). */
const YEARLY_KEYS = ["collective", "cases"] as const;

/** ctx.value options per sub-column index, allocated once: the first column is required. */
const SECTION_OPTS: { index: number; required: boolean }[] = [];
const sectionOpts = (index: number) => (SECTION_OPTS[index] ??= { index, required: index === 0 });
const INDEX_OPTS: { index: number }[] = [];
const indexOpts = (index: number) => (INDEX_OPTS[index] ??= { index });
const REQUIRED = { required: true } as const;
// 类别 and 重大恶性事件 hold a few words (A类, 是/否): each distinct text is parsed once
const category = memoByText(toCategory);
const yesNo = memoByText(toYesNo);

/**
 * What several checks of a row need, computed once per row when the first check asks and reused
 * by the others and by the rank check: the category, the raw total recomputed from the sections
 * (averaged and with the years added), and whether the typed 合计 added the years. Each is a pure
 * function of the row's cells: the first computation reads the cells through ctx.value exactly as
 * before (so any INPUT finding is reported by the same check, in the same order); a recomputation
 * would read the same cells again and report nothing new.
 */
class RowCalc {
  row: TableRow | null = null;
  catDone = false;
  cat: Category | undefined = undefined;
  /** the raw cells of each section (SECTION_KEYS order), read once */
  cells: CellValue[][] | null = null;
  rawDone = false;
  /** 一至六项之和, 四/五 averaged (undefined: a section unreadable or above its maximum) */
  averaged: number | undefined = undefined;
  /** the same with the years of 四/五 added */
  added: number | undefined = undefined;
  yearsDone = false;
  years: number | undefined = undefined;

  reset(row: TableRow): void {
    this.row = row;
    this.catDone = false;
    this.cat = undefined;
    this.cells = null;
    this.rawDone = false;
    this.averaged = undefined;
    this.added = undefined;
    this.yearsDone = false;
    this.years = undefined;
  }
}

const CATEGORY_CODES: readonly (Category | undefined)[] = [undefined, ...rs.categories.map((l) => l.category)];

/**
 * The calc of the row the row checks are on (one object, reused: the checks of a row run one
 * after the other), and what the rank check needs of every row kept compactly by sheet row index
 * (category and averaged total, in typed arrays rather than an object per row that would outlive
 * the young generation). One sheet at a time; released by the sheet's last check.
 */
class SheetCalcs {
  readonly current = new RowCalc();
  /** 0 = not computed, else 1 + index into CATEGORY_CODES */
  catCode = new Uint8Array(0);
  /** 0 = not computed, 1 = averaged total in `averaged`, 2 = no total */
  rawState = new Uint8Array(0);
  averaged = new Float64Array(0);
  constructor(readonly ctx: CheckContext) {}

  grow(r: number): void {
    if (r < this.catCode.length) return;
    const n = Math.max(r + 1, this.catCode.length * 2, 1024);
    const cat = new Uint8Array(n);
    cat.set(this.catCode);
    const state = new Uint8Array(n);
    state.set(this.rawState);
    const avg = new Float64Array(n);
    avg.set(this.averaged);
    this.catCode = cat;
    this.rawState = state;
    this.averaged = avg;
  }

  /** Keeps the row's category and averaged total once they are known. */
  keep(c: RowCalc): void {
    const r = c.row!.r;
    this.grow(r);
    if (c.catDone) this.catCode[r] = 1 + CATEGORY_CODES.indexOf(c.cat);
    if (c.rawDone) {
      if (c.averaged === undefined) this.rawState[r] = 2;
      else {
        this.rawState[r] = 1;
        this.averaged[r] = c.averaged;
      }
    }
  }
}

let sheetCalcs: SheetCalcs | null = null;

function calcOf(row: TableRow, ctx: CheckContext): RowCalc {
  let sc = sheetCalcs;
  if (sc === null || sc.ctx !== ctx) sheetCalcs = sc = new SheetCalcs(ctx);
  const c = sc.current;
  if (c.row !== row) {
    if (c.row !== null) sc.keep(c); // the previous row's checks are done
    c.reset(row);
    // a row seen before (the rank check walks every row again): what was kept of it
    const r = row.r;
    if (r < sc.catCode.length) {
      const code = sc.catCode[r];
      if (code !== 0) {
        c.catDone = true;
        c.cat = CATEGORY_CODES[code - 1];
      }
      const state = sc.rawState[r];
      if (state !== 0) {
        c.rawDone = true;
        c.averaged = state === 1 ? sc.averaged[r] : undefined;
        // `added` is not kept: only the row checks (annual-average) ask for it, on the row's first visit
      }
    }
  }
  return c;
}

function releaseCalcs(): void {
  sheetCalcs = null;
}

/** The raw cells of section SECTION_KEYS[k] (one per annual sub-column). */
function sectionCells(c: RowCalc, k: number): CellValue[] {
  let cells = c.cells;
  if (cells === null) {
    cells = new Array(SECTION_KEYS.length);
    for (let i = 0; i < SECTION_KEYS.length; i++) cells[i] = c.row!.getAll(SECTION_KEYS[i]);
    c.cells = cells;
  }
  return cells[k];
}

/**
 * Each section's maximum per category (PET-7, the sum of its items' points, from the ruleset via
 * sectionMax), in SECTION_KEYS order: the per-value test below is checkSection's own (a score
 * below 0 or above the maximum), without a lookup per cell.
 */
const MAXIMA: ReadonlyMap<Category, readonly number[]> = new Map(
  rs.categories.map((l) => [l.category, SECTION_KEYS.map((key) => sectionMax(l.category, key))] as const),
);
const outOfSection = (max: number, v: number) => v < 0 || v > max;

/**
 * The row's category, read without a finding of its own: the `category` check owns reporting a
 * bad or blank category, so the other checks just skip such a row.
 */
function categoryOfRow(row: TableRow, ctx: CheckContext): Category | undefined {
  const c = calcOf(row, ctx);
  if (!c.catDone) {
    try {
      c.cat = category(row.get("category"), "类别");
    } catch {
      c.cat = undefined;
    }
    c.catDone = true;
  }
  return c.cat;
}

/** The typed scores of a section: one per (annual) column, blanks after the first left out. */
function sectionValues(row: TableRow, key: SectionKey, ctx: CheckContext): { values: number[]; ok: boolean } {
  const raw = sectionCells(calcOf(row, ctx), SECTION_KEYS.indexOf(key));
  const values: number[] = [];
  let ok = true;
  for (let index = 0; index < raw.length; index++) {
    if (index > 0 && isBlank(raw[index])) continue; // a second year not yet scored
    const n = ctx.value(row, key, num, sectionOpts(index));
    if (n === undefined) ok = false;
    else values.push(n);
  }
  return { values, ok: ok && values.length > 0 };
}

/**
 * The raw total recomputed from the row's sections (PET-5 averages, PET-7 maxima), or undefined
 * when a section is unreadable or above its maximum (reported by their own checks). `sumYears`:
 * the annual scores of 四/五 added instead of averaged.
 */
function recomputedRaw(row: TableRow, cat: Category, ctx: CheckContext, sumYears = false): number | undefined {
  const c = calcOf(row, ctx);
  if (!c.rawDone) {
    computeRaw(c, row, cat, ctx);
    c.rawDone = true;
  }
  return sumYears ? c.added : c.averaged;
}

/**
 * One pass over the six sections: every annual cell read (as sectionValues does), the section
 * given up at the first unreadable one; each score within the category's maximum (checkSection);
 * at most yearsAveraged annual scores, averaged (averageYears: the sum from 0 in column order,
 * divided by their number). Both totals from the same averages.
 */
function computeRaw(c: RowCalc, row: TableRow, cat: Category, ctx: CheckContext): void {
  const maxima = MAXIMA.get(cat);
  if (maxima === undefined) return computeRawSlow(c, row, cat, ctx);
  const most = rs.yearsAveraged.value;
  let averaged = 0;
  let added = 0;
  for (let k = 0; k < SECTION_KEYS.length; k++) {
    const key = SECTION_KEYS[k];
    const raw = sectionCells(c, k);
    let ok = true;
    let count = 0;
    let sum = 0;
    let inRange = true;
    for (let index = 0; index < raw.length; index++) {
      if (index > 0 && isBlank(raw[index])) continue; // a second year not yet scored
      const n = ctx.value(row, key, num, sectionOpts(index));
      if (n === undefined) ok = false;
      else {
        count++;
        sum += n;
        if (outOfSection(maxima[k], n)) inRange = false;
      }
    }
    if (!ok || count === 0 || !inRange || count > most) return;
    const avg = sum / count;
    averaged += avg;
    added += avg * count;
  }
  c.averaged = averaged;
  c.added = added;
}

/** The same through the compute functions, for a category the ruleset lists no maxima for. */
function computeRawSlow(c: RowCalc, row: TableRow, cat: Category, ctx: CheckContext): void {
  let averaged = 0;
  let added = 0;
  for (const key of SECTION_KEYS) {
    const { values, ok } = sectionValues(row, key, ctx);
    if (!ok) return;
    try {
      for (const v of values) checkSection(cat, key, v);
      const avg = averageYears(values, sectionOf(key).name);
      averaged += avg;
      added += avg * values.length;
    } catch (e) {
      if (e instanceof InputError) return;
      throw e;
    }
  }
  c.averaged = averaged;
  c.added = added;
}

const categoryCheck: Check = {
  id: "category",
  ...from(rs.categories[0].count),
  severity: "error",
  description: "考核类别为 A、B 或 C 类",
  row(row, ctx) {
    const raw = row.get("category");
    const c = calcOf(row, ctx);
    if (isBlank(raw)) {
      ctx.value(row, "category", toCategory, REQUIRED); // the catalogue's “不能为空”
      c.cat = undefined; // what categoryOfRow reads for a blank category
      c.catDone = true;
      return;
    }
    try {
      c.cat = category(raw, "类别");
      c.catDone = true;
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      c.cat = undefined;
      c.catDone = true;
      ctx.report({ row, key: "category", actual: normText(raw), message: e.message });
    }
  },
};

const unitCategory: Check = {
  id: "unit-category",
  ...from(rs.categories[0].count),
  severity: "error",
  description: "单位的考核类别与办法一所列分类一致(未列入的单位提示)",
  row(row, ctx) {
    const unit = ctx.value(row, "unit", toText, REQUIRED);
    const cat = categoryOfRow(row, ctx);
    if (unit === undefined || cat === undefined) return;
    const listed = categoryOf(unit);
    if (listed === undefined) {
      ctx.report({
        row, key: "unit", severity: "info", actual: unit,
        message: `“${unit}”不在办法一所列A、B、C类单位中(信访工作量小的单位不列入考核范围),请核对分类`,
      });
    } else if (listed !== cat) {
      ctx.report({
        row, key: "category", expected: listed, actual: cat,
        message: `“${unit}”在办法一中列为${listed}类,填报为${cat}类`,
      });
    }
  },
};

const sectionMaxCheck: Check = {
  id: "section-max",
  rule: rs.items[0].points.rule,
  clause: cite("二"),
  severity: "error",
  description: "各项得分不超过本类考核项目的满分(C类不考核的项目不得分)",
  row(row, ctx) {
    const cat = categoryOfRow(row, ctx);
    if (cat === undefined) return;
    const c = calcOf(row, ctx);
    const maxima = MAXIMA.get(cat);
    for (let k = 0; k < SECTION_KEYS.length; k++) {
      const key = SECTION_KEYS[k];
      const raw = sectionCells(c, k);
      for (let index = 0; index < raw.length; index++) {
        if (isBlank(raw[index])) continue;
        const n = ctx.value(row, key, num, indexOpts(index));
        if (n === undefined) continue;
        if (maxima !== undefined && !outOfSection(maxima[k], n)) continue; // within the maximum: checkSection passes
        try {
          checkSection(cat, key, n);
        } catch (e) {
          if (!(e instanceof InputError)) throw e;
          const s = sectionOf(key);
          ctx.report({
            row, key, index, expected: sectionMax(cat, key), actual: n,
            message: `${cat}类“${s.name}”满分${sectionMax(cat, key)}分,填报${n}分`,
          });
        }
      }
    }
  },
};

const majorIncident: Check = {
  id: "major-incident",
  ...from(rs.collective.majorIncidentScore),
  severity: "error",
  description: "发生重大恶性事件的单位,集体上访和疑难个访一项为0分(并取消评选先进资格)",
  row(row, ctx) {
    if (!row.has("major")) return;
    const major = ctx.value(row, "major", yesNo);
    if (!major) return;
    const { values, ok } = sectionValues(row, "collective", ctx);
    if (!ok) return;
    const zero = rs.collective.majorIncidentScore.value;
    // the year of the incident scores 0 (二(四)1); with two annual columns, one of them
    if (!values.some((v) => v === zero)) {
      ctx.report({
        row, key: "collective", expected: zero, actual: values[0],
        message: `发生重大恶性事件,“集体上访和疑难个访”应扣除全部得分(${zero}分),填报${values.join("、")}分`,
      });
      // the flag and the score contradict each other: the supervisor must see both cells
      ctx.report({
        row, key: "major",
        message: `已填“发生重大恶性事件”,但“集体上访和疑难个访”仍有${values.join("、")}分:核实事件或将该项改为${zero}分`,
      });
    }
  },
};

/**
 * Whether the typed 合计 is the total with the two years added instead of averaged (PET-5): the
 * averaged total when so. `typed` is the row's 合计 as ctx.value reads it (the same on every call),
 * so the answer is kept per row.
 */
function yearsAdded(row: TableRow, cat: Category, typed: number, ctx: CheckContext): number | undefined {
  const c = calcOf(row, ctx);
  if (!c.yearsDone) {
    c.years = computeYearsAdded(row, cat, typed, ctx);
    c.yearsDone = true;
  }
  return c.years;
}

/** More than one non-blank annual column in 四 or 五. */
function hasTwoYears(row: TableRow, ctx: CheckContext): boolean {
  const c = calcOf(row, ctx);
  for (const key of YEARLY_KEYS) {
    const raw = sectionCells(c, SECTION_KEYS.indexOf(key));
    let filled = 0;
    for (let i = 0; i < raw.length; i++) if (!isBlank(raw[i])) filled++;
    if (filled > 1) return true;
  }
  return false;
}

function computeYearsAdded(row: TableRow, cat: Category, typed: number, ctx: CheckContext): number | undefined {
  if (!hasTwoYears(row, ctx)) return undefined;
  const averaged = recomputedRaw(row, cat, ctx);
  const added = recomputedRaw(row, cat, ctx, true);
  if (averaged === undefined || added === undefined) return undefined;
  const raw = row.get("total");
  return agreesTyped(raw, typed, added) && !agreesTyped(raw, typed, averaged) ? averaged : undefined;
}

const annualAverage: Check = {
  id: "annual-average",
  ...from(rs.yearsAveraged),
  severity: "error",
  description: `第四、五项按年评定,合计取${rs.yearsAveraged.value}年的平均值(不是两年之和)`,
  row(row, ctx) {
    if (!row.has("total")) return;
    const cat = categoryOfRow(row, ctx);
    const typed = ctx.value(row, "total", num);
    if (cat === undefined || typed === undefined) return;
    const averaged = yearsAdded(row, cat, typed, ctx);
    if (averaged === undefined) return;
    ctx.report({
      row, key: "total", expected: roundedAs(row.get("total"), averaged), actual: typed,
      message: `合计把第四、五项两年得分相加了;应取两年平均值,合计为${roundedAs(row.get("total"), averaged)}分,填报${typed}分`,
    });
  },
};

const totalCheck: Check = {
  id: "total",
  ...from(rs.statedFullMarks.A),
  severity: "error",
  description: "合计等于一至六项得分之和(第四、五项取两年平均值)",
  row(row, ctx) {
    if (!row.has("total")) return;
    const cat = categoryOfRow(row, ctx);
    const typed = ctx.value(row, "total", num);
    if (cat === undefined || typed === undefined) return;
    const raw = recomputedRaw(row, cat, ctx);
    if (raw === undefined || yearsAdded(row, cat, typed, ctx) !== undefined) return; // annual-average says it
    if (!agreesTyped(row.get("total"), typed, raw)) {
      ctx.report({
        row, key: "total", expected: roundedAs(row.get("total"), raw), actual: typed,
        message: `合计应为${roundedAs(row.get("total"), raw)}分(一至六项之和,第四、五项取两年平均值),填报${typed}分`,
      });
    }
  },
};

const percentCheck: Check = {
  id: "percent",
  ...from(rs.statedFullMarks.A),
  severity: "error",
  description: `百分制得分 = 合计 ÷ 本类满分 × ${rs.percentScale.value}`,
  row(row, ctx) {
    if (!row.has("percent")) return;
    const cat = categoryOfRow(row, ctx);
    const typed = ctx.value(row, "percent", num);
    if (cat === undefined || typed === undefined) return;
    const raw = recomputedRaw(row, cat, ctx);
    if (raw === undefined) return;
    const pct = toPercent(cat, raw, rs.basis.value);
    if (!agreesTyped(row.get("percent"), typed, pct)) {
      const full = fullMark(cat, rs.basis.value);
      ctx.report({
        row, key: "percent", expected: roundedAs(row.get("percent"), pct), actual: typed,
        message: `${cat}类满分${full}分,合计${raw}分折算百分制应为${roundedAs(row.get("percent"), pct)},填报${typed}`,
      });
    }
  },
};

const cOver80: Check = {
  id: "c-over-stated",
  rule: rs.basis.rule,
  clause: cite(rs.statedFullMarks.C.clause),
  severity: "warning",
  description: `C类原始得分超过规定满分${rs.statedFullMarks.C.value}分(源文件C类项目合计为${fullMark("C", "items")}分,自相矛盾)`,
  row(row, ctx) {
    const cat = categoryOfRow(row, ctx);
    if (cat === undefined) return;
    const raw = recomputedRaw(row, cat, ctx);
    const stated = fullMark(cat, "stated");
    if (raw === undefined || raw <= stated) return;
    ctx.report({
      row, key: row.has("total") ? "total" : "innovation", expected: stated, actual: raw,
      message: `${cat}类原始得分${raw}分超过办法三(四)规定的满分${stated}分:办法二所列${cat}类项目合计为${fullMark(cat, "items")}分,` +
        `二者矛盾;按${rs.basis.value === "stated" ? "规定满分" : "项目合计"}折算,请说明`,
    });
  },
};

const rankCheck: Check = {
  id: "rank",
  ...from(rs.statedFullMarks.A),
  severity: "error",
  description: "类内排名与各单位百分制得分分类排队一致(同分同名次)",
  sheet(table, ctx) {
    if (!table.rows.some((r) => r.has("rank"))) return;
    const entries: { row: TableRow; category: Category; score: number }[] = [];
    const unscored = new Set<Category>();
    for (const row of table.rows) {
      const cat = categoryOfRow(row, ctx);
      if (cat === undefined) continue; // not in any category: the category check reports it
      const raw = recomputedRaw(row, cat, ctx);
      // a row that cannot be recomputed is ranked on its typed 百分制得分; without one, its category is not ranked
      const score = raw !== undefined ? toPercent(cat, raw, rs.basis.value)
        : row.has("percent") ? ctx.value(row, "percent", num) : undefined;
      if (score === undefined) unscored.add(cat);
      else entries.push({ row, category: cat, score });
    }
    const ranked = entries.filter((e) => !unscored.has(e.category));
    const ranks = rankWithinCategory(ranked);
    ranked.forEach((e, i) => {
      const typed = ctx.value(e.row, "rank", num);
      if (typed === undefined) return;
      if (typed !== ranks[i]) {
        ctx.report({
          row: e.row, key: "rank", expected: ranks[i], actual: typed,
          message: `${e.category}类内排名应为第${ranks[i]}名,填报第${typed}名`,
        });
      }
    });
  },
};

const duplicateUnit: Check = {
  id: "duplicate-unit",
  ...from(rs.categories[0].count),
  severity: "error",
  description: "同一单位只填一行",
  sheet(table, ctx) {
    releaseCalcs(); // the last check of the sheet: the rank check has used the row calcs
    const seen = new Map<string, TableRow>();
    for (const row of table.rows) {
      const unit = ctx.value(row, "unit", toText, REQUIRED);
      if (unit === undefined) continue;
      const k = normUnitName(unit);
      const first = seen.get(k);
      if (first) ctx.report({ row, key: "unit", actual: unit, message: `“${unit}”重复,与第${first.rowNumber}行相同` });
      else seen.set(k, row);
    }
  },
};

export const template: TemplateDef = {
  id: "petition",
  title: "信访工作目标管理考核评分表",
  document: PETITION_DOCUMENT,
  columns: [
    { key: "unit", name: "单位", aliases: ["单位名称", "被考核单位"], required: true },
    { key: "category", name: "类别", aliases: ["考核类别", "分类"], required: true },
    { key: "leadership", name: "信访领导工作", aliases: ["领导工作"], required: true },
    { key: "grassroots", name: "信访基层基础工作", aliases: ["基层基础工作", "信访基层、基础工作"], required: true },
    {
      key: "information", name: "信访信息调研宣传",
      aliases: ["信息调研宣传", "信访信息、信访调研和信访宣传工作"], required: true,
    },
    {
      key: "collective", name: "集体上访和疑难个访", aliases: ["集体上访和疑难个访处理工作"],
      required: true, multi: true,
    },
    { key: "cases", name: "信访立案件办理", aliases: ["立案件办理", "信访立案件办理工作"], required: true, multi: true },
    { key: "innovation", name: "改革与创新", aliases: ["信访工作改革与创新", "改革创新"], required: true },
    { key: "total", name: "合计", aliases: ["总分", "原始得分"] },
    { key: "percent", name: "百分制得分", aliases: ["折算得分", "百分制"] },
    { key: "rank", name: "类内排名", aliases: ["排名"] },
    { key: "major", name: "重大恶性事件" },
  ],
  checks: [
    categoryCheck, unitCategory, sectionMaxCheck, majorIncident, annualAverage, totalCheck, percentCheck, cOver80, rankCheck, duplicateUnit,
  ],
};
