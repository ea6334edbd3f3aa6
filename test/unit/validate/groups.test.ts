/**
 * Groups (issue 11 item 4): many roots of one check with one message shape become one display
 * item with its count and cell range; consequences stay under their root, in a group or not.
 */
import type { Finding } from "../../../src/core/validate/findings";
import { GROUP_MIN, catalogueShape, cellRange, countItems, displayItems, messageShape, type GroupItem } from "../../../src/core/validate/groups";
import { validateWorkbook } from "../../../src/core/validate";
import { zhCN } from "../../../src/core/validate/messages/zh-CN";
import { petitionSheet } from "../../bench/sheets";

function f(cell: string, over: Partial<Finding> = {}): Finding {
  const m = /^([A-Z]+)(\d+)$/.exec(cell)!;
  return {
    file: "a.xlsx", sheet: "评分表", template: "petition", cell, row: Number(m[2]), column: m[1],
    rule: "PET-CAT", check: "unit-category", messageId: "unlisted", severity: "info",
    message: `“单位${cell}”不在办法一所列A、B、C类单位中（信访工作量小的单位不列入考核范围），请核对分类`,
    clause: "深办〔2003〕36号 一", causedBy: null, ...over,
  };
}
const rows = (col: string, from: number, n: number, over: Partial<Finding> = {}) =>
  Array.from({ length: n }, (_, i) => f(`${col}${from + i}`, over));
const groups = (items: ReturnType<typeof displayItems>) => items.filter((i): i is GroupItem => i.kind === "group");

describe("displayItems: when findings become a group", () => {
  test.each([
    [GROUP_MIN - 1, 0],
    [GROUP_MIN, 1],
    [100, 1],
  ])("%i findings of one shape: %i group(s)", (n, expected) => {
    const items = displayItems(rows("B", 5, n));
    expect(groups(items)).toHaveLength(expected);
    expect(items).toHaveLength(expected === 1 ? 1 : n);
    expect(countItems(items)).toEqual({ roots: n, consequences: 0 });
  });

  test("the threshold can be set", () => {
    expect(groups(displayItems(rows("B", 5, 3), { min: 3 }))).toHaveLength(1);
    expect(groups(displayItems(rows("B", 5, 6)))).toHaveLength(0);
  });

  test.each<[string, Partial<Finding>]>([
    ["another file", { file: "b.xlsx" }],
    ["another sheet", { sheet: "2023" }],
    ["another check", { check: "duplicate-unit", messageId: "duplicate" }],
    ["another message of the same check", { messageId: "otherCategory" }],
    ["another severity", { severity: "warning" }],
  ])("%s is not in the same group", (_what, over) => {
    const items = displayItems([...rows("B", 5, GROUP_MIN), ...rows("B", 50, GROUP_MIN, over)]);
    const gs = groups(items);
    expect(gs).toHaveLength(2);
    expect(gs.map((g) => g.members.length)).toEqual([GROUP_MIN, GROUP_MIN]);
    expect(gs[0].key).not.toBe(gs[1].key);
  });

  test("a group stands where its first member stood; singles keep their order", () => {
    const single1 = f("F7", { check: "section-max", messageId: "aboveMax", severity: "error", message: "C类“信访基层基础工作”满分14分，填报16分" });
    const single2 = f("L9", { check: "total", messageId: "wrongTotal", severity: "error", message: "合计应为80分" });
    const items = displayItems([single1, ...rows("B", 5, 6), single2, ...rows("B", 11, 6)]);
    expect(items.map((i) => (i.kind === "group" ? `group ${i.members.length}` : i.root.cell))).toEqual(["F7", "group 12", "L9"]);
  });

  test("100 000 findings of one shape: one group with count and range, in well under a second", () => {
    const many = rows("B", 5, 100_000);
    // best of 3 (the first warms the JIT; the machine is shared): a clock, with a generous margin
    let ms = Infinity;
    let items: ReturnType<typeof displayItems> = [];
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      items = displayItems(many, { catalogue: zhCN });
      ms = Math.min(ms, performance.now() - t);
    }
    expect(items).toHaveLength(1);
    const g = items[0] as GroupItem;
    expect(g.members).toHaveLength(100_000);
    expect(g.range).toBe("B5:B100004");
    expect(g.shape).toBe("“…”不在办法一所列A、B、C类单位中（信访工作量小的单位不列入考核范围），请核对分类");
    process.stdout.write(`GROUPS-100K ${Math.round(ms)} ms\n`);
    expect(ms).toBeLessThan(500);
  });
});

