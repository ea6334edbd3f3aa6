/**
 * Pure computations of 哈办发〔2011〕14号 over typed values (rules.md §1). Cell coercion happens in
 * cells.ts, and the validator's typed columns convert cells the same way, so no input reaches these
 * functions unchecked: an impossible number here (a negative count, 4.5 stars) is a caller's bug,
 * thrown as a plain Error (an internal error, never the clerk's #VALUE! message).
 */
import { inputMessages as M } from "../../input/messages";
import type { Severity } from "../severity";
import { citation } from "../ruleset";
import { type GridRuleset, gridRuleset } from "./data";

/** A rule outcome with the rule id and the full citation of its clause. */
export interface GridFinding {
  rule: string;
  /** e.g. `哈办发〔2011〕14号 二(六)` */
  clause: string;
  severity: Severity;
  message: string;
  expected?: number;
  actual?: number;
}

export interface Subsidy {
  /** ¥ per year (GRID-4) */
  annual: number;
  city: number;
  district: number;
}

function requireCount(n: number, param: string): void {
  if (!Number.isInteger(n) || n < 0) throw new Error(M.notCount(param, String(n)));
}

function requireNonNegative(n: number, param: string): void {
  if (!Number.isFinite(n)) throw new Error(M.notNumber(param, String(n)));
  if (n < 0) throw new Error(M.negative(param, String(n)));
}

const ROUND: Record<GridRuleset["postRounding"]["value"], (x: number) => number> = {
  ceil: Math.ceil,
  floor: Math.floor,
  round: Math.round,
};

/**
 * Full-time worker posts of a community (GRID-1 三(三): 按900户设1个岗位), rounded as the
 * ruleset's Decision says, and at least the GRID-2 minimum for a community with households.
 */
export function posts(households: number, rs: GridRuleset = gridRuleset): number {
  requireCount(households, "户数");
  if (households === 0) return 0;
  const raw = ROUND[rs.postRounding.value](households / rs.householdsPerPost.value);
  return Math.max(raw, rs.postRounding.minimumWhenInhabited.value);
}

/** Splits an amount between city and district finance by the ruleset's ratio, to the fen. */
export function splitShare(amount: number, share: GridRuleset["subsidyShare"]): { city: number; district: number } {
  const parts = share.city.value + share.district.value;
  const city = Math.round((amount * share.city.value * 100) / parts) / 100;
  return { city, district: Math.round((amount - city) * 100) / 100 };
}

/**
 * Public-welfare subsidy of a community by its star rating (GRID-4 三(五)): five-star ¥50,000,
 * four-star ¥30,000 a year, borne by city and district 1:1; other ratings earn none.
 */
export function subsidy(stars: number, rs: GridRuleset = gridRuleset): Subsidy {
  if (!Number.isInteger(stars) || stars < 0 || stars > 5) {
    throw new Error(M.notStar("星级", String(stars)));
  }
  const entry = rs.subsidies.find((s) => s.stars.value === stars);
  const annual = entry ? entry.amount.value : 0;
  return { annual, ...splitShare(annual, rs.subsidyShare) };
}

/** The share as the clerk reads it: 1/3 rather than 0.333. */
export function formatShare(share: number): string {
  const inverse = 1 / share;
  if (Math.abs(inverse - Math.round(inverse)) < 1e-9) return `1/${Math.round(inverse)}`;
  return `${Math.round(share * 1000) / 10}%`;
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

export interface PatrolDay {
  /** patrols of the grid that day */
  patrols: number;
  /** hours spent in the grid that day */
  hoursInGrid: number;
  /** working hours that day */
  workingHours: number;
}

/** GRID-5 (二(六)) first half: 每天至少到网格巡查1次. `patrols` is the day's total. */
export function dailyPatrolFinding(patrols: number, rs: GridRuleset = gridRuleset): GridFinding | null {
  requireCount(patrols, "巡查次数");
  const min = rs.patrolsPerDay;
  if (patrols >= min.value) return null;
  return {
    rule: min.rule,
    clause: citation(rs.document, min.clause),
    severity: "error",
    message: `每天至少巡查${min.value}次，填报${patrols}次`,
    expected: min.value,
    actual: patrols,
  };
}

/**
 * GRID-5 (二(六)) second half: 在网格时间要达到工作时间三分之一以上 (“以上” includes the third).
 * Compared with a half-fen tolerance: 8 h × 1/3 is 2.666…, and a clerk typing 2.67 has met it.
 */
export function timeInGridFinding(hoursInGrid: number, workingHours: number, rs: GridRuleset = gridRuleset): GridFinding | null {
  requireNonNegative(hoursInGrid, "在格时长");
  requireNonNegative(workingHours, "工作时长");
  const share = rs.timeInGridShare;
  const needed = workingHours * share.value;
  if (hoursInGrid + 0.005 >= needed) return null;
  return {
    rule: share.rule,
    clause: citation(rs.document, share.clause),
    severity: "error",
    message: `在格时长须达工作时长的${formatShare(share.value)}以上，应不少于${round2(needed)}小时，填报${hoursInGrid}小时`,
    expected: round2(needed),
    actual: hoursInGrid,
  };
}

/**
 * GRID-5 (二(六)) for one worker-day: at least one patrol, and at least a third of working time in
 * the grid. Returns the failed rules.
 */
export function patrolCheck(day: PatrolDay, rs: GridRuleset = gridRuleset): GridFinding[] {
  return [dailyPatrolFinding(day.patrols, rs), timeInGridFinding(day.hoursInGrid, day.workingHours, rs)]
    .filter((f): f is GridFinding => f !== null);
}

/** GRID-6 (二(四)): the weekly patrols a grid supervisor (督导员) must join. */
export function supervisorWeeklyMinimum(rs: GridRuleset = gridRuleset): number {
  return rs.supervisorPatrolsPerWeek.value;
}
