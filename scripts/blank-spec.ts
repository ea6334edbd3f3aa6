/**
 * Blank fill-in templates (issue 13 item 1): for each registered template, the layout of its
 * sample (scripts/samples/<id>.ts: title, 填报单位 line, header rows, note) with the data rows
 * emptied, the header cells renamed to the template's canonical column names, and on the data
 * rows
 *   - dropdowns and numeric bounds (data validation) with a Chinese prompt and an error message
 *     citing the rule's clause (from the template's rule table);
 *   - formulas in the computed columns, built-in functions only (Excel, WPS and LibreOffice all
 *     compute them), so the sheet works where the add-in is not installed.
 * Every number comes from the ruleset data (core/rules/<doc>/data.ts) or its compute functions,
 * never retyped. The result is a plain description (BlankSheet); blank-workbook.ts writes it as
 * .xlsx (ExcelJS) and as the JSON the pane uses to add formulas and validations cell by cell on
 * hosts that cannot insert worksheets (src/office/template.ts).
 *
 * A formula cell whose row has no input yields "" (IF(…,"",…)), so an empty row stays empty for
 * the validator whichever client computed and cached it.
 */
import type { CellValue } from "../src/core/input/coerce";
import { CATEGORIES, petitionRules } from "../src/core/rules/petition/data";
import { fullMark, sectionMax } from "../src/core/rules/petition/compute";
import { evalRules } from "../src/core/rules/eval/data";
import { GRADES, componentMax } from "../src/core/rules/eval/compute";
import { tripRuleset } from "../src/core/rules/trip/data";
import { TRIP_TYPE_ZH } from "../src/core/rules/trip/compute";
import { gridRuleset } from "../src/core/rules/grid/data";
import { formatShare } from "../src/core/rules/grid/compute";
import { type RuleTable, ruleClause } from "../src/core/rules/ruleTable";
import { findHeader } from "../src/core/validate/header";
import { columnLetter, type MergeRange, type SheetSnapshot } from "../src/core/validate/snapshot";
import type { TemplateDef } from "../src/core/validate/template";
import { templates, type TemplateId } from "../src/core/validate/templates";
import { ROLES } from "../src/core/validate/templates/patrol";
import type { BlankExtras, BlankValidation } from "../src/office/template";
import type { TemplateSample } from "./samples/types";

export type { BlankExtras, BlankValidation };

/** Empty data rows in each blank: more than any list of the sources (47 petition units) needs. */
export const BLANK_ROWS = 100;

/**
 * Tolerance of the eval core's comparisons (rules/eval/compute.ts TIE_EPSILON): composites equal
 * within it tie, and exactly 600 passes. Not a number of the source: floating-point slack.
 */
const EPS = "0.000001";

export interface BlankSheet {
  id: TemplateId;
  template: TemplateDef;
  /** the cells above the data (title, 填报单位 line, header rows) and below it (合计, note), in sheet rows */
  snapshot: SheetSnapshot;
  /** 1-based sheet rows of the header (bold) */
  headerRows: number[];
  /** 1-based first and last empty data row */
  firstRow: number;
  lastRow: number;
  widths?: readonly number[];
  /** formulas, validations and number formats of the data (and 合计) rows */
  extras: BlankExtras;
  /** column key → 1-based sheet column (first sub-column for a multi column) */
  columns: ReadonlyMap<string, readonly number[]>;
  /** keys of the columns computed by formulas */
  computed: readonly string[];
}

/** "A", "AB": the column of 1-based `col`. */
const L = columnLetter;

/** Half-width , : ; ( ) ! in a Chinese text as full-width (chinese-text.md). */
export function fullWidth(s: string): string {
  if (!/[\u3400-\u9fff]/u.test(s)) return s;
  return s.replace(/,/g, "，").replace(/:/g, "：").replace(/;/g, "；").replace(/\(/g, "（").replace(/\)/g, "）").replace(/!/g, "！");
}

/** `依据：深办〔2003〕36号 二；规则PET-7` — the clause first, the rule id second (as govcheck prints it). */
function basis(table: RuleTable, rule: string, clause?: string): string {
  return `依据：${ruleClause(table, rule, clause)}；规则${rule}。`;
}

/** One column's rule on the data rows, before it is placed. */
interface ColumnRule {
  key: string;
  /** sub-column of a multi column; all of them when omitted */
  index?: number;
  /** formula for the row `{r}` (placeholders: `{r}` row, refs from `ref`) */
  formula?: string;
  validation?: Omit<BlankValidation, "range">;
  numFmt?: string;
}

/** Where each column is, for the formulas: `c("total")` = "L{r}", `abs("total")` = "$L$6:$L$105". */
interface Refs {
  has(key: string): boolean;
  /** the cell of `key` (its `i`-th sub-column) in row {r} */
  c(key: string, i?: number): string;
  /** the cells of every sub-column of `key` in row {r}, as a range "G{r}:H{r}" (or one cell) */
  span(key: string): string;
  /** the whole data range of `key`, absolute */
  abs(key: string, i?: number): string;
  /** the same column, row {r}, with the column fixed ($C{r}) for validation formulas */
  fixed(key: string): string;
  count(key: string): number;
}

