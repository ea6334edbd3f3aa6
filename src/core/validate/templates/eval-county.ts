/**
 * eval-county — 县市区绩效评估综合得分表 (娄办发〔2009〕19号), templates.md. One row per county-level
 * unit: components on the 0–1000 scale, bonus and deduction caps (EVAL-4/5), the composite and the
 * internal appraisal recomputed (EVAL-2/3), and the grades against the pass line, the veto and the
 * 30% quota with its conditions (EVAL-6/7). Every number comes from the eval ruleset through its
 * compute functions.
 */
import { isBlank, toNumber, toYesNo } from "../../input/coerce";
import { InputError } from "../../input/errors";
import { type Cite, citation, cites } from "../../rules/ruleset";
// the concrete modules, not the rules/eval barrel (its `export *` compiles to getters)
import { EVAL_DOCUMENT, evalRules } from "../../rules/eval/data";
import {
  type CountyUnit, type Grade, GRADES, advancedPlaces, componentMax, composite, eligibleForAdvanced,
  grade, internalScore, pickAdvanced, satisfactionFraction,
} from "../../rules/eval/compute";
import { toGrade } from "../../rules/eval/cells";
import type { Check, CheckContext, Table, TableRow, TemplateDef } from "../template";
import { agreesTyped, roundedAs } from "../agree";
import { memoByText } from "../engine";

const rs = evalRules;
const cite = (clause: string) => citation(EVAL_DOCUMENT, clause);
const from = (c: Cite) => cites(EVAL_DOCUMENT, c);
const num = (v: unknown, p: string) => toNumber(v, p);
const pct = (c: Cite & { value: number }) => `${Math.round(c.value * 100)}%`;
const satisfaction = (v: unknown, p: string) => satisfactionFraction(toNumber(v, p), p);
// 等次 holds four words: each distinct text is matched once
const typedGrade = memoByText(toGrade);
const yesNo = memoByText(toYesNo);
const REQUIRED = { required: true } as const;
const OPTIONAL = { required: false } as const;

/** The components of a row and the scale each is on (EVAL-1, Decision scale). */
const COMPONENTS: readonly { key: string; max: "indicator" | "appraisal" }[] = [
  { key: "indicator", max: "indicator" }, { key: "public", max: "appraisal" }, { key: "internal", max: "appraisal" },
  { key: "leaders", max: "appraisal" }, { key: "peers", max: "appraisal" },
];

/** A component read for computation: blank → undefined, out of range → undefined (its own check reports it). */
function component(row: TableRow, key: string, which: "indicator" | "appraisal", ctx: CheckContext, required = false): number | undefined {
  const v = ctx.value(row, key, num, required ? REQUIRED : OPTIONAL);
  if (v === undefined || v < 0 || v > componentMax(which)) return undefined;
  return v;
}

/**
 * What several checks of a row ask for — the recomputed composite and the unit's conditions —
 * computed when the first asks and reused by the others (one slot: the row checks of a row run
 * one after the other). Each is a pure function of the row's cells: the first computation reads
 * them through ctx.value as before (any INPUT finding comes from the same check, in the same
 * order); a second would read the same cells and report nothing new.
 */
const rowMemo = {
  ctx: null as CheckContext | null,
  row: null as TableRow | null,
  recDone: false,
  rec: undefined as number | undefined,
  unitDone: false,
  unit: undefined as CountyUnit | undefined,
};

function memoFor(row: TableRow, ctx: CheckContext): typeof rowMemo {
  const m = rowMemo;
  if (m.row !== row || m.ctx !== ctx) {
    m.ctx = ctx;
    m.row = row;
    m.recDone = false;
    m.rec = undefined;
    m.unitDone = false;
    m.unit = undefined;
  }
  return m;
}

function releaseRowMemo(): void {
  rowMemo.ctx = null;
  rowMemo.row = null;
  rowMemo.unit = undefined;
}

/** The composite recomputed from the row (EVAL-2/3), or undefined when its inputs are incomplete or bad. */
function recomputed(row: TableRow, ctx: CheckContext): number | undefined {
  const m = memoFor(row, ctx);
  if (!m.recDone) {
    m.rec = recompute(row, ctx);
    m.recDone = true;
  }
  return m.rec;
}

