/**
 * Sample 信访工作目标管理考核评分表 (深办〔2003〕36号): a merged title, a 填报单位 line, a two-row header
 * with 集体上访和疑难个访 / 信访立案件办理 over 第一年 / 第二年. Sections 四 and 五 are computed from
 * each year's events, 合计 / 百分制得分 / 类内排名 with the petition core; nothing is hand-typed.
 */
import type { CellValue } from "../../src/core/input/coerce";
import {
  type CaseEvents, type Category, type CollectiveEvents, casesScore, collectiveScore, petitionRules, petitionScore,
  rankWithinCategory, rawTotal,
} from "../../src/core/rules/petition";
import type { MergeRange, SheetSnapshot } from "../../src/core/validate/snapshot";
import type { PlantedError, TemplateSample } from "./types";

interface UnitInput {
  unit: string;
  category: Category;
  /** sections 一、二、三、六 as the assessment group scored them */
  leadership: number;
  grassroots: number;
  information: number;
  innovation: number;
  /** each year's events for sections 四 and 五 */
  collective: [CollectiveEvents, CollectiveEvents];
  cases: [CaseEvents, CaseEvents];
}

const none: CollectiveEvents = { national: 0, provincial: 0, city: 0 };
const clean: CaseEvents = { overdue: 0, reminders: 0, substandard: 0, unanswered: 0 };

const UNITS: UnitInput[] = [
  {
    unit: "福田区", category: "A", leadership: 19, grassroots: 18, information: 14, innovation: 8,
    collective: [{ national: 0, provincial: 1, city: 2, absentCity: 1 }, { national: 0, provincial: 0, city: 3, individualAbsent: 2 }],
    cases: [{ ...clean, overdue: 1, reminders: 1 }, { ...clean, unanswered: 1 }],
  },
  {
    unit: "罗湖区", category: "A", leadership: 18, grassroots: 19, information: 13, innovation: 9,
    collective: [{ national: 1, provincial: 0, city: 1 }, { ...none, city: 2 }],
    cases: [{ ...clean, substandard: 1 }, clean],
  },
  {
    unit: "南山区", category: "A", leadership: 20, grassroots: 17, information: 15, innovation: 7,
    collective: [{ ...none, city: 1 }, { ...none, provincial: 1, absentProvincial: 1 }],
    cases: [clean, { ...clean, overdue: 2, reminders: 3 }],
  },
  {
    unit: "市公安局", category: "B", leadership: 17, grassroots: 16, information: 12, innovation: 8,
    collective: [{ national: 1, provincial: 1, city: 2 }, { ...none, provincial: 1, city: 1 }],
    cases: [{ ...clean, overdue: 2, reminders: 2 }, { ...clean, overdue: 1 }],
  },
  {
    unit: "市教育局", category: "B", leadership: 16, grassroots: 17, information: 13, innovation: 7,
    collective: [{ ...none, city: 2 }, { ...none, city: 1, individualAbsent: 1 }],
    cases: [{ ...clean, unanswered: 2 }, clean],
  },
  {
    unit: "市劳动局", category: "B", leadership: 18, grassroots: 15, information: 11, innovation: 6,
    collective: [{ ...none, provincial: 2, city: 3, absentCity: 1 }, { ...none, provincial: 1, city: 2 }],
    cases: [{ ...clean, overdue: 1, substandard: 1 }, { ...clean, overdue: 1, reminders: 1 }],
  },
  {
    unit: "市卫生局", category: "C", leadership: 15, grassroots: 13, information: 6, innovation: 7,
    collective: [{ ...none, city: 1 }, none],
    cases: [{ ...clean, overdue: 1 }, clean],
  },
  {
    unit: "市民政局", category: "C", leadership: 14, grassroots: 12, information: 7, innovation: 8,
    collective: [{ ...none, city: 2 }, { ...none, city: 1 }],
    cases: [clean, { ...clean, unanswered: 1 }],
  },
  {
    unit: "市水务局", category: "C", leadership: 16, grassroots: 13, information: 5, innovation: 6,
    collective: [none, { ...none, provincial: 1 }],
    cases: [{ ...clean, substandard: 2 }, { ...clean, overdue: 1, reminders: 1 }],
  },
];

// columns: 序号 单位 类别 一 二 三 四·第一年 四·第二年 五·第一年 五·第二年 六 合计 百分制得分 类内排名 重大恶性事件
export const COL = {
  unit: 1, category: 2, leadership: 3, grassroots: 4, information: 5, collective1: 6, collective2: 7,
  cases1: 8, cases2: 9, innovation: 10, total: 11, percent: 12, rank: 13, major: 14,
} as const;
const WIDTH = 15;
const HEADER_ROW = 4; // 1-based sheet row of the top header row
const FIRST_DATA = HEADER_ROW + 2;
const LETTERS = "ABCDEFGHIJKLMNO";
const cellOf = (col: number, unitIndex: number) => `${LETTERS[col]}${FIRST_DATA + unitIndex}`;

const round2 = (x: number) => Math.round(x * 100) / 100;

function dataRows(units: UnitInput[]): CellValue[][] {
  const rows = units.map((u) => {
    const col = u.collective.map((e) => collectiveScore(e));
    const cas = u.cases.map((e) => casesScore(e));
    const sections = {
      leadership: u.leadership, grassroots: u.grassroots, information: u.information,
      collective: col, cases: cas, innovation: u.innovation,
    };
    return { u, col, cas, raw: rawTotal(u.category, sections), pct: petitionScore(u.category, sections) };
  });
  const ranks = rankWithinCategory(rows.map((r) => ({ category: r.u.category, score: r.pct })));
  return rows.map((r, i) => [
    i + 1, r.u.unit, `${r.u.category}类`, r.u.leadership, r.u.grassroots, r.u.information, r.col[0], r.col[1],
    r.cas[0], r.cas[1], r.u.innovation, round2(r.raw), round2(r.pct), ranks[i], "否",
  ]);
}