function refs(columns: ReadonlyMap<string, readonly number[]>, first: number, last: number): Refs {
  const col = (key: string, i = 0) => {
    const cols = columns.get(key);
    if (!cols || cols[i] === undefined) throw new Error(`blank template: no column ${key}[${i}]`);
    return L(cols[i]);
  };
  return {
    has: (key) => columns.has(key),
    c: (key, i = 0) => `${col(key, i)}{r}`,
    span: (key) => {
      const n = columns.get(key)?.length ?? 0;
      return n > 1 ? `${col(key, 0)}{r}:${col(key, n - 1)}{r}` : `${col(key)}{r}`;
    },
    abs: (key, i = 0) => `$${col(key, i)}$${first}:$${col(key, i)}$${last}`,
    fixed: (key) => `$${col(key)}{r}`,
    count: (key) => columns.get(key)?.length ?? 0,
  };
}

const list = (
  values: readonly string[], title: string, prompt: string, error: string, style: BlankValidation["style"] = "stop",
): Omit<BlankValidation, "range"> => ({ type: "list", values: [...values], title, prompt, error, style });
const YES_NO = ["是", "否"] as const;

/** A nested IF over a category's letter: IF(LEFT(C6,1)="A",x,IF(…,y,IF(…,z,other))). */
function byCategory(cat: string, value: (c: (typeof CATEGORIES)[number]) => string, other: string): string {
  return CATEGORIES.reduceRight((acc, c) => `IF(LEFT(${cat},1)="${c}",${value(c)},${acc})`, other);
}

// ---------------------------------------------------------------- petition (深办〔2003〕36号)

function petitionRules_(t: TemplateDef, r: Refs): ColumnRule[] {
  const rs = petitionRules;
  const table = t.rules;
  const cat = r.fixed("category");
  const out: ColumnRule[] = [
    {
      key: "category",
      // as offices write it (A类); the formulas read the letter (LEFT), so a typed "A" counts the same
      validation: list(CATEGORIES.map((c) => `${c}类`), "类别", `请选择考核类别${CATEGORIES.map((c) => `${c}类`).join("、")}（名单见办法一）。${basis(table, "PET-6", "一")}`,
        `考核类别只能是${CATEGORIES.map((c) => `${c}类`).join("、")}。${basis(table, "PET-6", "一")}`),
    },
  ];
  for (const s of rs.sections) {
    const perCategory = CATEGORIES.map((c) => sectionMax(c, s.key));
    const same = perCategory.every((m) => m === perCategory[0]);
    const maxima = same ? `各类均为${perCategory[0]}分` : CATEGORIES.map((c, k) => `${c}类${perCategory[k]}分`).join("、");
    for (let i = 0; i < r.count(s.key); i++) {
      const me = r.c(s.key, i);
      out.push({
        key: s.key, index: i,
        validation: {
          type: "custom",
          formula: `AND(ISNUMBER(${me}),${me}>=0,${me}<=${byCategory(cat, (c) => String(sectionMax(c, s.key)), String(s.heading.value))})`,
          title: s.name.slice(0, 32),
          prompt: `填写0至本类满分：${maxima}${s.yearly ? `；按年评定，两年取平均值（${ruleClause(table, rs.yearsAveraged.rule)}）` : ""}。` +
            basis(table, "PET-7"),
          error: `“${s.name}”得分应在0至本类满分之间（${maxima}）${same ? "" : "，请先选类别"}。${basis(table, "PET-7")}`,
          style: "stop",
        },
        numFmt: "0.##",
      });
    }
  }
  // 合计 = 一 + 二 + 三 + 四 (years averaged, PET-5) + 五 (averaged) + 六, in the core's order (sectionSum)
  const terms = rs.sections.map((s) => (r.count(s.key) > 1 ? `AVERAGE(${r.span(s.key)})` : r.c(s.key)));
  const missing = rs.sections.map((s) => `COUNT(${r.span(s.key)})=0`);
  out.push({ key: "total", formula: `IF(OR(${missing.join(",")}),"",${terms.join("+")})`, numFmt: "0.00" });
  // 百分制得分 = 合计 × 100 ÷ 本类满分 (三(四); the basis Decision picks 80 or 82 for C)
  const total = r.c("total");
  const scale = rs.percentScale.value;
  out.push({
    key: "percent",
    formula: `IF(${total}="","",${byCategory(r.c("category"), (c) => `${total}*${scale}/${fullMark(c, rs.basis.value)}`, '""')})`,
    numFmt: "0.00",
  });
  // 类内排名: 1 + the units of the same category with a higher 百分制 (ties share a rank, PET-6)
  const pct = r.c("percent");
  out.push({
    key: "rank",
    formula: `IF(${pct}="","",SUMPRODUCT((LEFT(${r.abs("category")},1)=LEFT(${r.c("category")},1))*ISNUMBER(${r.abs("percent")})*(${r.abs("percent")}>${pct}))+1)`,
    numFmt: "0",
  });
  out.push({
    key: "major",
    validation: list(YES_NO, "重大恶性事件", `发生重大恶性事件的填“是”，其集体上访和疑难个访一项为0分。${basis(table, "PET-2")}`,
      `请选择“是”或“否”。${basis(table, "PET-2")}`),
  });
  return out;
}

