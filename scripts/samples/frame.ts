/**
 * The frame every office puts around its table: a merged title row, a 填报单位 / 填报日期 line, the
 * header, the data rows, a blank row and a note. One place for it, so the samples differ only in
 * their data.
 */
import type { CellValue } from "../../src/core/input/coerce";
import type { SheetSnapshot } from "../../src/core/validate/snapshot";

export interface Frame {
  name: string;
  header: readonly CellValue[];
  title: string;
  /** 填报单位 (without the label) */
  unit: string;
  /** 填报日期 (without the label) and the column it is written in */
  date: string;
  dateCol: number;
  rows: CellValue[][];
  /** the note below the table, label included ("注:…", "说明:…") */
  note: string;
}

export function framedSheet(f: Frame): SheetSnapshot {
  const line = (...cells: Array<[number, CellValue]>): CellValue[] => {
    const r: CellValue[] = f.header.map(() => null);
    for (const [c, v] of cells) r[c] = v;
    return r;
  };
  return {
    name: f.name,
    rows: [
      line([0, f.title]),
      line([0, `填报单位:${f.unit}`], [f.dateCol, `填报日期:${f.date}`]),
      [...f.header],
      ...f.rows,
      line(),
      line([0, f.note]),
    ],
    merges: [{ top: 0, left: 0, bottom: 0, right: f.header.length - 1 }],
  };
}
