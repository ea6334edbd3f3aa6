/**
 * eval-county — 县市区绩效评估综合得分表 (娄办发〔2009〕19号), templates.md. One row per county-level
 * unit: components on the 0–1000 scale, bonus and deduction caps (EVAL-4/5), the composite and the
 * internal appraisal recomputed (EVAL-2/3), and the grades against the pass line, the veto and the
 * 30% quota with its conditions (EVAL-6/7). Every number comes from the eval ruleset through its
 * compute functions.
 */
import { isBlank } from "../../input/coerce";
import { isError } from "../../input/errors";
// the concrete modules, not the rules/eval barrel (its `export *` compiles to getters)
import { EVAL_DOCUMENT, evalRules } from "../../rules/eval/data";
import { evalRuleTable } from "../../rules/eval/ruleTable";
import {
  type CountyUnit, type Grade, GRADES, advancedPlaces, componentMax, composite, eligibleForAdvanced,
  grade, internalScore, pickAdvanced, satisfactionFraction,
} from "../../rules/eval/compute";
import { toNumber } from "../../input/coerce";
import { toGrade } from "../../rules/eval/cells";
import { type Cause, type Check, type TableRow, type TemplateDef, rowValue, tableValue } from "../template";
import { agreesTyped, roundedAs } from "../agree";

const rs = evalRules;
const pct = (c: { value: number }) => `${Math.round(c.value * 100)}%`;

/** The components of a row and the scale each is on (EVAL-1, Decision scale). */
const COMPONENTS: readonly { key: string; max: "indicator" | "appraisal" }[] = [
  { key: "indicator", max: "indicator" }, { key: "public", max: "appraisal" }, { key: "internal", max: "appraisal" },
  { key: "leaders", max: "appraisal" }, { key: "peers", max: "appraisal" },
];

/** A component read for computation: blank → undefined, out of range → undefined (its own check reports it). */
function component(row: TableRow, key: string, which: "indicator" | "appraisal", need = false): number | undefined {
  const v = need ? row.need(key) : row.value(key);
  if (v === undefined || v < 0 || v > componentMax(which)) return undefined;
  return v;
}

/** The composite recomputed from the row (EVAL-2/3), or undefined when its inputs are incomplete or bad. */
const recomputed = rowValue("composite", (row): number | undefined => {
  const indicator = component(row, "indicator", "indicator");
  const pub = component(row, "public", "appraisal");
  let internal: number | readonly [number, number] | undefined;
  if (row.has("internal") && !isBlank(row.get("internal"))) internal = component(row, "internal", "appraisal");
  else if (row.has("leaders") && row.has("peers")) {
    // without an internal score, both of its parts are needed
    const l = component(row, "leaders", "appraisal", true);
    const p = component(row, "peers", "appraisal", true);
    if (l !== undefined && p !== undefined) internal = [l, p];
  } else row.need("internal");
  const bonus = row.value("bonus") ?? 0;
  const deduction = row.value("deduction") ?? 0;
  if (indicator === undefined || pub === undefined || internal === undefined || bonus < 0) return undefined;
  const c = composite({ indicator, publicAppraisal: pub, internal, bonus, deduction });
  return isError(c) ? undefined : c;
});

/**
 * The sheet's own 综合得分 when it disagrees with the recomputed one (composite reports it), else
 * undefined: a grade that is right for this score is wrong only because the score is.
 */
const wrongComposite = rowValue("wrongComposite", (row, ctx): number | undefined => {
  if (!row.has("composite")) return undefined;
  const typed = row.value("composite");
  const want = ctx.derive(row, recomputed);
  return typed === undefined || want === undefined || agreesTyped(row.get("composite"), typed, want) ? undefined : typed;
});

/** The composite the grade is judged on: recomputed when possible, else as typed. */
const judged = rowValue("judged", (row, ctx): number | undefined => ctx.derive(row, recomputed) ?? row.value("composite"));

/** The unit's EVAL-7 conditions as the sheet gives them (a missing column is not checked). */
const unitOf = rowValue("unit", (row, ctx): CountyUnit | undefined => {
  const c = ctx.derive(row, judged);
  if (c === undefined) return undefined;
  return {
    composite: c,
    veto: row.value<boolean>("veto") ?? false,
    satisfaction: row.has("satisfaction") ? row.value("satisfaction") ?? null : undefined,
    targetsMet: row.has("targets") ? row.value<boolean>("targets") ?? false : undefined,
    sanctioned: row.value<boolean>("sanctioned") ?? false,
  };
});

