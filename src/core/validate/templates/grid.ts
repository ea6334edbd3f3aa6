/**
 * grid — 社区网格化管理服务配置表 (哈办发〔2011〕14号), templates.md. One row per community: posts
 * against households (GRID-1/2), the star subsidy and its 1:1 split (GRID-4), grids (GRID-7),
 * duplicates and the 合计 row. Every number comes from the grid ruleset through its compute
 * functions.
 */
import { isBlank, normText } from "../../input/coerce";
// the concrete modules, not the rules/grid barrel (its `export *` compiles to getters)
import { GRID_DOCUMENT, gridRuleset } from "../../rules/grid/data";
import { gridRuleTable } from "../../rules/grid/ruleTable";
import { posts, splitShare, subsidy } from "../../rules/grid/compute";
import { agreesTyped } from "../agree";
import type { Check, Table, TableRow, TemplateDef } from "../template";

const rs = gridRuleset;

const postsShort: Check = {
  id: "posts-short",
  rule: rs.householdsPerPost.rule,
  severity: "warning",
  description: `专职工作者数不少于按${rs.householdsPerPost.value}户设1个岗位的岗位数（${rs.recruitmentYears.value}年内完成招录）`,
  messages: ["short"],
  row(row, ctx) {
    const h = row.value("households");
    const w = row.value("workers");
    if (h === undefined || w === undefined || w === 0) return; // no worker at all: no-worker (GRID-2)
    const need = posts(h, rs);
    if (w < need) {
      ctx.report({
        row, key: "workers", expected: need, actual: w,
        messageId: "short", data: { households: h, need, workers: w, years: rs.recruitmentYears.value },
      });
    }
  },
};

const noWorker: Check = {
  id: "no-worker",
  rule: rs.firstBatch.workersEach.rule,
  severity: "error",
  description: `有住户的社区至少${rs.firstBatch.workersEach.value}名专职工作者`,
  messages: ["none"],
  row(row, ctx) {
    const h = row.value("households");
    const w = row.value("workers");
    if (h === undefined || w === undefined) return;
    if (h > 0 && w < rs.firstBatch.workersEach.value) {
      ctx.report({
        row, key: "workers", expected: rs.firstBatch.workersEach.value, actual: w,
        messageId: "none", data: { households: h, min: rs.firstBatch.workersEach.value, workers: w },
      });
    }
  },
};

const subsidyRule = rs.subsidies[0].amount;

const subsidyAmount: Check = {
  id: "subsidy-amount",
  recomputes: true,
  rule: subsidyRule.rule,
  severity: "error",
  description: `年度补助与和谐社区星级相符（${rs.subsidies.map((x) => `${x.stars.value}星级${x.amount.value}元`).join("、")}，其他无）`,
  messages: ["starred", "unstarred"],
  row(row, ctx) {
    if (!row.has("subsidy") || !row.has("star")) return;
    const typed = row.value("subsidy");
    const stars = row.value("star");
    if (stars === undefined && !isBlank(row.get("star"))) return; // unreadable star: INPUT finding
    const expected = subsidy(stars ?? 0, rs).annual;
    const actual = typed ?? 0;
    if (typed === undefined && !isBlank(row.get("subsidy"))) return;
    if (!agreesTyped(row.get("subsidy"), actual, expected)) {
      ctx.report({
        row, key: "subsidy", expected, actual,
        ...(stars ? { messageId: "starred", data: { stars, expected, actual } } : { messageId: "unstarred", data: { expected, actual } }),
      });
    }
  },
};

const subsidyShareRule = rs.subsidyShare.city;

const subsidyShare: Check = {
  id: "subsidy-share",
  recomputes: true,
  rule: subsidyShareRule.rule,
  severity: "error",
  description: `市级承担与区级承担按${rs.subsidyShare.city.value}∶${rs.subsidyShare.district.value}分担年度补助`,
  messages: ["city", "district"],
  followsFrom: ["subsidy-amount"],
  row(row, ctx) {
    if (!row.has("city") && !row.has("districtShare")) return;
    // the base is what the star rating earns (so a wrong 年度补助 beside right shares flags only
    // 年度补助, via subsidy-amount); without a star column, the typed 年度补助
    let base: number | undefined;
    if (row.has("star")) {
      const stars = row.value("star");
      if (stars !== undefined || isBlank(row.get("star"))) base = subsidy(stars ?? 0, rs).annual;
    } else if (row.has("subsidy") && !isBlank(row.get("subsidy"))) base = row.value("subsidy");
    if (base === undefined) return;
    const want = splitShare(base, rs.subsidyShare);
    // a share that splits the sheet's own 年度补助 right is wrong only because that amount is
    // (subsidy-amount reports it): folded under it
    const typedSubsidy = base !== undefined && row.has("star") && row.has("subsidy") && !isBlank(row.get("subsidy")) ? row.value("subsidy") : undefined;
    const typedWant = typedSubsidy === undefined || typedSubsidy === base ? undefined : splitShare(typedSubsidy, rs.subsidyShare);
    for (const [key, expected, messageId] of [["city", want.city, "city"], ["districtShare", want.district, "district"]] as const) {
      if (!row.has(key)) continue;
      const v = row.value(key);
      if (v === undefined && !isBlank(row.get(key))) continue;
      const actual = v ?? 0;
      if (!agreesTyped(row.get(key), actual, expected)) {
        const split = typedWant === undefined ? undefined : key === "city" ? typedWant.city : typedWant.district;
        ctx.report({
          row, key, expected, actual, messageId,
          data: { base, cityShare: rs.subsidyShare.city.value, districtShare: rs.subsidyShare.district.value, expected, actual },
          causedBy: split !== undefined && agreesTyped(row.get(key), actual, split) ? { row, key: "subsidy" } : undefined,
        });
      }
    }
  },
};