// ---------------------------------------------------------------- eval-county (娄办发〔2009〕19号)

function evalCountyRules(t: TemplateDef, r: Refs): ColumnRule[] {
  const rs = evalRules;
  const table = t.rules;
  const pct = (x: number) => `${Math.round(x * 100)}%`;
  const out: ColumnRule[] = [];
  const score = (key: string, which: "indicator" | "appraisal", name: string): ColumnRule => ({
    key,
    validation: {
      type: "decimal", min: 0, max: componentMax(which), title: name,
      prompt: `填写0至${componentMax(which)}分。${basis(table, rs.indicatorTotal.rule)}`,
      error: `“${name}”应在0至${componentMax(which)}分之间。${basis(table, rs.indicatorTotal.rule)}`, style: "stop",
    },
    numFmt: "0.##",
  });
  out.push(score("indicator", "indicator", "指标考核得分"), score("public", "appraisal", "公众评议得分"));
  if (r.has("leaders")) out.push(score("leaders", "appraisal", "领导评价"));
  if (r.has("peers")) out.push(score("peers", "appraisal", "同级评价"));
  // 内部评估得分 = 领导评价 × 50% + 同级评价 × 50% (EVAL-3); typed over when only the total is known
  const w = rs.internalWeights;
  if (r.has("leaders") && r.has("peers")) {
    out.push({
      key: "internal",
      formula: `IF(COUNT(${r.c("leaders")},${r.c("peers")})<2,"",${r.c("leaders")}*${w.leaders.value}+${r.c("peers")}*${w.peers.value})`,
      numFmt: "0.##",
    });
  }
  const cap = rs.bonus.cap.value;
  const dcap = rs.deduction.cap.value;
  out.push({
    key: "bonus",
    validation: {
      type: "decimal", min: 0, max: cap, title: "加分",
      prompt: `累计加分不超过${cap}分（表彰每次${rs.bonus.commendation.value}分，排位前移、应急处置各${rs.bonus.rankingRise.value}分）。${basis(table, rs.bonus.cap.rule)}`,
      error: `累计加分应在0至${cap}分之间。${basis(table, rs.bonus.cap.rule)}`, style: "stop",
    },
  });
  out.push({
    key: "deduction",
    validation: {
      type: "decimal", min: -dcap, max: dcap, title: "减分",
      prompt: `累计扣分不超过${dcap}分，填正数或负数均可。${basis(table, rs.deduction.cap.rule)}`,
      error: `累计扣分不超过${dcap}分。${basis(table, rs.deduction.cap.rule)}`, style: "stop",
    },
  });
  const yn = (key: string, title: string, prompt: string, rule: string) =>
    ({ key, validation: list(YES_NO, title, `${prompt}${basis(table, rule)}`, `请选择“是”或“否”。${basis(table, rule)}`) }) as ColumnRule;
  out.push(yn("veto", "一票否决", "有一票否决事项的填“是”，评为不合格。", rs.passMark.rule));
  out.push({
    key: "satisfaction",
    validation: {
      type: "decimal", min: 0, max: 1, title: "公众满意度",
      prompt: `按百分比填写，如86.4%；评为先进须在${pct(rs.satisfactionMin.value)}以上。${basis(table, rs.satisfactionMin.rule)}`,
      error: `公众满意度应在0%至100%之间。${basis(table, rs.satisfactionMin.rule)}`, style: "stop",
    },
    numFmt: "0.0%",
  });
  out.push(yn("targets", "目标任务完成", "完成人均GDP、财政收入等目标任务的填“是”。", rs.advancedQuota.rule));
  out.push(yn("sanctioned", "班子成员受处分", "班子成员受党纪政纪处分的填“是”，不得评为先进。", rs.advancedQuota.rule));

  // 综合得分 = 指标×60% + 公众评议×30% + 内部评估×10% + 加分(≤50) − 减分(≤50) (EVAL-2/4/5)
  const onScale = rs.scale.value === "same" ? "" : `/${rs.scale.appraisalMax.value}*${rs.indicatorTotal.value}`;
  const internal = r.c("internal");
  const comp = r.c("composite");
  out.push({
    key: "composite",
    formula: `IF(OR(COUNT(${r.c("indicator")})=0,COUNT(${r.c("public")})=0,COUNT(${internal})=0),"",` +
      `${r.c("indicator")}*${rs.weights.indicator.value}+${r.c("public")}${onScale}*${rs.weights.publicAppraisal.value}` +
      `+${internal}${onScale}*${rs.weights.internal.value}+MIN(${cap},N(${r.c("bonus")}))-MIN(${dcap},ABS(N(${r.c("deduction")}))))`,
    numFmt: "0.00",
  });
  // 等次 (EVAL-6/7): 不合格 below 600 or vetoed; 先进 for the eligible units within the 30% quota
  // (places rounded by the quota Decision), ranked by 综合得分; a tie across the last place is
  // 并列待定 (for a human to decide), as the eval core's pickAdvanced.
  const pass = rs.passAtMark.value === "qualified" ? `>=${rs.passMark.value}-${EPS}` : `>${rs.passMark.value}+${EPS}`;
  const yes = YES_NO[0];
  const eligibleAll = `ISNUMBER(${r.abs("composite")})*(${r.abs("composite")}${pass})*(${r.abs("veto")}<>"${yes}")` +
    `*ISNUMBER(${r.abs("satisfaction")})*(${r.abs("satisfaction")}>=${rs.satisfactionMin.value}-${EPS})` +
    `*(${r.abs("targets")}="${yes}")*(${r.abs("sanctioned")}<>"${yes}")`;
  const eligibleMe = `AND(ISNUMBER(${r.c("satisfaction")}),${r.c("satisfaction")}>=${rs.satisfactionMin.value}-${EPS},` +
    `${r.c("targets")}="${yes}",${r.c("sanctioned")}<>"${yes}")`;
  const round = { floor: "ROUNDDOWN", round: "ROUND", ceil: "ROUNDUP" }[rs.quotaRounding.value];
  const places = `${round}(ROUND(COUNTA(${r.abs("unit")})*${rs.advancedQuota.value},9),0)`;
  const above = `SUMPRODUCT(${eligibleAll}*(${r.abs("composite")}>${comp}+${EPS}))`;
  const level = `SUMPRODUCT(${eligibleAll}*(${r.abs("composite")}>${comp}-${EPS})*(${r.abs("composite")}<${comp}+${EPS}))`;
  out.push({
    key: "grade",
    formula: `IF(${comp}="","",IF(OR(NOT(${comp}${pass}),${r.c("veto")}="${yes}"),"${GRADES.unqualified}",` +
      `IF(NOT(${eligibleMe}),"${GRADES.qualified}",IF(${above}+${level}<=${places},"${GRADES.advanced}",` +
      `IF(${above}<${places},"${GRADES.tie}","${GRADES.qualified}")))))`,
  });
  return out;
}

