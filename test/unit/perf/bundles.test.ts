/**
 * Issue 5, structure not clock: what each entry loads eagerly decides its first-load size. The
 * custom functions run in Excel's shared runtime on every recalculation start: no React, no
 * Fluent UI, no ExcelJS. The pane's first chunk must not carry ExcelJS: it is loaded on demand
 * (dynamic import), when the clerk opens a file. Read from the sources' import graph, no build
 * (test/unit/dist.test.ts checks the built bundles).
 */
import * as path from "path";
import { eagerPackages, staticImports } from "./importGraph";

const ROOT = path.resolve(__dirname, "../../..");
const at = (p: string) => path.join(ROOT, p);
const HEAVY_FOR_FUNCTIONS = ["react", "react-dom", "@fluentui/react-components", "exceljs"];

describe("import graph reader", () => {
  test.each([
    ['import { a } from "./a";', ["./a"]],
    ['import type { A } from "exceljs";', []],
    ['import { type A, type B } from "exceljs";', []],
    ['import { type A, b } from "exceljs";', ["exceljs"]],
    ['export { x } from "../x";', ["../x"]],
    ['export type { X } from "react";', []],
    ['import "./side-effect";', ["./side-effect"]],
    ['const m = await import("exceljs");', []],
  ])("%s", (code, expected) => {
    expect(staticImports(code)).toEqual(expected);
  });
});

describe("functions bundle", () => {
  const pkgs = eagerPackages(at("src/functions/functions.ts"));

  test("reaches the core only: no React, no Fluent UI, no ExcelJS", () => {
    for (const heavy of HEAVY_FOR_FUNCTIONS) {
      expect({ heavy, chain: pkgs.get(heavy) ?? null }).toEqual({ heavy, chain: null });
    }
  });
});

describe("task pane first chunk", () => {
  const pkgs = eagerPackages(at("src/taskpane/index.tsx"));

  test("does not import ExcelJS eagerly (it is a lazily loaded chunk)", () => {
    expect({ chain: pkgs.get("exceljs") ?? null }).toEqual({ chain: null });
  });

  test("does not import zod eagerly: the validator and its schemas are a lazily loaded chunk (first load ≤ 200 KB, budgets.test.ts)", () => {
    expect({ chain: pkgs.get("zod") ?? null }).toEqual({ chain: null });
  });

  test("the walk does reach the pane's own packages (the guard is not vacuous)", () => {
    expect(pkgs.has("react")).toBe(true);
  });
});
