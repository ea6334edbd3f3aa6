/**
 * validateWorkbook on random snapshots: random cell kinds, merged ranges, blank and duplicate
 * headers built from the real templates' column names. It never throws, and every finding is
 * well-formed (FindingSchema) with finite numbers.
 */
import fc from "fast-check";
import { validateWorkbook } from "../../../src/core/validate";
import { templates } from "../../../src/core/validate/templates";
import { FindingSchema } from "../../../src/core/validate/findings";
import type { MergeRange, SheetSnapshot } from "../../../src/core/validate/snapshot";
import type { CellValue } from "../../../src/core/input";
import { cellValue, runs } from "../../support/fuzz";

const headerWords = [...new Set(templates.flatMap((t) => t.columns.flatMap((c): readonly string[] => [c.name, ...("aliases" in c ? c.aliases : [])])))];

const header = fc.array(
  fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...headerWords) }, { weight: 1, arbitrary: fc.constantFrom("", null, "合计", "第一年", "第二年") }),
  { minLength: 1, maxLength: 14 },
);

const sheet: fc.Arbitrary<SheetSnapshot> = fc
  .record({
    name: fc.string({ minLength: 1, maxLength: 10 }),
    above: fc.array(fc.array(cellValue, { maxLength: 4 }), { maxLength: 5 }),
    header,
    body: fc.array(fc.array(cellValue, { maxLength: 14 }), { maxLength: 25 }),
    tail: fc.constantFrom<CellValue[][]>([], [["合计"]], [["注:以上数据截至年底"]], [["小计", 1, 2, 3]]),
    merges: fc.array(
      fc.record({ top: fc.nat(30), left: fc.nat(14), h: fc.nat(2), w: fc.nat(4) }),
      { maxLength: 4 },
    ),
  })
  .map(({ name, above, header, body, tail, merges }) => ({
    name,
    rows: [...above, header, ...body, ...tail.map((r) => [...r])] as CellValue[][],
    merges: merges.map(({ top, left, h, w }): MergeRange => ({ top, left, bottom: top + h, right: left + w })),
  }));

test("validateWorkbook never throws and every finding is well-formed", () => {
  fc.assert(
    fc.property(fc.array(sheet, { minLength: 1, maxLength: 3 }), (sheets) => {
      const result = validateWorkbook({ sheets });
      expect(result.sheets).toHaveLength(sheets.length);
      for (const f of result.findings) {
        expect(FindingSchema.safeParse(f).success).toBe(true);
        for (const v of [f.expected, f.actual]) if (typeof v === "number") expect(Number.isFinite(v)).toBe(true);
      }
    }),
    { numRuns: runs(300) },
  );
});