// ---------------------------------------------------------------- eval-dept (娄办发〔2009〕19号)

function evalDeptRules(t: TemplateDef, r: Refs): ColumnRule[] {
  const rs = evalRules;
  const table = t.rules;
  const max = rs.deptIndicatorMax.value;
  const out: ColumnRule[] = [];
  const indicators = t.extraNumericAs ?? "";
  for (let i = 0; i < r.count(indicators); i++) {
    out.push({
      key: indicators, index: i,
      validation: {
        type: "decimal", min: 0, max, title: "指标得分",
        prompt: `填写0至${max}分；各项指标均在${rs.deptPassMark.value}分以上方为合格。${basis(table, rs.deptIndicatorMax.rule)}`,
        error: `指标得分应在0至${max}分之间。${basis(table, rs.deptIndicatorMax.rule)}`, style: "stop",
      },
      numFmt: "0.##",
    });
  }
  out.push({
    key: "livelihood",
    validation: list(YES_NO, "为民办实事完成", `为民办实事不计分，按完成与否评定；未完成的为不合格。${basis(table, rs.deptPassMark.rule)}`,
      `请选择“是”或“否”。${basis(table, rs.deptPassMark.rule)}`),
  });
  out.push({
    key: "veto",
    validation: list(YES_NO, "一票否决", `有一票否决事项的填“是”，评为不合格。${basis(table, rs.deptPassMark.rule, "四(四)2")}`,
      `请选择“是”或“否”。${basis(table, rs.deptPassMark.rule, "四(四)2")}`),
  });
  // 等次 is chosen, not computed: 先进 is picked among the qualified departments by the evaluation
  // committee within the 30% quota, and the source gives no ranking rule for departments
  // (EVAL-11), so no formula (built-in or GOV) can pick them; the dropdown says the rule.
  out.push({
    key: "grade",
    validation: list([GRADES.advanced, GRADES.qualified, GRADES.unqualified], "等次",
      `完成为民办实事、各项指标均在${rs.deptPassMark.value}分以上且无一票否决事项的为合格，否则不合格；` +
      `先进从合格部门中产生，名额不超过${Math.round(rs.deptAdvancedQuota.value * 100)}%。${basis(table, rs.deptAdvancedQuota.rule)}`,
      `等次只能是先进、合格或不合格。${basis(table, rs.deptPassMark.rule)}`),
  });
  return out;
}

// ---------------------------------------------------------------- trip (渝委发〔2005〕14号)

