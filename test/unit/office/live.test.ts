/**
 * 立即校验 (issue 13 items 2 and 3) against the fake Excel behind office-addin-mock: edits go in as
 * onChanged events, findings and marks come out; syncs per edit are counted and must not depend
 * on the sheet's size; the switch is remembered in the workbook's settings.
 */
import { FakeWorkbook, NO_FILL, type ChangeEvent } from "./fakeExcel";
import { LIVE_SHEET, patrolWorkbook } from "../../bench/live";
import { validateWorkbook } from "../../../src/core/validate";
import type { WorkbookSnapshot } from "../../../src/core/validate/snapshot";
import {
  LIVE_MAX_ROWS, changedRows, createLiveChecker, mergeSpans, type LiveChecker, type LiveOptions,
} from "../../../src/office/live";
import { MARK_COLOR, MARK_STORE_SHEET } from "../../../src/office/marks";
import { readActiveSheet } from "../../../src/office/read";
import { LIVE_SETTING, type SettingsStore } from "../../../src/office/settings";
import { lazyLiveChecker } from "../../../src/office/liveProxy";

jest.setTimeout(60_000);

const SHEET = LIVE_SHEET;

const patrolBook = patrolWorkbook;

/** The workbook's saved settings, and one runtime's view of them (set in memory, saveAsync writes). */
class SavedSettings {
  readonly saved = new Map<string, unknown>();
  saves = 0;
  view(): SettingsStore {
    const local = new Map(this.saved);
    return {
      get: (k) => local.get(k) ?? null,
      set: (k, v) => { local.set(k, v); },
      saveAsync: (cb) => {
        this.saves++;
        for (const [k, v] of local) this.saved.set(k, v);
        setTimeout(() => cb?.({ status: "succeeded" }), 0);
      },
    };
  }
}

function checker(wb: FakeWorkbook, settings: SettingsStore | null = null, extra: Partial<LiveOptions> = {}) {
  const validations: WorkbookSnapshot[] = [];
  const live = createLiveChecker({
    // a fresh mock per Excel.run, as each batch gets its own context
    run: (batch) => (wb.mock() as unknown as { run: LiveOptions["run"] }).run(batch),
    api: wb.api(),
    validate: (s) => {
      validations.push(s);
      return validateWorkbook(s);
    },
    settings,
    skipSheet: (name) => name === MARK_STORE_SHEET,
    debounceMs: 20,
    startWithWorkbook: false,
    ...extra,
  });
  return { live, validations };
}

const cellsOf = (live: LiveChecker) => live.getState().findings.map((f) => `${f.cell}:${f.messageId}`);
const fillOf = (wb: FakeWorkbook, cell: string) => ({ ...wb.sheet(SHEET).at(cell).fill });
const storeCells = (wb: FakeWorkbook) => {
  const store = wb.find(MARK_STORE_SHEET);
  if (!store) return [];
  const out: string[] = [];
  for (let r = 1; ; r++) {
    const cell = store.peek(r, 2).value;
    if (cell === "" || cell === undefined) break;
    out.push(String(cell));
  }
  return out.sort();
};

/** One edit, waited for: the syncs it cost. */
async function edit(wb: FakeWorkbook, live: LiveChecker, address: string, rows: unknown[][]): Promise<number> {
  const before = wb.syncCount;
  await wb.edit(SHEET, address, rows);
  await live.whenIdle();
  return wb.syncCount - before;
}

describe("event addresses", () => {
  test.each([
    ["B5", [{ first: 4, last: 4 }]],
    ["A1:C3", [{ first: 0, last: 2 }]],
    ["$B$7:$D$9", [{ first: 6, last: 8 }]],
    ["3:5", [{ first: 2, last: 4 }]],
    ["A1:B2, D4", [{ first: 0, last: 1 }, { first: 3, last: 3 }]],
    ["'巡查!记录'!E10", [{ first: 9, last: 9 }]],
    ["A:C", null],
    ["A1, B:B", null],
  ])("%s", (address, rows) => {
    expect(changedRows(address)).toEqual(rows);
  });

  test("spans are sorted and joined when they overlap or touch", () => {
    expect(mergeSpans([{ first: 9, last: 9 }, { first: 2, last: 4 }, { first: 5, last: 5 }, { first: 3, last: 3 }]))
      .toEqual([{ first: 2, last: 5 }, { first: 9, last: 9 }]);
  });
});

