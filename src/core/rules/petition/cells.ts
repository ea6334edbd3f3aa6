/**
 * The petition rules over raw cell values, as the custom functions receive them (functions.md,
 * Shenzhen): coercion through core/input, then the pure computations of compute.ts. Parameter
 * names in messages are the Chinese names the clerk sees in the function's help.
 */
import { flatten, isBlank, toCategory, toChoice, toCount, toNumber, toYesNo } from "../../input/coerce";
import { CellError, isError } from "../../input/errors";
import { inputMessages as M } from "../../input/messages";
import { type Basis, type PetitionRuleset, type SectionNo, petitionRules } from "./data";
import {
  type CaseEvents, type CollectiveEvents, type SectionScores, casesScore, checkedSections, collectiveScore, fullMark,
  petitionScore, sectionMax, sectionOf,
} from "./compute";

/** `stated` (公布满分, default) or `items` (项目合计): the Decision (C 80/82). */
export function toBasis(v: unknown, rules: PetitionRuleset = petitionRules): Basis | CellError {
  return toChoice(v, "折算基数", {
    stated: ["stated", "公布", "公布满分", "规定满分"],
    items: ["items", "项目", "项目合计", "分项合计"],
  }, { blank: rules.basis.value });
}

/**
 * One number, or the two annual scores of a yearly section. Blank cells around a lone number are
 * ignored, but a blank beside a filled year in a two-cell range is refused, not dropped: on Excel
 * desktop it arrives as 0 and is averaged in, so dropping it on the web would give the web a better
 * score than the desktop for the same sheet.
 */
function annualScores(v: unknown, param: string): number[] | CellError {
  const cells = flatten(v);
  const values = cells.filter((x) => !isBlank(x));
  if (values.length === 0) return new CellError("required", param, M.required(param));
  if (cells.length === 2 && values.length === 1) {
    const year = isBlank(cells[0]) ? "第一年" : "第二年";
    return new CellError("required", param, M.required(`${param}${year}`));
  }
  const out = values.map((x) => toNumber(x, param));
  return out.find(isError) ?? (out as number[]);
}

/** PETITION_SCORE: the 百分制 score (PET-5, PET-6, PET-7). */
export function petitionScoreCells(
  category: unknown, leadership: unknown, grassroots: unknown, information: unknown,
  collective: unknown, cases: unknown, innovation: unknown, basis?: unknown,
  rules: PetitionRuleset = petitionRules,
): number | CellError {
  const cat = toCategory(category, "考核类别");
  if (isError(cat)) return cat;
  const one = (v: unknown, key: "leadership" | "grassroots" | "information" | "innovation") =>
    toNumber(v, sectionOf(key, rules).name);
  const s = {
    leadership: one(leadership, "leadership"),
    grassroots: one(grassroots, "grassroots"),
    information: one(information, "information"),
    collective: annualScores(collective, sectionOf("collective", rules).name),
    cases: annualScores(cases, sectionOf("cases", rules).name),
    innovation: one(innovation, "innovation"),
    basis: toBasis(basis, rules),
  };
  const bad = Object.values(s).find(isError);
  if (bad) return bad;
  const checked = checkedSections(cat, s as SectionScores, rules);
  return isError(checked) ? checked : petitionScore(cat, s as SectionScores, s.basis as Basis, rules);
}

/** PETITION_COLLECTIVE: section 四 for one year (PET-1, PET-2). */
export function petitionCollectiveCells(
  national: unknown, provincial: unknown, city: unknown, absentNational?: unknown, absentProvincial?: unknown,
  absentCity?: unknown, individualAbsent?: unknown, majorIncident?: unknown, rules: PetitionRuleset = petitionRules,
): number | CellError {
  const e = {
    national: toCount(national, "到国家机关集体上访起数"),
    provincial: toCount(provincial, "到省机关集体上访起数"),
    city: toCount(city, "到市机关集体上访起数"),
    absentNational: toCount(absentNational, "国家级负责人未到场起数", { blank: 0 }),
    absentProvincial: toCount(absentProvincial, "省级负责人未到场起数", { blank: 0 }),
    absentCity: toCount(absentCity, "市级负责人未到场起数", { blank: 0 }),
    individualAbsent: toCount(individualAbsent, "疑难个访负责人未到场起数", { blank: 0 }),
    majorIncident: toYesNo(majorIncident, "重大恶性事件"),
  };
  return Object.values(e).find(isError) ?? collectiveScore(e as CollectiveEvents, rules);
}

/** PETITION_CASES: section 五 for one year (PET-3). */
export function petitionCasesCells(
  overdue: unknown, reminders: unknown, substandard: unknown, unanswered: unknown, rules: PetitionRuleset = petitionRules,
): number | CellError {
  const e = {
    overdue: toCount(overdue, "逾期未办结件数"),
    reminders: toCount(reminders, "催办次数"),
    substandard: toCount(substandard, "办结未达要求件数"),
    unanswered: toCount(unanswered, "未按要求答复件数"),
  };
  return Object.values(e).find(isError) ?? casesScore(e as CaseEvents, rules);
}

/** A section given as 1–6, 一…六, or its name. */
export function toSection(v: unknown, rules: PetitionRuleset = petitionRules): SectionNo | CellError {
  const numerals = ["一", "二", "三", "四", "五", "六"];
  const choices = Object.fromEntries(rules.sections.map((s) => [
    // also 第三项 / 第3项 / (三), the ways the source and clerks name a section of 二
    String(s.no), [String(s.no), numerals[s.no - 1], s.name, s.key,
      `第${s.no}项`, `第${numerals[s.no - 1]}项`, `(${numerals[s.no - 1]})`],
  ])) as Record<string, string[]>;
  const no = toChoice(v, "考核项目", choices);
  return isError(no) ? no : (Number(no) as SectionNo);
}

/** PETITION_MAX: the section's maximum for the category; without a section, the full mark. */
export function petitionMaxCells(category: unknown, section?: unknown, basis?: unknown, rules: PetitionRuleset = petitionRules): number | CellError {
  const cat = toCategory(category, "考核类别");
  if (isError(cat)) return cat;
  const which = isBlank(section) ? toBasis(basis, rules) : toSection(section, rules);
  if (isError(which)) return which;
  return typeof which === "string" ? fullMark(cat, which, rules) : sectionMax(cat, which, rules);
}