function tripRules(t: TemplateDef, r: Refs): ColumnRule[] {
  const rs = tripRuleset;
  const table = t.rules;
  const types = Object.values(TRIP_TYPE_ZH).flatMap((x) => x.split("/"));
  /**
   * A date column: a real date (not text) and, with `order`, not before the return. With `limit`
   * (a deadline of the rules), a date past it is warned about, not refused: a late report is a fact
   * to record, and the validator reports it.
   */
  const date = (
    key: string, title: string, prompt: string, rule: string,
    order?: { formula: string; after: string }, limit?: { formula: string; text: string },
  ): ColumnRule => {
    const terms = [`ISNUMBER(${r.c(key)})`, ...(order ? [order.formula] : []), ...(limit ? [limit.formula] : [])];
    const what = `请填写日期（如2024-03-11）${order ? `，不早于${order.after}` : ""}`;
    return {
      key,
      validation: {
        type: "custom", formula: terms.length > 1 ? `AND(${terms.join(",")})` : terms[0], title,
        prompt: `${prompt}${basis(table, rule)}`,
        error: limit ? `${what}，${limit.text}；确属实情的可继续填写。${basis(table, rule)}` : `${what}。${basis(table, rule)}`,
        style: limit ? "warning" : "stop",
      },
      numFmt: "yyyy-mm-dd",
    };
  };
  const afterReturn = (key: string) => ({ formula: `${r.c(key)}>=${r.c("returnDate")}`, after: "返回日期" });
  const days = rs.daysByCountries.map((e) => `${e.countries.value}国不超过${e.maxDays.value}天`).join("、");
  const out: ColumnRule[] = [
    {
      key: "type",
      validation: list(types, "团组类型", `请选择团组类型；考察团组人数原则上不超过${rs.studyGroupMax.value}人。${basis(table, rs.studyGroupMax.rule)}`,
        `团组类型只能是${types.join("、")}。${basis(table, rs.studyGroupMax.rule)}`),
    },
    {
      key: "size",
      validation: {
        type: "whole", min: 1, title: "人数",
        prompt: `填写团组人数；考察团组原则上不超过${rs.studyGroupMax.value}人，超过的在“说明”中写明理由。${basis(table, rs.studyGroupMax.rule)}`,
        error: `人数应为大于0的整数。${basis(table, rs.studyGroupMax.rule)}`, style: "stop",
      },
    },
    date("departure", "出发日期", `在外天数含出发、返回当天：${days}（培训团组除外）。`, rs.daysByCountries[0].maxDays.rule),
    date("returnDate", "返回日期", `在外天数含出发、返回当天：${days}（培训团组除外）。`, rs.daysByCountries[0].maxDays.rule,
      { formula: `${r.c("returnDate")}>=${r.c("departure")}`, after: "出发日期" }),
  ];
  out.push({
    key: "countries",
    validation: {
      type: "custom", formula: `ISTEXT(${r.c("countries")})`, title: "出访国家（地区）",
      prompt: `多个国家（地区）用“、”分隔；一次出访原则上不超过${rs.countriesMax.value}个。${basis(table, rs.countriesMax.rule)}`,
      error: `请填写国家（地区）名称，多个用“、”分隔。${basis(table, rs.countriesMax.rule)}`, style: "stop",
    },
  });
  // 在外天数 = 返回 − 出发 + 1 (Decision days: both ends counted)
  const plus = rs.dayCount.value === "inclusive" ? "+1" : "";
  out.push({
    key: "days",
    formula: `IF(OR(COUNT(${r.c("departure")})=0,COUNT(${r.c("returnDate")})=0),"",IF(${r.c("returnDate")}<${r.c("departure")},"",${r.c("returnDate")}-${r.c("departure")}${plus}))`,
    numFmt: "0",
  });
  if (r.has("tripsThisYear")) {
    out.push({
      key: "tripsThisYear",
      validation: {
        type: "whole", min: 1, title: "本年度出访次数",
        prompt: `含本次；市管干部原则上一年内出访不超过${rs.tripsPerYearMax.value}次。${basis(table, rs.tripsPerYearMax.rule)}`,
        error: `出访次数应为大于0的整数。${basis(table, rs.tripsPerYearMax.rule)}`, style: "stop",
      },
    });
  }
  if (r.has("requestDate")) out.push(date("requestDate", "报批日期", `出国请示件应在办理护照、签证前${rs.leadWeeks.value}周呈报。`, rs.leadWeeks.rule));
  if (r.has("documentDate")) {
    // TRIP-6: 办证 at least three weeks (× 7 days) after the request
    const lead = r.has("requestDate")
      ? { formula: `OR(${r.c("requestDate")}="",${r.c("documentDate")}-${r.c("requestDate")}>=${rs.leadWeeks.value}*7)`, text: `距报批日期不少于${rs.leadWeeks.value}周` }
      : undefined;
    out.push(date("documentDate", "办证日期", `办理护照、签证的日期，应在报批${rs.leadWeeks.value}周以后。`, rs.leadWeeks.rule, undefined, lead));
  }
  if (r.has("reportDate")) {
    // TRIP-7: within one month of the return, the same calendar day a month later (EDATE, as addMonths)
    out.push(date("reportDate", "出访报告日期", `返渝后${rs.reportMonths.value}个月内报送出访报告。`, rs.reportMonths.rule,
      afterReturn("reportDate"),
      { formula: `${r.c("reportDate")}<=EDATE(${r.c("returnDate")},${rs.reportMonths.value})`, text: `在返渝后${rs.reportMonths.value}个月内` }));
  }
  if (r.has("passportDate")) {
    out.push(date("passportDate", "证件交还日期", `回渝后${rs.passportDays.value}日内交还因公护照或通行证。`, rs.passportDays.rule,
      afterReturn("passportDate"),
      { formula: `${r.c("passportDate")}<=${r.c("returnDate")}+${rs.passportDays.value}`, text: `在回渝后${rs.passportDays.value}日内` }));
  }
  return out;
}

// ---------------------------------------------------------------- grid (哈办发〔2011〕14号)

const STAR_WORDS = ["一", "二", "三", "四", "五"];
const starWord = (n: number) => `${STAR_WORDS[n - 1]}星级`;

