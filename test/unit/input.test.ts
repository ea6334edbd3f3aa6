import { expectCellError } from "../support/cellError";
import {
  addMonths, formatDate, isoWeekday, serialFromCivil, toCategory, toCount, toDate,
  toNumber, toStar, toTripType, toYesNo, parseNumberText,
} from "../../src/core/input";

const d = (s: string) => formatDate(toDate(s, "日期") as number);

describe("numbers (functions.md, Input handling)", () => {
  test.each([
    [1800, 1800], ["1800", 1800], [" 1800 ", 1800], ["１８００", 1800], ["1,800", 1800], ["1，800", 1800],
    ["1800户", 1800], ["6人", 6], ["¥50,000", 50000], ["￥50,000元", 50000], ["5万", 50000], ["5万元", 50000],
    ["84.21", 84.21], ["-3", -3], ["60%", 0.6], ["0.5分", 0.5], ["第1名", 1],
  ])("%p → %p", (raw, n) => expect(toNumber(raw, "数")).toBeCloseTo(n, 10));

  test.each([["abc"], ["1,80"], ["--3"], [true], ["1.2.3"], [{ kind: "error", code: "#N/A" }]])(
    "%p is not a number", (raw) => void expectCellError(toNumber(raw, "数")));

  test("blank required is an error, blank optional takes its default", () => {
    expectCellError(toNumber(null, "户数"), "户数不能为空");
    expect(toNumber("", "加分", { blank: 0 })).toBe(0);
  });

  test("counts are non-negative integers, with the message naming the parameter", () => {
    expect(toCount("1,800户", "户数")).toBe(1800);
    expectCellError(toCount("-3", "户数"), '户数须为非负整数，填报为“-3”');
    expectCellError(toCount(2.5, "户数"));
  });

  test("[[value]] from a matrix parameter is unwrapped", () => {
    expect(toNumber([[5]], "x")).toBe(5);
    expectCellError(toNumber([[1, 2]], "x"));
  });

  test("NaN never comes out of parseNumberText silently", () => {
    expect(Number.isNaN(parseNumberText("x"))).toBe(true);
  });
});

describe("dates", () => {
  test.each([
    ["2024-03-01", "2024-03-01"], ["2024/3/1", "2024-03-01"], ["2024年3月1日", "2024-03-01"],
    ["２０２４年３月１日", "2024-03-01"], ["2024.3.1", "2024-03-01"], ["20240301", "2024-03-01"],
  ])("%p", (raw, iso) => expect(d(raw)).toBe(iso));
  test("Excel serials and JS dates", () => {
    expect(formatDate(toDate(45352, "日期") as number)).toBe("2024-03-01");
    expect(formatDate(toDate(new Date(Date.UTC(2024, 2, 1)), "日期") as number)).toBe("2024-03-01");
    expect(serialFromCivil(2024, 3, 1)).toBe(45352);
    expect(formatDate(toDate(20240301, "日期") as number)).toBe("2024-03-01");
  });
  test.each([["2024-02-30"], ["昨天"], [-5], ["2024-13-01"], ["20241301"], [20240230]])("%p is not a date", (raw) =>
    void expectCellError(toDate(raw, "日期")));
  test("one calendar month from 01-31 is the last day of February", () => {
    expect(formatDate(addMonths(serialFromCivil(2023, 1, 31), 1))).toBe("2023-02-28");
    expect(formatDate(addMonths(serialFromCivil(2024, 1, 31), 1))).toBe("2024-02-29");
    expect(formatDate(addMonths(serialFromCivil(2024, 12, 15), 1))).toBe("2025-01-15");
  });
  test("ISO weekday", () => {
    expect(isoWeekday(serialFromCivil(2024, 1, 1))).toBe(1);
    expect(isoWeekday(serialFromCivil(2024, 1, 7))).toBe(7);
  });
});

describe("yes/no, stars, categories, trip types", () => {
  test.each([[true, true], [1, true], ["是", true], ["有", true], ["Y", true], [null, false], ["否", false], ["无", false], [0, false], ["N", false]])(
    "%p → %p", (raw, b) => expect(toYesNo(raw, "否决")).toBe(b));
  test("unreadable yes/no is an error", () => { expectCellError(toYesNo("也许", "否决")); });
  test.each([[5, 5], ["5", 5], ["五星", 5], ["五星级", 5], ["★★★★★", 5], ["四星级", 4], ["★★★★", 4], [null, 0], [3, 3]])(
    "star %p → %p", (raw, n) => expect(toStar(raw, "星级")).toBe(n));
  test.each([["六星"], [7], ["很好"]])("star %p is an error, not zero", (raw) => void
    expectCellError(toStar(raw, "星级")));
  test("categories", () => {
    expect(toCategory("A", "类别")).toBe("A");
    expect(toCategory("b类", "类别")).toBe("B");
    expect(toCategory("Ｃ类", "类别")).toBe("C");
    expectCellError(toCategory("D", "类别"), "类别须为A、B或C类");
  });
  test("trip types", () => {
    expect(toTripType("考察", "类型")).toBe("study");
    expect(toTripType("培训团", "类型")).toBe("training");
    expect(toTripType("办展", "类型")).toBe("exhibition");
    expectCellError(toTripType("旅游", "类型"));
  });
});
