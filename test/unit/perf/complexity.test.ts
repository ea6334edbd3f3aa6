/**
 * Issue 5, structure not clock: the cross-row checks grow as n log n at most, never n². Each is
 * run on an instrumented input at n and 4n rows and its OPERATIONS are counted, never timed:
 *  - every callback an array method invokes (map, filter, find, some, reduce, sort comparators …),
 *    by wrapping Array.prototype for the duration of the call;
 *  - every cell read, through Proxy rows of the snapshot.
 * Linear work grows ×4, n log n about ×4.9 at these sizes; a quadratic check ×16. The counter is
 * shown to catch a quadratic ranking (the guard is not vacuous).
 */
import type { CellValue } from "../../../src/core/input/coerce";
import { serialFromCivil } from "../../../src/core/input/dates";
import { composite } from "../../../src/core/rules/eval/compute";
import { type Category, rankWithinCategory } from "../../../src/core/rules/petition";
import { validateWorkbook } from "../../../src/core/validate";
import type { Finding } from "../../../src/core/validate/findings";
import type { SheetSnapshot } from "../../../src/core/validate/snapshot";
import { petitionSheet } from "../../bench/sheets";

/** Growth allowed from n to 4n rows: above n log n (≈ ×4.9), far below n² (×16). */
const MAX_GROWTH = 6.5;

const CALLBACK_METHODS = [
  "map", "filter", "find", "findIndex", "findLast", "findLastIndex", "some", "every", "forEach", "reduce", "reduceRight", "flatMap",
] as const;

type AnyFn = (...args: unknown[]) => unknown;

/** Runs fn counting array-method callbacks (and sort comparisons). */
function countCallbacks<T>(fn: () => T): { ops: number; result: T } {
  let ops = 0;
  const proto = Array.prototype as unknown as Record<string, AnyFn>;
  const saved = new Map<string, AnyFn>();
  for (const name of [...CALLBACK_METHODS, "sort"]) saved.set(name, proto[name]);
  for (const name of CALLBACK_METHODS) {
    const orig = saved.get(name)!;
    proto[name] = function (this: unknown, cb: unknown, ...rest: unknown[]) {
      if (typeof cb !== "function") return orig.call(this, cb, ...rest);
      const counted = function (this: unknown, ...a: unknown[]) {
        ops++;
        return (cb as AnyFn).apply(this, a);
      };
      return orig.call(this, counted, ...rest);
    };
  }
  const sort = saved.get("sort")!;
  proto.sort = function (this: unknown, cmp?: unknown) {
    if (typeof cmp !== "function") return sort.call(this, cmp);
    return sort.call(this, (a: unknown, b: unknown) => {
      ops++;
      return (cmp as AnyFn)(a, b);
    });
  };
  try {
    const result = fn();
    return { ops, result };
  } finally {
    for (const [name, f] of saved) proto[name] = f;
  }
}

/** The snapshot with every row (and the row list) a Proxy counting numeric index reads. */
function countingSheet(s: SheetSnapshot): { sheet: SheetSnapshot; reads: () => number } {
  let reads = 0;
  const isIndex = (p: string | symbol) => typeof p === "string" && p.length > 0 && p.charCodeAt(0) >= 48 && p.charCodeAt(0) <= 57;
  const counted = <A extends object>(a: A): A => new Proxy(a, {
    get(target, p, receiver) {
      if (isIndex(p)) reads++;
      return Reflect.get(target, p, receiver);
    },
  });
  const rows = counted(s.rows.map((r) => counted(r)));
  return { sheet: { ...s, rows }, reads: () => reads };
}

interface Cost {
  ops: number;
  reads: number;
  findings: Finding[];
}

function validateCounted(s: SheetSnapshot): Cost {
  const c = countingSheet(s);
  const { ops, result } = countCallbacks(() => validateWorkbook({ sheets: [c.sheet] }));
  return { ops, reads: c.reads(), findings: result.findings };
}

