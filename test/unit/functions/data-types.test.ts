/**
 * Issue 9, item 7: with `allowCustomDataForDataTypeAny` (set in functions.json by the metadata
 * plugin) a formatted number, an entity or another Excel data type reaches a function as an
 * Excel.CellValue object (shapes from @types/office-js: DoubleCellValue, FormattedNumberCellValue,
 * StringCellValue, BooleanCellValue, EmptyCellValue, ErrorCellValue, EntityCellValue,
 * ArrayCellValue, WebImageCellValue). Its value is used; what has none gets a Chinese message that
 * names the parameter, never "[object Object]".
 */
import {
  evalDeptGradeFn, evalGradesFn, gridStaffingFn, petitionScoreFn, tripCheckFn, tripDaysFn,
} from "../../../src/functions/functions";
import { unwrapCellValue } from "../../../src/core/input";

const dbl = (basicValue: number, numberFormat = "0.00") => ({ type: "Double", basicValue, numberFormat, basicType: "Double" });
const fmt = (basicValue: number, numberFormat: string) => ({ type: "FormattedNumber", basicValue, numberFormat });
const str = (basicValue: string) => ({ type: "String", basicValue, basicType: "String" });
const bool = (basicValue: boolean) => ({ type: "Boolean", basicValue, basicType: "Boolean" });
const entity = (text: string) => ({
  type: "Entity", text, basicValue: "#VALUE!", basicType: "Error",
  properties: { 户数: dbl(1800) },
});

function message(call: () => unknown): string {
  try {
    call();
  } catch (e) {
    expect((e as { code?: string }).code).toBe("#VALUE!");
    return (e as Error).message;
  }
  throw new Error("expected #VALUE!");
}

describe("unwrapCellValue", () => {
  test.each<[string, unknown, unknown]>([
    ["Double", dbl(5), 5],
    ["FormattedNumber", fmt(45352, "yyyy-mm-dd"), 45352],
    ["String", str("五星"), "五星"],
    ["Boolean", bool(true), true],
    ["Empty", { type: "Empty", basicValue: "" }, null],
    ["Error by basicValue", { type: "Error", basicValue: "#N/A", errorType: "NotAvailable" }, { kind: "error", code: "#N/A" }],
    ["Error by errorType", { type: "Error", errorType: "Div0" }, { kind: "error", code: "#DIV/0!" }],
    ["Entity (its text)", entity("罗湖区"), "罗湖区"],
    ["LinkedEntity (its text)", { type: "LinkedEntity", text: "日本", id: { domainId: "x", entityId: "y", serviceId: 1 } }, "日本"],
    ["Array, recursively", { type: "Array", elements: [[dbl(1), str("2")]] }, [[1, "2"]]],
    ["a range of data types", [[dbl(1), null], [bool(false), str("x")]], [[1, null], [false, "x"]]],
    ["Reference with a basic value", { type: "Reference", reference: 0, basicValue: 7, basicType: "Double" }, 7],
    ["plain values pass", 5, 5],
  ])("%s", (_n, v, out) => expect(unwrapCellValue(v)).toEqual(out));

  test("a value without a readable value is marked unreadable, saying what it is", () => {
    expect(unwrapCellValue({ type: "WebImage", address: "https://x/y.png", basicValue: "#VALUE!" })).toEqual({ kind: "unreadable", what: "图片" });
    expect(unwrapCellValue({ type: "Entity", basicValue: "#VALUE!" })).toEqual({ kind: "unreadable", what: "Excel 数据类型 Entity" });
    expect(unwrapCellValue({ foo: 1 })).toEqual({ kind: "unreadable", what: "无法识别的对象" });
  });
});

describe("functions take the value of a data-type argument", () => {
  test("formatted numbers and strings", () => {
    expect(gridStaffingFn(dbl(1800, "#,##0"), str("五星"), null)).toEqual([[2, 50000, 25000, 25000]]);
    expect(gridStaffingFn(fmt(1801, "0户"), fmt(4, "0"), str("岗位"))).toEqual([[3]]);
  });
  test("a date with a date format (a FormattedNumber serial)", () => {
    expect(tripDaysFn(fmt(45352, "yyyy-mm-dd"), fmt(45357, "yyyy年m月d日"))).toBe(6);
  });
  test("an entity is read by the text its cell shows", () => {
    expect(tripCheckFn(entity("考察") as never, 5, entity("日本、韩国") as never, "2024-03-01", "2024-03-10")).toBe("合规");
  });
  test("inside ranges ([[matrix]] parameters)", () => {
    expect(evalDeptGradeFn([[fmt(80, "0.0"), dbl(70), str("不考核")]], bool(true), null)).toBe("合格");
    expect(petitionScoreFn("A", dbl(18), 17, 13, [[dbl(18), fmt(16, "0")]] as never, [[15]], 8, null)).toBeCloseTo(18 + 17 + 13 + 17 + 15 + 8, 9);
    const col = (xs: unknown[]) => xs.map((x) => [x]);
    expect(evalGradesFn(col([dbl(900), dbl(700), dbl(650), dbl(500)]), null as never, null as never, null as never, null as never))
      .toEqual(col(["先进", "合格", "合格", "不合格"]));
  });
  test("an error data type is the error it shows", () => {
    expect(message(() => gridStaffingFn({ type: "Error", basicValue: "#N/A", errorType: "NotAvailable" }, null, null))).toBe("户数引用了错误值#N/A");
  });
  test.each<[string, () => unknown, string]>([
    ["an image as households", () => gridStaffingFn({ type: "WebImage", address: "https://x/y.png" }, null, null), "户数引用的单元格是图片"],
    ["an entity without text as a date", () => tripDaysFn({ type: "Entity", basicValue: "#VALUE!" }, "2024-03-01"), "出发日期引用的单元格是Excel 数据类型 Entity"],
    ["an image among indicator scores", () => evalDeptGradeFn([[80, { type: "WebImage", address: "a" }]], "是", null), "指标得分引用的单元格是图片"],
    ["an unknown object as the country list", () => tripCheckFn("考察", 5, { foo: 1 } as never, "2024-03-01", "2024-03-06"), "出访国家引用的单元格是无法识别的对象"],
  ])("%s → a Chinese message naming the parameter, never [object Object]", (_n, call, start) => {
    const m = message(call);
    expect(m.startsWith(start)).toBe(true);
    expect(m).not.toContain("[object");
    expect(m).not.toMatch(/[\u4e00-\u9fff][,:;()!]|[,:;()!][\u4e00-\u9fff]/u);
  });
});
