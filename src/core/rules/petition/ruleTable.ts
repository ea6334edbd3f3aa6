/** The rules of 深办〔2003〕36号 (rules.md §3) that findings cite, with their clauses. */
import { ruleTable } from "../ruleTable";
import { PETITION_DOCUMENT } from "./data";

export const petitionRuleTable = ruleTable(PETITION_DOCUMENT, {
  "PET-1": { clause: "二(四)", also: ["三(二)"], title: "集体上访和疑难个访从20分倒扣，扣完为止" },
  "PET-2": { clause: "二(四)1", title: "发生重大恶性事件，集体上访和疑难个访为0分并取消评选先进资格" },
  "PET-3": { clause: "二(五)", also: ["三(二)"], title: "信访立案件办理从15分倒扣，扣完为止" },
  "PET-4": { clause: "三(二)", title: "无集体上访、个访和立案件的单位得满分" },
  "PET-5": { clause: "三(二)", also: ["三(一)", "三(三)"], title: "两年一考核，第四、五项按年评定，取两年平均值" },
  "PET-6": { clause: "三(四)", also: ["一"], title: "六项之和为总分，B、C类折算百分制，分类排队（类别名单见一）" },
  "PET-7": { clause: "二", title: "各项得分不超过本类考核项目的满分" },
});
