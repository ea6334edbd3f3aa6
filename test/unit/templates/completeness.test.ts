/**
 * Adding a template is one file and its table (issue 14; ESLint's checkRuleFiles): every
 * registered template has its test table (test/unit/templates/<id>.test.ts, running the shared
 * sample suites on its sample) and its sample (scripts/samples/<id>.ts, exporting `sample` with the
 * template's id); no test table or sample is left without a registered template.
 */
import * as fs from "fs";
import * as path from "path";
import { templateIds } from "../../../src/core/validate/templates";

const ROOT = path.resolve(__dirname, "../../..");
const TESTS = path.join(ROOT, "test/unit/templates");
const SAMPLES = path.join(ROOT, "scripts/samples");
/** files beside the tables and samples that are not a template's */
const SHARED = new Set(["blank.test.ts", "completeness.test.ts", "frame.ts", "types.ts"]);

/** What a registered template lacks: its missing test table or sample, each named. */
export function missingFiles(ids: readonly string[], testDir = TESTS, sampleDir = SAMPLES): string[] {
  const out: string[] = [];
  for (const id of ids) {
    const table = path.join(testDir, `${id}.test.ts`);
    if (!fs.existsSync(table)) out.push(`${id}: no test table ${path.relative(ROOT, table)}`);
    else if (!/describeSamples\(sample/.test(fs.readFileSync(table, "utf8"))) out.push(`${id}: its test table does not run describeSamples`);
    if (!fs.existsSync(path.join(sampleDir, `${id}.ts`))) out.push(`${id}: no sample scripts/samples/${id}.ts`);
  }
  return out;
}

test("every registered template has its test table and its sample", () => {
  expect(missingFiles(templateIds)).toEqual([]);
});

test("a registered template without a test table or sample fails", () => {
  expect(missingFiles([...templateIds, "seventh"])).toEqual([
    "seventh: no test table test/unit/templates/seventh.test.ts",
    "seventh: no sample scripts/samples/seventh.ts",
  ]);
});

test("each sample is the registered template's, and no table or sample is orphaned", () => {
  for (const id of templateIds) {
    const { sample } = require(path.join(SAMPLES, id)) as { sample: { id: string } };
    expect(sample.id).toBe(id);
  }
  const tables = fs.readdirSync(TESTS).filter((f) => !SHARED.has(f)).map((f) => f.replace(/\.test\.ts$/, ""));
  const samples = fs.readdirSync(SAMPLES).filter((f) => !SHARED.has(f)).map((f) => f.replace(/\.ts$/, ""));
  expect(tables.sort()).toEqual([...templateIds].sort());
  expect(samples.sort()).toEqual([...templateIds].sort());
});
