import {
  GridRulesetSchema, gridData, gridPatrolCheck, gridRuleset, gridRulesetWith, gridStaffing, patrolCheck, posts, subsidy,
} from "../../../src/core/rules/grid";
import { expectCellError } from "../../support/cellError";
import { loadRuleset } from "../../../src/core/rules/ruleset";

const withRounding = (value: "ceil" | "floor" | "round", min = 1) =>
  gridRulesetWith({
    postRounding: { ...gridRuleset.postRounding, value, minimumWhenInhabited: { ...gridRuleset.postRounding.minimumWhenInhabited, value: min } },
  });

describe("ruleset data (哈办发〔2011〕14号)", () => {
  test("every number is cited with its rule and clause", () => {
    expect(gridRuleset.householdsPerPost).toEqual({ value: 900, rule: "GRID-1", clause: "三(三)" });
    expect(gridRuleset.firstBatch.communities).toEqual({ value: 648, rule: "GRID-2", clause: "三(三)" });
    expect(gridRuleset.firstBatch.districts.value).toBe(8);
    expect(gridRuleset.subsidies.map((s) => [s.stars.value, s.amount.value, s.amount.clause])).toEqual([
      [5, 50000, "三(五)"], [4, 30000, "三(五)"],
    ]);
    expect(gridRuleset.timeInGridShare).toEqual({ value: 1 / 3, rule: "GRID-5", clause: "二(六)" });
    expect(gridRuleset.supervisorPatrolsPerWeek).toEqual({ value: 1, rule: "GRID-6", clause: "二(四)" });
    expect(gridRuleset.postRounding.value).toBe("ceil");
  });
  test("a malformed override fails at load", () => {
    expect(() => loadRuleset(GridRulesetSchema, { ...gridData, postRounding: { ...gridData.postRounding, value: "truncate" } }))
      .toThrow("规则集数据无效");
    expect(() => loadRuleset(GridRulesetSchema, { ...gridData, householdsPerPost: { value: 900, rule: "x", clause: "三(三)" } }))
      .toThrow("规则集数据无效");
  });
});

describe("posts (GRID-1 三(三), Decision: rounding)", () => {
  test.each([
    // households, ceil, floor, round
    [0, 0, 0, 0],
    [1, 1, 1, 1], // min 1 for an inhabited community (GRID-2)
    [449, 1, 1, 1],
    [450, 1, 1, 1],
    [899, 1, 1, 1],
    [900, 1, 1, 1],
    [901, 2, 1, 1],
    [1349, 2, 1, 1],
    [1350, 2, 1, 2],
    [1800, 2, 2, 2],
    [1801, 3, 2, 2],
    [2700, 3, 3, 3],
  ])("%i households → ceil %i / floor %i / round %i", (h, c, f, r) => {
    expect(posts(h)).toBe(c);
    expect(posts(h, withRounding("ceil"))).toBe(c);
    expect(posts(h, withRounding("floor"))).toBe(f);
    expect(posts(h, withRounding("round"))).toBe(r);
  });
  test("the minimum can be switched off: floor without minimum gives 0 below 900", () => {
    expect(posts(899, withRounding("floor", 0))).toBe(0);
    expect(posts(900, withRounding("floor", 0))).toBe(1);
  });
  test("households per post is data", () => {
    const rs = gridRulesetWith({ householdsPerPost: { ...gridRuleset.householdsPerPost, value: 500 } });
    expect(posts(1001, rs)).toBe(3);
  });
  // a typed caller's bug (cells.ts and the validator convert first): an internal Error, not input
  test.each([[-1], [2.5], [Number.NaN]])("%p households is an internal error", (h) => {
    expect(() => posts(h)).toThrow("户数须为非负整数");
  });
});

describe("subsidy (GRID-4 三(五)): five-star ¥50,000, four-star ¥30,000, city:district 1:1", () => {
  test.each([
    [5, 50000, 25000, 25000],
    [4, 30000, 15000, 15000],
    [3, 0, 0, 0],
    [2, 0, 0, 0],
    [1, 0, 0, 0],
    [0, 0, 0, 0],
  ])("%i stars → %i = %i + %i", (stars, annual, city, district) => {
    expect(subsidy(stars)).toEqual({ annual, city, district });
  });
  test("the share follows the data (e.g. 2:1) and always sums to the subsidy", () => {
    const rs = gridRulesetWith({ subsidyShare: { ...gridRuleset.subsidyShare, city: { ...gridRuleset.subsidyShare.city, value: 2 } } });
    const s = subsidy(5, rs);
    expect(s.city + s.district).toBe(50000);
    expect(s.city).toBeCloseTo(33333.33, 2);
  });
  test.each([[6], [-1], [4.5]])("%p stars is an internal error", (n) => expect(() => subsidy(n)).toThrow("星级须为星级"));
});

