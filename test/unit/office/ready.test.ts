import { OFFICE_POLL_MS, OFFICE_READY_TIMEOUT_MS, watchHost, type HostInfo, type OfficeLike } from "../../../src/office/ready";
import { isDateFormat, fromExcel } from "../../../src/office/cellValue";
import { REPORT_SHEET_NAMES, reportSheets, uniqueSheetName } from "../../../src/office/report";
import { buildReport } from "../../../src/core/report/rows";
import { pickLocale } from "../../../src/i18n";

const EXCEL: HostInfo = { excel: true, displayLanguage: "zh-CN" };
const STANDALONE: HostInfo = { excel: false, displayLanguage: null };

/** An Office whose onReady answers when the test says so. */
function lateOffice() {
  let answer!: (info: { host: unknown; platform: unknown }) => void;
  const office: OfficeLike = {
    onReady: () => new Promise((resolve) => { answer = resolve; }),
    HostType: { Excel: "Excel" },
    context: { displayLanguage: "zh-CN" },
  };
  return { office, answer: (host: unknown) => answer({ host, platform: "PC" }) };
}

/** Runs `body` with fake timers, collecting every host reported. */
async function watching(getOffice: () => OfficeLike | undefined, body: (seen: HostInfo[]) => Promise<void>) {
  jest.useFakeTimers();
  const seen: HostInfo[] = [];
  const stop = watchHost((h) => seen.push(h), { getOffice });
  try {
    await body(seen);
  } finally {
    stop();
    jest.useRealTimers();
  }
}

describe("watchHost", () => {
  test("no Office global at all: standalone once the wait is over, and for good", async () => {
    await watching(() => undefined, async (seen) => {
      await jest.advanceTimersByTimeAsync(OFFICE_READY_TIMEOUT_MS - 1);
      expect(seen).toEqual([]);
      await jest.advanceTimersByTimeAsync(1);
      expect(seen).toEqual([STANDALONE]);
      await jest.advanceTimersByTimeAsync(60_000);
      expect(seen).toEqual([STANDALONE]);
    });
  });

  test("an Office global without onReady is office.js missing too", async () => {
    await watching(() => ({}) as OfficeLike, async (seen) => {
      await jest.advanceTimersByTimeAsync(OFFICE_READY_TIMEOUT_MS);
      expect(seen).toEqual([STANDALONE]);
    });
  });

  test("Excel still starting (lifetime=long): standalone after the wait, then Excel when onReady answers late", async () => {
    const { office, answer } = lateOffice();
    await watching(() => office, async (seen) => {
      await jest.advanceTimersByTimeAsync(OFFICE_READY_TIMEOUT_MS);
      expect(seen).toEqual([STANDALONE]);
      await jest.advanceTimersByTimeAsync(20_000);
      answer("Excel");
      await jest.advanceTimersByTimeAsync(0);
      expect(seen).toEqual([STANDALONE, EXCEL]);
    });
  });

  test("Excel answering within the wait: straight to Excel, no standalone flash", async () => {
    const { office, answer } = lateOffice();
    await watching(() => office, async (seen) => {
      await jest.advanceTimersByTimeAsync(500);
      answer("Excel");
      await jest.advanceTimersByTimeAsync(OFFICE_READY_TIMEOUT_MS);
      expect(seen).toEqual([EXCEL]);
    });
  });

  test("office.js arriving late (script still loading) is waited for", async () => {
    const { office, answer } = lateOffice();
    let present: OfficeLike | undefined;
    await watching(() => present, async (seen) => {
      await jest.advanceTimersByTimeAsync(1_000);
      present = office;
      await jest.advanceTimersByTimeAsync(OFFICE_POLL_MS);
      answer("Excel");
      await jest.advanceTimersByTimeAsync(0);
      expect(seen).toEqual([EXCEL]);
    });
  });

  test("an ordinary browser: onReady answers host null → standalone, once", async () => {
    const { office, answer } = lateOffice();
    await watching(() => office, async (seen) => {
      answer(null);
      await jest.advanceTimersByTimeAsync(OFFICE_READY_TIMEOUT_MS * 2);
      expect(seen).toEqual([STANDALONE]);
    });
  });

  test("another Office host (Word) is not Excel", async () => {
    const { office, answer } = lateOffice();
    await watching(() => office, async (seen) => {
      answer("Word");
      await jest.advanceTimersByTimeAsync(0);
      expect(seen).toEqual([STANDALONE]);
    });
  });

  test("the display language comes from Office", async () => {
    const office: OfficeLike = {
      onReady: async () => ({ host: "Excel", platform: "OfficeOnline" }),
      HostType: { Excel: "Excel" },
      context: { displayLanguage: "en-US" },
    };
    await watching(() => office, async (seen) => {
      await jest.advanceTimersByTimeAsync(0);
      expect(seen).toEqual([{ excel: true, displayLanguage: "en-US" }]);
    });
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

  test("the report's rows (core model) are in reading order, with Chinese labels, on two sheets", () => {
    const base = { template: "grid", rule: "GRID-1", check: "posts-short", messageId: "short", message: "岗位不足", clause: "哈办发〔2011〕14号 三（三）" };
    const model = buildReport({
      findings: [
        { ...base, sheet: "乙", cell: "C5", row: 5, column: "C", severity: "error" },
        { ...base, sheet: "甲", cell: "AA2", row: 2, column: "AA", severity: "warning" },
        { ...base, sheet: "甲", cell: "B9", row: 9, column: "B", severity: "error", expected: 2, actual: 1 },
        { ...base, sheet: "甲", cell: "Z2", row: 2, column: "Z", severity: "warning" },
      ],
      sheets: [{ sheet: "甲", template: "grid", rows: 9, headerRow: 1 }, { sheet: "乙", template: "grid", rows: 5, headerRow: 1 }],
      files: [], templates: [{ id: "grid", title: "社区网格化管理服务配置表" }],
    });
    const [summary, findings] = reportSheets(model);
    expect([summary.baseName, findings.baseName]).toEqual(["校验汇总", "问题清单"]);
    expect(summary.header).toEqual(["文件", "工作表", "模板", "填报单位", "数据行数", "结论", "违规", "需说明", "提示", "连带问题"]);
    expect(summary.body.map((r) => `${r[1]} ${r[2]} ${r[5]}`)).toEqual(["甲 社区网格化管理服务配置表 未通过", "乙 社区网格化管理服务配置表 未通过"]);
    expect(findings.head).toEqual(["校验报告：问题清单", model.checkedOn, model.findingsNote]);
    expect(findings.body.map((r) => `${r[2]}!${r[3]} ${r[4]}`)).toEqual([
      // sheets as listed (甲 before 乙), then row, then column (Z before AA)
      "甲!Z2 需说明", "甲!AA2 需说明", "甲!B9 违规", "乙!C5 违规",
    ]);
    expect(findings.body.find((r) => r[3] === "B9")?.slice(5, 7)).toEqual([2, 1]);
    expect(findings.fills?.map(([, c, color]) => `${c}:${color}`)).toEqual(["4:#FFEB9C", "4:#FFEB9C", "4:#FFC7CE", "4:#FFC7CE"]);
  });

  test("validate all skips the report's sheets, and those of earlier versions", () => {
    expect(REPORT_SHEET_NAMES).toEqual(["校验汇总", "问题清单", "校验报告", "Validation report"]);
  });
});
