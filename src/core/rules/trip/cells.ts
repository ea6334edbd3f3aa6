/**
 * Cell-facing entry points of the Chongqing rules: coerce what Excel passes through core/input,
 * then compute. The custom functions in src/functions/functions.ts are one-line wrappers.
 */
import {
  cell, isBlank, normText, parseNumberText, scalar, shown, toCount, toDate, toTripType,
} from "../../input/coerce";
import { CellError, isError } from "../../input/errors";
import { inputMessages as M } from "../../input/messages";
import { type TripRuleset, tripRuleset } from "./data";
import { approvalByName, approvalText, approvalsByCase, checkTrip, tripDays, tripVerdict, type Trip } from "./compute";

/** Separators of a country list: 日本、韩国 / 日本,韩国 / 日本 韩国 / 日本/韩国. */
const COUNTRY_SEPARATORS = /[、,,;;\s/]+/u;

/**
 * Countries/regions of a trip: a count (2, "2", "2国") or a list of names (`日本、韩国`), whose
 * distinct names are counted. Blank, zero or an error cell is a CellError.
 */
export function countryCount(v: unknown, param = "出访国家"): number | CellError {
  const s = cell(v, param);
  if (isError(s)) return s;
  if (isBlank(s)) return new CellError("required", param, M.required(param));
  let n: number | CellError;
  if (typeof s === "number" || (typeof s === "string" && Number.isFinite(parseNumberText(s)))) {
    n = toCount(s, param);
    if (isError(n)) return n;
  } else if (typeof s === "string") {
    const names = normText(s).split(COUNTRY_SEPARATORS).filter((x) => x !== "");
    n = new Set(names).size;
  } else {
    return new CellError("notCount", param, M.notCount(param, shown(s)));
  }
  return n === 0 ? new CellError("positive", param, M.positive(param, shown(s))) : n;
}

/** TRIP_DAYS: days abroad, both ends counted. */
export function tripDaysCell(departureDate: unknown, returnDate: unknown, rs: TripRuleset = tripRuleset): number | CellError {
  const dep = toDate(departureDate, "出发日期");
  if (isError(dep)) return dep;
  const ret = toDate(returnDate, "返回日期");
  if (isError(ret)) return ret;
  return tripDays(dep as number, ret as number, rs);
}

function positiveCount(v: unknown, param: string, optional: boolean): number | null | CellError {
  if (optional && isBlank(v)) return null;
  const n = toCount(v, param);
  // a count was read from one cell: scalar gives that cell's value back
  return n === 0 ? new CellError("positive", param, M.positive(param, shown(scalar(v, param)))) : n;
}

/** TRIP_CHECK's arguments, coerced into a Trip (also used by the validator's row reader). */
export function tripFromCells(
  tripType: unknown, groupSize: unknown, countries: unknown, departureDate: unknown, returnDate: unknown,
  tripsThisYear?: unknown, requestDate?: unknown, documentDate?: unknown, reportDate?: unknown, passportDate?: unknown,
): Trip | CellError {
  // in parameter order: the first bad one is the error
  const trip = {
    type: toTripType(tripType, "团组类型"),
    groupSize: positiveCount(groupSize, "团组人数", false),
    countries: countryCount(countries, "出访国家"),
    departure: toDate(departureDate, "出发日期"),
    returnDate: toDate(returnDate, "返回日期"),
    tripsThisYear: positiveCount(tripsThisYear, "本年度出访次数", true),
    requestDate: toDate(requestDate, "报批日期", { optional: true }),
    documentDate: toDate(documentDate, "办证日期", { optional: true }),
    reportDate: toDate(reportDate, "出访报告日期", { optional: true }),
    passportDate: toDate(passportDate, "证件交还日期", { optional: true }),
  };
  return Object.values(trip).find(isError) ?? (trip as Trip);
}

/** TRIP_CHECK: `合规`, or `需说明:…` / `违规:…` with every finding and its clause (TRIP-1…8). */
export function tripCheckCell(
  tripType: unknown, groupSize: unknown, countries: unknown, departureDate: unknown, returnDate: unknown,
  tripsThisYear?: unknown, requestDate?: unknown, documentDate?: unknown, reportDate?: unknown, passportDate?: unknown,
  rs: TripRuleset = tripRuleset,
): string | CellError {
  const trip = tripFromCells(
    tripType, groupSize, countries, departureDate, returnDate,
    tripsThisYear, requestDate, documentDate, reportDate, passportDate,
  );
  if (isError(trip)) return trip;
  const findings = checkTrip(trip, rs);
  return isError(findings) ? findings : tripVerdict(findings);
}

/** What TRIP_APPROVER accepts, for its message: the case numbers and one name per route. */
export function approverHint(rs: TripRuleset = tripRuleset): string {
  const cases = rs.approvals.map((a) => a.case);
  return `${Math.min(...cases)}–${Math.max(...cases)}或${rs.approvals.map((a) => a.names[0]).join("、")}`;
}

/** TRIP_APPROVER: the approval route of clause (十二) for a case number or a short name (TRIP-13). */
export function tripApprover(position: unknown, rs: TripRuleset = tripRuleset): string | CellError {
  const param = "职务";
  const s = cell(position, param);
  if (isError(s)) return s;
  if (isBlank(s)) return new CellError("required", param, M.required(param));
  const text = normText(s);
  // a case number: 5, "5", "第5项", "(十二)5"
  const m = /^(?:\(十二\))?第?(\d+)(?:项|种|类)?$/u.exec(text.replace(/\s+/g, ""));
  if (typeof s === "number" || m) {
    const n = typeof s === "number" ? s : Number(m![1]);
    const routes = Number.isInteger(n) ? approvalsByCase(n, rs) : [];
    if (routes.length > 0) return approvalText(routes, rs);
  } else {
    const route = approvalByName(text, rs);
    if (route) return approvalText([route], rs);
  }
  return new CellError("unknownName", param, M.unknownName(param, approverHint(rs), shown(s)));
}
