/**
 * Tests the BUILT custom functions the way Excel meets them: dist/functions.js is run in a fresh
 * VM context whose only Office global is a stub CustomFunctions, dist/functions.json is read as
 * Excel reads it, and every function is called through the id it was associated under, with the
 * arguments shaped as Excel passes them (null for an omitted optional argument, [[v]] for a single
 * value given to a range parameter). This is what catches a broken JSDoc, a missing associate, a
 * renamed id or a bundle that drags in React or ExcelJS — none of which the source-level tests see.
 */
import * as fs from "fs";
import * as vm from "vm";
import { makeCustomFunctionsStub, StubCustomFunctionsError } from "../support/custom-functions-stub";
import { BUILD_TIMEOUT_MS, dist, ensureBuilt } from "../support/build";
import { checkEmptyCase, emptyCellCases, outcome } from "./functions/emptyCells";

const CJK = /[\u3400-\u9fff]/;

/** The ids of functions.md, in its order. */
const IDS = [
  "GRID_STAFFING", "GRID_PATROL_CHECK",
  "TRIP_DAYS", "TRIP_CHECK", "TRIP_APPROVER",
  "PETITION_SCORE", "PETITION_COLLECTIVE", "PETITION_CASES", "PETITION_MAX",
  "EVAL_COMPOSITE", "EVAL_BONUS", "EVAL_DEDUCTION", "EVAL_GRADE", "EVAL_GRADES", "EVAL_DEPT_GRADE",
] as const;
type Id = (typeof IDS)[number];

interface ParamMeta {
  name: string;
  description?: string;
  type?: string;
  dimensionality?: "scalar" | "matrix";
  optional?: boolean;
}
interface FunctionMeta {
  id: string;
  name: string;
  description?: string;
  parameters: ParamMeta[];
  result?: { type?: string; dimensionality?: "scalar" | "matrix" };
  options?: Record<string, boolean>;
}

/** What a valid call must return: an exact value read off rules.md, or a shape. */
type Expect =
  | { value: unknown }
  | { matches: RegExp }
  | { type: "number" | "string" }
  | { matrix: [rows: number, cols: number]; each: RegExp | "number" };

interface Case {
  args: unknown[];
  expect: Expect;
  why: string;
}

/**
 * Valid calls, from the examples and rules of functions.md / rules.md. Values are those the rules
 * give by hand (e.g. 1800 households at 900 per post → 2 posts), so a function wired to the
 * wrong id, or a broken bundle, cannot pass.
 */