const gradeOf = (row: TableRow): Grade | undefined => row.value<Grade>("grade");

const componentRange: Check = {
  id: "component-range",
  rule: rs.indicatorTotal.rule,
  severity: "error",
  description: `指标考核、公众评议、内部评估得分均在0–${rs.indicatorTotal.value}分之间`,
  messages: ["outOfRange"],
  row(row, ctx) {
    for (const { key, max } of COMPONENTS) {
      if (!row.has(key)) continue;
      const v = row.value(key);
      const hi = componentMax(max);
      if (v !== undefined && (v < 0 || v > hi)) {
        ctx.report({ row, key, expected: hi, actual: v, messageId: "outOfRange", data: { name: nameOf(key), max: hi, value: v } });
      }
    }
  },
};

const bonusCap: Check = {
  id: "bonus-cap",
  rule: rs.bonus.cap.rule,
  severity: "error",
  description: `累计加分不超过${rs.bonus.cap.value}分`,
  messages: ["negative", "aboveCap"],
  row(row, ctx) {
    const v = row.value("bonus");
    if (v === undefined) return;
    if (v < 0) ctx.report({ row, key: "bonus", actual: v, messageId: "negative", data: { value: v } });
    else if (v > rs.bonus.cap.value) {
      ctx.report({ row, key: "bonus", expected: rs.bonus.cap.value, actual: v, messageId: "aboveCap", data: { cap: rs.bonus.cap.value, value: v } });
    }
  },
};

const deductionCap: Check = {
  id: "deduction-cap",
  rule: rs.deduction.cap.rule,
  severity: "error",
  description: `累计扣分不超过${rs.deduction.cap.value}分`,
  messages: ["aboveCap"],
  row(row, ctx) {
    const v = row.value("deduction");
    if (v === undefined) return;
    if (Math.abs(v) > rs.deduction.cap.value) {
      ctx.report({
        row, key: "deduction", expected: rs.deduction.cap.value, actual: v, messageId: "aboveCap", data: { cap: rs.deduction.cap.value, value: v },
      });
    }
  },
};

const internalCheck: Check = {
  id: "internal",
  recomputes: true,
  rule: rs.internalWeights.leaders.rule,
  severity: "error",
  description: `内部评估得分 = 领导评价 × ${pct(rs.internalWeights.leaders)} + 同级评价 × ${pct(rs.internalWeights.peers)}`,
  messages: ["wrongInternal"],
  row(row, ctx) {
    if (!row.has("internal") || !row.has("leaders") || !row.has("peers") || isBlank(row.get("internal"))) return;
    const typed = row.value("internal");
    const l = component(row, "leaders", "appraisal");
    const p = component(row, "peers", "appraisal");
    if (typed === undefined || l === undefined || p === undefined) return;
    const want = internalScore(l, p) as number; // both within range (component): never an error
    if (!agreesTyped(row.get("internal"), typed, want)) {
      ctx.report({
        row, key: "internal", expected: roundedAs(row.get("internal"), want), actual: typed, messageId: "wrongInternal",
        data: {
          leaders: l, leadersShare: pct(rs.internalWeights.leaders), peers: p, peersShare: pct(rs.internalWeights.peers),
          expected: roundedAs(row.get("internal"), want), typed,
        },
      });
    }
  },
};

