/**
 * grid template (哈办发〔2011〕14号): the clean sample has no error, every planted error is found,
 * and each check fails on its own case with its rule id and cell.
 */
import { runValidation } from "../../../src/core/validate/engine";
import type { CellValue } from "../../../src/core/input/coerce";
import type { Finding } from "../../../src/core/validate/findings";
import type { SheetSnapshot } from "../../../src/core/validate/snapshot";
import { template } from "../../../src/core/validate/templates/grid";
import { sample } from "../../../scripts/samples/grid";
import { describeCheckMetadata, describeSamples } from "../../support/sample-suite";


const run = (sheet: SheetSnapshot, asTemplate = false): Finding[] =>
  runValidation({ sheets: [sheet] }, { templates: [template], ...(asTemplate ? { template: "grid" as const } : {}) }).findings;

const HEADER = ["区", "街道", "社区", "户数", "网格数", "专职工作者数", "星级", "年度补助", "市级承担", "区级承担"];
/** A plain table at A1: header in row 1, data from row 2. */
const table = (...rows: CellValue[][]): SheetSnapshot => ({ name: "表", rows: [HEADER, ...rows] });
const ok: CellValue[] = ["道里区", "新阳路街道", "共乐社区", 1800, 6, 2, "五星级", 50000, 25000, 25000];
const ok2: CellValue[] = ["道里区", "新阳路街道", "经纬社区", 900, 3, 1, "四星", 30000, 15000, 15000];
const edit = (base: CellValue[], changes: Record<string, CellValue>) =>
  base.map((v, i) => (HEADER[i] in changes ? changes[HEADER[i]] : v));
const hits = (f: Finding[]) => f.map((x) => `${x.cell} ${x.rule} ${x.check}/${x.messageId} ${x.severity}`);

describeCheckMetadata(template, /^GRID-\d+$|^TOTAL$/);
describeSamples(sample, { rows: 12, exact: true });
describe("checks", () => {
  test("a clean table has no finding", () => expect(run(table(ok, ok2))).toEqual([]));

  test.each([
    // GRID-1: 901 households need 2 posts (ceil), 1 typed → warning; 900 need 1
    [edit(ok, { 户数: 901, 专职工作者数: 1 }), ["F2 GRID-1 posts-short/short warning"]],
    [edit(ok, { 户数: 900, 专职工作者数: 1 }), []],
    [edit(ok, { 户数: 2700, 专职工作者数: 3 }), []],
    [edit(ok, { 户数: 2701, 专职工作者数: 3 }), ["F2 GRID-1 posts-short/short warning"]],
    // GRID-2: households and no worker → error (not also GRID-1)
    [edit(ok, { 专职工作者数: 0 }), ["F2 GRID-2 no-worker/none error"]],
    [edit(ok, { 户数: 0, 专职工作者数: 0 }), []],
    // GRID-4: subsidy by star
    [edit(ok, { 年度补助: 30000 }), ["H2 GRID-4 subsidy-amount/starred error"]],
    // five-star typed as four-star throughout: all three cells are wrong
    [edit(ok, { 年度补助: 30000, 市级承担: 15000, 区级承担: 15000 }), ["H2 GRID-4 subsidy-amount/starred error", "I2 GRID-4 subsidy-share/city error", "J2 GRID-4 subsidy-share/district error"]],
    [edit(ok, { 星级: "三星级", 年度补助: 0, 市级承担: 0, 区级承担: 0 }), []],
    [edit(ok, { 星级: "★★★★★" }), []],
    [edit(ok, { 星级: 5 }), []],
    [edit(ok, { 星级: "三星", 年度补助: 10000, 市级承担: 0, 区级承担: 0 }), ["H2 GRID-4 subsidy-amount/starred error"]],
    [edit(ok, { 星级: null, 年度补助: 10000, 市级承担: 0, 区级承担: 0 }), ["H2 GRID-4 subsidy-amount/unstarred error"]],
    // GRID-4: 1:1 shares
    [edit(ok, { 市级承担: 30000, 区级承担: 20000 }), ["I2 GRID-4 subsidy-share/city error", "J2 GRID-4 subsidy-share/district error"]],
    [edit(ok, { 区级承担: 25000.004 }), []],
    // GRID-7: at least one grid
    [edit(ok, { 网格数: 0 }), ["E2 GRID-7 grid-count/tooFew error"]],
    [edit(ok, { 网格数: "" }), ["E2 GRID-7 grid-count/blank error"]],
    // bad input: one INPUT finding at the cell
    [edit(ok, { 星级: "六星" }), ["G2 INPUT input/notStar error"]],
    [edit(ok, { 户数: "-5" }), ["D2 INPUT input/notCount error"]],
    [edit(ok, { 户数: "１,８００户" }), []],
  ])("%p → %p", (row, expected) => expect(hits(run(table(row, ok2)))).toEqual(expected));

  test("the same 区 + 社区 twice is an error on the second", () => {
    const f = run(table(ok, ok2, edit(ok, { 街道: "安静街道" })));
    expect(hits(f)).toEqual(["C4 GRID-7 duplicate-community/duplicate error"]);
    expect(f[0].message).toContain("第2行");
  });
  test("the same 社区 in another 区 is fine", () =>
    expect(run(table(ok, edit(ok, { 区: "南岗区" })))).toEqual([]));

  test("a 合计 row equals the column sums", () => {
    const good: CellValue[] = ["合计", null, null, 2700, 9, 3, null, 80000, 40000, 40000];
    expect(run(table(ok, ok2, good))).toEqual([]);
    const bad = edit(good, { 户数: 2800, 市级承担: 40001 });
    expect(hits(run(table(ok, ok2, bad)))).toEqual(["D4 TOTAL total-row/total error", "I4 TOTAL total-row/total error"]);
  });

  test("without a star column the shares split the typed 年度补助", () => {
    const h = HEADER.filter((x) => x !== "星级");
    const drop = (r: CellValue[]) => r.filter((_, i) => HEADER[i] !== "星级");
    const sheetOf = (...rows: CellValue[][]): SheetSnapshot => ({ name: "表", rows: [h, ...rows] });
    expect(run(sheetOf(drop(ok)))).toEqual([]);
    expect(hits(run(sheetOf(drop(edit(ok, { 市级承担: 20000 })))))).toEqual(["H2 GRID-4 subsidy-share/city error"]);
  });

  test("missing required 专职工作者数 column: not recognised as grid", () => {
    const res = runValidation({ sheets: [{ name: "x", rows: [HEADER.slice(0, 5), ok.slice(0, 5)] }] }, { templates: [template] });
    expect(res.sheets[0].template).toBeNull();
  });
});
