/**
 * Computations of 娄办发〔2009〕19号 (rules.md §4, EVAL-1…EVAL-11) over typed values. Pure: every
 * number comes from the ruleset; bad input is a returned CellError with a catalogue message.
 */
import { CellError, isError } from "../../input/errors";
import { inputMessages as M } from "../../input/messages";
import { type EvalRuleset, evalRules } from "./data";

export type Grade = "先进" | "合格" | "不合格" | "并列待定";
export type PassGrade = "合格" | "不合格";

/** The grade words of 四(四): 评估结果分为先进、合格、不合格三个等次 (+ the tie left to a human). */
export const GRADES = { advanced: "先进", qualified: "合格", unqualified: "不合格", tie: "并列待定" } as const;

/**
 * Weighted sums of decimals (0.6 × 700.5 …) carry binary noise; results are rounded to this many
 * decimals so that a composite of exactly 600 compares as 600 (the pass line, EVAL-6).
 */
const DECIMALS = 9;
const clean = (x: number) => Math.round(x * 10 ** DECIMALS) / 10 ** DECIMALS;
/** Composites equal within this tolerance tie (EVAL-7 Decision: ties are reported). */
const TIE_EPSILON = 1e-6;
/** Per cent: a satisfaction typed as 60 means 60 / 100. */
const PERCENT = 100;

function inRange(v: number, param: string, min: number, max: number): number | CellError {
  return v < min || v > max ? new CellError("outOfRange", param, M.outOfRange(param, min, max, String(v))) : v;
}

/** Upper bound of an appraisal (公众评议 / 内部评估) under the scale Decision. */
export function appraisalMax(rules: EvalRuleset = evalRules): number {
  return rules.scale.value === "same" ? rules.indicatorTotal.value : rules.scale.appraisalMax.value;
}

/** An appraisal brought onto the indicator's 1000 scale (Decision scale). */
function onScale(v: number, rules: EvalRuleset): number {
  return (v / appraisalMax(rules)) * rules.indicatorTotal.value;
}

/** Upper bound of a component: the indicator (EVAL-1) or an appraisal (Decision scale). */
export function componentMax(component: "indicator" | "appraisal", rules: EvalRuleset = evalRules): number {
  return component === "indicator" ? rules.indicatorTotal.value : appraisalMax(rules);
}

/** EVAL-3: internal appraisal = leaders × 50% + peers × 50%. */
export function internalScore(leaders: number, peers: number, rules: EvalRuleset = evalRules): number | CellError {
  const max = appraisalMax(rules);
  const bad = [inRange(leaders, "领导评价", 0, max), inRange(peers, "同级评价", 0, max)].find(isError);
  return bad ?? clean(leaders * rules.internalWeights.leaders.value + peers * rules.internalWeights.peers.value);
}

export interface CompositeInput {
  /** 指标考核得分, 0–1000 (EVAL-1) */
  indicator: number;
  /** 公众评议得分 */
  publicAppraisal: number;
  /** 内部评估得分, or [领导评价, 同级评价] (EVAL-3) */
  internal: number | readonly [number, number];
  /** 加分 (≥ 0); capped at 50 (EVAL-4) */
  bonus?: number;
  /** 减分, typed positive or negative; capped at 50 (EVAL-5) */
  deduction?: number;
}

/** EVAL-4: the bonus counted in the composite, capped at 累计加分不超过50分. */
export function cappedBonus(points: number, rules: EvalRuleset = evalRules): number | CellError {
  return points < 0 ? new CellError("negative", "加分", M.negative("加分", String(points))) : Math.min(rules.bonus.cap.value, points);
}

/** EVAL-5: the deduction counted (positive), whichever sign it was typed with, capped at 50. */
export function cappedDeduction(points: number, rules: EvalRuleset = evalRules): number {
  return Math.min(rules.deduction.cap.value, Math.abs(points));
}

/** EVAL-2: composite = indicator × 60% + public × 30% + internal × 10% + bonus − deductions. */
export function composite(input: CompositeInput, rules: EvalRuleset = evalRules): number | CellError {
  const w = rules.weights;
  const total = rules.indicatorTotal.value;
  // in this order, the first bad one is the error
  const parts = [
    inRange(input.indicator, "指标考核得分", 0, total),
    inRange(input.publicAppraisal, "公众评议得分", 0, appraisalMax(rules)),
    typeof input.internal === "number"
      ? inRange(input.internal, "内部评估得分", 0, appraisalMax(rules))
      : internalScore(input.internal[0], input.internal[1], rules),
    cappedBonus(input.bonus ?? 0, rules),
  ];
  const bad = parts.find(isError);
  if (bad) return bad;
  const [indicator, pub, internal, bonusPoints] = parts as number[];
  return clean(
    indicator * w.indicator.value + onScale(pub, rules) * w.publicAppraisal.value +
    onScale(internal, rules) * w.internal.value +
    bonusPoints - cappedDeduction(input.deduction ?? 0, rules),
  );
}