function expectNotQuadratic(make: (n: number) => SheetSnapshot, n: number): { small: Cost; large: Cost } {
  const small = validateCounted(make(n));
  const large = validateCounted(make(4 * n));
  expect(small.ops + small.reads).toBeGreaterThan(n); // the input was really walked
  expect({ ops: large.ops / small.ops <= MAX_GROWTH, ratio: large.ops / small.ops })
    .toEqual({ ops: true, ratio: large.ops / small.ops });
  expect({ reads: large.reads / small.reads <= MAX_GROWTH, ratio: large.reads / small.reads })
    .toEqual({ reads: true, ratio: large.reads / small.reads });
  return { small, large };
}

const rulesOf = (fs: Finding[]) => new Set(fs.map((f) => f.rule));
const date = (serial: number): CellValue => ({ kind: "date", serial });

describe("the operation counter", () => {
  test("catches a quadratic ranking (count of higher scores per entry, pairwise)", () => {
    const quadratic = (es: readonly { category: Category; score: number }[]) =>
      es.map((e) => 1 + es.filter((o) => o.category === e.category && o.score > e.score).length);
    const entries = (n: number) => Array.from({ length: n }, (_, i) => ({ category: "A" as Category, score: i % 97 }));
    const small = countCallbacks(() => quadratic(entries(200))).ops;
    const large = countCallbacks(() => quadratic(entries(800))).ops;
    expect(large / small).toBeGreaterThan(12);
  });

  test("counts cell reads through the proxy rows", () => {
    const c = countingSheet({ name: "s", rows: [[1, 2], [3, 4]] });
    expect(c.sheet.rows[1][0]).toBe(3);
    expect(c.reads()).toBe(2);
  });
});

describe("rankWithinCategory (PET-6 分类排队)", () => {
  /** Entries whose fields count their reads: the ranking may read each a bounded number of times. */
  function instrumented(n: number): { entries: { category: Category; score: number }[]; reads: () => number } {
    let reads = 0;
    const cats: Category[] = ["A", "B", "C"];
    const entries = Array.from({ length: n }, (_, i) => {
      const category = cats[i % 3];
      const score = (i * 7919) % 101; // many ties
      return {
        get category() {
          reads++;
          return category;
        },
        get score() {
          reads++;
          return score;
        },
      };
    });
    return { entries, reads: () => reads };
  }

  test("ties share a rank and the next rank skips (1, 1, 3), per category", () => {
    expect(rankWithinCategory([
      { category: "A", score: 90 }, { category: "B", score: 50 }, { category: "A", score: 95 },
      { category: "A", score: 90 }, { category: "A", score: 80 }, { category: "B", score: 70 },
    ])).toEqual([2, 2, 1, 2, 4, 1]);
  });

  test("agrees with the definition: 1 + scores of the category above it (beyond ε)", () => {
    const cats: Category[] = ["A", "B", "C"];
    const es = Array.from({ length: 600 }, (_, i) => ({ category: cats[(i * 5) % 3], score: ((i * 37) % 41) / 4 + (i % 7 === 0 ? 1e-12 : 0) }));
    const want = es.map((e) => 1 + es.filter((o) => o.category === e.category && o.score > e.score + 1e-9).length);
    expect(rankWithinCategory(es)).toEqual(want);
  });

  test("reads each entry a bounded number of times and compares n log n (not pairwise)", () => {
    const small = instrumented(2_000);
    const large = instrumented(8_000);
    const s = countCallbacks(() => rankWithinCategory(small.entries));
    const l = countCallbacks(() => rankWithinCategory(large.entries));
    expect(small.reads()).toBeLessThanOrEqual(2 * 2_000);
    expect(large.reads()).toBeLessThanOrEqual(2 * 8_000);
    expect(l.ops / Math.max(1, s.ops)).toBeLessThanOrEqual(MAX_GROWTH);
  });

  test("a 10 000-entry ranking reads each entry's fields once", () => {
    const big = instrumented(10_000);
    const ranks = rankWithinCategory(big.entries);
    expect(ranks).toHaveLength(10_000);
    expect(big.reads()).toBe(2 * 10_000);
  });
});