describe("立即校验", () => {
  test("on: the active sheet is checked at once and its findings marked; no cell value is written", async () => {
    const wb = patrolBook(100);
    const { live } = checker(wb);
    expect(live.getState()).toMatchObject({ available: true, on: false, note: null });
    await live.setOn(true);
    expect(live.getState().on).toBe(true);
    expect(cellsOf(live)).toEqual(["E102:tooFew"]);
    expect(fillOf(wb, "E102")).toMatchObject({ pattern: "Solid", color: MARK_COLOR.error });
    expect(storeCells(wb)).toEqual(["E102"]);
    expect(wb.changeHandlers).toHaveLength(1);
    expect(wb.writes.filter((w) => w.sheet === SHEET && !w.what.startsWith("format.fill"))).toEqual([]);
  });

  test("edits in, findings out: a new wrong value adds its finding and mark, a fixed one removes both", async () => {
    const wb = patrolBook(100);
    const { live } = checker(wb);
    await live.setOn(true);

    await edit(wb, live, "E10", [[0]]);
    expect(cellsOf(live)).toEqual(["E10:tooFew", "E102:tooFew"]);
    expect(fillOf(wb, "E10")).toMatchObject({ pattern: "Solid", color: MARK_COLOR.error });

    await edit(wb, live, "E102", [[2]]);
    expect(cellsOf(live)).toEqual(["E10:tooFew"]);
    expect(fillOf(wb, "E102")).toEqual(NO_FILL);
    expect(storeCells(wb)).toEqual(["E10"]);

    await edit(wb, live, "E10", [["两次"]]);
    expect(live.getState().findings.map((f) => `${f.cell}:${f.check}`)).toEqual(["E10:input"]);
    await edit(wb, live, "E10", [[1]]);
    expect(cellsOf(live)).toEqual([]);
    expect(fillOf(wb, "E10")).toEqual(NO_FILL);
    expect(storeCells(wb)).toEqual([]);
    // only fills were ever written to the user's sheet
    expect(wb.writes.filter((w) => w.sheet === SHEET && !/^(format\.fill\.|call:format\.fill\.clear)/.test(w.what))).toEqual([]);
  });

  test("a marked cell keeps the clerk's own fill to come back to", async () => {
    const wb = patrolBook(100);
    Object.assign(wb.sheet(SHEET).at("E10").fill, { color: "#00B050", pattern: "Solid", tintAndShade: 0.4 });
    const own = fillOf(wb, "E10");
    const { live } = checker(wb);
    await live.setOn(true);
    await edit(wb, live, "E10", [[0]]);
    expect(fillOf(wb, "E10")).toMatchObject({ color: MARK_COLOR.error, tintAndShade: 0 });
    await edit(wb, live, "E10", [[2]]);
    expect(fillOf(wb, "E10")).toEqual(own);
  });

  test("live findings equal a full check after edits, appended rows and cleared last rows", async () => {
    const wb = patrolBook(200);
    const { live } = checker(wb);
    await live.setOn(true);
    await edit(wb, live, "E20", [["三次"]]);
    await edit(wb, live, "A203", [[45500, "网格-0001", "人员0001", "网格员", 0, 4, 8, ""]]);
    wb.sheet(SHEET).at("A203").numberFormat = "yyyy-mm-dd";
    await edit(wb, live, "A203", [[45500]]);
    await edit(wb, live, "A200", [["", "", "", "", "", "", "", ""], ["", "", "", "", "", "", "", ""]]);
    const fresh = validateWorkbook(await readActiveSheet(wb.mock().context as unknown as Excel.RequestContext, { api: wb.api() }));
    expect(live.getState().findings).toEqual(fresh.findings);
    expect(live.getState().sheets).toEqual(fresh.sheets);
  });

  test("inserted rows and whole-column changes re-read the sheet once", async () => {
    const wb = patrolBook(100);
    const { live, validations } = checker(wb);
    await live.setOn(true);
    const before = wb.syncCount;
    const sheet = wb.sheet(SHEET);
    sheet.at("E50").value = 0;
    await wb.raise(wb.changeEvent(sheet, "E:E", "Local", null));
    await live.whenIdle();
    expect(validations).toHaveLength(2);
    expect(live.getState().last?.fullRead).toBe(true);
    expect(cellsOf(live)).toEqual(["E50:tooFew", "E102:tooFew"]);
    await wb.raise(wb.changeEvent(sheet, "60:60", "Local", null, "RowInserted"));
    await live.whenIdle();
    expect(live.getState().last?.fullRead).toBe(true);
    expect(wb.syncCount - before).toBeGreaterThan(2);
  });

  describe("syncs per edit: exact, and the same for 100 and 10,000 rows", () => {
    const perEdit = async (n: number) => {
      const wb = patrolBook(n);
      const { live } = checker(wb);
      await live.setOn(true);
      const last = n + 2;
      return {
        // a value that changes no finding: the changed row, with the used range and protection
        harmless: await edit(wb, live, "H5", [["走访困难群众"]]),
        // a new wrong value: read 1 · store 3 (sheet, used range, records) · fills 1 · original 1 · mark 1
        wrong: await edit(wb, live, "E6", [[0]]),
        // a fix: read 1 · store 3 · fills 1 · restore and store compaction 1
        fixed: await edit(wb, live, `E${last}`, [[2]]),
        // a pasted block of 500 rows, all valid: one read of the block
        paste: await edit(wb, live, "H7", Array.from({ length: 500 }, () => ["走访"])),
        ms: live.getState().last?.totalMs ?? -1,
      };
    };

    test("counts", async () => {
      const small = await perEdit(100);
      const large = await perEdit(10_000);
      const expected = { harmless: 1, wrong: 7, fixed: 6, paste: 1 };
      expect({ ...small, ms: 0 }).toEqual({ ...expected, ms: 0 });
      expect({ ...large, ms: 0 }).toEqual({ ...expected, ms: 0 });
    });
  });

  test("a paste of 500 rows sent as 500 events is checked once", async () => {
    const wb = patrolBook(1_000);
    const { live, validations } = checker(wb);
    await live.setOn(true);
    const before = wb.syncCount;
    await Promise.all(Array.from({ length: 500 }, (_, i) => wb.edit(SHEET, `E${10 + i}`, [[i === 250 ? 0 : 2]])));
    await live.whenIdle();
    expect(validations).toHaveLength(2);
    expect(cellsOf(live)).toContain("E260:tooFew");
    // one read of the 500 rows, then the store and the one new mark
    expect(wb.syncCount - before).toBe(7);
  });

  describe("its own marks never loop", () => {
    test.each([13, 14])("ExcelApi 1.%i: echoed format events are dropped or cost one read, then it stays idle", async (v) => {
      const wb = patrolBook(100);
      wb.apiVersion = v;
      wb.echoOwnWrites = true;
      const { live, validations } = checker(wb);
      await live.setOn(true);
      await edit(wb, live, "E10", [[0]]);
      await edit(wb, live, "E10", [[2]]);
      await new Promise((r) => setTimeout(r, 100));
      await live.whenIdle();
      const settled = { syncs: wb.syncCount, events: wb.events.length, validations: validations.length };
      await new Promise((r) => setTimeout(r, 200));
      await live.whenIdle();
      expect({ syncs: wb.syncCount, events: wb.events.length, validations: validations.length }).toEqual(settled);
      // initial check + two edits: no validation caused by its own writes
      expect(validations).toHaveLength(3);
      expect(wb.events.some((e) => e.triggerSource === "ThisLocalAddin" || e.worksheetId === wb.find(MARK_STORE_SHEET)?.id)).toBe(true);
    });

    test("a single-cell format change (same value before and after) costs no sync", async () => {
      const wb = patrolBook(100);
      const { live } = checker(wb);
      await live.setOn(true);
      const before = wb.syncCount;
      await wb.raise(wb.changeEvent(wb.sheet(SHEET), "E10", "Local", { before: 2, after: 2 }));
      await live.whenIdle();
      expect(wb.syncCount).toBe(before);
    });

    test("a block whose values did not change costs its one read and nothing else", async () => {
      const wb = patrolBook(100);
      const { live, validations } = checker(wb);
      await live.setOn(true);
      const before = { syncs: wb.syncCount, writes: wb.writes.length };
      await wb.raise(wb.changeEvent(wb.sheet(SHEET), "A10:H20", "Local", null));
      await live.whenIdle();
      expect({ syncs: wb.syncCount - before.syncs, writes: wb.writes.length - before.writes }).toEqual({ syncs: 1, writes: 0 });
      expect(validations).toHaveLength(1);
    });
  });

  test("a protected sheet turns it off with a note, remembered off", async () => {
    const wb = patrolBook(100);
    const settings = new SavedSettings();
    const { live } = checker(wb, settings.view());
    await live.setOn(true);
    expect(settings.saved.get(LIVE_SETTING)).toBe(true);
    wb.sheet(SHEET).protected = true;
    await edit(wb, live, "E10", [[0]]);
    expect(live.getState()).toMatchObject({ on: false, note: { kind: "protected", sheet: SHEET } });
    expect(wb.changeHandlers).toHaveLength(0);
    expect(settings.saved.get(LIVE_SETTING)).toBe(false);
  });

  test("a sheet over the row limit turns it off with a note", async () => {
    expect(LIVE_MAX_ROWS).toBe(50_000);
    const wb = patrolBook(100);
    const { live } = checker(wb, null, { maxRows: 50 });
    await live.setOn(true);
    expect(live.getState()).toMatchObject({ on: false, note: { kind: "tooLarge", sheet: SHEET, rows: 102, max: 50 } });
    expect(wb.changeHandlers).toHaveLength(0);
  });

  test("below ExcelApi 1.7 it is unavailable and says why", async () => {
    const wb = patrolBook(10);
    wb.apiVersion = 6;
    const { live } = checker(wb);
    expect(live.getState()).toMatchObject({ available: false, on: false, note: { kind: "unsupported" } });
    await live.setOn(true);
    expect(live.getState().on).toBe(false);
    expect(wb.syncCount).toBe(0);
  });

  test("ExcelApi 1.7–1.8: one handler per visible sheet; edits are followed the same way", async () => {
    const wb = patrolBook(100);
    wb.apiVersion = 8;
    const { live } = checker(wb);
    await live.setOn(true);
    expect(wb.changeHandlers.map((h) => h.sheetId)).toEqual([wb.sheet(SHEET).id, wb.sheet("其他").id]);
    await edit(wb, live, "E10", [[0]]);
    // no marks below 1.9 (fills cannot be restored exactly): findings only
    expect(cellsOf(live)).toEqual(["E10:tooFew", "E102:tooFew"]);
    expect(fillOf(wb, "E10")).toEqual(NO_FILL);
  });

  test("the add-in remembers: the switch and the marks survive closing and reopening the workbook", async () => {
    const wb = patrolBook(100);
    const settings = new SavedSettings();
    const first = checker(wb, settings.view()).live;
    await first.setOn(true);
    await edit(wb, first, "E10", [[0]]);
    expect(settings.saved.get(LIVE_SETTING)).toBe(true);

    // closed: the runtime goes, and with it its handlers
    wb.changeHandlers.splice(0);
    // reopened: a new runtime reads the saved settings at startup
    const second = checker(wb, settings.view()).live;
    expect(second.getState().on).toBe(false);
    await second.restore();
    expect(second.getState().on).toBe(true);
    expect(cellsOf(second)).toEqual(["E10:tooFew", "E102:tooFew"]);
    expect(fillOf(wb, "E10")).toMatchObject({ color: MARK_COLOR.error });
    expect(wb.changeHandlers).toHaveLength(1);
    await edit(wb, second, "E10", [[2]]);
    expect(cellsOf(second)).toEqual(["E102:tooFew"]);
    expect(fillOf(wb, "E10")).toEqual(NO_FILL);

    await second.setOn(false);
    expect(settings.saved.get(LIVE_SETTING)).toBe(false);
    expect(wb.changeHandlers).toHaveLength(0);
    const third = checker(wb, settings.view()).live;
    await third.restore();
    expect(third.getState().on).toBe(false);
  });

  test("a workbook never switched on stays off at startup and costs no sync", async () => {
    const wb = patrolBook(10);
    const { live } = checker(wb, new SavedSettings().view());
    await live.restore();
    expect(live.getState().on).toBe(false);
    expect(wb.syncCount).toBe(0);
  });

  test("edits to other sheets are followed; the store sheet's own events are ignored after one look", async () => {
    const wb = patrolBook(100);
    const { live } = checker(wb);
    await live.setOn(true);
    await wb.edit("其他", "A2", [["说明"]]);
    await live.whenIdle();
    expect(live.getState().sheets.map((s) => s.sheet)).toEqual([SHEET, "其他"]);
    const store = wb.sheet(MARK_STORE_SHEET);
    const ev: ChangeEvent = wb.changeEvent(store, "A2:I2", "Local", null);
    await wb.raise(ev);
    await live.whenIdle();
    const before = wb.syncCount;
    await wb.raise(ev);
    await live.whenIdle();
    expect(wb.syncCount).toBe(before);
  });
});