function recompute(row: TableRow, ctx: CheckContext): number | undefined {
  const indicator = component(row, "indicator", "indicator", ctx, true);
  const pub = component(row, "public", "appraisal", ctx, true);
  let internal: number | readonly [number, number] | undefined;
  if (row.has("internal") && !isBlank(row.get("internal"))) internal = component(row, "internal", "appraisal", ctx);
  else if (row.has("leaders") && row.has("peers")) {
    const l = component(row, "leaders", "appraisal", ctx, true);
    const p = component(row, "peers", "appraisal", ctx, true);
    if (l !== undefined && p !== undefined) internal = [l, p];
  } else ctx.value(row, "internal", num, REQUIRED);
  const bonus = row.has("bonus") ? ctx.value(row, "bonus", num) ?? 0 : 0;
  const deduction = row.has("deduction") ? ctx.value(row, "deduction", num) ?? 0 : 0;
  if (indicator === undefined || pub === undefined || internal === undefined || bonus < 0) return undefined;
  try {
    return composite({ indicator, publicAppraisal: pub, internal, bonus, deduction });
  } catch (e) {
    if (e instanceof InputError) return undefined;
    throw e;
  }
}

/** The composite the grade is judged on: recomputed when possible, else as typed. */
function judged(row: TableRow, ctx: CheckContext): number | undefined {
  return recomputed(row, ctx) ?? (row.has("composite") ? ctx.value(row, "composite", num) : undefined);
}

/** The unit's EVAL-7 conditions as the sheet gives them (a missing column is not checked). */
function unitOf(row: TableRow, ctx: CheckContext): CountyUnit | undefined {
  const m = memoFor(row, ctx);
  if (!m.unitDone) {
    const u = readUnit(row, ctx); // judged() in it uses the same slot: the same row
    m.unit = u;
    m.unitDone = true;
  }
  return m.unit;
}

function readUnit(row: TableRow, ctx: CheckContext): CountyUnit | undefined {
  const c = judged(row, ctx);
  if (c === undefined) return undefined;
  return {
    composite: c,
    veto: row.has("veto") ? ctx.value(row, "veto", yesNo) ?? false : false,
    satisfaction: row.has("satisfaction") ? ctx.value(row, "satisfaction", satisfaction) ?? null : undefined,
    targetsMet: row.has("targets") ? ctx.value(row, "targets", yesNo) ?? false : undefined,
    sanctioned: row.has("sanctioned") ? ctx.value(row, "sanctioned", yesNo) ?? false : false,
  };
}

const gradeOf = (row: TableRow, ctx: CheckContext): Grade | undefined =>
  row.has("grade") ? ctx.value(row, "grade", typedGrade) : undefined;

const componentRange: Check = {
  id: "component-range",
  ...from(rs.indicatorTotal),
  severity: "error",
  description: `指标考核、公众评议、内部评估得分均在0–${rs.indicatorTotal.value}分之间`,
  row(row, ctx) {
    for (const { key, max } of COMPONENTS) {
      if (!row.has(key)) continue;
      const v = ctx.value(row, key, num, { required: key === "indicator" || key === "public" });
      const hi = componentMax(max);
      if (v !== undefined && (v < 0 || v > hi)) {
        ctx.report({ row, key, expected: hi, actual: v, message: `${nameOf(key)}须在0–${hi}分之间,填报${v}` });
      }
    }
  },
};

const bonusCap: Check = {
  id: "bonus-cap",
  ...from(rs.bonus.cap),
  severity: "error",
  description: `累计加分不超过${rs.bonus.cap.value}分`,
  row(row, ctx) {
    if (!row.has("bonus")) return;
    const v = ctx.value(row, "bonus", num);
    if (v === undefined) return;
    if (v < 0) ctx.report({ row, key: "bonus", actual: v, message: `加分不能为负数,填报${v}(减分请填入“减分”列)` });
    else if (v > rs.bonus.cap.value) {
      ctx.report({ row, key: "bonus", expected: rs.bonus.cap.value, actual: v, message: `累计加分不超过${rs.bonus.cap.value}分,填报${v}分` });
    }
  },
};

