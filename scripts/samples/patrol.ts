/**
 * Sample 网格巡查记录 (哈办发〔2011〕14号): two grid workers over two working weeks and their
 * street supervisor, with hours in grid meeting the ruleset's third; and an errors sheet.
 */
import type { CellValue } from "../../src/core/input/coerce";
import { isoWeekday, serialFromCivil } from "../../src/core/input/dates";
import { formatShare, gridRuleset } from "../../src/core/rules/grid";
import { columnLetter, type SheetSnapshot } from "../../src/core/validate/snapshot";
import type { PlantedError, TemplateSample } from "./types";
import { framedSheet } from "./frame";

const HEADER = ["日期", "网格编号", "网格员", "角色", "巡查次数", "在格时长(小时)", "工作时长(小时)", "民情记录"];
const col = (name: string) => HEADER.findIndex((h) => h === name || h.startsWith(`${name}(`));
const FIRST = 3;
const cellOf = (i: number, name: string) => `${columnLetter(col(name) + 1)}${FIRST + i + 1}`;

const WORKING_HOURS = 8;
/** Hours in grid: the ruleset's share of a working day, rounded up to the half hour, plus some. */
const inGrid = (extra: number) => Math.ceil(WORKING_HOURS * gridRuleset.timeInGridShare.value * 2) / 2 + extra;

const WORKERS: readonly [string, string][] = [["王丽", "共乐-01"], ["刘洋", "共乐-02"]];
const SUPERVISOR = "张建国";
const NOTES = ["走访独居老人3户", "排查楼道杂物", "调解邻里噪音纠纷", "登记流动人口2人", "宣传垃圾分类", ""];

function dataRows(): CellValue[][] {
  const rows: CellValue[][] = [];
  const start = serialFromCivil(2024, 3, 4); // a Monday
  for (let day = 0; day < 14; day++) {
    const serial = start + day;
    if (isoWeekday(serial) > 5) continue; // Monday–Friday
    WORKERS.forEach(([name, grid], w) => {
      rows.push([{ kind: "date", serial }, grid, name, "网格员", 1 + ((day + w) % 3), inGrid((day + w) % 2), WORKING_HOURS, NOTES[(day + w) % NOTES.length]]);
    });
    if (isoWeekday(serial) === 3) {
      rows.push([{ kind: "date", serial }, "共乐-01", SUPERVISOR, "督导员", 1, 2, WORKING_HOURS, "随网格员巡查,督办楼道杂物清理"]);
    }
  }
  return rows;
}

function sheet(name: string, rows: CellValue[][]): SheetSnapshot {
  const r = gridRuleset;
  return framedSheet({
    name, header: HEADER, rows, title: "共乐社区网格巡查记录(民情日志)",
    unit: "道里区新阳路街道共乐社区", date: "2024年3月15日", dateCol: 5,
    note: `说明:网格员每天至少巡查${r.patrolsPerDay.value}次,在格时间不少于工作时间${formatShare(r.timeInGridShare.value)};` +
      `督导员每周至少参与巡查${r.supervisorPatrolsPerWeek.value}次。`,
  });
}

export const sample: TemplateSample = {
  id: "patrol",
  clean: () => sheet("巡查记录", dataRows()),
  errors() {
    const rows = dataRows();
    const planted: PlantedError[] = [];
    const set = (i: number, name: string, v: CellValue, p: Omit<PlantedError, "cell">) => {
      rows[i][col(name)] = v;
      planted.push({ cell: cellOf(i, name), ...p });
    };
    const supervisorRows = rows.map((r, i) => (r[col("角色")] === "督导员" ? i : -1)).filter((i) => i >= 0);
    set(0, "巡查次数", 0, { rule: "GRID-5", severity: "error", what: "网格员当天未巡查" });
    set(3, "在格时长", 2, { rule: "GRID-5", severity: "error", what: "在格2小时,不足8小时的三分之一" });
    set(7, "巡查次数", "两次", { rule: "INPUT", severity: "error", what: "巡查次数不是数字" });
    set(9, "日期", "2024-02-30", { rule: "INPUT", severity: "error", what: "日期不存在" });
    set(12, "在格时长", 1.5, { rule: "GRID-5", severity: "error", what: "在格1.5小时" });
    set(14, "巡查次数", 0, { rule: "GRID-5", severity: "error", what: "网格员当天未巡查" });
    const second = supervisorRows[1];
    rows[second][col("巡查次数")] = 0;
    planted.push({ cell: cellOf(second, "网格员"), rule: "GRID-6", severity: "warning", what: "督导员第二周未参与巡查" });
    return { sheet: sheet("巡查记录(有误)", rows), planted };
  },
  widths: [12, 10, 10, 8, 10, 14, 14, 30],
};
