/**
 * Each example formula the 函数 tab inserts is run through the real custom function and compared
 * with its documented result. A range argument (B2:B11) is read from the example sheet below,
 * the cells a clerk would have filled; where README's function table shows the same formula, its
 * result there is this one too.
 */
import { readFileSync } from "fs";
import { join } from "path";
import * as functions from "../../../src/functions/functions";
import { FUNCTION_EXAMPLES } from "../../../src/taskpane/functionExamples";

const ROOT = join(__dirname, "../../..");
const SOURCE = readFileSync(join(ROOT, "src/functions/functions.ts"), "utf8");
const README = readFileSync(join(ROOT, "README.md"), "utf8");

/** The cells the range examples read: ten county composites (B2:B11), one department's five indicators (B2:F2). */
const SHEET: Record<string, unknown[][]> = {
  "B2:B11": [[905], [870], [842.5], [801], [760], [700], [655], [600], [599.5], [480]],
  "B2:F2": [[85, 72, 60, 91, 78]],
};

/** Each example's documented result (the value Excel shows, a spilled range as rows). */
const DOCUMENTED: Record<string, unknown> = {
  GRID_STAFFING: [[2, 50000, 25000, 25000]],
  GRID_PATROL_CHECK: "合格",
  TRIP_DAYS: 6,
  TRIP_CHECK: "合规",
  TRIP_APPROVER: "报市政府分管业务工作的领导、分管外事工作的副市长和市长审批（渝委发〔2005〕14号 （十二）5）",
  PETITION_SCORE: (85 / 95) * 100, // a B unit: 85 of its 95 points, on the 100 scale
  PETITION_COLLECTIVE: 16, // 20 − 2 (one provincial) − 2 (two city), as README’s (1, 0, 2) → 15
  PETITION_CASES: 12.5,
  PETITION_MAX: 7,
  EVAL_COMPOSITE: 810, // 820×60% + 760×30% + 800×10% + 20 − 10
  EVAL_BONUS: 30, // README’s (1, 1, 1) → 40 without the emergency award
  EVAL_DEDUCTION: 30,
  EVAL_GRADE: "合格",
  EVAL_GRADES: [["先进"], ["先进"], ["先进"], ["合格"], ["合格"], ["合格"], ["合格"], ["合格"], ["不合格"], ["不合格"]],
  EVAL_DEPT_GRADE: "合格",
};

/** custom function id → exported name and which parameters are ranges (any[][]) */
function declarations(): Map<string, { fn: string; matrix: boolean[] }> {
  const out = new Map<string, { fn: string; matrix: boolean[] }>();
  const re = /@customfunction\s+([A-Z_]+)[\s\S]*?export function (\w+)\(([^)]*)\)/g;
  for (const m of SOURCE.matchAll(re)) {
    const params = m[3].split(",").map((p) => p.trim()).filter(Boolean);
    out.set(m[1], { fn: m[2], matrix: params.map((p) => /\[\]\[\]/.test(p)) });
  }
  return out;
}

/** The arguments of `=GOV.X(a, "b", B2:B11)`: text, numbers, and ranges read from SHEET. */
function args(formula: string): unknown[] {
  const inner = /^=GOV\.[A-Z_]+\((.*)\)$/.exec(formula)?.[1];
  if (inner === undefined) throw new Error(`not a GOV formula: ${formula}`);
  return (inner.match(/"[^"]*"|[^,]+/g) ?? []).map((raw) => {
    const a = raw.trim();
    if (a.startsWith("\"")) return a.slice(1, -1);
    if (/^-?\d+(\.\d+)?$/.test(a)) return Number(a);
    if (a in SHEET) return SHEET[a];
    throw new Error(`${formula}: no cells for ${a}`);
  });
}

/** A result as README writes it: a row's values joined by " · ". */
const asWritten = (v: unknown) => (Array.isArray(v) ? v.map((r: unknown[]) => r.join(" · ")).join(" · ") : String(v));

describe("function examples", () => {
  const decl = declarations();
  test("every declared function has one, and a documented result", () => {
    expect([...decl.keys()].sort()).toEqual(Object.keys(FUNCTION_EXAMPLES).sort());
    expect(Object.keys(DOCUMENTED).sort()).toEqual(Object.keys(FUNCTION_EXAMPLES).sort());
  });

  test.each(Object.entries(FUNCTION_EXAMPLES))("%s: %s gives its documented result", (id, formula) => {
    const d = decl.get(id)!;
    const fn = (functions as unknown as Record<string, (...a: unknown[]) => unknown>)[d.fn];
    // a literal passed to a range parameter arrives as a 1×1 range, as Excel passes it
    const result = fn(...args(formula).map((a, i) => (d.matrix[i] && !Array.isArray(a) ? [[a]] : a)));
    expect(result).toEqual(DOCUMENTED[id]);
  });

  test("README shows the same result wherever it shows the same example", () => {
    let shown = 0;
    for (const [id, formula] of Object.entries(FUNCTION_EXAMPLES)) {
      const row = README.split("\n").find((l) => l.startsWith(`| \`${id}\` |`));
      expect(row).toBeDefined();
      if (!row!.includes(`\`${formula}\``)) continue;
      shown++;
      expect(row).toContain(`\`${formula}\` → \`${asWritten(DOCUMENTED[id])}\``);
    }
    expect(shown).toBeGreaterThanOrEqual(5);
  });
});