function layout(data: CellValue[][]): SheetSnapshot {
  const blank = (): CellValue[] => new Array(WIDTH).fill(null);
  const title = blank();
  title[0] = "2024年度信访工作目标管理考核评分表";
  const filer = blank();
  filer[0] = "填报单位:深圳市信访办公室";
  filer[11] = "填报日期:2024年12月31日";
  const top = blank();
  const sub = blank();
  const single: [number, string][] = [
    [0, "序号"], [1, "单位"], [2, "类别"], [3, "一、信访领导工作(分)"], [4, "二、信访基层、基础工作(分)"],
    [5, "三、信访信息调研宣传(分)"], [10, "六、改革与创新(分)"], [11, "合计"], [12, "百分制得分"], [13, "类内排名"],
    [14, "重大恶性事件"],
  ];
  for (const [c, text] of single) top[c] = text;
  top[COL.collective1] = "四、集体上访和疑难个访";
  top[COL.cases1] = "五、信访立案件办理";
  sub[COL.collective1] = "第一年";
  sub[COL.collective2] = "第二年";
  sub[COL.cases1] = "第一年";
  sub[COL.cases2] = "第二年";
  const h = HEADER_ROW - 1; // 0-based
  const merges: MergeRange[] = [
    { top: 0, left: 0, bottom: 0, right: WIDTH - 1 },
    ...single.map(([c]) => ({ top: h, left: c, bottom: h + 1, right: c })),
    { top: h, left: COL.collective1, bottom: h, right: COL.collective2 },
    { top: h, left: COL.cases1, bottom: h, right: COL.cases2 },
  ];
  const notes = blank();
  notes[0] = `注:B、C类得分按百分制折算(满分${petitionRules.statedFullMarks.B.value}分、${petitionRules.statedFullMarks.C.value}分);第四、五项取两年平均值。`;
  return {
    name: "评分表",
    rows: [title, filer, blank(), top, sub, ...data, blank(), notes],
    merges,
  };
}

export const sample: TemplateSample = {
  id: "petition",
  clean: () => layout(dataRows(UNITS)),
  errors() {
    const data = dataRows(UNITS);
    const planted: PlantedError[] = [];
    const plant = (unitIndex: number, col: number, value: CellValue, rule: string, what: string, severity: PlantedError["severity"] = "error") => {
      data[unitIndex][col] = value;
      planted.push({ cell: cellOf(col, unitIndex), rule, severity, what });
    };
    // C类 信访领导工作 max 16 (PET-7)
    plant(6, COL.leadership, 17, "PET-7", "C类信访领导工作填17分(满分16分)");
    // 市公安局 is listed under B (PET-6, 一)
    plant(3, COL.category, "C类", "PET-6", "市公安局填为C类(办法一列为B类)");
    // not a category at all
    plant(4, COL.category, "D", "PET-6", "类别填D");
    // 合计 with the two years added, not averaged (PET-5)
    const r1 = data[1];
    plant(1, COL.total, (r1[COL.leadership] as number) + (r1[COL.grassroots] as number) + (r1[COL.information] as number) +
      (r1[COL.collective1] as number) + (r1[COL.collective2] as number) + (r1[COL.cases1] as number) +
      (r1[COL.cases2] as number) + (r1[COL.innovation] as number), "PET-5", "合计把两年得分相加");
    // 百分制 left as the raw total for a B unit (PET-6)
    plant(5, COL.percent, data[5][COL.total], "PET-6", "B类百分制得分未折算");
    // a rank swapped (PET-6)
    plant(0, COL.rank, (data[0][COL.rank] as number) + 1, "PET-6", "类内排名错");
    // 重大恶性事件 with section 四 not zeroed (PET-2)
    plant(2, COL.major, "是", "PET-2", "发生重大恶性事件但第四项未扣为0");
    planted[planted.length - 1].cell = cellOf(COL.collective1, 2);
    // a C unit above the stated 80 (warning: the 80/82 contradiction)
    const c = data[7];
    c[COL.leadership] = 16;
    c[COL.grassroots] = 14;
    c[COL.information] = 7;
    c[COL.collective1] = 20;
    c[COL.collective2] = 20;
    c[COL.cases1] = 15;
    c[COL.cases2] = 15;
    c[COL.innovation] = 9;
    const raw = rawTotal("C", { leadership: 16, grassroots: 14, information: 7, collective: [20, 20], cases: [15, 15], innovation: 9 });
    c[COL.percent] = round2(petitionScore("C", { leadership: 16, grassroots: 14, information: 7, collective: 20, cases: 15, innovation: 9 }));
    plant(7, COL.total, raw, "PET-6", "C类原始得分81分超过规定满分80分", "warning");
    // a unit twice
    data.push([...data[8]]);
    data[9][0] = 10;
    planted.push({ cell: cellOf(COL.unit, 9), rule: "PET-6", severity: "error", what: "市水务局重复" });
    // a blank required cell
    plant(8, COL.innovation, null, "INPUT", "改革与创新未填");
    return { sheet: layout(data), planted };
  },
  widths: [6, 14, 8, 10, 10, 10, 9, 9, 9, 9, 10, 8, 10, 8, 10],
};
