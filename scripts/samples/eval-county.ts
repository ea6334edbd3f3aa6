/**
 * Sample 县市区绩效评估综合得分表 (娄办发〔2009〕19号): a merged title, a 填报单位 line, a two-row
 * header with 内部评估 over 领导评价 / 同级评价. Bonus, deduction, internal appraisal, composite and
 * grade are computed with the eval core from each unit's events; nothing is hand-typed.
 */
import type { CellValue } from "../../src/core/input/coerce";
import {
  type BonusEvents, type DeductionEvents, bonus, composite, deduction, grades, internalScore,
} from "../../src/core/rules/eval";
import type { MergeRange, SheetSnapshot } from "../../src/core/validate/snapshot";
import type { PlantedError, TemplateSample } from "./types";

interface CountyInput {
  unit: string;
  indicator: number;
  publicAppraisal: number;
  leaders: number;
  peers: number;
  bonus: BonusEvents;
  deduction: DeductionEvents;
  veto: boolean;
  /** per cent */
  satisfaction: number;
  targetsMet: boolean;
  sanctioned: boolean;
}

const noBonus: BonusEvents = { commendations: 0, rankingRises: 0, emergencyAwards: 0 };
const noDeduction: DeductionEvents = { central: 0, provincial: 0, city: 0 };

const UNITS: CountyInput[] = [
  {
    unit: "娄星区", indicator: 872.5, publicAppraisal: 846, leaders: 880, peers: 862,
    bonus: { ...noBonus, commendations: 1 }, deduction: noDeduction, veto: false, satisfaction: 86.4, targetsMet: true, sanctioned: false,
  },
  {
    unit: "冷水江市", indicator: 845, publicAppraisal: 812, leaders: 850, peers: 836,
    bonus: { ...noBonus, rankingRises: 1 }, deduction: { ...noDeduction, city: 1 }, veto: false, satisfaction: 81.2, targetsMet: true, sanctioned: false,
  },
  {
    unit: "涟源市", indicator: 801, publicAppraisal: 776, leaders: 810, peers: 798,
    bonus: noBonus, deduction: noDeduction, veto: false, satisfaction: 77.5, targetsMet: true, sanctioned: false,
  },
  {
    unit: "双峰县", indicator: 788.5, publicAppraisal: 802, leaders: 795, peers: 780,
    bonus: { ...noBonus, emergencyAwards: 1 }, deduction: { ...noDeduction, sanctionPoints: [15] }, veto: false, satisfaction: 79.8, targetsMet: true, sanctioned: true,
  },
  {
    unit: "新化县", indicator: 652, publicAppraisal: 690, leaders: 700, peers: 684,
    bonus: noBonus, deduction: { ...noDeduction, provincial: 1 }, veto: false, satisfaction: 68.3, targetsMet: false, sanctioned: false,
  },
  {
    unit: "娄底经济技术开发区", indicator: 820, publicAppraisal: 760, leaders: 805, peers: 790,
    bonus: noBonus, deduction: noDeduction, veto: true, satisfaction: 74.1, targetsMet: true, sanctioned: false,
  },
];

// 序号 单位 指标考核得分 公众评议得分 领导评价 同级评价 内部评估得分 加分 减分 一票否决 公众满意度 目标任务完成 班子成员受处分 综合得分 等次
export const COL = {
  unit: 1, indicator: 2, public: 3, leaders: 4, peers: 5, internal: 6, bonus: 7, deduction: 8, veto: 9,
  satisfaction: 10, targets: 11, sanctioned: 12, composite: 13, grade: 14,
} as const;
const WIDTH = 15;
const HEADER_ROW = 4;
const FIRST_DATA = HEADER_ROW + 2;
const LETTERS = "ABCDEFGHIJKLMNO";
const cellOf = (col: number, i: number) => `${LETTERS[col]}${FIRST_DATA + i}`;
const round2 = (x: number) => Math.round(x * 100) / 100;
const yesNo = (b: boolean) => (b ? "是" : "否");

