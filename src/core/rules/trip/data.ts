/**
 * Ruleset of 渝委发〔2005〕14号《关于进一步规范和加强市管党政领导干部因公临时出国(境)管理的通知》
 * (rules.md §2). Every number of the source lives here once, as a Limit with its rule id and
 * clause; the Decisions of rules.md are switchable data; the approval routes of clause (十二)
 * are data with the short names a clerk may type.
 */
import { z } from "zod";
import { Limit, decision, loadRuleset } from "../ruleset";

export const TRIP_DOCUMENT = "渝委发〔2005〕14号";

const CountryDays = z.object({
  /** number of countries/regions visited */
  countries: Limit,
  /** days abroad allowed, travel days included */
  maxDays: Limit,
});

const ApprovalRoute = z.object({
  /** case number 1–10 of clause (十二) */
  case: z.number().int().min(1),
  clause: z.string().min(1),
  /** who travels, as the source says it */
  subject: z.string().min(1),
  /** the approval route, as the source says it */
  route: z.string().min(1),
  /** short names a clerk may type (matched after NFKC, spaces removed) */
  names: z.array(z.string().min(1)).min(1),
  /** where the text departs from the pasted source (evident typos corrected) */
  sourceNote: z.string().optional(),
});
export type ApprovalRoute = z.infer<typeof ApprovalRoute>;

export const TripRulesetSchema = z.object({
  document: z.string().min(1),
  /** (五) 考察团组人员总数原则上不超过6人 */
  studyGroupMax: Limit,
  /** (七) 一年内出访不得超过1次 */
  tripsPerYearMax: Limit,
  /** (八) 一次出访的国家(地区)原则上控制在两个以内 */
  countriesMax: Limit,
  /** (八) 出访1国不超过6天;出访2国不超过10天 */
  daysByCountries: z.array(CountryDays).min(1),
  /** (八) 培训团组在外停留时间,以3至6周为宜 */
  trainingAdvisedWeeks: z.object({ min: Limit, max: Limit }),
  /** (八) 原则上不得超过6个月 */
  trainingMaxMonths: Limit,
  /** (十三) 在办理护照、签证前三周呈报 */
  leadWeeks: Limit,
  /** (十七) 返渝后1个月内报送出访报告 */
  reportMonths: Limit,
  /** (十八) 回渝后15日内交还证件 */
  passportDays: Limit,
  /** (二) 每年11月上旬送出访计划: month and last day of 上旬 */
  planDeadline: z.object({ month: Limit, day: Limit }),
  /** (十九) 组团、参团单位一年内、相关人员两年内不得出访 */
  fraudBanYears: z.object({ unit: Limit, persons: Limit }),
  /** Decision (days): days abroad count both ends (“以上时间均含旅途时间”) or nights only */
  dayCount: decision(["inclusive", "exclusive"] as const),
  /**
   * Decision (6 months): the stay, both ends counted, fits in 6 calendar months
   * (departure 01-01 → return by 06-30), or the return is at most 6 calendar months after the
   * departure (→ by 07-01)
   */
  trainingSpan: decision(["inclusive", "elapsed"] as const),
  /** (十二) 1–10 */
  approvals: z.array(ApprovalRoute).min(1),
});
export type TripRuleset = z.infer<typeof TripRulesetSchema>;

const c = (value: number, rule: string, clause: string) => ({ value, rule, clause });