const VALID: Record<Id, Case[]> = {
  GRID_STAFFING: [
    { args: [1800, 5], expect: { value: [[2, 50000, 25000, 25000]] }, why: "GRID-1 ceil(1800/900), GRID-4 five-star ¥50,000 split 1:1" },
    { args: ["1,801户", "四星级", "posts"], expect: { value: [[3]] }, why: "GRID-1 rounds up; field selects one number" },
  ],
  GRID_PATROL_CHECK: [
    { args: [1, 3, 8], expect: { value: "合格" }, why: "GRID-5: once a day, 3/8 ≥ 1/3" },
    { args: [0, 1, 8], expect: { matches: /^不合格/ }, why: "GRID-5: no patrol, 1/8 < 1/3" },
  ],
  TRIP_DAYS: [
    { args: ["2024-03-01", "2024/3/6"], expect: { value: 6 }, why: "both ends counted" },
    { args: ["2024年2月28日", "2024-03-01"], expect: { value: 3 }, why: "leap year 2024" },
  ],
  TRIP_CHECK: [
    { args: ["考察", 5, 1, "2024-03-01", "2024-03-06", 1], expect: { value: "合规" }, why: "within TRIP-1…4" },
    { args: ["考察", 8, "日本、韩国、新加坡", "2024-03-01", "2024-03-12"], expect: { matches: /^需说明/ }, why: "TRIP-1, 3, 4 are warnings" },
    { args: ["考察", 5, 1, "2024-03-01", "2024-03-06", 1, null, null, "2024-05-01"], expect: { matches: /^违规/ }, why: "TRIP-7 report late" },
  ],
  TRIP_APPROVER: [
    { args: [1], expect: { matches: CJK }, why: "case 1 of clause (十二)" },
    { args: ["市政府部门正职"], expect: { matches: CJK }, why: "functions.md example name" },
  ],
  PETITION_SCORE: [
    { args: ["A", 18, 17, 13, 20, 15, 9], expect: { value: 92 }, why: "PET-6: A out of 100" },
    { args: ["C类", 16, 14, 7, 20, 15, 8], expect: { value: 100 }, why: "PET-6: C raw 80 of the stated 80" },
    { args: ["B", 18, 18, 14, [[20, 10]], [[15, 13]], 10], expect: { value: (89 / 95) * 100 }, why: "PET-5 averages 15 and 14: raw 89 of 95" },
  ],
  PETITION_COLLECTIVE: [
    { args: [1, 0, 2], expect: { value: 15 }, why: "PET-1: 20 − 3 − 2×1" },
    { args: [0, 0, 0, null, null, null, null, "是"], expect: { value: 0 }, why: "PET-2: major incident → 0" },
  ],
  PETITION_CASES: [{ args: [2, 1, 1, 2], expect: { value: 10.5 }, why: "PET-3: 15 − 2 − 0.5 − 1 − 1" }],
  PETITION_MAX: [
    { args: ["C"], expect: { value: 80 }, why: "stated full mark (三(四))" },
    { args: ["B", 3], expect: { value: 14 }, why: "section 三 for B" },
  ],
  EVAL_COMPOSITE: [
    { args: [800, 700, 900], expect: { value: 780 }, why: "EVAL-2: 480 + 210 + 90" },
    { args: [800, 700, [[800, 1000]], 20, -10], expect: { value: 790 }, why: "EVAL-3 internal 50/50, bonus and deduction" },
  ],
  EVAL_BONUS: [
    { args: [1, 1, 1], expect: { value: 40 }, why: "EVAL-4: 20 + 10 + 10" },
    { args: [3, 0, 0], expect: { value: 50 }, why: "EVAL-4: capped at 50" },
  ],
  EVAL_DEDUCTION: [
    { args: [0, 1, 1], expect: { value: 30 }, why: "EVAL-5: 20 + 10" },
    { args: [0, 0, 1, [[15]]], expect: { value: 25 }, why: "EVAL-5: sanction points added" },
  ],
  EVAL_GRADE: [
    { args: [600], expect: { value: "合格" }, why: "Decision (600): exactly 600 is qualified" },
    { args: [599.5], expect: { value: "不合格" }, why: "EVAL-6" },
    { args: [900, "是"], expect: { value: "不合格" }, why: "EVAL-6 veto" },
  ],
  EVAL_GRADES: [
    { args: [[[700], [650], [620], [500]]], expect: { matrix: [4, 1], each: /^(先进|合格|不合格|并列待定)$/ }, why: "EVAL-6/7 column" },
  ],
  EVAL_DEPT_GRADE: [
    { args: [[[80, 70, 90]], "是"], expect: { value: "合格" }, why: "EVAL-10" },
    { args: [[[80, 50]], "是"], expect: { value: "不合格" }, why: "EVAL-10: an indicator below 60" },
  ],
};

/** Bad calls: each must be #VALUE! with a Chinese message (functions.md, Input handling). */
const INVALID: Record<Id, unknown[][]> = {
  GRID_STAFFING: [[-3], [null], ["abc"], [1800, "七星"]],
  GRID_PATROL_CHECK: [["abc", 3, 8], [1, 3, 0]],
  TRIP_DAYS: [["2024-03-06", "not a date"], ["2024-03-06", "2024-03-01"]],
  TRIP_CHECK: [["旅游", 5, 1, "2024-03-01", "2024-03-06"], ["考察", -1, 1, "2024-03-01", "2024-03-06"]],
  TRIP_APPROVER: [[99], ["不存在的职务"]],
  PETITION_SCORE: [["D", 18, 17, 13, 20, 15, 9], ["C", 20, 14, 7, 20, 15, 8]],
  PETITION_COLLECTIVE: [[-1, 0, 0], ["x", 0, 0]],
  PETITION_CASES: [["x", 0, 0, 0], [-2, 0, 0, 0]],
  PETITION_MAX: [["D"], ["A", 7]],
  EVAL_COMPOSITE: [[1200, 700, 900], [800, "abc", 900]],
  EVAL_BONUS: [[-1, 0, 0], ["abc", 0, 0]],
  EVAL_DEDUCTION: [[0, 0, 0, [[5]]], ["abc", 0, 0]],
  EVAL_GRADE: [["abc"]],
  EVAL_GRADES: [[[["abc"]]]],
  EVAL_DEPT_GRADE: [[[[150]], "是"], [[[80]], "也许"]],
};

let metadata: FunctionMeta[];
let zhMetadata: FunctionMeta[];
let stub: ReturnType<typeof makeCustomFunctionsStub>;
let bundle: string;

