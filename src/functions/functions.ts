/**
 * GOV custom functions. Each is a one-line wrapper over src/core/rules; the JSDoc here is the
 * functions metadata (custom-functions-metadata-plugin turns it into dist/functions.json and
 * appends CustomFunctions.associate for every @customfunction). Parameters that accept text and
 * numbers are `any`; ranges are `any[][]`. Excel passes null for an omitted optional argument.
 */
import { guard } from "./guard";

// ===== Harbin — grid staffing (哈办发〔2011〕14号) =====
// (GRID_STAFFING, GRID_PATROL_CHECK)
// ===== end Harbin =====

// ===== Chongqing — trips abroad (渝委发〔2005〕14号) =====
// (TRIP_DAYS, TRIP_CHECK, TRIP_APPROVER)
// ===== end Chongqing =====

// ===== Shenzhen — petition assessment (深办〔2003〕36号) =====
// (PETITION_SCORE, PETITION_COLLECTIVE, PETITION_CASES, PETITION_MAX)
// ===== end Shenzhen =====

// ===== Loudi — performance evaluation (娄办发〔2009〕19号) =====
// (EVAL_COMPOSITE, EVAL_BONUS, EVAL_DEDUCTION, EVAL_GRADE, EVAL_GRADES, EVAL_DEPT_GRADE)
// ===== end Loudi =====

export { guard };
