/**
 * A small Excel workbook behind office-addin-mock: the mock supplies Excel.run, context.sync and
 * load semantics (a property is readable only after load + sync); this file supplies the object
 * model the adapter uses (worksheets, ranges, fills) over one shared state, and records every
 * write — each property set on a range or sheet, and each mutating call.
 *
 * Like Excel, writes are queued and carried out at context.sync(), in order; the first one that
 * fails (a protected sheet, an injected `failWrite`) fails the sync and the writes after it are
 * never made. It also plays Excel's limits: getMergedAreasOrNullObject fails the sync on a range
 * with more than 512 merged areas; with `payloadLimitBytes` set, a sync whose written values or
 * loaded values/number formats exceed it fails with Excel's payload error codes; with
 * `apiVersion` below 13, the members of later ExcelApi sets are absent (as on Excel 2016/2019).
 *
 * `mock()` builds a NEW OfficeMockObject over the same state, which is what reopening the task
 * pane looks like to the adapter: nothing survives but the workbook.
 */
import { OfficeMockObject } from "office-addin-mock";
import { columnLetter, parseA1 } from "../../../src/core/validate/snapshot";
import { upTo, type ExcelApiSupport } from "../../../src/office/apiSupport";

export interface Fill {
  color: string;
  pattern: string;
  patternColor: string;
  tintAndShade: number;
  patternTintAndShade: number;
}
export const NO_FILL: Fill = { color: "#FFFFFF", pattern: "None", patternColor: "#000000", tintAndShade: 0, patternTintAndShade: 0 };

export interface FakeCell {
  value: unknown;
  numberFormat: string;
  fill: Fill;
}

export interface Write {
  sheet: string;
  /** A1 address (or range) written, "" for sheet-level writes */
  address: string;
  /** property path ("format.fill.color") or "call:<method>" */
  what: string;
  value?: unknown;
}

export class FakeSheet {
  visibility = "Visible";
  /** a protected sheet refuses every write to its cells */
  protected = false;
  readonly cells = new Map<string, FakeCell>();
  merges: string[] = [];
  constructor(public name: string, public readonly id: string) {}

  cell(r: number, c: number): FakeCell {
    const key = `${columnLetter(c + 1)}${r + 1}`;
    let cell = this.cells.get(key);
    if (!cell) {
      cell = { value: "", numberFormat: "General", fill: { ...NO_FILL } };
      this.cells.set(key, cell);
    }
    return cell;
  }
  /** the cell's state without creating it */
  peek(r: number, c: number): FakeCell {
    return this.cells.get(`${columnLetter(c + 1)}${r + 1}`) ?? { value: "", numberFormat: "General", fill: { ...NO_FILL } };
  }
  at(address: string): FakeCell {
    const { row, col } = parseA1(address);
    return this.cell(row - 1, col - 1);
  }
  /** 0-based bounding box of cells holding a value */
  usedBox(): { r0: number; c0: number; r1: number; c1: number } | null {
    let box: { r0: number; c0: number; r1: number; c1: number } | null = null;
    for (const [key, cell] of this.cells) {
      if (cell.value === "" || cell.value === null || cell.value === undefined) continue;
      const { row, col } = parseA1(key);
      const r = row - 1;
      const c = col - 1;
      box = box
        ? { r0: Math.min(box.r0, r), c0: Math.min(box.c0, c), r1: Math.max(box.r1, r), c1: Math.max(box.c1, c) }
        : { r0: r, c0: c, r1: r, c1: c };
    }
    return box;
  }
}

/** Excel.WorksheetChangedEventArgs as the fake raises it (fields by ExcelApi version). */
export interface ChangeEvent {
  type: "WorksheetChanged";
  worksheetId: string;
  address: string;
  changeType: string;
  source: "Local" | "Remote";
  details?: { valueBefore: unknown; valueAfter: unknown; valueTypeBefore: string; valueTypeAfter: string };
  triggerSource?: string;
}

