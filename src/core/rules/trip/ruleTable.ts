/** The rules of 渝委发〔2005〕14号 (rules.md §2) that findings cite, with their clauses. */
import { ruleTable } from "../ruleTable";
import { TRIP_DOCUMENT } from "./data";

export const tripRuleTable = ruleTable(TRIP_DOCUMENT, {
  "TRIP-1": { clause: "(五)", title: "考察团组人数原则上不超过6人" },
  "TRIP-2": { clause: "(七)", title: "市管干部原则上一年内出访不超过1次" },
  "TRIP-3": { clause: "(八)", title: "一次出访国家（地区）原则上不超过2个" },
  "TRIP-4": { clause: "(八)", title: "在外停留天数（含旅途）：1国不超过6天，2国不超过10天" },
  "TRIP-5": { clause: "(八)", title: "培训团组以3至6周为宜，原则上不超过6个月" },
  "TRIP-6": { clause: "(十三)", title: "出国请示件在办理护照、签证前3周呈报" },
  "TRIP-7": { clause: "(十七)", title: "返渝后1个月内报送出访报告" },
  "TRIP-8": { clause: "(十八)", title: "回渝后15日内交还因公护照或通行证" },
  "TRIP-9": { clause: "(二)", title: "下一年度出访计划于11月上旬报送" },
  "TRIP-10": { clause: "(七)", title: "同一地区、部门的同级领导不同团出访" },
  "TRIP-11": { clause: "(十五)", title: "不得通过中介机构邀请或由企业出资出访" },
  "TRIP-12": { clause: "(十九)", title: "弄虚作假的，组团单位1年、当事人2年内不得出访" },
  "TRIP-13": { clause: "(十二)", title: "按职务分级审批" },
});
