import { OFFICE_READY_TIMEOUT_MS, detectHost } from "../../../src/office/ready";
import { isDateFormat, fromExcel } from "../../../src/office/cellValue";
import { uniqueSheetName, reportTable } from "../../../src/office/report";
import { zhCN } from "../../../src/i18n/zh-CN";
import { pickLocale } from "../../../src/i18n";

describe("detectHost", () => {
  test("no Office global: standalone", async () => {
    expect(await detectHost(undefined)).toEqual({ excel: false, displayLanguage: null });
  });

  test("Office never answers: standalone once the timeout passes", async () => {
    jest.useFakeTimers();
    try {
      const pending = detectHost({ onReady: () => new Promise(() => undefined) });
      jest.advanceTimersByTime(OFFICE_READY_TIMEOUT_MS);
      expect(await pending).toEqual({ excel: false, displayLanguage: null });
    } finally {
      jest.useRealTimers();
    }
  });

  test("an ordinary browser: onReady resolves with host null", async () => {
    expect((await detectHost({ onReady: async () => ({ host: null, platform: null }) })).excel).toBe(false);
  });

  test("Excel: the display language comes from Office", async () => {
    const office = {
      onReady: async () => ({ host: "Excel", platform: "OfficeOnline" }),
      HostType: { Excel: "Excel" },
      context: { displayLanguage: "en-US" },
    };
    expect(await detectHost(office)).toEqual({ excel: true, displayLanguage: "en-US" });
  });

  test("another Office host (Word) is not Excel", async () => {
    const office = { onReady: async () => ({ host: "Word", platform: "PC" }), HostType: { Excel: "Excel" } };
    expect((await detectHost(office)).excel).toBe(false);
  });
});

describe("locale", () => {
  test.each([
    ["zh-CN", "zh-CN"], ["en-US", "en-US"], ["en-GB", "en-US"], ["EN", "en-US"],
    ["zh-TW", "zh-CN"], ["fr-FR", "zh-CN"], [null, "zh-CN"], ["", "zh-CN"],
  ])("%s → %s", (lang, locale) => {
    expect(pickLocale(lang)).toBe(locale);
  });
});

describe("cell values from Office.js", () => {
  test.each([
    ["yyyy-mm-dd", true], ["yyyy\"年\"m\"月\"d\"日\"", true], ["m/d/yyyy", true], ["[$-804]yyyy年m月", true],
    ["General", false], ["0.00", false], ["#,##0\" 户\"", false], ["h:mm:ss", false], ["@", false],
    ["0\"d\"", false], ["[Red]0.00", false], ["0.00E+00", false],
  ])("%s is a date format: %s", (fmt, isDate) => {
    expect(isDateFormat(fmt)).toBe(isDate);
  });

  test("blank, error, date and plain values", () => {
    expect(fromExcel("", "General")).toBeNull();
    expect(fromExcel("#N/A", "General")).toEqual({ kind: "error", code: "#N/A" });
    expect(fromExcel(45352, "yyyy/m/d")).toEqual({ kind: "date", serial: 45352 });
    expect(fromExcel(45352, "0")).toBe(45352);
    expect(fromExcel("是", "@")).toBe("是");
    expect(fromExcel(true, "General")).toBe(true);
  });
});

describe("report sheet", () => {
  test.each([
    [[], "校验报告"],
    [["校验报告"], "校验报告 (2)"],
    [["校验报告", "校验报告 (2)"], "校验报告 (3)"],
    [["VALIDATION REPORT"], "Validation report (2)"],
  ])("taken %j → new name", (taken, expected) => {
    const base = expected.startsWith("V") ? "Validation report" : "校验报告";
    expect(uniqueSheetName(base, taken)).toBe(expected);
  });

  test("a long name is clipped to Excel's 31 characters, suffix included", () => {
    const base = "很长的校验报告名称".repeat(4);
    const name = uniqueSheetName(base, [[...base].slice(0, 31).join("")]);
    expect([...name]).toHaveLength(31);
    expect(name.endsWith(" (2)")).toBe(true);
  });

  test("rows are ordered by sheet, severity, row and column, with Chinese labels", () => {
    const base = { template: "grid", rule: "GRID-1", message: "岗位不足", clause: "哈办发〔2011〕14号 三(三)" };
    const table = reportTable([
      { ...base, sheet: "乙", cell: "C5", row: 5, column: "C", severity: "error" },
      { ...base, sheet: "甲", cell: "AA2", row: 2, column: "AA", severity: "warning" },
      { ...base, sheet: "甲", cell: "B9", row: 9, column: "B", severity: "error", expected: 2, actual: 1 },
      { ...base, sheet: "甲", cell: "Z2", row: 2, column: "Z", severity: "warning" },
    ], zhCN);
    expect(table[0]).toEqual(zhCN.reportHeaders);
    expect(table.slice(1).map((r) => `${r[0]}!${r[1]} ${r[2]}`)).toEqual([
      // sheets in code-point order (乙 U+4E59 before 甲 U+7532), then errors before warnings, Z before AA
      "乙!C5 违规", "甲!B9 违规", "甲!Z2 需说明", "甲!AA2 需说明",
    ]);
    expect(table.find((r) => r[1] === "B9")?.slice(6, 8)).toEqual([2, 1]);
  });
});
