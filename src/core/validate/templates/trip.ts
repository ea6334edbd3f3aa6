/**
 * trip — 因公临时出国(境)团组审批表 (渝委发〔2005〕14号), templates.md. Each row is a trip checked
 * with the trip rules core (TRIP-1…8, checkTrip); a 需说明 finding on a row whose 说明 is filled
 * becomes info; 在外天数 and the date order are checked; a leader heading several trips departing
 * in one calendar year is flagged on each (TRIP-2 across rows).
 */
import { civilFromSerial, formatDate } from "../../input/dates";
import { type TripType, isBlank, normText, toTripType } from "../../input/coerce";
import { isError } from "../../input/errors";
// the concrete modules, not the rules/trip barrel (its `export *` compiles to getters)
import { TRIP_DOCUMENT, tripRuleset } from "../../rules/trip/data";
import { tripRuleTable } from "../../rules/trip/ruleTable";
import { checkTrip, tripDays, type Trip, type TripField, type TripFinding } from "../../rules/trip/compute";
import { countryCount } from "../../rules/trip/cells";
import type { Severity } from "../../rules/severity";
import { type Cause, type Check, type CheckContext, type TableRow, type TemplateDef, rowValue, tableValue } from "../template";

const rs = tripRuleset;

/** The column each trip field is read from (and a finding about it is reported at). */
const FIELD_KEY: Record<TripField, string> = {
  type: "type", groupSize: "size", countries: "countries", departure: "departure", returnDate: "returnDate",
  tripsThisYear: "tripsThisYear", requestDate: "requestDate", documentDate: "documentDate",
  reportDate: "reportDate", passportDate: "passportDate",
};

/**
 * The row as a Trip and its findings, computed once per row however many checks ask. Null
 * when a required cell is unreadable (its INPUT finding says why) or the dates are out of order
 * (the date-order check says so). Report/passport dates before the return are left out here and
 * reported by TRIP-7 / TRIP-8 themselves.
 */
const rowTrip = rowValue("trip", (row): { trip: Trip; findings: TripFinding[] } | null => {
  const type = row.value<TripType>("type");
  const groupSize = row.value("size");
  const countryTotal = row.value("countries");
  const departure = row.value("departure");
  const returnDate = row.value("returnDate");
  const optional = (key: string) => row.value(key) ?? null;
  const tripsThisYear = row.value("tripsThisYear") ?? null;
  if (type === undefined || groupSize === undefined || countryTotal === undefined ||
    departure === undefined || returnDate === undefined || returnDate < departure) return null;
  const report = optional("reportDate");
  const passport = optional("passportDate");
  const trip: Trip = {
    type, groupSize, countries: countryTotal, departure, returnDate, tripsThisYear,
    requestDate: optional("requestDate"), documentDate: optional("documentDate"),
    reportDate: report !== null && report >= returnDate ? report : null,
    passportDate: passport !== null && passport >= returnDate ? passport : null,
  };
  const findings = checkTrip(trip, rs);
  return isError(findings) ? null : { trip, findings }; // typed columns and ordered dates: never an error
});

/**
 * The trips of each 团长 by calendar year of departure, and for each row in a group over the
 * yearly limit (TRIP-2) the group's first row: one leader over the limit is one violation, reported
 * on every trip of the group and counted once (the later trips, and a row's own 本年度出访次数 over
 * the limit, follow from the first).
 */
const leaderYears = tableValue("leaderYears", (table) => {
  // leader (as normText reads it) → calendar year of departure → rows; no key strings built
  const groups = new Map<string, Map<number, TableRow[]>>();
  for (const row of table.rows) {
    const leader = row.value<string>("leader");
    const dep = row.value("departure");
    if (leader === undefined || dep === undefined) continue;
    const name = normText(leader);
    const y = civilFromSerial(dep).y;
    let years = groups.get(name);
    if (!years) groups.set(name, (years = new Map()));
    const list = years.get(y);
    if (list) list.push(row);
    else years.set(y, [row]);
  }
  const head = new Map<TableRow, TableRow>();
  for (const years of groups.values()) for (const list of years.values()) {
    if (list.length > rs.tripsPerYearMax.value) for (const row of list) head.set(row, list[0]);
  }
  return { groups, head };
});

