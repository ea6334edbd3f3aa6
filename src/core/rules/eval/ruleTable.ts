/** The rules of 娄办发〔2009〕19号 (rules.md §4) that findings cite, with their clauses. */
import { ruleTable } from "../ruleTable";
import { EVAL_DOCUMENT } from "./data";

export const evalRuleTable = ruleTable(EVAL_DOCUMENT, {
  "EVAL-1": { clause: "三", title: "指标考核满分1000分" },
  "EVAL-2": { clause: "四(四)1", title: "综合得分 = 指标考核×60% + 公众评议×30% + 内部评估×10% + 加分 − 减分" },
  "EVAL-3": { clause: "四(三)1(3)", title: "内部评估 = 领导评价×50% + 同级评价×50%" },
  "EVAL-4": { clause: "四(三)1(4)", title: "累计加分不超过50分" },
  "EVAL-5": { clause: "四(三)1(5)", title: "累计扣分不超过50分" },
  "EVAL-6": { clause: "四(四)1(1)", also: ["四(三)3", "四(四)1"], title: "600分以上为合格；600分以下或有一票否决事项为不合格" },
  "EVAL-7": { clause: "四(四)1(3)", title: "先进从合格单位中产生，名额30%，须符合各项条件" },
  "EVAL-8": { clause: "五(一)", also: ["五(二)"], title: "先进、不合格单位的公务员优秀等次比例" },
  "EVAL-9": { clause: "三", title: "市直部门各项指标满分100分" },
  "EVAL-10": { clause: "四(四)2(1)", also: ["四(四)2"], title: "完成为民办实事且各项指标60分以上为合格" },
  "EVAL-11": { clause: "四(四)2(3)", title: "先进从合格部门中产生，名额30%" },
});
