/**
 * Cell-facing entry points of the Harbin rules: coerce what Excel passes (text, full-width
 * digits, `[[value]]`, null for an omitted argument) through core/input, then compute. The
 * custom functions in src/functions/functions.ts are one-line wrappers over these.
 */
import { toChoice, toCount, toNumber, toStar, isBlank, shown, scalar } from "../../input/coerce";
import { CellError, isError } from "../../input/errors";
import { inputMessages as M } from "../../input/messages";
import { type GridRuleset, gridRuleset } from "./data";
import { patrolCheck, posts, subsidy } from "./compute";

/** The one number GRID_STAFFING returns when asked for a field. */
export const STAFFING_FIELDS = {
  posts: ["posts", "岗位", "岗位数", "专职工作者", "专职工作者数"],
  subsidy: ["subsidy", "补助", "年度补助", "公益活动补助"],
  city: ["city", "市级", "市级承担", "市"],
  district: ["district", "区级", "区级承担", "区"],
} as const;
export type StaffingField = keyof typeof STAFFING_FIELDS;

/**
 * GRID_STAFFING: `[[posts, annual subsidy, city share, district share]]` (GRID-1, GRID-4), or
 * `[[one of them]]` when `field` names it.
 */
export function gridStaffing(
  households: unknown, starRating?: unknown, field?: unknown, rs: GridRuleset = gridRuleset,
): number[][] | CellError {
  const h = toCount(households, "户数");
  if (isError(h)) return h;
  const stars = toStar(starRating, "星级");
  if (isError(stars)) return stars;
  const s = subsidy(stars, rs);
  const row = { posts: posts(h, rs), subsidy: s.annual, city: s.city, district: s.district };
  if (isBlank(field)) return [[row.posts, row.subsidy, row.city, row.district]];
  const key = toChoice(field, "返回项", STAFFING_FIELDS);
  return isError(key) ? key : [[row[key]]];
}

/** Hours in a calendar day: a day's working time cannot exceed it. */
const HOURS_PER_DAY = 24;

/** GRID_PATROL_CHECK: `合格`, or `不合格：` followed by each failed rule with its clause (GRID-5). */
export function gridPatrolCheck(
  patrols: unknown, hoursInGrid: unknown, workingHours: unknown, rs: GridRuleset = gridRuleset,
): string | CellError {
  const p = toCount(patrols, "巡查次数");
  if (isError(p)) return p;
  const inGrid = toNumber(hoursInGrid, "在格时长", { min: 0 });
  if (isError(inGrid)) return inGrid;
  const working = toNumber(workingHours, "工作时长", { min: 0, max: HOURS_PER_DAY });
  if (isError(working)) return working;
  // both were read from one cell each: scalar gives that cell's value back
  if (working === 0) return new CellError("positive", "工作时长", M.positive("工作时长", shown(scalar(workingHours, "工作时长"))));
  if (inGrid > working) return new CellError("aboveMax", "在格时长", M.aboveMax("在格时长", working, shown(scalar(hoursInGrid, "在格时长"))));
  const failed = patrolCheck({ patrols: p, hoursInGrid: inGrid, workingHours: working }, rs);
  if (failed.length === 0) return "合格";
  return `不合格：${failed.map((f) => `${f.message}（${f.clause}）`).join("；")}`;
}