const compositeCheck: Check = {
  id: "composite",
  recomputes: true,
  rule: rs.weights.indicator.rule,
  severity: "error",
  description: `综合得分 = 指标考核×${pct(rs.weights.indicator)} + 公众评议×${pct(rs.weights.publicAppraisal)} + 内部评估×${pct(rs.weights.internal)}` +
    ` + 加分 − 减分（加分不超过${rs.bonus.cap.value}分，减分不超过${rs.deduction.cap.value}分）`,
  messages: ["wrongComposite"],
  followsFrom: ["bonus-cap", "deduction-cap"],
  row(row, ctx) {
    const typed = ctx.derive(row, wrongComposite);
    if (typed === undefined) return;
    const want = ctx.derive(row, recomputed)!;
    // the sheet added the bonus or deduction beyond its cap: wrong only through that one
    const bonus = row.value("bonus") ?? 0;
    const deduction = Math.abs(row.value("deduction") ?? 0);
    const overBonus = Math.max(0, bonus - rs.bonus.cap.value);
    const overDeduction = Math.max(0, deduction - rs.deduction.cap.value);
    let causedBy: Cause | undefined;
    if ((overBonus > 0 || overDeduction > 0) && agreesTyped(row.get("composite"), typed, want + overBonus - overDeduction)) {
      causedBy = { row, key: overBonus > 0 ? "bonus" : "deduction" };
    }
    ctx.report({
      row, key: "composite", expected: roundedAs(row.get("composite"), want), actual: typed,
      messageId: "wrongComposite", data: { expected: roundedAs(row.get("composite"), want), typed }, causedBy,
    });
  },
};

const gradePass: Check = {
  id: "grade-pass",
  rule: rs.passMark.rule,
  severity: "error",
  description: `综合得分低于${rs.passMark.value}分或有“一票否决”事项的为不合格；${rs.passMark.value}分以上的不应为不合格（常委会认定的除外）`,
  messages: ["vetoed", "belowPass", "needsDecision"],
  followsFrom: ["composite"],
  row(row, ctx) {
    const typed = gradeOf(row);
    const u = ctx.derive(row, unitOf);
    if (typed === undefined || u === undefined) return;
    const pass = grade(u.composite, u.veto);
    if (isError(pass)) return; // a composite outside every possible value: reported by composite
    // the grade the sheet's own (wrong) 综合得分 earns: a finding then follows from that score
    const sheetScore = ctx.derive(row, wrongComposite);
    const sheetPass = sheetScore === undefined ? undefined : grade(sheetScore, u.veto);
    const fromScore = (ok: boolean): Cause | undefined => (ok ? { row, key: "composite" } : undefined);
    if (pass === GRADES.unqualified && typed !== GRADES.unqualified) {
      ctx.report({
        row, key: "grade", expected: GRADES.unqualified, actual: typed,
        ...(u.veto ? { messageId: "vetoed", data: { typed } } : { messageId: "belowPass", data: { composite: u.composite, pass: rs.passMark.value, typed } }),
        causedBy: fromScore(!u.veto && sheetPass !== undefined && sheetPass !== GRADES.unqualified),
      });
    } else if (pass === GRADES.qualified && typed === GRADES.unqualified) {
      // 四(四)1(2): 因工作严重失职 … 经市委常委会议研究认定的 may be 不合格 at any score
      ctx.report({
        row, key: "grade", severity: "warning", expected: GRADES.qualified, actual: typed,
        messageId: "needsDecision", data: { composite: u.composite }, causedBy: fromScore(sheetPass === GRADES.unqualified),
      });
    }
  },
};

const advancedEligible: Check = {
  id: "advanced-eligible",
  rule: rs.advancedQuota.rule,
  severity: "error",
  description: `先进须为合格单位，且公众满意度${rs.satisfactionMin.value * 100}%以上、完成目标任务、班子成员未受处分`,
  messages: ["notEligible", "notQualified", "noSatisfaction", "lowSatisfaction", "targetsMissed", "sanctioned"],
  followsFrom: ["composite", "grade-pass"],
  row(row, ctx) {
    if (gradeOf(row) !== GRADES.advanced) return;
    const u = ctx.derive(row, unitOf);
    if (u === undefined || eligibleForAdvanced(u)) return;
    // a 先进 whose grade should be 不合格 (grade-pass says so at this cell): set right, it is no
    // 先进 at all; else eligible on the sheet's own (wrong) 综合得分: follows from that score
    const sheetScore = ctx.derive(row, wrongComposite);
    const causedBy: Cause | undefined = grade(u.composite, u.veto) === GRADES.unqualified ? { row, key: "grade" }
      : sheetScore !== undefined && eligibleForAdvanced({ ...u, composite: sheetScore }) === true ? { row, key: "composite" } : undefined;
    const why: string[] = [];
    if (grade(u.composite, u.veto) !== GRADES.qualified) why.push(ctx.phrase("notQualified"));
    if (u.satisfaction === null) why.push(ctx.phrase("noSatisfaction"));
    else if (u.satisfaction !== undefined && u.satisfaction < rs.satisfactionMin.value) {
      why.push(ctx.phrase("lowSatisfaction", { share: Math.round(u.satisfaction * 1000) / 10, min: rs.satisfactionMin.value * 100 }));
    }
    if (u.targetsMet === false) why.push(ctx.phrase("targetsMissed"));
    if (u.sanctioned) why.push(ctx.phrase("sanctioned"));
    ctx.report({ row, key: "grade", actual: GRADES.advanced, messageId: "notEligible", data: { reasons: why.join("、") }, causedBy });
  },
};

