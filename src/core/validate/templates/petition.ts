/**
 * petition — 信访工作目标管理考核评分表 (深办〔2003〕36号), templates.md. One row per assessed unit:
 * its category against the lists of 一, each section against the category's maximum (PET-7), the
 * annual columns of 四/五 averaged (PET-5), 合计 / 百分制得分 / 类内排名 recomputed (PET-6), the
 * major-incident rule (PET-2) and the C 80/82 contradiction. Every number comes from the petition
 * ruleset through its compute functions.
 */
import { isBlank, normText } from "../../input/coerce";
// the concrete modules, not the rules/petition barrel: its `export *` compiles to getters that
// hot per-row code would pay on every call (CommonJS output of govcheck)
import { type Category, type SectionKey, PETITION_DOCUMENT, petitionRules } from "../../rules/petition/data";
import { petitionRuleTable } from "../../rules/petition/ruleTable";
import { categoryOf, fullMark, normUnitName, rankWithinCategory, sectionMax, sectionOf, toPercent } from "../../rules/petition/compute";
import { agreesTyped, roundedAs } from "../agree";
import { type Check, type TableRow, type TemplateDef, rowValue } from "../template";

const rs = petitionRules;
const SECTION_KEYS: readonly SectionKey[] = rs.sections.map((s) => s.key);
/** The yearly sections (四, 五) whose two annual columns may be added instead of averaged (PET-5). */
const YEARLY_KEYS = ["collective", "cases"] as const;

/**
 * Each section's maximum per category (PET-7, the sum of its items' points, from the ruleset via
 * sectionMax), in SECTION_KEYS order.
 */
const MAXIMA: ReadonlyMap<Category, readonly number[]> = new Map(
  rs.categories.map((l) => [l.category, SECTION_KEYS.map((key) => sectionMax(l.category, key))] as const),
);
const outOfSection = (max: number, v: number) => v < 0 || v > max;

/**
 * The row's category, or undefined when blank or bad: the `category` check owns reporting it, so
 * the other checks just skip such a row.
 */
const categoryOfRow = rowValue("category", (row): Category | undefined => row.value<Category>("category"));

/** The typed scores of a section: one per (annual) column, blanks after the first left out. */
function sectionValues(row: TableRow, key: SectionKey): { values: number[]; ok: boolean } {
  const n = row.count(key);
  const values: number[] = [];
  let ok = true;
  for (let index = 0; index < n; index++) {
    if (index > 0 && isBlank(row.get(key, index))) continue; // a second year not yet scored
    const v = row.value(key, index);
    if (v === undefined) ok = false;
    else values.push(v);
  }
  return { values, ok: ok && values.length > 0 };
}

/**
 * The raw total recomputed from the row's sections (PET-5 averages, PET-7 maxima), with 四/五
 * averaged over their annual columns, or (`added`) with the years added; undefined when a section
 * is unreadable or above its maximum (reported by their own checks). One pass, the sections in
 * order, given up at the first unreadable one; what sectionValues reads, without its arrays (it
 * runs on every row).
 */
function sectionSum(row: TableRow, maxima: readonly number[], added: boolean): number | undefined {
  const most = rs.yearsAveraged.value;
  let total = 0;
  for (let k = 0; k < SECTION_KEYS.length; k++) {
    const key = SECTION_KEYS[k];
    const n = row.count(key);
    let sum = 0; // averageYears: the sum from 0 in column order, divided by their number
    let count = 0;
    for (let index = 0; index < n; index++) {
      if (index > 0 && isBlank(row.get(key, index))) continue; // a second year not yet scored
      const v = row.value(key, index);
      if (v === undefined) return undefined;
      if (++count > most || outOfSection(maxima[k], v)) return undefined;
      sum += v;
    }
    if (count === 0) return undefined;
    const avg = sum / count;
    total += added ? avg * count : avg;
  }
  return total;
}

/**
 * The raw total recomputed from the row's sections, 四/五 averaged (sectionSum); undefined when
 * the category is unknown or a section is unreadable or above its maximum.
 */
const rawTotal = rowValue("raw", (row, ctx): number | undefined => {
  const cat = ctx.derive(row, categoryOfRow);
  const maxima = cat === undefined ? undefined : MAXIMA.get(cat);
  return maxima === undefined ? undefined : sectionSum(row, maxima, false);
});