/** 说明 filled: a 需说明 (warning) is explained and becomes info (templates.md). */
function explained(row: TableRow): boolean {
  return row.has("note") && !isBlank(row.get("note"));
}
function severityFor(row: TableRow, s: Severity): Severity {
  return s === "warning" && explained(row) ? "info" : s;
}

/** A check reporting the findings of one rule of checkTrip (their wording is the trip core's). */
function ruleCheck(id: string, limit: { rule: string }, severity: Severity, description: string,
  extra?: (row: TableRow, ctx: CheckContext) => void, cause?: { followsFrom: readonly string[]; of: (row: TableRow, ctx: CheckContext) => Cause | undefined }): Check {
  return {
    id, rule: limit.rule, severity, description, messages: extra ? ["finding", "beforeReturn"] : ["finding"],
    ...(cause ? { followsFrom: cause.followsFrom } : {}),
    row(row, ctx) {
      const t = ctx.derive(row, rowTrip);
      if (t) {
        for (const f of t.findings) {
          if (f.rule !== limit.rule) continue;
          ctx.report({
            row, key: FIELD_KEY[f.field], messageId: "finding", data: { detail: f.message }, expected: f.expected, actual: f.actual,
            severity: severityFor(row, f.severity), causedBy: cause?.of(row, ctx),
          });
        }
      }
      extra?.(row, ctx);
    },
  };
}

/** TRIP-7 / TRIP-8: a date before the return is itself wrong (reported here, not as a lateness). */
function notBeforeReturn(key: string, column: string) {
  return (row: TableRow, ctx: CheckContext) => {
    const ret = row.value("returnDate");
    const d = row.value(key);
    if (ret !== undefined && d !== undefined && d < ret) ctx.report({ row, key, messageId: "beforeReturn", data: { column } });
  };
}

const [oneCountry] = rs.daysByCountries;

const checks: Check[] = [
  ruleCheck("group-size", rs.studyGroupMax, "warning", `考察团组人数原则上不超过${rs.studyGroupMax.value}人`),
  ruleCheck("trips-per-year", rs.tripsPerYearMax, "warning", `市管干部原则上一年内出访不超过${rs.tripsPerYearMax.value}次`, undefined, {
    // the sheet itself shows the 团长 over the limit this year: the group's first trip is the root
    followsFrom: ["leader-once-a-year"],
    of: (row, ctx) => {
      const head = ctx.sheetValue(leaderYears).head.get(row);
      return head === undefined ? undefined : { row: head, key: "leader" };
    },
  }),
  ruleCheck("countries", rs.countriesMax, "warning", `一次出访国家（地区）原则上不超过${rs.countriesMax.value}个`),
  ruleCheck("days-abroad", oneCountry.maxDays, "warning",
    `在外停留天数（含旅途）：${rs.daysByCountries.map((e) => `${e.countries.value}国不超过${e.maxDays.value}天`).join("、")}（培训团组除外）`),
  ruleCheck("training-length", rs.trainingMaxMonths, "warning",
    `培训团组在外以${rs.trainingAdvisedWeeks.min.value}至${rs.trainingAdvisedWeeks.max.value}周为宜，原则上不超过${rs.trainingMaxMonths.value}个月`),
  ruleCheck("lead-time", rs.leadWeeks, "warning", `出国请示件应在办理护照、签证前${rs.leadWeeks.value}周呈报`),
  ruleCheck("report", rs.reportMonths, "error", `返渝后${rs.reportMonths.value}个月内报送出访报告`,
    notBeforeReturn("reportDate", "出访报告日期")),
  ruleCheck("passport", rs.passportDays, "error", `回渝后${rs.passportDays.value}日内交还因公护照或通行证`,
    notBeforeReturn("passportDate", "证件交还日期")),
  {
    id: "date-order",
    rule: oneCountry.maxDays.rule,
    severity: "error",
    description: "返回日期不早于出发日期",
    messages: ["returnFirst"],
    row(row, ctx) {
      const dep = row.value("departure");
      const ret = row.value("returnDate");
      if (dep !== undefined && ret !== undefined && ret < dep) {
        ctx.report({ row, key: "returnDate", messageId: "returnFirst", data: { returnDate: formatDate(ret), departure: formatDate(dep) } });
      }
    },
  },
  {
    id: "days-agree",
    recomputes: true,
    rule: oneCountry.maxDays.rule,
    severity: "error",
    description: "在外天数与出发、返回日期相符（首尾两天都计入）",
    messages: ["wrongDays"],
    row(row, ctx) {
      if (!row.has("days") || isBlank(row.get("days"))) return;
      const typed = row.value("days");
      const dep = row.value("departure");
      const ret = row.value("returnDate");
      if (typed === undefined || dep === undefined || ret === undefined || ret < dep) return;
      const days = tripDays(dep, ret, rs) as number; // ret ≥ dep: never an error
      if (typed !== days) ctx.report({ row, key: "days", expected: days, actual: typed, messageId: "wrongDays", data: { expected: days, typed } });
    },
  },
  {
    id: "leader-once-a-year",
    acrossFiles: true,
    rule: rs.tripsPerYearMax.rule,
    severity: "warning",
    description: `同一团长一年内率团出访原则上不超过${rs.tripsPerYearMax.value}次`,
    messages: ["tooMany"],
    followsFrom: ["leader-once-a-year"],
    sheet(_table, ctx) {
      const { groups } = ctx.sheetValue(leaderYears);
      // each row is in one group and reported at its own 团长 cell: the engine's sort orders them
      for (const [leader, years] of groups) for (const [year, list] of years) {
        if (list.length <= rs.tripsPerYearMax.value) continue;
        for (const row of list) {
          const rows = ctx.rowList(list, "leader", row);
          ctx.report({
            row, key: "leader", expected: rs.tripsPerYearMax.value, actual: list.length,
            severity: severityFor(row, "warning"), messageId: "tooMany",
            data: { leader, year, count: list.length, rows, max: rs.tripsPerYearMax.value },
            causedBy: row === list[0] ? undefined : { row: list[0], key: "leader" },
          });
        }
      }
    },
  },
];

