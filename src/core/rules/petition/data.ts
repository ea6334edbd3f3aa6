/**
 * Ruleset of 深办〔2003〕36号《深圳市信访工作目标管理考核办法》(rules.md §3). Every number of the
 * source lives here once, as a Limit with its rule id and clause: the unit lists of 一, the items
 * of 二 with their points and the categories they are assessed for, the deductions of 二(四)(五),
 * and the full marks of 三(四). The 80/82 contradiction is a switchable Decision (`basis`).
 */
import { z } from "zod";
import { Limit, decision, loadRuleset } from "../ruleset";

export const PETITION_DOCUMENT = "深办〔2003〕36号";

export const CATEGORIES = ["A", "B", "C"] as const;
export const CategorySchema = z.enum(CATEGORIES);

/** Section numbers 1–6 = 二(一)…二(六). */
export const SECTION_NUMBERS = [1, 2, 3, 4, 5, 6] as const;
export type SectionNo = (typeof SECTION_NUMBERS)[number];

const UnitSchema = z.object({
  /** the unit's name as the source lists it, with the 市 prefix it shares in the list */
  name: z.string().min(1),
  /** other names clerks use for it */
  aliases: z.array(z.string().min(1)).default([]),
});

const CategoryListSchema = z.object({
  category: CategorySchema,
  /** the number of units the source announces (6个区 / 18个单位 / 23个单位) */
  count: Limit,
  units: z.array(UnitSchema).min(1),
});

const ItemSchema = z.object({
  section: z.number().int().min(1).max(6),
  /** item number within its section as the source numbers it (4a = the first 2 points of item 4) */
  code: z.string().min(1),
  name: z.string().min(1),
  points: Limit,
  /** 考核A、B、C类 */
  categories: z.array(CategorySchema).min(1),
});

const SectionSchema = z.object({
  no: z.number().int().min(1).max(6),
  key: z.enum(["leadership", "grassroots", "information", "collective", "cases", "innovation"]),
  name: z.string().min(1),
  /** the points in the section's heading, e.g. (一)信访领导工作(20分) */
  heading: Limit,
  /** 累加记分 (items added up) or 倒扣计分 (starts full, reduced per event) — 三(二)(三) */
  scoring: z.enum(["additive", "deduction"]),
  /** 每年评定 (四、五) or 每两年评定 (一、二、三、六) — 三(二)(三) */
  yearly: z.boolean(),
});

export const PetitionRulesetSchema = z.object({
  document: z.string().min(1),
  categories: z.array(CategoryListSchema).length(3),
  sections: z.array(SectionSchema).length(6),
  items: z.array(ItemSchema).min(1),
  /** 二(四) 2(1)(2), 3: per-event deductions of section 四 */
  collective: z.object({
    /** 到国家、省、市党政领导机关集体上访的,每起依次扣3分、2分、1分 */
    perPetition: z.object({ national: Limit, provincial: Limit, city: Limit }),
    /** 有关负责人未按要求及时到场 … 每起依次扣3分、2分、1分 */
    perAbsence: z.object({ national: Limit, provincial: Limit, city: Limit }),
    /** 疑难个访 … 负责人未及时到场的,每起扣0.5分 */
    perIndividualAbsence: Limit,
    /** 重大恶性事件: 扣除本项全部得分 — the score left (0) */
    majorIncidentScore: Limit,
  }),
  /** 二(五) 1–2: per-event deductions of section 五 */
  cases: z.object({
    /** 未能按要求办理的,每件扣1分 */
    perOverdue: Limit,
    /** 每催办一次,加扣0.5分 */
    perReminder: Limit,
    /** 未达到上述要求的,每件扣1分 */
    perSubstandard: Limit,
    /** 未能按要求答复信访人的,每件扣0.5分 */
    perUnanswered: Limit,
  }),
  /** 三(二): scored every year, the two-year total takes the average of this many years */
  yearsAveraged: Limit,
  /** 三(一): assessed every two years */
  cycleYears: Limit,
  /** 三(四): A类满分100分,B类满分95分,C类满分80分 */
  statedFullMarks: z.object({ A: Limit, B: Limit, C: Limit }),
  /** 三(四): B、C类得分公布时按百分制折算 */
  percentScale: Limit,
  /**
   * Decision (C 80/82): the denominators of the 百分制 conversion. `stated` = 100/95/80 as
   * published (default), `items` = the item sums 100/95/82.
   */
  basis: decision(["stated", "items"] as const),
});
export type PetitionRuleset = z.infer<typeof PetitionRulesetSchema>;
export type Category = z.infer<typeof CategorySchema>;
export type Basis = PetitionRuleset["basis"]["value"];
export type SectionKey = PetitionRuleset["sections"][number]["key"];