/** More than one non-blank annual column in 四 or 五. */
function hasTwoYears(row: TableRow): boolean {
  for (const key of YEARLY_KEYS) {
    const n = row.count(key);
    let filled = 0;
    for (let index = 0; index < n; index++) if (!isBlank(row.get(key, index))) filled++;
    if (filled > 1) return true;
  }
  return false;
}

/** Whether the typed 合计 agrees with rawTotal; undefined when either is unknown. */
const totalAgrees = rowValue("totalAgrees", (row, ctx): boolean | undefined => {
  const typed = row.value("total");
  const raw = ctx.derive(row, rawTotal);
  return typed === undefined || raw === undefined ? undefined : agreesTyped(row.get("total"), typed, raw);
});

/**
 * The averaged total when the typed 合计 is the total with the two years of 四/五 added instead of
 * averaged (PET-5); undefined otherwise. A 合计 that agrees with the averaged total is not one
 * (asked first: the years added are summed only for a 合计 that disagrees).
 */
const yearsAdded = rowValue("yearsAdded", (row, ctx): number | undefined => {
  if (ctx.derive(row, totalAgrees) !== false || !hasTwoYears(row)) return undefined;
  // 合计 and rawTotal are known, so is the category, and the same sections add up
  const added = sectionSum(row, MAXIMA.get(ctx.derive(row, categoryOfRow)!)!, true)!;
  return agreesTyped(row.get("total"), row.value("total")!, added) ? ctx.derive(row, rawTotal) : undefined;
});

const categoryCheck: Check = {
  id: "category",
  rule: rs.categories[0].count.rule,
  clause: rs.categories[0].count.clause,
  severity: "error",
  description: "考核类别为 A、B 或 C 类",
  messages: ["notCategory"],
  row(row, ctx) {
    row.value("category"); // blank: the input catalogue's “不能为空” (INPUT)
    const e = row.problem("category");
    if (e) ctx.report({ row, key: "category", actual: normText(row.get("category")), messageId: "notCategory", data: { detail: e.message } });
  },
};

const unitCategory: Check = {
  id: "unit-category",
  rule: rs.categories[0].count.rule,
  clause: rs.categories[0].count.clause,
  severity: "error",
  description: "单位的考核类别与办法一所列分类一致（未列入的单位提示）",
  messages: ["unlisted", "otherCategory"],
  row(row, ctx) {
    const unit = row.value<string>("unit");
    const cat = ctx.derive(row, categoryOfRow);
    if (unit === undefined || cat === undefined) return;
    const listed = categoryOf(unit);
    if (listed === undefined) {
      ctx.report({
        row, key: "unit", severity: "info", actual: unit, messageId: "unlisted", data: { unit },
      });
    } else if (listed !== cat) {
      ctx.report({
        row, key: "category", expected: listed, actual: cat, messageId: "otherCategory", data: { unit, listed, category: cat },
      });
    }
  },
};

const sectionMaxCheck: Check = {
  id: "section-max",
  rule: rs.items[0].points.rule,
  severity: "error",
  description: "各项得分不超过本类考核项目的满分（C类不考核的项目不得分）",
  messages: ["aboveMax"],
  row(row, ctx) {
    const cat = ctx.derive(row, categoryOfRow);
    const maxima = cat === undefined ? undefined : MAXIMA.get(cat);
    if (maxima === undefined) return;
    for (let k = 0; k < SECTION_KEYS.length; k++) {
      const key = SECTION_KEYS[k];
      const n = row.count(key);
      for (let index = 0; index < n; index++) {
        if (isBlank(row.get(key, index))) continue;
        const n = row.value(key, index);
        if (n === undefined || !outOfSection(maxima[k], n)) continue;
        ctx.report({
          row, key, index, expected: maxima[k], actual: n,
          messageId: "aboveMax", data: { category: cat!, section: sectionOf(key).name, max: maxima[k], value: n },
        });
      }
    }
  },
};

