/**
 * grid — 社区网格化管理服务配置表 (哈办发〔2011〕14号), templates.md. One row per community: posts
 * against households (GRID-1/2), the star subsidy and its 1:1 split (GRID-4), grids (GRID-7),
 * duplicates and the 合计 row. Every number comes from the grid ruleset through its compute
 * functions.
 */
import { isBlank, normText, toCount, toNumber, toStar, toText } from "../../input/coerce";
import { type Cite, cites } from "../../rules/ruleset";
// the concrete modules, not the rules/grid barrel (its `export *` compiles to getters)
import { GRID_DOCUMENT, gridRuleset } from "../../rules/grid/data";
import { posts, splitShare, subsidy } from "../../rules/grid/compute";
import { agreesTyped } from "../agree";
import type { Check, CheckContext, Table, TableRow, TemplateDef } from "../template";

const rs = gridRuleset;
const from = (c: Cite) => cites(GRID_DOCUMENT, c);


const money = (v: unknown, p: string) => toNumber(v, p, { min: 0 });
const count = (v: unknown, p: string) => toCount(v, p);

const postsShort: Check = {
  id: "posts-short",
  ...from(rs.householdsPerPost),
  severity: "warning",
  description: `专职工作者数不少于按${rs.householdsPerPost.value}户设1个岗位的岗位数(${rs.recruitmentYears.value}年内完成招录)`,
  row(row, ctx) {
    const h = ctx.value(row, "households", count, { required: true });
    const w = ctx.value(row, "workers", count, { required: true });
    if (h === undefined || w === undefined || w === 0) return; // no worker at all: no-worker (GRID-2)
    const need = posts(h, rs);
    if (w < need) {
      ctx.report({
        row, key: "workers", expected: need, actual: w,
        message: `${h}户应设${need}个岗位,现有${w}名专职工作者(招录可在${rs.recruitmentYears.value}年内完成)`,
      });
    }
  },
};

const noWorker: Check = {
  id: "no-worker",
  ...from(rs.firstBatch.workersEach),
  severity: "error",
  description: `有住户的社区至少${rs.firstBatch.workersEach.value}名专职工作者`,
  row(row, ctx) {
    const h = ctx.value(row, "households", count, { required: true });
    const w = ctx.value(row, "workers", count, { required: true });
    if (h === undefined || w === undefined) return;
    if (h > 0 && w < rs.firstBatch.workersEach.value) {
      ctx.report({
        row, key: "workers", expected: rs.firstBatch.workersEach.value, actual: w,
        message: `社区有${h}户,应至少配备${rs.firstBatch.workersEach.value}名专职工作者,现为${w}名`,
      });
    }
  },
};

const subsidyRule = rs.subsidies[0].amount;

const subsidyAmount: Check = {
  id: "subsidy-amount",
  ...from(subsidyRule),
  severity: "error",
  description: `年度补助与和谐社区星级相符(${rs.subsidies.map((x) => `${x.stars.value}星级${x.amount.value}元`).join("、")},其他无)`,
  row(row, ctx) {
    if (!row.has("subsidy") || !row.has("star")) return;
    const typed = ctx.value(row, "subsidy", money);
    const stars = ctx.value(row, "star", toStar);
    if (stars === undefined && !isBlank(row.get("star"))) return; // unreadable star: INPUT finding
    const expected = subsidy(stars ?? 0, rs).annual;
    const actual = typed ?? 0;
    if (typed === undefined && !isBlank(row.get("subsidy"))) return;
    if (!agreesTyped(row.get("subsidy"), actual, expected)) {
      ctx.report({
        row, key: "subsidy", expected, actual,
        message: `${stars ? `${stars}星级` : "未评星或三星级以下"}社区年度补助应为${expected}元,填报${actual}元`,
      });
    }
  },
};

const subsidyShareRule = rs.subsidyShare.city;

