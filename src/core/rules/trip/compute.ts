/**
 * Pure computations of 渝委发〔2005〕14号 over typed values (rules.md §2): days abroad, the
 * per-trip checks TRIP-1…8 as structured findings, and the approval route of clause (十二).
 */
import { addMonths, formatDate, type DaySerial } from "../../input/dates";
import { CellError, isError } from "../../input/errors";
import { inputMessages as M } from "../../input/messages";
import type { TripType } from "../../input/coerce";
import type { Severity } from "../severity";
import { citation } from "../ruleset";
import { type ApprovalRoute, type TripRuleset, tripRuleset } from "./data";

/** Days in a calendar week: the source counts lead time and training length in weeks. */
const DAYS_PER_WEEK = 7;

/** The trip fields a finding can point at (the validator maps them to columns). */
export type TripField =
  | "type" | "groupSize" | "countries" | "departure" | "returnDate" | "tripsThisYear"
  | "requestDate" | "documentDate" | "reportDate" | "passportDate";

export interface TripFinding {
  rule: string;
  /** e.g. `渝委发〔2005〕14号 (八)` */
  clause: string;
  severity: Severity;
  message: string;
  /** the input the finding is about */
  field: TripField;
  expected?: number | string;
  actual?: number | string;
}

export interface Trip {
  type: TripType;
  groupSize: number;
  /** countries/regions visited */
  countries: number;
  departure: DaySerial;
  returnDate: DaySerial;
  /** trips abroad this year, this one included */
  tripsThisYear?: number | null;
  /** 报批日期: the request reaches the city */
  requestDate?: DaySerial | null;
  /** 办证日期: passport and visa processing */
  documentDate?: DaySerial | null;
  /** 出访报告日期 */
  reportDate?: DaySerial | null;
  /** 证件交还日期 */
  passportDate?: DaySerial | null;
}

export const TRIP_TYPE_ZH: Record<TripType, string> = { study: "考察", training: "培训", exhibition: "参展/办展" };

/** Days abroad, travel days included: both ends counted by default (Decision (days)). */
export function tripDays(departure: DaySerial, returnDate: DaySerial, rs: TripRuleset = tripRuleset): number | CellError {
  if (returnDate < departure) {
    return new CellError("notBefore", "返回日期", M.notBefore("返回日期", "出发日期", formatDate(returnDate)));
  }
  return returnDate - departure + (rs.dayCount.value === "inclusive" ? 1 : 0);
}

/** The last day of the report period: the same calendar day `reportMonths` later (01-31 → end of Feb). */
export function reportDeadline(returnDate: DaySerial, rs: TripRuleset = tripRuleset): DaySerial {
  return addMonths(returnDate, rs.reportMonths.value);
}

/** The last day the passport may be handed in: 回渝后15日内. */
export function passportDeadline(returnDate: DaySerial, rs: TripRuleset = tripRuleset): DaySerial {
  return returnDate + rs.passportDays.value;
}

/** The last allowed return day of a training group (原则上不得超过6个月), per Decision (6 months). */
export function trainingLastReturn(departure: DaySerial, rs: TripRuleset = tripRuleset): DaySerial {
  const sameDay = addMonths(departure, rs.trainingMaxMonths.value);
  return rs.trainingSpan.value === "inclusive" ? sameDay - 1 : sameDay;
}

function requirePositive(n: number | null | undefined, param: string): CellError | undefined {
  if (n == null) return undefined;
  if (!Number.isInteger(n) || n < 0) return new CellError("notCount", param, M.notCount(param, String(n)));
  if (n === 0) return new CellError("positive", param, M.positive(param, String(n)));
  return undefined;
}

function notBefore(date: DaySerial | null | undefined, param: string, returnDate: DaySerial): CellError | undefined {
  if (date != null && date < returnDate) return new CellError("notBefore", param, M.notBefore(param, "返回日期", formatDate(date)));
  return undefined;
}