const majorIncident: Check = {
  id: "major-incident",
  rule: rs.collective.majorIncidentScore.rule,
  severity: "error",
  description: "发生重大恶性事件的单位，集体上访和疑难个访一项为0分（并取消评选先进资格）",
  messages: ["notZero", "flagged"],
  row(row, ctx) {
    if (!row.value<boolean>("major")) return;
    const { values, ok } = sectionValues(row, "collective");
    if (!ok) return;
    const zero = rs.collective.majorIncidentScore.value;
    // the year of the incident scores 0 (二(四)1); with two annual columns, one of them
    if (!values.some((v) => v === zero)) {
      ctx.report({
        row, key: "collective", expected: zero, actual: values[0], messageId: "notZero", data: { zero, values: values.join("、") },
      });
      // the flag and the score contradict each other: the supervisor must see both cells
      ctx.report({ row, key: "major", messageId: "flagged", data: { zero, values: values.join("、") } });
    }
  },
};

const annualAverage: Check = {
  id: "annual-average",
  rule: rs.yearsAveraged.rule,
  severity: "error",
  description: `第四、五项按年评定，合计取${rs.yearsAveraged.value}年的平均值（不是两年之和）`,
  messages: ["yearsAdded"],
  row(row, ctx) {
    const typed = row.value("total");
    if (ctx.derive(row, categoryOfRow) === undefined || typed === undefined) return;
    const averaged = ctx.derive(row, yearsAdded);
    if (averaged === undefined) return;
    const expected = roundedAs(row.get("total"), averaged);
    ctx.report({ row, key: "total", expected, actual: typed, messageId: "yearsAdded", data: { expected, typed } });
  },
};

const totalCheck: Check = {
  id: "total",
  rule: "PET-6",
  severity: "error",
  description: "合计等于一至六项得分之和（第四、五项取两年平均值）",
  messages: ["wrongTotal"],
  row(row, ctx) {
    const typed = row.value("total");
    if (ctx.derive(row, categoryOfRow) === undefined || typed === undefined) return;
    const raw = ctx.derive(row, rawTotal);
    if (raw === undefined || ctx.derive(row, yearsAdded) !== undefined) return; // annual-average says it
    if (!ctx.derive(row, totalAgrees)) {
      const expected = roundedAs(row.get("total"), raw);
      ctx.report({ row, key: "total", expected, actual: typed, messageId: "wrongTotal", data: { expected, typed } });
    }
  },
};

const percentCheck: Check = {
  id: "percent",
  rule: "PET-6",
  severity: "error",
  description: `百分制得分 = 合计 ÷ 本类满分 × ${rs.percentScale.value}`,
  messages: ["wrongPercent"],
  row(row, ctx) {
    const cat = ctx.derive(row, categoryOfRow);
    const typed = row.value("percent");
    if (cat === undefined || typed === undefined) return;
    const raw = ctx.derive(row, rawTotal);
    if (raw === undefined) return;
    const pct = toPercent(cat, raw, rs.basis.value);
    if (!agreesTyped(row.get("percent"), typed, pct)) {
      const expected = roundedAs(row.get("percent"), pct);
      ctx.report({
        row, key: "percent", expected, actual: typed, messageId: "wrongPercent",
        data: { category: cat, full: fullMark(cat, rs.basis.value), raw, expected, typed },
      });
    }
  },
};

const cOver80: Check = {
  id: "c-over-stated",
  rule: rs.basis.rule,
  severity: "warning",
  description: `C类原始得分超过规定满分${rs.statedFullMarks.C.value}分（源文件C类项目合计为${fullMark("C", "items")}分，自相矛盾）`,
  messages: ["statedBasis", "itemsBasis"],
  row(row, ctx) {
    const cat = ctx.derive(row, categoryOfRow);
    if (cat === undefined) return;
    const raw = ctx.derive(row, rawTotal);
    const stated = fullMark(cat, "stated");
    if (raw === undefined || raw <= stated) return;
    ctx.report({
      row, key: row.has("total") ? "total" : "innovation", expected: stated, actual: raw,
      messageId: rs.basis.value === "stated" ? "statedBasis" : "itemsBasis",
      data: { category: cat, raw, stated, items: fullMark(cat, "items") },
    });
  },
};

