/**
 * Independent acceptance cases for the 15 GOV custom functions. Every expected value below is
 * worked out by hand from the source documents (/work/shared/seeds/000_…txt), rules.md and
 * functions.md — never by calling the rules core. The functions are called exactly as Excel
 * calls them: omitted optional arguments are `null`, range parameters get `[[v]]`.
 */
import * as fs from "fs";
import * as vm from "vm";
import * as SOURCE from "../../../src/functions/functions";
import { makeCustomFunctionsStub } from "../../support/custom-functions-stub";
import { BUILD_TIMEOUT_MS, dist, ensureBuilt } from "../../support/build";

type Fns = Pick<typeof SOURCE,
  | "gridStaffingFn" | "gridPatrolCheckFn" | "tripDaysFn" | "tripCheckFn" | "tripApproverFn" | "petitionScoreFn"
  | "petitionCollectiveFn" | "petitionCasesFn" | "petitionMaxFn" | "evalCompositeFn" | "evalBonusFn" | "evalDeductionFn"
  | "evalGradeFn" | "evalGradesFn" | "evalDeptGradeFn">;

/** functions.md id of each exported wrapper. */
const IDS: Record<keyof Fns, string> = {
  gridStaffingFn: "GRID_STAFFING", gridPatrolCheckFn: "GRID_PATROL_CHECK", tripDaysFn: "TRIP_DAYS",
  tripCheckFn: "TRIP_CHECK", tripApproverFn: "TRIP_APPROVER", petitionScoreFn: "PETITION_SCORE",
  petitionCollectiveFn: "PETITION_COLLECTIVE", petitionCasesFn: "PETITION_CASES", petitionMaxFn: "PETITION_MAX",
  evalCompositeFn: "EVAL_COMPOSITE", evalBonusFn: "EVAL_BONUS", evalDeductionFn: "EVAL_DEDUCTION",
  evalGradeFn: "EVAL_GRADE", evalGradesFn: "EVAL_GRADES", evalDeptGradeFn: "EVAL_DEPT_GRADE",
};

/**
 * The built bundle, as Excel meets it: dist/functions.js run in a bare context with a stub
 * CustomFunctions, each function called through the id it was associated under, with exactly one
 * argument per parameter of dist/functions.json (null when omitted) and a lone value given to a
 * matrix parameter wrapped as [[v]].
 */
const built = { stub: makeCustomFunctionsStub(), meta: new Map<string, { dimensionality?: string }[]>() };
function loadBuilt(): void {
  ensureBuilt();
  const json = JSON.parse(fs.readFileSync(dist("functions.json"), "utf8")) as {
    functions: { id: string; parameters: { dimensionality?: string }[] }[];
  };
  for (const f of json.functions) built.meta.set(f.id, f.parameters);
  const context: Record<string, unknown> = { CustomFunctions: built.stub, console };
  context.self = context;
  context.window = context;
  context.globalThis = context;
  vm.runInNewContext(fs.readFileSync(dist("functions.js"), "utf8"), vm.createContext(context));
}
/** Results made inside the VM realm, as plain values of this realm. */
const plain = (v: unknown): unknown => (v === undefined ? v : JSON.parse(JSON.stringify(v)));
const BUILT = Object.fromEntries(Object.entries(IDS).map(([name, id]) => [name, (...args: unknown[]) => {
  const params = built.meta.get(id);
  const fn = built.stub.registry.get(id);
  if (!params || !fn) throw new Error(`${id} is not in the built bundle`);
  if (args.length > params.length) throw new Error(`${id}: ${args.length} arguments for ${params.length} parameters`);
  const excel = params.map((p, i) => {
    const v = i < args.length && args[i] !== undefined ? args[i] : null;
    return p.dimensionality === "matrix" && v !== null && !Array.isArray(v) ? [[v]] : v;
  });
  return plain(fn(...excel));
}])) as unknown as Fns;

