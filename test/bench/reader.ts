/**
 * The reader against ExcelJS's streaming reader and against the floor, on one file (issue 10):
 * - whole processes (best of `runs`, alternated): GOV's reader visiting every cell
 *   (reader-visit.js), ExcelJS's streaming reader doing the same (exceljs-visit.js), and govcheck
 *   (read + validate + JSON output); wall seconds and peak RSS;
 * - in this process, the parts the choice was made on: inflating the biggest sheet with node:zlib
 *   and with DecompressionStream; decoding it and visiting every tag ("<"), the floor's pass;
 *   the purpose-built scanner (scan.ts) and saxes (the SAX parser ExcelJS uses) over the same
 *   text with no work per tag; and the core checks on the snapshot. floorSeconds = inflate +
 *   one pass over the tags + the core checks.
 */
import { readFileSync } from "fs";
import * as path from "path";
import { SaxesParser } from "saxes";
import { validateWorkbook } from "../../src/core/validate";
import { readWorkbookFile, zlibInflate } from "../../src/xlsx/read";
import { XmlScanner } from "../../src/xlsx/scan";
import { bytesSource } from "../../src/xlsx/source";
import { type Inflate, ZipPackage, webInflate } from "../../src/xlsx/zip";
import { DEFAULT_ZIP_LIMITS, type ZipEntry } from "../../src/xlsx/zip-guard";
import { GOVCHECK, combineRuns, govcheckArgs, runNode, type ProcRun } from "./cli";

const READER_VISIT = path.join(__dirname, "reader-visit.js");
const EXCELJS_VISIT = path.join(__dirname, "exceljs-visit.js");

export interface ReaderRun {
  file: string;
  reader: ProcRun;
  exceljs: ProcRun;
  govcheck: ProcRun;
  /** in-process, best of runs, seconds */
  inflateZlibSeconds: number;
  inflateWebSeconds: number;
  tagPassSeconds: number;
  scannerSeconds: number;
  saxesSeconds: number;
  coreSeconds: number;
  floorSeconds: number;
  sheetMB: number;
}

async function best(runs: number, f: () => Promise<void> | void): Promise<number> {
  let min = Infinity;
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    await f();
    min = Math.min(min, Number(process.hrtime.bigint() - t) / 1e9);
  }
  return min;
}


export async function measureReader(file: string, runs: number): Promise<ReaderRun> {
  runNode([GOVCHECK, "--help"]); // lib/ compiled, outside the timing
  const runsOf: ProcRun[][] = [[], [], []];
  for (let i = 0; i < runs; i++) {
    runsOf[0].push(runNode([READER_VISIT, file]));
    runsOf[1].push(runNode([EXCELJS_VISIT, file]));
    runsOf[2].push(runNode(govcheckArgs(file)));
  }
  // best time; median peak (combineRuns)
  const [reader, exceljs, govcheck] = runsOf.map(combineRuns);
  for (const [who, r] of [["reader", reader], ["exceljs", exceljs]] as const) {
    if (r.status !== 0) throw new Error(`${who} failed on ${file}: ${r.stderr.split("\n")[0]}`);
  }

  const bytes = readFileSync(file);
  const open = (inflate: Inflate) => ZipPackage.open(bytesSource(bytes), DEFAULT_ZIP_LIMITS, inflate);
  const zip = await open(zlibInflate);
  const sheet = zip.entries.filter((e) => /worksheets\/.*\.xml$/i.test(e.name)).sort((a, b) => b.size - a.size)[0] as ZipEntry;
  const inflateWith = async (inflate: Inflate) => {
    const z = await open(inflate);
    for await (const chunk of z.bytes(sheet)) void chunk;
  };
  const inflateZlibSeconds = await best(runs, () => inflateWith(zlibInflate));
  const inflateWebSeconds = await best(runs, () => inflateWith(webInflate));
  let tags = 0;
  const tagPassSeconds = await best(runs, async () => {
    tags = 0;
    for await (const s of zip.text(sheet)) for (let i = s.indexOf("<"); i >= 0; i = s.indexOf("<", i + 1)) tags++;
  });
  if (tags === 0) throw new Error("no tags in the sheet");
  const noop = { open() {}, close() {}, text() {} };
  const scannerSeconds = await best(runs, async () => {
    const sc = new XmlScanner(noop, sheet.name);
    for await (const s of zip.text(sheet)) sc.feed(s);
    sc.end();
  });
  const saxesSeconds = await best(runs, async () => {
    const p = new SaxesParser();
    p.on("opentag", () => undefined);
    p.on("closetag", () => undefined);
    p.on("text", () => undefined);
    for await (const s of zip.text(sheet)) p.write(s);
    p.close();
  });
  const snapshot = await readWorkbookFile(file);
  const coreSeconds = await best(runs, () => {
    validateWorkbook(snapshot);
  });
  return {
    file: path.basename(file), reader, exceljs, govcheck,
    inflateZlibSeconds, inflateWebSeconds, tagPassSeconds, scannerSeconds, saxesSeconds, coreSeconds,
    // inflating is inside the tag pass (zip.text inflates as it decodes)
    floorSeconds: tagPassSeconds + coreSeconds,
    sheetMB: sheet.size / 2 ** 20,
  };
}
