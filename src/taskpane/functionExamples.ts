/**
 * One example formula per custom function (functions.md), shown on the 函数 tab and written into
 * the active cell by 插入: a valid formula the clerk then edits, rather than an incomplete one
 * Excel would refuse. Descriptions and parameters come from functions.json, not from here.
 */
export const FUNCTION_NAMESPACE = "GOV";

export const FUNCTION_EXAMPLES: Readonly<Record<string, string>> = {
  GRID_STAFFING: '=GOV.GRID_STAFFING(1800, "五星")',
  GRID_PATROL_CHECK: "=GOV.GRID_PATROL_CHECK(1, 3, 8)",
  TRIP_DAYS: '=GOV.TRIP_DAYS("2024-03-01", "2024-03-06")',
  TRIP_CHECK: '=GOV.TRIP_CHECK("考察", 6, "日本、韩国", "2024-03-01", "2024-03-10")',
  TRIP_APPROVER: '=GOV.TRIP_APPROVER("市政府部门正职")',
  PETITION_SCORE: '=GOV.PETITION_SCORE("B", 17, 16, 12, 18, 14, 8)',
  PETITION_COLLECTIVE: "=GOV.PETITION_COLLECTIVE(0, 1, 2)",
  PETITION_CASES: "=GOV.PETITION_CASES(1, 2, 0, 1)",
  PETITION_MAX: '=GOV.PETITION_MAX("C", 3)',
  EVAL_COMPOSITE: "=GOV.EVAL_COMPOSITE(820, 760, 800, 20, 10)",
  EVAL_BONUS: "=GOV.EVAL_BONUS(1, 1, 0)",
  EVAL_DEDUCTION: "=GOV.EVAL_DEDUCTION(0, 1, 1)",
  EVAL_GRADE: '=GOV.EVAL_GRADE(612.5, "否")',
  EVAL_GRADES: "=GOV.EVAL_GRADES(B2:B11)",
  EVAL_DEPT_GRADE: '=GOV.EVAL_DEPT_GRADE(B2:F2, "是")',
};

/** When a function has no example yet: its name and an empty argument list to fill in. */
export function exampleFor(id: string): string {
  return FUNCTION_EXAMPLES[id] ?? `=${FUNCTION_NAMESPACE}.${id}()`;
}