interface Ranked {
  row: TableRow;
  unit: CountyUnit;
  typed: Grade | undefined;
  eligible: boolean;
}

/** Every row with its conditions, or undefined when a row cannot be judged (its own finding says why). */
const rankedRows = tableValue("ranked", (table, ctx): Ranked[] | undefined => {
  const out: Ranked[] = [];
  for (const row of table.rows) {
    const unit = ctx.derive(row, unitOf);
    if (unit === undefined) return undefined;
    const eligible = eligibleForAdvanced(unit);
    if (isError(eligible)) return undefined;
    out.push({ row, unit, typed: gradeOf(row), eligible });
  }
  return out;
});

const gradeKey = (row: TableRow) => (row.has("grade") ? "grade" : "composite");

const advancedQuota: Check = {
  id: "advanced-quota",
  acrossFiles: true,
  rule: rs.advancedQuota.rule,
  severity: "error",
  description: `先进名额不超过被评估单位总数的${rs.advancedQuota.value * 100}%（向下取整）`,
  messages: ["overQuota"],
  followsFrom: ["advanced-eligible"],
  sheet(table, ctx) {
    if (!table.rows.some((r) => r.has("grade"))) return;
    const places = advancedPlaces(table.rows.length);
    const advanced = table.rows.filter((r) => gradeOf(r) === GRADES.advanced);
    if (advanced.length <= places) return;
    // as many 先进 units without the conditions (advanced-eligible) as the excess: without them the
    // quota holds, so the excess follows from them
    const ineligible = advanced.filter((r) => {
      const u = ctx.derive(r, unitOf);
      return u !== undefined && eligibleForAdvanced(u) === false;
    });
    const fromIneligible = ineligible.length >= advanced.length - places;
    // the excess is reported on the 先进 units with the lowest composites; each composite read once
    // before sorting, not twice per comparison (every row's was read by grade-pass already)
    const scores = new Map<TableRow, number>();
    for (const r of advanced) scores.set(r, ctx.derive(r, judged) ?? Number.NEGATIVE_INFINITY);
    const byScore = [...advanced].sort((a, b) => scores.get(b)! - scores.get(a)!);
    for (const row of byScore.slice(places)) {
      ctx.report({
        row, key: "grade", expected: places, actual: advanced.length, messageId: "overQuota",
        data: { units: table.rows.length, places, quota: rs.advancedQuota.value * 100, advanced: advanced.length },
        causedBy: fromIneligible ? { row: ineligible.includes(row) ? row : ineligible[0], key: "grade" } : undefined,
      });
    }
  },
};