const c = (clause: string, value: number, rule = "PET-7") => ({ value, rule, clause });
const u = (name: string, ...aliases: string[]) => ({ name, aliases });
const ABC = ["A", "B", "C"] as const;
const AB = ["A", "B"] as const;

export const petitionData = {
  document: PETITION_DOCUMENT,
  // 一: the three category lists, read off the source. A 市 prefix shared by a run of names in the
  // source ("市教育局、公安局") is written out on each; matching strips 深圳市/市 anyway.
  categories: [
    {
      category: "A",
      count: c("一", 6, "PET-6"),
      units: [u("福田区"), u("罗湖区"), u("盐田区"), u("南山区"), u("宝安区"), u("龙岗区")],
    },
    {
      category: "B",
      count: c("一", 18, "PET-6"),
      units: [
        u("市委组织部", "组织部"),
        u("市中级人民法院", "中级法院", "中院", "市中院"),
        u("市检察院", "人民检察院", "市人民检察院"),
        u("市教育局"), u("市公安局"), u("市监察局"), u("市人事局"), u("市劳动局", "劳动和社会保障局"),
        u("市规划与国土资源局", "规划国土局", "规划和国土资源局"), u("市交通局"),
        u("市环保局", "环境保护局"), u("市工商局", "工商行政管理局"),
        u("市城管办", "城市管理办公室"), u("市社保局", "社会保险局"), u("市住宅局"),
        u("市投资管理公司"), u("市建设控股公司"), u("市商贸控股公司"),
      ],
    },
    {
      category: "C",
      count: c("一", 23, "PET-6"),
      units: [
        u("市经济贸易局", "经贸局"), u("市卫生局"), u("市科技局"), u("市民政局"), u("市司法局"),
        u("市建设局"), u("市水务局"), u("市农林渔业局"), u("市外经贸局"), u("市文化局"),
        u("市计生办", "计划生育办公室", "人口和计划生育办公室"), u("市地税局", "地方税务局"),
        u("市质监局", "质量技术监督局"), u("市药监局", "药品监督管理局"), u("市旅游局"),
        u("市国资办"), u("市口岸办"), u("市侨办"), u("市台办"),
        u("市保税区管理局"), u("市总工会"), u("市妇联"), u("市残联"),
      ],
    },
  ],
  sections: [
    { no: 1, key: "leadership", name: "信访领导工作", heading: c("二(一)", 20), scoring: "additive", yearly: false },
    { no: 2, key: "grassroots", name: "信访基层基础工作", heading: c("二(二)", 20), scoring: "additive", yearly: false },
    { no: 3, key: "information", name: "信访信息调研宣传", heading: c("二(三)", 15), scoring: "additive", yearly: false },
    { no: 4, key: "collective", name: "集体上访和疑难个访", heading: c("二(四)", 20, "PET-1"), scoring: "deduction", yearly: true },
    { no: 5, key: "cases", name: "信访立案件办理", heading: c("二(五)", 15, "PET-3"), scoring: "deduction", yearly: true },
    { no: 6, key: "innovation", name: "改革与创新", heading: c("二(六)", 10), scoring: "additive", yearly: false },
  ],
  items: [
    { section: 1, code: "1", name: "落实领导责任", points: c("二(一)1", 4), categories: ABC },
    { section: 1, code: "2", name: "领导接待群众", points: c("二(一)2", 6), categories: ABC },
    { section: 1, code: "3", name: "领导阅批、包案", points: c("二(一)3", 4), categories: ABC },
    { section: 1, code: "4a", name: "信访工作领导小组", points: c("二(一)4", 2), categories: ["A"] },
    { section: 1, code: "4b", name: "机构设置和干部配备", points: c("二(一)4", 2), categories: AB },
    { section: 1, code: "4c", name: "关心信访干部成长", points: c("二(一)4", 2), categories: ABC },
    { section: 2, code: "1", name: "抓好基层信访", points: c("二(二)1", 4), categories: ABC },
    { section: 2, code: "2", name: "制度化、规范化", points: c("二(二)2", 4), categories: ABC },
    { section: 2, code: "3", name: "畅通信访渠道", points: c("二(二)3", 4), categories: ABC },
    { section: 2, code: "4a", name: "独立挂牌接待场所", points: c("二(二)4", 2), categories: ["A"] },
    { section: 2, code: "4b", name: "接待场所环境、公开", points: c("二(二)4", 2), categories: ABC },
    { section: 2, code: "5", name: "信访信息化", points: c("二(二)5", 4), categories: AB },
    { section: 3, code: "1a", name: "报送紧急重大信息", points: c("二(三)1", 2), categories: ABC },
    { section: 3, code: "1b", name: "统计报表、信息条数", points: c("二(三)1", 2), categories: AB },
    { section: 3, code: "1c", name: "分管领导和刊物", points: c("二(三)1", 1), categories: ["A"] },
    { section: 3, code: "2", name: "信访调研", points: c("二(三)2", 5), categories: AB },
    { section: 3, code: "3", name: "信访宣传", points: c("二(三)3", 5), categories: ABC },
    { section: 4, code: "1-3", name: "集体上访和疑难个访处理", points: c("二(四)", 20, "PET-1"), categories: ABC },
    { section: 5, code: "1-2", name: "信访立案件办理", points: c("二(五)", 15, "PET-3"), categories: ABC },
    { section: 6, code: "1", name: "信访工作改革与创新", points: c("二(六)", 10), categories: ABC },
  ],
  collective: {
    perPetition: {
      national: c("二(四)2(1)", 3, "PET-1"),
      provincial: c("二(四)2(1)", 2, "PET-1"),
      city: c("二(四)2(1)", 1, "PET-1"),
    },
    perAbsence: {
      national: c("二(四)2(2)", 3, "PET-1"),
      provincial: c("二(四)2(2)", 2, "PET-1"),
      city: c("二(四)2(2)", 1, "PET-1"),
    },
    perIndividualAbsence: c("二(四)3", 0.5, "PET-1"),
    majorIncidentScore: c("二(四)1", 0, "PET-2"),
  },
  cases: {
    perOverdue: c("二(五)1", 1, "PET-3"),
    perReminder: c("二(五)1", 0.5, "PET-3"),
    perSubstandard: c("二(五)2", 1, "PET-3"),
    perUnanswered: c("二(五)2", 0.5, "PET-3"),
  },
  yearsAveraged: c("三(二)", 2, "PET-5"),
  cycleYears: c("三(一)", 2, "PET-5"),
  statedFullMarks: {
    A: c("三(四)", 100, "PET-6"),
    B: c("三(四)", 95, "PET-6"),
    C: c("三(四)", 80, "PET-6"),
  },
  percentScale: c("三(四)", 100, "PET-6"),
  basis: {
    value: "stated",
    rule: "PET-6",
    note:
      "源文件自相矛盾：C类各考核项目分值合计为82分（16+14+7+20+15+10），而三（四）规定C类满分80分。" +
      "默认按公布的满分（100/95/80）折算百分制，因其为各单位手工计算所用；C类原始得分超过80分时予以提示。" +
      "可切换为按项目合计（100/95/82）折算。各部分的满分始终按所考核项目的分值合计。",
  },
};

/** The ruleset in force, validated at load (a malformed override fails loudly). */
export const petitionRules: PetitionRuleset = loadRuleset(PetitionRulesetSchema, petitionData);
