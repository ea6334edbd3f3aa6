/**
 * patrol — 网格巡查记录 / 民情日志 (哈办发〔2011〕14号), templates.md. One row per worker, grid and
 * day. Grid workers patrol at least once on each working day and spend a third of working time in
 * the grid (GRID-5, 二(六)); supervisors (督导员) join a patrol at least once a week (GRID-6, 二(四)).
 */
import { formatDate, weekStart } from "../../input/dates";
// the concrete modules, not the rules/grid barrel (its `export *` compiles to getters)
import { GRID_DOCUMENT, gridRuleset } from "../../rules/grid/data";
import { gridRuleTable } from "../../rules/grid/ruleTable";
import { dailyPatrolFinding, timeInGridFinding } from "../../rules/grid/compute";
import { type Check, type TableRow, type TemplateDef, tableValue } from "../template";

const rs = gridRuleset;
/** Days in a calendar week (GRID-6 counts Monday–Sunday weeks). */
const DAYS_PER_WEEK = 7;

export const ROLES = {
  worker: ["网格员", "网格管理员", "网格管理服务人员", "格长", "网格格长", "社区专职工作者", "专职工作者"],
  supervisor: ["督导员", "网格督导员", "街道工作人员", "乡镇工作人员"],
} as const;
type Role = keyof typeof ROLES;

interface Entry {
  row: TableRow;
  name: string;
  date: number;
  patrols: number;
  role: Role;
}

/** The readable rows of the log (a row with a bad name, date or count is reported once, by INPUT). */
const entries = tableValue("entries", (table): Entry[] => {
  const out: Entry[] = [];
  for (const row of table.rows) {
    const name = row.value<string>("worker");
    const d = row.value("date");
    const p = row.value("patrols");
    const r = row.value<Role>("role");
    if (name === undefined || d === undefined || p === undefined) continue;
    out.push({ row, name, date: d, patrols: p, role: r ?? "worker" }); // an unreadable role is reported (INPUT) and held to the stricter daily rule
  }
  return out;
});

const dailyPatrol: Check = {
  id: "daily-patrol",
  rule: rs.patrolsPerDay.rule,
  severity: "error",
  description: `网格员每个工作日至少到网格巡查${rs.patrolsPerDay.value}次`,
  messages: ["tooFew"],
  sheet(_table, ctx) {
    // a working day is a date on which the sheet has any entry for the worker: the day's
    // patrols summed per worker and date (name → date → [first entry, total]), no key strings built
    const days = new Map<string, Map<number, { first: Entry; total: number }>>();
    for (const e of ctx.sheetValue(entries)) {
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
            messageId: "tooFew", data: { worker: first.name, date: formatDate(first.date), detail: f.message },
          });
        }
      }
    }
  },
};

const timeInGrid: Check = {
  id: "time-in-grid",
  rule: rs.timeInGridShare.rule,
  severity: "error",
  description: "网格员在网格时间达到工作时间三分之一以上",
  messages: ["tooLittle"],
  row(row, ctx) {
    if (!row.has("hoursInGrid") || !row.has("workingHours")) return;
    if (row.value<Role>("role") === "supervisor") return;
    const g = row.value("hoursInGrid");
    const w = row.value("workingHours");
    if (g === undefined || w === undefined) return;
    const f = timeInGridFinding(g, w, rs);
    if (f) ctx.report({ row, key: "hoursInGrid", expected: f.expected, actual: f.actual, messageId: "tooLittle", data: { detail: f.message } });
  },
};

const supervisorWeekly: Check = {
  id: "supervisor-weekly",
  rule: rs.supervisorPatrolsPerWeek.rule,
  severity: "warning",
  description: `网格督导员每周（周一至周日）至少参与网格巡查${rs.supervisorPatrolsPerWeek.value}次`,
  messages: ["tooFew"],
  sheet(_table, ctx) {
    const bySupervisor = new Map<string, Entry[]>();
    for (const e of ctx.sheetValue(entries)) {
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
          row: at, key: "worker", expected: min, actual: n, messageId: "tooFew",
          data: { name, from: formatDate(week), to: formatDate(week + DAYS_PER_WEEK - 1), count: n, min },
        });
      }
    }
  },
};

export const template = {
  id: "patrol",
  who: ["worker"],
  title: "网格巡查记录",
  document: GRID_DOCUMENT,
  rules: gridRuleTable,
  columns: [
    { key: "date", name: "日期", aliases: ["巡查日期", "工作日期"], required: true, cell: { type: "date" }, needed: true },
    { key: "grid", name: "网格", aliases: ["网格编号", "网格名称", "所在网格"], required: true },
    {
      key: "worker", name: "工作人员", aliases: ["网格员", "姓名", "巡查人员", "网格管理服务人员"], required: true,
      cell: { type: "text" }, needed: true,
    },
    { key: "patrols", name: "巡查次数", aliases: ["巡查", "当日巡查次数"], required: true, cell: { type: "count" }, needed: true },
    { key: "hoursInGrid", name: "在格时长", aliases: ["在网格时长", "在网格时间", "在格时间"], cell: { type: "number", min: 0 } },
    { key: "workingHours", name: "工作时长", aliases: ["工作时间", "当日工作时长"], cell: { type: "number", min: 0 } },
    { key: "role", name: "角色", aliases: ["身份", "人员类别"], cell: { type: "choice", words: ROLES } },
  ],
  checks: [dailyPatrol, timeInGrid, supervisorWeekly],
} as const satisfies TemplateDef;