export const tripData = {
  document: TRIP_DOCUMENT,
  studyGroupMax: c(6, "TRIP-1", "(五)"),
  tripsPerYearMax: c(1, "TRIP-2", "(七)"),
  countriesMax: c(2, "TRIP-3", "(八)"),
  daysByCountries: [
    { countries: c(1, "TRIP-4", "(八)"), maxDays: c(6, "TRIP-4", "(八)") },
    { countries: c(2, "TRIP-4", "(八)"), maxDays: c(10, "TRIP-4", "(八)") },
  ],
  trainingAdvisedWeeks: { min: c(3, "TRIP-5", "(八)"), max: c(6, "TRIP-5", "(八)") },
  trainingMaxMonths: c(6, "TRIP-5", "(八)"),
  leadWeeks: c(3, "TRIP-6", "(十三)"),
  reportMonths: c(1, "TRIP-7", "(十七)"),
  passportDays: c(15, "TRIP-8", "(十八)"),
  planDeadline: { month: c(11, "TRIP-9", "(二)"), day: c(10, "TRIP-9", "(二)") },
  fraudBanYears: { unit: c(1, "TRIP-12", "(十九)"), persons: c(2, "TRIP-12", "(十九)") },
  dayCount: {
    value: "inclusive",
    rule: "TRIP-4",
    note: "在外天数 = 返回日期 − 出发日期 + 1（出发、返回当天都计入：“以上时间均含旅途时间”）。",
  },
  trainingSpan: {
    value: "inclusive",
    rule: "TRIP-5",
    note:
      "“不超过6个月”按日历月计，与在外天数一样首尾两天都计入：1月1日出发，6月30日前返回为不超过6个月，" +
      "7月1日返回即超过。可改为 elapsed（返回日期不晚于出发日期加6个月的同一天）。",
  },
  approvals: [
    {
      case: 1, clause: "(十二)1",
      subject: "市委各部委、市级群团组织的正职领导",
      route: "报市委分管业务工作的领导、分管外事工作的副书记、书记审批",
      names: ["市委部委正职", "市委各部委正职", "市级群团组织正职", "市级群团正职", "群团组织正职"],
    },
    {
      case: 2, clause: "(十二)2",
      subject: "市人大和市政协各专门委员会的正职领导",
      route: "报市委分管外事工作的副书记、书记审批",
      names: ["市人大专委会正职", "市政协专委会正职", "市人大专门委员会正职", "市政协专门委员会正职", "专委会正职"],
    },
    {
      case: 3, clause: "(十二)3",
      subject: "区县（自治县、市）党委书记、人大主任、政协主席",
      route: "报市委联系该区县（自治县、市）的领导、分管外事工作的副书记、书记审批",
      names: ["区县党委书记", "区县委书记", "区县人大主任", "区县政协主席"],
    },
    {
      case: 4, clause: "(十二)4",
      subject:
        "市委各部委、市人大和市政协各专门委员会、市纪委、市高级人民法院、市人民检察院、市级群团组织的副职领导、" +
        "市人民检察院各分院、市各中级人民法院厅级领导，以及区县（自治县、市）党委副书记、常委、人大副主任、" +
        "政协副主席、纪委书记、法院院长、检察院检察长",
      route: "报市委分管外事工作的副书记审批",
      names: [
        "市委部委副职", "市委各部委副职", "市人大专委会副职", "市政协专委会副职", "市纪委副职", "市高级人民法院副职",
        "市高院副职", "市人民检察院副职", "市检察院副职", "市级群团组织副职", "市级群团副职", "检察院分院厅级领导",
        "市检察院分院厅级", "中级人民法院厅级领导", "中级法院厅级", "区县党委副书记", "区县委副书记", "区县党委常委",
        "区县委常委", "区县人大副主任", "区县政协副主席", "区县纪委书记", "区县法院院长", "区县检察院检察长", "区县检察长",
      ],
      sourceNote: "原文“检查长”为“检察长”之误。",
    },
    {
      case: 5, clause: "(十二)5",
      subject: "市政府各部门的正职领导",
      route: "报市政府分管业务工作的领导、分管外事工作的副市长和市长审批",
      names: ["市政府部门正职", "市政府各部门正职"],
      sourceNote: "原文“报市管分管业务工作的领导”，按上下文（市政府各部门）读作“市政府”。",
    },
    {
      case: 6, clause: "(十二)6",
      subject: "区县（自治县、市）长",
      route: "报分管外事工作的副市长、市委联系该区县（自治县、市）的领导和市长审批",
      names: ["区县长", "区长", "县长", "区县政府正职"],
    },
    {
      case: 7, clause: "(十二)7",
      subject: "市政府各部门以及区县（自治县、市）政府的副职领导干部",
      route: "报分管外事工作的副市长审批",
      names: ["市政府部门副职", "市政府各部门副职", "区县政府副职", "副区县长", "副区长", "副县长"],
    },
    {
      case: 8, clause: "(十二)8",
      subject: "高等院校、市级新闻单位的正职领导",
      route: "报市委或市政府分管业务工作的领导和分管外事工作的副书记或副市长审批",
      names: ["高校正职", "高等院校正职", "市级新闻单位正职", "新闻单位正职"],
    },
    {
      case: 8, clause: "(十二)8",
      subject: "高等院校、市级新闻单位的副职领导",
      route: "报市委或市政府分管业务工作的副书记或副市长审批",
      names: ["高校副职", "高等院校副职", "市级新闻单位副职", "新闻单位副职"],
    },
    {
      case: 9, clause: "(十二)9",
      subject: "团组中党政干部交叉",
      route:
        "需单独报批：在报市政府审批的团组中，区县（自治县、市）党委、人大、政协正职领导和市委各部委、市人大和市政协各专门委员会、" +
        "市级群团组织正职领导随团出访，需单独报市委审批；在报市委审批的团组中，区县（自治县、市）政府正职领导和市政府各部门的" +
        "正职领导随团出访，需单独报市政府审批",
      names: ["党政交叉团组", "党政干部交叉", "党政交叉"],
      sourceNote: "原文“在摆市政府审批的团组中”，“摆”为“报”之误。",
    },
    {
      case: 10, clause: "(十二)10",
      subject: "市管干部参加跨地区、跨行业的双跨团组",
      route: "需事先征得市委、市政府相关领导同意，正式报请外事审批时需附上相关市领导的意见，否则一律不予审批",
      names: ["双跨团组", "跨地区跨行业团组"],
      sourceNote: "原文“相关市临到的意见”，“临到”为“领导”之误。",
    },
  ],
} as const;

/** The ruleset in force (validated at load). */
export const tripRuleset: TripRuleset = loadRuleset(TripRulesetSchema, tripData);

/** A ruleset with some values overridden, validated like the default. */
export function tripRulesetWith(override: Partial<TripRuleset>): TripRuleset {
  return loadRuleset(TripRulesetSchema, { ...tripRuleset, ...override });
}
