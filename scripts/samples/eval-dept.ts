/**
 * Sample 市直责任部门绩效评估表 (娄办发〔2009〕19号): a merged title, a 填报单位 line, one header row
 * whose indicator columns are whatever the year's indicators are (the template takes any numeric
 * column it does not name), a text 备注 column it ignores. Grades are computed with the eval core:
 * 合格/不合格 by EVAL-10, then 先进 for the best qualified departments within the 30% quota
 * (EVAL-11; the source gives no ranking rule for departments, so the sample ranks by average score).
 */
import type { CellValue } from "../../src/core/input/coerce";
import { GRADES, advancedPlaces, deptGrade } from "../../src/core/rules/eval";
import type { SheetSnapshot } from "../../src/core/validate/snapshot";
import type { PlantedError, TemplateSample } from "./types";

const INDICATORS = ["重点工作", "民生建设", "经济发展", "社会发展", "政府自身建设"];

interface DeptInput {
  dept: string;
  /** null: an indicator the department does not bear */
  scores: (number | null)[];
  livelihoodDone: boolean;
  veto: boolean;
  note?: string;
}

const DEPTS: DeptInput[] = [
  { dept: "市发展和改革委员会", scores: [92, 85, 94, 88, 90], livelihoodDone: true, veto: false },
  { dept: "市财政局", scores: [90, 82, 91, null, 93], livelihoodDone: true, veto: false },
  { dept: "市经济和信息化委员会", scores: [86, null, 89, 80, 85], livelihoodDone: true, veto: false },
  { dept: "市商务局", scores: [78, null, 83, 75, 80], livelihoodDone: true, veto: false },
  { dept: "市住房和城乡建设局", scores: [81, 88, 76, 79, 84], livelihoodDone: true, veto: false },
  { dept: "市环境保护局", scores: [74, 79, null, 82, 78], livelihoodDone: false, veto: false, note: "污水处理厂项目未按期完工" },
  { dept: "市交通运输局", scores: [83, 80, 86, 78, 82], livelihoodDone: true, veto: false },
  { dept: "市教育局", scores: [88, 91, null, 90, 88], livelihoodDone: true, veto: false },
  { dept: "市卫生局", scores: [85, 89, null, 86, 84], livelihoodDone: true, veto: false },
  { dept: "市安全生产监督管理局", scores: [80, 76, 72, 57, 81], livelihoodDone: true, veto: false, note: "社会发展指标未达60分" },
];

// 序号 部门 <indicators…> 为民办实事完成 一票否决 等次 备注
const FIRST_IND = 2;
export const COL = {
  dept: 1, livelihood: FIRST_IND + INDICATORS.length, veto: FIRST_IND + INDICATORS.length + 1,
  grade: FIRST_IND + INDICATORS.length + 2, note: FIRST_IND + INDICATORS.length + 3,
} as const;
const WIDTH = COL.note + 1;
const HEADER_ROW = 4;
const FIRST_DATA = HEADER_ROW + 1;
const LETTERS = "ABCDEFGHIJKLMNOP";
const cellOf = (col: number, i: number) => `${LETTERS[col]}${FIRST_DATA + i}`;
const yesNo = (b: boolean) => (b ? "是" : "否");

function dataRows(depts: DeptInput[]): CellValue[][] {
  const base = depts.map((d) => deptGrade(d.scores.filter((s): s is number => s !== null), d.livelihoodDone, d.veto) as string);
  const mean = (d: DeptInput) => {
    const s = d.scores.filter((x): x is number => x !== null);
    return s.reduce((a, b) => a + b, 0) / s.length;
  };
  const qualified = depts.map((d, i) => ({ i, m: mean(d) })).filter(({ i }) => base[i] === GRADES.qualified)
    .sort((a, b) => b.m - a.m);
  const places = advancedPlaces(depts.length, undefined, "dept");
  const advanced = new Set(qualified.slice(0, places).map(({ i }) => i));
  return depts.map((d, i) => [
    i + 1, d.dept, ...d.scores, yesNo(d.livelihoodDone), yesNo(d.veto), advanced.has(i) ? GRADES.advanced : base[i], d.note ?? null,
  ]);
}

function layout(data: CellValue[][]): SheetSnapshot {
  const blank = (): CellValue[] => new Array(WIDTH).fill(null);
  const title = blank();
  title[0] = "2024年度市直责任部门绩效评估表";
  const filer = blank();
  filer[0] = "填报单位:娄底市绩效评估委员会办公室";
  filer[COL.grade] = "填报日期:2025年1月15日";
  const header: CellValue[] = ["序号", "责任部门", ...INDICATORS.map((n) => `${n}(分)`), "为民办实事完成", "一票否决", "等次", "备注"];
  const notes = blank();
  notes[0] = "注:为民办实事指标不量化计分,按完成与否评定;其他各项指标满分均为100分。";
  return {
    name: "部门评估表",
    rows: [title, filer, blank(), header, ...data, blank(), notes],
    merges: [{ top: 0, left: 0, bottom: 0, right: WIDTH - 1 }],
  };
}

export const sample: TemplateSample = {
  id: "eval-dept",
  clean: () => layout(dataRows(DEPTS)),
  errors() {
    const data = dataRows(DEPTS);
    const planted: PlantedError[] = [];
    const plant = (i: number, col: number, value: CellValue, rule: string, what: string) => {
      data[i][col] = value;
      planted.push({ cell: cellOf(col, i), rule, severity: "error", what });
    };
    plant(1, FIRST_IND + 2, 105, "EVAL-9", "指标得分超过100分");
    plant(9, COL.grade, GRADES.qualified, "EVAL-10", "一项指标57分评为合格");
    plant(5, COL.grade, GRADES.qualified, "EVAL-10", "未完成为民办实事评为合格");
    data[6][COL.veto] = "是";
    plant(6, COL.grade, GRADES.advanced, "EVAL-10", "有一票否决事项评为先进");
    plant(4, COL.grade, GRADES.unqualified, "EVAL-10", "合格部门评为不合格");
    // a fourth 先进 among 10 departments (quota 3): reported on the last 先进 row of the sheet
    plant(8, COL.grade, GRADES.advanced, "EVAL-11", "先进超出30%名额");
    plant(3, COL.livelihood, "也许", "INPUT", "为民办实事完成填“也许”");
    return { sheet: layout(data), planted };
  },
  widths: [6, 22, 10, 10, 10, 10, 12, 14, 10, 8, 24],
};
