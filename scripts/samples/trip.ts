/**
 * Sample 因公临时出国(境)团组审批表 (渝委发〔2005〕14号): trips whose days, lead times and
 * deadlines are computed from the trip ruleset so that the clean sheet meets TRIP-1…8 (one group
 * above six people carries its 说明), and an errors sheet with planted findings.
 */
import type { CellValue } from "../../src/core/input/coerce";
import { serialFromCivil } from "../../src/core/input/dates";
import { addMonths } from "../../src/core/input/dates";
import { tripDays, tripRuleset } from "../../src/core/rules/trip";
import { columnLetter, type SheetSnapshot } from "../../src/core/validate/snapshot";
import type { PlantedError, TemplateSample } from "./types";
import { framedSheet } from "./frame";

const HEADER = [
  "序号", "团组名称", "团长", "职务", "团组类型", "团组人数", "出访国家(地区)", "出发日期", "返回日期", "在外天数",
  "本年度出访次数", "报批日期", "办证日期", "出访报告日期", "证件交还日期", "说明",
];
const col = (name: string) => HEADER.indexOf(name);
const FIRST = 3;
const cellOf = (i: number, name: string) => `${columnLetter(col(name) + 1)}${FIRST + i + 1}`;
const date = (serial: number): CellValue => ({ kind: "date", serial });

const rs = tripRuleset;
const DAYS_PER_WEEK = 7;
const leadDays = rs.leadWeeks.value * DAYS_PER_WEEK;

interface Plan {
  name: string;
  leader: string;
  position: string;
  type: "考察" | "培训" | "参展" | "办展";
  size: number;
  countries: string;
  /** [y, m, d] */
  departure: [number, number, number];
  days: number;
  note?: string;
}

// days within each row's limits: 1 country ≤ 6, 2 countries ≤ 10, training 3–6 weeks
const PLANS: readonly Plan[] = [
  { name: "重庆市经贸考察团", leader: "陈志明", position: "市商务委主任", type: "考察", size: 6, countries: "德国、法国", departure: [2024, 3, 11], days: 9 },
  { name: "市城乡建设考察团", leader: "李红梅", position: "市住房城乡建委副主任", type: "考察", size: 5, countries: "新加坡", departure: [2024, 4, 8], days: 6 },
  { name: "城市轨道交通培训团", leader: "王建华", position: "市交通局副局长", type: "培训", size: 20, countries: "日本", departure: [2024, 5, 6], days: 28 },
  { name: "西部国际汽车展览团", leader: "周立新", position: "市经信委副主任", type: "参展", size: 8, countries: "德国", departure: [2024, 6, 3], days: 6 },
  { name: "农业产业化考察团", leader: "赵国强", position: "涪陵区区长", type: "考察", size: 8, countries: "荷兰、比利时", departure: [2024, 6, 17], days: 10, note: "含两名农业技术专家,已在请示中说明" },
  { name: "公共卫生管理培训团", leader: "刘芳", position: "市卫生局副局长", type: "培训", size: 25, countries: "加拿大", departure: [2024, 7, 1], days: 42 },
  { name: "长江生态保护考察团", leader: "孙明", position: "市环保局局长", type: "考察", size: 4, countries: "瑞士", departure: [2024, 8, 19], days: 5 },
  { name: "重庆文化周办展团", leader: "吴海燕", position: "市文化广电局副局长", type: "办展", size: 12, countries: "英国、爱尔兰", departure: [2024, 9, 9], days: 10 },
  { name: "高校合作交流考察团", leader: "郑宇", position: "重庆大学校长", type: "考察", size: 5, countries: "美国", departure: [2024, 10, 14], days: 6 },
  { name: "金融管理培训团", leader: "黄晓东", position: "市金融办副主任", type: "培训", size: 18, countries: "英国", departure: [2024, 10, 21], days: 21 },
  { name: "内陆开放考察团", leader: "何伟", position: "万州区区委书记", type: "考察", size: 6, countries: "韩国 日本", departure: [2024, 11, 4], days: 8 },
  { name: "职业教育培训团", leader: "马丽", position: "市教委副主任", type: "培训", size: 22, countries: "德国", departure: [2024, 11, 11], days: 35 },
];

