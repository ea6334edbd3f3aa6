/**
 * Ruleset of 哈办发〔2011〕14号《关于实行社区网格化管理服务的意见》(rules.md §1). Every number of the
 * source lives here once, as a Limit with its rule id and clause; the Decisions of rules.md are
 * switchable data (an office that budgets posts with `floor` overrides `postRounding.value`).
 */
import { z } from "zod";
import { Limit, decision, loadRuleset } from "../ruleset";

export const GRID_DOCUMENT = "哈办发〔2011〕14号";

const ShareSchema = z.object({ city: Limit, district: Limit });

const StarSubsidy = z.object({
  /** the star rating (五星级 = 5) that earns the subsidy */
  stars: Limit,
  /** ¥ per year */
  amount: Limit,
});

const DateLimit = z.object({
  rule: z.string(),
  clause: z.string(),
  /** ISO date */
  value: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  what: z.string(),
});

export const GridRulesetSchema = z.object({
  document: z.string().min(1),
  /** 按900户设1个岗位 */
  householdsPerPost: Limit,
  /** Decision (GRID-1 rounding): ceil | floor | round, and whether a community with households keeps ≥ 1 post */
  postRounding: decision(["ceil", "floor", "round"] as const).extend({
    /** the minimum number of posts of a community with households > 0 (GRID-2: one each); 0 disables it */
    minimumWhenInhabited: Limit,
  }),
  /** 三年内完成招录工作 */
  recruitmentYears: Limit,
  /** 今年下半年,为8个城区648个社区各招录1名 */
  firstBatch: z.object({ districts: Limit, communities: Limit, workersEach: Limit }),
  /** worker pay: 市、区两级财政按1∶1比例承担 */
  payShare: ShareSchema,
  /** 五星级社区每年补助5万元,四星级社区每年补助3万元 */
  subsidies: z.array(StarSubsidy).min(1),
  /** subsidy: 由市、区两级按1∶1比例给予补助 */
  subsidyShare: ShareSchema,
  /** 每天至少到网格巡查1次 */
  patrolsPerDay: Limit,
  /** 在网格时间要达到工作时间三分之一以上 (以上: the third itself passes) */
  timeInGridShare: Limit,
  /** 督导员每周不少于1次参与网格巡查 */
  supervisorPatrolsPerWeek: Limit,
  /** at least one grid per community (GRID-7: full coverage) */
  gridsPerCommunityMin: Limit,
  milestones: z.array(DateLimit),
});
export type GridRuleset = z.infer<typeof GridRulesetSchema>;

export const gridData = {
  document: GRID_DOCUMENT,
  householdsPerPost: { value: 900, rule: "GRID-1", clause: "三(三)" },
  postRounding: {
    value: "ceil",
    rule: "GRID-1",
    note:
      "“按900户设1个岗位”未说明取整方式：默认向上取整，且有住户的社区至少1个岗位（首批每社区各1名，GRID-2；" +
      "目标为全覆盖）；0户为0个岗位。按其他方式编制预算的单位可改为 floor 或 round。",
    minimumWhenInhabited: { value: 1, rule: "GRID-2", clause: "三(三)" },
  },
  recruitmentYears: { value: 3, rule: "GRID-1", clause: "三(三)" },
  firstBatch: {
    districts: { value: 8, rule: "GRID-2", clause: "三(三)" },
    communities: { value: 648, rule: "GRID-2", clause: "三(三)" },
    workersEach: { value: 1, rule: "GRID-2", clause: "三(三)" },
  },
  payShare: {
    city: { value: 1, rule: "GRID-3", clause: "三(三)" },
    district: { value: 1, rule: "GRID-3", clause: "三(三)" },
  },
  subsidies: [
    { stars: { value: 5, rule: "GRID-4", clause: "三(五)" }, amount: { value: 50_000, rule: "GRID-4", clause: "三(五)" } },
    { stars: { value: 4, rule: "GRID-4", clause: "三(五)" }, amount: { value: 30_000, rule: "GRID-4", clause: "三(五)" } },
  ],
  subsidyShare: {
    city: { value: 1, rule: "GRID-4", clause: "三(五)" },
    district: { value: 1, rule: "GRID-4", clause: "三(五)" },
  },
  patrolsPerDay: { value: 1, rule: "GRID-5", clause: "二(六)" },
  timeInGridShare: { value: 1 / 3, rule: "GRID-5", clause: "二(六)" },
  supervisorPatrolsPerWeek: { value: 1, rule: "GRID-6", clause: "二(四)" },
  gridsPerCommunityMin: { value: 1, rule: "GRID-7", clause: "二(一)" },
  milestones: [
    { value: "2011-08-31", rule: "GRID-8", clause: "一(三)", what: "城区各街道和县(市)城关镇各选1—2个社区试点" },
    { value: "2011-12-31", rule: "GRID-8", clause: "一(三)", what: "城区所有社区和县(市)城关镇社区全覆盖" },
    { value: "2012-06-30", rule: "GRID-8", clause: "一(三)", what: "县(市)城镇社区全覆盖" },
  ],
} as const;

/** The ruleset in force (validated at load: a malformed override fails loudly). */
export const gridRuleset: GridRuleset = loadRuleset(GridRulesetSchema, gridData);

/** A ruleset with some values overridden (e.g. `{ postRounding: { ...r.postRounding, value: "floor" } }`). */
export function gridRulesetWith(override: Partial<GridRuleset>): GridRuleset {
  return loadRuleset(GridRulesetSchema, { ...gridRuleset, ...override });
}
