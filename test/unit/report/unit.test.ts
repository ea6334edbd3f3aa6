/** The 填报单位 line above a table (core/report/unit.ts), for the report's summary. */
import { sheetUnit, withUnits } from "../../../src/core/report/unit";
import type { SheetSnapshot } from "../../../src/core/validate/snapshot";

const sheet = (rows: unknown[][], origin?: { row: number; col: number }): SheetSnapshot => ({ name: "表", rows: rows as SheetSnapshot["rows"], origin });

describe("sheetUnit", () => {
  test.each([
    ["填报单位:深圳市信访办公室", "深圳市信访办公室"],
    ["填报单位：娄底市绩效评估委员会办公室", "娄底市绩效评估委员会办公室"],
    ["填报单位（盖章）：哈尔滨市民政局", "哈尔滨市民政局"],
    ["填报单位：重庆市外事办公室    填报日期：2024年12月31日", "重庆市外事办公室"],
    ["填报单位：重庆市外事办公室填报日期：2024年12月31日", "重庆市外事办公室"],
    ["填报单位：市民政局（盖章）", "市民政局"],
    ["　填报单位　：　共乐社区　", "共乐社区"],
    ["报送单位:市卫生局", "市卫生局"],
  ])("%j → %j", (text, unit) => {
    expect(sheetUnit(sheet([["标题"], [text], ["序号", "单位"]]), 3)).toBe(unit);
  });

  test("the label and the name in two cells", () => {
    expect(sheetUnit(sheet([["标题"], ["填报单位：", null, "市财政局", null, "填报日期：", "2024-12-31"], ["序号"]]), 3)).toBe("市财政局");
    expect(sheetUnit(sheet([["填报单位", "填报日期：2024-12-31"], ["序号"]]), 2)).toBeNull();
  });

  test("only above the header: a 单位 column's values are not the 填报单位", () => {
    expect(sheetUnit(sheet([["标题"], ["序号", "单位"], [1, "填报单位：福田区"]]), 2)).toBeNull();
    // the snapshot starts at row 5 (origin): the header at sheet row 7 is snapshot row 2
    expect(sheetUnit(sheet([["标题"], ["填报单位:市卫生局"], ["序号"]], { row: 5, col: 1 }), 7)).toBe("市卫生局");
    expect(sheetUnit(sheet([["标题"], ["填报单位:市卫生局"], ["序号"]], { row: 5, col: 1 }), 6)).toBeNull();
  });

  test("no header found: the first rows are looked at; none gives null", () => {
    expect(sheetUnit(sheet([["填报单位:市卫生局"]]), null)).toBe("市卫生局");
    expect(sheetUnit(sheet([["标题"], ["序号"]]), null)).toBeNull();
    expect(sheetUnit(sheet([]), 3)).toBeNull();
  });

  test("withUnits adds each sheet's unit by name, null when the snapshot lacks the sheet", () => {
    const r = withUnits({ sheets: [{ name: "甲", rows: [["填报单位:市卫生局"], ["序号"]] as SheetSnapshot["rows"] }] }, {
      sheets: [{ sheet: "甲", template: "petition", rows: 0, headerRow: 2 }, { sheet: "乙", template: null, rows: 0, headerRow: null }],
      findings: [],
    });
    expect(r.sheets.map((s) => s.unit)).toEqual(["市卫生局", null]);
    expect(r.findings).toEqual([]);
  });
});
