/**
 * A document's rule table (rules.md): each rule id with the clause it is read off and a short
 * title. Checks cite a rule by id; the finding's clause is the table's, never a limit's borrowed
 * for the occasion. Tables are zod-checked when loaded, like the rulesets.
 */
import { z } from "zod";
import { citation } from "./ruleset";

export const RuleEntry = z.object({
  /** clause of the source document, e.g. "三(四)"; empty for the document as a whole */
  clause: z.string(),
  /** other clauses the rule is read off, which a check may cite instead (PET-6: the lists of 一) */
  also: z.array(z.string().min(1)).optional(),
  /** what the rule says, in a line */
  title: z.string().min(1),
});
export type RuleEntry = z.infer<typeof RuleEntry>;

export interface RuleTable {
  /** the source document, e.g. "深办〔2003〕36号" */
  readonly document: string;
  readonly rules: Readonly<Record<string, RuleEntry>>;
}

const RuleTableSchema = z.object({
  document: z.string().min(1),
  rules: z.record(z.string().regex(/^[A-Z]+(-[A-Z0-9]+)*$/), RuleEntry),
});

/** Parses a rule table; a malformed one fails loudly at load time. */
export function ruleTable(document: string, rules: Record<string, RuleEntry>): RuleTable {
  const r = RuleTableSchema.safeParse({ document, rules });
  if (!r.success) throw new Error(`规则表无效：${r.error.issues.map((i) => `${i.path.join(".")}：${i.message}`).join("；")}`);
  return Object.freeze({ document, rules: Object.freeze(r.data.rules) });
}

/**
 * The full citation of rule `id` (`深办〔2003〕36号 三(四)`), or of its clause `clause` when the
 * rule lists it; throws for an id or a clause the table lacks.
 */
export function ruleClause(table: RuleTable, id: string, clause?: string): string {
  const e = table.rules[id];
  if (!e) throw new Error(`规则表“${table.document}”没有规则 ${id}`);
  const c = clause ?? e.clause;
  if (c !== e.clause && !(e.also ?? []).includes(c)) throw new Error(`规则 ${id} 不引用条款 ${c}`);
  return c === "" ? table.document : citation(table.document, c);
}