const deductionCap: Check = {
  id: "deduction-cap",
  ...from(rs.deduction.cap),
  severity: "error",
  description: `累计扣分不超过${rs.deduction.cap.value}分`,
  row(row, ctx) {
    if (!row.has("deduction")) return;
    const v = ctx.value(row, "deduction", num);
    if (v === undefined) return;
    if (Math.abs(v) > rs.deduction.cap.value) {
      ctx.report({ row, key: "deduction", expected: rs.deduction.cap.value, actual: v, message: `累计扣分不超过${rs.deduction.cap.value}分,填报${v}分` });
    }
  },
};

const internalCheck: Check = {
  id: "internal",
  ...from(rs.internalWeights.leaders),
  severity: "error",
  description: `内部评估得分 = 领导评价 × ${pct(rs.internalWeights.leaders)} + 同级评价 × ${pct(rs.internalWeights.peers)}`,
  row(row, ctx) {
    if (!row.has("internal") || !row.has("leaders") || !row.has("peers") || isBlank(row.get("internal"))) return;
    const typed = ctx.value(row, "internal", num);
    const l = component(row, "leaders", "appraisal", ctx);
    const p = component(row, "peers", "appraisal", ctx);
    if (typed === undefined || l === undefined || p === undefined) return;
    const want = internalScore(l, p);
    if (!agreesTyped(row.get("internal"), typed, want)) {
      ctx.report({
        row, key: "internal", expected: roundedAs(row.get("internal"), want), actual: typed,
        message: `内部评估得分应为领导评价${l}×${pct(rs.internalWeights.leaders)}与同级评价${p}×${pct(rs.internalWeights.peers)}之和,即${roundedAs(row.get("internal"), want)},填报${typed}`,
      });
    }
  },
};

const compositeCheck: Check = {
  id: "composite",
  rule: rs.weights.indicator.rule,
  clause: cite("四(四)1"),
  severity: "error",
  description: `综合得分 = 指标考核×${pct(rs.weights.indicator)} + 公众评议×${pct(rs.weights.publicAppraisal)} + 内部评估×${pct(rs.weights.internal)}` +
    ` + 加分 − 减分(加分不超过${rs.bonus.cap.value}分,减分不超过${rs.deduction.cap.value}分)`,
  row(row, ctx) {
    if (!row.has("composite")) return;
    const typed = ctx.value(row, "composite", num);
    const want = recomputed(row, ctx);
    if (typed === undefined || want === undefined) return;
    if (!agreesTyped(row.get("composite"), typed, want)) {
      ctx.report({
        row, key: "composite", expected: roundedAs(row.get("composite"), want), actual: typed,
        message: `综合得分应为${roundedAs(row.get("composite"), want)}分,填报${typed}分`,
      });
    }
  },
};

const gradePass: Check = {
  id: "grade-pass",
  ...from(rs.passMark),
  severity: "error",
  description: `综合得分低于${rs.passMark.value}分或有“一票否决”事项的为不合格;${rs.passMark.value}分以上的不应为不合格(常委会认定的除外)`,
  row(row, ctx) {
    const typed = gradeOf(row, ctx);
    const u = unitOf(row, ctx);
    if (typed === undefined || u === undefined) return;
    let pass: string;
    try {
      pass = grade(u.composite, u.veto);
    } catch (e) {
      if (e instanceof InputError) return; // a composite outside every possible value: reported by composite
      throw e;
    }
    if (pass === GRADES.unqualified && typed !== GRADES.unqualified) {
      ctx.report({
        row, key: "grade", expected: GRADES.unqualified, actual: typed,
        message: u.veto
          ? `有“一票否决”事项,等次应为不合格,填报${typed}`
          : `综合得分${u.composite}分低于${rs.passMark.value}分,等次应为不合格,填报${typed}`,
      });
    } else if (pass === GRADES.qualified && typed === GRADES.unqualified) {
      // 四(四)1(2): 因工作严重失职 … 经市委常委会议研究认定的 may be 不合格 at any score
      ctx.report({
        row, key: "grade", severity: "warning", expected: GRADES.qualified, actual: typed,
        message: `综合得分${u.composite}分、无一票否决,评为不合格须有市委常委会议认定(严重失职),请说明`,
      });
    }
  },
};

