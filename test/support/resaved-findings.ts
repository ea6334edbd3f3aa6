/**
 * The findings of test/fixtures/resaved, as comparable lines (sheet!cell, check, severity,
 * message), for test/unit/xlsx/resaved.test.ts. Run as a script it prints one JSON line —
 * { tz, offsetMinutes, files: { "<writer>/<name>" or "original/<name>": lines } } — under the TZ
 * it was started with (the test's child processes).
 */
import { readFileSync } from "fs";
import { basename, join } from "path";
import { validateWorkbook } from "../../src/core/validate";
import type { Finding } from "../../src/core/validate/findings";
import { readWorkbookBuffer, readWorkbookFile } from "../../src/xlsx/read";
import { originals, WRITERS } from "../fixtures/resaved/make";

export const RESAVED = join(__dirname, "..", "fixtures", "resaved");

const line = (f: Finding) => `${f.sheet}!${f.cell} ${f.check} ${f.severity} ${f.message}`;

/**
 * A workbook's findings as sorted lines, with each sheet's template and row count first. Read as
 * govcheck reads it (a file, node:zlib) or as the pane does (bytes, DecompressionStream).
 */
export async function findingLines(file: string, via: "file" | "bytes" = "file"): Promise<string[]> {
  const v = validateWorkbook(await (via === "file" ? readWorkbookFile(file) : readWorkbookBuffer(readFileSync(file))));
  return [...v.sheets.map((s) => `sheet ${s.sheet} ${s.template ?? "-"} ${s.rows}`), ...v.findings.map(line).sort()];
}

async function main(): Promise<void> {
  const files: Record<string, string[]> = {};
  for (const o of originals()) {
    files[`original/${basename(o)}`] = await findingLines(o);
    for (const w of WRITERS) files[`${w}/${basename(o)}`] = await findingLines(join(RESAVED, w, basename(o)));
  }
  process.stdout.write(`${JSON.stringify({ tz: process.env.TZ, offsetMinutes: new Date(Date.UTC(2024, 3, 6)).getTimezoneOffset(), files })}\n`);
}

if (process.argv[1] === __filename) {
  main().catch((e) => {
    process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
    process.exit(1);
  });
}
