/**
 * Check order and loop order cannot change results (issue 14): every registered template runs on
 * its own samples and on the bench's golden sheets (scaled, with noise) as declared, with its
 * checks shuffled, column-major (each check over every row before the next), and with the table
 * checks first; the findings must be identical each time.
 */
import { runValidation } from "../../../src/core/validate/engine";
import { templates } from "../../../src/core/validate/templates";
import type { SheetSnapshot } from "../../../src/core/validate/snapshot";
import { prng, scaled } from "../../bench/golden";
import type { TemplateSample } from "../../../scripts/samples/types";

/** A seeded Fisher–Yates permutation of 0..n-1. */
function shuffled(seed: number) {
  return (n: number): number[] => {
    const rnd = prng(seed);
    const out = [...Array(n).keys()];
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(rnd() * (i + 1));
      [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
  };
}

const sampleOf = (id: string) => (require(`../../../scripts/samples/${id}`) as { sample: TemplateSample }).sample;

describe.each(templates.map((t, i) => [t.id, i] as const))("%s", (id, i) => {
  const sample = sampleOf(id);
  const sheets: SheetSnapshot[] = [
    sample.clean(), sample.errors().sheet,
    scaled(sample.errors().sheet, id, 20, 0.05, 300 + i), scaled(sample.errors().sheet, id, 3, 0.3, 400 + i),
  ];
  const run = (schedule?: Parameters<typeof runValidation>[1]["schedule"]) =>
    runValidation({ sheets }, { templates, template: id, schedule }).findings;
  const declared = run();

  test("the samples have findings to compare (the test can fail)", () => {
    expect(declared.length).toBeGreaterThan(10);
    expect(new Set(declared.map((f) => f.check)).size).toBeGreaterThan(2);
  });
  test.each([1, 2, 3])("checks shuffled (seed %p): the same findings", (seed) => {
    expect(run({ order: shuffled(seed) })).toEqual(declared);
  });
  test("column-major loop, checks reversed: the same findings", () => {
    expect(run({ loop: "checks", order: (n) => [...Array(n).keys()].reverse() })).toEqual(declared);
  });
  test("table checks before row checks, column-major, shuffled: the same findings", () => {
    expect(run({ sheetFirst: true, loop: "checks", order: shuffled(7) })).toEqual(declared);
  });
});
