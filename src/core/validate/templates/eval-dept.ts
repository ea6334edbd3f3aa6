/**
 * eval-dept — 市直责任部门绩效评估表 (娄办发〔2009〕19号), templates.md. One row per department: its
 * scored indicators (any numeric column the template does not name) within 0–100 (EVAL-9), and
 * the grade against 为民办实事, the 60-point line, the veto (EVAL-10) and the 30% quota (EVAL-11).
 * Every number comes from the eval ruleset through its compute functions.
 */
import { isBlank } from "../../input/coerce";
import { isError } from "../../input/errors";
// the concrete modules, not the rules/eval barrel (its `export *` compiles to getters)
import { EVAL_DOCUMENT, evalRules } from "../../rules/eval/data";
import { evalRuleTable } from "../../rules/eval/ruleTable";
import { GRADES, type Grade, advancedPlaces, checkDeptIndicator, deptGrade } from "../../rules/eval/compute";
import { toGrade } from "../../rules/eval/cells";
import type { Check, CheckContext, TableRow, TemplateDef } from "../template";

const rs = evalRules;
const INDICATORS = "indicators";

/** The row's indicator scores (blank = an indicator the department does not bear), or undefined when one is bad. */
function indicatorScores(row: TableRow): number[] | undefined {
  const out: number[] = [];
  let ok = true;
  row.getAll(INDICATORS).forEach((v, index) => {
    if (isBlank(v)) return;
    const n = row.value(INDICATORS, index);
    if (n === undefined) ok = false;
    else out.push(n);
  });
  return ok ? out : undefined;
}

const indicatorRange: Check = {
  id: "indicator-range",
  rule: rs.deptIndicatorMax.rule,
  severity: "error",
  description: `各项指标得分在0–${rs.deptIndicatorMax.value}分之间`,
  messages: ["outOfRange"],
  row(row, ctx) {
    row.getAll(INDICATORS).forEach((v, index) => {
      if (isBlank(v)) return;
      const n = row.value(INDICATORS, index);
      if (n === undefined) return;
      if (isError(checkDeptIndicator(n))) {
        ctx.report({
          row, key: INDICATORS, index, expected: rs.deptIndicatorMax.value, actual: n,
          messageId: "outOfRange", data: { max: rs.deptIndicatorMax.value, value: n },
        });
      }
    });
  },
};

/** The grade EVAL-10 gives the row and why (catalogue phrases), or undefined when its inputs are bad. */
function computedGrade(row: TableRow, ctx?: CheckContext): { grade: string; why: string[] } | undefined {
  const scores = indicatorScores(row);
  const done = row.value<boolean>("livelihood");
  const veto = row.value<boolean>("veto") ?? false;
  if (scores === undefined || done === undefined) return undefined;
  if (scores.some((s) => s < 0 || s > rs.deptIndicatorMax.value)) return undefined; // indicator-range reports it
  const why: string[] = [];
  if (ctx) {
    // the reasons are the grade check's phrases (another check asks for the grade alone)
    if (!done) why.push(ctx.phrase("notDone"));
    const low = scores.filter((s) => s < rs.deptPassMark.value);
    if (low.length > 0) why.push(ctx.phrase("lowScores", { scores: low.join("、"), pass: rs.deptPassMark.value }));
    if (veto) why.push(ctx.phrase("veto"));
  }
  return { grade: deptGrade(scores, done, veto) as string, why }; // scores within range (above): never an error
}

const gradeCheck: Check = {
  id: "grade",
  rule: rs.deptPassMark.rule,
  severity: "error",
  description: `完成为民办实事且各项指标得分均在${rs.deptPassMark.value}分以上为合格，否则（或有一票否决）为不合格`,
  messages: ["shouldFail", "shouldPass", "notDone", "lowScores", "veto"],
  row(row, ctx) {
    if (!row.has("grade")) return;
    const typed = row.value<Grade>("grade");
    const c = computedGrade(row, ctx);
    if (typed === undefined || c === undefined) return;
    if (c.grade === GRADES.unqualified && typed !== GRADES.unqualified) {
      ctx.report({
        row, key: "grade", expected: GRADES.unqualified, actual: typed, messageId: "shouldFail", data: { reasons: c.why.join("；"), typed },
      });
    } else if (c.grade === GRADES.qualified && typed === GRADES.unqualified) {
      ctx.report({
        row, key: "grade", expected: GRADES.qualified, actual: typed, messageId: "shouldPass", data: { pass: rs.deptPassMark.value },
      });
    }
  },
};

const advancedQuota: Check = {
  id: "advanced-quota",
  acrossFiles: true,
  rule: rs.deptAdvancedQuota.rule,
  severity: "error",
  description: `先进从合格部门中产生，名额不超过被评估部门总数的${rs.deptAdvancedQuota.value * 100}%（向下取整）`,
  messages: ["overQuota"],
  followsFrom: ["grade"],
  sheet(table, ctx) {
    if (!table.rows.some((r) => r.has("grade"))) return;
    const places = advancedPlaces(table.rows.length, rs, "dept");
    const advanced = table.rows.filter((r) => r.value<Grade>("grade") === GRADES.advanced);
    if (advanced.length <= places) return;
    // 先进 come from 合格 departments: as many 先进 that should be 不合格 (grade reports them) as the
    // excess, and the quota holds without them, so the excess follows from them
    const unqualified = advanced.filter((r) => computedGrade(r)?.grade === GRADES.unqualified);
    const fromGrade = unqualified.length >= advanced.length - places;
    // the excess is reported on the last 先进 rows of the sheet (no ranking criterion is given for departments)
    for (const row of advanced.slice(places)) {
      ctx.report({
        row, key: "grade", expected: places, actual: advanced.length, messageId: "overQuota",
        data: { units: table.rows.length, places, quota: rs.deptAdvancedQuota.value * 100, advanced: advanced.length },
        causedBy: fromGrade && unqualified.length > 0 ? { row: unqualified.includes(row) ? row : unqualified[0], key: "grade" } : undefined,
      });
    }
  },
};

export const template = {
  id: "eval-dept",
  who: ["dept"],
  title: "市直责任部门绩效评估表",
  document: EVAL_DOCUMENT,
  rules: evalRuleTable,
  columns: [
    { key: "dept", name: "部门", aliases: ["单位", "责任部门", "部门名称", "市直责任部门"], required: true },
    {
      key: "livelihood", name: "为民办实事完成", aliases: ["为民办实事", "为民办实事完成情况"], required: true,
      cell: { type: "yesno" }, needed: true,
    },
    { key: "veto", name: "一票否决", aliases: ["一票否决事项"], cell: { type: "yesno" } },
    { key: "grade", name: "等次", aliases: ["评估等次"], cell: { type: "parse", parse: toGrade, byText: true } },
  ],
  extraNumericAs: INDICATORS,
  checks: [indicatorRange, gradeCheck, advancedQuota],
} as const satisfies TemplateDef;
