/**
 * Issue 9, item 3, on the source: every function, every parameter, an empty cell as Excel desktop
 * passes it (0) against the web (null). Cases are generated from src/functions/params.ts; the same
 * cases run on the built bundle in dist.test.ts.
 */
import * as fs from "fs";
import * as path from "path";
import * as F from "../../../src/functions/functions";
import { ZH_CN } from "../../../src/functions/names.zh-CN";
import { PARAMS, type FunctionId } from "../../../src/functions/params";
import { FULL, checkEmptyCase, emptyCellCases, outcome } from "./emptyCells";

const FN: Record<FunctionId, (...a: unknown[]) => unknown> = {
  GRID_STAFFING: F.gridStaffingFn, GRID_PATROL_CHECK: F.gridPatrolCheckFn, TRIP_DAYS: F.tripDaysFn,
  TRIP_CHECK: F.tripCheckFn, TRIP_APPROVER: F.tripApproverFn, PETITION_SCORE: F.petitionScoreFn as never,
  PETITION_COLLECTIVE: F.petitionCollectiveFn, PETITION_CASES: F.petitionCasesFn, PETITION_MAX: F.petitionMaxFn,
  EVAL_COMPOSITE: F.evalCompositeFn as never, EVAL_BONUS: F.evalBonusFn, EVAL_DEDUCTION: F.evalDeductionFn as never,
  EVAL_GRADE: F.evalGradeFn, EVAL_GRADES: F.evalGradesFn as never, EVAL_DEPT_GRADE: F.evalDeptGradeFn as never,
};

test("the parameter table covers the 15 functions, each with as many entries as the wrapper has parameters", () => {
  expect(Object.keys(PARAMS)).toHaveLength(15);
  for (const id of Object.keys(PARAMS) as FunctionId[]) {
    expect({ id, n: Object.keys(PARAMS[id]).length }).toEqual({ id, n: FN[id].length });
    expect({ id, n: FULL[id].length }).toEqual({ id, n: FN[id].length });
  }
});

test.each(Object.keys(FULL) as FunctionId[])("%s: the full call used as the base is valid", (id) => {
  expect(outcome(() => FN[id](...FULL[id]))).toHaveProperty("value");
});

describe("an empty cell passed as 0 (desktop) reads as the web's null reads it", () => {
  const cases = emptyCellCases();
  test("every parameter of every function is covered", () => {
    const covered = new Set(cases.map((c) => `${c.id}.${c.param}`));
    const all = Object.entries(PARAMS).flatMap(([id, ps]) => Object.keys(ps).map((p) => `${id}.${p}`));
    expect([...covered].sort()).toEqual(all.sort());
  });
  test.each(cases.map((c) => [c.id, c.param, c.where, c] as const))("%s %s (%s)", (id, _p, _w, c) => {
    checkEmptyCase(c, outcome(() => FN[id](...c.desktop)), outcome(() => FN[id](...c.web)));
  });
});

describe("the examples of the issue", () => {
  test("=GOV.GRID_STAFFING(B2, C2, D2) with D2 empty returns the four numbers on the desktop", () => {
    expect(F.gridStaffingFn(1800, 5, 0)).toEqual([[2, 50000, 25000, 25000]]);
  });
  test("TRIP_CHECK with its optional columns empty (0 on the desktop) is checked as if they were blank", () => {
    expect(F.tripCheckFn("考察", 5, 1, "2024-03-01", "2024-03-06", 0, 0, 0, 0, 0)).toBe("合规");
  });
  test("PETITION_MAX with the section empty returns the full mark; TRIP_APPROVER with 0 asks for the position", () => {
    expect(F.petitionMaxFn("C", 0)).toBe(80);
    expect(outcome(() => F.tripApproverFn(0))).toEqual({ error: "职务不能为空" });
  });
  test("EVAL_DEPT_GRADE: an empty indicator cell fails alike on desktop and web; 不考核 and 0分 say what is meant", () => {
    const desktop = outcome(() => F.evalDeptGradeFn([[80, 0, 90]], "是"));
    const web = outcome(() => F.evalDeptGradeFn([[80, null, 90]], "是"));
    expect(desktop).toEqual(web);
    expect(desktop).toEqual({ error: expect.stringContaining("指标得分第2项为空白或0") });
    expect(F.evalDeptGradeFn([[80, "不考核", 90]], "是")).toBe("合格");
    expect(F.evalDeptGradeFn([[80, "0分", 90]], "是")).toBe("不合格");
  });
  test("EVAL_GRADES: trailing empty rows of the selected column do not count as units on either platform", () => {
    const col = (xs: unknown[]) => xs.map((x) => [x]);
    const ten = [900, 880, 860, 840, 820, 700, 650, 610, 600, 590];
    const desktop = F.evalGradesFn(col([...ten, 0, 0, 0, 0]), null as never, null as never, null as never, null as never);
    const web = F.evalGradesFn(col([...ten, null, null, null, null]), null as never, null as never, null as never, null as never);
    expect(desktop).toEqual(web);
    expect(desktop.filter((r) => r[0] === "先进")).toHaveLength(3); // floor(10 × 30%), not floor(14 × 30%)
  });
  test("EVAL_GRADES: a given but empty satisfaction column awards 先进 on neither platform", () => {
    const col = (xs: unknown[]) => xs.map((x) => [x]);
    const ten = [900, 880, 860, 840, 820, 700, 650, 610, 600, 590];
    const desktop = F.evalGradesFn(col(ten), null as never, col(ten.map(() => 0)), null as never, null as never);
    const web = F.evalGradesFn(col(ten), null as never, col(ten.map(() => null)), null as never, null as never);
    expect(desktop).toEqual(web);
    expect(desktop.flat()).not.toContain("先进");
  });
});

describe("README documents the readings and the names", () => {
  const readme = fs.readFileSync(path.join(__dirname, "../../../README.md"), "utf8");
  const section = readme.slice(readme.indexOf("### 空白单元格"), readme.indexOf("### 数据类型"));
  test("every parameter whose 0 reads as blank is named in the blank list (by name, by its function, or as a date)", () => {
    const blankList = section.slice(section.indexOf("**0 reads as blank**"), section.indexOf("**0 is a value**"));
    for (const [id, ps] of Object.entries(PARAMS)) {
      for (const [p, zero] of Object.entries(ps)) {
        const named = blankList.includes(`\`${p}\``) || blankList.includes(`\`${id}\``) || /date/.test(p);
        if (zero === "blank") expect({ id, p, named }).toEqual({ id, p, named: true });
      }
    }
  });
  test("the Chinese name of every function is listed", () => {
    for (const [id, f] of Object.entries(ZH_CN)) expect(readme).toContain(`| \`${id}\` | ${f.name} |`);
  });
});
