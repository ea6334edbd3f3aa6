/**
 * The suites every template test shares: its check metadata cites the template's document, its
 * clean sample is recognised (among ALL templates) with no error, and every planted error of its
 * errors sample is found at its cell with its rule and severity.
 */
import { validateWorkbook } from "../../src/core/validate";
import { FindingSchema, type Finding } from "../../src/core/validate/findings";
import type { TemplateDef } from "../../src/core/validate/template";
import { ruleClause } from "../../src/core/rules/ruleTable";
import type { TemplateSample } from "../../scripts/samples/types";

export const hits = (findings: readonly Finding[]) => findings.map((f) => `${f.cell} ${f.rule} ${f.severity}`);
/** As hits, with the check and message ids: "F2 GRID-1 posts-short/short warning" (a rule id is often shared by several checks). */
export const checkHits = (findings: readonly Finding[]) => findings.map((f) => `${f.cell} ${f.rule} ${f.check}/${f.messageId} ${f.severity}`);

export function validateSheets(...sheets: Parameters<typeof validateWorkbook>[0]["sheets"]) {
  const result = validateWorkbook({ sheets });
  for (const f of result.findings) expect(FindingSchema.safeParse(f).success).toBe(true);
  return result;
}

export function describeCheckMetadata(template: TemplateDef, rulePattern: RegExp): void {
  describe("check metadata", () => {
    test("every check cites the document's clause, a rule id and a Chinese description; ids unique", () => {
      const ids = template.checks.map((c) => c.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const c of template.checks) {
        // the rule is in the template's rule table, and a named clause is one of that rule's
        expect(template.rules.document).toBe(template.document);
        expect(Object.keys(template.rules.rules)).toContain(c.rule);
        expect(ruleClause(template.rules, c.rule, c.clause).startsWith(template.document)).toBe(true);
        expect(c.rule).toMatch(rulePattern);
        expect(c.description).toMatch(/[\u4e00-\u9fff]/u);
      }
    });
  });
}

export interface SampleExpectations {
  /** data rows of the clean sample */
  rows: number;
  /** 1-based header row of the clean sample */
  headerRow?: number;
  /** the only findings the clean sample may have ("F8 TRIP-1 info"); default none */
  cleanFindings?: string[];
  /** the errors sample reports nothing beyond its planted list */
  exact?: boolean;
}

export function describeSamples(sample: TemplateSample, want: SampleExpectations): void {
  describe("samples", () => {
    test("the clean sample is recognised among all templates and has only the expected findings", () => {
      const res = validateSheets(sample.clean());
      expect(res.sheets[0]).toMatchObject({ template: sample.id, rows: want.rows, ...(want.headerRow ? { headerRow: want.headerRow } : {}) });
      expect(hits(res.findings)).toEqual(want.cleanFindings ?? []);
    });
    test("every planted error is found at its cell with its rule and severity", () => {
      const { sheet, planted } = sample.errors();
      const found = validateSheets(sheet).findings;
      expect(planted.length).toBeGreaterThanOrEqual(6);
      for (const p of planted) {
        expect(found).toContainEqual(expect.objectContaining({ cell: p.cell, rule: p.rule, severity: p.severity }));
      }
      if (want.exact) expect(found.filter((f) => !planted.some((p) => p.cell === f.cell && p.rule === f.rule))).toEqual([]);
    });
  });
}
