/**
 * Large sheets for the bench, in the layouts of the petition and patrol templates: every row is
 * computed from the rules core (the totals agree with their sections), and one row in PLANT_EVERY
 * carries a planted error, so the validator does its real work and reports a realistic number of
 * findings. Same generator for the in-memory snapshot (core bench) and the .xlsx (CLI bench).
 */
import type { CellValue } from "../../src/core/input/coerce";
import { isoWeekday, serialFromCivil } from "../../src/core/input/dates";
import { type Category, casesScore, collectiveScore, petitionScore, rawTotal } from "../../src/core/rules/petition";
import { gridRuleset } from "../../src/core/rules/grid";
import type { MergeRange, SheetSnapshot } from "../../src/core/validate/snapshot";

/** One data row in this many carries a planted error (1 %). */
export const PLANT_EVERY = 100;

export interface BenchSheet {
  template: "petition" | "patrol";
  /** data rows (the header and title rows come on top) */
  rows: number;
  snapshot: SheetSnapshot;
  /** 0-based indices of columns holding dates (written as Excel dates in the .xlsx) */
  dateCols: readonly number[];
}

const CATEGORIES: readonly Category[] = ["A", "B", "C"];
const round2 = (x: number) => Math.round(x * 100) / 100;

/**
 * 信访工作目标管理考核评分表 with `n` units: a title, a two-row header with the annual sub-columns of
 * 四 and 五, no 类内排名 column (see run.ts: the rank check is quadratic and is measured apart).
 * Units are numbered, so none is in the lists of 一 (one info finding each, by unit-category).
 */
export function petitionSheet(n: number, opts: { rank?: boolean } = {}): BenchSheet {
  const withRank = opts.rank === true;
  const top: CellValue[] = ["序号", "单位", "类别", "信访领导工作", "信访基层基础工作", "信访信息调研宣传",
    "集体上访和疑难个访", null, "信访立案件办理", null, "改革与创新", "合计", "百分制得分", "重大恶性事件"];
  const sub: CellValue[] = [null, null, null, null, null, null, "第一年", "第二年", "第一年", "第二年", null, null, null, null];
  if (withRank) {
    top.push("类内排名");
    sub.push(null);
  }
  const width = top.length;
  const title: CellValue[] = new Array(width).fill(null);
  title[0] = "信访工作目标管理考核评分表(性能测试)";
  const rows: CellValue[][] = [title, top, sub];
  const merges: MergeRange[] = [
    { top: 0, left: 0, bottom: 0, right: width - 1 },
    { top: 1, left: 6, bottom: 1, right: 7 },
    { top: 1, left: 8, bottom: 1, right: 9 },
  ];
  for (const c of [0, 1, 2, 3, 4, 5, 10, 11, 12, 13, ...(withRank ? [14] : [])]) merges.push({ top: 1, left: c, bottom: 2, right: c });
  const pctByCat = new Map<Category, number[]>();
  for (let i = 0; i < n; i++) {
    const cat = CATEGORIES[i % 3];
    // C units are not assessed on 信访信息调研宣传 … use the sample's C-safe scores for every category
    const leadership = 12 + (i % 4);
    const grassroots = 10 + (i % 3);
    const information = 4 + (i % 2);
    const innovation = 5 + (i % 3);
    const col = [collectiveScore({ national: 0, provincial: i % 2, city: i % 3 }), collectiveScore({ national: 0, provincial: 0, city: (i + 1) % 3 })];
    const cas = [casesScore({ overdue: i % 2, reminders: 0, substandard: 0, unanswered: 0 }), casesScore({ overdue: 0, reminders: 0, substandard: 0, unanswered: (i + 1) % 2 })];
    const sections = { leadership, grassroots, information, collective: col, cases: cas, innovation };
    let total: CellValue = round2(rawTotal(cat, sections));
    const pct = round2(petitionScore(cat, sections));
    let major: CellValue = "否";
    if (i % PLANT_EVERY === PLANT_EVERY - 1) {
      // rotate the kind of planted error: 合计 wrong, a typo in a score, 重大恶性事件 not zeroed
      const k = Math.floor(i / PLANT_EVERY) % 3;
      if (k === 0) total = (total as number) + 3;
      else if (k === 1) total = "九十";
      else major = "是";
    }
    const row: CellValue[] = [i + 1, `第${String(i + 1).padStart(6, "0")}考核单位`, `${cat}类`, leadership, grassroots, information,
      col[0], col[1], cas[0], cas[1], innovation, total, pct, major];
    if (withRank) {
      row.push(null);
      let list = pctByCat.get(cat);
      if (!list) pctByCat.set(cat, (list = []));
      list.push(rows.length);
    }
    rows.push(row);
  }
  if (withRank) {
    // ranks with the sheet's own (sorted) ranking: equal scores share a rank
    for (const list of pctByCat.values()) {
      const sorted = [...list].sort((a, b) => (rows[b][12] as number) - (rows[a][12] as number));
      sorted.forEach((r, k) => {
        const prev = sorted[k - 1];
        rows[r][14] = k > 0 && rows[prev][12] === rows[r][12] ? rows[prev][14] : k + 1;
      });
    }
  }
  return { template: "petition", rows: n, snapshot: { name: "评分表", rows, merges }, dateCols: [] };
}

/**
 * 网格巡查记录 with `n` rows: workers × working days (Monday–Friday from 2024-01-01), one
 * supervisor per 20 workers patrolling on Wednesdays, hours in grid above the ruleset's third.
 */
export function patrolSheet(n: number): BenchSheet {
  const header: CellValue[] = ["日期", "网格编号", "网格员", "角色", "巡查次数", "在格时长(小时)", "工作时长(小时)", "民情记录"];
  const title: CellValue[] = new Array(header.length).fill(null);
  title[0] = "网格巡查记录(性能测试)";
  const rows: CellValue[][] = [title, header];
  const workingHours = 8;
  const inGrid = Math.ceil(workingHours * gridRuleset.timeInGridShare.value * 2) / 2;
  // enough workers that a year of working days (~250) covers n rows
  const workers = Math.max(1, Math.ceil(n / 250));
  let serial = serialFromCivil(2024, 1, 1);
  let i = 0;
  while (i < n) {
    if (isoWeekday(serial) <= 5) {
      for (let w = 0; w < workers && i < n; w++, i++) {
        const supervisor = w % 20 === 19;
        if (supervisor && isoWeekday(serial) !== 3) {
          i--;
          continue;
        }
        let patrols: CellValue = 1 + ((i + w) % 3);
        let hours: CellValue = inGrid + (i % 2);
        if (i % PLANT_EVERY === PLANT_EVERY - 1) {
          const k = Math.floor(i / PLANT_EVERY) % 3;
          if (k === 0) patrols = 0;
          else if (k === 1) patrols = "两次";
          else hours = 1;
        }
        rows.push([{ kind: "date", serial }, `网格-${String(w).padStart(4, "0")}`, `人员${String(w).padStart(4, "0")}`,
          supervisor ? "督导员" : "网格员", patrols, hours, workingHours, i % 5 === 0 ? "走访独居老人" : ""]);
      }
    }
    serial++;
  }
  return { template: "patrol", rows: n, snapshot: { name: "巡查记录", rows, merges: [{ top: 0, left: 0, bottom: 0, right: header.length - 1 }] }, dateCols: [0] };
}

/** Cells of a snapshot (rows × widest row), what a reader visits. */
export function cellCount(s: SheetSnapshot): number {
  let w = 0;
  for (const r of s.rows) w = Math.max(w, r.length);
  return s.rows.length * w;
}
