/**
 * How each custom-function parameter reads the number 0 (issue 9, item 3). Excel desktop passes an
 * empty referenced cell as 0, Excel on the web as null, and a range may carry 0 for its empty cells
 * on both (office-js issues 4702, 1951, 5262): the function cannot tell an empty cell from a typed
 * 0. So every parameter declares, as data, what its 0 means (core/input/excel.ts, ZeroReading):
 *
 *   B  "blank": 0 reads as the empty cell — 0 can never be a real value here, or (indicator
 *      scores) the rule refuses an empty cell anyway. Desktop and web then give the same result.
 *   V  "value": 0 is a real value and reads as 0. The comment says what an empty cell then gives
 *      on the desktop and why that is never a silent pass.
 *
 * Keys are the parameter names of functions.json, in order (tests check both against the built
 * metadata); the README's function reference shows this table.
 */
import type { ZeroReading } from "../core/input/excel";

const B: ZeroReading = "blank";
const V: ZeroReading = "value";

export const PARAMS = {
  GRID_STAFFING: {
    households: V, // 0 households → 0 posts (Decision GRID-1); an empty cell shows 0 posts, a number, not a verdict
    star_rating: B, // 0 stars is "no rating", the same as blank: no subsidy
    field: B, // a selector: 0 names no field, so all four numbers are returned
  },
  GRID_PATROL_CHECK: {
    patrols: V, // 0 patrols is what GRID-5 catches: 不合格, never a pass
    hours_in_grid: V, // 0 hours in the grid: 不合格, never a pass
    working_hours: B, // a working day of 0 hours does not exist: 不能为空
  },
  TRIP_DAYS: { departure_date: B, return_date: B }, // serial 0 is no date
  TRIP_CHECK: {
    trip_type: B, // a selector
    group_size: B, // a group has at least one member
    countries: B, // a trip goes to at least one country
    departure_date: B,
    return_date: B,
    trips_this_year: B, // counts this trip, so at least 1
    request_date: B,
    document_date: B,
    report_date: B,
    passport_date: B,
  },
  TRIP_APPROVER: { position: B }, // cases of (十二) start at 1
  PETITION_SCORE: {
    category: B, // a selector
    leadership: V, // section scores: 0 is the lowest score, so an empty cell can only lower the result
    grassroots: V,
    information: V,
    collective: V, // may be 0 (PET-2); a blank beside a filled year is refused (core), not dropped
    cases: V,
    innovation: V,
    basis: B, // a selector
  },
  PETITION_COLLECTIVE: {
    // counts of collective petitions: 0 (none) is the commonest real entry; an empty cell on the
    // desktop reads as none, exactly like a typed 0 — the web refuses it (不能为空)
    national: V,
    provincial: V,
    city: V,
    absent_national: V, // optional counts: blank is 0 on every platform
    absent_provincial: V,
    absent_city: V,
    individual_absent: V,
    major_incident: V, // yes/no: 0 is 否, as blank is
  },
  PETITION_CASES: { overdue: V, reminders: V, substandard: V, unanswered: V }, // counts, as above
  PETITION_MAX: {
    category: B, // a selector
    section: B, // sections are 1–6: 0 names none, so the category's full mark is returned
  },
  EVAL_COMPOSITE: {
    indicator: V, // scores 0–1000: 0 is the lowest, an empty cell can only lower the composite
    public_appraisal: V,
    internal: V, // a blank beside a filled cell of [leaders, peers] is refused (core), not dropped
    bonus: V, // optional: blank is 0 on every platform
    deduction: V,
  },
  EVAL_BONUS: { commendations: V, ranking_rises: V, emergency_awards: V }, // counts: 0 is the lowest bonus
  EVAL_DEDUCTION: {
    central: V, // counts of criticisms, as PETITION_COLLECTIVE's
    provincial: V,
    city: V,
    sanction_points: B, // per-person points are 10–20: 0 is an empty cell of the range
    dereliction_points: B,
  },
  EVAL_GRADE: {
    composite: V, // 0 is below the pass mark: 不合格, never a pass
    veto: V, // yes/no: 0 is 否, as blank is
  },
  EVAL_GRADES: {
    composites: B, // no real composite is exactly 0: an empty row, not counted in the quota
    // the condition columns: a 0 in a given column grades as its blank cell does (否; 0% and a blank
    // both "not shown"), and a lone 0 is the empty cell of an omitted column, as on the web
    vetoes: B,
    satisfaction: B,
    targets_met: B,
    sanctioned: B,
  },
  EVAL_DEPT_GRADE: {
    indicator_scores: B, // 0 and an empty cell cannot be told apart: both refused, write 不考核 or 0分
    livelihood_done: V, // yes/no: 0 is 否 (不合格); blank is refused as 不能为空
    veto: V, // yes/no: 0 is 否, as blank is
  },
} as const satisfies Record<string, Record<string, ZeroReading>>;

export type FunctionId = keyof typeof PARAMS;

/**
 * PARAMS as functions.js carries it: each function's readings of 0 in parameter order, B for
 * "blank" and V for "value". The parameter names stay out of the bundle (its byte budget, test/unit/
 * perf/budgets.test.ts); test/unit/functions/errors-as-values.test.ts checks that it equals PARAMS.
 */
export const ZERO_READINGS: Readonly<Record<FunctionId, string>> = {
  GRID_STAFFING: "VBB",
  GRID_PATROL_CHECK: "VVB",
  TRIP_DAYS: "BB",
  TRIP_CHECK: "BBBBBBBBBB",
  TRIP_APPROVER: "B",
  PETITION_SCORE: "BVVVVVVB",
  PETITION_COLLECTIVE: "VVVVVVVV",
  PETITION_CASES: "VVVV",
  PETITION_MAX: "BB",
  EVAL_COMPOSITE: "VVVVV",
  EVAL_BONUS: "VVV",
  EVAL_DEDUCTION: "VVVBB",
  EVAL_GRADE: "VV",
  EVAL_GRADES: "BBBBB",
  EVAL_DEPT_GRADE: "BVV",
};
