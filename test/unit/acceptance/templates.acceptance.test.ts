/**
 * @jest-environment node
 */
/**
 * Acceptance: the six templates on real-office layouts nobody tuned the validator for
 * (test/fixtures/acceptance). Clean twin → no error finding (every warning/info listed and
 * justified); dirty twin → every planted error found at its cell with its rule; no error on a row
 * nothing was planted in.
 */
import { FindingSchema, validateWorkbook, type Finding } from "../../../src/core/validate";
import { build, type Case, expectedOf, snapshotOf } from "../../fixtures/acceptance/build";
import { join } from "path";
import { agreesTyped, roundedAs } from "../../../src/core/validate/agree";
import { readWorkbookFile } from "../../../src/xlsx/read";
import { ACCEPTANCE_FILES, workbooks } from "../../fixtures/acceptance/workbooks";

const key = (f: { cell: string; rule: string; severity: string }) => `${f.cell} ${f.rule} ${f.severity}`;

function sheetFindings(findings: Finding[], sheet: string): Finding[] {
  return findings.filter((f) => f.sheet === sheet);
}

describe.each(workbooks.map((wb) => [wb.file, wb] as const))("%s", (_file, wb) => {
  const clean = validateWorkbook(snapshotOf(wb, false));
  const dirty = validateWorkbook(snapshotOf(wb, true));

  test("every finding is a valid Finding", () => {
    for (const f of [...clean.findings, ...dirty.findings]) expect(FindingSchema.parse(f)).toEqual(f);
  });

  test("each sheet is recognised as its template, the others reported as unrecognised (info)", () => {
    const want = [...wb.cases.map((c) => [c.layout.sheet, c.layout.template]), ...(wb.other ?? []).map((s) => [s.name, null])];
    expect(clean.sheets.map((s) => [s.sheet, s.template])).toEqual(want);
    for (const s of wb.other ?? []) {
      const fs = sheetFindings(clean.findings, s.name);
      expect(fs.map((f) => [f.cell, f.rule, f.severity])).toEqual([["A1", "TEMPLATE", "info"]]);
    }
  });

  test.each(wb.cases.map((c) => [c.layout.sheet, c] as const))("clean %s: no error; only the listed warnings/infos", (sheet, c: Case) => {
    const fs = sheetFindings(clean.findings, sheet);
    const res = clean.sheets.find((s) => s.sheet === sheet)!;
    const data = c.layout.rows.filter((r) => r && typeof r._total !== "string").length;
    expect(res.rows).toBe(data);
    const notes = (c.cleanNotes?.(build(c.layout)) ?? []).map(key).sort();
    expect(fs.map((f) => `${key(f)} ${f.message}`).filter((k) => !notes.includes(k.split(" ").slice(0, 3).join(" ")))).toEqual([]);
    expect(fs.map(key).sort()).toEqual(notes);
  });

  test.each(wb.cases.map((c) => [c.layout.sheet, c] as const))("dirty %s: every planted error found at its cell", (sheet, c: Case) => {
    const fs = sheetFindings(dirty.findings, sheet);
    const got = new Set(fs.map(key));
    const missing = expectedOf(c).filter((e) => !got.has(key(e)));
    expect({ missing, got: fs.map((f) => `${key(f)} ${f.message}`) }).toEqual({ missing: [], got: expect.anything() });
  });

  test.each(wb.cases.map((c) => [c.layout.sheet, c] as const))("dirty %s: no error on a row without a plant", (sheet, c: Case) => {
    const b = build(c.layout);
    const planted = new Set(c.plants.map((p) => b.rowNumbers[p.row]));
    const stray = sheetFindings(dirty.findings, sheet).filter((f) => f.severity === "error" && !planted.has(f.row));
    expect(stray.map((f) => `${key(f)} ${f.message}`)).toEqual([]);
  });
});

describe("the same workbooks as real .xlsx files (scripts/make-acceptance-fixtures.ts)", () => {
  const strip = (fs: Finding[]) => fs.map(({ file: _file, ...rest }) => rest);
  test.each(workbooks.flatMap((wb) => [[wb.file, "clean", wb], [wb.file, "dirty", wb]] as const))(
    "%s (%s): reading the .xlsx and validating gives the snapshot's findings",
    async (_file, which, wb) => {
      const dirty = which === "dirty";
      const path = join(__dirname, "..", "..", "fixtures", "acceptance", `${ACCEPTANCE_FILES[wb.file]}${dirty ? "-dirty" : ""}.xlsx`);
      const read = await readWorkbookFile(path);
      const fromFile = validateWorkbook(read);
      const fromSnapshot = validateWorkbook(snapshotOf(wb, dirty));
      expect(fromFile.sheets).toEqual(fromSnapshot.sheets);
      expect(strip(fromFile.findings)).toEqual(strip(fromSnapshot.findings));
    },
  );
});

describe("agree.ts: the 0.01-after-typed-rounding rule of templates.md, shared by every template", () => {
  test.each([
    [84.21, 84.21, (80 / 95) * 100, true], // clerks type two decimals
    ["84.21", 84.21, (80 / 95) * 100, true],
    [84.2, 84.2, (80 / 95) * 100, true], // one decimal typed: 84.2105… rounds to 84.2
    [84.22, 84.22, (80 / 95) * 100, false],
    [84, 84, (80 / 95) * 100, true],
    [85, 85, (80 / 95) * 100, false],
    [30000, 30000, 30000, true],
    [30000.01, 30000.01, 30000, false],
  ] as const)("typed %p agrees with %p? (recomputed %p) → %p", (raw, typed, recomputed, want) => {
    expect(agreesTyped(raw, typed, recomputed)).toBe(want);
  });
  test("roundedAs shows at least two decimals", () => {
    expect(roundedAs(84, (80 / 95) * 100)).toBe(84.21);
    expect(roundedAs("84.2105", (80 / 95) * 100)).toBe(84.2105);
  });
});