/** The lowest and highest composite possible (0 − 50 … 1000 + 50). */
export function compositeRange(rules: EvalRuleset = evalRules): { min: number; max: number } {
  return { min: -rules.deduction.cap.value, max: rules.indicatorTotal.value + rules.bonus.cap.value };
}

export interface BonusEvents {
  /** 受到党中央、国务院及省委、省政府表彰 or 成倍超额完成重点工作任务 */
  commendations: number;
  /** 主要指标在全市或全省排位大幅度前移 */
  rankingRises: number;
  /** 应对重大灾害和突发事件中组织得力 */
  emergencyAwards: number;
}

/** EVAL-4: min(50, 20a + 10b + 10c). */
export function bonus(e: BonusEvents, rules: EvalRuleset = evalRules): number {
  const b = rules.bonus;
  return Math.min(b.cap.value,
    e.commendations * b.commendation.value + e.rankingRises * b.rankingRise.value + e.emergencyAwards * b.emergency.value);
}

export interface DeductionEvents {
  /** 受到党中央、国务院通报批评 (times) */
  central: number;
  /** 受到省委、省政府或国家部委通报批评 */
  provincial: number;
  /** 受到市委、市政府或省直部门通报批评 */
  city: number;
  /** per sanctioned leadership member, 10–20 each (sign ignored) */
  sanctionPoints?: readonly number[];
  /** per staff dereliction, 10–20 each (sign ignored) */
  derelictionPoints?: readonly number[];
}

/** Checks one per-person deduction (每人次扣10—20分) and returns it positive. */
export function perPersonPoints(points: number, param: string, rules: EvalRuleset = evalRules): number | CellError {
  const d = rules.deduction;
  return inRange(Math.abs(points), param, d.perPersonMin.value, d.perPersonMax.value);
}

/** EVAL-5: min(50, 30a + 20b + 10c + Σ sanctions + Σ derelictions). */
export function deduction(e: DeductionEvents, rules: EvalRuleset = evalRules): number | CellError {
  const d = rules.deduction;
  const each = [
    ...(e.sanctionPoints ?? []).map((p) => perPersonPoints(p, "班子成员受处分扣分", rules)),
    ...(e.derelictionPoints ?? []).map((p) => perPersonPoints(p, "失职渎职扣分", rules)),
  ];
  const bad = each.find(isError);
  if (bad) return bad;
  const persons = (each as number[]).reduce((s, x) => s + x, 0);
  return Math.min(d.cap.value, e.central * d.central.value + e.provincial * d.provincial.value + e.city * d.city.value + persons);
}

/** True when the composite reaches the pass line (EVAL-6; Decision 600: exactly 600 qualifies). */
export function meetsPassMark(value: number, rules: EvalRuleset = evalRules): boolean {
  const pass = rules.passMark.value;
  if (Math.abs(value - pass) < TIE_EPSILON) return rules.passAtMark.value === "qualified";
  return value > pass;
}

/** EVAL-6: 合格 at 600 or more without a veto; otherwise 不合格. */
export function grade(compositeScore: number, veto = false, rules: EvalRuleset = evalRules): PassGrade | CellError {
  const { min, max } = compositeRange(rules);
  const bad = inRange(compositeScore, "综合得分", min, max);
  return isError(bad) ? bad : !veto && meetsPassMark(compositeScore, rules) ? GRADES.qualified : GRADES.unqualified;
}

/** EVAL-7 / EVAL-11: advanced places = 30% of the units evaluated, rounded per the Decision (floor). */
export function advancedPlaces(
  unitsEvaluated: number, rules: EvalRuleset = evalRules, quota: "county" | "dept" = "county",
): number {
  const share = quota === "county" ? rules.advancedQuota : rules.deptAdvancedQuota;
  const exact = clean(unitsEvaluated * share.value);
  const round = { floor: Math.floor, round: Math.round, ceil: Math.ceil }[rules.quotaRounding.value];
  return round(exact);
}