export interface SheetSpec {
  name: string;
  /** rows starting at `at` (default A1) */
  rows: unknown[][];
  at?: string;
  formats?: Record<string, string>;
  fills?: Record<string, Partial<Fill>>;
  merges?: string[];
  visibility?: string;
  protected?: boolean;
}

/** An error as Office.js raises it: a message and an Excel error code. */
export function excelError(code: string, message = code): Error {
  return Object.assign(new Error(message), { code });
}

type Box = { r0: number; c0: number; n: number; m: number };

function intersects(box: Box, a: { r0: number; c0: number; r1: number; c1: number }): boolean {
  return a.r0 <= box.r0 + box.n - 1 && a.r1 >= box.r0 && a.c0 <= box.c0 + box.m - 1 && a.c1 >= box.c0;
}

function boxOf(address: string): { r0: number; c0: number; r1: number; c1: number } {
  const [a, b] = address.split(":");
  const p = parseA1(a);
  const q = b ? parseA1(b) : p;
  return { r0: p.row - 1, c0: p.col - 1, r1: q.row - 1, c1: q.col - 1 };
}

const bytes = (v: unknown) => Buffer.byteLength(JSON.stringify(v ?? null), "utf8");

function rangeAddress(r0: number, c0: number, n: number, m: number): string {
  const a = `${columnLetter(c0 + 1)}${r0 + 1}`;
  const b = `${columnLetter(c0 + m)}${r0 + n}`;
  return a === b ? a : `${a}:${b}`;
}

const FILL_KEYS = ["color", "pattern", "patternColor", "tintAndShade", "patternTintAndShade"] as const;

export class FakeWorkbook {
  readonly sheets: FakeSheet[] = [];
  activeSheetId: string;
  activeCell = { sheetId: "", address: "A1" };
  readonly writes: Write[] = [];
  /** the ExcelApi 1.x minor the host implements (13: everything the add-in uses) */
  apiVersion = 13;
  /** the workbook's file name (Workbook.name, ExcelApi 1.7) */
  name = "2024信访考核.xlsx";
  /** when set, a sync carrying more bytes of written or loaded cell data fails */
  payloadLimitBytes: number | null = null;
  /** Excel's limit on merged areas listed per request */
  mergeLimit = 512;
  /** injected failure: return an error to fail the sync at this write (n = the sync's number) */
  failWrite?: (w: Write, n: number) => Error | undefined;
  /** syncs made so far, over every mock of this workbook */
  syncCount = 0;
  /** syncs that failed, with the error code */
  readonly failedSyncs: string[] = [];
  /**
   * onChanged handlers added through the mock (worksheets.onChanged, ExcelApi 1.9, with sheetId
   * null; Worksheet.onChanged, 1.7, with its sheet's id). They outlive the mock that added them,
   * as handlers outlive their Excel.run in a shared runtime.
   */
  readonly changeHandlers: { sheetId: string | null; handler: (e: ChangeEvent) => Promise<unknown> }[] = [];
  /** events raised so far (user edits, and the add-in's own writes when echoed) */
  readonly events: ChangeEvent[] = [];
  /**
   * Raise onChanged for the add-in's own writes too, as some Excel clients do for format changes:
   * with `triggerSource: "ThisLocalAddin"` from ExcelApi 1.14, with equal before/after details for
   * a single cell from 1.9, and with neither below.
   */
  echoOwnWrites = false;
  private nextId = 1;

