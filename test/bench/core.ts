/**
 * Core validation against its floors, on the same in-memory snapshot:
 *  - bare loop: touches every cell (what any validator must at least do);
 *  - coercing loop: coerces every mapped cell once with the same core/input functions the
 *    template's checks use (the floor for a template that reads every column);
 *  - engine + coercion: the real engine with ONE row check reading every column through
 *    row.value (the engine's own overhead over the coercing loop);
 *  - full: validateWorkbook with the real template and all its checks.
 */
import { isBlank, toCategory, toChoice, toCount, toDate, toNumber, toText, toYesNo } from "../../src/core/input/coerce";
import { isError } from "../../src/core/input/errors";
import { runValidation } from "../../src/core/validate/engine";
import { findHeader } from "../../src/core/validate/header";
import { templates } from "../../src/core/validate/templates";
import type { SheetSnapshot } from "../../src/core/validate/snapshot";
import type { Check, TemplateDef } from "../../src/core/validate/template";
import type { TemplateId } from "../../src/core/validate/templates";
import { ROLES } from "../../src/core/validate/templates/patrol";
import { type BenchSheet, cellCount } from "./sheets";

type Coerce = (v: unknown, p: string) => unknown;
const num: Coerce = (v, p) => toNumber(v, p, { min: 0 });

/** The coercion each template's checks apply to each column (templates/petition.ts, patrol.ts). */
export const COERCIONS: Record<"petition" | "patrol", Record<string, Coerce>> = {
  petition: {
    unit: toText, category: toCategory, leadership: num, grassroots: num, information: num, collective: num,
    cases: num, innovation: num, total: num, percent: num, rank: num, major: toYesNo,
  },
  patrol: {
    date: (v, p) => toDate(v, p), grid: toText, worker: toText, patrols: (v, p) => toCount(v, p), hoursInGrid: num,
    workingHours: num, role: (v, p) => toChoice(v, p, ROLES, { blank: "worker" }),
  },
};

export function templateOf(id: TemplateId): TemplateDef {
  const t = templates.find((x) => x.id === id);
  if (!t) throw new Error(`no template ${id}`);
  return t;
}

/** ms of one call of fn, best of `runs` (the machine is shared: the best run is the least disturbed). */
export function best(runs: number, fn: () => unknown): number {
  let min = Number.POSITIVE_INFINITY;
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    fn();
    min = Math.min(min, Number(process.hrtime.bigint() - t) / 1e6);
  }
  return min;
}

/** Touches every cell: counts the non-blank ones (the result is returned so it is not optimised away). */
export function bareLoop(s: SheetSnapshot): number {
  let n = 0;
  const rows = s.rows;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (v !== null && v !== undefined && v !== "") n++;
    }
  }
  return n;
}

/** Coerces every mapped, non-blank data cell once with the template's own coercions. */
export function coercingLoop(s: SheetSnapshot, id: "petition" | "patrol"): number {
  const m = findHeader(s, templateOf(id));
  if (!m) throw new Error("header not found");
  const cols: [number, Coerce, string][] = [];
  for (const [key, list] of m.columns) {
    const f = COERCIONS[id][key];
    if (f) for (const c of list) cols.push([c, f, key]);
  }
  let ok = 0;
  for (let r = m.dataStart; r < s.rows.length; r++) {
    const row = s.rows[r];
    for (let k = 0; k < cols.length; k++) {
      const v = row[cols[k][0]];
      if (isBlank(v)) continue;
      // coercions return a CellError for a bad cell (errors as values): only good cells count
      if (!isError(cols[k][1](v, cols[k][2]))) ok++;
    }
  }
  return ok;
}

/** The template with one check reading every column once through ctx.value, or with none. */
export function probeTemplate(id: "petition" | "patrol", read: boolean): TemplateDef {
  const t = templateOf(id);
  const keys = Object.keys(COERCIONS[id]);
  // sub-columns per key, counted on the first row (the table's columns are the same for every row)
  let widths: number[] | null = null;
  const readAll: Check = {
    id: "read-all", rule: t.checks[0].rule, severity: "error", description: "读取每一列", messages: [],
    row(row) {
      widths ??= keys.map((k) => row.getAll(k).length);
      for (let k = 0; k < keys.length; k++) {
        for (let index = 0; index < widths[k]; index++) row.value(keys[k], index);
      }
    },
  };
  return { ...t, checks: read ? [readAll] : [] };
}

export interface CoreRow {
  template: string;
  rows: number;
  cells: number;
  findings: number;
  bareMs: number;
  coerceMs: number;
  engineNoChecksMs: number;
  engineReadMs: number;
  fullMs: number;
}

export function measureCore(sheet: BenchSheet, runs: number): CoreRow {
  const s = sheet.snapshot;
  const id = sheet.template;
  const snap = { sheets: [s] };
  const none = [probeTemplate(id, false)];
  const read = [probeTemplate(id, true)];
  const bareMs = best(runs * 3, () => bareLoop(s));
  const coerceMs = best(runs, () => coercingLoop(s, id));
  const engineNoChecksMs = best(runs, () => runValidation(snap, { templates: none, template: id }));
  const engineReadMs = best(runs, () => runValidation(snap, { templates: read, template: id }));
  let findings = 0;
  const fullMs = best(runs, () => {
    findings = runValidation(snap, { templates, template: id }).findings.length;
  });
  return { template: id, rows: sheet.rows, cells: cellCount(s), findings, bareMs, coerceMs, engineNoChecksMs, engineReadMs, fullMs };
}
