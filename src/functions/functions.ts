/**
 * GOV custom functions. Each is a one-line wrapper over src/core/rules; the JSDoc here is the
 * functions metadata (custom-functions-metadata-plugin turns it into dist/functions.json and
 * appends CustomFunctions.associate for every @customfunction). Parameters that accept text and
 * numbers are `any`; ranges are `any[][]`. Excel passes null for an omitted optional argument.
 */
import { guard } from "./guard";

// ===== Harbin — grid staffing (哈办发〔2011〕14号) =====
import { gridPatrolCheck, gridStaffing } from "../core/rules/grid";

/**
 * 社区专职工作者岗位数与公益活动补助(哈办发〔2011〕14号 三(三):按900户设1个岗位,向上取整、有住户至少1个;
 * 三(五):五星级每年5万元、四星级3万元,市、区两级按1∶1承担)。返回一行:岗位数、年度补助、市级承担、区级承担。
 * @customfunction GRID_STAFFING
 * @param households 社区户数(非负整数,如 1800 或 "1,800户")
 * @param [star_rating] 和谐社区星级(5、"五星"、"五星级"、"★★★★★";4 同理;空白或1–3星无补助)
 * @param [field] 只返回一项:岗位(posts)、补助(subsidy)、市级(city)、区级(district);空白返回全部四项
 * @returns 1×4 行 [岗位数, 年度补助(元), 市级承担(元), 区级承担(元)],或所选的一项
 */
export function gridStaffingFn(households: any, star_rating?: any, field?: any): any[][] {
  return guard(() => gridStaffing(households, star_rating, field));
}

/**
 * 网格巡查是否达标(哈办发〔2011〕14号 二(六):每天至少到网格巡查1次,在网格时间达到工作时间三分之一以上)。
 * @customfunction GRID_PATROL_CHECK
 * @param patrols 当天巡查次数(非负整数)
 * @param hours_in_grid 当天在网格时长(小时)
 * @param working_hours 当天工作时长(小时,大于0且不超过24)
 * @returns "合格",或 "不合格:" 加每条未达标的规定及其条款
 */
export function gridPatrolCheckFn(patrols: any, hours_in_grid: any, working_hours: any): string {
  return guard(() => gridPatrolCheck(patrols, hours_in_grid, working_hours));
}
// ===== end Harbin =====

// ===== Chongqing — trips abroad (渝委发〔2005〕14号) =====
import { tripApprover, tripCheckCell, tripDaysCell } from "../core/rules/trip";

/**
 * 在外停留天数,出发、返回当天都计入(渝委发〔2005〕14号 (八):以上时间均含旅途时间)。
 * @customfunction TRIP_DAYS
 * @param departure_date 出发日期(日期,或 "2024-03-01"、"2024年3月1日")
 * @param return_date 返回日期(不早于出发日期)
 * @returns 在外天数
 */
export function tripDaysFn(departure_date: any, return_date: any): number {
  return guard(() => tripDaysCell(departure_date, return_date));
}

/**
 * 因公临时出国(境)团组合规检查(渝委发〔2005〕14号 (五)人数、(七)次数、(八)国家数与天数、(十三)提前三周报批、
 * (十七)1个月内报送出访报告、(十八)15日内交还证件)。
 * @customfunction TRIP_CHECK
 * @param trip_type 团组类型:考察、培训、参展 或 办展
 * @param group_size 团组人数
 * @param countries 出访国家(地区):个数,或名单如 "日本、韩国"
 * @param departure_date 出发日期
 * @param return_date 返回日期
 * @param [trips_this_year] 团长本年度出访次数(含本次)
 * @param [request_date] 报批日期(请示呈报市委、市政府的日期)
 * @param [document_date] 办证日期(办理护照、签证的日期)
 * @param [report_date] 出访报告报送市外办的日期
 * @param [passport_date] 护照或通行证交还市外办的日期
 * @returns "合规";或 "需说明:" / "违规:" 加每条问题及其条款,以"；"分隔
 */
