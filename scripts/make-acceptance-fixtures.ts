/**
 * Writes the acceptance workbooks of test/fixtures/acceptance as real .xlsx files, with ExcelJS:
 *   test/fixtures/acceptance/<slug>.xlsx        the clean workbook
 *   test/fixtures/acceptance/<slug>-dirty.xlsx  its dirty twin (planted errors)
 * Merged cells are real merges, dates are Excel dates (a date-formatted serial), numbers typed as
 * text stay text cells. Run: `node scripts/run-ts.js scripts/make-acceptance-fixtures.ts`.
 */
import { mkdirSync } from "fs";
import { join, resolve } from "path";
import ExcelJS from "exceljs";
import { isDateValue } from "../src/core/input/coerce";
import type { WorkbookSnapshot } from "../src/core/validate/snapshot";
import { snapshotOf } from "../test/fixtures/acceptance/build";
import { ACCEPTANCE_FILES, workbooks } from "../test/fixtures/acceptance/workbooks";

const outDir = resolve(__dirname, "..", "test", "fixtures", "acceptance");
/** A fixed timestamp so that re-running the script gives the same workbook properties. */
const FIXED = new Date(Date.UTC(2024, 11, 31));
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const MS_PER_DAY = 86_400_000;

async function writeAcceptanceWorkbook(snap: WorkbookSnapshot, path: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "GOV acceptance fixtures";
  wb.created = FIXED;
  wb.modified = FIXED;
  for (const sheet of snap.sheets) {
    const ws = wb.addWorksheet(sheet.name);
    sheet.rows.forEach((row, r) => {
      row.forEach((v, c) => {
        if (v === null || v === undefined) return;
        const cell = ws.getCell(r + 1, c + 1);
        if (isDateValue(v)) {
          cell.value = new Date(EXCEL_EPOCH_MS + v.serial * MS_PER_DAY);
          cell.numFmt = "yyyy-mm-dd";
        } else if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") {
          cell.value = v; // a string stays a text cell, "１６" and "17" included
          if (typeof v === "string" && v.includes("\n")) cell.alignment = { wrapText: true };
        }
      });
    });
    for (const m of sheet.merges ?? []) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
  }
  await wb.xlsx.writeFile(path);
}

async function main(): Promise<void> {
  mkdirSync(outDir, { recursive: true });
  for (const wb of workbooks) {
    const slug = ACCEPTANCE_FILES[wb.file];
    for (const dirty of [false, true]) {
      const path = join(outDir, `${slug}${dirty ? "-dirty" : ""}.xlsx`);
      await writeAcceptanceWorkbook(snapshotOf(wb, dirty), path);
      process.stdout.write(`${path}\n`);
    }
  }
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