function row(p: Plan, i: number): CellValue[] {
  const dep = serialFromCivil(...p.departure);
  const ret = dep + p.days - (rs.dayCount.value === "inclusive" ? 1 : 0);
  const documentDate = dep - 20; // passports and visas three weeks before departure
  const requestDate = documentDate - leadDays - 10; // the request well ahead of them (TRIP-6)
  const report = addMonths(ret, rs.reportMonths.value) - 5; // within the month (TRIP-7)
  const passport = ret + rs.passportDays.value - 5; // within 15 days (TRIP-8)
  return [
    i + 1, p.name, p.leader, p.position, p.type, p.size, p.countries, date(dep), date(ret), tripDays(dep, ret, rs) as number,
    1, date(requestDate), date(documentDate), date(report), date(passport), p.note ?? null,
  ];
}

function sheet(name: string, rows: CellValue[][]): SheetSnapshot {
  return framedSheet({
    name, header: HEADER, rows, title: "2024年度市管干部因公临时出国(境)团组审批表",
    unit: "重庆市人民政府外事办公室", date: "2024年12月31日", dateCol: 10,
    note: "注:在外天数含出发、返回当天及旅途时间(渝委发〔2005〕14号 (八))。",
  });
}

export const sample: TemplateSample = {
  id: "trip",
  clean: () => sheet("出访团组", PLANS.map(row)),
  errors() {
    const rows = PLANS.map(row);
    const planted: PlantedError[] = [];
    const set = (i: number, name: string, v: CellValue, p: Omit<PlantedError, "cell">) => {
      rows[i][col(name)] = v;
      planted.push({ cell: cellOf(i, name), ...p });
    };
    const serial = (i: number, name: string) => (rows[i][col(name)] as { serial: number }).serial;
    // TRIP-1: the 8-person study tour without its 说明
    set(4, "说明", null, { rule: "TRIP-1", severity: "warning", what: "考察团组8人,未说明" });
    planted[planted.length - 1].cell = cellOf(4, "团组人数");
    set(1, "本年度出访次数", 2, { rule: "TRIP-2", severity: "warning", what: "本年度第2次出访" });
    set(0, "出访国家(地区)", "德国、法国、意大利", { rule: "TRIP-3", severity: "warning", what: "出访3个国家" });
    // TRIP-4: one country, 8 days (在外天数 kept consistent)
    const dep6 = serial(6, "出发日期");
    rows[6][col("返回日期")] = date(dep6 + 7);
    rows[6][col("在外天数")] = tripDays(dep6, dep6 + 7, rs) as number;
    planted.push({ cell: cellOf(6, "返回日期"), rule: "TRIP-4", severity: "warning", what: "出访1国在外8天" });
    set(8, "报批日期", date(serial(8, "办证日期") - (leadDays - 7)), { rule: "TRIP-6", severity: "warning", what: "报批仅早于办证14天" });
    set(3, "出访报告日期", date(addMonths(serial(3, "返回日期"), rs.reportMonths.value) + 1), { rule: "TRIP-7", severity: "error", what: "出访报告晚交1天" });
    set(7, "证件交还日期", date(serial(7, "返回日期") + rs.passportDays.value + 1), { rule: "TRIP-8", severity: "error", what: "回渝后第16天交还证件" });
    set(9, "在外天数", 20, { rule: "TRIP-4", severity: "error", what: "在外天数少算1天" });
    // TRIP-5: a training group of 7 months
    const dep11 = serial(11, "出发日期");
    const ret11 = addMonths(dep11, rs.trainingMaxMonths.value + 1);
    rows[11][col("返回日期")] = date(ret11);
    rows[11][col("在外天数")] = tripDays(dep11, ret11, rs) as number;
    rows[11][col("出访报告日期")] = date(ret11 + 10);
    rows[11][col("证件交还日期")] = date(ret11 + 5);
    planted.push({ cell: cellOf(11, "返回日期"), rule: "TRIP-5", severity: "warning", what: "培训团组在外超过6个月" });
    // TRIP-2 across rows: 孙明 heads the 2024-10 trip as well
    set(8, "团长", "孙明", { rule: "TRIP-2", severity: "warning", what: "同一团长本年度第二次率团" });
    planted.push({ cell: cellOf(6, "团长"), rule: "TRIP-2", severity: "warning", what: "同一团长本年度第二次率团" });
    return { sheet: sheet("出访团组(有误)", rows), planted };
  },
  widths: [6, 22, 10, 20, 8, 8, 18, 12, 12, 8, 10, 12, 12, 12, 12, 30],
};
