/**
 * The Harbin and Chongqing custom functions as Excel calls them: text and numbers, null for an
 * omitted optional argument, and every bad input as CustomFunctions.Error #VALUE! with a Chinese
 * message naming the parameter.
 */
import * as fs from "fs";
import * as path from "path";
import {
  gridPatrolCheckFn, gridStaffingFn, tripApproverFn, tripCheckFn, tripDaysFn,
} from "../../../src/functions/functions";
import { tripRuleset } from "../../../src/core/rules/trip";

function valueError(call: () => unknown): { code: string; message: string } {
  try {
    call();
  } catch (e) {
    expect(e).toBeInstanceOf(CustomFunctions.Error);
    return e as { code: string; message: string };
  }
  throw new Error("expected #VALUE!");
}

describe("GRID_STAFFING", () => {
  test.each([
    [[900, null, null], [[1, 0, 0, 0]]],
    [[901, null, null], [[2, 0, 0, 0]]],
    [[0, "五星级", null], [[0, 50000, 25000, 25000]]],
    [["１８００户", "★★★★", null], [[2, 30000, 15000, 15000]]],
    [[[[1800]], [["5"]], null], [[2, 50000, 25000, 25000]]],
    [[1800, 5, "岗位"], [[2]]],
    [[1800, 5, "city"], [[25000]]],
    [[1800, "五星", "区级"], [[25000]]],
    [[1800, 4, "subsidy"], [[30000]]],
  ])("%p → %p", (args, out) => expect(gridStaffingFn(...(args as [unknown, unknown, unknown]))).toEqual(out));
  test.each([
    [[-3, null, null], '户数须为非负整数，填报为“-3”'],
    [["", null, null], "户数不能为空"],
    [[900, "七星", null], "星级"],
    [[900, null, "总数"], "返回项"],
    [[{ kind: "error", code: "#N/A" }, null, null], "户数引用了错误值#N/A"],
  ])("%p → #VALUE! %p", (args, msg) => {
    const e = valueError(() => gridStaffingFn(...(args as [unknown, unknown, unknown])));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toContain(msg);
  });
});

describe("GRID_PATROL_CHECK", () => {
  test("合格 / 不合格 with clause", () => {
    expect(gridPatrolCheckFn(1, 3, 9)).toBe("合格");
    expect(gridPatrolCheckFn(2, "2.67", 8)).toBe("合格");
    expect(gridPatrolCheckFn(0, 3, 9)).toBe("不合格：每天至少巡查1次，填报0次（哈办发〔2011〕14号 二（六））");
    expect(gridPatrolCheckFn(1, 2, 9)).toBe("不合格：在格时长须达工作时长的1/3以上，应不少于3小时，填报2小时（哈办发〔2011〕14号 二（六））");
  });
  test.each([
    [["x", 3, 9], "巡查次数"],
    [[1, "abc", 9], "在格时长"],
    // 0 working hours cannot be real: read as the empty cell it is on Excel desktop
    [[1, 3, 0], "工作时长不能为空"],
    [[1, 3, -1], "工作时长须在0至24之间"],
    [[1, 3, null], "工作时长不能为空"],
  ])("%p → #VALUE! naming %p", (args, msg) => {
    const e = valueError(() => gridPatrolCheckFn(...(args as [unknown, unknown, unknown])));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toContain(msg);
  });
});

describe("TRIP_DAYS", () => {
  test("both ends counted", () => {
    expect(tripDaysFn("2024-03-01", "2024-03-06")).toBe(6);
    expect(tripDaysFn(45352, 45352)).toBe(1);
  });
  test.each([
    [["2024-03-06", "2024-03-01"], "返回日期不能早于出发日期"],
    [["明天", "2024-03-01"], "出发日期须为日期"],
    [[null, "2024-03-01"], "出发日期不能为空"],
  ])("%p → #VALUE! %p", (args, msg) => {
    const e = valueError(() => tripDaysFn(...(args as [unknown, unknown])));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toContain(msg);
  });
});