describe("cross-row checks grow n log n at most", () => {
  test("petition 类内排名 (rank) and duplicate units", () => {
    const make = (n: number) => {
      const s = petitionSheet(n, { rank: true }).snapshot;
      // one wrong rank in 50 so the rank check reports as well as computes
      for (let r = 3; r < s.rows.length; r += 50) s.rows[r][14] = 999;
      return s;
    };
    // big enough that n² pairwise comparisons would outgrow the per-row work (≈ 2 500 callbacks a row before)
    const { large } = expectNotQuadratic(make, 1_500);
    expect(large.findings.filter((f) => f.column === "O" && f.rule === "PET-6").length).toBeGreaterThanOrEqual(120);
  });

  test("patrol: supervisor weeks with gaps (one patrol every other week) and daily patrols", () => {
    const make = (n: number): SheetSnapshot => {
      const rows: CellValue[][] = [["日期", "网格", "工作人员", "巡查次数", "角色"]];
      const monday = serialFromCivil(2024, 1, 1);
      for (let i = 0; i < n; i++) {
        rows.push([date(monday + 14 * i), "网格-01", "督导甲", 1, "督导员"]);
        rows.push([date(monday + i), "网格-02", `网格员${i % 5}`, i % 9 === 0 ? 0 : 1, "网格员"]);
      }
      return { name: "巡查记录", rows };
    };
    const { small, large } = expectNotQuadratic(make, 200);
    const gaps = (fs: Finding[]) => fs.filter((f) => f.rule === "GRID-6").length;
    expect(gaps(small.findings)).toBeGreaterThanOrEqual(199); // one gap week between each pair
    expect(gaps(large.findings)).toBeGreaterThanOrEqual(799);
    expect(rulesOf(large.findings).has("GRID-5")).toBe(true);
  });

  test("grid: 小计 blocks and several 合计 rows", () => {
    const make = (n: number): SheetSnapshot => {
      const rows: CellValue[][] = [["区", "社区", "户数", "专职工作者数", "网格数"]];
      let households = 0;
      for (let i = 0; i < n; i++) {
        rows.push([`区${Math.floor(i / 5)}`, `社区${i}`, 900, 1, 2]);
        households += 900;
        if (i % 5 === 4) rows.push([`东区小计`, null, 4500 + (i % 10 === 4 ? 1 : 0), 5, 10]);
        if (i % 100 === 99) rows.push(["合计", null, households, null, null]);
      }
      return { name: "网格配置", rows };
    };
    const { large } = expectNotQuadratic(make, 200);
    // every other 小计 is off by one household, and each 合计 made mid-table sums all data rows
    expect(large.findings.filter((f) => f.rule === "TOTAL").length).toBeGreaterThanOrEqual(80);
  });

  test("eval-county: 先进 over the 30 % quota (sorted by composite), skipped and tied units", () => {
    const make = (n: number): SheetSnapshot => {
      const rows: CellValue[][] = [["单位", "指标考核得分", "公众评议得分", "内部评估得分", "综合得分", "等次"]];
      for (let i = 0; i < n; i++) {
        const indicator = 700 + (i % 250);
        const c = composite({ indicator, publicAppraisal: 800, internal: 800 }) as number;
        rows.push([`单位${i}`, indicator, 800, 800, c, i % 2 === 0 ? "先进" : "合格"]);
      }
      return { name: "综合得分表", rows };
    };
    const { large } = expectNotQuadratic(make, 200);
    expect(rulesOf(large.findings).has("EVAL-7")).toBe(true);
  });

  test("trip: the same leader several times a year", () => {
    const make = (n: number): SheetSnapshot => {
      const rows: CellValue[][] = [["团组名称", "团长", "团组类型", "人数", "出访国家(地区)", "出发日期", "返回日期"]];
      const start = serialFromCivil(2024, 1, 8);
      for (let i = 0; i < n; i++) {
        const dep = start + (i % 300);
        rows.push([`考察团${i}`, `团长${Math.floor(i / 3)}`, "考察", 5, "德国", date(dep), date(dep + 4)]);
      }
      return { name: "出访团组", rows };
    };
    const { large } = expectNotQuadratic(make, 200);
    expect(large.findings.filter((f) => f.rule === "TRIP-2").length).toBeGreaterThanOrEqual(800);
  });
});
