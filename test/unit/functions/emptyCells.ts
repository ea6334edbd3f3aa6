/**
 * Desktop-style empty cells, generated from src/functions/params.ts (issue 9, item 3): Excel
 * desktop passes an empty referenced cell as 0, the web as null, and a range may carry 0 for its
 * empty cells on both. For every function and every parameter a clerk could leave empty, the call
 * with 0 there is compared with the call with null there (the web), starting from a valid call
 * with every argument filled. Used on the source (empty-cells.test.ts) and on the built bundle
 * (dist.test.ts).
 */
import { PARAMS, type FunctionId } from "../../../src/functions/params";

/** A valid call of each function with every parameter filled (ranges where a range is allowed). */
export const FULL: Record<FunctionId, unknown[]> = {
  GRID_STAFFING: [1800, 5, "岗位"],
  GRID_PATROL_CHECK: [1, 3, 8],
  TRIP_DAYS: ["2024-03-01", "2024-03-06"],
  TRIP_CHECK: ["考察", 5, 1, "2024-03-01", "2024-03-06", 1, "2024-01-01", "2024-01-25", "2024-03-20", "2024-03-15"],
  TRIP_APPROVER: [5],
  PETITION_SCORE: ["B", 15, 15, 10, [[18, 16]], [[12, 13]], 8, "stated"],
  PETITION_COLLECTIVE: [1, 1, 2, 1, 0, 1, 2, "否"],
  PETITION_CASES: [2, 1, 1, 2],
  PETITION_MAX: ["B", 3],
  EVAL_COMPOSITE: [800, 700, [[800, 900]], 20, 10],
  EVAL_BONUS: [1, 1, 1],
  EVAL_DEDUCTION: [0, 1, 1, [[15, 12]], [[10]]],
  EVAL_GRADE: [700, "否"],
  EVAL_GRADES: [
    [[900], [880], [860], [840], [820], [700], [650], [610], [600], [590]],
    [["否"], ["否"], ["否"], ["否"], ["否"], ["否"], ["否"], ["否"], ["否"], ["是"]],
    [[0.9], [0.9], [0.5], [0.9], [0.9], [0.9], [0.9], [0.9], [0.9], [0.9]],
    [["是"], ["是"], ["是"], ["是"], ["是"], ["是"], ["是"], ["是"], ["是"], ["是"]],
    [["否"], ["否"], ["否"], ["否"], ["否"], ["否"], ["否"], ["否"], ["否"], ["否"]],
  ],
  EVAL_DEPT_GRADE: [[[80, 70, 90]], "是", "否"],
};

export type Outcome = { value: unknown } | { error: string };

export interface EmptyCase {
  id: FunctionId;
  param: string;
  zero: "blank" | "value";
  /** how the empty cell is placed: the whole argument, or one cell of a range argument */
  where: "argument" | "cell of the range";
  desktop: unknown[];
  web: unknown[];
}

/** Every (function, parameter) with the empty cell as 0 (desktop) and as null (web). */
export function emptyCellCases(): EmptyCase[] {
  const out: EmptyCase[] = [];
  for (const id of Object.keys(PARAMS) as FunctionId[]) {
    const params = Object.entries(PARAMS[id]) as [string, "blank" | "value"][];
    params.forEach(([param, zero], i) => {
      const full = FULL[id];
      const withArg = (v: unknown) => full.map((a, j) => (j === i ? v : a));
      const arg = full[i];
      // a lone empty cell given to the parameter (a range parameter receives it as [[v]])
      const range = Array.isArray(arg);
      out.push({ id, param, zero, where: "argument", desktop: withArg(range ? [[0]] : 0), web: withArg(range ? [[null]] : null) });
      // an empty cell inside a range the clerk selected (column or row): the last cell emptied
      if (range) {
        const rows = arg as unknown[][];
        const empty = (v: unknown) => rows.map((row, r) => (r === rows.length - 1 ? row.map((x, c) => (c === row.length - 1 ? v : x)) : row));
        out.push({ id, param, zero, where: "cell of the range", desktop: withArg(empty(0)), web: withArg(empty(null)) });
      }
    });
  }
  return out;
}

/** Runs a call and reports its value or its #VALUE! message (anything else is a test failure). */
export function outcome(call: () => unknown): Outcome {
  try {
    return { value: JSON.parse(JSON.stringify(call())) as unknown };
  } catch (e) {
    const err = e as { code?: string; message: string };
    if (err.code !== "#VALUE!") throw e;
    return { error: err.message };
  }
}

/** A verdict that lets the row through: 合格, 合规 or 先进 anywhere in the result. */
const PASSES = /^(合格|合规|先进)$/;
export function isPass(o: Outcome): boolean {
  if (!("value" in o)) return false;
  const flat = ([] as unknown[]).concat(...(Array.isArray(o.value) ? (o.value as unknown[][]) : [[o.value]]));
  return flat.some((x) => typeof x === "string" && PASSES.test(x));
}

/**
 * The contract, per parameter kind:
 * - blank: the desktop call (0) gives exactly what the web call (null) gives.
 * - value: the two agree, or the web refuses the empty required cell (不能为空) while the desktop
 *   reads 0; and the desktop's 0 is never a pass the web would not give.
 */
export function checkEmptyCase(c: EmptyCase, desktop: Outcome, web: Outcome): void {
  if (c.zero === "blank") {
    expect({ case: `${c.id}.${c.param} (${c.where})`, desktop }).toEqual({ case: `${c.id}.${c.param} (${c.where})`, desktop: web });
    return;
  }
  const same = JSON.stringify(desktop) === JSON.stringify(web);
  const webRefusesBlank = "error" in web && /不能为空/.test(web.error);
  expect({ case: `${c.id}.${c.param} (${c.where})`, agreeOrWebRefuses: same || webRefusesBlank })
    .toEqual({ case: `${c.id}.${c.param} (${c.where})`, agreeOrWebRefuses: true });
  if (isPass(desktop)) expect({ case: `${c.id}.${c.param}`, web }).toEqual({ case: `${c.id}.${c.param}`, web: desktop });
}
