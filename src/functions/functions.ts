/**
 * GOV custom functions. Each is a one-line wrapper over src/core/rules; the JSDoc here is the
 * default (English) functions metadata: custom-functions-metadata-plugin turns it into
 * dist/functions.json and appends CustomFunctions.associate for every @customfunction. The zh-CN
 * names and descriptions live in names.zh-CN.ts (dist/functions.zh-CN.json, built from it by
 * scripts/functions-locale.js). Parameters that accept text and numbers are `any`; ranges are
 * `any[][]`. Excel passes null for an omitted optional argument; `run` unwraps Excel data types and
 * reads each parameter's 0 as params.ts declares (Excel desktop passes an empty cell as 0).
 */
import { guard, run } from "./guard";

// ===== Harbin — grid staffing (哈办发〔2011〕14号) =====
import { gridPatrolCheck, gridStaffing } from "../core/rules/grid";

/**
 * Community worker posts and the annual public-welfare subsidy of a community (哈办发〔2011〕14号 三（三）: posts by households, rounded up, at least one for an inhabited community; 三（五）: subsidy by star rating, shared by city and district). Returns one row: posts, annual subsidy, city share, district share.
 * @customfunction GRID_STAFFING
 * @param households Number of households in the community (a whole number, e.g. 1800 or "1,800户").
 * @param [star_rating] Harmonious-community star rating (5, "五星", "五星级", "★★★★★"; 4 likewise). Blank or 1–3 stars: no subsidy.
 * @param [field] Return one number only: posts (岗位), subsidy (补助), city (市级) or district (区级). Blank returns all four.
 * @returns A 1×4 row [posts, annual subsidy ¥, city share ¥, district share ¥], or the one number asked for.
 */
export function gridStaffingFn(households: any, star_rating?: any, field?: any): any[][] {
  return run("GRID_STAFFING", [households, star_rating, field], gridStaffing);
}

/**
 * Whether a grid worker's day meets the patrol rule (哈办发〔2011〕14号 二（六）: patrol the grid every day, and spend at least the set share of working time in it).
 * @customfunction GRID_PATROL_CHECK
 * @param patrols Patrols of the grid that day (a whole number).
 * @param hours_in_grid Hours spent in the grid that day.
 * @param working_hours Working hours that day (more than 0, at most 24).
 * @returns "合格", or "不合格:" followed by each rule not met, with its clause.
 */
export function gridPatrolCheckFn(patrols: any, hours_in_grid: any, working_hours: any): string {
  return run("GRID_PATROL_CHECK", [patrols, hours_in_grid, working_hours], gridPatrolCheck);
}
// ===== end Harbin =====

// ===== Chongqing — trips abroad (渝委发〔2005〕14号) =====
import { tripApprover, tripCheckCell, tripDaysCell } from "../core/rules/trip";

/**
 * Days abroad, the departure and return days both counted (渝委发〔2005〕14号 （八）: travel time included).
 * @customfunction TRIP_DAYS
 * @param departure_date Departure date (a date, or text such as "2024-03-01" or "2024年3月1日").
 * @param return_date Return date (not before the departure date).
 * @returns Days abroad.
 */
export function tripDaysFn(departure_date: any, return_date: any): number {
  return run("TRIP_DAYS", [departure_date, return_date], tripDaysCell);
}

/**
 * Checks an official short trip abroad against 渝委发〔2005〕14号: group size （五）, trips a year （七）, countries and days （八）, request lead time （十三）, trip report （十七） and return of the passport （十八）.
 * @customfunction TRIP_CHECK
 * @param trip_type Type of group: 考察 (study tour), 培训 (training), 参展 or 办展 (exhibition).
 * @param group_size Members of the group.
 * @param countries Countries or regions visited: a count, or a list such as "日本、韩国".
 * @param departure_date Departure date.
 * @param return_date Return date.
 * @param [trips_this_year] The group leader's trips abroad this year, this one included.
 * @param [request_date] Date the request was submitted to the city Party committee and government.
 * @param [document_date] Date passports and visas were applied for.
 * @param [report_date] Date the trip report reached the Foreign Affairs Office.
 * @param [passport_date] Date the passport or pass was handed back to the Foreign Affairs Office.
 * @returns "合规"; or "需说明:" / "违规:" followed by every finding with its clause, separated by "；".
 */
