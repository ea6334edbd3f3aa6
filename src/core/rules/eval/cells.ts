/**
 * The evaluation rules over raw cell values, as the custom functions receive them (functions.md,
 * Loudi): coercion through core/input, then the pure computations of compute.ts. A range
 * parameter arrives as `any[][]`; a single typed value as `[[v]]`; an omitted optional as null.
 */
import { type CellValue, flatten, isBlank, toChoice, toCount, toNumber, toYesNo } from "../../input/coerce";
import { CellError, isError } from "../../input/errors";
import { inputMessages as M } from "../../input/messages";
import { type EvalRuleset, evalRules } from "./data";
import {
  type BonusEvents, type CountyUnit, type DeductionEvents, type Grade, type PassGrade, GRADES, bonus, composite,
  deduction, deptGrade, grade, grades, satisfactionFraction,
} from "./compute";

/** The non-blank values of a cell or range. */
function values(v: unknown): CellValue[] {
  return flatten(v).filter((x) => !isBlank(x));
}

/**
 * A parameter that is one number or two cells (EVAL_COMPOSITE's internal appraisal: leaders and
 * peers). A blank cell beside a filled one is refused, not dropped: on Excel desktop that cell
 * arrives as 0 and is averaged in, so dropping it on the web would give the web a better score
 * than the desktop for the same sheet.
 */
function oneOrTwo(v: unknown, param: string, parts: readonly [string, string]): CellValue[] | CellError {
  const cells = flatten(v);
  const filled = cells.filter((x) => !isBlank(x));
  if (filled.length === 0) return new CellError("required", param, M.required(param));
  if (filled.length > 2) return new CellError("tooMany", param, M.tooMany(param, 2));
  if (filled.length < cells.length && cells.length === 2) {
    const missing = parts[cells.findIndex(isBlank)];
    return new CellError("required", missing, M.required(missing));
  }
  return filled;
}

/** EVAL_COMPOSITE (EVAL-2, EVAL-3, EVAL-4, EVAL-5). */
export function evalCompositeCells(
  indicator: unknown, publicAppraisal: unknown, internal: unknown, bonusPoints?: unknown, deductionPoints?: unknown,
  rules: EvalRuleset = evalRules,
): number | CellError {
  const parts = oneOrTwo(internal, "内部评估得分", ["领导评价", "同级评价"]);
  if (isError(parts)) return parts;
  const args = [
    toNumber(indicator, "指标考核得分"),
    toNumber(publicAppraisal, "公众评议得分"),
    ...parts.length === 1 ? [toNumber(parts[0], "内部评估得分")] : [toNumber(parts[0], "领导评价"), toNumber(parts[1], "同级评价")],
    toNumber(bonusPoints, "加分", { blank: 0 }),
    toNumber(deductionPoints, "减分", { blank: 0 }),
  ];
  const bad = args.find(isError);
  if (bad) return bad;
  const n = args as number[];
  return composite({
    indicator: n[0], publicAppraisal: n[1], internal: n.length === 5 ? n[2] : [n[2], n[3]], bonus: n[n.length - 2], deduction: n[n.length - 1],
  }, rules);
}

/** EVAL_BONUS (EVAL-4). */
export function evalBonusCells(commendations: unknown, rankingRises: unknown, emergencyAwards: unknown, rules: EvalRuleset = evalRules): number | CellError {
  const e = {
    commendations: toCount(commendations, "表彰次数"),
    rankingRises: toCount(rankingRises, "排位大幅前移项数"),
    emergencyAwards: toCount(emergencyAwards, "应急突出贡献次数"),
  };
  return Object.values(e).find(isError) ?? bonus(e as BonusEvents, rules);
}

/** EVAL_DEDUCTION (EVAL-5). */
export function evalDeductionCells(
  central: unknown, provincial: unknown, city: unknown, sanctionPoints?: unknown, derelictionPoints?: unknown,
  rules: EvalRuleset = evalRules,
): number | CellError {
  const e = {
    central: toCount(central, "中央通报批评次数"),
    provincial: toCount(provincial, "省级通报批评次数"),
    city: toCount(city, "市级通报批评次数"),
    sanctionPoints: values(sanctionPoints).map((x) => toNumber(x, "班子成员受处分扣分")),
    derelictionPoints: values(derelictionPoints).map((x) => toNumber(x, "失职渎职扣分")),
  };
  return Object.values(e).flat().find(isError) ?? deduction(e as DeductionEvents, rules);
}

/** EVAL_GRADE (EVAL-6). */
export function evalGradeCells(compositeScore: unknown, veto?: unknown, rules: EvalRuleset = evalRules): PassGrade | CellError {
  const c = toNumber(compositeScore, "综合得分");
  if (isError(c)) return c;
  const v = toYesNo(veto, "一票否决");
  return isError(v) ? v : grade(c, v, rules);
}

/**
 * An optional column beside the composites: omitted (null, or one empty cell) → undefined, the
 * condition is not checked; given, it must have one cell per composite, and a blank cell in it reads as the
 * condition not shown. A given but empty column is checked too: on Excel desktop its empty cells
 * arrive as 0 (no, 0%), so reading it as "not given" on the web would award 先进 there and not on
 * the desktop for the same sheet.
 */
