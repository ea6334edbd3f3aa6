/**
 * `npm run templates`: writes the sample workbooks from scripts/samples/<id>.ts —
 *   assets/templates/<id>.xlsx                    a clean, filled example (sample.clean())
 *   assets/templates/examples/<id>-errors.xlsx    the same layout with planted errors
 *   assets/templates/examples/planted.json        every planted error, per file
 * Each written workbook is read back and validated; a clean sample with an error finding, or a
 * planted error the validator does not report at its cell, is listed and the script exits 1.
 */
import { mkdirSync, writeFileSync } from "fs";
import { join, resolve } from "path";
import { templates, validateWorkbook } from "../src/core/validate";
import type { SheetSnapshot } from "../src/core/validate/snapshot";
import type { TemplateId } from "../src/core/validate/templates";
import { readWorkbookBuffer } from "../src/xlsx/buffer";
import { writeSnapshotWorkbook } from "../src/xlsx/write";
import type { PlantedError, TemplateSample } from "./samples/types";

const root = resolve(__dirname, "..");
const samplesDir = join(root, "scripts", "samples");
const outDir = join(root, "assets", "templates");
const examplesDir = join(outDir, "examples");

/** Rows to set in bold: a merged title in row 1, the header row, and the sub-header under a merged group. */
export function headerRows(sheet: SheetSnapshot, headerRow: number | null): number[] {
  const rows = new Set<number>();
  const merges = sheet.merges ?? [];
  const o = sheet.origin ?? { row: 1, col: 1 };
  for (const m of merges) if (m.top === 0 && m.right > m.left) rows.add(o.row);
  if (headerRow !== null) {
    rows.add(headerRow);
    for (const m of merges) {
      const top = o.row + m.top;
      // a group cell over sub-columns, or a header cell merged down over two rows
      if (top === headerRow && (m.bottom > m.top || m.right > m.left)) {
        for (let r = top; r <= o.row + m.bottom; r++) rows.add(r);
        if (m.right > m.left && m.bottom === m.top) rows.add(headerRow + 1);
      }
    }
  }
  return [...rows].sort((a, b) => a - b);
}

async function writeSheet(sample: TemplateSample, sheet: SheetSnapshot, file: string): Promise<Uint8Array> {
  const result = validateWorkbook({ sheets: [sheet] });
  const headerRow = result.sheets[0]?.headerRow ?? null;
  const bold = headerRows(sheet, headerRow);
  const bytes = await writeSnapshotWorkbook([
    { sheet, widths: sample.widths, boldRows: bold, freezeBelow: bold.length > 0 ? Math.max(...bold) + 1 : undefined },
  ]);
  writeFileSync(file, bytes);
  return bytes;
}

async function main(): Promise<number> {
  mkdirSync(examplesDir, { recursive: true });
  // one sample module per registered template (scripts/samples/<id>.ts); helpers beside them are not samples
  const ids = templates.map((t) => t.id as string).sort();
  const planted: Record<string, { template: TemplateId; sheet: string; planted: PlantedError[] }> = {};
  const problems: string[] = [];
  for (const id of ids) {
    const mod = require(join(samplesDir, `${id}.ts`)) as { sample?: TemplateSample };
    const sample = mod.sample;
    if (!sample) {
      problems.push(`${id}.ts: 没有导出 sample`);
      continue;
    }
    const cleanBytes = await writeSheet(sample, sample.clean(), join(outDir, `${sample.id}.xlsx`));
    const clean = validateWorkbook(await readWorkbookBuffer(cleanBytes));
    if (clean.sheets[0]?.template !== sample.id) problems.push(`${sample.id}.xlsx: 识别为 ${clean.sheets[0]?.template ?? "无模板"}`);
    for (const f of clean.findings.filter((x) => x.severity === "error")) {
      problems.push(`${sample.id}.xlsx ${f.cell} ${f.rule}: ${f.message}`);
    }

    const errors = sample.errors();
    const name = `${sample.id}-errors.xlsx`;
    const errBytes = await writeSheet(sample, errors.sheet, join(examplesDir, name));
    planted[name] = { template: sample.id, sheet: errors.sheet.name, planted: errors.planted };
    const found = validateWorkbook(await readWorkbookBuffer(errBytes)).findings;
    for (const p of errors.planted) {
      if (!found.some((f) => f.cell === p.cell && f.rule === p.rule && f.severity === p.severity)) {
        problems.push(`${name} ${p.cell} ${p.rule} (${p.severity}) 未被报告: ${p.what}`);
      }
    }
    process.stdout.write(`${sample.id}: ${sample.id}.xlsx, examples/${name} (${errors.planted.length} 处预置错误)\n`);
  }
  writeFileSync(join(examplesDir, "planted.json"), `${JSON.stringify(planted, null, 2)}\n`);
  for (const p of problems) process.stderr.write(`make-templates: ${p}\n`);
  return problems.length > 0 ? 1 : 0;
}

// run by scripts/run-ts.js (require.main is the launcher, not this file)
{
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`make-templates: ${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
      process.exitCode = 1;
    },
  );
}