export function tripCheckFn(
  trip_type: any, group_size: any, countries: any, departure_date: any, return_date: any,
  trips_this_year?: any, request_date?: any, document_date?: any, report_date?: any, passport_date?: any,
): string {
  return run("TRIP_CHECK", [trip_type, group_size, countries, departure_date, return_date, trips_this_year, request_date, document_date, report_date, passport_date], tripCheckCell);
}

/**
 * Approval route of a trip abroad by the traveller's position (渝委发〔2005〕14号 （十二）1–10). Give the case number 1–10 of clause （十二）, or one of these short names: 市委部委正职, 市级群团组织正职 (1); 市人大专委会正职, 市政协专委会正职 (2); 区县党委书记, 区县人大主任, 区县政协主席 (3); 市委部委副职, 市纪委副职, 市高院副职, 市检察院副职, 市级群团副职, 中级法院厅级, 区县党委副书记, 区县党委常委, 区县人大副主任, 区县政协副主席, 区县纪委书记, 区县法院院长, 区县检察长 (4); 市政府部门正职 (5); 区县长 (6); 市政府部门副职, 区县政府副职 (7); 高校正职, 新闻单位正职, 高校副职, 新闻单位副职 (8); 党政交叉团组 (9); 双跨团组 (10).
 * @customfunction TRIP_APPROVER
 * @param position Case number 1–10 of clause （十二）, or a short name of the position as listed in the description (e.g. 市政府部门正职).
 * @returns The approval route, with its clause.
 */
export function tripApproverFn(position: any): string {
  return run("TRIP_APPROVER", [position], tripApprover);
}
// ===== end Chongqing =====

// ===== Shenzhen — petition assessment (深办〔2003〕36号) =====
import { petitionCasesCells, petitionCollectiveCells, petitionMaxCells, petitionScoreCells } from "../core/rules/petition";

/**
 * Petition work assessment score out of 100 (深办〔2003〕36号 三（四）: the six sections added up, B and C converted to a 100-point scale; 三（二）: sections four and five averaged over two years; 二: no section above its category's maximum). Category C: its items add up to more than the stated full mark (a contradiction in the source); by default the stated full mark is the denominator, basis "items" uses the item total.
 * @customfunction PETITION_SCORE
 * @param category Assessment category: A, B or C (also "A类").
 * @param leadership Section one, petition leadership (信访领导工作), at most the category's maximum.
 * @param grassroots Section two, grassroots and basic work (信访基层、基础工作).
 * @param information Section three, information, research and publicity (信访信息、调研和宣传工作).
 * @param collective Section four, collective and difficult individual petitions (集体上访和疑难个访): one number, or the two annual scores in two cells (averaged).
 * @param cases Section five, registered cases (信访立案件办理): one number, or the two annual scores in two cells (averaged).
 * @param innovation Section six, reform and innovation (信访工作改革与创新).
 * @param [basis] Denominator of the conversion: stated (the published full marks, default) or items (the item totals; they differ for category C).
 * @returns The score out of 100.
 */
export function petitionScoreFn(
  category: any, leadership: any, grassroots: any, information: any, collective: any[][], cases: any[][],
  innovation: any, basis?: any,
): number {
  return run("PETITION_SCORE", [category, leadership, grassroots, information, collective, cases, innovation, basis], petitionScoreCells);
}