const advancedEligible: Check = {
  id: "advanced-eligible",
  ...from(rs.advancedQuota),
  severity: "error",
  description: `先进须为合格单位,且公众满意度${rs.satisfactionMin.value * 100}%以上、完成目标任务、班子成员未受处分`,
  row(row, ctx) {
    if (gradeOf(row, ctx) !== GRADES.advanced) return;
    const u = unitOf(row, ctx);
    if (u === undefined || eligibleForAdvanced(u)) return;
    const why: string[] = [];
    if (grade(u.composite, u.veto) !== GRADES.qualified) why.push("不是合格单位");
    if (u.satisfaction === null) why.push("未填公众满意度");
    else if (u.satisfaction !== undefined && u.satisfaction < rs.satisfactionMin.value) why.push(`公众满意度${Math.round(u.satisfaction * 1000) / 10}%低于${rs.satisfactionMin.value * 100}%`);
    if (u.targetsMet === false) why.push("未完成目标任务");
    if (u.sanctioned) why.push("班子成员受处分");
    ctx.report({ row, key: "grade", actual: GRADES.advanced, message: `不具备先进条件:${why.join("、")}` });
  },
};

interface Ranked {
  row: TableRow;
  unit: CountyUnit;
  typed: Grade | undefined;
  eligible: boolean;
}

/**
 * rankedRows of the table being validated, computed once for the two sheet checks that read it
 * (the second read would find the same values and report nothing new); released by the last.
 */
let rankedMemo: { ctx: CheckContext; table: Table; rows: Ranked[] | undefined } | null = null;

function rankedRowsOnce(table: Table, ctx: CheckContext, last: boolean): Ranked[] | undefined {
  let rows: Ranked[] | undefined;
  if (rankedMemo !== null && rankedMemo.ctx === ctx && rankedMemo.table === table) rows = rankedMemo.rows;
  else {
    rows = rankedRows(table, ctx);
    rankedMemo = { ctx, table, rows };
  }
  if (last) rankedMemo = null;
  return rows;
}

/** Every row with its conditions, or undefined when a row cannot be judged (its own finding says why). */
function rankedRows(table: Table, ctx: CheckContext): Ranked[] | undefined {
  const out: Ranked[] = [];
  for (const row of table.rows) {
    const unit = unitOf(row, ctx);
    if (unit === undefined) return undefined;
    let eligible: boolean;
    try {
      eligible = eligibleForAdvanced(unit);
    } catch (e) {
      if (e instanceof InputError) return undefined;
      throw e;
    }
    out.push({ row, unit, typed: gradeOf(row, ctx), eligible });
  }
  return out;
}

const gradeKey = (row: TableRow) => (row.has("grade") ? "grade" : "composite");

const advancedQuota: Check = {
  id: "advanced-quota",
  ...from(rs.advancedQuota),
  severity: "error",
  description: `先进名额不超过被评估单位总数的${rs.advancedQuota.value * 100}%(向下取整)`,
  sheet(table, ctx) {
    if (!table.rows.some((r) => r.has("grade"))) return;
    const places = advancedPlaces(table.rows.length);
    const advanced = table.rows.filter((r) => gradeOf(r, ctx) === GRADES.advanced);
    if (advanced.length <= places) return;
    // the excess is reported on the 先进 units with the lowest composites; each composite read once
    // before sorting, not twice per comparison (every row's was read by grade-pass already)
    const scores = new Map<TableRow, number>();
    for (const r of advanced) scores.set(r, judged(r, ctx) ?? Number.NEGATIVE_INFINITY);
    const byScore = [...advanced].sort((a, b) => scores.get(b)! - scores.get(a)!);
    for (const row of byScore.slice(places)) {
      ctx.report({
        row, key: "grade", expected: places, actual: advanced.length,
        message: `${table.rows.length}个被评估单位的先进名额为${places}个(${rs.advancedQuota.value * 100}%),评为先进${advanced.length}个`,
      });
    }
  },
};