function column(v: unknown, param: string, n: number): CellValue[] | undefined | CellError {
  // omitted: null, or the lone empty cell a matrix parameter may receive instead
  if (v === null || v === undefined || (flatten(v).length === 1 && isBlank(v))) return undefined;
  const cells = flatten(v);
  return cells.length !== n ? new CellError("rule", param, M.lengthMismatch(param, n, cells.length)) : cells;
}

/**
 * EVAL_GRADES (EVAL-6, EVAL-7): a column of grades for a column of composites. Rows whose
 * composite is blank stay blank and are not counted among the units evaluated.
 */
export function evalGradesCells(
  composites: unknown, vetoes?: unknown, satisfaction?: unknown, targetsMet?: unknown, sanctioned?: unknown,
  rules: EvalRuleset = evalRules,
): (Grade | "")[][] | CellError {
  const cells = flatten(composites);
  if (cells.every(isBlank)) return new CellError("required", "综合得分", M.required("综合得分"));
  const n = cells.length;
  const cols = [column(vetoes, "一票否决", n), column(satisfaction, "公众满意度", n), column(targetsMet, "目标任务完成", n), column(sanctioned, "班子成员受处分", n)];
  const badColumn = cols.find(isError);
  if (badColumn) return badColumn;
  const [veto, sat, met, sanc] = cols as (CellValue[] | undefined)[];
  const rows = cells.map((c, i) => ({ i, blank: isBlank(c) })).filter((r) => !r.blank).map(({ i }) => i);
  const units = rows.map((i) => {
    const s = sat && !isBlank(sat[i]) ? toNumber(sat[i], "公众满意度") : undefined;
    return {
      composite: toNumber(cells[i], "综合得分"),
      veto: veto ? toYesNo(veto[i], "一票否决") : false,
      satisfaction: sat ? (s === undefined ? null : isError(s) ? s : satisfactionFraction(s)) : undefined,
      targetsMet: met ? toYesNo(met[i], "目标任务完成") : undefined,
      sanctioned: sanc ? toYesNo(sanc[i], "班子成员受处分") : false,
    };
  });
  // unit by unit, field by field: the first bad cell is the error
  const bad = units.flatMap((u) => Object.values(u)).find(isError);
  if (bad) return bad;
  const result = grades(units as CountyUnit[], rules);
  if (isError(result)) return result;
  const out: (Grade | "")[][] = cells.map(() => [""]);
  rows.forEach((i, k) => { out[i] = [result[k]]; });
  return out;
}

/**
 * What a clerk writes in an indicator cell the department does not bear (不考核). An empty cell
 * cannot say it: Excel desktop passes an empty cell as 0, the same as a score of 0.
 */
export const NOT_ASSESSED = ["不考核", "不承担", "无此项", "—", "-", "/"] as const;
/** How a score of 0 is written so that it is not taken for an empty cell: as text. */
export const ZERO_SCORE_TEXT = "0分";

const isNotAssessed = (v: unknown): boolean =>
  typeof v === "string" && (NOT_ASSESSED as readonly string[]).includes(v.normalize("NFKC").replace(/\s+/g, ""));

/**
 * EVAL_DEPT_GRADE (EVAL-9, EVAL-10). An indicator the department does not bear is marked 不考核;
 * an empty cell — which Excel desktop passes as 0, the web as null — is refused on both, with the
 * number 0 (functions/params.ts reads it as blank), so the two never grade the same row differently.
 * A score of 0 is typed as text, 0分.
 */
export function evalDeptGradeCells(indicatorScores: unknown, livelihoodDone: unknown, veto?: unknown, rules: EvalRuleset = evalRules): PassGrade | CellError {
  const param = "指标得分";
  const cells = flatten(indicatorScores);
  const scores: number[] = [];
  for (let i = 0; i < cells.length; i++) {
    const x = cells[i];
    if (isNotAssessed(x)) continue;
    if (isBlank(x)) return new CellError("zeroOrBlank", param, M.zeroOrBlank(param, i + 1, NOT_ASSESSED[0], ZERO_SCORE_TEXT));
    const s = toNumber(x, param);
    if (isError(s)) return s;
    scores.push(s);
  }
  if (scores.length === 0) return new CellError("required", param, M.required(param));
  if (isBlank(livelihoodDone)) return new CellError("required", "为民办实事完成", M.required("为民办实事完成"));
  const done = toYesNo(livelihoodDone, "为民办实事完成");
  if (isError(done)) return done;
  const v = toYesNo(veto, "一票否决");
  return isError(v) ? v : deptGrade(scores, done, v, rules);
}

/** A grade typed in a sheet: 先进 / 合格 / 不合格 / 并列待定 (四(四): 评估结果分为先进、合格、不合格三个等次). */
export function toGrade(v: unknown, param: string): Grade | CellError {
  const key = toChoice(v, param, {
    advanced: [GRADES.advanced, "先进单位", "先进等次"],
    qualified: [GRADES.qualified, "合格单位", "合格等次"],
    unqualified: [GRADES.unqualified, "不合格单位", "不合格等次"],
    tie: [GRADES.tie, "待定"],
  });
  return isError(key) ? key : GRADES[key];
}