const DATE = { type: "date" } as const;

export const template = {
  id: "trip",
  who: ["leader"],
  title: "因公临时出国（境）团组审批表",
  document: TRIP_DOCUMENT,
  rules: tripRuleTable,
  columns: [
    { key: "name", name: "团组名称", aliases: ["团组", "出访团组"], required: true },
    { key: "leader", name: "团长", aliases: ["姓名", "团长姓名"], required: true, cell: { type: "text" }, needed: true },
    { key: "position", name: "职务", aliases: ["团长职务"] },
    {
      key: "type", name: "团组类型", aliases: ["类型", "团组性质"], required: true,
      cell: { type: "parse", parse: toTripType, byText: true }, needed: true,
    },
    { key: "size", name: "人数", aliases: ["团组人数", "出访人数"], required: true, cell: { type: "count", min: 1 }, needed: true },
    {
      key: "countries", name: "出访国家（地区）", aliases: ["出访国家", "国家或地区", "出访国家或地区", "出访国家和地区"], required: true,
      cell: { type: "parse", parse: countryCount, byText: true }, needed: true,
    },
    { key: "departure", name: "出发日期", aliases: ["出访日期", "出境日期"], required: true, cell: DATE, needed: true },
    { key: "returnDate", name: "返回日期", aliases: ["回国日期", "入境日期", "返渝日期"], required: true, cell: DATE, needed: true },
    { key: "days", name: "在外天数", aliases: ["在外停留天数", "天数"], cell: { type: "count" } },
    { key: "tripsThisYear", name: "本年度出访次数", aliases: ["年度出访次数", "本年出访次数"], cell: { type: "count", min: 1 } },
    { key: "requestDate", name: "报批日期", aliases: ["呈报日期", "请示日期"], cell: DATE },
    { key: "documentDate", name: "办证日期", aliases: ["办理护照签证日期", "办照日期"], cell: DATE },
    { key: "reportDate", name: "出访报告日期", aliases: ["报告日期", "出访报告报送日期"], cell: DATE },
    { key: "passportDate", name: "证件交还日期", aliases: ["护照交还日期", "证照交还日期"], cell: DATE },
    { key: "note", name: "说明", aliases: ["特殊情况说明", "情况说明", "备注"] },
  ],
  checks,
} as const satisfies TemplateDef;