export function tripCheckFn(
  trip_type: any, group_size: any, countries: any, departure_date: any, return_date: any,
  trips_this_year?: any, request_date?: any, document_date?: any, report_date?: any, passport_date?: any,
): string {
  return guard(() => tripCheckCell(trip_type, group_size, countries, departure_date, return_date, trips_this_year, request_date, document_date, report_date, passport_date));
}

/**
 * 市管干部出访的审批程序(渝委发〔2005〕14号 (十二)1–10)。职务填第(十二)条的情形编号 1–10,或下列简称之一:市委部委正职、市级群团组织正职(1);市人大专委会正职、市政协专委会正职(2);区县党委书记、区县人大主任、区县政协主席(3);市委部委副职、市纪委副职、市高院副职、市检察院副职、市级群团副职、中级法院厅级、区县党委副书记、区县党委常委、区县人大副主任、区县政协副主席、区县纪委书记、区县法院院长、区县检察长(4);市政府部门正职(5);区县长(6);市政府部门副职、区县政府副职(7);高校正职、新闻单位正职、高校副职、新闻单位副职(8);党政交叉团组(9);双跨团组(10)。
 * @customfunction TRIP_APPROVER
 * @param position 第(十二)条的情形编号 1–10,或职务简称:市委部委正职、市级群团组织正职(1);市人大专委会正职、市政协专委会正职(2);区县党委书记、区县人大主任、区县政协主席(3);市委部委副职、市纪委副职、市高院副职、市检察院副职、市级群团副职、中级法院厅级、区县党委副书记、区县党委常委、区县人大副主任、区县政协副主席、区县纪委书记、区县法院院长、区县检察长(4);市政府部门正职(5);区县长(6);市政府部门副职、区县政府副职(7);高校正职、新闻单位正职、高校副职、新闻单位副职(8);党政交叉团组(9);双跨团组(10)
 * @returns 审批程序及其条款
 */
export function tripApproverFn(position: any): string {
  return guard(() => tripApprover(position));
}
// ===== end Chongqing =====

// ===== Shenzhen — petition assessment (深办〔2003〕36号) =====
import { petitionCasesCells, petitionCollectiveCells, petitionMaxCells, petitionScoreCells } from "../core/rules/petition";

/**
 * 信访工作目标管理考核百分制得分(深办〔2003〕36号 三(四):一至六项得分相加,A类满分100分、B类95分、C类80分,
 * B、C类按百分制折算;三(二):第四、五项取两年平均值;二:各项不得超过本类满分)。注意:C类各项满分合计82分,
 * 与三(四)规定的满分80分自相矛盾,默认按80分折算(原始分超过80分时得分高于100),basis 填 items 可改按82分折算。
 * @customfunction PETITION_SCORE
 * @param category 考核类别:A、B 或 C(也可写 "A类")
 * @param leadership 第一项 信访领导工作得分(A类满分20、B类18、C类16)
 * @param grassroots 第二项 信访基层、基础工作得分(A类满分20、B类18、C类14)
 * @param information 第三项 信访信息、调研和宣传工作得分(A类满分15、B类14、C类7)
 * @param collective 第四项 集体上访和疑难个访处理得分(满分20):一个数,或两年的两个单元格(取平均)
 * @param cases 第五项 信访立案件办理得分(满分15):一个数,或两年的两个单元格(取平均)
 * @param innovation 第六项 信访工作改革与创新得分(满分10)
 * @param [basis] 折算基数:stated(公布满分 100/95/80,默认)或 items(项目合计 100/95/82;C类源文件自相矛盾)
 * @returns 百分制得分
 */
export function petitionScoreFn(
  category: any, leadership: any, grassroots: any, information: any, collective: any[][], cases: any[][],
  innovation: any, basis?: any,
): number {
  return guard(() => petitionScoreCells(category, leadership, grassroots, information, collective, cases, innovation, basis));
}

