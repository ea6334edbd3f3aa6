/**
 * The rules of 哈办发〔2011〕14号 (rules.md §1) that findings cite, with their clauses, and TOTAL:
 * a 合计 row equals the sum of its rows (templates.md), cited to the document as a whole.
 */
import { ruleTable } from "../ruleTable";
import { GRID_DOCUMENT } from "./data";

export const gridRuleTable = ruleTable(GRID_DOCUMENT, {
  "GRID-1": { clause: "三(三)", title: "按900户设1个社区专职工作者岗位，3年内完成招录" },
  "GRID-2": { clause: "三(三)", title: "首批为8个城区648个社区各配备1名专职工作者" },
  "GRID-3": { clause: "三(三)", title: "专职工作者待遇由市、区两级财政按1∶1承担" },
  "GRID-4": { clause: "三(五)", title: "五星级和谐社区每年补助5万元，四星级3万元，市、区按1∶1承担" },
  "GRID-5": { clause: "二(六)", title: "网格员每天至少巡查1次，在网格时间不少于工作时间的三分之一" },
  "GRID-6": { clause: "二(四)", title: "网格督导员每周至少参与网格巡查1次" },
  "GRID-7": { clause: "二(一)", title: "网格全面覆盖，不留空白区域，不得交叉重叠" },
  "GRID-8": { clause: "一(三)", title: "试点和全覆盖的时间节点" },
  TOTAL: { clause: "", title: "合计行等于各行之和" },
});
