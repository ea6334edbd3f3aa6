/**
 * Ruleset of 娄办发〔2009〕19号《娄底市落实2009年省委省政府绩效评估工作实施方案》(rules.md §4). Every
 * number of the source lives here once, as a Limit with its rule id and clause; the three
 * Decisions of rules.md (scale, 600, quota) are switchable data.
 */
import { z } from "zod";
import { Limit, decision, loadRuleset } from "../ruleset";

export const EVAL_DOCUMENT = "娄办发〔2009〕19号";

export const EvalRulesetSchema = z.object({
  document: z.string().min(1),
  /** 三: 对县市区政府…的评估指标总分值为1000分 */
  indicatorTotal: Limit,
  /** 四(三)1: 指标考核、公众评议、内部评估 分别占 60%、30%、10% (as fractions) */
  weights: z.object({ indicator: Limit, publicAppraisal: Limit, internal: Limit }),
  /** 四(三)1(3): 领导评价和同级评价,各占50%的权重 */
  internalWeights: z.object({ leaders: Limit, peers: Limit }),
  /** 四(三)1(4): 加20分 / 加10分 / 加10分, 累计加分不超过50分 */
  bonus: z.object({ commendation: Limit, rankingRise: Limit, emergency: Limit, cap: Limit }),
  /** 四(三)1(5): 扣30 / 20 / 10 分, 每人次扣10—20分, 累计扣分不超过50分 */
  deduction: z.object({
    central: Limit, provincial: Limit, city: Limit, perPersonMin: Limit, perPersonMax: Limit, cap: Limit,
  }),
  /** 四(四)1(1): 综合得分在600分以上的为合格单位 */
  passMark: Limit,
  /** 四(四)1(3), 2(3): 名额按被评估单位总数的30%确定 (fraction) */
  advancedQuota: Limit,
  /** 四(四)2(3): the departments' advanced quota, stated again for them (fraction) */
  deptAdvancedQuota: Limit,
  /** 四(四)1(3): 公众满意度在60%以上 (fraction) */
  satisfactionMin: Limit,
  /** 三: 市直部门其他各项指标分值均为100分 */
  deptIndicatorMax: Limit,
  /** 四(四)2(1): 各项指标得分均在60分以上 */
  deptPassMark: Limit,
  /** 五(一)(二): 公务员考核优秀等次比例 先进 25%, 不合格 10% (fractions) */
  excellentRatio: z.object({ advanced: Limit, unqualified: Limit }),
  /**
   * Decision (scale): the public and internal appraisals are scored by rules “另行制定”. `same`:
   * all three components on the indicator's 0–1000 scale (default); `percent`: the appraisals
   * arrive out of `appraisalMax` and are scaled to the indicator total.
   */
  scale: decision(["same", "percent"] as const).extend({ appraisalMax: Limit }),
  /** Decision (600): “600分以上”合格 and “600分以下”不合格 overlap at 600; which side 600 falls on. */
  passAtMark: decision(["qualified", "unqualified"] as const),
  /** Decision (quota): how 30% of the units becomes a number of places; a tie at the last place is reported. */
  quotaRounding: decision(["floor", "round", "ceil"] as const),
});
export type EvalRuleset = z.infer<typeof EvalRulesetSchema>;

const c = (clause: string, value: number, rule: string) => ({ value, rule, clause });

export const evalData = {
  document: EVAL_DOCUMENT,
  indicatorTotal: c("三", 1000, "EVAL-1"),
  weights: {
    indicator: c("四(三)1", 0.6, "EVAL-2"),
    publicAppraisal: c("四(三)1", 0.3, "EVAL-2"),
    internal: c("四(三)1", 0.1, "EVAL-2"),
  },
  internalWeights: {
    leaders: c("四(三)1(3)", 0.5, "EVAL-3"),
    peers: c("四(三)1(3)", 0.5, "EVAL-3"),
  },
  bonus: {
    commendation: c("四(三)1(4)", 20, "EVAL-4"),
    rankingRise: c("四(三)1(4)", 10, "EVAL-4"),
    emergency: c("四(三)1(4)", 10, "EVAL-4"),
    cap: c("四(三)1(4)", 50, "EVAL-4"),
  },
  deduction: {
    central: c("四(三)1(5)", 30, "EVAL-5"),
    provincial: c("四(三)1(5)", 20, "EVAL-5"),
    city: c("四(三)1(5)", 10, "EVAL-5"),
    perPersonMin: c("四(三)1(5)", 10, "EVAL-5"),
    perPersonMax: c("四(三)1(5)", 20, "EVAL-5"),
    cap: c("四(三)1(5)", 50, "EVAL-5"),
  },
  passMark: c("四(四)1(1)", 600, "EVAL-6"),
  advancedQuota: c("四(四)1(3)", 0.3, "EVAL-7"),
  deptAdvancedQuota: c("四(四)2(3)", 0.3, "EVAL-11"),
  satisfactionMin: c("四(四)1(3)", 0.6, "EVAL-7"),
  deptIndicatorMax: c("三", 100, "EVAL-9"),
  deptPassMark: c("四(四)2(1)", 60, "EVAL-10"),
  excellentRatio: {
    advanced: c("五(一)", 0.25, "EVAL-8"),
    unqualified: c("五(二)", 0.1, "EVAL-8"),
  },
  scale: {
    value: "same",
    rule: "EVAL-2",
    note:
      "源文件只规定指标考核总分1000分和600分合格线，公众评议、内部评估的评分细则“另行制定”。" +
      "因综合得分与600分比较，三项均按同一0–1000分制计。若评议按百分制打分，可切换为 percent（×10折算）。",
    appraisalMax: c("四(三)1(2)(3)", 100, "EVAL-2"),
  },
  passAtMark: {
    value: "qualified",
    rule: "EVAL-6",
    note:
      "“600分以上”为合格、“600分以下”为不合格，按“以上、以下均含本数”两者在600分处重叠；" +
      "默认恰为600分为合格（合格线的更具体读法），产品中注明此重叠。",
  },
  quotaRounding: {
    value: "floor",
    rule: "EVAL-7",
    note:
      "先进名额 = 被评估单位数 × 30% 向下取整（名额不得突破）；符合条件的单位按综合得分排序，" +
      "末位并列时报人工决定（并列待定），不自动取舍。",
  },
};

/** The ruleset in force, validated at load. */
export const evalRules: EvalRuleset = loadRuleset(EvalRulesetSchema, evalData);