function gridRules(t: TemplateDef, r: Refs): ColumnRule[] {
  const rs = gridRuleset;
  const table = t.rules;
  const out: ColumnRule[] = [];
  out.push({
    key: "households",
    validation: {
      type: "whole", min: 0, title: "户数",
      prompt: `填写社区总户数；按${rs.householdsPerPost.value}户设1个专职工作者岗位。${basis(table, rs.householdsPerPost.rule)}`,
      error: `户数应为0或正整数。${basis(table, rs.householdsPerPost.rule)}`, style: "stop",
    },
  });
  if (r.has("grids")) {
    const min = rs.gridsPerCommunityMin.value;
    out.push({
      key: "grids",
      validation: {
        type: "whole", min, title: "网格数",
        prompt: `每个社区至少划分${min}个网格，全面覆盖，不留空白。${basis(table, rs.gridsPerCommunityMin.rule)}`,
        error: `网格数应为不小于${min}的整数。${basis(table, rs.gridsPerCommunityMin.rule)}`, style: "stop",
      },
    });
  }
  // posts = ceil(户数 / 900), at least 1 for an inhabited community (GRID-1 / GRID-2 Decision);
  // fewer is a warning (recruitment within three years), so Excel warns and lets the clerk go on
  const round = { ceil: "ROUNDUP", floor: "ROUNDDOWN", round: "ROUND" }[rs.postRounding.value];
  const hh = r.c("households");
  const w = r.c("workers");
  const need = `IF(N(${hh})>0,MAX(${rs.postRounding.minimumWhenInhabited.value},${round}(${hh}/${rs.householdsPerPost.value},0)),0)`;
  out.push({
    key: "workers",
    validation: {
      type: "custom", formula: `AND(ISNUMBER(${w}),INT(${w})=${w},${w}>=${need})`, title: "专职工作者数",
      prompt: `按${rs.householdsPerPost.value}户设1个岗位（向上取整），有住户的社区至少${rs.firstBatch.workersEach.value}名，` +
        `${rs.recruitmentYears.value}年内完成招录。${basis(table, rs.householdsPerPost.rule)}`,
      error: `专职工作者数少于按户数应设的岗位数；仍在${rs.recruitmentYears.value}年招录期内的可以继续。${basis(table, rs.householdsPerPost.rule)}`,
      style: "warning",
    },
  });
  if (r.has("star")) {
    const stars = [5, 4, 3, 2, 1].map(starWord);
    out.push({
      key: "star",
      validation: list(stars, "星级",
        `和谐社区星级，未评星的不填。${rs.subsidies.map((x) => `${starWord(x.stars.value)}社区每年补助${x.amount.value / 10_000}万元`).join("、")}。${basis(table, rs.subsidies[0].amount.rule)}`,
        `请从下拉列表选择星级。${basis(table, rs.subsidies[0].amount.rule)}`),
    });
  }
  // 年度补助 by star (GRID-4), "" on an empty row; shares 1:1 to the fen (splitShare)
  const inputs = ["district", "street", "community", "households", "grids", "workers", "star"].filter((k) => r.has(k));
  const empty = inputs.map((k) => `${r.c(k)}=""`).join(",");
  const star = r.c("star");
  // the dropdown's word, and the ways clerks type it (toStar): 五星, 5, "5", 5星, ★★★★★
  const spellings = (n: number) => [`"${starWord(n)}"`, `"${STAR_WORDS[n - 1]}星"`, String(n), `"${n}"`, `"${n}星"`, `"${n}星级"`, `"${"★".repeat(n)}"`];
  const amount = rs.subsidies.reduceRight(
    (acc, x) => `IF(OR(${spellings(x.stars.value).map((v) => `${star}=${v}`).join(",")}),${x.amount.value},${acc})`, "0");
  if (r.has("subsidy")) out.push({ key: "subsidy", formula: `IF(AND(${empty}),"",${r.has("star") ? amount : "0"})`, numFmt: "#,##0" });
  const sh = rs.subsidyShare;
  const sub = r.c("subsidy");
  if (r.has("city")) out.push({ key: "city", formula: `IF(${sub}="","",ROUND(${sub}*${sh.city.value}/${sh.city.value + sh.district.value},2))`, numFmt: "#,##0.##" });
  if (r.has("districtShare")) out.push({ key: "districtShare", formula: `IF(${sub}="","",ROUND(${sub}-${r.c("city")},2))`, numFmt: "#,##0.##" });
  return out;
}

// ---------------------------------------------------------------- patrol (哈办发〔2011〕14号)

