/**
 * patrol — 网格巡查记录 / 民情日志 (哈办发〔2011〕14号), templates.md. One row per worker, grid and
 * day. Grid workers patrol at least once on each working day and spend a third of working time in
 * the grid (GRID-5, 二(六)); supervisors (督导员) join a patrol at least once a week (GRID-6, 二(四)).
 */
import { formatDate, weekStart } from "../../input/dates";
import { toChoice, toCount, toDate, toNumber, toText } from "../../input/coerce";
import { type Cite, cites } from "../../rules/ruleset";
// the concrete modules, not the rules/grid barrel (its `export *` compiles to getters)
import { GRID_DOCUMENT, gridRuleset } from "../../rules/grid/data";
import { dailyPatrolFinding, timeInGridFinding } from "../../rules/grid/compute";
import { memoByText } from "../engine";
import type { Check, CheckContext, Table, TableRow, TemplateDef } from "../template";

const rs = gridRuleset;
const from = (c: Cite) => cites(GRID_DOCUMENT, c);
/** Days in a calendar week (GRID-6 counts Monday–Sunday weeks). */
const DAYS_PER_WEEK = 7;

export const ROLES = {
  worker: ["网格员", "网格管理员", "网格管理服务人员", "格长", "网格格长", "社区专职工作者", "专职工作者"],
  supervisor: ["督导员", "网格督导员", "街道工作人员", "乡镇工作人员"],
} as const;
type Role = keyof typeof ROLES;

const NON_NEGATIVE = { min: 0 } as const;
const hours = (v: unknown, p: string) => toNumber(v, p, NON_NEGATIVE);
const date = (v: unknown, p: string) => toDate(v, p) as number;
const count = (v: unknown, p: string) => toCount(v, p);
const ROLE_OPTS = { blank: "worker" } as const;
// the role column holds a handful of words: each distinct text is matched against ROLES once
const role = memoByText((v: unknown, p: string): Role => toChoice<Role>(v, p, ROLES, ROLE_OPTS));
const REQUIRED = { required: true } as const;

interface Entry {
  row: TableRow;
  name: string;
  date: number;
  patrols: number;
  role: Role;
}

/**
 * The entries of the table being validated, read once for both sheet checks (the second read
 * would find the same values and report nothing new); released by the last check.
 */
let entriesMemo: { ctx: CheckContext; table: Table; list: Entry[] } | null = null;

function entriesOf(table: Table, ctx: CheckContext): Entry[] {
  if (entriesMemo !== null && entriesMemo.ctx === ctx && entriesMemo.table === table) return entriesMemo.list;
  const list = entries(table.rows, ctx);
  entriesMemo = { ctx, table, list };
  return list;
}

/** The readable rows of the log (a row with a bad name, date or count is reported once, by INPUT). */
function entries(rows: readonly TableRow[], ctx: CheckContext): Entry[] {
  const out: Entry[] = [];
  for (const row of rows) {
    const name = ctx.value(row, "worker", toText, REQUIRED);
    const d = ctx.value(row, "date", date, REQUIRED);
    const p = ctx.value(row, "patrols", count, REQUIRED);
    const r = row.has("role") ? ctx.value(row, "role", role) : "worker";
    if (name === undefined || d === undefined || p === undefined) continue;
    out.push({ row, name, date: d, patrols: p, role: r ?? "worker" }); // an unreadable role is reported (INPUT) and held to the stricter daily rule
  }
  return out;
}

const dailyPatrol: Check = {
  id: "daily-patrol",
  ...from(rs.patrolsPerDay),
  severity: "error",
  description: `网格员每个工作日至少到网格巡查${rs.patrolsPerDay.value}次`,
  sheet(table, ctx) {
    // a working day is a date on which the sheet has any entry for the worker: the day's
    // patrols summed per worker and date (name → date → [first entry, total]), no key strings built
    const days = new Map<string, Map<number, { first: Entry; total: number }>>();
    for (const e of entriesOf(table, ctx)) {
      if (e.role !== "worker") continue;
      let byDate = days.get(e.name);
      if (!byDate) days.set(e.name, (byDate = new Map()));
      const day = byDate.get(e.date);
      if (day) day.total += e.patrols;
      else byDate.set(e.date, { first: e, total: e.patrols });
    }
    // each day reports at its own first row (a distinct cell): the engine's sort puts them in order
    for (const byDate of days.values()) {
      for (const { first, total } of byDate.values()) {
        const f = dailyPatrolFinding(total, rs);
        if (f) {
          ctx.report({
            row: first.row, key: "patrols", expected: f.expected, actual: f.actual,
            message: `${first.name}在${formatDate(first.date)}:${f.message}`,
          });
        }
      }
    }
  },
};

