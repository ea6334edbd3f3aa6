/**
 * The 填报单位 of a sheet, for the report's summary: the `填报单位：…` line the templates carry
 * between their title and their header (`填报单位:深圳市信访办公室   填报日期:2024年12月31日`, or
 * the label and the name in two cells). A sheet without one gives null: the report then says
 * 未注明 rather than guessing from the rows (a 评分表 lists many units, one per row).
 */
import type { ValidationResult } from "../validate/engine";
import type { SheetSnapshot, WorkbookSnapshot } from "../validate/snapshot";

const LABEL = /^[\s\u3000]*(?:填报单位|报送单位|填表单位)[\s\u3000]*(?:[（(]盖章[）)])?[\s\u3000]*[:：]?[\s\u3000]*(.*)$/su;
/** where the unit's name ends: another label on the same line, or a wide gap */
const END = /[\s\u3000]{2,}|(?:填报|填表|报送)?日期|填报人|联系人|联系电话|（盖章）|\(盖章\)/u;
/** how far down a sheet without a recognised header is looked at */
const SCAN_ROWS = 10;

function text(v: unknown): string {
  return typeof v === "string" ? v : typeof v === "number" ? String(v) : "";
}

function nameFrom(rest: string): string {
  const m = END.exec(rest);
  const name = (m ? rest.slice(0, m.index) : rest).trim();
  return name.replace(/[：:]+$/u, "").trim();
}

/**
 * The unit named by a `填报单位` line above the header (sheet row `headerRow`, 1-based; null: the
 * first rows), or null when there is none.
 */
export function sheetUnit(sheet: SheetSnapshot, headerRow: number | null): string | null {
  const origin = sheet.origin?.row ?? 1;
  const last = headerRow === null ? SCAN_ROWS : headerRow - origin;
  for (let r = 0; r < Math.min(last, sheet.rows.length); r++) {
    const row = sheet.rows[r] ?? [];
    for (let c = 0; c < row.length; c++) {
      const m = LABEL.exec(text(row[c]));
      if (!m) continue;
      const inline = nameFrom(m[1]);
      if (inline !== "") return inline;
      // the label alone in its cell: the name is in the next filled cell of the row
      for (let k = c + 1; k < row.length; k++) {
        const next = text(row[k]).trim();
        if (next === "") continue;
        if (LABEL.test(next) || END.test(next) && nameFrom(next) === "") break;
        const name = nameFrom(next);
        if (name !== "") return name;
        break;
      }
    }
  }
  return null;
}

/** The validation result with each sheet's 填报单位 (`unit`, null when none) read from `snapshot`. */
export function withUnits<R extends Pick<ValidationResult, "sheets">>(
  snapshot: WorkbookSnapshot, result: R,
): Omit<R, "sheets"> & { sheets: (R["sheets"][number] & { unit: string | null })[] } {
  const byName = new Map(snapshot.sheets.map((s) => [s.name, s]));
  return {
    ...result,
    sheets: result.sheets.map((s) => {
      const snap = byName.get(s.sheet);
      return { ...s, unit: snap ? sheetUnit(snap, s.headerRow) : null };
    }),
  };
}