const advancedSkipped: Check = {
  id: "advanced-skipped",
  acrossFiles: true,
  rule: rs.advancedQuota.rule,
  severity: "warning",
  description: "符合先进条件、综合得分高于某先进单位的单位未评为先进",
  messages: ["skipped"],
  followsFrom: ["composite"],
  sheet(_table, ctx) {
    const rows = ctx.sheetValue(rankedRows);
    if (!rows || !rows.some((r) => r.row.has("grade"))) return;
    const advanced = rows.filter((r) => r.typed === GRADES.advanced);
    if (advanced.length === 0) return;
    // Math.min pairwise, not over a spread (a spread of 100 k arguments overflows the stack)
    let lowest = Number.POSITIVE_INFINITY;
    let lowestRow: Ranked | undefined;
    // … and on the sheet's own 综合得分 (wrong ones included): a unit not skipped there is skipped
    // only because a score is wrong (its own, or the lowest 先进's)
    let sheetLowest = Number.POSITIVE_INFINITY;
    const sheetScore = (r: Ranked) => ctx.derive(r.row, wrongComposite) ?? r.unit.composite;
    for (const r of advanced) {
      if (r.unit.composite < lowest) {
        lowest = r.unit.composite;
        lowestRow = r;
      }
      sheetLowest = Math.min(sheetLowest, sheetScore(r));
    }
    for (const r of rows) {
      if (r.eligible && r.typed !== GRADES.advanced && r.typed !== GRADES.tie && r.unit.composite > lowest) {
        let causedBy: Cause | undefined;
        const own = sheetScore(r);
        if (!(eligibleForAdvanced({ ...r.unit, composite: own }) === true && own > sheetLowest)) {
          const root = ctx.derive(r.row, wrongComposite) !== undefined ? r : lowestRow!;
          causedBy = { row: root.row, key: "composite" };
        }
        ctx.report({
          row: r.row, key: "grade", expected: GRADES.advanced, actual: r.typed ?? null,
          messageId: "skipped", data: { composite: r.unit.composite, lowest }, causedBy,
        });
      }
    }
  },
};

const advancedTie: Check = {
  id: "advanced-tie",
  acrossFiles: true,
  rule: rs.quotaRounding.rule,
  severity: "warning",
  description: "先进名额末位得分并列，须人工决定",
  messages: ["tie"],
  sheet(_table, ctx) {
    const rows = ctx.sheetValue(rankedRows);
    if (!rows) return;
    const picks = pickAdvanced(rows.map((r) => r.unit.composite), rows.map((r) => r.eligible), advancedPlaces(rows.length));
    const tied = rows.filter((_, i) => picks[i] === "tie");
    for (const r of tied) {
      ctx.report({
        row: r.row, key: gradeKey(r.row), actual: r.unit.composite, messageId: "tie", data: { count: tied.length, composite: r.unit.composite },
      });
    }
  },
};

const SCORE = { type: "number" } as const;
const YES_NO = { type: "yesno" } as const;
const satisfaction = (v: unknown, p: string) => {
  const n = toNumber(v, p);
  return isError(n) ? n : satisfactionFraction(n, p);
};

export const template = {
  id: "eval-county",
  who: ["unit"],
  title: "县市区绩效评估综合得分表",
  document: EVAL_DOCUMENT,
  rules: evalRuleTable,
  columns: [
    { key: "unit", name: "单位", aliases: ["被评估单位", "县市区", "单位名称"], required: true },
    { key: "indicator", name: "指标考核得分", aliases: ["指标考核"], required: true, cell: SCORE, needed: true },
    { key: "public", name: "公众评议得分", aliases: ["公众评议"], required: true, cell: SCORE, needed: true },
    { key: "internal", name: "内部评估得分", aliases: ["内部评估"], cell: SCORE },
    { key: "leaders", name: "领导评价", aliases: ["领导评价得分"], cell: SCORE },
    { key: "peers", name: "同级评价", aliases: ["同级评价得分"], cell: SCORE },
    { key: "bonus", name: "加分", cell: SCORE },
    { key: "deduction", name: "减分", aliases: ["扣分"], cell: SCORE },
    { key: "veto", name: "一票否决", aliases: ["一票否决事项"], cell: YES_NO },
    { key: "satisfaction", name: "公众满意度", aliases: ["满意度"], cell: { type: "parse", parse: satisfaction } },
    { key: "targets", name: "目标任务完成", aliases: ["完成目标任务"], cell: YES_NO },
    { key: "sanctioned", name: "班子成员受处分", aliases: ["班子成员受党纪政纪处分"], cell: YES_NO },
    { key: "composite", name: "综合得分", cell: SCORE },
    { key: "grade", name: "等次", aliases: ["评估等次"], cell: { type: "parse", parse: toGrade, byText: true } },
  ],
  requireOneOf: [["internal"], ["leaders", "peers"]],
  checks: [
    componentRange, bonusCap, deductionCap, internalCheck, compositeCheck, gradePass, advancedEligible,
    advancedQuota, advancedSkipped, advancedTie,
  ],
} as const satisfies TemplateDef;

/** A component's name in messages: its column's canonical name. */
function nameOf(key: string): string {
  return template.columns.find((c) => c.key === key)?.name ?? key;
}