/**
 * TRIP-1…8 for one trip. Findings are in rule order; 原则上 limits are warnings (需说明), the
 * advisable training length is info, late reports and passports are errors.
 */
export function checkTrip(trip: Trip, rs: TripRuleset = tripRuleset): TripFinding[] | CellError {
  const days = tripDays(trip.departure, trip.returnDate, rs);
  const bad = requirePositive(trip.groupSize, "团组人数") ?? requirePositive(trip.countries, "出访国家") ??
    requirePositive(trip.tripsThisYear, "本年度出访次数") ?? (isError(days) ? days : undefined) ??
    notBefore(trip.reportDate, "出访报告日期", trip.returnDate) ?? notBefore(trip.passportDate, "证件交还日期", trip.returnDate);
  if (bad || isError(days)) return bad as CellError;
  const cite = (clause: string) => citation(rs.document, clause);
  const out: TripFinding[] = [];

  // TRIP-1 (五): study tours 原则上不超过6人; training groups are "strictly controlled" with no number
  const group = rs.studyGroupMax;
  if (trip.type === "study" && trip.groupSize > group.value) {
    out.push({
      rule: group.rule, clause: cite(group.clause), severity: "warning", field: "groupSize",
      message: `考察团组${trip.groupSize}人，原则上不超过${group.value}人，超过须在请示中说明情况`,
      expected: group.value, actual: trip.groupSize,
    });
  }

  // TRIP-2 (七): 原则上一年内出访不得超过1次 (the count includes this trip)
  const perYear = rs.tripsPerYearMax;
  if (trip.tripsThisYear != null && trip.tripsThisYear > perYear.value) {
    out.push({
      rule: perYear.rule, clause: cite(perYear.clause), severity: "warning", field: "tripsThisYear",
      message: `本年度第${trip.tripsThisYear}次出访，市管干部原则上一年内出访不超过${perYear.value}次`,
      expected: perYear.value, actual: trip.tripsThisYear,
    });
  }

  // TRIP-3 (八): 原则上控制在两个以内
  const maxCountries = rs.countriesMax;
  if (trip.countries > maxCountries.value) {
    out.push({
      rule: maxCountries.rule, clause: cite(maxCountries.clause), severity: "warning", field: "countries",
      message: `出访${trip.countries}个国家（地区），原则上控制在${maxCountries.value}个以内`,
      expected: maxCountries.value, actual: trip.countries,
    });
  }

  // TRIP-4 (八): days by number of countries, travel days included; not for training groups.
  // A trip to more countries than the table names is already flagged by TRIP-3.
  if (trip.type !== "training") {
    const limit = rs.daysByCountries.find((e) => e.countries.value === trip.countries);
    if (limit && days > limit.maxDays.value) {
      out.push({
        rule: limit.maxDays.rule, clause: cite(limit.maxDays.clause), severity: "warning", field: "returnDate",
        message: `出访${trip.countries}国在外${days}天，原则上不超过${limit.maxDays.value}天（含旅途时间）`,
        expected: limit.maxDays.value, actual: days,
      });
    }
  }

  // TRIP-5 (八): training 3–6 weeks advisable (info), 原则上不得超过6个月 (warning)
  if (trip.type === "training") {
    const months = rs.trainingMaxMonths;
    const weeks = rs.trainingAdvisedWeeks;
    const lastReturn = trainingLastReturn(trip.departure, rs);
    if (trip.returnDate > lastReturn) {
      out.push({
        rule: months.rule, clause: cite(months.clause), severity: "warning", field: "returnDate",
        message: `培训团组在外${days}天，超过${months.value}个月（最晚应于${formatDate(lastReturn)}返回），原则上不得超过${months.value}个月`,
        expected: formatDate(lastReturn), actual: formatDate(trip.returnDate),
      });
    } else {
      const min = weeks.min.value * DAYS_PER_WEEK;
      const max = weeks.max.value * DAYS_PER_WEEK;
      if (days < min || days > max) {
        out.push({
          rule: weeks.min.rule, clause: cite(weeks.min.clause), severity: "info", field: "returnDate",
          message: `培训团组在外${days}天，以${weeks.min.value}至${weeks.max.value}周（${min}至${max}天）为宜`,
          expected: days < min ? min : max, actual: days,
        });
      }
    }
  }

  // TRIP-6 (十三): the request reaches the city three weeks before passport and visa processing
  if (trip.requestDate != null && trip.documentDate != null) {
    const lead = rs.leadWeeks;
    const needed = lead.value * DAYS_PER_WEEK;
    const got = trip.documentDate - trip.requestDate;
    if (got < needed) {
      out.push({
        rule: lead.rule, clause: cite(lead.clause), severity: "warning", field: "requestDate",
        message: `报批日期${formatDate(trip.requestDate)}距办证日期${formatDate(trip.documentDate)}仅${got}天，应提前${lead.value}周（${needed}天）呈报`,
        expected: needed, actual: got,
      });
    }
  }

  // TRIP-7 (十七): report within one calendar month of returning
  if (trip.reportDate != null) {
    const deadline = reportDeadline(trip.returnDate, rs);
    if (trip.reportDate > deadline) {
      const r = rs.reportMonths;
      out.push({
        rule: r.rule, clause: cite(r.clause), severity: "error", field: "reportDate",
        message: `出访报告${formatDate(trip.reportDate)}报送，超过返渝后${r.value}个月的期限${formatDate(deadline)}`,
        expected: formatDate(deadline), actual: formatDate(trip.reportDate),
      });
    }
  }

  // TRIP-8 (十八): passport handed in within 15 days of return
  if (trip.passportDate != null) {
    const deadline = passportDeadline(trip.returnDate, rs);
    if (trip.passportDate > deadline) {
      const p = rs.passportDays;
      out.push({
        rule: p.rule, clause: cite(p.clause), severity: "error", field: "passportDate",
        message: `证件${formatDate(trip.passportDate)}交还，超过回渝后${p.value}日的期限${formatDate(deadline)}`,
        expected: formatDate(deadline), actual: formatDate(trip.passportDate),
      });
    }
  }
  return out;
}