describe("consequences stay with their root", () => {
  const ten = [5, 6, 7, 8, 9, 10, 11, 12, 13, 14];
  const wrongCategory = (row: number) => f(`C${row}`, { check: "unit-category", messageId: "otherCategory", severity: "error", message: `单位${row}在办法一中列为A类，填报为C类` });
  const overMax = (row: number) => f(`E${row}`, { check: "section-max", messageId: "aboveMax", severity: "error", message: "C类“信访基层基础工作”满分14分，填报16分", causedBy: `C${row}` });

  test("a consequence is never an item of its own, and never grouped apart from its root", () => {
    // 10 rows with a wrong category, each making its row's maximum wrong: 10 consequences of one shape
    const findings = ten.flatMap((r) => [wrongCategory(r), overMax(r)]);
    const items = displayItems(findings);
    expect(items).toHaveLength(1);
    const g = items[0] as GroupItem;
    expect(g.check).toBe("unit-category");
    expect(g.members.map((m) => m.root.cell)).toEqual(ten.map((r) => `C${r}`));
    expect(g.members.map((m) => m.consequences.map((c) => c.cell))).toEqual(ten.map((r) => [`E${r}`]));
    expect(g.consequences).toBe(10);
    expect(g.range).toBe("C5:C14");
    expect(countItems(items)).toEqual({ roots: 10, consequences: 10 });
  });

  test("a single root carries its consequences", () => {
    const items = displayItems([overMax(5), wrongCategory(5)]);
    expect(items).toEqual([{ kind: "single", root: wrongCategory(5), consequences: [overMax(5)] }]);
  });

  test("an orphan (its root not among the findings) stands as a root, and may be grouped like one", () => {
    const orphans = ten.map(overMax);
    const items = displayItems(orphans);
    expect(countItems(items)).toEqual({ roots: 10, consequences: 0 });
    expect(groups(items)).toHaveLength(1);
    expect(displayItems([overMax(5)])).toEqual([{ kind: "single", root: overMax(5), consequences: [] }]);
  });

  test("a root in another sheet or file is not the root", () => {
    const items = displayItems([wrongCategory(5), overMax(5), { ...overMax(6), sheet: "2023", causedBy: "C5" }]);
    expect(items.map((i) => (i.kind === "single" ? `${i.root.sheet}!${i.root.cell}+${i.consequences.length}` : "group"))).toEqual(["评分表!C5+1", "2023!E6+0"]);
  });
});

describe("cellRange", () => {
  const at = (...cells: string[]) => cells.map((c) => ({ column: /^[A-Z]+/.exec(c)![0], row: Number(/\d+$/.exec(c)![0]) }));
  test.each([
    [["B5"], "B5"],
    [["B5", "B6", "B7"], "B5:B7"],
    [["B7", "B5", "B6"], "B5:B7"],
    [["B5", "B5", "B6"], "B5:B6"],
    [["B5", "B9", "B12"], "B5、B9、B12"],
    [["B5", "B9", "B12", "B20"], "B5、B9、B12等"],
    [["B5", "B6", "B9", "B10", "B11", "B30"], "B5:B6、B9:B11、B30"],
    [["E5", "D5", "D6"], "D5:D6、E5"],
    [["AA3", "Z3", "B3"], "B3、Z3、AA3"],
    [["D5", "E5", "F5", "G5"], "D5、E5、F5等"],
  ])("%j → %s", (cells, expected) => {
    expect(cellRange(at(...cells))).toBe(expected);
  });
});

