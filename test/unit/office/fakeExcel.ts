/**
 * A small Excel workbook behind office-addin-mock: the mock supplies Excel.run, context.sync and
 * load semantics (a property is readable only after load + sync); this file supplies the object
 * model the adapter uses (worksheets, ranges, fills) over one shared state, and records every
 * write — each property set on a range or sheet, and each mutating call.
 *
 * `mock()` builds a NEW OfficeMockObject over the same state, which is what reopening the task
 * pane looks like to the adapter: nothing survives but the workbook.
 */
import { OfficeMockObject } from "office-addin-mock";
import { columnLetter, parseA1 } from "../../../src/core/validate/snapshot";

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

export interface SheetSpec {
  name: string;
  /** rows starting at `at` (default A1) */
  rows: unknown[][];
  at?: string;
  formats?: Record<string, string>;
  fills?: Record<string, Partial<Fill>>;
  merges?: string[];
  visibility?: string;
}

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

  private log(w: Write): void {
    this.writes.push(w);
  }

  /** applies a property write made through a range / sheet proxy to the state */
  private applyWrite(sheet: FakeSheet, box: { r0: number; c0: number; n: number; m: number } | null, path: string, value: unknown): void {
    this.log({ sheet: sheet.name, address: box ? rangeAddress(box.r0, box.c0, box.n, box.m) : "", what: path, value });
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

  /** a proxy that records every property set (and applies it), binding methods to the mock */
  private wrap<T extends object>(target: T, sheet: FakeSheet, box: { r0: number; c0: number; n: number; m: number } | null, path: string[] = []): T {
    return new Proxy(target, {
      get: (t, k, recv) => {
        const v = Reflect.get(t, k, recv);
        if (typeof v === "function") return v.bind(t);
        if (v instanceof OfficeMockObject && typeof k === "string") return this.wrap(v, sheet, box, [...path, k]);
        return v;
      },
      set: (t, k, v) => {
        this.applyWrite(sheet, box, [...path, String(k)].join("."), v);
        return Reflect.set(t, k, v);
      },
    });
  }

  mock(): OfficeMockObject & { context: { sync(): Promise<void> } } {
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const wb = this;
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

    const rangeMock = (parent: Mock, sheet: FakeSheet, r0: number, c0: number, n: number, m: number): Mock => {
      // the whole-sheet range (getRange()) is only asked for its merged areas: no cell grid
      const grid = (f: (cell: FakeCell) => unknown) => n * m > 1_000_000 ? [] :
        Array.from({ length: n }, (_, r) => Array.from({ length: m }, (_, c) => f(sheet.cell(r0 + r, c0 + c))));
      const box = { r0, c0, n, m };
      const address = `${sheet.name}!${rangeAddress(r0, c0, n, m)}`;
      const top = sheet.cell(r0, c0);
      const mock = child(parent, {
        isNullObject: false, address, rowIndex: r0, columnIndex: c0, rowCount: n, columnCount: m,
        values: grid((c) => c.value), numberFormat: grid((c) => c.numberFormat), formulas: grid((c) => c.value),
        format: {
          fill: {
            ...top.fill,
            clear() {
              wb.log({ sheet: sheet.name, address: rangeAddress(r0, c0, n, m), what: "call:format.fill.clear" });
              for (let r = 0; r < n; r++) for (let c = 0; c < m; c++) sheet.cell(r0 + r, c0 + c).fill = { ...NO_FILL };
            },
          },
          font: { bold: false },
          autofitColumns() { wb.log({ sheet: sheet.name, address: rangeAddress(r0, c0, n, m), what: "call:format.autofitColumns" }); },
        },
        select() {
          wb.log({ sheet: sheet.name, address: rangeAddress(r0, c0, n, m), what: "call:select" });
          wb.activeCell = { sheetId: sheet.id, address: rangeAddress(r0, c0, 1, 1) };
        },
        clear(applyTo?: string) {
          wb.log({ sheet: sheet.name, address: rangeAddress(r0, c0, n, m), what: "call:clear", value: applyTo });
          for (let r = 0; r < n; r++) for (let c = 0; c < m; c++) sheet.cell(r0 + r, c0 + c).value = "";
        },
        getMergedAreasOrNullObject() {
          return child(mock, { isNullObject: sheet.merges.length === 0, address: sheet.merges.map((a) => `${sheet.name}!${a}`).join(", ") });
        },
      });
      return wb.wrap(mock, sheet, box);
    };
    const nullRange = (parent: Mock): Mock => child(parent, {
      isNullObject: true, address: "", rowIndex: 0, columnIndex: 0, rowCount: 0, columnCount: 0, values: [],
    });

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
            const [a, b] = address.split(":");
            const p = parseA1(a);
            const q = b ? parseA1(b) : p;
            return rangeMock(this as Mock, sheet, p.row - 1, p.col - 1, q.row - p.row + 1, q.col - p.col + 1);
          },
          getRangeByIndexes(r: number, c: number, n: number, m: number) {
            return rangeMock(this as Mock, sheet, r, c, n, m);
          },
          getUsedRangeOrNullObject() {
            const box = sheet.usedBox();
            return box ? rangeMock(this as Mock, sheet, box.r0, box.c0, box.r1 - box.r0 + 1, box.c1 - box.c0 + 1) : nullRange(this as Mock);
          },
          freezePanes: { freezeRows(n: number) { wb.log({ sheet: sheet.name, address: "", what: "call:freezeRows", value: n }); } },
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
            getItemOrNullObject(key: string) {
              const s = wb.find(key);
              return s ? sheetMock(this as unknown as Mock, s) : child(this as unknown as Mock, { isNullObject: true, id: "", name: "", visibility: "" });
            },
            add(name: string) {
              if (wb.find(name)) throw new Error(`ItemAlreadyExists: ${name}`);
              wb.log({ sheet: name, address: "", what: "call:worksheets.add" });
              return sheetMock(this as unknown as Mock, wb.addSheet(name));
            },
          },
          getActiveCell() {
            const sheet = wb.sheet(wb.activeCell.sheetId);
            const p = parseA1(wb.activeCell.address);
            return rangeMock(this as unknown as Mock, sheet, p.row - 1, p.col - 1, 1, 1);
          },
          insertWorksheetsFromBase64(base64: string, options?: unknown) {
            wb.log({ sheet: "", address: "", what: "call:insertWorksheetsFromBase64", value: options });
            const sheet = wb.addSheet(`inserted-${base64.length}`);
            return { value: [sheet.id] };
          },
        },
      },
      async run(this: { context: unknown }, batch: (ctx: unknown) => Promise<unknown>) {
        return batch(this.context);
      },
    };
    return new OfficeMockObject(data, "excel" as never) as unknown as OfficeMockObject & { context: { sync(): Promise<void> } };
  }
}
