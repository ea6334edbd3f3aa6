/**
 * The templates the validator knows, as the pane lists them (core/validate's listTemplates()),
 * kept here as plain data so the pane's first load needs neither the validator nor zod: those
 * arrive on first use (index.tsx). test/unit/taskpane/templateList.test.ts holds this list equal
 * to listTemplates().
 */
import type { TemplateSummary } from "../core/validate";

export const TEMPLATE_LIST: readonly TemplateSummary[] = [
  {
    id: "petition", title: "信访工作目标管理考核评分表", document: "深办〔2003〕36号",
    required: ["单位", "类别", "信访领导工作", "信访基层基础工作", "信访信息调研宣传", "集体上访和疑难个访", "信访立案件办理", "改革与创新"],
    checks: 10,
  },
  { id: "eval-county", title: "县市区绩效评估综合得分表", document: "娄办发〔2009〕19号", required: ["单位", "指标考核得分", "公众评议得分"], checks: 10 },
  { id: "eval-dept", title: "市直责任部门绩效评估表", document: "娄办发〔2009〕19号", required: ["部门", "为民办实事完成"], checks: 3 },
  {
    id: "trip", title: "因公临时出国（境）团组审批表", document: "渝委发〔2005〕14号",
    required: ["团组名称", "团长", "团组类型", "人数", "出访国家（地区）", "出发日期", "返回日期"],
    checks: 11,
  },
  { id: "grid", title: "社区网格化管理服务配置表", document: "哈办发〔2011〕14号", required: ["区", "社区", "户数", "专职工作者数"], checks: 7 },
  { id: "patrol", title: "网格巡查记录", document: "哈办发〔2011〕14号", required: ["日期", "网格", "工作人员", "巡查次数"], checks: 3 },
];

/**
 * Where the blank fill-in templates are served, relative to taskpane.html (`npm run
 * templates:blank` writes them; webpack copies assets/). Fetched on use, never bundled.
 */
export const blankUrl = (id: string) => `assets/templates/blank/${id}.xlsx`;
/** A blank's formulas and validations, for Excel versions that write templates cell by cell. */
export const blankExtrasUrl = (id: string) => `assets/templates/blank/${id}.json`;