describe("patrolCheck (GRID-5 二(六))", () => {
  test.each([
    // patrols, in grid, working, failed rules
    [1, 3, 9, []],
    [1, 8, 8, []],
    [0, 3, 9, ["GRID-5"]],
    [1, 2.99, 9, ["GRID-5"]],
    [0, 0, 8, ["GRID-5", "GRID-5"]],
    [1, 2.67, 8, []], // 8/3 = 2.666…, typed to two decimals
    [1, 2.66, 8, ["GRID-5"]],
    [3, 0, 6, ["GRID-5"]],
  ])("%i patrols, %p h in grid of %p h → %p", (p, g, w, rules) => {
    const f = patrolCheck({ patrols: p, hoursInGrid: g, workingHours: w });
    expect(f.map((x) => x.rule)).toEqual(rules);
    for (const x of f) {
      expect(x.clause).toBe("哈办发〔2011〕14号 二（六）");
      expect(x.severity).toBe("error");
    }
  });
  test("the time finding carries expected and actual", () => {
    const [f] = patrolCheck({ patrols: 1, hoursInGrid: 2, workingHours: 9 });
    expect(f).toMatchObject({ expected: 3, actual: 2 });
    expect(f.message).toContain("1/3");
  });
});

describe("cell entry points", () => {
  test.each([5, "5", "五星", "五星级", "★★★★★", "５"])("five stars spelled %p", (s) =>
    expect(gridStaffing(901, s)).toEqual([[2, 50000, 25000, 25000]]));
  test.each([4, "4", "四星", "四星级", "★★★★"])("four stars spelled %p", (s) =>
    expect(gridStaffing(900, s)).toEqual([[1, 30000, 15000, 15000]]));
  test.each([3, "3", "三星", "三星级", "★★★", null, ""])("no subsidy for %p", (s) =>
    expect(gridStaffing(900, s)).toEqual([[1, 0, 0, 0]]));
  test.each([
    ["posts", 2], ["岗位", 2], ["subsidy", 50000], ["补助", 50000], ["city", 25000], ["市级", 25000],
    ["district", 25000], ["区级", 25000], ["POSTS", 2],
  ])("field %p", (field, n) => expect(gridStaffing("1,800户", "五星级", field)).toEqual([[n]]));
  test.each([
    [[-3, null, null], '户数须为非负整数，填报为“-3”'],
    [["abc", null, null], "户数须为非负整数"],
    [[null, null, null], "户数不能为空"],
    [[900, "六星", null], "星级须为星级"],
    [[900, 5, "total"], "返回项须为"],
  ])("bad input %p → %p", (args, msg) => {
    expectCellError(gridStaffing(...(args as [unknown, unknown, unknown])), msg);
  });
  test("patrol check text", () => {
    expect(gridPatrolCheck(1, 3, 8)).toBe("合格");
    expect(gridPatrolCheck("1次", "3小时", "9小时")).toBe("合格");
    expect(gridPatrolCheck(0, 3, 9)).toBe("不合格：每天至少巡查1次，填报0次（哈办发〔2011〕14号 二（六））");
    const two = gridPatrolCheck(0, 1, 9) as string;
    expect(two.startsWith("不合格：")).toBe(true);
    expect(two.split("；")).toHaveLength(2);
  });
  test.each([
    [[-1, 3, 8], "巡查次数须为非负整数"],
    [[1, -1, 8], "在格时长不能为负数"],
    [[1, 0, 0], "工作时长须大于0"],
    [[1, 0, 25], "工作时长须在0至24之间"],
    [[1, 9, 8], "在格时长不能超过8"],
    [[1, null, 8], "在格时长不能为空"],
  ])("patrol bad input %p → %p", (args, msg) => {
    expectCellError(gridPatrolCheck(...(args as [unknown, unknown, unknown])), msg);
  });
});