const gridCount: Check = {
  id: "grid-count",
  rule: rs.gridsPerCommunityMin.rule,
  severity: "error",
  description: `每个社区至少划分${rs.gridsPerCommunityMin.value}个网格（全面覆盖，不留空白区域）`,
  messages: ["blank", "tooFew"],
  row(row, ctx) {
    if (!row.has("grids")) return;
    const g = row.value("grids");
    if (g === undefined && isBlank(row.get("grids"))) {
      ctx.report({ row, key: "grids", expected: rs.gridsPerCommunityMin.value, actual: null, messageId: "blank" });
      return;
    }
    if (g !== undefined && g < rs.gridsPerCommunityMin.value) {
      ctx.report({
        row, key: "grids", expected: rs.gridsPerCommunityMin.value, actual: g,
        messageId: "tooFew", data: { min: rs.gridsPerCommunityMin.value, value: g },
      });
    }
  },
};

const duplicate: Check = {
  id: "duplicate-community",
  marksDuplicates: true,
  acrossFiles: true,
  rule: rs.gridsPerCommunityMin.rule,
  severity: "error",
  description: "同一区的同一社区只填一行（网格不得交叉重叠）",
  messages: ["duplicate"],
  sheet(table, ctx) {
    const seen = new Map<string, TableRow>();
    for (const row of table.rows) {
      const d = row.value<string>("district");
      const c = row.value<string>("community");
      if (d === undefined || c === undefined) continue;
      const k = `${normText(d)}\u0000${normText(c)}`;
      const first = seen.get(k);
      if (first) {
        ctx.report({ row, key: "community", messageId: "duplicate", data: { district: d, community: c, first: ctx.where(first, "community", row) } });
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
function columnSum(rows: readonly TableRow[], from: number, to: number, key: string): number | undefined {
  let sum = 0;
  for (let i = from; i < to; i++) {
    const r = rows[i];
    if (isBlank(r.get(key))) continue;
    const v = r.value(key);
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
  severity: "error",
  description: "合计行等于各列之和（小计行等于本组各行之和）",
  messages: ["total", "subtotal"],
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
        const typed = total.value(key);
        let sum: number | undefined;
        if (sub) sum = columnSum(rows, from, to, key);
        else if (wholeSums.has(key)) sum = wholeSums.get(key);
        else wholeSums.set(key, (sum = columnSum(rows, 0, rows.length, key)));
        if (typed === undefined || sum === undefined) continue;
        if (!agreesTyped(total.get(key), typed, sum)) {
          ctx.report({
            row: total, key, expected: sum, actual: typed,
            messageId: sub ? "subtotal" : "total", data: { column: label, expected: sum, typed },
          });
        }
      }
    }
  },
};

const COUNT = { type: "count" } as const;
const MONEY = { type: "number", min: 0 } as const;
const TEXT = { type: "text" } as const;

export const template = {
  id: "grid",
  who: ["district", "community"],
  title: "社区网格化管理服务配置表",
  document: GRID_DOCUMENT,
  rules: gridRuleTable,
  columns: [
    { key: "district", name: "区", aliases: ["城区", "区县", "区(县)", "区县(市)", "所属区"], required: true, cell: TEXT, needed: true },
    { key: "street", name: "街道", aliases: ["街道(乡镇)", "街道乡镇", "乡镇街道", "乡镇"] },
    { key: "community", name: "社区", aliases: ["社区名称"], required: true, cell: TEXT, needed: true },
    { key: "households", name: "户数", aliases: ["总户数", "居民户数", "社区户数"], required: true, cell: COUNT, needed: true },
    { key: "grids", name: "网格数", aliases: ["网格数量", "划分网格数"], cell: COUNT },
    {
      key: "workers", name: "专职工作者数", aliases: ["社区专职工作者", "社区专职工作者数", "专职工作者", "岗位数"], required: true,
      cell: COUNT, needed: true,
    },
    { key: "star", name: "星级", aliases: ["和谐社区星级", "社区星级"], cell: { type: "star" } },
    { key: "subsidy", name: "年度补助", aliases: ["公益活动补助", "公益活动项目补助", "补助"], cell: MONEY },
    { key: "city", name: "市级承担", aliases: ["市级", "市级补助"], cell: MONEY },
    { key: "districtShare", name: "区级承担", aliases: ["区级", "区级补助"], cell: MONEY },
  ],
  checks: [postsShort, noWorker, subsidyAmount, subsidyShare, gridCount, duplicate, totals],
} as const satisfies TemplateDef;