const timeInGrid: Check = {
  id: "time-in-grid",
  ...from(rs.timeInGridShare),
  severity: "error",
  description: "网格员在网格时间达到工作时间三分之一以上",
  row(row, ctx) {
    if (!row.has("hoursInGrid") || !row.has("workingHours")) return;
    if (row.has("role") && ctx.value(row, "role", role) === "supervisor") return;
    const g = ctx.value(row, "hoursInGrid", hours);
    const w = ctx.value(row, "workingHours", hours);
    if (g === undefined || w === undefined) return;
    const f = timeInGridFinding(g, w, rs);
    if (f) ctx.report({ row, key: "hoursInGrid", expected: f.expected, actual: f.actual, message: f.message });
  },
};

const supervisorWeekly: Check = {
  id: "supervisor-weekly",
  ...from(rs.supervisorPatrolsPerWeek),
  severity: "warning",
  description: `网格督导员每周(周一至周日)至少参与网格巡查${rs.supervisorPatrolsPerWeek.value}次`,
  sheet(table, ctx) {
    const all = entriesOf(table, ctx);
    entriesMemo = null; // the last check reading the entries
    const bySupervisor = new Map<string, Entry[]>();
    for (const e of all) {
      if (e.role !== "supervisor") continue;
      const list = bySupervisor.get(e.name);
      if (list) list.push(e);
      else bySupervisor.set(e.name, [e]);
    }
    const min = rs.supervisorPatrolsPerWeek.value;
    for (const [name, list] of bySupervisor) {
      const perWeek = new Map<number, number>();
      for (const e of list) perWeek.set(weekStart(e.date), (perWeek.get(weekStart(e.date)) ?? 0) + e.patrols);
      const sorted = [...list].sort((a, b) => a.date - b.date);
      const first = weekStart(sorted[0].date);
      const last = weekStart(sorted[sorted.length - 1].date);
      // weeks ascend and the entries are sorted by date: one pointer walks both, O(n + weeks)
      // (sorted[p] is the first entry on or after the week's Monday)
      let p = 0;
      for (let week = first; week <= last; week += DAYS_PER_WEEK) {
        while (p < sorted.length && sorted[p].date < week) p++;
        const n = perWeek.get(week) ?? 0;
        if (n >= min) continue;
        // point at the supervisor's last entry before the gap (the first entry of the week if it has one)
        const inWeek = p < sorted.length && weekStart(sorted[p].date) === week ? sorted[p] : undefined;
        const before = p > 0 ? sorted[p - 1] : undefined;
        const at = (inWeek ?? before ?? sorted[0]).row;
        ctx.report({
          row: at, key: "worker", expected: min, actual: n,
          message: `督导员${name}在${formatDate(week)}至${formatDate(week + DAYS_PER_WEEK - 1)}这一周参与巡查${n}次,应不少于${min}次`,
        });
      }
    }
  },
};

export const template: TemplateDef = {
  id: "patrol",
  title: "网格巡查记录",
  document: GRID_DOCUMENT,
  columns: [
    { key: "date", name: "日期", aliases: ["巡查日期", "工作日期"], required: true },
    { key: "grid", name: "网格", aliases: ["网格编号", "网格名称", "所在网格"], required: true },
    { key: "worker", name: "工作人员", aliases: ["网格员", "姓名", "巡查人员", "网格管理服务人员"], required: true },
    { key: "patrols", name: "巡查次数", aliases: ["巡查", "当日巡查次数"], required: true },
    { key: "hoursInGrid", name: "在格时长", aliases: ["在网格时长", "在网格时间", "在格时间"] },
    { key: "workingHours", name: "工作时长", aliases: ["工作时间", "当日工作时长"] },
    { key: "role", name: "角色", aliases: ["身份", "人员类别"] },
  ],
  checks: [dailyPatrol, timeInGrid, supervisorWeekly],
};
