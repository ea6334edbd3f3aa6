/**
 * Calls per second of each custom function, with the arguments of its 插入 example
 * (src/taskpane/functionExamples.ts) passed as Excel passes them: literals as scalars, a matrix
 * parameter (functions.json dimensionality) as a 2-D array, the example's ranges as columns or
 * rows of plausible values. Each call is checked to return a value, not an error.
 */
import * as fs from "fs";
import * as path from "path";
import "../support/custom-functions-stub";
import * as fns from "../../src/functions/functions";
import { FUNCTION_EXAMPLES } from "../../src/taskpane/functionExamples";

interface Meta {
  id: string;
  parameters: { name: string; dimensionality?: string }[];
}

/** Values for the example's range references (EVAL_GRADES(B2:B11), EVAL_DEPT_GRADE(B2:F2)). */
const RANGES: Record<string, unknown[][]> = {
  "B2:B11": [[912], [880.5], [861], [840], [812.25], [790], [760], [733], [701.5], [640]],
  "B2:F2": [[92, 88, 95, 79, 90]],
};

/** "=GOV.X(1, \"a\", B2:B11)" → [1, "a", [[...]]] */
export function parseExampleArgs(formula: string): unknown[] {
  const inner = /\((.*)\)\s*$/.exec(formula)?.[1] ?? "";
  const out: unknown[] = [];
  const re = /\s*("(?:[^"]|"")*"|[^,]+)\s*(?:,|$)/g;
  for (const m of inner.matchAll(re)) {
    const t = m[1].trim();
    if (t === "") continue;
    if (t.startsWith('"')) out.push(t.slice(1, -1).replace(/""/g, '"'));
    else if (RANGES[t]) out.push(RANGES[t]);
    else if (!Number.isNaN(Number(t))) out.push(Number(t));
    else throw new Error(`bench: cannot read argument ${t} of ${formula}`);
  }
  return out;
}

/** custom-function id → exported implementation, from the @customfunction tags of functions.ts. */
export function functionTable(): Map<string, (...a: unknown[]) => unknown> {
  const src = fs.readFileSync(path.resolve(__dirname, "../../src/functions/functions.ts"), "utf8");
  const table = new Map<string, (...a: unknown[]) => unknown>();
  const exported = fns as unknown as Record<string, unknown>;
  for (const m of src.matchAll(/@customfunction\s+(\w+)[\s\S]*?export function (\w+)/g)) {
    const f = exported[m[2]];
    if (typeof f === "function") table.set(m[1], f as (...a: unknown[]) => unknown);
  }
  return table;
}

export interface FunctionRate {
  id: string;
  callsPerSecond: number | null;
  result: string;
  reason?: string;
}

export function measureFunctions(metaFile: string, millisPerFunction: number): FunctionRate[] {
  const meta: Meta[] = JSON.parse(fs.readFileSync(metaFile, "utf8")).functions;
  const table = functionTable();
  const ErrorClass = (globalThis as unknown as { CustomFunctions: { Error: new (...a: unknown[]) => Error } }).CustomFunctions.Error;
  return meta.map((m) => {
    const fn = table.get(m.id);
    const example = FUNCTION_EXAMPLES[m.id];
    if (!fn || !example) return { id: m.id, callsPerSecond: null, result: "", reason: !fn ? "no implementation found" : "no example" };
    const args = parseExampleArgs(example).map((a, i) =>
      (m.parameters[i]?.dimensionality === "matrix" && !Array.isArray(a) ? [[a]] : a));
    let result: unknown;
    try {
      result = fn(...args);
    } catch (e) {
      return { id: m.id, callsPerSecond: null, result: "", reason: `example throws: ${(e as Error).message}` };
    }
    if (result instanceof ErrorClass) return { id: m.id, callsPerSecond: null, result: "", reason: `example returns ${result.message}` };
    // warm up, then count calls in a fixed time window, checking the clock every 256 calls
    for (let i = 0; i < 2000; i++) fn(...args);
    let calls = 0;
    const start = process.hrtime.bigint();
    const budget = BigInt(millisPerFunction) * 1_000_000n;
    let elapsed = 0n;
    while (elapsed < budget) {
      for (let i = 0; i < 256; i++) fn(...args);
      calls += 256;
      elapsed = process.hrtime.bigint() - start;
    }
    return { id: m.id, callsPerSecond: Math.round(calls / (Number(elapsed) / 1e9)), result: JSON.stringify(result).slice(0, 60) };
  });
}