/** Excel day serial of a civil date, computed here independently of src/core/input/dates. */
function ser(y: number, m: number, d: number): number {
  return (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000;
}

/** Expects #VALUE! with a Chinese message matching `re` (the parameter's name, the limit ...). */
function expectValueError(call: () => unknown, re: RegExp): void {
  let thrown: unknown;
  try {
    call();
  } catch (e) {
    thrown = e;
  }
  // CustomFunctions.Error (source) or the stub's class seen through the bundle: same shape
  const err = thrown as { name?: string; code: string; message: string };
  expect(err?.name).toBe("CustomFunctions.Error");
  expect(err.code).toBe("#VALUE!");
  expect(err.message).toMatch(/[\u4e00-\u9fff]/u);
  expect(err.message).toMatch(re);
}

beforeAll(loadBuilt, BUILD_TIMEOUT_MS);

describe.each<[string, Fns]>([["source", SOURCE], ["built dist/functions.js", BUILT]])("%s", (_impl, F) => {
  const {
    evalBonusFn, evalCompositeFn, evalDeductionFn, evalDeptGradeFn, evalGradeFn, evalGradesFn,
    gridPatrolCheckFn, gridStaffingFn, petitionCasesFn, petitionCollectiveFn, petitionMaxFn,
    petitionScoreFn, tripApproverFn, tripCheckFn, tripDaysFn,
  } = F;

  // ============================================================================ GRID_STAFFING
  describe("GRID_STAFFING （哈办发〔2011〕14号 三（三） 按900户设1个岗位; 三（五） 五星5万、四星3万, 市区1:1）", () => {
    // posts = ceil(households / 900), at least 1 when > 0, 0 for 0 (Decision GRID-1)
    it.each<[unknown, number]>([
      [0, 0], [1, 1], [899, 1], [900, 1], [901, 2], [1800, 2], [1801, 3], [2700, 3], [9000, 10],
      ["1800", 2], ["1,800", 2], ["1，800", 2], ["１８００", 2], ["1800户", 2], [" 1800 ", 2],
      ["１，８００户", 2], [[[1800]], 2], ["0户", 0],
    ])("households %p → %p posts, no rating → no subsidy", (h, posts) => {
      expect(gridStaffingFn(h, null, null)).toEqual([[posts, 0, 0, 0]]);
    });

    it.each<[unknown, number]>([
      [5, 50000], ["5", 50000], ["五星", 50000], ["五星级", 50000], ["★★★★★", 50000], [[[5]], 50000],
      [4, 30000], ["4", 30000], ["四星", 30000], ["四星级", 30000], ["★★★★", 30000], ["４", 30000],
      [3, 0], ["三星级", 0], [2, 0], [1, 0], ["★★★", 0], [null, 0], ["", 0],
    ])("star %p → subsidy %p split 1:1", (star, amount) => {
      expect(gridStaffingFn(900, star, null)).toEqual([[1, amount, amount / 2, amount / 2]]);
    });

    it.each<[unknown, number]>([
      ["posts", 3], ["岗位", 3], ["subsidy", 50000], ["补助", 50000],
      ["city", 25000], ["市级", 25000], ["district", 25000], ["区级", 25000], [[["岗位"]], 3],
    ])("field %p returns one number as 1×1", (field, v) => {
      expect(gridStaffingFn(2000, "五星级", field)).toEqual([[v]]);
    });

    it("four-star field values", () => {
      expect(gridStaffingFn("1，801户", "★★★★", "补助")).toEqual([[30000]]);
      expect(gridStaffingFn("1，801户", "★★★★", "市级")).toEqual([[15000]]);
      expect(gridStaffingFn("1，801户", "★★★★", "岗位")).toEqual([[3]]);
    });

    it.each<[unknown, unknown, unknown, RegExp]>([
      [-3, null, null, /户数/], ["-3", null, null, /户数/], [1.5, null, null, /户数/], ["abc", null, null, /户数/],
      [null, null, null, /户数/], ["", 5, null, /户数/], [true, null, null, /户数/],
      [900, 6, null, /星级/], [900, "六星", null, /星级/], [900, "优秀", null, /星级/], [900, 4.5, null, /星级/],
      [900, -1, null, /星级/], [900, 5, "total", /posts|岗位/],
    ])("bad input (%p, %p, %p) → #VALUE!", (h, s, f, re) => {
      expectValueError(() => gridStaffingFn(h, s, f), re);
    });
  });

  // ============================================================================ GRID_PATROL_CHECK
  describe("GRID_PATROL_CHECK (二(六) 每天至少巡查1次, 在网格时间达到工作时间三分之一以上)", () => {
    it.each<[unknown, unknown, unknown]>([
      [1, 3, 8], [2, 8, 8], [1, 3, 9] /* exactly one third: 以上 includes it */, ["1次", "3小时", "9小时"],
      ["１", "３", "９"], [1, 2.5, 7.5], [5, 4, 12],
    ])("(%p, %p, %p) → 合格", (p, h, w) => {
      expect(gridPatrolCheckFn(p, h, w)).toBe("合格");
    });

    it("no patrol → 不合格 citing 二(六)", () => {
      const r = gridPatrolCheckFn(0, 4, 8);
      expect(r.startsWith("不合格：")).toBe(true);
      expect(r).toMatch(/巡查/);
      expect(r).toMatch(/二（六）/);
      expect(r).not.toMatch(/三分之一|1\/3/);
    });

    it("too little time in grid → 不合格 citing 二(六)", () => {
      const r = gridPatrolCheckFn(1, 2.9, 9);
      expect(r.startsWith("不合格：")).toBe(true);
      expect(r).toMatch(/三分之一|1\/3/);
      expect(r).toMatch(/二（六）/);
    });

    it("both failed → both listed", () => {
      const r = gridPatrolCheckFn(0, 0, 8);
      expect(r.startsWith("不合格：")).toBe(true);
      expect(r).toMatch(/巡查/);
      expect(r).toMatch(/三分之一|1\/3/);
      expect(r.match(/二（六）/g)?.length).toBe(2);
    });

    it.each<[unknown, unknown, unknown, RegExp]>([
      [-1, 3, 8, /巡查/], [1.5, 3, 8, /巡查/], ["x", 3, 8, /巡查/], [null, 3, 8, /巡查/],
      [1, -1, 8, /在格|网格/], [1, null, 8, /在格|网格/], [1, 3, 0, /工作/], [1, 3, -8, /工作/], [1, 3, null, /工作/],
      [1, 9, 8, /在格|网格/],
    ])("bad input (%p, %p, %p) → #VALUE!", (p, h, w, re) => {
      expectValueError(() => gridPatrolCheckFn(p, h, w), re);
    });
  });

  // ============================================================================ TRIP_DAYS
  describe("TRIP_DAYS ((八) 以上时间均含旅途时间: return − departure + 1)", () => {
    it.each<[unknown, unknown, number]>([
      [ser(2024, 3, 1), ser(2024, 3, 6), 6],
      [ser(2024, 3, 1), ser(2024, 3, 1), 1],
      ["2024-03-01", "2024-03-10", 10],
      ["2024/3/1", "2024/3/7", 7],
      ["2024年3月1日", "2024年3月11日", 11],
      ["2024-02-28", "2024-03-01", 3], // leap year
      ["2023-02-28", "2023-03-01", 2],
      ["2023-12-30", "2024-01-02", 4],
      ["２０２４年３月１日", "２０２４年３月６日", 6],
      [String(ser(2024, 3, 1)), ser(2024, 3, 6), 6],
    ])("%p → %p = %p days", (d, r, days) => {
      expect(tripDaysFn(d, r)).toBe(days);
    });

    it.each<[unknown, unknown, RegExp]>([
      ["2024-03-06", "2024-03-01", /返回/], [null, "2024-03-01", /出发/], ["2024-03-01", null, /返回/],
      ["2024-02-30", "2024-03-05", /出发/], ["下周一", "2024-03-05", /出发/], ["2024-03-01", "abc", /返回/],
    ])("bad (%p, %p) → #VALUE!", (d, r, re) => {
      expectValueError(() => tripDaysFn(d, r), re);
    });
  });

  // ============================================================================ TRIP_CHECK
  describe("TRIP_CHECK （渝委发〔2005〕14号 （五）（七）（八）（十三）（十七）（十八））", () => {
    type Args = Parameters<typeof tripCheckFn>;
    const base = (over: Partial<Record<
      "type" | "size" | "countries" | "dep" | "ret" | "trips" | "req" | "doc" | "rep" | "pass", unknown>> = {}): Args => [
      "type" in over ? over.type : "考察", "size" in over ? over.size : 5, "countries" in over ? over.countries : 1,
      "dep" in over ? over.dep : "2024-03-01", "ret" in over ? over.ret : "2024-03-06",
      "trips" in over ? over.trips : null, "req" in over ? over.req : null, "doc" in over ? over.doc : null,
      "rep" in over ? over.rep : null, "pass" in over ? over.pass : null,
    ];
    const check = (over: Parameters<typeof base>[0] = {}) => tripCheckFn(...base(over));
    const findings = (r: string) => r.replace(/^(需说明|违规):/, "").split("；");

    it("a clean study tour → 合规", () => {
      expect(check()).toBe("合规");
      expect(check({ trips: 1, req: "2024-01-01", doc: "2024-01-22", rep: "2024-04-06", pass: "2024-03-21" })).toBe("合规");
    });

    // (五) 考察团组人员总数原则上不超过6人
    it.each<[unknown, boolean]>([[6, false], ["6人", false], ["６人", false], [7, true], ["7人", true], [1, false]])(
      "study group of %p people → warning %p", (size, warn) => {
        const r = check({ size });
        if (!warn) expect(r).toBe("合规");
        else {
          expect(r.startsWith("需说明：")).toBe(true);
          expect(findings(r)).toHaveLength(1);
          expect(r).toMatch(/（五）/);
        }
      });
    it("group size is not limited for training or exhibition groups", () => {
      expect(check({ type: "培训", size: 20, ret: "2024-03-25" })).toBe("合规");
      expect(check({ type: "参展", size: 12 })).toBe("合规");
      expect(check({ type: "办展", size: 12 })).toBe("合规");
    });

    // (七) 一年内出访不得超过1次; trips_this_year counts this trip
    it("trips_this_year counts this trip, so 0 is not a count of it", () => {
      // typed as text, 0 is refused; the number 0 is what Excel desktop passes for an empty cell: blank
      expectValueError(() => check({ trips: "0次" }), /次数/);
      expect(check({ trips: 0 })).toBe(check({ trips: null }));
    });
    it("trips_this_year 1 is fine, 2 needs a reason citing (七)", () => {
      expect(check({ trips: 1 })).toBe("合规");
      expect(check({ trips: "1次" })).toBe("合规");
      const r = check({ trips: 2 });
      expect(r.startsWith("需说明：")).toBe(true);
      expect(r).toMatch(/（七）/);
      expect(findings(r)).toHaveLength(1);
    });

    // (八) 国家原则上两个以内; 1国≤6天, 2国≤10天
    it.each<[unknown, string, string, boolean]>([
      [1, "2024-03-01", "2024-03-06", false],
      [1, "2024-03-01", "2024-03-07", true],
      [2, "2024-03-01", "2024-03-10", false],
      [2, "2024-03-01", "2024-03-11", true],
      ["日本、韩国", "2024-03-01", "2024-03-10", false],
      ["日本、韩国", "2024-03-01", "2024-03-11", true],
      ["日本", "2024-03-01", "2024-03-07", true],
      ["2国", "2024-03-01", "2024-03-10", false],
      ["2个", "2024-03-01", "2024-03-11", true],
    ])("countries %p %s..%s → days warning %p", (countries, dep, ret, warn) => {
      const r = check({ countries, dep, ret });
      if (!warn) expect(r).toBe("合规");
      else {
        expect(r.startsWith("需说明：")).toBe(true);
        expect(r).toMatch(/（八）/);
        expect(findings(r)).toHaveLength(1);
      }
    });
    it("three countries → (八) warning", () => {
      for (const countries of [3, "日本、韩国、新加坡", "３"]) {
        const r = check({ countries, ret: "2024-03-05" });
        expect(r.startsWith("需说明：")).toBe(true);
        expect(r).toMatch(/（八）/);
      }
    });

    // (八) training: 3–6 weeks advisable, never more than 6 months; day limits do not apply
    it("training groups are not held to the 6/10-day limits", () => {
      expect(check({ type: "培训", ret: "2024-03-21" })).toBe("合规"); // 21 days
      expect(check({ type: "培训", ret: "2024-04-11" })).toBe("合规"); // 42 days
    });
    it("exhibition groups are held to the day limits", () => {
      expect(check({ type: "参展", ret: "2024-03-06" })).toBe("合规");
      expect(check({ type: "办展", ret: "2024-03-07" })).toMatch(/^需说明：.*（八）/);
    });
    it("training longer than 6 months → (八) warning", () => {
      // both ends counted, like the day limits: 6 months from 2024-03-01 are 03-01 … 08-31
      expect(check({ type: "培训", ret: "2024-08-31" })).toBe("合规");
      expect(check({ type: "培训", ret: "2024-09-01" })).toMatch(/^需说明：.*（八）/);
      const r = check({ type: "培训", ret: "2024-09-15" });
      expect(r.startsWith("需说明：")).toBe(true);
      expect(r).toMatch(/（八）/);
    });

    // (十三) 办理护照、签证前三周呈报: document_date − request_date ≥ 21
    it.each<[string, string, boolean]>([
      ["2024-01-01", "2024-01-22", false], // 21 days
      ["2024-01-01", "2024-01-21", true], // 20 days
      ["2024-01-01", "2024-02-10", false],
      ["2024-02-01", "2024-02-22", false],
      ["2024-02-08", "2024-02-28", true], // 20
    ])("request %s, document %s → warning %p", (req, doc, warn) => {
      const r = check({ req, doc });
      if (!warn) expect(r).toBe("合规");
      else {
        expect(r.startsWith("需说明：")).toBe(true);
        expect(r).toMatch(/（十三）/);
        expect(findings(r)).toHaveLength(1);
      }
    });
    it("lead time with serial dates", () => {
      expect(check({ req: ser(2024, 1, 1), doc: ser(2024, 1, 22) })).toBe("合规");
      expect(check({ req: ser(2024, 1, 1), doc: ser(2024, 1, 21) })).toMatch(/^需说明：.*（十三）/);
    });

    // (十七) 返渝后1个月内报送出访报告 — error when late
    it.each<[string, string, boolean]>([
      ["2024-03-06", "2024-04-06", false],
      ["2024-03-06", "2024-04-07", true],
      ["2024-01-31", "2024-02-29", false], // end of February (leap)
      ["2024-01-31", "2024-03-01", true],
      ["2023-01-31", "2023-02-28", false],
      ["2023-01-31", "2023-03-01", true],
      ["2024-12-15", "2025-01-15", false],
      ["2024-12-15", "2025-01-16", true],
    ])("return %s, report %s → late %p", (ret, rep, late) => {
      const dep = ret; // one-day trip keeps (八) quiet
      const r = check({ dep, ret, rep });
      if (!late) expect(r).toBe("合规");
      else {
        expect(r.startsWith("违规：")).toBe(true);
        expect(r).toMatch(/（十七）/);
        expect(findings(r)).toHaveLength(1);
      }
    });

    // (十八) 回渝后15日内交还证件 — error when late
    it.each<[string, boolean]>([["2024-03-21", false], ["2024-03-20", false], ["2024-03-22", true], ["2024年3月22日", true]])(
      "return 2024-03-06, passport %s → late %p", (pass, late) => {
        const r = check({ pass });
        if (!late) expect(r).toBe("合规");
        else {
          expect(r.startsWith("违规：")).toBe(true);
          expect(r).toMatch(/（十八）/);
        }
      });

    it("违规 lists every finding, warnings included, joined by ；", () => {
      const r = check({
        size: 8, countries: "日本、韩国、泰国", ret: "2024-03-12", trips: 2, req: "2024-01-10", doc: "2024-01-20",
        rep: "2024-05-01", pass: "2024-04-01",
      });
      expect(r.startsWith("违规：")).toBe(true);
      for (const c of ["（五）", "（七）", "（八）", "（十三）", "（十七）", "（十八）"]) expect(r).toContain(c);
      const parts = findings(r);
      expect(parts.length).toBeGreaterThanOrEqual(6);
      for (const p of parts) expect(p).toMatch(/（(五|七|八|十三|十七|十八)）/);
      expect(r).not.toMatch(/；$/);
    });

    it("several warnings → 需说明 with each finding", () => {
      const r = check({ size: 7, trips: 2 });
      expect(r.startsWith("需说明：")).toBe(true);
      const parts = findings(r);
      expect(parts).toHaveLength(2);
      expect(r).toContain("（五）");
      expect(r).toContain("（七）");
    });

    it("findings cite the document", () => {
      expect(check({ size: 7 })).toMatch(/渝委发〔2005〕14号/);
    });

    it("accepts matrix-wrapped and text forms", () => {
      expect(tripCheckFn([["考察团"]], [[6]], [["日本、韩国"]], [["2024/3/1"]], [["2024年3月10日"]], [[1]], null, null, null, null)).toBe("合规");
    });

    it.each<[Partial<Record<string, unknown>>, RegExp]>([
      [{ type: "旅游" }, /类型/], [{ type: null }, /类型/], [{ size: -1 }, /人数/], [{ size: 2.5 }, /人数/],
      [{ size: "many" }, /人数/], [{ size: null }, /人数/], [{ countries: null }, /国家/], [{ countries: -1 }, /国家/],
      [{ dep: "2024-03-10", ret: "2024-03-01" }, /返回/], [{ dep: "abc" }, /出发/], [{ rep: "soon" }, /报告/],
      [{ pass: "2024-13-01" }, /护照|证件/], [{ req: "x" }, /报批|请示/], [{ doc: "x" }, /办证|护照|签证/],
      [{ trips: -1 }, /次数/], [{ trips: 1.5 }, /次数/],
    ])("bad input %p → #VALUE!", (over, re) => {
      expectValueError(() => check(over as Parameters<typeof base>[0]), re);
    });
  });

  // ============================================================================ TRIP_APPROVER
  describe("TRIP_APPROVER ((十二)1–10)", () => {
    it.each<[unknown, RegExp]>([
      [1, /市委分管业务工作的领导.*分管外事工作的副书记.*书记审批/],
      ["1", /分管外事工作的副书记、书记审批/],
      [2, /市委分管外事工作的副书记、书记审批/],
      [3, /市委联系该区县.*的领导.*副书记、书记审批/],
      [4, /市委分管外事工作的副书记审批/],
      [5, /分管外事工作的副市长和市长审批/],
      [6, /分管外事工作的副市长.*市委联系该区县.*市长审批/],
      [7, /分管外事工作的副市长审批/],
      ["７", /分管外事工作的副市长审批/],
      [[[7]], /分管外事工作的副市长审批/],
      ["市政府部门正职", /市长审批/],
      ["区县党委书记", /市委联系该区县/],
      ["区县长", /市委联系该区县/],
      ["市政府部门副职", /分管外事工作的副市长审批/],
    ])("position %p", (pos, re) => {
      const r = tripApproverFn(pos);
      expect(r).toMatch(re);
      expect(r).toMatch(/（十二）/);
    });
    it("case 5 is not case 7", () => {
      expect(tripApproverFn(5)).toMatch(/市长审批/);
      expect(tripApproverFn(5)).not.toBe(tripApproverFn(7));
    });
    it.each<[unknown]>([[0], [11], [-1], ["市长"], [null], [2.5]])("bad position %p → #VALUE!", (pos) => {
      expectValueError(() => tripApproverFn(pos), /职务|情形|position/);
    });
  });

  // ============================================================================ PETITION_SCORE
  describe("PETITION_SCORE (深办〔2003〕36号 三（四）, 三（二）, 二)", () => {
    const score = (...a: unknown[]) =>
      petitionScoreFn(a[0], a[1], a[2], a[3], a[4] as any[][], a[5] as any[][], a[6], a.length > 7 ? a[7] : null);

    it.each<[unknown[], number]>([
      [["A", 20, 20, 15, 20, 15, 10], 100],
      [["A", 18, 17, 12, 19, 14, 8], 88],
      [["A类", 18, 17, 12, 19, 14, 8], 88],
      [["ａ", 18, 17, 12, 19, 14, 8], 88],
      [["B", 18, 18, 14, 20, 15, 10], 100],
      [["B", 15, 15, 10, 18, 12, 8], (78 / 95) * 100],
      [["B类", "15分", "１５", 10, 18, 12, 8], (78 / 95) * 100],
      [["C", 12, 10, 5, 18, 12, 8], (65 / 80) * 100],
      [["C", 16, 14, 7, 20, 15, 10], (82 / 80) * 100],
      [["C", 12, 10, 5, 18, 12, 8, "stated"], (65 / 80) * 100],
      [["C", 12, 10, 5, 18, 12, 8, "items"], (65 / 82) * 100],
      [["C", 16, 14, 7, 20, 15, 10, "items"], 100],
      [["B", 15, 15, 10, 18, 12, 8, "items"], (78 / 95) * 100],
      [["A", 18, 17, 12, 19, 14, 8, "items"], 88],
      [["A", 0, 0, 0, 0, 0, 0], 0],
    ])("%p → %p", (args, expected) => {
      expect(score(...args)).toBeCloseTo(expected, 9);
    });

    it("C on the stated basis can exceed 100 (items sum 82 > stated 80), exactly", () => {
      expect(score("C", 16, 14, 7, 20, 15, 10)).toBe(102.5);
      expect(score("C", 16, 14, 7, 20, 15, 10, "stated")).toBe(102.5);
      expect(score("C", 16, 14, 7, 20, 15, 5)).toBe(96.25);
      expect(score("A", 19.5, 18, 12.5, [[17, 18.5]], [[14.5, 13]], 9)).toBe(19.5 + 18 + 12.5 + 17.75 + 13.75 + 9);
    });
    it("collective and cases as two annual cells are averaged (三(二))", () => {
      expect(score("A", 18, 17, 12, [[18, 16]], [[14], [12]], 8)).toBeCloseTo(18 + 17 + 12 + 17 + 13 + 8, 9);
      expect(score("A", 18, 17, 12, [[19.5, 16]], [[15, 14]], 8)).toBeCloseTo(18 + 17 + 12 + 17.75 + 14.5 + 8, 9);
      expect(score("B", 15, 15, 10, [[20, 16]], [[12, 12]], 8)).toBeCloseTo(((15 + 15 + 10 + 18 + 12 + 8) / 95) * 100, 9);
      expect(score("A", 18, 17, 12, [[19]], [[14]], 8)).toBeCloseTo(88, 9);
    });

    it.each<[unknown[], RegExp]>([
      [["C", 17, 10, 5, 18, 12, 8], /16/],
      [["C", 12, 15, 5, 18, 12, 8], /14/],
      [["C", 12, 10, 8, 18, 12, 8], /7/],
      [["B", 19, 10, 5, 18, 12, 8], /18/],
      [["B", 15, 15, 15, 18, 12, 8], /14/],
      [["A", 21, 10, 5, 18, 12, 8], /20/],
      [["A", 20, 20, 16, 18, 12, 8], /15/],
      [["A", 20, 20, 15, 21, 12, 8], /20/],
      [["A", 20, 20, 15, 20, 16, 8], /15/],
      [["A", 20, 20, 15, 20, 15, 11], /10/],
      [["A", 20, 20, 15, [[21, 18]], 15, 10], /20/],
      [["A", 20, 20, 15, 20, [[15, 16]], 10], /15/],
    ])("section above maximum %p → #VALUE! naming the maximum", (args, re) => {
      expectValueError(() => score(...args), re);
      expectValueError(() => score(...args), /满分|最高|不能超过/);
    });

    it.each<[unknown[], RegExp]>([
      [["D", 10, 10, 5, 18, 12, 8], /类别/],
      [[null, 10, 10, 5, 18, 12, 8], /类别/],
      [["A", -1, 10, 5, 18, 12, 8], /领导/],
      [["A", "abc", 10, 5, 18, 12, 8], /领导/],
      [["A", null, 10, 5, 18, 12, 8], /领导/],
      [["A", 10, null, 5, 18, 12, 8], /基层/],
      [["A", 10, 10, null, 18, 12, 8], /信息/],
      [["A", 10, 10, 5, null, 12, 8], /集体上访/],
      [["A", 10, 10, 5, 18, null, 8], /立案件|案件/],
      [["A", 10, 10, 5, 18, 12, null], /创新/],
      [["A", 10, 10, 5, [[18, 17, 16]], 12, 8], /集体上访/],
      [["A", 10, 10, 5, 18, 12, 8, "other"], /基数|basis/],
    ])("bad input %p → #VALUE!", (args, re) => {
      expectValueError(() => score(...args), re);
    });
  });

  // ============================================================================ PETITION_COLLECTIVE
  describe("PETITION_COLLECTIVE (二(四) 20分倒扣 3/2/1, 未到场再扣 3/2/1, 疑难个访0.5, 重大恶性事件0分)", () => {
    const coll = (...a: unknown[]) => {
      const x = [...a, null, null, null, null, null, null, null, null];
      return petitionCollectiveFn(x[0], x[1], x[2], x[3], x[4], x[5], x[6], x[7]);
    };
    it.each<[unknown[], number]>([
      [[0, 0, 0], 20],
      [[1, 0, 0], 17],
      [[0, 1, 0], 18],
      [[0, 0, 1], 19],
      [[1, 1, 1], 14],
      [[1, 1, 1, 1, 1, 1], 8],
      [[1, 0, 0, 1], 14],
      [[0, 0, 2, null, null, 2], 16],
      [[0, 0, 2, null, null, null, 3], 16.5],
      [[0, 0, 0, null, null, null, 1], 19.5],
      [[0, 0, 0, null, null, null, 40], 0],
      [[0, 0, 0, null, null, null, 39], 0.5],
      [[5, 3, 0], 0], // 15 + 6 = 21 > 20, stops at 0
      [[4, 4, 0], 0],
      [[2, 2, 3, 1, 1, 1], 20 - 6 - 4 - 3 - 3 - 2 - 1],
      [["1起", "１", "0"], 15],
      [[[[1]], [[0]], [[0]]], 17],
      [[0, 0, 0, null, null, null, null, "否"], 20],
      [[0, 0, 0, null, null, null, null, "无"], 20],
      [[0, 0, 0, null, null, null, null, false], 20],
      [[0, 0, 0, null, null, null, null, 0], 20],
      [[0, 0, 0, null, null, null, null, "N"], 20],
      [[0, 0, 0, null, null, null, null, "是"], 0],
      [[0, 0, 0, null, null, null, null, "有"], 0],
      [[0, 0, 0, null, null, null, null, true], 0],
      [[0, 0, 0, null, null, null, null, 1], 0],
      [[0, 0, 0, null, null, null, null, "Y"], 0],
      [[0, 0, 0, null, null, null, null, "TRUE"], 0],
    ])("%p → %p", (args, expected) => {
      expect(coll(...args)).toBeCloseTo(expected, 9);
    });

    it.each<[unknown[], RegExp]>([
      [[-1, 0, 0], /国家/], [[1.5, 0, 0], /国家/], [["x", 0, 0], /国家/], [[null, 0, 0], /国家/],
      [[0, -1, 0], /省/], [[0, 0, "abc"], /市/], [[0, 0, 0, -1], /国家|未.*到场/],
      [[0, 0, 0, null, null, null, 0.5], /个访/], [[0, 0, 0, null, null, null, null, "可能"], /恶性事件/],
    ])("bad input %p → #VALUE!", (args, re) => {
      expectValueError(() => coll(...args), re);
    });
  });

  // ============================================================================ PETITION_CASES
  describe("PETITION_CASES (二(五) 15分倒扣: 未办理1, 催办0.5, 未达要求1, 未答复0.5)", () => {
    it.each<[unknown[], number]>([
      [[0, 0, 0, 0], 15],
      [[1, 0, 0, 0], 14],
      [[1, 1, 0, 0], 13.5],
      [[0, 0, 1, 0], 14],
      [[0, 0, 0, 1], 14.5],
      [[2, 3, 1, 2], 9.5],
      [[10, 10, 0, 0], 0],
      [[10, 9, 0, 0], 0.5],
      [[20, 0, 0, 0], 0],
      [[0, 0, 0, 31], 0],
      [["2件", "３次", "1", "2"], 9.5],
      [[[[2]], [[3]], [[1]], [[2]]], 9.5],
    ])("%p → %p", (a, expected) => {
      expect(petitionCasesFn(a[0], a[1], a[2], a[3])).toBeCloseTo(expected, 9);
    });
    it.each<[unknown[], RegExp]>([
      [[-1, 0, 0, 0], /办结|办理|逾期|未按/], [[0, 1.5, 0, 0], /催办/], [[0, 0, "x", 0], /未达|达到/],
      [[0, 0, 0, -2], /答复/], [[null, 0, 0, 0], /办结|办理|逾期|未按/],
    ])("bad input %p → #VALUE!", (a, re) => {
      expectValueError(() => petitionCasesFn(a[0], a[1], a[2], a[3]), re);
    });
  });

  // ============================================================================ PETITION_MAX
  describe("PETITION_MAX (二 项目分值; 三(四) 满分100/95/80)", () => {
    it.each<[unknown, number]>([["A", 100], ["B", 95], ["C", 80], ["C类", 80], ["ｂ", 95]])(
      "category %p without section → %p", (c, v) => {
        expect(petitionMaxFn(c, null)).toBe(v);
      });
    const table: Record<string, number[]> = {
      A: [20, 20, 15, 20, 15, 10], B: [18, 18, 14, 20, 15, 10], C: [16, 14, 7, 20, 15, 10],
    };
    const cn = ["一", "二", "三", "四", "五", "六"];
    for (const [cat, maxima] of Object.entries(table)) {
      it(`category ${cat} sections 1–6`, () => {
        maxima.forEach((m, i) => {
          expect(petitionMaxFn(cat, i + 1)).toBe(m);
          expect(petitionMaxFn(cat, String(i + 1))).toBe(m);
          expect(petitionMaxFn(cat, cn[i])).toBe(m);
          expect(petitionMaxFn(cat, `第${cn[i]}项`)).toBe(m);
          expect(petitionMaxFn([[cat]], [[i + 1]])).toBe(m);
        });
      });
    }
    it.each<[unknown, unknown, RegExp]>([
      ["D", null, /类别/], [null, 1, /类别/], ["A", 7, /项/], ["A", "七", /项/], ["A", 1.5, /项/], ["A", "0", /项/],
    ])("bad (%p, %p) → #VALUE!", (c, s, re) => {
      expectValueError(() => petitionMaxFn(c, s), re);
    });
    it("section 0 is the empty cell Excel desktop passes: the stated full mark, as with a blank section", () => {
      expect(petitionMaxFn("A", 0)).toBe(100);
      expect(petitionMaxFn("C", 0)).toBe(petitionMaxFn("C", null));
    });
  });

  // ============================================================================ EVAL_COMPOSITE
  describe("EVAL_COMPOSITE (娄办发〔2009〕19号 四（四）1: ×60% + ×30% + ×10% + 加减分; 四（三）1(3)(4)(5))", () => {
    const comp = (...a: unknown[]) => {
      const x = [...a, null, null];
      return evalCompositeFn(x[0], x[1], x[2] as any[][], x[3], x[4]);
    };
    it.each<[unknown[], number]>([
      [[800, 700, 600], 750],
      [[800, 700, [[600]]], 750],
      [[800, 700, [[700, 500]]], 750],
      [[800, 700, [[700], [500]]], 750],
      [[800, 700, [[650, 550]]], 750],
      [[1000, 1000, 1000], 1000],
      [[0, 0, 0], 0],
      [[800, 700, 600, 30], 780],
      [[800, 700, 600, 50], 800],
      [[800, 700, 600, 70], 800],
      [[800, 700, 600, null, 20], 730],
      [[800, 700, 600, null, -20], 730],
      [[800, 700, 600, null, 80], 700],
      [[800, 700, 600, null, -80], 700],
      [[800, 700, 600, 60, -60], 750],
      [[800, 700, 600, 40, 10], 780],
      [[1000, 1000, 1000, 70], 1050],
      [[0, 0, 0, null, 50], -50],
      [["800分", "７００", "600", "30分", "-20分"], 760],
      [["1,000", "1，000", [[1000, 1000]]], 1000],
      [[900, 600, 500], 540 + 180 + 50],
      [[600, 600, 600], 600],
    ])("%p → %p", (args, expected) => {
      expect(comp(...args)).toBeCloseTo(expected, 9);
    });

    it.each<[unknown[], RegExp]>([
      [[1001, 700, 600], /指标/], [[-1, 700, 600], /指标/], [[800, 1200, 600], /公众/], [[800, 700, 1001], /内部|领导|同级/],
      [[800, 700, [[1001, 500]]], /内部|领导/], [[800, 700, [[500, -1]]], /内部|同级/],
      [[null, 700, 600], /指标/], [[800, null, 600], /公众/], [[800, 700, null], /内部/],
      [["abc", 700, 600], /指标/], [[800, 700, [[1, 2, 3]]], /内部/], [[800, 700, 600, "x"], /加分/],
      [[800, 700, 600, -10], /加分/], [[800, 700, 600, null, "y"], /减分/],
    ])("bad input %p → #VALUE!", (args, re) => {
      expectValueError(() => comp(...args), re);
    });
  });

  // ============================================================================ EVAL_BONUS
  describe("EVAL_BONUS (四(三)1(4) 20a + 10b + 10c, ≤ 50)", () => {
    it.each<[unknown[], number]>([
      [[0, 0, 0], 0], [[1, 0, 0], 20], [[0, 1, 0], 10], [[0, 0, 1], 10], [[1, 1, 1], 40],
      [[2, 1, 0], 50], [[2, 1, 1], 50], [[3, 0, 0], 50], [[0, 2, 2], 40], [[0, 5, 0], 50],
      [["1项", "１", "0"], 30], [[[[1]], [[1]], [[0]]], 30],
    ])("%p → %p", (a, v) => {
      expect(evalBonusFn(a[0], a[1], a[2])).toBe(v);
    });
    it.each<[unknown[], RegExp]>([
      [[-1, 0, 0], /表彰|重点/], [[1.5, 0, 0], /表彰|重点/], [[0, "x", 0], /排位/], [[0, 0, -2], /灾害|突发|应急/],
      [[null, 0, 0], /表彰|重点/],
    ])("bad %p → #VALUE!", (a, re) => {
      expectValueError(() => evalBonusFn(a[0], a[1], a[2]), re);
    });
  });

  // ============================================================================ EVAL_DEDUCTION
  describe("EVAL_DEDUCTION (四(三)1(5) 30a + 20b + 10c + Σ(10–20) + Σ(10–20), ≤ 50)", () => {
    const ded = (...a: unknown[]) => {
      const x = [...a, null, null];
      return evalDeductionFn(x[0], x[1], x[2], x[3] as any[][], x[4] as any[][]);
    };
    it.each<[unknown[], number]>([
      [[0, 0, 0], 0], [[1, 0, 0], 30], [[0, 1, 0], 20], [[0, 0, 1], 10], [[0, 1, 1], 30], [[1, 1, 0], 50],
      [[2, 0, 0], 50], [[1, 1, 1], 50], [[0, 0, 4], 40], [[0, 0, 6], 50],
      [[0, 0, 0, [[15]]], 15], [[0, 0, 0, 15], 15], [[0, 0, 0, [[10, 20]]], 30], [[0, 0, 0, [[10], [20]]], 30],
      [[0, 0, 0, null, [[12]]], 12], [[0, 0, 1, [[15]], [[12]]], 37], [[0, 1, 0, [[20]], [[20]]], 50],
      [[0, 0, 0, [[10, null]]], 10], [[0, 0, 0, "15分"], 15], [[0, 0, 0, [[12.5]]], 12.5],
    ])("%p → %p", (a, v) => {
      expect(ded(...a)).toBeCloseTo(v, 9);
    });
    it.each<[unknown[], RegExp]>([
      [[-1, 0, 0], /党中央|国务院|中央/], [[0, 1.5, 0], /省/], [[0, 0, "x"], /市/],
      [[0, 0, 0, [[25]]], /处分/], [[0, 0, 0, [[5]]], /处分/], [[0, 0, 0, null, [[21]]], /失职|渎职/],
      [[0, 0, 0, null, [[9]]], /失职|渎职/], [[0, 0, 0, [["abc"]]], /处分/],
    ])("bad %p → #VALUE!", (a, re) => {
      expectValueError(() => ded(...a), re);
    });
  });

  // ============================================================================ EVAL_GRADE
  describe("EVAL_GRADE (四(四)1(1)(2) 600分以上合格; 一票否决)", () => {
    it.each<[unknown, unknown, string]>([
      [600, null, "合格"], [599.99, null, "不合格"], [750, null, "合格"], [0, null, "不合格"], [-20, null, "不合格"],
      [1050, null, "合格"], ["600分", null, "合格"], ["６００", null, "合格"], [[[600]], null, "合格"],
      [750, "是", "不合格"], [750, "有", "不合格"], [750, true, "不合格"], [750, 1, "不合格"], [750, "Y", "不合格"],
      [750, "TRUE", "不合格"], [750, "否", "合格"], [750, "无", "合格"], [750, false, "合格"], [750, 0, "合格"],
      [750, "N", "合格"], [750, "FALSE", "合格"], [750, "", "合格"],
    ])("(%p, %p) → %s", (c, v, g) => {
      expect(evalGradeFn(c, v)).toBe(g);
    });
    it.each<[unknown, unknown, RegExp]>([
      ["abc", null, /综合得分/], [null, null, /综合得分/], [700, "也许", /否决/],
    ])("bad (%p, %p) → #VALUE!", (c, v, re) => {
      expectValueError(() => evalGradeFn(c, v), re);
    });
  });

  // ============================================================================ EVAL_GRADES
  describe("EVAL_GRADES (四(四)1(3) 先进名额30%向下取整, 条件; 末位并列 → 并列待定)", () => {
    const col = (xs: unknown[]) => xs.map((x) => [x]);
    const all = (n: number, v: unknown) => col(Array.from({ length: n }, () => v));
    const grades = (c: unknown[], o: { veto?: unknown[]; sat?: unknown[]; targets?: unknown[]; sanc?: unknown[] } = {}) =>
      evalGradesFn(
        col(c), o.veto ? col(o.veto) : null as any, o.sat ? col(o.sat) : col(c.map(() => 0.9)),
        o.targets ? col(o.targets) : all(c.length, "是"), o.sanc ? col(o.sanc) : all(c.length, "否"),
      ).map((r) => r[0]);
    const ten = [900, 880, 860, 840, 820, 700, 650, 610, 600, 590];

    it("10 units → 3 advanced places; 600 qualified; 590 not", () => {
      expect(grades(ten)).toEqual(["先进", "先进", "先进", "合格", "合格", "合格", "合格", "合格", "合格", "不合格"]);
    });
    it("order of input rows is kept", () => {
      expect(grades([590, 820, 900, 600, 880, 700, 860, 650, 840, 610]))
        .toEqual(["不合格", "合格", "先进", "合格", "先进", "合格", "先进", "合格", "合格", "合格"]);
    });
    it("tie across the last place → 并列待定 (never broken silently)", () => {
      expect(grades([900, 880, 860, 860, 820, 700, 650, 610, 600, 590]))
        .toEqual(["先进", "先进", "并列待定", "并列待定", "合格", "合格", "合格", "合格", "合格", "不合格"]);
    });
    it("all tied across the quota → all 并列待定", () => {
      expect(grades([900, 900, 900, 900])).toEqual(["并列待定", "并列待定", "并列待定", "并列待定"]);
      expect(grades([900, 800, 800, 700, 650, 640, 630]))
        .toEqual(["先进", "并列待定", "并列待定", "合格", "合格", "合格", "合格"]);
    });
    it("a tie inside the quota is fine", () => {
      expect(grades([900, 900, 860, 840, 820, 700, 650, 610, 600, 590]).slice(0, 4))
        .toEqual(["先进", "先进", "先进", "合格"]);
    });
    it("quota = floor(units × 30%)", () => {
      expect(grades([900, 800, 700])).toEqual(["合格", "合格", "合格"]); // floor(0.9) = 0
      expect(grades([900, 800, 700, 650])).toEqual(["先进", "合格", "合格", "合格"]); // floor(1.2) = 1
      expect(grades([900, 800, 700, 650, 640, 630, 620])).toEqual(["先进", "先进", "合格", "合格", "合格", "合格", "合格"]); // 2.1
      // unqualified units count in the total evaluated
      expect(grades([900, 800, 500, 400, 300, 200, 100])).toEqual(["先进", "先进", "不合格", "不合格", "不合格", "不合格", "不合格"]);
    });
    it("veto → 不合格 and the place goes to the next eligible unit", () => {
      expect(grades(ten, { veto: ["是", "否", "否", "否", "否", "否", "否", "否", "否", "否"] }))
        .toEqual(["不合格", "先进", "先进", "先进", "合格", "合格", "合格", "合格", "合格", "不合格"]);
    });
    it.each<[unknown, boolean]>([
      [0.6, true], [0.59, false], [60, true], [59, false], ["60%", true], ["59.9%", false], [1, true], [100, true],
      ["６０％", true], [0.75, true], [75, true],
    ])("satisfaction %p of the top unit → eligible %p (60%以上)", (s, ok) => {
      const sat = [s, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9];
      const g = grades(ten, { sat });
      if (ok) expect(g.slice(0, 4)).toEqual(["先进", "先进", "先进", "合格"]);
      else expect(g.slice(0, 4)).toEqual(["合格", "先进", "先进", "先进"]);
    });
    it("targets not met or a sanctioned member → qualified but not advanced", () => {
      expect(grades(ten, { targets: ["否", "是", "是", "是", "是", "是", "是", "是", "是", "是"] }).slice(0, 4))
        .toEqual(["合格", "先进", "先进", "先进"]);
      expect(grades(ten, { sanc: ["否", "是", "否", "否", "否", "否", "否", "否", "否", "否"] }).slice(0, 4))
        .toEqual(["先进", "合格", "先进", "先进"]);
      expect(grades(ten, { targets: ["FALSE", "N", 0, "无", "是", "是", "是", "是", "是", "是"] }).slice(0, 6))
        .toEqual(["合格", "合格", "合格", "合格", "先进", "先进"]);
    });
    it("ineligible tie at the boundary does not create 并列待定", () => {
      // 860 twice at places 3–4, but the second 860 fails satisfaction → no tie among eligible units
      expect(grades([900, 880, 860, 860, 820, 700, 650, 610, 600, 590], { sat: [0.9, 0.9, 0.9, 0.5, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9] }).slice(0, 5))
        .toEqual(["先进", "先进", "先进", "合格", "合格"]);
    });
    it("returns a spilled column", () => {
      const r = evalGradesFn(col(ten), null as any, null as any, null as any, null as any);
      expect(r).toHaveLength(10);
      for (const row of r) expect(row).toHaveLength(1);
    });
    it.each<[string, () => unknown, RegExp]>([
      ["length mismatch of vetoes", () => evalGradesFn(col(ten), col([0, 0]), null as any, null as any, null as any), /否决/],
      ["length mismatch of satisfaction", () => evalGradesFn(col(ten), null as any, col([0.9]), null as any, null as any), /满意/],
      ["bad composite", () => evalGradesFn(col([900, "abc", 700]), null as any, null as any, null as any, null as any), /综合得分/],
      ["satisfaction above 100%", () => evalGradesFn(col([900]), null as any, col([120]), null as any, null as any), /满意/],
      ["negative satisfaction", () => evalGradesFn(col([900]), null as any, col([-0.1]), null as any, null as any), /满意/],
      ["bad yes/no", () => evalGradesFn(col([900]), null as any, null as any, col(["大概"]), null as any), /目标/],
      ["empty composites", () => evalGradesFn([[null]], null as any, null as any, null as any, null as any), /综合得分/],
    ])("%s → #VALUE!", (_n, call, re) => {
      expectValueError(call, re);
    });
  });

  // ============================================================================ EVAL_DEPT_GRADE
  describe("EVAL_DEPT_GRADE (四(四)2 为民办实事完成且各项指标60分以上; 三 每项满分100)", () => {
    it.each<[unknown, unknown, unknown, string]>([
      [[[80, 70, 60]], "是", null, "合格"],
      [[[80], [70], [60]], "是", null, "合格"],
      [[[80, 59.5]], "是", null, "不合格"],
      [[[80, 70]], "否", null, "不合格"],
      [[[80, 70]], "是", "是", "不合格"],
      [[[80, 70]], "是", "否", "合格"],
      // an indicator the department does not bear is marked, not left empty (desktop passes empty as 0)
      [[[80, "不考核", 70]], "是", null, "合格"],
      [[[80, "—", 70]], "是", null, "合格"],
      [[["80分", "６０", 100]], "完成", null, "合格"],
      [[[100]], true, null, "合格"],
      [[[100]], 1, null, "合格"],
      [[[100]], "Y", null, "合格"],
      [[[100]], "有", null, "合格"],
      [[[100]], "TRUE", null, "合格"],
      [[[100]], false, null, "不合格"],
      [[[100]], 0, null, "不合格"],
      [[[100]], "N", null, "不合格"],
      [[[100]], "无", null, "不合格"],
      [[["0分", 100]], "是", null, "不合格"],
      [60, "是", null, "合格"],
    ])("(%p, %p, %p) → %s", (s, l, v, g) => {
      expect(evalDeptGradeFn(s as any[][], l, v)).toBe(g);
    });
    it.each<[unknown, unknown, unknown, RegExp]>([
      [[[101]], "是", null, /指标/], [[[-1]], "是", null, /指标/], [[["abc"]], "是", null, /指标/],
      // empty and 0 cannot be told apart (Excel desktop passes an empty cell as 0): both refused alike
      [[[80, null, 70]], "是", null, /指标得分第2项为空白或0.*不考核.*0分/], [[[80, "", 70]], "是", null, /指标得分第2项/],
      [[[0, 100]], "是", null, /指标得分第1项为空白或0/],
      [[[80]], "也许", null, /为民办实事/], [[[80]], "是", "x", /否决/],
    ])("bad (%p, %p, %p) → #VALUE!", (s, l, v, re) => {
      expectValueError(() => evalDeptGradeFn(s as any[][], l, v), re);
    });
  });

  // ============================================================================ desktop empty cells
  describe("empty cells as Excel desktop passes them (0): read as blank where 0 cannot be meant", () => {
    it("=GRID_STAFFING(B2, C2, D2) with D2 empty: all four numbers (1800 households, 五星)", () => {
      expect(gridStaffingFn(1800, 5, 0)).toEqual([[2, 50000, 25000, 25000]]);
      expect(gridStaffingFn(1800, 0, 0)).toEqual([[2, 0, 0, 0]]);
    });
    it("TRIP_CHECK with every optional column empty: 合规 for a 5-person, 1-country, 6-day study tour", () => {
      expect(tripCheckFn("考察", 5, 1, "2024-03-01", "2024-03-06", 0, 0, 0, 0, 0)).toBe("合规");
      expect(tripCheckFn("考察", 5, 1, "2024-03-01", "2024-03-06", 2, 0, 0, 0, 0)).toMatch(/^需说明/);
    });
    it("TRIP_DAYS with an empty departure cell asks for it, as on the web", () => {
      expectValueError(() => tripDaysFn(0, "2024-03-06"), /出发日期不能为空/);
    });
    it("GRID_PATROL_CHECK with working hours empty asks for them; with no patrol it fails, never passes", () => {
      expectValueError(() => gridPatrolCheckFn(1, 3, 0), /工作时长不能为空/);
      expect(gridPatrolCheckFn(0, 3, 8)).toMatch(/^不合格/);
    });
    it("PETITION_SCORE with the basis empty: the stated basis (C raw 65 of 80)", () => {
      expect(petitionScoreFn("C", 12, 10, 5, [[18]], [[12]], 8, 0)).toBeCloseTo((65 / 80) * 100, 9);
    });
    it("EVAL_DEDUCTION with empty cells in the per-person ranges: they are no one (0 + 20 + 15)", () => {
      expect(evalDeductionFn(0, 1, 0, [[15, 0, 0]], [[0]])).toBe(35);
    });
    it("EVAL_GRADES with 4 empty rows under 10 units: 3 advanced places (floor 10 × 30%), not 4", () => {
      const col = (xs: unknown[]) => xs.map((x) => [x]);
      const r = evalGradesFn(col([900, 880, 860, 840, 820, 700, 650, 610, 600, 590, 0, 0, 0, 0]), null as any, null as any, null as any, null as any);
      expect(r.map((x) => x[0])).toEqual(["先进", "先进", "先进", "合格", "合格", "合格", "合格", "合格", "合格", "不合格", "", "", "", ""]);
    });
    it("EVAL_DEPT_GRADE with an empty indicator cell: refused on desktop as on the web, never 合格 or 不合格 silently", () => {
      expectValueError(() => evalDeptGradeFn([[80, 0, 90]], "是", 0), /第2项为空白或0/);
      expect(evalDeptGradeFn([[80, "不考核", 90]], "是", 0)).toBe("合格");
    });
  });
});

// ============================================================================ metadata
/**
 * functions.md's contract as the generated dist/functions.json must state it: id, parameter
 * names in order, `[x]` optional, range parameters and range results declared matrix. `*` marks a
 * matrix parameter.
 */
const CONTRACT: Record<string, { params: string[]; matrixResult?: boolean }> = {
  GRID_STAFFING: { params: ["households", "[star_rating]", "[field]"], matrixResult: true },
  GRID_PATROL_CHECK: { params: ["patrols", "hours_in_grid", "working_hours"] },
  TRIP_DAYS: { params: ["departure_date", "return_date"] },
  TRIP_CHECK: {
    params: ["trip_type", "group_size", "countries", "departure_date", "return_date", "[trips_this_year]",
      "[request_date]", "[document_date]", "[report_date]", "[passport_date]"],
  },
  TRIP_APPROVER: { params: ["position"] },
  PETITION_SCORE: { params: ["category", "leadership", "grassroots", "information", "*collective", "*cases", "innovation", "[basis]"] },
  PETITION_COLLECTIVE: {
    params: ["national", "provincial", "city", "[absent_national]", "[absent_provincial]", "[absent_city]",
      "[individual_absent]", "[major_incident]"],
  },
  PETITION_CASES: { params: ["overdue", "reminders", "substandard", "unanswered"] },
  PETITION_MAX: { params: ["category", "[section]"] },
  EVAL_COMPOSITE: { params: ["indicator", "public_appraisal", "*internal", "[bonus]", "[deduction]"] },
  EVAL_BONUS: { params: ["commendations", "ranking_rises", "emergency_awards"] },
  EVAL_DEDUCTION: { params: ["central", "provincial", "city", "[*sanction_points]", "[*dereliction_points]"] },
  EVAL_GRADE: { params: ["composite", "[veto]"] },
  EVAL_GRADES: {
    params: ["*composites", "[*vetoes]", "[*satisfaction]", "[*targets_met]", "[*sanctioned]"], matrixResult: true,
  },
  EVAL_DEPT_GRADE: { params: ["*indicator_scores", "livelihood_done", "[veto]"] },
};

describe("dist/functions.json states the functions.md contract", () => {
  type Meta = {
    id: string; name: string; description: string; options?: Record<string, boolean>;
    result?: { dimensionality?: string }; parameters: { name: string; description?: string; optional?: boolean; dimensionality?: string }[];
  };
  let functions: Meta[] = [];
  let zhFunctions: Meta[] = [];
  beforeAll(() => {
    ensureBuilt();
    functions = (JSON.parse(fs.readFileSync(dist("functions.json"), "utf8")) as { functions: Meta[] }).functions;
    zhFunctions = (JSON.parse(fs.readFileSync(dist("functions.zh-CN.json"), "utf8")) as { functions: Meta[] }).functions;
  }, BUILD_TIMEOUT_MS);

  it("exactly the 15 ids", () => {
    expect(functions.map((f) => f.id).sort()).toEqual(Object.keys(CONTRACT).sort());
  });
  it.each(Object.entries(CONTRACT))("%s", (id, c) => {
    const f = functions.find((x) => x.id === id) as Meta;
    expect(f.name).toBe(id);
    // a description that cites its document and clause
    expect(f.description).toMatch(/(哈办发〔2011〕14号|渝委发〔2005〕14号|深办〔2003〕36号|娄办发〔2009〕19号)/);
    expect(f.description).toMatch(/[一二三四五六七八九十]/);
    expect(f.options?.volatile ?? false).toBe(false);
    expect((f.result?.dimensionality ?? "scalar") === "matrix").toBe(c.matrixResult ?? false);
    const declared = f.parameters.map((p) =>
      `${p.optional ? "[" : ""}${p.dimensionality === "matrix" ? "*" : ""}${p.name}${p.optional ? "]" : ""}`);
    expect(declared).toEqual(c.params);
    // the default locale is English; the Chinese texts are in functions.zh-CN.json, same ids and order
    for (const p of f.parameters) expect(p.description ?? "").toMatch(/^[A-Z0-9(]/);
    const zh = zhFunctions.find((x) => x.id === id) as Meta;
    expect(zh.parameters.map((p) => [p.optional ?? false, p.dimensionality])).toEqual(f.parameters.map((p) => [p.optional ?? false, p.dimensionality]));
    expect(zh.description).toMatch(/(哈办发〔2011〕14号|渝委发〔2005〕14号|深办〔2003〕36号|娄办发〔2009〕19号)/);
    for (const p of zh.parameters) expect(`${p.name}${p.description ?? ""}`).toMatch(/^[\u4e00-\u9fff]+[\u4e00-\u9fff]/u);
  });
});