const advancedSkipped: Check = {
  id: "advanced-skipped",
  ...from(rs.advancedQuota),
  severity: "warning",
  description: "符合先进条件、综合得分高于某先进单位的单位未评为先进",
  sheet(table, ctx) {
    const rows = rankedRowsOnce(table, ctx, false);
    if (!rows || !rows.some((r) => r.row.has("grade"))) return;
    const advanced = rows.filter((r) => r.typed === GRADES.advanced);
    if (advanced.length === 0) return;
    // Math.min pairwise, not over a spread (a spread of 100 k arguments overflows the stack)
    let lowest = Number.POSITIVE_INFINITY;
    for (const r of advanced) lowest = Math.min(lowest, r.unit.composite);
    for (const r of rows) {
      if (r.eligible && r.typed !== GRADES.advanced && r.typed !== GRADES.tie && r.unit.composite > lowest) {
        ctx.report({
          row: r.row, key: "grade", expected: GRADES.advanced, actual: r.typed ?? null,
          message: `综合得分${r.unit.composite}分、符合先进条件,高于先进单位的最低分${lowest}分,却未评为先进,请说明`,
        });
      }
    }
  },
};

const advancedTie: Check = {
  id: "advanced-tie",
  rule: rs.quotaRounding.rule,
  clause: cite(rs.advancedQuota.clause),
  severity: "warning",
  description: "先进名额末位得分并列,须人工决定",
  sheet(table, ctx) {
    const rows = rankedRowsOnce(table, ctx, true);
    releaseRowMemo(); // the sheet's last check: let go of its last row
    if (!rows) return;
    const picks = pickAdvanced(rows.map((r) => r.unit.composite), rows.map((r) => r.eligible), advancedPlaces(rows.length));
    const tied = rows.filter((_, i) => picks[i] === "tie");
    for (const r of tied) {
      ctx.report({
        row: r.row, key: gradeKey(r.row), actual: r.unit.composite,
        message: `先进名额末位并列:${tied.length}个单位综合得分均为${r.unit.composite}分,须人工决定`,
      });
    }
  },
};

const NAMES: Record<string, string> = {
  indicator: "指标考核得分", public: "公众评议得分", internal: "内部评估得分", leaders: "领导评价", peers: "同级评价",
};
const nameOf = (key: string) => NAMES[key] ?? key;

export const template: TemplateDef = {
  id: "eval-county",
  title: "县市区绩效评估综合得分表",
  document: EVAL_DOCUMENT,
  columns: [
    { key: "unit", name: "单位", aliases: ["被评估单位", "县市区", "单位名称"], required: true },
    { key: "indicator", name: "指标考核得分", aliases: ["指标考核"], required: true },
    { key: "public", name: "公众评议得分", aliases: ["公众评议"], required: true },
    { key: "internal", name: "内部评估得分", aliases: ["内部评估"] },
    { key: "leaders", name: "领导评价", aliases: ["领导评价得分"] },
    { key: "peers", name: "同级评价", aliases: ["同级评价得分"] },
    { key: "bonus", name: "加分" },
    { key: "deduction", name: "减分", aliases: ["扣分"] },
    { key: "veto", name: "一票否决", aliases: ["一票否决事项"] },
    { key: "satisfaction", name: "公众满意度", aliases: ["满意度"] },
    { key: "targets", name: "目标任务完成", aliases: ["完成目标任务"] },
    { key: "sanctioned", name: "班子成员受处分", aliases: ["班子成员受党纪政纪处分"] },
    { key: "composite", name: "综合得分" },
    { key: "grade", name: "等次", aliases: ["评估等次"] },
  ],
  requireOneOf: [["internal"], ["leaders", "peers"]],
  checks: [
    componentRange, bonusCap, deductionCap, internalCheck, compositeCheck, gradePass, advancedEligible,
    advancedQuota, advancedSkipped, advancedTie,
  ],
};