beforeAll(() => {
  ensureBuilt();
  const raw = fs.readFileSync(dist("functions.json"), "utf8");
  metadata = (JSON.parse(raw) as { functions: FunctionMeta[] }).functions;
  zhMetadata = (JSON.parse(fs.readFileSync(dist("functions.zh-CN.json"), "utf8")) as { functions: FunctionMeta[] }).functions;
  bundle = fs.readFileSync(dist("functions.js"), "utf8");
  stub = makeCustomFunctionsStub();
  // a browser-like global with nothing but the CustomFunctions runtime (office.js defines it)
  const context: Record<string, unknown> = { CustomFunctions: stub, console };
  context.self = context;
  context.window = context;
  context.globalThis = context;
  vm.runInNewContext(bundle, vm.createContext(context), { filename: "dist/functions.js" });
}, BUILD_TIMEOUT_MS);

function meta(id: string): FunctionMeta {
  const m = metadata.find((f) => f.id === id);
  if (!m) throw new Error(`${id} is not in dist/functions.json`);
  return m;
}

/** Arguments as Excel passes them: one per declared parameter, null when omitted, [[v]] for ranges. */
function excelArgs(id: string, args: unknown[]): unknown[] {
  const params = meta(id).parameters;
  expect(args.length).toBeLessThanOrEqual(params.length);
  return params.map((p, i) => {
    const v = i < args.length ? args[i] : null;
    if (p.dimensionality === "matrix" && !Array.isArray(v)) return [[v]];
    return v;
  });
}

function call(id: string, args: unknown[]): unknown {
  const fn = stub.registry.get(id);
  if (!fn) throw new Error(`${id} was not associated`);
  return fn(...excelArgs(id, args));
}

/** Normalises values across the VM realm boundary (arrays made inside the bundle). */
function plain(v: unknown): unknown {
  return JSON.parse(JSON.stringify(v)) as unknown;
}

