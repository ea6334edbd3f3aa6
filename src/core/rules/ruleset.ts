/**
 * Conventions shared by the four rulesets. Every number taken from a source document lives once,
 * in ruleset data, as a `Limit`: its value, the rule id of rules.md and the clause of the
 * document. Rulesets are validated with zod when loaded, so an office that overrides a value
 * (or switches a Decision) cannot load a malformed one.
 */
import { z } from "zod";

// The pane and the functions run under a Content-Security-Policy without 'unsafe-eval': tell zod
// not to probe for eval-based fast paths (the probe is caught, but logs a CSP violation).
z.config({ jitless: true });

export const Cite = z.object({
  /** rule id in rules.md, e.g. "GRID-1" */
  rule: z.string().regex(/^[A-Z]+-\d+$/),
  /** clause of the source document, e.g. "三(三)" */
  clause: z.string().min(1),
});
export type Cite = z.infer<typeof Cite>;

/** A number from the source with where it comes from. */
export const Limit = Cite.extend({ value: z.number().finite() });
export type Limit = z.infer<typeof Limit>;

/** A Decision of rules.md: which reading is in force, the alternatives, and why. */
export function decision<T extends readonly [string, ...string[]]>(choices: T) {
  return z.object({
    value: z.enum(choices),
    rule: z.string(),
    /** the reasoning, shown in docs and rule metadata */
    note: z.string().min(1),
  });
}

/** `渝委发〔2005〕14号 (八)` — how a finding cites its clause (rules.md, conventions). */
export function citation(document: string, clause: string): string {
  // GB/T 15834: a clause as a person reads it takes full-width brackets (二（四）1); the data keeps its ids
  return `${document} ${clause.replace(/\(/g, "（").replace(/\)/g, "）")}`;
}

/** A check's `rule` and full `clause` from the ruleset entry it enforces: `...cites(DOC, rs.bonus.cap)`. */
export function cites(document: string, c: Cite): { rule: string; clause: string } {
  return { rule: c.rule, clause: citation(document, c.clause) };
}

/** Parses ruleset data with its schema; a malformed override fails loudly at load time. */
export function loadRuleset<S extends z.ZodType>(schema: S, data: unknown): z.infer<S> {
  const r = schema.safeParse(data);
  if (!r.success) {
    throw new Error(`规则集数据无效: ${r.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  }
  return r.data;
}
