/**
 * Sample 社区网格化管理服务配置表 (哈办发〔2011〕14号): a clean sheet whose posts, subsidies and
 * shares are computed with the grid ruleset, and an errors sheet with planted errors.
 */
import { type CellValue, toStar } from "../../src/core/input/coerce";
import { gridRuleset, posts, subsidy } from "../../src/core/rules/grid";
import { columnLetter, type SheetSnapshot } from "../../src/core/validate/snapshot";
import { framedSheet } from "./frame";
import type { PlantedError, TemplateSample } from "./types";

const HEADER = ["序号", "区", "街道", "社区", "户数", "网格数", "专职工作者数", "星级", "年度补助(元)", "市级承担(元)", "区级承担(元)"];
const col = (name: string) => HEADER.findIndex((h) => h === name || h.startsWith(`${name}(`));
/** First data row (0-based): title, 填报单位 line, header. */
const FIRST = 3;
const cellOf = (i: number, name: string) => `${columnLetter(col(name) + 1)}${FIRST + i + 1}`;

// community, street, district, households, star — the numbers derived below come from the ruleset
const COMMUNITIES: readonly [string, string, string, number, string][] = [
  ["道里区", "新阳路街道", "共乐社区", 2350, "五星级"],
  ["道里区", "新阳路街道", "经纬社区", 1620, "四星级"],
  ["道里区", "安静街道", "安丰社区", 870, "三星级"],
  ["道里区", "安静街道", "安红社区", 2710, ""],
  ["南岗区", "花园街道", "花园社区", 3100, "五星"],
  ["南岗区", "花园街道", "龙江社区", 1800, "★★★★"],
  ["南岗区", "芦家街道", "文化社区", 2025, "4"],
  ["南岗区", "芦家街道", "奋斗社区", 640, "二星级"],
  ["香坊区", "香坊大街街道", "油坊社区", 1980, "5"],
  ["香坊区", "香坊大街街道", "红旗社区", 905, "四星"],
  ["道外区", "靖宇街道", "南头道社区", 1450, ""],
  ["道外区", "靖宇街道", "北十道社区", 2260, "五星级"],
];

function dataRows(): CellValue[][] {
  return COMMUNITIES.map(([district, street, community, households, star], i) => {
    const s = subsidy(toStar(star, "星级") as number, gridRuleset);
    const grids = Math.max(gridRuleset.gridsPerCommunityMin.value, Math.round(households / 300));
    return [i + 1, district, street, community, households, grids, posts(households, gridRuleset), star, s.annual, s.city, s.district];
  });
}

function totalRow(rows: CellValue[][]): CellValue[] {
  const row: CellValue[] = HEADER.map(() => null);
  row[0] = "合计";
  for (const name of ["户数", "网格数", "专职工作者数", "年度补助", "市级承担", "区级承担"]) {
    const c = col(name);
    row[c] = rows.reduce((s, r) => s + (typeof r[c] === "number" ? (r[c] as number) : 0), 0);
  }
  return row;
}

function sheet(name: string, rows: CellValue[][], total: CellValue[]): SheetSnapshot {
  const r = gridRuleset;
  const subsidies = r.subsidies.map((x) => `${x.stars.value}星级社区每年补助${x.amount.value / 10_000}万元`).join("、");
  return framedSheet({
    name, header: HEADER, rows: [...rows, total], title: "2024年度社区网格化管理服务配置表",
    unit: "哈尔滨市民政局", date: "2024年6月30日", dateCol: 8,
    note: `注:按${r.householdsPerPost.value}户设1个岗位;${subsidies},` +
      `市、区两级按${r.subsidyShare.city.value}∶${r.subsidyShare.district.value}承担(${r.document})。`,
  });
}

export const sample: TemplateSample = {
  id: "grid",
  clean() {
    const rows = dataRows();
    return sheet("网格配置", rows, totalRow(rows));
  },
  errors() {
    const rows = dataRows();
    const planted: PlantedError[] = [];
    const set = (i: number, name: string, v: CellValue, p: Omit<PlantedError, "cell">) => {
      rows[i][col(name)] = v;
      planted.push({ cell: cellOf(i, name), ...p });
    };
    set(0, "专职工作者数", 2, { rule: "GRID-1", severity: "warning", what: "2350户只配2名专职工作者(应3名)" });
    set(2, "专职工作者数", 0, { rule: "GRID-2", severity: "error", what: "有住户的社区没有专职工作者" });
    set(1, "年度补助", 50000, { rule: "GRID-4", severity: "error", what: "四星级社区填了五星级补助" });
    set(4, "市级承担", 30000, { rule: "GRID-4", severity: "error", what: "市级承担未按1∶1" });
    set(4, "区级承担", 20000, { rule: "GRID-4", severity: "error", what: "区级承担未按1∶1" });
    set(6, "网格数", 0, { rule: "GRID-7", severity: "error", what: "社区未划分网格" });
    set(9, "社区", "龙江社区", { rule: "GRID-7", severity: "error", what: "同一区同一社区填了两行" });
    rows[9][col("区")] = "南岗区";
    set(10, "星级", "六星", { rule: "INPUT", severity: "error", what: "星级无法识别" });
    const total = totalRow(rows);
    total[col("户数")] = (total[col("户数")] as number) + 100;
    planted.push({ cell: `${columnLetter(col("户数") + 1)}${FIRST + rows.length + 1}`, rule: "TOTAL", severity: "error", what: "合计户数与各行之和不符" });
    return { sheet: sheet("网格配置(有误)", rows, total), planted };
  },
  widths: [6, 10, 14, 14, 8, 8, 12, 10, 12, 12, 12],
};
