/**
 * patrol template （哈办发〔2011〕14号 二（四）、二（六））: clean sample, planted errors, and one failing
 * case per check with its rule id and cell.
 */
import { ruleClause } from "../../../src/core/rules/ruleTable";
import { runValidation } from "../../../src/core/validate/engine";
import type { CellValue } from "../../../src/core/input/coerce";
import type { Finding } from "../../../src/core/validate/findings";
import type { SheetSnapshot } from "../../../src/core/validate/snapshot";
import { template } from "../../../src/core/validate/templates/patrol";
import { sample } from "../../../scripts/samples/patrol";
import { describeSamples } from "../../support/sample-suite";

const run = (sheet: SheetSnapshot): Finding[] => runValidation({ sheets: [sheet] }, { templates: [template] }).findings;
const HEADER = ["日期", "网格", "工作人员", "巡查次数", "在格时长", "工作时长", "角色"];
const table = (...rows: CellValue[][]): SheetSnapshot => ({ name: "巡查", rows: [HEADER, ...rows] });
const hits = (f: Finding[]) => f.map((x) => `${x.cell} ${x.rule} ${x.check}/${x.messageId} ${x.severity}`);

describe("metadata", () => {
  test("checks cite 哈办发〔2011〕14号 with unique ids", () => {
    const ids = template.checks.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(template.checks.map((c) => [c.rule, ruleClause(template.rules, c.rule)])).toEqual([
      ["GRID-5", "哈办发〔2011〕14号 二（六）"], ["GRID-5", "哈办发〔2011〕14号 二（六）"], ["GRID-6", "哈办发〔2011〕14号 二（四）"],
    ]);
  });
});

describeSamples(sample, { rows: 22, headerRow: 3, exact: true });
describe("GRID-5 daily patrol", () => {
  test("a working day with 0 patrols is an error on that row's 巡查次数", () => {
    expect(hits(run(table(["2024-03-04", "01", "王丽", 0, 3, 8, "网格员"])))).toEqual(["D2 GRID-5 daily-patrol/tooFew error"]);
  });
  test("patrols are summed over the day's rows (two grids, one patrol)", () => {
    expect(run(table(["2024-03-04", "01", "王丽", 0, 3, 8, ""], ["2024-03-04", "02", "王丽", 1, 3, 8, ""]))).toEqual([]);
  });
  test("two days: only the one without a patrol", () => {
    expect(hits(run(table(["2024-03-04", "01", "王丽", 1, 3, 8, ""], ["2024-03-05", "01", "王丽", 0, 3, 8, ""]))))
      .toEqual(["D3 GRID-5 daily-patrol/tooFew error"]);
  });
  test("a supervisor's day without a patrol is not a GRID-5 error", () => {
    expect(hits(run(table(["2024-03-04", "01", "张建国", 1, 1, 8, "督导员"], ["2024-03-05", "01", "张建国", 0, 0, 8, "督导员"])))).toEqual([]);
  });
});

describe("GRID-5 time in grid", () => {
  test.each([
    [3, 9, []],
    [2.67, 8, []],
    [2.66, 8, ["E2 GRID-5 time-in-grid/tooLittle error"]],
    [2, 9, ["E2 GRID-5 time-in-grid/tooLittle error"]],
  ])("%p h of %p h → %p", (g, w, expected) =>
    expect(hits(run(table(["2024-03-04", "01", "王丽", 1, g, w, "网格员"])))).toEqual(expected));
  test("bad hours are one INPUT finding", () =>
    expect(hits(run(table(["2024-03-04", "01", "王丽", 1, "三小时", 8, ""])))).toEqual(["E2 INPUT input/notNumber error"]));
});

describe("GRID-6 supervisor weekly", () => {
  const sup = (date: string, patrols: number): CellValue[] => [date, "01", "张建国", patrols, 2, 8, "督导员"];
  test("a patrol in every Mon–Sun week between first and last entry", () =>
    expect(run(table(sup("2024-03-04", 1), sup("2024-03-17", 1), sup("2024-03-18", 1)))).toEqual([]));
  test("a week with no entry between first and last → warning at the last entry before it", () => {
    const f = run(table(sup("2024-03-04", 1), sup("2024-03-20", 1)));
    expect(hits(f)).toEqual(["C2 GRID-6 supervisor-weekly/tooFew warning"]);
    expect(f[0].message).toContain("2024-03-11至2024-03-17");
  });
  test("a week whose entries have no patrol → warning at that week's entry", () =>
    expect(hits(run(table(sup("2024-03-04", 1), sup("2024-03-12", 0), sup("2024-03-19", 1))))).toEqual(["C3 GRID-6 supervisor-weekly/tooFew warning"]));
  test("Sunday and the next Monday are different weeks", () =>
    expect(run(table(sup("2024-03-10", 1), sup("2024-03-11", 1)))).toEqual([]));
});