function patrolRules(t: TemplateDef, r: Refs): ColumnRule[] {
  const rs = gridRuleset;
  const table = t.rules;
  const worker = ROLES.worker[0];
  const supervisor = ROLES.supervisor[0];
  const out: ColumnRule[] = [
    {
      key: "date",
      validation: {
        type: "custom", formula: `ISNUMBER(${r.c("date")})`, title: "日期",
        prompt: `填写巡查日期，如2024-03-04；有记录的日期即为工作日。${basis(table, rs.patrolsPerDay.rule)}`,
        error: `请填写日期，如2024-03-04。${basis(table, rs.patrolsPerDay.rule)}`, style: "stop",
      },
      numFmt: "yyyy-mm-dd",
    },
    {
      key: "patrols",
      validation: {
        type: "whole", min: 0, title: "巡查次数",
        prompt: `网格员每天至少巡查${rs.patrolsPerDay.value}次；督导员每周至少参与巡查${rs.supervisorPatrolsPerWeek.value}次。${basis(table, rs.patrolsPerDay.rule)}`,
        error: `巡查次数应为0或正整数。${basis(table, rs.patrolsPerDay.rule)}`, style: "stop",
      },
    },
  ];
  if (r.has("role")) {
    out.push({
      key: "role",
      validation: list([worker, supervisor], "角色",
        `网格员每天巡查，街道（乡镇）工作人员作为${supervisor}每周参与巡查。${basis(table, rs.supervisorPatrolsPerWeek.rule)}`,
        `角色只能是${worker}或${supervisor}。${basis(table, rs.supervisorPatrolsPerWeek.rule)}`),
    });
  }
  if (r.has("hoursInGrid")) {
    const g = r.c("hoursInGrid");
    const share = formatShare(rs.timeInGridShare.value);
    const third = /^1\/(\d+)$/.exec(share);
    const part = r.has("workingHours") ? (third ? `${r.c("workingHours")}/${third[1]}` : `${r.c("workingHours")}*${rs.timeInGridShare.value}`) : "0";
    const exempt = r.has("role") ? `${r.c("role")}="${supervisor}",` : "";
    const noHours = r.has("workingHours") ? `${r.c("workingHours")}="",` : "";
    out.push({
      key: "hoursInGrid",
      validation: {
        type: "custom", formula: `AND(ISNUMBER(${g}),${g}>=0,OR(${exempt}${noHours}${g}>=${part}))`, title: "在格时长",
        prompt: `单位：小时；网格员在网格时间不少于工作时间的${share}。${basis(table, rs.timeInGridShare.rule)}`,
        error: `在格时长不足工作时长的${share}。${basis(table, rs.timeInGridShare.rule)}`, style: "warning",
      },
      numFmt: "0.#",
    });
  }
  if (r.has("workingHours")) {
    out.push({
      key: "workingHours",
      validation: {
        type: "decimal", min: 0, title: "工作时长",
        prompt: `单位：小时，当天的工作时长。${basis(table, rs.timeInGridShare.rule)}`,
        error: `工作时长应为不小于0的数。${basis(table, rs.timeInGridShare.rule)}`, style: "stop",
      },
      numFmt: "0.#",
    });
  }
  return out;
}

const RULES: Record<TemplateId, (t: TemplateDef, r: Refs) => ColumnRule[]> = {
  petition: petitionRules_,
  "eval-county": evalCountyRules,
  "eval-dept": evalDeptRules,
  trip: tripRules,
  grid: gridRules,
  patrol: patrolRules,
};

/** The keys whose sums a 合计 row carries (the grid template's total-row check). */
const TOTAL_KEYS: Partial<Record<TemplateId, readonly string[]>> = {
  grid: ["households", "grids", "workers", "subsidy", "city", "districtShare"],
};

/** The sample of template `id` (scripts/samples/<id>.ts): its layout is the blank's. */
export function sampleOf(id: TemplateId): TemplateSample {
  const mod = require(`./samples/${id}`) as { sample: TemplateSample };
  return mod.sample;
}

const isEmptyRow = (row: readonly CellValue[] | undefined) => !row || row.every((v) => v === null || v === undefined || v === "");
const isTotalLabel = (v: CellValue) => typeof v === "string" && /^(合计|小计|总计)$/u.test(v.replace(/\s+/gu, ""));

/**
 * The sample's header reading: header rows, first data row and each key's columns (0-based), the
 * unnamed numeric columns of an `extraNumericAs` template (eval-dept's indicators) included.
 */
function readLayout(sheet: SheetSnapshot, t: TemplateDef) {
  const m = findHeader(sheet, t);
  if (!m || !m.recognised) throw new Error(`blank template ${t.id}: the sample's header is not recognised`);
  const columns = new Map<string, number[]>([...m.columns].map(([k, v]) => [k, [...v]]));
  if (t.extraNumericAs) {
    const claimed = new Set([...m.columns.values()].flat());
    const header = sheet.rows[m.headerRows[m.headerRows.length - 1]];
    const extra: number[] = [];
    header.forEach((h, c) => {
      if (claimed.has(c) || typeof h !== "string" || h.trim() === "" || /^序号$/u.test(h.trim())) return;
      const cells = sheet.rows.slice(m.dataStart).map((row) => row[c]).filter((v) => v !== null && v !== undefined && v !== "");
      if (cells.length > 0 && cells.every((v) => typeof v === "number")) extra.push(c);
    });
    columns.set(t.extraNumericAs, extra);
  }
  return { match: m, columns };
}

