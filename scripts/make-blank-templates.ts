/**
 * `npm run templates:blank`: writes the blank fill-in templates, one per registered template —
 *   assets/templates/blank/<id>.xlsx   title, 填报单位/填报日期 line, header, empty rows with
 *                                      dropdowns, bounds and formulas (blank-spec.ts)
 *   assets/templates/blank/<id>.json   its formulas and validations, for the pane to write cell by
 *                                      cell where Excel cannot insert worksheets (src/office/template.ts)
 * Each written workbook is read back and validated: a blank that is not recognised as its
 * template, or with any finding of severity error, is listed and the script exits 1.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "fs";
import { join, resolve } from "path";
import { isDeepStrictEqual } from "util";
import { validateWorkbook } from "../src/core/validate";
import { readWorkbookBuffer } from "../src/xlsx/buffer";
import { blankSheets } from "./blank-spec";
import { workbookContent, writeBlankWorkbook } from "./blank-workbook";

const outDir = resolve(__dirname, "..", "assets", "templates", "blank");

async function main(): Promise<number> {
  mkdirSync(outDir, { recursive: true });
  const problems: string[] = [];
  for (const blank of blankSheets()) {
    const bytes = await writeBlankWorkbook(blank);
    const file = join(outDir, `${blank.id}.xlsx`);
    // the zip stamps the time of writing: an unchanged blank keeps its committed bytes
    const same = existsSync(file) && isDeepStrictEqual(await workbookContent(readFileSync(file)), await workbookContent(bytes));
    if (!same) writeFileSync(file, bytes);
    writeFileSync(join(outDir, `${blank.id}.json`), `${JSON.stringify(blank.extras, null, 1)}\n`);
    const result = validateWorkbook(await readWorkbookBuffer(bytes));
    if (result.sheets[0]?.template !== blank.id) problems.push(`${blank.id}.xlsx: 识别为 ${result.sheets[0]?.template ?? "无模板"}`);
    for (const f of result.findings.filter((x) => x.severity === "error")) problems.push(`${blank.id}.xlsx ${f.cell} ${f.rule}: ${f.message}`);
    process.stdout.write(`${blank.id}: blank/${blank.id}.xlsx（公式${blank.extras.formulas.length}处，数据验证${blank.extras.validations.length}处）\n`);
  }
  for (const p of problems) process.stderr.write(`make-blank-templates: ${p}\n`);
  return problems.length > 0 ? 1 : 0;
}

// run by scripts/run-ts.js (require.main is the launcher, not this file)
{
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`make-blank-templates: ${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
      process.exitCode = 1;
    },
  );
}