describe("dist/functions.json", () => {
  test("holds exactly the 15 ids of functions.md", () => {
    expect(metadata.map((f) => f.id).sort()).toEqual([...IDS].sort());
  });

  test("every function is associated by the built bundle", () => {
    expect([...stub.registry.keys()].sort()).toEqual(metadata.map((f) => f.id.toUpperCase()).sort());
  });

  test.each(IDS)("%s has an English description (the default locale) and every parameter a description", (id) => {
    const m = meta(id);
    expect(m.name).toBe(id);
    expect(m.description).toMatch(/^[A-Z][a-z]+ [a-z]/);
    for (const p of m.parameters) expect({ param: p.name, description: p.description ?? "" }).toEqual({ param: p.name, description: expect.stringMatching(/^[A-Z0-9(]/) });
    // none is volatile (functions.md): Excel would recompute it on every change in the workbook
    expect(m.options?.volatile ?? false).toBe(false);
  });

  test("GRID_STAFFING and EVAL_GRADES return ranges (declared matrix results)", () => {
    expect(meta("GRID_STAFFING").result?.dimensionality).toBe("matrix");
    expect(meta("EVAL_GRADES").result?.dimensionality).toBe("matrix");
  });
});

/**
 * Microsoft's naming rules for a function `name` (office-js-docs-pr docs/excel/custom-functions-naming.md):
 * starts with a letter, at least three characters, only Unicode letters, `_` and `.`; not a cell
 * address (A1…XFD1048576, R1C1…); not an Excel 4.0 macro or built-in function name in any language.
 * Every address, macro and built-in name is Latin (Chinese Excel keeps the English function names),
 * so a name of Han characters only can match none of them.
 */
const MS_NAME = /^\p{L}[\p{L}_.]{2,}$/u;
const HAN_ONLY = /^\p{Script=Han}+$/u;
const ADDRESS = /^([A-Z]{1,3}\d+|R\d*C\d*)$/i;

describe("dist/functions.zh-CN.json (the zh-CN override of the functions metadata)", () => {
  const zh = (id: string) => zhMetadata.find((f) => f.id === id) as FunctionMeta;

  test("the same ids, in the same order, as functions.json, and the same top-level options", () => {
    expect(zhMetadata.map((f) => f.id)).toEqual(metadata.map((f) => f.id));
    const top = (file: string) => Object.keys(JSON.parse(fs.readFileSync(dist(file), "utf8")) as object).sort();
    expect(top("functions.zh-CN.json")).toEqual(top("functions.json"));
  });

  test.each(IDS)("%s: parameters, optional flags, types, dimensionality, result and options match; names and descriptions are Chinese", (id) => {
    const en = meta(id);
    const z = zh(id);
    const shape = (f: FunctionMeta) => ({
      id: f.id, result: f.result, options: f.options,
      parameters: f.parameters.map((p) => ({ type: p.type, dimensionality: p.dimensionality, optional: p.optional })),
    });
    expect(shape(z)).toEqual(shape(en));
    expect(z.description).toMatch(CJK);
    for (const p of z.parameters) {
      expect({ p: p.name, ok: HAN_ONLY.test(p.name) }).toEqual({ p: p.name, ok: true });
      expect(p.description).toMatch(CJK);
    }
    expect(new Set(z.parameters.map((p) => p.name)).size).toBe(z.parameters.length);
  });

  test.each(IDS)("%s: the Chinese name obeys Microsoft's naming rules", (id) => {
    const name = zh(id).name;
    expect({ name, microsoftRules: MS_NAME.test(name), hanOnly: HAN_ONLY.test(name), address: ADDRESS.test(name) })
      .toEqual({ name, microsoftRules: true, hanOnly: true, address: false });
  });

  test("no two functions share a name, in either locale", () => {
    const zhNames = zhMetadata.map((f) => f.name);
    expect(new Set(zhNames).size).toBe(zhNames.length);
    expect(new Set([...zhNames, ...metadata.map((f) => f.name)]).size).toBe(zhNames.length * 2);
  });

  test("Chinese text uses full-width punctuation beside Chinese (chinese-text.md)", () => {
    const HALF = /[\u3400-\u9fff“”][,:;()!?]|[,:;()!?][\u3400-\u9fff“”]/u;
    for (const f of zhMetadata) {
      for (const text of [f.description ?? "", ...f.parameters.map((p) => p.description ?? "")]) {
        expect({ id: f.id, text, halfWidth: HALF.test(text) }).toEqual({ id: f.id, text, halfWidth: false });
      }
    }
  });
});

describe("dist/functions.js: empty cells as Excel desktop passes them (0) read as the web's null", () => {
  const cases = emptyCellCases();
  test.each(cases.map((c) => [c.id, c.param, c.where, c] as const))("%s %s (%s)", (id, _p, _w, c) => {
    const fn = stub.registry.get(id);
    if (!fn) throw new Error(`${id} was not associated`);
    checkEmptyCase(c, outcome(() => fn(...c.desktop)), outcome(() => fn(...c.web)));
  });
});

describe("dist/functions.js: Excel data types (allowCustomDataForDataTypeAny)", () => {
  test("functions.json allows custom data for type any, so data types do reach the functions", () => {
    expect((JSON.parse(fs.readFileSync(dist("functions.json"), "utf8")) as { allowCustomDataForDataTypeAny?: boolean }).allowCustomDataForDataTypeAny).toBe(true);
  });
  test("a formatted number, a string and a boolean are read by their basic value, also inside ranges", () => {
    const d = (basicValue: number) => ({ type: "Double", basicValue, numberFormat: "#,##0" });
    expect(plain(call("GRID_STAFFING", [d(1800), { type: "String", basicValue: "五星" }]))).toEqual([[2, 50000, 25000, 25000]]);
    expect(call("EVAL_DEPT_GRADE", [[[d(80), { type: "FormattedNumber", basicValue: 70, numberFormat: "0.0" }]], { type: "Boolean", basicValue: true }])).toBe("合格");
  });
  test("an image is a Chinese message naming the parameter, never [object Object]", () => {
    let message = "";
    try {
      call("GRID_STAFFING", [{ type: "WebImage", address: "https://example.invalid/a.png" }]);
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/^户数引用的单元格是图片/);
    expect(message).not.toContain("[object");
  });
});

describe("dist/functions.js: valid input", () => {
  const cases = IDS.flatMap((id) => VALID[id].map((c) => [id, c.why, c] as const));
  test.each(cases)("%s (%s)", (id, _why, c) => {
    let result: unknown;
    try {
      result = plain(call(id, c.args));
    } catch (e) {
      throw new Error(`${id}(${JSON.stringify(c.args)}) threw ${(e as Error).message}`);
    }
    const x = c.expect;
    if ("value" in x) {
      if (typeof x.value === "number") expect(result).toBeCloseTo(x.value, 6);
      else expect(result).toEqual(x.value);
    } else if ("matches" in x) {
      expect(typeof result).toBe("string");
      expect(result).toMatch(x.matches);
    } else if ("type" in x) {
      expect(typeof result).toBe(x.type);
    } else {
      const rows = result as unknown[][];
      expect([rows.length, rows[0]?.length]).toEqual(x.matrix);
      for (const row of rows) {
        for (const cell of row) {
          if (x.each === "number") expect(Number.isFinite(cell)).toBe(true);
          else expect(cell).toMatch(x.each);
        }
      }
    }
  });

  test("EVAL_GRADES: a composite below 600 is 不合格 (EVAL-6)", () => {
    const grades = plain(call("EVAL_GRADES", [[[700], [650], [620], [500]]])) as string[][];
    expect(grades[3][0]).toBe("不合格");
  });
});

describe("dist/functions.js: bad input is #VALUE! with a Chinese message", () => {
  const cases = IDS.flatMap((id) => INVALID[id].map((args) => [id, JSON.stringify(args), args] as const));
  test.each(cases)("%s(%s)", (id, _shown, args) => {
    let thrown: unknown = undefined;
    let result: unknown;
    try {
      result = call(id, args);
    } catch (e) {
      thrown = e;
    }
    expect({ returned: result, threw: thrown instanceof StubCustomFunctionsError }).toEqual({ returned: undefined, threw: true });
    const err = thrown as StubCustomFunctionsError;
    expect(err.code).toBe("#VALUE!");
    expect(err.message).toMatch(CJK);
  });
});

describe("built bundles", () => {
  // part names only ExcelJS writes into code (the xlsx package layout)
  const EXCELJS = /xl\/workbook\.xml|xl\/sharedStrings\.xml|docProps\/app\.xml/;
  const OWN = /^(functions|taskpane)(\.[0-9a-f]{8})?\.js$|^[\w-]+\.[0-9a-f]{8}\.js$/;
  const ownBundles = () => fs.readdirSync(dist()).filter((f) => OWN.test(f));

  test("no eval in any bundle we build (CSP script-src 'self')", () => {
    expect(ownBundles()).toEqual(expect.arrayContaining(["functions.js", "taskpane.js"]));
    for (const f of ownBundles()) {
      const code = fs.readFileSync(dist(f), "utf8");
      expect({ f, evalCalls: /(^|[^\w.$])eval\(/.test(code) }).toEqual({ f, evalCalls: false });
    }
  });

  test("functions.js stays small: no React, no ExcelJS", () => {
    expect(bundle).not.toMatch(/react\.(transitional\.)?element|__CLIENT_INTERNALS|ReactDOM/);
    expect(bundle).not.toMatch(EXCELJS);
    expect(Buffer.byteLength(bundle)).toBeLessThan(300 * 1024);
  });

  test("ExcelJS, when the pane uses it, is in its own lazily loaded chunk, not in an entry", () => {
    const pane = fs.readFileSync(dist("taskpane.js"), "utf8");
    expect(pane).not.toMatch(EXCELJS);
  });

  test("taskpane.html: office.js first (Microsoft's CDN, else our copy: office-loader.js), then functions.js, then taskpane.js, under a strict CSP", () => {
    const html = fs.readFileSync(dist("taskpane.html"), "utf8");
    const scripts = [...html.matchAll(/<script\b[^>]*\bsrc=["']?([^"' >]+)/g)].map((m) => m[1]);
    expect(scripts.map((s) => s.replace(/^\.\//, ""))).toEqual(["office-loader.js", "functions.js", "taskpane.js"]);
    const csp = /http-equiv=["']?Content-Security-Policy["']?\s+content="([^"]+)"/i.exec(html)?.[1] ?? "";
    // exactly the office.js CDN and the MicrosoftAjax.js host of office.js's older Windows host files
    expect(csp).toMatch(/script-src 'self' https:\/\/appsforoffice\.microsoft\.com https:\/\/ajax\.aspnetcdn\.com(;|$)/);
    expect(csp).not.toMatch(/unsafe-eval/);
    // the loader writes the CDN script, then the fallback, which writes our own copy (test/e2e/officejs.e2e.test.ts runs both)
    expect(fs.readFileSync(dist("office-loader.js"), "utf8")).toContain("https://appsforoffice.microsoft.com/lib/1/hosted/office.js");
    expect(fs.readFileSync(dist("office-fallback.js"), "utf8")).toMatch(/src="office\.js"/);
    for (const f of ["office.js", "o15apptofilemappingtable.js", "zh-cn/office_strings.js", "en-us/office_strings.js"]) {
      expect({ f, copied: fs.existsSync(dist(f)) }).toEqual({ f, copied: true });
    }
  });
});