/** Public satisfaction as a fraction: 0.6, 60, "60%" (already 0.6 after coercion) all mean 60%. */
export function satisfactionFraction(v: number, param = "公众满意度"): number | CellError {
  if (v < 0 || v > PERCENT) return new CellError("outOfRange", param, M.outOfRange(param, 0, PERCENT, String(v)));
  // a value above 1 is a percentage typed without the % sign (60 → 60%)
  return v > 1 ? v / PERCENT : v;
}

export interface CountyUnit {
  composite: number;
  veto?: boolean;
  /**
   * public satisfaction as a fraction; undefined = not supplied (condition not checked),
   * null = supplied but blank (not demonstrated, so not eligible for 先进)
   */
  satisfaction?: number | null;
  /** growth targets met (undefined = not checked) */
  targetsMet?: boolean;
  /** a leadership member sanctioned */
  sanctioned?: boolean;
}

/** EVAL-7: a qualified unit that meets every condition of 先进. */
export function eligibleForAdvanced(u: CountyUnit, rules: EvalRuleset = evalRules): boolean | CellError {
  const g = grade(u.composite, u.veto ?? false, rules);
  if (g !== GRADES.qualified) return isError(g) ? g : false;
  if (u.satisfaction === null) return false;
  // 公众满意度在60%以上 (以上 includes 60%)
  if (u.satisfaction !== undefined && u.satisfaction < rules.satisfactionMin.value - TIE_EPSILON) return false;
  if (u.targetsMet === false) return false;
  return !u.sanctioned;
}

/**
 * Picks the advanced units among the eligible ones by score, within the quota. Returns, per
 * unit: "advanced", "tie" (tied across the last place: for a human to decide), or undefined.
 */
export function pickAdvanced(
  scores: readonly number[], eligible: readonly boolean[], places: number,
): ("advanced" | "tie" | undefined)[] {
  const out: ("advanced" | "tie" | undefined)[] = scores.map(() => undefined);
  const order = scores.map((_, i) => i).filter((i) => eligible[i]).sort((a, b) => scores[b] - scores[a]);
  if (places <= 0 || order.length === 0) return out;
  if (order.length <= places) {
    for (const i of order) out[i] = "advanced";
    return out;
  }
  const last = scores[order[places - 1]];
  const firstOut = scores[order[places]];
  const tied = Math.abs(last - firstOut) < TIE_EPSILON;
  order.forEach((i, rank) => {
    if (!tied) out[i] = rank < places ? "advanced" : undefined;
    else if (Math.abs(scores[i] - last) < TIE_EPSILON) out[i] = "tie";
    else if (scores[i] > last) out[i] = "advanced";
  });
  return out;
}

/** EVAL-6 / EVAL-7: the grade of each county-level unit, with the 30% quota applied. */
export function grades(units: readonly CountyUnit[], rules: EvalRuleset = evalRules): Grade[] | CellError {
  const base = units.map((u) => grade(u.composite, u.veto ?? false, rules));
  const bad = base.find(isError);
  if (bad) return bad;
  // every composite is in range: eligibleForAdvanced returns a boolean
  const eligible = units.map((u) => eligibleForAdvanced(u, rules) as boolean);
  const picks = pickAdvanced(units.map((u) => u.composite), eligible, advancedPlaces(units.length, rules));
  return (base as PassGrade[]).map((g, i) => (picks[i] === "advanced" ? GRADES.advanced : picks[i] === "tie" ? GRADES.tie : g));
}

/** EVAL-9: a department indicator score, 0–100. */
export function checkDeptIndicator(score: number, param = "指标得分", rules: EvalRuleset = evalRules): number | CellError {
  return inRange(score, param, 0, rules.deptIndicatorMax.value);
}

/** EVAL-10: 合格 when 为民办实事 is done, every scored indicator ≥ 60, and no veto. */
export function deptGrade(scores: readonly number[], livelihoodDone: boolean, veto = false, rules: EvalRuleset = evalRules): PassGrade | CellError {
  const bad = scores.map((s) => checkDeptIndicator(s, "指标得分", rules)).find(isError);
  if (bad) return bad;
  // 各项指标得分均在60分以上 (以上 includes 60)
  const allPass = scores.every((s) => s >= rules.deptPassMark.value - TIE_EPSILON);
  return livelihoodDone && allPass && !veto ? GRADES.qualified : GRADES.unqualified;
}

/** EVAL-8: the civil-servant 优秀 quota of a unit with this grade; undefined = the ordinary quota. */
export function excellentRatio(g: Grade, rules: EvalRuleset = evalRules): number | undefined {
  if (g === GRADES.advanced) return rules.excellentRatio.advanced.value;
  if (g === GRADES.unqualified) return rules.excellentRatio.unqualified.value;
  return undefined;
}
