/**
 * Pictures of the report workbook as it prints (issue 11 item 6): govcheck --report over the
 * built-in samples (the examples with planted errors, one clean template, one unreadable file),
 * printed to PDF by LibreOffice, the first page of each sheet turned into a PNG:
 *   test/e2e/artifacts/report-summary.png   (校验汇总)
 *   test/e2e/artifacts/report-findings.png  (问题清单, its first page)
 *
 *   node scripts/run-ts.js scripts/report-screenshot.ts [outDir]
 *
 * Needs `soffice` (LibreOffice) and `pdftoppm` (poppler-utils); without them it says so and exits
 * 0 — CI does not depend on it, the PNGs are committed. With fonts-crosextra-carlito (Calibri's
 * metrics, the workbook's default font) the columns are as wide as in Excel; without it
 * LibreOffice substitutes a wider font and the rows look taller than they need.
 */
import { spawnSync } from "child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join, resolve } from "path";
import ExcelJS from "exceljs";
import { main } from "../src/cli/main";

const ROOT = resolve(__dirname, "..");
const OUT = resolve(process.argv[2] ?? join(ROOT, "test/e2e/artifacts"));

function has(cmd: string): boolean {
  return spawnSync("sh", ["-c", `command -v ${cmd}`], { encoding: "utf8" }).status === 0;
}

function sink() {
  let text = "";
  return { write: (s: string) => { text += s; return true; }, isTTY: false, get text() { return text; } };
}

/** Prints `xlsx` to PDF (every sheet, in order) and returns the PDF's path. */
function toPdf(xlsx: string, dir: string): string {
  const r = spawnSync("soffice", ["--headless", "--norestore", `-env:UserInstallation=file://${join(dir, "profile")}`,
    "--convert-to", "pdf", "--outdir", dir, xlsx], { encoding: "utf8", timeout: 180_000 });
  const pdf = readdirSync(dir).find((f) => f.endsWith(".pdf"));
  if (r.status !== 0 || !pdf) throw new Error(`soffice failed: ${r.stderr || r.stdout}`);
  return join(dir, pdf);
}

function pageToPng(pdf: string, page: number, out: string): void {
  const base = out.replace(/\.png$/, "");
  const r = spawnSync("pdftoppm", ["-png", "-r", "110", "-f", String(page), "-l", String(page), "-singlefile", pdf, base], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`pdftoppm failed: ${r.stderr}`);
}

async function run(): Promise<number> {
  if (!has("soffice") || !has("pdftoppm")) {
    process.stdout.write("report-screenshot: skipped (needs soffice and pdftoppm: apt-get install libreoffice-calc poppler-utils)\n");
    return 0;
  }
  const work = mkdtempSync(join(tmpdir(), "gov-report-shot-"));
  try {
    // a folder as a clerk receives it: submissions with errors, a clean one, an old .xls
    const inbox = join(work, "报送", "2024年度");
    mkdirSync(inbox, { recursive: true });
    const examples = join(ROOT, "assets/templates/examples");
    for (const f of readdirSync(examples).filter((f) => f.endsWith(".xlsx"))) copyFileSync(join(examples, f), join(inbox, f));
    copyFileSync(join(ROOT, "assets/templates/petition.xlsx"), join(inbox, "信访考核评分表.xlsx"));
    writeFileSync(join(inbox, "旧报表.xls"), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)]));
    const report = join(work, "校验报告.xlsx");
    const io = { stdout: sink(), stderr: sink(), cwd: work, env: { NO_COLOR: "1" } };
    // a folder picks up .xlsx files only: the old .xls is named as well, as a clerk would
    const code = await main(["报送", join("报送", "2024年度", "旧报表.xls"), "--report", report], io);
    if (code > 3) throw new Error(`govcheck exit ${code}: ${io.stderr.text}`);

    // how many pages the summary prints on: the findings sheet starts after them
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(report);
    const summaryOnly = join(work, "summary-only");
    mkdirSync(summaryOnly);
    const pdf = toPdf(report, work);
    const info = spawnSync("pdfinfo", [pdf], { encoding: "utf8" }).stdout;
    const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? "2");
    wb.removeWorksheet(wb.worksheets[1].id);
    const justSummary = join(summaryOnly, "summary.xlsx");
    await wb.xlsx.writeFile(justSummary);
    const summaryPages = Number(/Pages:\s+(\d+)/.exec(spawnSync("pdfinfo", [toPdf(justSummary, summaryOnly)], { encoding: "utf8" }).stdout)?.[1] ?? "1");

    mkdirSync(OUT, { recursive: true });
    pageToPng(pdf, 1, join(OUT, "report-summary.png"));
    if (pages > summaryPages) pageToPng(pdf, summaryPages + 1, join(OUT, "report-findings.png"));
    process.stdout.write(`report-screenshot: ${pages} pages (summary ${summaryPages}); wrote ${join(OUT, "report-summary.png")}${pages > summaryPages ? " and report-findings.png" : ""}\n`);
    return 0;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

run().then((code) => { process.exitCode = code; }, (e: unknown) => {
  process.stderr.write(`report-screenshot: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
});