const subsidyShare: Check = {
  id: "subsidy-share",
  ...from(subsidyShareRule),
  severity: "error",
  description: `市级承担与区级承担按${rs.subsidyShare.city.value}∶${rs.subsidyShare.district.value}分担年度补助`,
  row(row, ctx) {
    if (!row.has("city") && !row.has("districtShare")) return;
    // the base is what the star rating earns (so a wrong 年度补助 beside right shares flags only
    // 年度补助, via subsidy-amount); without a star column, the typed 年度补助
    let base: number | undefined;
    if (row.has("star")) {
      const stars = ctx.value(row, "star", toStar);
      if (stars !== undefined || isBlank(row.get("star"))) base = subsidy(stars ?? 0, rs).annual;
    } else if (row.has("subsidy") && !isBlank(row.get("subsidy"))) base = ctx.value(row, "subsidy", money);
    if (base === undefined) return;
    const want = splitShare(base, rs.subsidyShare);
    for (const [key, expected, label] of [["city", want.city, "市级"], ["districtShare", want.district, "区级"]] as const) {
      if (!row.has(key)) continue;
      const v = ctx.value(row, key, money);
      if (v === undefined && !isBlank(row.get(key))) continue;
      const actual = v ?? 0;
      if (!agreesTyped(row.get(key), actual, expected)) {
        ctx.report({
          row, key, expected, actual,
          message: `年度补助${base}元由市、区两级按${rs.subsidyShare.city.value}∶${rs.subsidyShare.district.value}承担,${label}应为${expected}元,填报${actual}元`,
        });
      }
    }
  },
};

const gridCount: Check = {
  id: "grid-count",
  ...from(rs.gridsPerCommunityMin),
  severity: "error",
  description: `每个社区至少划分${rs.gridsPerCommunityMin.value}个网格(全面覆盖,不留空白区域)`,
  row(row, ctx) {
    if (!row.has("grids")) return;
    const g = ctx.value(row, "grids", count);
    if (g === undefined && isBlank(row.get("grids"))) {
      ctx.report({ row, key: "grids", expected: rs.gridsPerCommunityMin.value, actual: null, message: "网格数未填,社区须划分网格、全面覆盖" });
      return;
    }
    if (g !== undefined && g < rs.gridsPerCommunityMin.value) {
      ctx.report({
        row, key: "grids", expected: rs.gridsPerCommunityMin.value, actual: g,
        message: `网格数应至少为${rs.gridsPerCommunityMin.value},填报${g}`,
      });
    }
  },
};

const duplicate: Check = {
  id: "duplicate-community",
  ...from(rs.gridsPerCommunityMin),
  severity: "error",
  description: "同一区的同一社区只填一行(网格不得交叉重叠)",
  sheet(table, ctx) {
    const seen = new Map<string, TableRow>();
    for (const row of table.rows) {
      const d = ctx.value(row, "district", toText, { required: true });
      const c = ctx.value(row, "community", toText, { required: true });
      if (d === undefined || c === undefined) continue;
      const k = `${normText(d)}\u0000${normText(c)}`;
      const first = seen.get(k);
      if (first) {
        ctx.report({ row, key: "community", message: `${d}${c}重复,与第${first.rowNumber}行相同` });
      } else seen.set(k, row);
    }
  },
};

/** Columns a 合计 row sums. */
const SUMMED: readonly [string, string][] = [
  ["households", "户数"], ["grids", "网格数"], ["workers", "专职工作者数"],
  ["subsidy", "年度补助"], ["city", "市级承担"], ["districtShare", "区级承担"],
];

/** The sum of `key` over rows[from, to), or undefined at the first unreadable cell. */
function columnSum(rows: readonly TableRow[], from: number, to: number, key: string, ctx: CheckContext): number | undefined {
  let sum = 0;
  for (let i = from; i < to; i++) {
    const r = rows[i];
    if (isBlank(r.get(key))) continue;
    const v = ctx.value(r, key, money);
    if (v === undefined) return undefined; // a bad cell is reported on its own; no sum to compare
    sum += v;
  }
  return sum;
}

