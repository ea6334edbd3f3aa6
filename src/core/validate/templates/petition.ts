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
import { type Cause, type Check, type CheckContext, type Table, type TableRow, type TemplateDef, rowValue } from "../template";

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

/** The category the lists of 一 put the row's unit in (undefined: unlisted or no unit), looked up once per row. */
const listedIn = rowValue("listedIn", (row): Category | undefined => {
  const unit = row.value<string>("unit");
  return unit === undefined ? undefined : categoryOf(unit);
});

/**
 * The category the lists of 一 put the row's unit in, when the sheet files it under another one
 * (unit-category reports that at 类别); undefined otherwise. What else on the row is wrong only
 * because of it (section maxima, 百分制, C-over-stated, ranks) follows from that finding.
 */
const listedOther = rowValue("listedOther", (row, ctx): Category | undefined => {
  const unit = row.value<string>("unit");
  const cat = ctx.derive(row, categoryOfRow);
  if (unit === undefined || cat === undefined) return undefined;
  const listed = ctx.derive(row, listedIn);
  return listed !== undefined && listed !== cat ? listed : undefined;
});

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
    // problem() reads the cell as value() does: a blank is the input catalogue's “不能为空” (INPUT)
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
    const listed = ctx.derive(row, listedOther);
    if (listed !== undefined) {
      ctx.report({
        row, key: "category", expected: listed, actual: cat, messageId: "otherCategory", data: { unit, listed, category: cat },
      });
    } else if (ctx.derive(row, listedIn) === undefined) {
      ctx.report({
        row, key: "unit", severity: "info", actual: unit, messageId: "unlisted", data: { unit },
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
  followsFrom: ["unit-category"],
  row(row, ctx) {
    const cat = ctx.derive(row, categoryOfRow);
    const maxima = cat === undefined ? undefined : MAXIMA.get(cat);
    if (maxima === undefined) return;
    const listed = ctx.derive(row, listedOther);
    const listedMaxima = listed === undefined ? undefined : MAXIMA.get(listed);
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
          // within the maximum of the category the unit is listed in: wrong only through 类别
          causedBy: listedMaxima !== undefined && !outOfSection(listedMaxima[k], n) ? { row, key: "category" } : undefined,
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
  followsFrom: ["major-incident"],
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
      // one contradiction, counted once: the flag's finding is folded under the score's
      ctx.report({ row, key: "major", messageId: "flagged", data: { zero, values: values.join("、") }, causedBy: { row, key: "collective" } });
    }
  },
};

const annualAverage: Check = {
  id: "annual-average",
  recomputes: true,
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
  recomputes: true,
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

/**
 * Why a typed 百分制 that disagrees may be wrong only through another finding of its row: it is
 * the right score of the category the unit is listed in (类别 wrong), or the sheet's own 合计
 * (wrong) put on the scale. Undefined when it is wrong on its own.
 */
function percentCause(row: TableRow, ctx: CheckContext, typed: number): Cause | undefined {
  const listed = ctx.derive(row, listedOther);
  if (listed !== undefined) {
    const raw = sectionSum(row, MAXIMA.get(listed)!, false);
    if (raw !== undefined && agreesTyped(row.get("percent"), typed, toPercent(listed, raw, rs.basis.value))) return { row, key: "category" };
  }
  const cat = ctx.derive(row, categoryOfRow)!;
  const total = row.value("total");
  if (total !== undefined && ctx.derive(row, totalAgrees) === false &&
    agreesTyped(row.get("percent"), typed, toPercent(cat, total, rs.basis.value))) return { row, key: "total" };
  return undefined;
}

const percentCheck: Check = {
  id: "percent",
  recomputes: true,
  rule: "PET-6",
  severity: "error",
  description: `百分制得分 = 合计 ÷ 本类满分 × ${rs.percentScale.value}`,
  messages: ["wrongPercent"],
  followsFrom: ["unit-category", "total", "annual-average"],
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
        causedBy: percentCause(row, ctx, typed),
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
  followsFrom: ["unit-category"],
  row(row, ctx) {
    const cat = ctx.derive(row, categoryOfRow);
    if (cat === undefined) return;
    const raw = ctx.derive(row, rawTotal);
    const stated = fullMark(cat, "stated");
    if (raw === undefined || raw <= stated) return;
    const listed = ctx.derive(row, listedOther);
    ctx.report({
      row, key: row.has("total") ? "total" : "innovation", expected: stated, actual: raw,
      messageId: rs.basis.value === "stated" ? "statedBasis" : "itemsBasis",
      data: { category: cat, raw, stated, items: fullMark(cat, "items") },
      causedBy: listed !== undefined && raw <= fullMark(listed, "stated") ? { row, key: "category" } : undefined,
    });
  },
};

interface RankEntry {
  row: TableRow;
  category: Category;
  score: number;
}

/** Ranks within category of the rows scored, leaving out every category with a row not scored. */
function rankScored(entries: readonly RankEntry[], unscored: ReadonlySet<Category>): Map<TableRow, number> {
  const ranked = entries.filter((e) => !unscored.has(e.category));
  const ranks = rankWithinCategory(ranked);
  const out = new Map<TableRow, number>();
  ranked.forEach((e, i) => out.set(e.row, ranks[i]));
  return out;
}

/**
 * The rows of a table ranked as the rules rank them (recomputed scores, typed categories) and in
 * two other readings, made when a typed rank disagrees, to tell a rank wrong on its own from one
 * that follows from another finding: `listed`, each misfiled unit in the category the lists of 一
 * put it in (its 类别 is the root); `sheet`, on the sheet's own 百分制 (or 合计 put on the scale),
 * wrong ones included (the wrong score is the root).
 */
function rankings(table: Table, ctx: CheckContext, reading: "rules" | "listed" | "sheet"): { ranks: Map<TableRow, number>; scores: Map<TableRow, number> } {
  const entries: RankEntry[] = [];
  const unscored = new Set<Category>();
  const scores = new Map<TableRow, number>();
  for (const row of table.rows) {
    const typedCat = ctx.derive(row, categoryOfRow);
    if (typedCat === undefined) continue; // not in any category: the category check reports it
    const listed = reading === "listed" ? ctx.derive(row, listedOther) : undefined;
    const cat = listed ?? typedCat;
    const raw = listed !== undefined ? sectionSum(row, MAXIMA.get(listed)!, false) : ctx.derive(row, rawTotal);
    // a row that cannot be recomputed is ranked on its typed 百分制得分; without one, its category is not ranked
    let score = raw !== undefined ? toPercent(cat, raw, rs.basis.value) : row.value("percent");
    if (reading === "sheet" && raw !== undefined) {
      const typedPct = row.value("percent");
      const typedTotal = row.value("total");
      if (typedPct !== undefined) score = typedPct;
      else if (typedTotal !== undefined) score = toPercent(cat, typedTotal, rs.basis.value);
    }
    if (score === undefined) unscored.add(cat);
    else {
      entries.push({ row, category: cat, score });
      scores.set(row, score);
    }
  }
  return { ranks: rankScored(entries, unscored), scores };
}

/** The cell holding a row's own score as the sheet gives it: 百分制得分, else 合计. */
const scoreKey = (row: TableRow) => (row.has("percent") && row.value("percent") !== undefined ? "percent" : "total");

const rankCheck: Check = {
  id: "rank",
  recomputes: true,
  acrossFiles: true,
  rule: "PET-6",
  severity: "error",
  description: "类内排名与各单位百分制得分分类排队一致（同分同名次）",
  messages: ["wrongRank"],
  followsFrom: ["unit-category", "percent", "total", "annual-average"],
  sheet(table, ctx) {
    if (!table.columns.has("rank")) return; // every row of a table has its columns
    const rules = rankings(table, ctx, "rules");
    let listed: Map<TableRow, number> | undefined;
    let sheet: ReturnType<typeof rankings> | undefined;
    // per category, the first misfiled unit filed under or listed in it, and the first row whose
    // own score is wrong: made once, on the first rank that needs them (no scan per row)
    let firstMisfiled: Map<Category, TableRow> | undefined;
    let firstWrong: Map<Category, TableRow> | undefined;
    const wrongScore = (m: TableRow) => {
      const a = sheet!.scores.get(m);
      const b = rules.scores.get(m);
      return a !== undefined && b !== undefined && Math.abs(a - b) > 1e-9;
    };
    for (const [row, rank] of rules.ranks) {
      const typed = row.value("rank");
      if (typed === undefined || typed === rank) continue;
      const cat = ctx.derive(row, categoryOfRow)!;
      let causedBy: Cause | undefined;
      // a unit filed under a category it is not listed in has no rank there at all: its 类别 is the root
      if (ctx.derive(row, listedOther) !== undefined) causedBy = { row, key: "category" };
      // the rank the clerk gave is right once the misfiled units are in their listed categories
      listed ??= rankings(table, ctx, "listed").ranks;
      if (causedBy === undefined && listed.get(row) === typed) {
        if (firstMisfiled === undefined) {
          firstMisfiled = new Map();
          for (const m of table.rows) {
            const l = ctx.derive(m, listedOther);
            if (l === undefined) continue;
            if (!firstMisfiled.has(l)) firstMisfiled.set(l, m);
            const c = ctx.derive(m, categoryOfRow)!;
            if (!firstMisfiled.has(c)) firstMisfiled.set(c, m);
          }
        }
        const misfiled = ctx.derive(row, listedOther) !== undefined ? row : firstMisfiled.get(cat);
        if (misfiled) causedBy = { row: misfiled, key: "category" };
      }
      // … or on the sheet's own scores: a wrong score of this row, or of one in its category
      if (causedBy === undefined) {
        sheet ??= rankings(table, ctx, "sheet");
        if (sheet.ranks.get(row) === typed) {
          if (firstWrong === undefined) {
            firstWrong = new Map();
            for (const m of table.rows) {
              const c = ctx.derive(m, categoryOfRow);
              if (c !== undefined && !firstWrong.has(c) && wrongScore(m)) firstWrong.set(c, m);
            }
          }
          const root = wrongScore(row) ? row : firstWrong.get(cat);
          if (root) causedBy = { row: root, key: scoreKey(root) };
        }
      }
      ctx.report({
        row, key: "rank", expected: rank, actual: typed, messageId: "wrongRank", data: { category: cat, expected: rank, typed }, causedBy,
      });
    }
  },
};

const duplicateUnit: Check = {
  id: "duplicate-unit",
  marksDuplicates: true,
  acrossFiles: true,
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
      if (first) ctx.report({ row, key: "unit", actual: unit, messageId: "duplicate", data: { unit, first: ctx.where(first, "unit", row) } });
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