/** The blank of template `id`, from its sample's layout and the template's rules. */
export function blankSheet(id: TemplateId): BlankSheet {
  const t = templates.find((x) => x.id === id) as TemplateDef;
  const sample = sampleOf(id);
  const sheet = sample.clean();
  const { match, columns: cols0 } = readLayout(sheet, t);
  const width = Math.max(...sheet.rows.map((r) => r.length));
  const blankRow = (): CellValue[] => new Array(width).fill(null);

  // the rows above the data: title (year left blank), 填报单位 / 填报日期 with nothing filled in,
  // the header with each named column under its canonical name
  const top = sheet.rows.slice(0, match.dataStart).map((r) => [...r, ...new Array(width - r.length).fill(null)]);
  const title = top[0][0];
  top[0][0] = typeof title === "string" && /^\d{4}年度/u.test(title) ? fullWidth(title.replace(/^\d{4}/u, "　　　　")) : t.title;
  for (const row of top.slice(1, match.headerRows[0])) {
    row.forEach((v, c) => {
      if (typeof v !== "string") return;
      if (/^填报单位/u.test(v)) row[c] = "填报单位：";
      else if (/^填报日期/u.test(v)) row[c] = "填报日期：　　　　年　　月　　日";
    });
  }
  const [h0] = match.headerRows;
  const h1 = match.headerRows[1];
  for (const c of t.columns) {
    const at = cols0.get(c.key);
    if (!at || at.length === 0 || c.key === t.extraNumericAs) continue;
    if (at.length > 1) top[h0][at[0]] = c.name; // a group over its annual sub-columns
    else if (h1 !== undefined && !isEmptyRow([top[h1][at[0]]])) top[h1][at[0]] = c.name;
    else top[h0][at[0]] = c.name;
  }
  for (const row of top) row.forEach((v, c) => { if (typeof v === "string") row[c] = fullWidth(v); });

  // the rows below: a 合计 row of sums where the template checks one, the sample's note
  let end = match.dataStart;
  while (end < sheet.rows.length && !isEmptyRow(sheet.rows[end])) end++;
  const hadTotal = sheet.rows.slice(match.dataStart, end).some((r) => r.some(isTotalLabel));
  const tail = sheet.rows.slice(end).map((r) => r.map((v) => (typeof v === "string" ? fullWidth(v) : v)));
  const first = match.dataStart + 1;
  const last = first + BLANK_ROWS - 1;
  const rows: CellValue[][] = [...top, ...Array.from({ length: BLANK_ROWS }, blankRow)];
  const columns = new Map([...cols0].map(([k, v]) => [k, v.map((c) => c + 1)] as const));
  const r = refs(columns, first, last);
  const rules = RULES[id](t, r);
  const formulas: BlankExtras["formulas"] = [];
  const validations: BlankValidation[] = [];
  const numFmts: BlankExtras["numFmts"] = [];
  const computed = new Set<string>();
  const range = (col: number, from = first, to = last) => `${L(col)}${from}:${L(col)}${to}`;
  for (const rule of rules) {
    const at = columns.get(rule.key) ?? [];
    const indices = rule.index !== undefined ? [rule.index] : at.map((_, i) => i);
    for (const i of indices) {
      const col = at[i];
      if (col === undefined) continue;
      if (rule.formula) {
        formulas.push({ range: range(col), formula: rule.formula });
        computed.add(rule.key);
      }
      if (rule.validation) validations.push({ range: range(col), ...rule.validation });
      if (rule.numFmt) numFmts.push({ range: range(col), format: rule.numFmt });
    }
  }
  let totalRow: number | undefined;
  if (hadTotal && TOTAL_KEYS[id]) {
    const total = blankRow();
    total[0] = "合计";
    rows.push(total);
    totalRow = last + 1;
    for (const key of TOTAL_KEYS[id]!) {
      const col = columns.get(key)?.[0];
      if (col === undefined) continue;
      formulas.push({ range: `${L(col)}${totalRow}`, formula: `SUM(${L(col)}${first}:${L(col)}${last})` });
    }
  }
  rows.push(...tail);
  const formulaNote = blankRow();
  formulaNote[0] = formulas.length > 0
    ? "说明：灰底列由公式自动计算，无须填写；选择或填写其他各列时，单元格提示填写要求及依据。"
    : "说明：选择或填写各列时，单元格提示填写要求及依据。";
  rows.push(formulaNote);

  const merges: MergeRange[] = (sheet.merges ?? []).filter((m) => m.bottom < match.dataStart);
  const snapshot: SheetSnapshot = { name: fullWidth(sheet.name), rows, merges };
  // a check that the blank is read as the sample is: the same template, the same columns
  const again = findHeader(snapshot, t);
  if (!again || !again.recognised || again.dataStart !== match.dataStart) throw new Error(`blank template ${id}: header not recognised`);
  for (const [k, v] of match.columns) {
    if (JSON.stringify(again.columns.get(k)) !== JSON.stringify(v)) throw new Error(`blank template ${id}: column ${k} moved`);
  }
  const headerRows = match.headerRows.map((x) => x + 1);
  return {
    id, template: t, snapshot, headerRows, firstRow: first, lastRow: last, widths: sample.widths,
    extras: { sheet: snapshot.name, firstRow: first, lastRow: last, totalRow, formulas, validations, numFmts },
    columns, computed: [...computed],
  };
}

/** Every registered template's blank, in registry order. */
export function blankSheets(): BlankSheet[] {
  return templates.map((t) => blankSheet(t.id));
}