/**
 * 第四项 集体上访和疑难个访处理工作一年得分(深办〔2003〕36号 二(四):20分起倒扣,到国家、省、市集体上访每起扣3、2、1分,
 * 负责人未及时到场再扣3、2、1分,疑难个访负责人未到场每起扣0.5分,扣完为止;发生重大恶性事件本项为0分并取消评先资格)。
 * @customfunction PETITION_COLLECTIVE
 * @param national 到国家党政领导机关集体上访起数
 * @param provincial 到省党政领导机关集体上访起数
 * @param city 到市党政领导机关集体上访起数
 * @param [absent_national] 到国家党政领导机关的集体上访中,责任单位有关负责人未按要求及时到场的起数(二(四)2(2),每起再扣分)
 * @param [absent_provincial] 到省党政领导机关的集体上访中,责任单位有关负责人未按要求及时到场的起数(二(四)2(2),每起再扣分)
 * @param [absent_city] 到市党政领导机关的集体上访中,责任单位有关负责人未按要求及时到场的起数(二(四)2(2),每起再扣分)
 * @param [individual_absent] 到市以上机关的疑难个访中负责人未及时到场的起数
 * @param [major_incident] 是否发生责任单位应负责的重大恶性事件(是/否)
 * @returns 第四项得分(0–20)
 */
export function petitionCollectiveFn(
  national: any, provincial: any, city: any, absent_national?: any, absent_provincial?: any, absent_city?: any,
  individual_absent?: any, major_incident?: any,
): number {
  return guard(() => petitionCollectiveCells(national, provincial, city, absent_national, absent_provincial, absent_city, individual_absent, major_incident));
}

/**
 * 第五项 信访立案件办理工作一年得分(深办〔2003〕36号 二(五):15分起倒扣,未按要求办理每件扣1分、每催办一次加扣0.5分,
 * 办结未达要求每件扣1分,未按要求答复信访人每件扣0.5分,扣完为止)。
 * @customfunction PETITION_CASES
 * @param overdue 未按时限办结的立案件数
 * @param reminders 催办次数
 * @param substandard 办结未达到要求的件数
 * @param unanswered 未按要求答复信访人的件数
 * @returns 第五项得分(0–15)
 */
export function petitionCasesFn(overdue: any, reminders: any, substandard: any, unanswered: any): number {
  return guard(() => petitionCasesCells(overdue, reminders, substandard, unanswered));
}

/**
 * 某类单位某项考核内容的满分(深办〔2003〕36号 二:按该类考核的项目分值合计);不填项目时返回三(四)规定的满分(100/95/80)。
 * @customfunction PETITION_MAX
 * @param category 考核类别:A、B 或 C
 * @param [section] 考核内容第几项:1–6(或 一–六、项目名称);空白返回该类满分
 * @returns 该项满分,或该类满分
 */
export function petitionMaxFn(category: any, section?: any): number {
  return guard(() => petitionMaxCells(category, section));
}
// ===== end Shenzhen =====

// ===== Loudi — performance evaluation (娄办发〔2009〕19号) =====
import {
  evalBonusCells, evalCompositeCells, evalDeductionCells, evalDeptGradeCells, evalGradeCells, evalGradesCells,
} from "../core/rules/eval";

/**
 * 县市区政府绩效评估综合得分(娄办发〔2009〕19号 四(四)1:指标考核×60% + 公众评议×30% + 内部评估×10% + 加减分;
 * 四(三)1(3):内部评估 = 领导评价×50% + 同级评价×50%;加分、减分各累计不超过50分;各项按0–1000分计)。
 * @customfunction EVAL_COMPOSITE
 * @param indicator 指标考核得分(0–1000)
 * @param public_appraisal 公众评议得分(0–1000)
 * @param internal 内部评估得分(0–1000),或 [领导评价, 同级评价] 两个单元格(各占50%)
 * @param [bonus] 加分(累计超过50分按50分计)
 * @param [deduction] 减分,正数或负数均可(累计超过50分按50分计)
 * @returns 综合得分
 */
export function evalCompositeFn(indicator: any, public_appraisal: any, internal: any[][], bonus?: any, deduction?: any): number {
  return guard(() => evalCompositeCells(indicator, public_appraisal, internal, bonus, deduction));
}

/**
 * 绩效评估加分(娄办发〔2009〕19号 四(三)1(4):表彰或成倍超额完成重点任务每项加20分,主要指标排位大幅前移加10分,
 * 应对重大灾害和突发事件突出贡献加10分,累计不超过50分)。
 * @customfunction EVAL_BONUS
 * @param commendations 受党中央、国务院及省委、省政府表彰或成倍超额完成重点工作任务的项数
 * @param ranking_rises 主要指标在全市或全省排位大幅度前移的项数
 * @param emergency_awards 应对重大灾害和突发事件做出突出贡献的项数
 * @returns 加分(不超过50)
 */
