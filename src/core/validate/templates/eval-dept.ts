/**
 * eval-dept — 市直责任部门绩效评估表 (娄办发〔2009〕19号), templates.md. One row per department: its
 * scored indicators (any numeric column the template does not name) within 0–100 (EVAL-9), and
 * the grade against 为民办实事, the 60-point line, the veto (EVAL-10) and the 30% quota (EVAL-11).
 * Every number comes from the eval ruleset through its compute functions.
 */
import { isBlank, toNumber, toYesNo } from "../../input/coerce";
import { InputError } from "../../input/errors";
import { type Cite, cites } from "../../rules/ruleset";
// the concrete modules, not the rules/eval barrel (its `export *` compiles to getters)
import { EVAL_DOCUMENT, evalRules } from "../../rules/eval/data";
import { GRADES, advancedPlaces, checkDeptIndicator, deptGrade } from "../../rules/eval/compute";
import { toGrade } from "../../rules/eval/cells";
import { memoByText } from "../engine";
import type { Check, CheckContext, TableRow, TemplateDef } from "../template";

const rs = evalRules;
const from = (c: Cite) => cites(EVAL_DOCUMENT, c);
const INDICATORS = "indicators";
const num = (v: unknown, p: string) => toNumber(v, p);
// 等次 and 为民办实事 hold a few words: each distinct text is matched once
const typedGrade = memoByText(toGrade);
const yesNo = memoByText(toYesNo);

/** The row's indicator scores (blank = an indicator the department does not bear), or undefined when one is bad. */
function indicatorScores(row: TableRow, ctx: CheckContext): number[] | undefined {
  const out: number[] = [];
  let ok = true;
  row.getAll(INDICATORS).forEach((v, index) => {
    if (isBlank(v)) return;
    const n = ctx.value(row, INDICATORS, num, { index });
    if (n === undefined) ok = false;
    else out.push(n);
  });
  return ok ? out : undefined;
}

const indicatorRange: Check = {
  id: "indicator-range",
  ...from(rs.deptIndicatorMax),
  severity: "error",
  description: `各项指标得分在0–${rs.deptIndicatorMax.value}分之间`,
  row(row, ctx) {
    row.getAll(INDICATORS).forEach((v, index) => {
      if (isBlank(v)) return;
      const n = ctx.value(row, INDICATORS, num, { index });
      if (n === undefined) return;
      try {
        checkDeptIndicator(n);
      } catch (e) {
        if (!(e instanceof InputError)) throw e;
        ctx.report({
          row, key: INDICATORS, index, expected: rs.deptIndicatorMax.value, actual: n,
          message: `指标得分须在0–${rs.deptIndicatorMax.value}分之间,填报${n}`,
        });
      }
    });
  },
};

/** The grade EVAL-10 gives the row, or undefined when its inputs are bad. */
function computedGrade(row: TableRow, ctx: CheckContext): { grade: string; why: string[] } | undefined {
  const scores = indicatorScores(row, ctx);
  const done = ctx.value(row, "livelihood", yesNo, { required: true });
  const veto = row.has("veto") ? ctx.value(row, "veto", yesNo) ?? false : false;
  if (scores === undefined || done === undefined) return undefined;
  if (scores.some((s) => s < 0 || s > rs.deptIndicatorMax.value)) return undefined; // indicator-range reports it
  const why: string[] = [];
  if (!done) why.push("未完成为民办实事指标任务");
  const low = scores.filter((s) => s < rs.deptPassMark.value);
  if (low.length > 0) why.push(`指标得分${low.join("、")}分低于${rs.deptPassMark.value}分`);
  if (veto) why.push("有“一票否决”事项");
  return { grade: deptGrade(scores, done, veto), why };
}

const gradeCheck: Check = {
  id: "grade",
  ...from(rs.deptPassMark),
  severity: "error",
  description: `完成为民办实事且各项指标得分均在${rs.deptPassMark.value}分以上为合格,否则(或有一票否决)为不合格`,
  row(row, ctx) {
    if (!row.has("grade")) return;
    const typed = ctx.value(row, "grade", typedGrade);
    const c = computedGrade(row, ctx);
    if (typed === undefined || c === undefined) return;
    if (c.grade === GRADES.unqualified && typed !== GRADES.unqualified) {
      ctx.report({ row, key: "grade", expected: GRADES.unqualified, actual: typed, message: `${c.why.join(";")},等次应为不合格,填报${typed}` });
    } else if (c.grade === GRADES.qualified && typed === GRADES.unqualified) {
      ctx.report({
        row, key: "grade", expected: GRADES.qualified, actual: typed,
        message: `完成为民办实事、各项指标均在${rs.deptPassMark.value}分以上且无一票否决,等次应为合格或先进,填报不合格`,
      });
    }
  },
};

const advancedQuota: Check = {
  id: "advanced-quota",
  ...from(rs.deptAdvancedQuota),
  severity: "error",
  description: `先进从合格部门中产生,名额不超过被评估部门总数的${rs.deptAdvancedQuota.value * 100}%(向下取整)`,
  sheet(table, ctx) {
    if (!table.rows.some((r) => r.has("grade"))) return;
    const places = advancedPlaces(table.rows.length, rs, "dept");
    const advanced = table.rows.filter((r) => ctx.value(r, "grade", typedGrade) === GRADES.advanced);
    // the excess is reported on the last 先进 rows of the sheet (no ranking criterion is given for departments)
    for (const row of advanced.slice(places)) {
      ctx.report({
        row, key: "grade", expected: places, actual: advanced.length,
        message: `${table.rows.length}个被评估部门的先进名额为${places}个(${rs.deptAdvancedQuota.value * 100}%),评为先进${advanced.length}个`,
      });
    }
  },
};

export const template: TemplateDef = {
  id: "eval-dept",
  title: "市直责任部门绩效评估表",
  document: EVAL_DOCUMENT,
  columns: [
    { key: "dept", name: "部门", aliases: ["单位", "责任部门", "部门名称", "市直责任部门"], required: true },
    { key: "livelihood", name: "为民办实事完成", aliases: ["为民办实事", "为民办实事完成情况"], required: true },
    { key: "veto", name: "一票否决", aliases: ["一票否决事项"] },
    { key: "grade", name: "等次", aliases: ["评估等次"] },
  ],
  extraNumericAs: INDICATORS,
  checks: [indicatorRange, gradeCheck, advancedQuota],
};
