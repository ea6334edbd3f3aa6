/**
 * The petition rules over raw cell values, as the custom functions receive them (functions.md,
 * Shenzhen): coercion through core/input, then the pure computations of compute.ts. Parameter
 * names in messages are the Chinese names the clerk sees in the function's help.
 */
import { flatten, isBlank, toCategory, toChoice, toCount, toNumber, toYesNo } from "../../input/coerce";
import { must } from "../../input/errors";
import { InputError } from "../../input/errors";
import { inputMessages as M } from "../../input/messages";
import { type Basis, type PetitionRuleset, type SectionNo, petitionRules } from "./data";
import { casesScore, collectiveScore, fullMark, petitionScore, sectionMax, sectionOf } from "./compute";

/** `stated` (公布满分, default) or `items` (项目合计): the Decision (C 80/82). */
export function toBasis(v: unknown, rules: PetitionRuleset = petitionRules): Basis {
  return must(toChoice(v, "折算基数", {
    stated: ["stated", "公布", "公布满分", "规定满分"],
    items: ["items", "项目", "项目合计", "分项合计"],
  }, { blank: rules.basis.value }));
}

/**
 * One number, or the two annual scores of a yearly section. Blank cells around a lone number are
 * ignored, but a blank beside a filled year in a two-cell range is refused, not dropped: on Excel
 * desktop it arrives as 0 and is averaged in, so dropping it on the web would give the web a better
 * score than the desktop for the same sheet.
 */
function annualScores(v: unknown, param: string): number[] {
  const cells = flatten(v);
  const values = cells.filter((x) => !isBlank(x));
  if (values.length === 0) throw new InputError("required", param, M.required(param));
  if (cells.length === 2 && values.length === 1) {
    const year = isBlank(cells[0]) ? "第一年" : "第二年";
    throw new InputError("required", param, M.required(`${param}${year}`));
  }
  return values.map((x) => must(toNumber(x, param)));
}

/** PETITION_SCORE: the 百分制 score (PET-5, PET-6, PET-7). */
export function petitionScoreCells(
  category: unknown, leadership: unknown, grassroots: unknown, information: unknown,
  collective: unknown, cases: unknown, innovation: unknown, basis?: unknown,
  rules: PetitionRuleset = petitionRules,
): number {
  const cat = must(toCategory(category, "考核类别"));
  const one = (v: unknown, key: "leadership" | "grassroots" | "information" | "innovation") =>
    must(toNumber(v, sectionOf(key, rules).name));
  return petitionScore(cat, {
    leadership: one(leadership, "leadership"),
    grassroots: one(grassroots, "grassroots"),
    information: one(information, "information"),
    collective: annualScores(collective, sectionOf("collective", rules).name),
    cases: annualScores(cases, sectionOf("cases", rules).name),
    innovation: one(innovation, "innovation"),
  }, toBasis(basis, rules), rules);
}

/** PETITION_COLLECTIVE: section 四 for one year (PET-1, PET-2). */
export function petitionCollectiveCells(
  national: unknown, provincial: unknown, city: unknown, absentNational?: unknown, absentProvincial?: unknown,
  absentCity?: unknown, individualAbsent?: unknown, majorIncident?: unknown, rules: PetitionRuleset = petitionRules,
): number {
  return collectiveScore({
    national: must(toCount(national, "到国家机关集体上访起数")),
    provincial: must(toCount(provincial, "到省机关集体上访起数")),
    city: must(toCount(city, "到市机关集体上访起数")),
    absentNational: must(toCount(absentNational, "国家级负责人未到场起数", { blank: 0 })),
    absentProvincial: must(toCount(absentProvincial, "省级负责人未到场起数", { blank: 0 })),
    absentCity: must(toCount(absentCity, "市级负责人未到场起数", { blank: 0 })),
    individualAbsent: must(toCount(individualAbsent, "疑难个访负责人未到场起数", { blank: 0 })),
    majorIncident: must(toYesNo(majorIncident, "重大恶性事件")),
  }, rules);
}

/** PETITION_CASES: section 五 for one year (PET-3). */
export function petitionCasesCells(
  overdue: unknown, reminders: unknown, substandard: unknown, unanswered: unknown, rules: PetitionRuleset = petitionRules,
): number {
  return casesScore({
    overdue: must(toCount(overdue, "逾期未办结件数")),
    reminders: must(toCount(reminders, "催办次数")),
    substandard: must(toCount(substandard, "办结未达要求件数")),
    unanswered: must(toCount(unanswered, "未按要求答复件数")),
  }, rules);
}

/** A section given as 1–6, 一…六, or its name. */
export function toSection(v: unknown, rules: PetitionRuleset = petitionRules): SectionNo {
  const numerals = ["一", "二", "三", "四", "五", "六"];
  const choices = Object.fromEntries(rules.sections.map((s) => [
    // also 第三项 / 第3项 / (三), the ways the source and clerks name a section of 二
    String(s.no), [String(s.no), numerals[s.no - 1], s.name, s.key,
      `第${s.no}项`, `第${numerals[s.no - 1]}项`, `(${numerals[s.no - 1]})`],
  ])) as Record<string, string[]>;
  return Number(must(toChoice(v, "考核项目", choices))) as SectionNo;
}

/** PETITION_MAX: the section's maximum for the category; without a section, the full mark. */
export function petitionMaxCells(category: unknown, section?: unknown, basis?: unknown, rules: PetitionRuleset = petitionRules): number {
  const cat = must(toCategory(category, "考核类别"));
  if (isBlank(section)) return fullMark(cat, toBasis(basis, rules), rules);
  return sectionMax(cat, toSection(section, rules), rules);
}