  constructor(specs: SheetSpec[]) {
    for (const spec of specs) {
      const sheet = this.addSheet(spec.name);
      if (spec.visibility) sheet.visibility = spec.visibility;
      const at = parseA1(spec.at ?? "A1");
      spec.rows.forEach((row, r) => row.forEach((v, c) => {
        if (v !== null && v !== undefined && v !== "") sheet.cell(at.row - 1 + r, at.col - 1 + c).value = v;
      }));
      for (const [addr, fmt] of Object.entries(spec.formats ?? {})) sheet.at(addr).numberFormat = fmt;
      for (const [addr, fill] of Object.entries(spec.fills ?? {})) Object.assign(sheet.at(addr).fill, fill);
      sheet.merges = spec.merges ?? [];
      if (spec.protected) sheet.protected = true;
    }
    this.activeSheetId = this.sheets[0]?.id ?? "";
    this.activeCell.sheetId = this.activeSheetId;
  }

  addSheet(name: string): FakeSheet {
    const sheet = new FakeSheet(name, `{sheet-${this.nextId++}}`);
    this.sheets.push(sheet);
    return sheet;
  }
  find(key: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.id === key) ?? this.sheets.find((s) => s.name.toLowerCase() === key.toLowerCase());
  }
  sheet(name: string): FakeSheet {
    const s = this.find(name);
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  }
  /** every fill of every cell, for before/after comparison */
  fills(sheet: string): Record<string, Fill> {
    const out: Record<string, Fill> = {};
    for (const [key, cell] of this.sheet(sheet).cells) out[key] = { ...cell.fill };
    return out;
  }

  /** EventHandlers.add: the registration (EventHandlerResult) removes the handler at its context's next sync */
  addHandler(sheetId: string | null, handler: (e: ChangeEvent) => Promise<unknown>, context: () => { sync(): Promise<void> }) {
    const entry = { sheetId, handler };
    this.changeHandlers.push(entry);
    const wb = this;
    return {
      get context() { return context(); },
      remove() {
        const i = wb.changeHandlers.indexOf(entry);
        if (i >= 0) wb.changeHandlers.splice(i, 1);
      },
    };
  }

  /**
   * Delivers `event` to the handlers following its sheet, asynchronously as Excel does; resolves
   * once every handler was called (not once they finished).
   */
  raise(event: ChangeEvent): Promise<void> {
    this.events.push(event);
    const targets = this.changeHandlers.filter((h) => h.sheetId === null || h.sheetId === event.worksheetId);
    return new Promise((resolve) => setTimeout(() => {
      for (const h of targets) void h.handler(event);
      resolve();
    }, 0));
  }

  /**
   * The clerk types or pastes `rows` at `address` (its top-left cell) of `sheet`: the values change
   * and onChanged is raised for the block, as a local edit.
   */
  edit(sheet: string, address: string, rows: unknown[][]): Promise<void> {
    const s = this.sheet(sheet);
    const at = parseA1(address);
    const before = s.peek(at.row - 1, at.col - 1).value;
    rows.forEach((row, r) => row.forEach((v, c) => { s.cell(at.row - 1 + r, at.col - 1 + c).value = v ?? ""; }));
    const n = rows.length;
    const m = Math.max(1, ...rows.map((r) => r.length));
    return this.raise(this.changeEvent(s, rangeAddress(at.row - 1, at.col - 1, n, m), "Local",
      n === 1 && m === 1 ? { before, after: rows[0][0] ?? "" } : null));
  }

  /** an onChanged event as this host version would shape it */
  changeEvent(
    sheet: FakeSheet, address: string, trigger: "Local" | "ThisLocalAddin",
    details: { before: unknown; after: unknown } | null, changeType = "RangeEdited",
  ): ChangeEvent {
    const v = this.apiVersion;
    const typeOf = (x: unknown) => (x === "" || x === null || x === undefined ? "Empty" : typeof x === "number" ? "Double" : typeof x === "boolean" ? "Boolean" : "String");
    return {
      type: "WorksheetChanged", worksheetId: sheet.id, address, changeType, source: "Local",
      ...(v >= 9 && details ? { details: { valueBefore: details.before, valueAfter: details.after, valueTypeBefore: typeOf(details.before), valueTypeAfter: typeOf(details.after) } } : {}),
      ...(v >= 14 ? { triggerSource: trigger === "ThisLocalAddin" ? "ThisLocalAddin" : "Unknown" } : {}),
    };
  }

  /** what the adapter would see as Office.context.requirements */
  api(): ExcelApiSupport {
    return upTo(`1.${this.apiVersion}`);
  }

  private log(w: Write): void {
    this.writes.push(w);
  }

  /** writes queued by the current mock, carried out at its next sync */
  private pending: { write: Write; sheet: FakeSheet; apply: () => void }[] = [];
  /** loads queued since the last sync: their payload in bytes */
  private loads: (() => number)[] = [];
  /** an error the current batch will fail with once its writes are made */
  private batchError: Error | null = null;

  private queue(sheet: FakeSheet, write: Write, apply: () => void): void {
    this.pending.push({ write, sheet, apply });
  }

  /** carries out the queued batch as Excel would, or throws as Excel would */
  private runBatch(): void {
    const n = ++this.syncCount;
    const ops = this.pending.splice(0);
    const loads = this.loads.splice(0);
    const batchError = this.batchError;
    this.batchError = null;
    const fail = (e: Error) => {
      this.failedSyncs.push(String((e as { code?: string }).code ?? e.message));
      throw e;
    };
    if (this.payloadLimitBytes !== null) {
      if (ops.reduce((t, o) => t + bytes(o.write.value), 0) > this.payloadLimitBytes) {
        fail(excelError("RequestPayloadSizeLimitExceeded", "The request payload size has exceeded the limit."));
      }
      if (loads.reduce((t, l) => t + l(), 0) > this.payloadLimitBytes) {
        fail(excelError("ResponsePayloadSizeLimitExceeded", "The response payload size has exceeded the limit."));
      }
    }
    for (const op of ops) {
      const refused = op.sheet.protected && op.write.address !== ""
        ? excelError("AccessDenied", `The cell you're trying to change is on protected sheet ${op.sheet.name}.`)
        : this.failWrite?.(op.write, n);
      if (refused) fail(refused);
      const before = this.echoOwnWrites && op.write.address !== "" ? op.sheet.peek(parseA1(op.write.address.split(":")[0]).row - 1, parseA1(op.write.address.split(":")[0]).col - 1).value : undefined;
      op.apply();
      this.log(op.write);
      if (this.echoOwnWrites && op.write.address !== "") {
        const single = !op.write.address.includes(":");
        const after = single ? op.sheet.at(op.write.address).value : undefined;
        void this.raise(this.changeEvent(op.sheet, op.write.address, "ThisLocalAddin", single ? { before, after } : null));
      }
    }
    if (batchError) fail(batchError);
  }

  /** applies a property write made through a range / sheet proxy to the state */
  private applyWrite(sheet: FakeSheet, box: Box | null, path: string, value: unknown): void {
    if (!box) {
      if (path === "visibility") sheet.visibility = String(value);
      return;
    }
    const each = (fn: (cell: FakeCell, r: number, c: number) => void) => {
      for (let r = 0; r < box.n; r++) for (let c = 0; c < box.m; c++) fn(sheet.cell(box.r0 + r, box.c0 + c), r, c);
    };
    const pick = (v: unknown, r: number, c: number) => (Array.isArray(v) ? (v as unknown[][])[r][c] : v);
    if (path === "values" || path === "formulas") each((cell, r, c) => { cell.value = pick(value, r, c); });
    else if (path === "numberFormat") each((cell, r, c) => { cell.numberFormat = String(pick(value, r, c)); });
    else if (path.startsWith("format.fill.")) {
      const key = path.slice("format.fill.".length) as keyof Fill;
      if (!(FILL_KEYS as readonly string[]).includes(key)) throw new Error(`unknown fill property ${key}`);
      each((cell) => { (cell.fill as unknown as Record<string, unknown>)[key] = value; });
    }
  }

  /** a proxy that queues every property set, binding methods to the mock and counting loaded cells */
  private wrap<T extends object>(target: T, sheet: FakeSheet, box: Box | null, path: string[] = []): T {
    return new Proxy(target, {
      get: (t, k, recv) => {
        const v = Reflect.get(t, k, recv);
        if (k === "load" && typeof v === "function" && box && path.length === 0) {
          return (props?: string) => {
            const wanted = String(props ?? "");
            const grid = (f: (c: FakeCell) => unknown) => Array.from({ length: box.n }, (_, r) =>
              Array.from({ length: box.m }, (_, c) => f(sheet.peek(box.r0 + r, box.c0 + c))));
            if (box.n * box.m <= 1_000_000 && /\b(values|numberFormat)\b/.test(wanted)) {
              this.loads.push(() => (/\bvalues\b/.test(wanted) ? bytes(grid((c) => c.value)) : 0)
                + (/\bnumberFormat\b/.test(wanted) ? bytes(grid((c) => c.numberFormat)) : 0));
            }
            return v.call(t, props);
          };
        }
        if (typeof v === "function") return v.bind(t);
        if (v instanceof OfficeMockObject && typeof k === "string") return this.wrap(v, sheet, box, [...path, k]);
        return v;
      },
      set: (t, k, v) => {
        const what = [...path, String(k)].join(".");
        this.queue(sheet, { sheet: sheet.name, address: box ? rangeAddress(box.r0, box.c0, box.n, box.m) : "", what, value: v },
          () => this.applyWrite(sheet, box, what, v));
        return Reflect.set(t, k, v);
      },
    });
  }

  mock(): OfficeMockObject & { context: { sync(): Promise<void> } } {
    const wb = this;
    const v = this.apiVersion;
    this.pending = [];
    this.loads = [];
    this.batchError = null;
    let seq = 0;
    type Mock = OfficeMockObject & Record<string, unknown>;
    // addMock / populate are how the mock builds its own tree; they are private in its typings
    type Internals = { addMock(key: string): void; populate(data: object): void };
    const inner = (m: Mock) => m as unknown as Internals;
    const child = (parent: Mock, data: Record<string, unknown>): Mock => {
      const key = `m${seq++}`;
      inner(parent).addMock(key);
      const m = parent[key] as Mock;
      inner(m).populate(data);
      return m;
    };
    /** members of ExcelApi 1.`minor`, present only when the host has that set */
    const since = (minor: number, members: Record<string, unknown>) => (v >= minor ? members : {});

    const rangeMock = (parent: Mock, sheet: FakeSheet, r0: number, c0: number, n: number, m: number, boundsOnly = false): Mock => {
      // whole-row and whole-sheet ranges are only asked for their merged areas, used ranges only for
      // their bounds: no cell grid
      const grid = (f: (cell: FakeCell) => unknown) => boundsOnly || m >= 16_384 || n * m > 100_000 ? [] :
        Array.from({ length: n }, (_, r) => Array.from({ length: m }, (_, c) => f(sheet.peek(r0 + r, c0 + c))));
      const box = { r0, c0, n, m };
      const here = rangeAddress(r0, c0, n, m);
      const top = sheet.peek(r0, c0);
      const fill: Record<string, unknown> = {
        color: top.fill.color,
        ...since(9, { pattern: top.fill.pattern, patternColor: top.fill.patternColor, tintAndShade: top.fill.tintAndShade, patternTintAndShade: top.fill.patternTintAndShade }),
        clear() {
          wb.queue(sheet, { sheet: sheet.name, address: here, what: "call:format.fill.clear" }, () => {
            for (let r = 0; r < n; r++) for (let c = 0; c < m; c++) sheet.cell(r0 + r, c0 + c).fill = { ...NO_FILL };
          });
        },
      };
      const mock = child(parent, {
        isNullObject: false, address: `${sheet.name}!${here}`, rowIndex: r0, columnIndex: c0, rowCount: n, columnCount: m,
        values: grid((c) => c.value), numberFormat: grid((c) => c.numberFormat), formulas: grid((c) => c.value),
        format: {
          fill,
          font: { bold: false },
          ...since(2, {
            autofitColumns() { wb.log({ sheet: sheet.name, address: here, what: "call:format.autofitColumns" }); },
            autofitRows() { wb.log({ sheet: sheet.name, address: here, what: "call:format.autofitRows" }); },
          }),
        },
        select() {
          wb.log({ sheet: sheet.name, address: here, what: "call:select" });
          wb.activeCell = { sheetId: sheet.id, address: rangeAddress(r0, c0, 1, 1) };
        },
        clear(applyTo?: string) {
          wb.queue(sheet, { sheet: sheet.name, address: here, what: "call:clear", value: applyTo }, () => {
            for (let r = 0; r < n; r++) for (let c = 0; c < m; c++) sheet.cell(r0 + r, c0 + c).value = "";
          });
        },
        getCell(r: number, c: number) {
          return rangeMock(parent, sheet, r0 + r, c0 + c, 1, 1);
        },
        ...since(2, {
          merge() {
            wb.queue(sheet, { sheet: sheet.name, address: here, what: "call:merge" }, () => { sheet.merges.push(here); });
          },
        }),
        ...since(13, {
          getMergedAreasOrNullObject() {
            const hit = sheet.merges.filter((a) => intersects(box, boxOf(a)));
            if (hit.length > wb.mergeLimit) {
              wb.batchError = excelError("GeneralException", `getMergedAreasOrNullObject: ${hit.length} merged areas (limit ${wb.mergeLimit})`);
            }
            return child(mock, { isNullObject: hit.length === 0, address: hit.map((a) => `${sheet.name}!${a}`).join(", ") });
          },
        }),
      });
      return wb.wrap(mock, sheet, box);
    };
    const nullRange = (parent: Mock): Mock => child(parent, {
      isNullObject: true, address: "", rowIndex: 0, columnIndex: 0, rowCount: 0, columnCount: 0, values: [],
    });
    const usedRange = (parent: Mock, sheet: FakeSheet, orNull: boolean): Mock => {
      const box = sheet.usedBox();
      if (box) return rangeMock(parent, sheet, box.r0, box.c0, box.r1 - box.r0 + 1, box.c1 - box.c0 + 1, true);
      // Worksheet.getUsedRange gives A1 on a blank sheet; the OrNullObject variant a null object
      return orNull ? nullRange(parent) : rangeMock(parent, sheet, 0, 0, 1, 1);
    };

    const sheetMock = (parent: Mock, sheet: FakeSheet): Mock => {
      const key = `s${sheet.id}`;
      if (parent[key] === undefined) {
        inner(parent).addMock(key);
        inner(parent[key] as Mock).populate({
          isNullObject: false, name: sheet.name, id: sheet.id, visibility: sheet.visibility,
          activate() {
            wb.log({ sheet: sheet.name, address: "", what: "call:activate" });
            wb.activeSheetId = sheet.id;
          },
          getRange(address?: string) {
            if (address === undefined) return rangeMock(this as Mock, sheet, 0, 0, 1_048_576, 16_384);
            const rows = /^(\d+):(\d+)$/.exec(address);
            if (rows) return rangeMock(this as Mock, sheet, Number(rows[1]) - 1, 0, Number(rows[2]) - Number(rows[1]) + 1, 16_384);
            const b = boxOf(address);
            return rangeMock(this as Mock, sheet, b.r0, b.c0, b.r1 - b.r0 + 1, b.c1 - b.c0 + 1);
          },
          getUsedRange() { return usedRange(this as Mock, sheet, false); },
          ...since(2, { protection: { protected: sheet.protected } }),
          ...since(7, { onChanged: { add(handler: (e: ChangeEvent) => Promise<unknown>) { return wb.addHandler(sheet.id, handler, () => mock.context); } } }),
          ...since(4, { getUsedRangeOrNullObject() { return usedRange(this as Mock, sheet, true); } }),
          ...since(7, {
            getRangeByIndexes(r: number, c: number, n: number, m: number) {
              return rangeMock(this as Mock, sheet, r, c, n, m);
            },
            freezePanes: { freezeRows(k: number) { wb.log({ sheet: sheet.name, address: "", what: "call:freezeRows", value: k }); } },
          }),
          // print setup (ExcelApi 1.9): property writes are logged as "pageLayout.<name>"
          ...since(9, {
            pageLayout: {
              orientation: "Portrait", paperSize: "Letter", centerHorizontally: false, zoom: { scale: 100 },
              setPrintTitleRows(rows: string) { wb.log({ sheet: sheet.name, address: "", what: "call:pageLayout.setPrintTitleRows", value: rows }); },
              headersFooters: { defaultForAllPages: { centerFooter: "" } },
            },
          }),
        });
      }
      return wb.wrap(parent[key] as Mock, sheet, null);
    };

    const data = {
      context: {
        workbook: {
          worksheets: {
            load() {
              (this as unknown as Mock).items = wb.sheets.map((s) => {
                const m = sheetMock(this as unknown as Mock, s);
                m.load("name,visibility,id");
                return m;
              });
            },
            getActiveWorksheet() { return sheetMock(this as unknown as Mock, wb.sheet(wb.activeSheetId)); },
            getItem(key: string) {
              const s = wb.find(key);
              if (!s) throw new Error(`ItemNotFound: ${key}`);
              return sheetMock(this as unknown as Mock, s);
            },
            ...since(4, {
              getItemOrNullObject(key: string) {
                const s = wb.find(key);
                return s ? sheetMock(this as unknown as Mock, s) : child(this as unknown as Mock, { isNullObject: true, id: "", name: "", visibility: "" });
              },
            }),
            ...since(9, { onChanged: { add(handler: (e: ChangeEvent) => Promise<unknown>) { return wb.addHandler(null, handler, () => mock.context); } } }),
            add(name: string) {
              if (wb.find(name)) throw new Error(`ItemAlreadyExists: ${name}`);
              wb.log({ sheet: name, address: "", what: "call:worksheets.add" });
              return sheetMock(this as unknown as Mock, wb.addSheet(name));
            },
          },
          ...since(7, { name: wb.name }),
          getSelectedRange() {
            const sheet = wb.sheet(wb.activeCell.sheetId);
            const p = parseA1(wb.activeCell.address);
            return rangeMock(this as unknown as Mock, sheet, p.row - 1, p.col - 1, 1, 1);
          },
          ...since(7, {
            getActiveCell() {
              const sheet = wb.sheet(wb.activeCell.sheetId);
              const p = parseA1(wb.activeCell.address);
              return rangeMock(this as unknown as Mock, sheet, p.row - 1, p.col - 1, 1, 1);
            },
          }),
          ...since(13, {
            insertWorksheetsFromBase64(base64: string, options?: unknown) {
              wb.log({ sheet: "", address: "", what: "call:insertWorksheetsFromBase64", value: options });
              const sheet = wb.addSheet(`inserted-${base64.length}`);
              return { value: [sheet.id] };
            },
          }),
        },
      },
      async run(this: { context: unknown }, batch: (ctx: unknown) => Promise<unknown>) {
        return batch(this.context);
      },
    };
    const mock = new OfficeMockObject(data, "excel" as never) as unknown as OfficeMockObject & { context: { sync(): Promise<void> } };
    const mockSync = mock.context.sync.bind(mock.context);
    mock.context.sync = async () => {
      wb.runBatch();
      await mockSync();
    };
    return mock;
  }
}