const rankCheck: Check = {
  id: "rank",
  rule: "PET-6",
  severity: "error",
  description: "类内排名与各单位百分制得分分类排队一致（同分同名次）",
  messages: ["wrongRank"],
  sheet(table, ctx) {
    if (!table.rows.some((r) => r.has("rank"))) return;
    const entries: { row: TableRow; category: Category; score: number }[] = [];
    const unscored = new Set<Category>();
    for (const row of table.rows) {
      const cat = ctx.derive(row, categoryOfRow);
      if (cat === undefined) continue; // not in any category: the category check reports it
      const raw = ctx.derive(row, rawTotal);
      // a row that cannot be recomputed is ranked on its typed 百分制得分; without one, its category is not ranked
      const score = raw !== undefined ? toPercent(cat, raw, rs.basis.value) : row.value("percent");
      if (score === undefined) unscored.add(cat);
      else entries.push({ row, category: cat, score });
    }
    const ranked = entries.filter((e) => !unscored.has(e.category));
    const ranks = rankWithinCategory(ranked);
    ranked.forEach((e, i) => {
      const typed = e.row.value("rank");
      if (typed === undefined) return;
      if (typed !== ranks[i]) {
        ctx.report({
          row: e.row, key: "rank", expected: ranks[i], actual: typed, messageId: "wrongRank", data: { category: e.category, expected: ranks[i], typed },
        });
      }
    });
  },
};

const duplicateUnit: Check = {
  id: "duplicate-unit",
  rule: rs.categories[0].count.rule,
  clause: rs.categories[0].count.clause,
  severity: "error",
  description: "同一单位只填一行",
  messages: ["duplicate"],
  sheet(table, ctx) {
    const seen = new Map<string, TableRow>();
    for (const row of table.rows) {
      const unit = row.value<string>("unit");
      if (unit === undefined) continue;
      const k = normUnitName(unit);
      const first = seen.get(k);
      if (first) ctx.report({ row, key: "unit", actual: unit, messageId: "duplicate", data: { unit, first: first.rowNumber } });
      else seen.set(k, row);
    }
  },
};

/** A section score: a non-negative number, the first (annual) column needed. */
const SECTION = { cell: { type: "number", min: 0 }, needed: true } as const;
const SCORE = { type: "number", min: 0 } as const;

export const template = {
  id: "petition",
  who: ["unit"],
  title: "信访工作目标管理考核评分表",
  document: PETITION_DOCUMENT,
  rules: petitionRuleTable,
  columns: [
    { key: "unit", name: "单位", aliases: ["单位名称", "被考核单位"], required: true, cell: { type: "text" }, needed: true },
    {
      key: "category", name: "类别", aliases: ["考核类别", "分类"], required: true,
      cell: { type: "category" }, needed: true, errorsToCheck: true,
    },
    { key: "leadership", name: "信访领导工作", aliases: ["领导工作"], required: true, ...SECTION },
    { key: "grassroots", name: "信访基层基础工作", aliases: ["基层基础工作", "信访基层、基础工作"], required: true, ...SECTION },
    {
      key: "information", name: "信访信息调研宣传",
      aliases: ["信息调研宣传", "信访信息、信访调研和信访宣传工作"], required: true, ...SECTION,
    },
    {
      key: "collective", name: "集体上访和疑难个访", aliases: ["集体上访和疑难个访处理工作"],
      required: true, multi: true, ...SECTION,
    },
    { key: "cases", name: "信访立案件办理", aliases: ["立案件办理", "信访立案件办理工作"], required: true, multi: true, ...SECTION },
    { key: "innovation", name: "改革与创新", aliases: ["信访工作改革与创新", "改革创新"], required: true, ...SECTION },
    { key: "total", name: "合计", aliases: ["总分", "原始得分"], cell: SCORE },
    { key: "percent", name: "百分制得分", aliases: ["折算得分", "百分制"], cell: SCORE },
    { key: "rank", name: "类内排名", aliases: ["排名"], cell: SCORE },
    { key: "major", name: "重大恶性事件", cell: { type: "yesno" } },
  ],
  checks: [
    categoryCheck, unitCategory, sectionMaxCheck, majorIncident, annualAverage, totalCheck, percentCheck, cOver80, rankCheck, duplicateUnit,
  ],
} as const satisfies TemplateDef;