/** The label of a total row: its first text cell (合计 / 道外区小计 / 总 计). */
function totalLabel(table: Table, total: TableRow): string {
  for (const v of table.sheet.rows[total.r] ?? []) if (typeof v === "string" && v.trim() !== "") return normText(v).replace(/\s+/gu, "");
  return "";
}

/** Index of the first row (rows in sheet order) whose sheet-row index is above r. */
function firstAfter(rows: readonly TableRow[], r: number): number {
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (rows[mid].r > r) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** A 小计 sums its own block (the data rows since the previous 小计); a 合计 / 总计 sums every data row. */
const SUBTOTAL_WORD = "小计";

const totals: Check = {
  id: "total-row",
  rule: "TOTAL",
  clause: GRID_DOCUMENT,
  severity: "error",
  description: "合计行等于各列之和(小计行等于本组各行之和)",
  sheet(table, ctx) {
    let blockStart = -1; // sheet-row index after which the current 小计 block starts
    const rows = table.rows; // in sheet order
    // a 合计 / 总计 sums every data row: the same sum for each such row, computed once per column
    const wholeSums = new Map<string, number | undefined>();
    for (const total of table.totals) {
      const sub = totalLabel(table, total).includes(SUBTOTAL_WORD);
      // the block's rows are the contiguous run with blockStart < r < total.r (found by binary search)
      const from = sub ? firstAfter(rows, blockStart) : 0;
      const to = sub ? firstAfter(rows, total.r - 1) : rows.length;
      if (sub) blockStart = total.r;
      for (const [key, label] of SUMMED) {
        if (!total.has(key) || isBlank(total.get(key))) continue;
        const typed = ctx.value(total, key, money);
        let sum: number | undefined;
        if (sub) sum = columnSum(rows, from, to, key, ctx);
        else if (wholeSums.has(key)) sum = wholeSums.get(key);
        else wholeSums.set(key, (sum = columnSum(rows, 0, rows.length, key, ctx)));
        if (typed === undefined || sum === undefined) continue;
        if (!agreesTyped(total.get(key), typed, sum)) {
          ctx.report({
            row: total, key, expected: sum, actual: typed,
            message: `${sub ? "小计" : "合计"}行“${label}”应为${sub ? "本组" : ""}各行之和${sum},填报${typed}`,
          });
        }
      }
    }
  },
};

export const template: TemplateDef = {
  id: "grid",
  title: "社区网格化管理服务配置表",
  document: GRID_DOCUMENT,
  columns: [
    { key: "district", name: "区", aliases: ["城区", "区县", "区(县)", "区县(市)", "所属区"], required: true },
    { key: "street", name: "街道", aliases: ["街道(乡镇)", "街道乡镇", "乡镇街道", "乡镇"] },
    { key: "community", name: "社区", aliases: ["社区名称"], required: true },
    { key: "households", name: "户数", aliases: ["总户数", "居民户数", "社区户数"], required: true },
    { key: "grids", name: "网格数", aliases: ["网格数量", "划分网格数"] },
    { key: "workers", name: "专职工作者数", aliases: ["社区专职工作者", "社区专职工作者数", "专职工作者", "岗位数"], required: true },
    { key: "star", name: "星级", aliases: ["和谐社区星级", "社区星级"] },
    { key: "subsidy", name: "年度补助", aliases: ["公益活动补助", "公益活动项目补助", "补助"] },
    { key: "city", name: "市级承担", aliases: ["市级", "市级补助"] },
    { key: "districtShare", name: "区级承担", aliases: ["区级", "区级补助"] },
  ],
  checks: [postsShort, noWorker, subsidyAmount, subsidyShare, gridCount, duplicate, totals],
};