describe("TRIP_CHECK", () => {
  const call = (...a: unknown[]) => (tripCheckFn as (...x: unknown[]) => string)(...a);
  test.each([
    [["考察", 6, 1, "2024-03-01", "2024-03-06"], "合规"],
    [["考察", 6, 1, "2024-03-01", "2024-03-07"], /^需说明：出访1国在外7天，原则上不超过6天（含旅途时间）（渝委发〔2005〕14号 （八））$/],
    [["考察", 6, "日本、韩国", "2024-03-01", "2024-03-10"], "合规"],
    [["考察", 6, "日本 韩国", "2024-03-01", "2024-03-11"], /^需说明：出访2国在外11天/],
    [["考察", 6, "日本,韩国,新加坡", "2024-03-01", "2024-03-06"], /^需说明：出访3个国家（地区），原则上控制在2个以内/],
    [["考察", 7, 1, "2024-03-01", "2024-03-06"], /^需说明：考察团组7人/],
    [["考察", 6, 1, "2024-03-01", "2024-03-06", 2], /^需说明：本年度第2次出访/],
    [["考察", 6, 1, "2024-03-01", "2024-03-06", 1], "合规"],
    [["考察", 6, 1, "2024-03-01", "2024-03-06", null, "2024-01-01", "2024-01-22"], "合规"],
    [["考察", 6, 1, "2024-03-01", "2024-03-06", null, "2024-01-01", "2024-01-21"], /^需说明：报批日期2024-01-01距办证日期2024-01-21仅20天/],
    [["考察", 6, 1, "2024-01-28", "2024-01-31", null, null, null, "2024-02-29"], "合规"],
    [["考察", 6, 1, "2024-01-28", "2024-01-31", null, null, null, "2024-03-01"], /^违规：出访报告2024-03-01报送，超过返渝后1个月的期限2024-02-29（渝委发〔2005〕14号 （十七））$/],
    [["考察", 6, 1, "2024-03-01", "2024-03-06", null, null, null, "2024-04-06"], "合规"],
    [["考察", 6, 1, "2024-03-01", "2024-03-06", null, null, null, "2024-04-07"], /^违规：/],
    [["考察", 6, 1, "2024-03-01", "2024-03-06", null, null, null, null, "2024-03-21"], "合规"],
    [["考察", 6, 1, "2024-03-01", "2024-03-06", null, null, null, null, "2024-03-22"], /^违规：证件2024-03-22交还，超过回渝后15日的期限2024-03-21/],
    [["培训", 30, 1, "2024-03-01", "2024-03-20"], "合规"], // info only
    [["培训", 30, 1, "2024-03-01", "2024-09-01"], /^需说明：培训团组在外185天，超过6个月/],
    [["考察", 7, 3, "2024-03-01", "2024-03-06", 2, null, null, null, "2024-03-25"], /^违规：.*；.*；.*；/],
  ])("%p → %p", (args, out) => {
    const r = call(...args);
    if (typeof out === "string") expect(r).toBe(out);
    else expect(r).toMatch(out);
  });
  test.each([
    [["出差", 6, 1, "2024-03-01", "2024-03-06"], "团组类型"],
    [["考察", -1, 1, "2024-03-01", "2024-03-06"], "团组人数"],
    [["考察", 6, "", "2024-03-01", "2024-03-06"], "出访国家不能为空"],
    [["考察", 6, 1, "2024-03-01", "三月六日"], "返回日期须为日期"],
    [["考察", 6, 1, "2024-03-01", "2024-03-06", "两次"], "本年度出访次数"],
    [["考察", 6, 1, "2024-03-01", "2024-03-06", null, null, "x"], "办证日期须为日期"],
    [["考察", 6, 1, "2024-03-01", "2024-03-06", null, null, null, "2024-03-01"], "出访报告日期不能早于返回日期"],
    [["考察", 6, 1, "2024-03-01", "2024-03-06", null, null, null, null, "2024-03-05"], "证件交还日期不能早于返回日期"],
  ])("%p → #VALUE! naming %p", (args, msg) => {
    const e = valueError(() => call(...args));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toContain(msg);
  });
});

describe("TRIP_APPROVER", () => {
  test("by case number and by short name", () => {
    expect(tripApproverFn(6)).toBe("报分管外事工作的副市长、市委联系该区县（自治县、市）的领导和市长审批（渝委发〔2005〕14号 （十二）6）");
    expect(tripApproverFn("区县长")).toBe(tripApproverFn(6));
    expect(tripApproverFn("市人大专委会正职")).toBe(tripApproverFn(2));
    expect(tripApproverFn("双跨团组")).toContain("（十二）10");
  });
  test("unknown position → #VALUE! naming 职务 and listing what is accepted", () => {
    const e = valueError(() => tripApproverFn("处长"));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toMatch(/^职务无法识别，填报为“处长”；可填1–10或/);
  });
  test("the function description lists the first short name of every route", () => {
    const src = fs.readFileSync(path.join(__dirname, "../../../src/functions/functions.ts"), "utf8");
    const at = src.indexOf("@customfunction TRIP_APPROVER");
    const doc = src.slice(src.lastIndexOf("/**", at), src.indexOf("export function tripApproverFn"));
    for (const a of tripRuleset.approvals) expect(doc).toContain(a.names[0]);
  });
});