/**
 * The result text of TRIP_CHECK: `合规` when no finding needs action; otherwise `违规:` (an error
 * exists) or `需说明:` followed by every finding with its clause, joined by `；`. Info findings
 * alone leave the trip `合规` (so `=IF(TRIP_CHECK(…)="合规", …)` keeps working); they are listed
 * with the others when there are any.
 */
export function tripVerdict(findings: readonly TripFinding[]): string {
  const hasError = findings.some((f) => f.severity === "error");
  const hasWarning = findings.some((f) => f.severity === "warning");
  if (!hasError && !hasWarning) return "合规";
  const list = findings.map((f) => `${f.severity === "info" ? "提示：" : ""}${f.message}（${f.clause}）`).join("；");
  return `${hasError ? "违规" : "需说明"}：${list}`;
}

/** Names normalised for matching: NFKC, no spaces or brackets. */
export function normName(s: string): string {
  return s.normalize("NFKC").replace(/[\s()()]/g, "");
}

/** The approval routes of a case number (8 has two: 正职 and 副职). */
export function approvalsByCase(n: number, rs: TripRuleset = tripRuleset): ApprovalRoute[] {
  return rs.approvals.filter((a) => a.case === n);
}

/** The approval route whose short names include `name`, or undefined. */
export function approvalByName(name: string, rs: TripRuleset = tripRuleset): ApprovalRoute | undefined {
  const t = normName(name);
  return rs.approvals.find((a) => a.names.some((n) => normName(n) === t));
}

/** The approval route(s) as text, with the clause (TRIP-13). */
export function approvalText(routes: readonly ApprovalRoute[], rs: TripRuleset = tripRuleset): string {
  const text = routes.length === 1
    ? routes[0].route
    : routes.map((r) => `${r.subject}：${r.route}`).join("；");
  return `${text}（${citation(rs.document, routes[0].clause)}）`;
}
