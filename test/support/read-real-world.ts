/**
 * Child-process half of the real-world fixtures' time-zone test (test/unit/xlsx/real-world.test.ts):
 * reads every fixture with both entries of the reader under the TZ it was started with and
 * prints one JSON line: { tz, offsetMinutes, files: { name: [fileSheets, bufferSheets] } }.
 */
import { readFileSync, readdirSync } from "fs";
import { join } from "path";
import { readWorkbookBuffer, readWorkbookFile } from "../../src/xlsx/read";

const dir = join(__dirname, "..", "fixtures", "real-world");

async function main(): Promise<void> {
  const files: Record<string, unknown> = {};
  for (const f of readdirSync(dir).filter((n) => n.endsWith(".xlsx")).sort()) {
    const a = await readWorkbookFile(join(dir, f));
    const b = await readWorkbookBuffer(readFileSync(join(dir, f)));
    files[f] = [a.sheets, b.sheets];
  }
  process.stdout.write(`${JSON.stringify({ tz: process.env.TZ, offsetMinutes: new Date(Date.UTC(2024, 3, 6)).getTimezoneOffset(), files })}\n`);
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