export function evalBonusFn(commendations: any, ranking_rises: any, emergency_awards: any): number {
  return guard(() => evalBonusCells(commendations, ranking_rises, emergency_awards));
}

/**
 * 绩效评估减分(娄办发〔2009〕19号 四(三)1(5):党中央、国务院通报批评每次扣30分,省委、省政府或国家部委扣20分,
 * 市委、市政府或省直部门扣10分,班子成员受处分、工作人员失职渎职每人次扣10—20分,累计不超过50分)。
 * @customfunction EVAL_DEDUCTION
 * @param central 受党中央、国务院通报批评次数
 * @param provincial 受省委、省政府或国家部委通报批评次数
 * @param city 受市委、市政府或省直部门通报批评次数
 * @param [sanction_points] 领导班子成员受处分每人次的扣分(一个单元格或一个区域,每个10—20分)
 * @param [dereliction_points] 工作人员失职渎职每人次的扣分(一个单元格或一个区域,每个10—20分)
 * @returns 减分(正数,不超过50)
 */
export function evalDeductionFn(central: any, provincial: any, city: any, sanction_points?: any[][], dereliction_points?: any[][]): number {
  return guard(() => evalDeductionCells(central, provincial, city, sanction_points, dereliction_points));
}

/**
 * 县市区政府绩效评估是否合格(娄办发〔2009〕19号 四(四)1(1)(2):综合得分600分以上为合格,恰为600分按合格;
 * 有“一票否决”事项的为不合格)。
 * @customfunction EVAL_GRADE
 * @param composite 综合得分
 * @param [veto] 是否有“一票否决”事项(是/否)
 * @returns "合格" 或 "不合格"
 */
export function evalGradeFn(composite: any, veto?: any): string {
  return guard(() => evalGradeCells(composite, veto));
}

/**
 * 县市区政府绩效评估等次(娄办发〔2009〕19号 四(四)1:合格线600分、一票否决;先进从合格单位中产生,名额为被评估单位数的30%
 * 向下取整,须公众满意度60%以上、完成目标任务、班子成员未受处分;末位得分并列时返回“并列待定”由人工决定)。
 * @customfunction EVAL_GRADES
 * @param composites 各单位综合得分(一列)
 * @param [vetoes] 各单位是否有“一票否决”事项(与综合得分同行数)
 * @param [satisfaction] 各单位公众满意度(0.6、60 或 "60%" 均表示60%)
 * @param [targets_met] 各单位是否完成市政府规定的目标任务(是/否)
 * @param [sanctioned] 各单位班子成员是否受党纪、政纪及以上处分(是/否)
 * @returns 一列等次:先进、合格、不合格 或 并列待定
 */
export function evalGradesFn(composites: any[][], vetoes?: any[][], satisfaction?: any[][], targets_met?: any[][], sanctioned?: any[][]): any[][] {
  return guard(() => evalGradesCells(composites, vetoes, satisfaction, targets_met, sanctioned));
}

/**
 * 市直责任部门绩效评估是否合格(娄办发〔2009〕19号 四(四)2:完成为民办实事任务且各项指标得分均在60分以上为合格;
 * 未完成为民办实事、任一指标低于60分或有“一票否决”事项为不合格;三:各项指标满分100分)。
 * @customfunction EVAL_DEPT_GRADE
 * @param indicator_scores 各项指标得分(一行或一列,每项0–100,空白表示不承担该指标)
 * @param livelihood_done 是否完成为民办实事指标任务(是/否)
 * @param [veto] 是否有“一票否决”事项(是/否)
 * @returns "合格" 或 "不合格"
 */
export function evalDeptGradeFn(indicator_scores: any[][], livelihood_done: any, veto?: any): string {
  return guard(() => evalDeptGradeCells(indicator_scores, livelihood_done, veto));
}
// ===== end Loudi =====

export { guard };