describe("message shape", () => {
  test("the catalogue's text with each placeholder as …", () => {
    expect(catalogueShape({ template: "petition", check: "section-max", messageId: "aboveMax" }, zhCN)).toBe("…类“…”满分…分，填报…分");
    expect(catalogueShape({ template: "petition", check: "unit-category", messageId: "unlisted" }, zhCN))
      .toBe("“…”不在办法一所列A、B、C类单位中（信访工作量小的单位不列入考核范围），请核对分类");
    expect(catalogueShape({ template: null, check: "template", messageId: "unrecognised" }, zhCN)).toBe("工作表“…”未识别为任何模板，未作校验…；如需校验，请对照“模板”页的空白表核对表头");
  });

  test("a message that is all placeholder has no catalogue shape", () => {
    expect(catalogueShape({ template: "trip", check: "countries", messageId: "finding" }, zhCN)).toBeUndefined();
    expect(catalogueShape({ template: "patrol", check: "daily-patrol", messageId: "tooFew" }, zhCN)).toBeUndefined();
    expect(catalogueShape({ template: "petition", check: "nothing", messageId: "none" }, zhCN)).toBeUndefined();
  });

  test("a group's shape: the catalogue's when given, else what its messages have in common", () => {
    expect((displayItems(rows("B", 5, 20), { catalogue: zhCN })[0] as GroupItem).shape)
      .toBe("“…”不在办法一所列A、B、C类单位中（信访工作量小的单位不列入考核范围），请核对分类");
    // 单位B5, 单位B6 … : the common text is cut before the varying name
    expect((displayItems(rows("B", 5, 20))[0] as GroupItem).shape)
      .toBe("“…”不在办法一所列A、B、C类单位中（信访工作量小的单位不列入考核范围），请核对分类");
  });

  test("otherwise the messages' common beginning and end", () => {
    const trip = (message: string) => f("N7", { template: "trip", check: "countries", messageId: "finding", message });
    expect(messageShape([trip("王建国：出访3个国家，超过2个"), trip("李明：出访4个国家，超过2个")])).toBe("…个国家，超过2个");
    expect(messageShape([trip("出访国家过多"), trip("出访国家过多")])).toBe("出访国家过多");
    // cut at punctuation, never inside a name
    expect(messageShape([trip("第000200考核单位：合计须为数字，填报为“九十”"), trip("第000500考核单位：合计须为数字，填报为“九十”")]))
      .toBe("…：合计须为数字，填报为“九十”");
    expect(messageShape([trip("王丽在2024-03-04：每天至少巡查1次，填报0次"), trip("王强在2024-03-14：每天至少巡查1次，填报0次")]))
      .toBe("…：每天至少巡查1次，填报0次");
    // nothing in common worth reading: the first message stands for the group
    expect(messageShape([trip("甲乙丙丁"), trip("戊己庚辛")])).toBe("甲乙丙丁");
  });
});

describe("a real sheet: a petition sheet whose units are not in the source's lists", () => {
  test("every row's 提示 “不在办法一所列…” is one group, the rest stays apart", () => {
    const sheet = petitionSheet(2_000);
    const r = validateWorkbook({ sheets: [sheet.snapshot] });
    const unlisted = r.findings.filter((x) => x.messageId === "unlisted");
    expect(unlisted.length).toBe(2_000);
    const items = displayItems(r.findings, { catalogue: zhCN });
    const g = groups(items).find((x) => x.messageId === "unlisted")!;
    expect(g.members).toHaveLength(2_000);
    expect(g.severity).toBe("info");
    expect(g.range).toBe(`B4:B${2_000 + 3}`);
    expect(g.shape).toContain("不在办法一所列");
    expect(countItems(items).roots + countItems(items).consequences).toBe(r.findings.length);
  });
});