/**
 * Section four, collective and difficult individual petitions, for one year (深办〔2003〕36号 二（四）: starts at the section maximum and is reduced per collective petition to national, provincial or city organs, again when the responsible leader did not come in time, and per difficult individual petition without the leader; never below 0; a major incident scores 0).
 * @customfunction PETITION_COLLECTIVE
 * @param national Collective petitions to national Party and government organs.
 * @param provincial Collective petitions to provincial Party and government organs.
 * @param city Collective petitions to city Party and government organs.
 * @param [absent_national] Of the national ones, those where the unit's responsible leader did not come in time (二（四）2（2）: deducted again).
 * @param [absent_provincial] Of the provincial ones, those where the responsible leader did not come in time.
 * @param [absent_city] Of the city ones, those where the responsible leader did not come in time.
 * @param [individual_absent] Difficult individual petitions at city level or above where the leader did not come in time.
 * @param [major_incident] Whether a major incident the unit is responsible for occurred (是/否).
 * @returns The section four score.
 */
export function petitionCollectiveFn(
  national: any, provincial: any, city: any, absent_national?: any, absent_provincial?: any, absent_city?: any,
  individual_absent?: any, major_incident?: any,
): number {
  return run("PETITION_COLLECTIVE", [national, provincial, city, absent_national, absent_provincial, absent_city, individual_absent, major_incident], petitionCollectiveCells);
}

/**
 * Section five, registered petition cases, for one year (深办〔2003〕36号 二（五）: starts at the section maximum and is reduced per case not closed in time, per reminder, per case closed below the standard and per petitioner not answered; never below 0).
 * @customfunction PETITION_CASES
 * @param overdue Registered cases not closed in time.
 * @param reminders Reminders received (催办).
 * @param substandard Cases closed below the required standard.
 * @param unanswered Petitioners not answered as required.
 * @returns The section five score.
 */
export function petitionCasesFn(overdue: any, reminders: any, substandard: any, unanswered: any): number {
  return run("PETITION_CASES", [overdue, reminders, substandard, unanswered], petitionCasesCells);
}

/**
 * Maximum score of a section for a category (深办〔2003〕36号 二: the sum of the section's items that apply to the category); without a section, the category's stated full mark (三（四））.
 * @customfunction PETITION_MAX
 * @param category Assessment category: A, B or C.
 * @param [section] Section 1–6 (or 一–六, or its name). Blank returns the category's full mark.
 * @returns The section's maximum, or the category's full mark.
 */
export function petitionMaxFn(category: any, section?: any): number {
  return run("PETITION_MAX", [category, section], petitionMaxCells);
}
// ===== end Shenzhen =====

// ===== Loudi — performance evaluation (娄办发〔2009〕19号) =====
import {
  evalBonusCells, evalCompositeCells, evalDeductionCells, evalDeptGradeCells, evalGradeCells, evalGradesCells,
} from "../core/rules/eval";

/**
 * Composite performance score of a county-level government (娄办发〔2009〕19号 四（四）1: weighted indicator score, public appraisal and internal appraisal, plus bonus, minus deductions; 四（三）1（3）: internal appraisal = leaders and peers half each; bonus and deductions capped). All three components on the indicator scale.
 * @customfunction EVAL_COMPOSITE
 * @param indicator Indicator score.
 * @param public_appraisal Public appraisal score.
 * @param internal Internal appraisal score, or two cells [leaders, peers] weighted half each.
 * @param [bonus] Bonus points (capped).
 * @param [deduction] Deduction points, positive or negative (capped).
 * @returns The composite score.
 */
export function evalCompositeFn(indicator: any, public_appraisal: any, internal: any[][], bonus?: any, deduction?: any): number {
  return run("EVAL_COMPOSITE", [indicator, public_appraisal, internal, bonus, deduction], evalCompositeCells);
}

/**
 * Bonus points of the performance evaluation (娄办发〔2009〕19号 四（三）1（4）: per central or provincial commendation or key task exceeded several-fold, per large rise in the rankings, per outstanding emergency response; capped).
 * @customfunction EVAL_BONUS
 * @param commendations Commendations by the CPC Central Committee, the State Council or the provincial committee and government, or key tasks exceeded several-fold.
 * @param ranking_rises Main indicators that rose markedly in the city or provincial ranking.
 * @param emergency_awards Outstanding contributions to major disasters or emergencies.
 * @returns The bonus (capped).
 */
