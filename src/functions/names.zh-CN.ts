/**
 * The zh-CN functions metadata (issue 9, item 9): per function id, the Chinese name a clerk in
 * Chinese Excel types and sees (=GOV.网格岗位(B2)), its description, and each parameter's Chinese
 * name and description, in the order of functions.json. scripts/functions-locale.js reads this
 * table at build time and writes dist/functions.zh-CN.json from the built functions.json: same
 * ids, parameter order, optional flags and dimensionality; only names and descriptions replaced
 * (Microsoft's custom-functions naming and localization, office-js-docs-pr
 * docs/excel/custom-functions-naming.md). The manifest names the file through
 * `<bt:Override Locale="zh-CN">` on the metadata URL.
 *
 * Names: Han characters only, at least three (Microsoft: start with a letter, at least three
 * characters, Unicode letters, `_` and `.`; no cell address, no Excel 4.0 macro or built-in
 * function name in any language — all of those are Latin, so a Han-only name cannot match one).
 * Parameter names are the words the functions' error messages use for them. Every number a
 * description quotes from a source document is read from the ruleset, never retyped.
 *
 * Not bundled into functions.js: only the build (and the tests) read it.
 */
import { evalRules } from "../core/rules/eval/data";
import { gridRuleset } from "../core/rules/grid/data";
import { petitionRules } from "../core/rules/petition/data";
import { sectionMax, sectionOf } from "../core/rules/petition/compute";
import { tripRuleset } from "../core/rules/trip/data";
import { NOT_ASSESSED, ZERO_SCORE_TEXT } from "../core/rules/eval/cells";
import type { FunctionId } from "./params";

export interface ZhParam {
  name: string;
  description: string;
}
export interface ZhFunction {
  name: string;
  description: string;
  parameters: ZhParam[];
}

/** A clause as the rulesets store it ("三(三)") in the full-width brackets of Chinese text. */
const fw = (clause: string) => clause.replace(/\(/g, "（").replace(/\)/g, "）");
const p = (name: string, description: string): ZhParam => ({ name, description });

const G = gridRuleset;
const T = tripRuleset;
const P = petitionRules;
const E = evalRules;

const wan = (yuan: number) => (yuan % 10_000 === 0 ? `${yuan / 10_000}万元` : `${yuan}元`);
const percent = (x: number) => `${Math.round(x * 100)}%`;
/** 1/3 as the source writes a share of time, else a percentage */
const share = (x: number) => (Number.isInteger(1 / x) ? `1/${1 / x}` : percent(x));
const subsidyText = G.subsidies.map((s) => `${s.stars.value}星级每年${wan(s.amount.value)}`).join("、");
const shareText = `${G.subsidyShare.city.value}∶${G.subsidyShare.district.value}`;
const sectionText = (key: Parameters<typeof sectionOf>[0]) => {
  const s = sectionOf(key, P);
  return `第${"一二三四五六"[s.no - 1]}项“${s.name}”（A类满分${sectionMax("A", key, P)}分、B类${sectionMax("B", key, P)}分、C类${sectionMax("C", key, P)}分）`;
};
const fullMarks = `A类${P.statedFullMarks.A.value}分、B类${P.statedFullMarks.B.value}分、C类${P.statedFullMarks.C.value}分`;
const approvers = T.approvals.map((a) => `${a.names.slice(0, 2).join("、")}（${a.case}）`).join("；");
const perPerson = `${E.deduction.perPersonMin.value}—${E.deduction.perPersonMax.value}分`;
const yesNo = "（是/否）";