function dataRows(units: CountyInput[]): CellValue[][] {
  const computed = units.map((u) => {
    const b = bonus(u.bonus);
    const d = deduction(u.deduction) as number;
    const c = composite({ indicator: u.indicator, publicAppraisal: u.publicAppraisal, internal: [u.leaders, u.peers], bonus: b, deduction: d }) as number;
    return { u, b, d, c: round2(c) };
  });
  const g = grades(computed.map(({ u, c }) => ({
    composite: c, veto: u.veto, satisfaction: u.satisfaction / 100, targetsMet: u.targetsMet, sanctioned: u.sanctioned,
  })));
  return computed.map(({ u, b, d, c }, i) => [
    i + 1, u.unit, u.indicator, u.publicAppraisal, u.leaders, u.peers, internalScore(u.leaders, u.peers) as number, b, d,
    yesNo(u.veto), `${u.satisfaction}%`, yesNo(u.targetsMet), yesNo(u.sanctioned), c, (g as string[])[i],
  ]);
}

function layout(data: CellValue[][]): SheetSnapshot {
  const blank = (): CellValue[] => new Array(WIDTH).fill(null);
  const title = blank();
  title[0] = "2024年度县市区政府绩效评估综合得分表";
  const filer = blank();
  filer[0] = "填报单位:娄底市绩效评估委员会办公室";
  filer[11] = "填报日期:2025年1月15日";
  const top = blank();
  const sub = blank();
  const single: [number, string][] = [
    [0, "序号"], [1, "被评估单位"], [2, "指标考核得分"], [3, "公众评议得分"], [6, "内部评估得分"], [7, "加分"],
    [8, "减分"], [9, "一票否决"], [10, "公众满意度"], [11, "目标任务完成"], [12, "班子成员受处分"], [13, "综合得分"],
    [14, "等次"],
  ];
  for (const [c, text] of single) top[c] = text;
  top[COL.leaders] = "内部评估";
  sub[COL.leaders] = "领导评价";
  sub[COL.peers] = "同级评价";
  const h = HEADER_ROW - 1;
  const merges: MergeRange[] = [
    { top: 0, left: 0, bottom: 0, right: WIDTH - 1 },
    ...single.map(([c]) => ({ top: h, left: c, bottom: h + 1, right: c })),
    { top: h, left: COL.leaders, bottom: h, right: COL.peers },
  ];
  const notes = blank();
  notes[0] = "注:综合得分=指标考核得分×60%+公众评议得分×30%+内部评估得分×10%+加减分。";
  return { name: "综合得分表", rows: [title, filer, blank(), top, sub, ...data, blank(), notes], merges };
}

export const sample: TemplateSample = {
  id: "eval-county",
  clean: () => layout(dataRows(UNITS)),
  errors() {
    const data = dataRows(UNITS);
    const planted: PlantedError[] = [];
    const plant = (i: number, col: number, value: CellValue, rule: string, what: string, severity: PlantedError["severity"] = "error") => {
      data[i][col] = value;
      planted.push({ cell: cellOf(col, i), rule, severity, what });
    };
    plant(2, COL.indicator, 1020, "EVAL-1", "指标考核得分超过1000分");
    plant(3, COL.bonus, 60, "EVAL-4", "加分填60分(累计不超过50分)");
    plant(4, COL.deduction, -55, "EVAL-5", "减分填-55分(累计不超过50分)");
    plant(3, COL.internal, (data[3][COL.internal] as number) + 20, "EVAL-3", "内部评估得分与领导、同级评价不符");
    plant(1, COL.composite, (data[1][COL.composite] as number) + 12, "EVAL-2", "综合得分算错");
    // 新化县: composite below 600 but graded 合格
    data[4][COL.indicator] = 520;
    data[4][COL.composite] = round2(composite({ indicator: 520, publicAppraisal: 690, internal: [700, 684], deduction: 50 }) as number);
    plant(4, COL.grade, "合格", "EVAL-6", "综合得分低于600分评为合格");
    plant(5, COL.grade, "合格", "EVAL-6", "有一票否决事项评为合格");
    // 冷水江市 also 先进, with satisfaction below 60%: not eligible, and over the 30% quota (6 units → 1)
    data[1][COL.satisfaction] = "55%";
    plant(1, COL.grade, "先进", "EVAL-7", "满意度55%评为先进,且超出先进名额");
    return { sheet: layout(data), planted };
  },
  widths: [6, 18, 12, 12, 10, 10, 12, 8, 8, 10, 10, 12, 14, 10, 8],
};