export function evalBonusFn(commendations: any, ranking_rises: any, emergency_awards: any): number {
  return run("EVAL_BONUS", [commendations, ranking_rises, emergency_awards], evalBonusCells);
}

/**
 * Deduction points of the performance evaluation (娄办发〔2009〕19号 四（三）1（5）: per public criticism by the central, provincial or city level, and per sanctioned leader or dereliction of duty; capped).
 * @customfunction EVAL_DEDUCTION
 * @param central Public criticisms by the CPC Central Committee or the State Council.
 * @param provincial Public criticisms by the provincial committee or government, or a ministry.
 * @param city Public criticisms by the city committee or government, or a provincial department.
 * @param [sanction_points] Points per sanctioned member of the leadership (a cell or a range, each within the range set by 四（三）1（5）).
 * @param [dereliction_points] Points per staff dereliction of duty (a cell or a range, each within the same range).
 * @returns The deduction, as a positive number (capped).
 */
export function evalDeductionFn(central: any, provincial: any, city: any, sanction_points?: any[][], dereliction_points?: any[][]): number {
  return run("EVAL_DEDUCTION", [central, provincial, city, sanction_points, dereliction_points], evalDeductionCells);
}

/**
 * Whether a county-level government passes the performance evaluation (娄办发〔2009〕19号 四（四）1（1）（2）: a composite at or above the pass mark, exactly the mark included; any one-vote veto fails).
 * @customfunction EVAL_GRADE
 * @param composite Composite score.
 * @param [veto] Whether a one-vote veto (一票否决) applies (是/否).
 * @returns "合格" or "不合格".
 */
export function evalGradeFn(composite: any, veto?: any): string {
  return run("EVAL_GRADE", [composite, veto], evalGradeCells);
}

/**
 * Grades of county-level governments (娄办发〔2009〕19号 四（四）1: pass mark and veto; 先进 chosen among qualified units within the quota, rounded down, with satisfaction, targets and no sanctioned leader; a tie across the last place is returned as 并列待定 for a person to decide).
 * @customfunction EVAL_GRADES
 * @param composites Composite scores of the units (one column).
 * @param [vetoes] Whether each unit has a one-vote veto (as many cells as composites).
 * @param [satisfaction] Public satisfaction of each unit (0.6, 60 or "60%" all mean 60%).
 * @param [targets_met] Whether each unit met the targets set by the city government (是/否).
 * @param [sanctioned] Whether a leadership member of each unit was sanctioned (是/否).
 * @returns A column of grades: 先进, 合格, 不合格 or 并列待定.
 */
export function evalGradesFn(composites: any[][], vetoes?: any[][], satisfaction?: any[][], targets_met?: any[][], sanctioned?: any[][]): any[][] {
  return run("EVAL_GRADES", [composites, vetoes, satisfaction, targets_met, sanctioned], evalGradesCells);
}

/**
 * Whether a city department passes the performance evaluation (娄办发〔2009〕19号 四（四）2: the people's-livelihood task done and every indicator at or above the pass mark; otherwise, or with a veto, 不合格). Mark an indicator the department does not bear 不考核; an empty cell is refused, since Excel desktop passes it as 0; type a real zero as 0分.
 * @customfunction EVAL_DEPT_GRADE
 * @param indicator_scores Indicator scores (a row or a column). 不考核 for an indicator the department does not bear; 0分 for a score of zero.
 * @param livelihood_done Whether the people's-livelihood task (为民办实事) was completed (是/否).
 * @param [veto] Whether a one-vote veto applies (是/否).
 * @returns "合格" or "不合格".
 */
export function evalDeptGradeFn(indicator_scores: any[][], livelihood_done: any, veto?: any): string {
  return run("EVAL_DEPT_GRADE", [indicator_scores, livelihood_done, veto], evalDeptGradeCells);
}
// ===== end Loudi =====

export { guard };