export const ZH_CN: Record<FunctionId, ZhFunction> = {
  GRID_STAFFING: {
    name: "网格岗位",
    description: `社区专职工作者岗位数与公益活动补助（${G.document} ${fw(G.householdsPerPost.clause)}：按${G.householdsPerPost.value}户设1个岗位，向上取整，有住户的社区至少${G.postRounding.minimumWhenInhabited.value}个；${fw(G.subsidies[0].amount.clause)}：${subsidyText}，市、区两级按${shareText}承担）。返回一行：岗位数、年度补助、市级承担、区级承担。`,
    parameters: [
      p("户数", "社区户数（非负整数，如 1800 或“1,800户”）"),
      p("星级", "和谐社区星级（5、“五星”、“五星级”、“★★★★★”，4星同理；空白或1—3星无补助）"),
      p("返回项", "只返回一项：岗位、补助、市级、区级（或 posts、subsidy、city、district）；空白返回全部四项"),
    ],
  },
  GRID_PATROL_CHECK: {
    name: "网格巡查",
    description: `网格巡查是否达标（${G.document} ${fw(G.patrolsPerDay.clause)}：每天至少到网格巡查${G.patrolsPerDay.value}次，在网格时间达到工作时间的${share(G.timeInGridShare.value)}以上）。`,
    parameters: [
      p("巡查次数", "当天到网格巡查的次数（非负整数）"),
      p("在格时长", "当天在网格的时长（小时）"),
      p("工作时长", "当天工作时长（小时，大于0且不超过24）"),
    ],
  },
  TRIP_DAYS: {
    name: "出访天数",
    description: `在外停留天数，出发、返回当天都计入（${T.document} （八）：以上时间均含旅途时间）。`,
    parameters: [
      p("出发日期", "出发日期（日期，或“2024-03-01”“2024年3月1日”）"),
      p("返回日期", "返回日期（不早于出发日期）"),
    ],
  },
  TRIP_CHECK: {
    name: "出访检查",
    description: `因公临时出国（境）团组合规检查（${T.document}：${fw(T.studyGroupMax.clause)}考察团组不超过${T.studyGroupMax.value}人，${fw(T.tripsPerYearMax.clause)}一年内出访不超过${T.tripsPerYearMax.value}次，${fw(T.countriesMax.clause)}不超过${T.countriesMax.value}个国家（地区）及在外天数，${fw(T.leadWeeks.clause)}提前${T.leadWeeks.value}周报批，${fw(T.reportMonths.clause)}${T.reportMonths.value}个月内报送出访报告，${fw(T.passportDays.clause)}${T.passportDays.value}日内交还证件）。`,
    parameters: [
      p("团组类型", "考察、培训、参展或办展"),
      p("团组人数", "团组人数（正整数）"),
      p("出访国家", "出访国家（地区）：个数，或名单如“日本、韩国”"),
      p("出发日期", "出发日期"),
      p("返回日期", "返回日期"),
      p("本年度出访次数", "团长本年度出访次数（含本次）"),
      p("报批日期", "请示呈报市委、市政府的日期"),
      p("办证日期", "办理护照、签证的日期"),
      p("出访报告日期", "出访报告报送市外办的日期"),
      p("证件交还日期", "护照或通行证交还市外办的日期"),
    ],
  },
  TRIP_APPROVER: {
    name: "出访审批",
    description: `市管干部出访的审批程序（${T.document} （十二））。职务填第（十二）条的情形编号，或职务简称：${approvers}。`,
    parameters: [p("职务", `第（十二）条的情形编号，或职务简称，如“${T.approvals[0].names[0]}”`)],
  },
  PETITION_SCORE: {
    name: "信访得分",
    description: `信访工作目标管理考核百分制得分（${P.document} 三（四）：一至六项得分相加，${fullMarks}，B、C类按百分制折算；三（二）：第四、五项取两年平均值；二：各项不得超过本类满分）。C类各项满分合计与三（四）规定的满分自相矛盾，默认按规定满分折算，折算基数填“项目合计”改按各项合计。`,
    parameters: [
      p("考核类别", "A、B或C（也可写“A类”）"),
      p(sectionOf("leadership", P).name, `${sectionText("leadership")}得分`),
      p(sectionOf("grassroots", P).name, `${sectionText("grassroots")}得分`),
      p(sectionOf("information", P).name, `${sectionText("information")}得分`),
      p(sectionOf("collective", P).name, `${sectionText("collective")}得分：一个数，或两年的两个单元格（取平均）`),
      p(sectionOf("cases", P).name, `${sectionText("cases")}得分：一个数，或两年的两个单元格（取平均）`),
      p(sectionOf("innovation", P).name, `${sectionText("innovation")}得分`),
      p("折算基数", `公布满分（默认，${fullMarks}）或项目合计（各项满分之和）`),
    ],
  },
  PETITION_COLLECTIVE: {
    name: "集体上访得分",
    description: `第四项“${sectionOf("collective", P).name}”一年得分（${P.document} 二（四）：${sectionMax("A", 4, P)}分起倒扣，到国家、省、市集体上访每起扣${P.collective.perPetition.national.value}、${P.collective.perPetition.provincial.value}、${P.collective.perPetition.city.value}分，负责人未及时到场再扣${P.collective.perAbsence.national.value}、${P.collective.perAbsence.provincial.value}、${P.collective.perAbsence.city.value}分，疑难个访负责人未到场每起扣${P.collective.perIndividualAbsence.value}分，扣完为止；发生重大恶性事件本项为${P.collective.majorIncidentScore.value}分）。`,
    parameters: [
      p("到国家机关集体上访起数", "到国家党政领导机关集体上访的起数"),
      p("到省机关集体上访起数", "到省党政领导机关集体上访的起数"),
      p("到市机关集体上访起数", "到市党政领导机关集体上访的起数"),
      p("国家级负责人未到场起数", "到国家机关的集体上访中，责任单位负责人未按要求及时到场的起数"),
      p("省级负责人未到场起数", "到省机关的集体上访中，责任单位负责人未按要求及时到场的起数"),
      p("市级负责人未到场起数", "到市机关的集体上访中，责任单位负责人未按要求及时到场的起数"),
      p("疑难个访负责人未到场起数", "到市以上机关的疑难个访中，负责人未及时到场的起数"),
      p("重大恶性事件", `是否发生责任单位应负责的重大恶性事件${yesNo}`),
    ],
  },
  PETITION_CASES: {
    name: "立案件得分",
    description: `第五项“${sectionOf("cases", P).name}”一年得分（${P.document} 二（五）：${sectionMax("A", 5, P)}分起倒扣，未按要求办理每件扣${P.cases.perOverdue.value}分、每催办一次加扣${P.cases.perReminder.value}分，办结未达要求每件扣${P.cases.perSubstandard.value}分，未按要求答复信访人每件扣${P.cases.perUnanswered.value}分，扣完为止）。`,
    parameters: [
      p("逾期未办结件数", "未按时限办结的立案件数"),
      p("催办次数", "被催办的次数"),
      p("办结未达要求件数", "办结未达到要求的件数"),
      p("未按要求答复件数", "未按要求答复信访人的件数"),
    ],
  },
  PETITION_MAX: {
    name: "信访满分",
    description: `某类单位某项考核内容的满分（${P.document} 二：该类适用的各项目分值之和）；不填项目时返回三（四）规定的满分（${fullMarks}）。`,
    parameters: [
      p("考核类别", "A、B或C"),
      p("考核项目", "第几项：1—6、一—六或项目名称；空白返回该类满分"),
    ],
  },
  EVAL_COMPOSITE: {
    name: "绩效综合得分",
    description: `县市区政府绩效评估综合得分（${E.document} ${fw(E.weights.indicator.clause)}：指标考核×${percent(E.weights.indicator.value)}＋公众评议×${percent(E.weights.publicAppraisal.value)}＋内部评估×${percent(E.weights.internal.value)}＋加减分；${fw(E.internalWeights.leaders.clause)}：内部评估＝领导评价×${percent(E.internalWeights.leaders.value)}＋同级评价×${percent(E.internalWeights.peers.value)}；加分、减分各累计不超过${E.bonus.cap.value}分；各项按0—${E.indicatorTotal.value}分计）。`,
    parameters: [
      p("指标考核得分", `指标考核得分（0—${E.indicatorTotal.value}）`),
      p("公众评议得分", `公众评议得分（0—${E.indicatorTotal.value}）`),
      p("内部评估得分", "内部评估得分，或“领导评价、同级评价”两个单元格（各占一半）"),
      p("加分", `加分（累计超过${E.bonus.cap.value}分按${E.bonus.cap.value}分计）`),
      p("减分", `减分，正数或负数均可（累计超过${E.deduction.cap.value}分按${E.deduction.cap.value}分计）`),
    ],
  },
  EVAL_BONUS: {
    name: "绩效加分",
    description: `绩效评估加分（${E.document} ${fw(E.bonus.cap.clause)}：表彰或成倍超额完成重点任务每项加${E.bonus.commendation.value}分，主要指标排位大幅前移加${E.bonus.rankingRise.value}分，应对重大灾害和突发事件突出贡献加${E.bonus.emergency.value}分，累计不超过${E.bonus.cap.value}分）。`,
    parameters: [
      p("表彰次数", "受党中央、国务院及省委、省政府表彰或成倍超额完成重点工作任务的项数"),
      p("排位大幅前移项数", "主要指标在全市或全省排位大幅度前移的项数"),
      p("应急突出贡献次数", "应对重大灾害和突发事件做出突出贡献的项数"),
    ],
  },
  EVAL_DEDUCTION: {
    name: "绩效减分",
    description: `绩效评估减分（${E.document} ${fw(E.deduction.cap.clause)}：党中央、国务院通报批评每次扣${E.deduction.central.value}分，省委、省政府或国家部委扣${E.deduction.provincial.value}分，市委、市政府或省直部门扣${E.deduction.city.value}分，班子成员受处分、工作人员失职渎职每人次扣${perPerson}，累计不超过${E.deduction.cap.value}分）。`,
    parameters: [
      p("中央通报批评次数", "受党中央、国务院通报批评的次数"),
      p("省级通报批评次数", "受省委、省政府或国家部委通报批评的次数"),
      p("市级通报批评次数", "受市委、市政府或省直部门通报批评的次数"),
      p("班子成员受处分扣分", `领导班子成员受处分每人次的扣分（一个单元格或一个区域，每个${perPerson}）`),
      p("失职渎职扣分", `工作人员失职渎职每人次的扣分（一个单元格或一个区域，每个${perPerson}）`),
    ],
  },
  EVAL_GRADE: {
    name: "绩效合格",
    description: `县市区政府绩效评估是否合格（${E.document} ${fw(E.passMark.clause)}：综合得分${E.passMark.value}分以上为合格，恰为${E.passMark.value}分按合格；有“一票否决”事项的为不合格）。`,
    parameters: [
      p("综合得分", "综合得分"),
      p("一票否决", `是否有“一票否决”事项${yesNo}`),
    ],
  },
  EVAL_GRADES: {
    name: "绩效等次",
    description: `县市区政府绩效评估等次（${E.document} ${fw(E.advancedQuota.clause)}：合格线${E.passMark.value}分、一票否决；先进从合格单位中产生，名额为被评估单位数的${percent(E.advancedQuota.value)}向下取整，须公众满意度${percent(E.satisfactionMin.value)}以上、完成目标任务、班子成员未受处分；末位得分并列时返回“并列待定”，由人工决定）。`,
    parameters: [
      p("综合得分", "各单位综合得分（一列）"),
      p("一票否决", "各单位是否有“一票否决”事项（与综合得分同行数）"),
      p("公众满意度", "各单位公众满意度（0.6、60或“60%”均表示60%）"),
      p("目标任务完成", `各单位是否完成市政府规定的目标任务${yesNo}`),
      p("班子成员受处分", `各单位班子成员是否受党纪、政纪及以上处分${yesNo}`),
    ],
  },
  EVAL_DEPT_GRADE: {
    name: "部门绩效合格",
    description: `市直责任部门绩效评估是否合格（${E.document} ${fw(E.deptPassMark.clause)}：完成为民办实事任务且各项指标得分均在${E.deptPassMark.value}分以上为合格；未完成为民办实事、任一指标低于${E.deptPassMark.value}分或有“一票否决”事项为不合格；三：各项指标满分${E.deptIndicatorMax.value}分）。不承担的指标填“${NOT_ASSESSED[0]}”；空白单元格在Excel桌面版读作0，无法与0分区分，不予计算；得分确为0分请填“${ZERO_SCORE_TEXT}”。`,
    parameters: [
      p("指标得分", `各项指标得分（一行或一列，每项0—${E.deptIndicatorMax.value}）；不承担的指标填“${NOT_ASSESSED[0]}”，0分填“${ZERO_SCORE_TEXT}”`),
      p("为民办实事完成", `是否完成为民办实事指标任务${yesNo}`),
      p("一票否决", `是否有“一票否决”事项${yesNo}`),
    ],
  },
};