describe("the runtime's checker, its code fetched on first use (liveProxy.ts)", () => {
  const options = (wb: FakeWorkbook, settings: SettingsStore | null): LiveOptions => ({
    run: (batch) => (wb.mock() as unknown as { run: LiveOptions["run"] }).run(batch),
    api: wb.api(), validate: (s) => validateWorkbook(s), settings, skipSheet: (name) => name === MARK_STORE_SHEET,
    debounceMs: 20, startWithWorkbook: false,
  });

  test("nothing is fetched for a workbook saved with it off; switching on fetches it and checks", async () => {
    const wb = patrolBook(100);
    const load = jest.fn(async () => ({ createLiveChecker }));
    const live = lazyLiveChecker(options(wb, new SavedSettings().view()), load);
    await live.restore();
    expect(load).not.toHaveBeenCalled();
    expect(live.getState()).toMatchObject({ available: true, on: false });
    const seen: boolean[] = [];
    live.subscribe(() => seen.push(live.getState().on));
    await live.setOn(true);
    expect(load).toHaveBeenCalledTimes(1);
    expect(cellsOf(live)).toEqual(["E102:tooFew"]);
    await edit(wb, live, "E10", [[0]]);
    expect(cellsOf(live)).toEqual(["E10:tooFew", "E102:tooFew"]);
    expect(seen).toContain(true);
  });

  test("a workbook saved with it on resumes at startup", async () => {
    const wb = patrolBook(100);
    const settings = new SavedSettings();
    settings.saved.set(LIVE_SETTING, true);
    const live = lazyLiveChecker(options(wb, settings.view()), async () => ({ createLiveChecker }));
    await live.restore();
    expect(live.getState().on).toBe(true);
    expect(cellsOf(live)).toEqual(["E102:tooFew"]);
  });

  test("a chunk that cannot be fetched leaves it off with the reason", async () => {
    const wb = patrolBook(10);
    const live = lazyLiveChecker(options(wb, null), async () => { throw new Error("Loading chunk live failed."); });
    await live.setOn(true);
    expect(live.getState()).toMatchObject({ on: false, note: { kind: "failed", detail: "Loading chunk live failed." } });
  });
});
