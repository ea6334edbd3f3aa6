/**
 * The sheet preview's cells (src/taskpane/preview/cells.ts, made in the worker) and its frozen
 * title/header rows (SheetPreview.frozenRows): tables of cases.
 */
import { CELL_SEP, cellText, previewMeta, previewRows, splitRow } from "../../../src/taskpane/preview/cells";
import { frozenRows } from "../../../src/taskpane/components/SheetPreview";
import type { SheetSnapshot } from "../../../src/core/validate/snapshot";

test.each([
  [null, ""],
  [undefined, ""],
  ["市水务局", "市水务局"],
  [77.25, "77.25"],
  [0, "0"],
  [true, "TRUE"],
  [{ kind: "date", serial: 45292 }, "2024-01-01"],
  [new Date(Date.UTC(2024, 2, 5)), "2024-03-05"],
  [{ kind: "error", code: "#DIV/0!" }, "#DIV/0!"],
  [`a${CELL_SEP}b`, "a b"],
] as const)("cellText(%p) = %p", (value, text) => {
  expect(cellText(value as never)).toBe(text);
});

const sheet = (rows: SheetSnapshot["rows"], merges: SheetSnapshot["merges"] = []): SheetSnapshot => ({ name: "表", rows, merges });

test("rows are one string each, trailing blanks dropped; the widest row and merges give the columns", () => {
  const s = sheet([["标题", null, null], ["序号", "单位", ""], [1, "福田区"]], [{ top: 0, left: 0, bottom: 0, right: 3 }]);
  expect(previewRows(s, 0, 10)).toEqual(["标题", `序号${CELL_SEP}单位`, `1${CELL_SEP}福田区`]);
  expect(previewRows(s, 1, 2)).toEqual([`序号${CELL_SEP}单位`]);
  expect(previewMeta(s)).toMatchObject({ cols: 4, origin: { row: 1, col: 1 }, rows: [] });
  expect(splitRow(previewRows(s, 2, 3)[0])).toEqual(["1", "福田区"]);
  expect(splitRow(undefined)).toEqual([]);
});

describe("frozen rows: the title and the header, down to the foot of the header's merges", () => {
  const rows = Array.from({ length: 20 }, () => ["x", "y"]);
  const meta = (merges: SheetSnapshot["merges"]) => previewMeta(sheet(rows, merges));
  test.each([
    ["title merged, two-row header from row 2", [{ top: 0, left: 0, bottom: 0, right: 1 }, { top: 1, left: 0, bottom: 2, right: 0 }], 2, 3],
    ["no header found, a merged title", [{ top: 0, left: 0, bottom: 0, right: 1 }], null, 1],
    ["no header, no title", [], null, 0],
    ["header row 4 (title, 填报单位, blank above)", [{ top: 3, left: 1, bottom: 4, right: 1 }], 4, 5],
    ["a header merge running far down is cut at 8 rows", [{ top: 0, left: 0, bottom: 15, right: 0 }], 1, 8],
  ] as const)("%s", (_name, merges, headerRow, frozen) => {
    expect(frozenRows({ ...meta([...merges]), rows: rows.map((r) => r.join(CELL_SEP)) }, headerRow)).toBe(frozen);
  });
});
