/**
 * End to end in a real Chromium: the built pane, opened as a plain web page with no Office and no
 * network (every non-local request is aborted), must fall back to standalone mode, validate a
 * bundled sample with planted errors in the browser, list each planted cell, let the clerk click
 * a finding and download the report. Screenshots: test/e2e/artifacts/pane.png, and pane-groups.png
 * (the 100 k-row sheet's group of 提示 expanded).
 *
 * Without /usr/bin/chromium the test is skipped (test.skip, counted as skipped, not passed) —
 * except under CI, where a missing browser is a failure.
 */
import * as fs from "fs";
import * as http from "http";
import * as path from "path";
import type { AddressInfo } from "net";
import type { Browser, Page } from "playwright-core";
import { DIST as BUILT_DIST, ROOT, ensureBuilt } from "../support/build";
import { describeInChromium, launchChromium, openInPane, serve } from "../support/serve";
import { templateIds } from "../../src/core/validate/templates";
import type { TemplateSample } from "../../scripts/samples/types";
import { expectedOf } from "../fixtures/acceptance/build";
import { ACCEPTANCE_FILES, workbooks } from "../fixtures/acceptance/workbooks";

/** GOV_E2E_DIST serves another finished build (e.g. a scratch one) instead of building dist/. */
const DIST = process.env.GOV_E2E_DIST ? path.resolve(process.env.GOV_E2E_DIST) : BUILT_DIST;
const ARTIFACTS = path.join(__dirname, "artifacts");
/** Order of preference for the sample to open: the registry's order (petition first). */
const SAMPLE_IDS: readonly string[] = templateIds;

jest.setTimeout(15 * 60 * 1000);

async function plantedFor(id: string): Promise<{ cell: string; rule: string }[]> {
  const mod = (await import(`../../scripts/samples/${id}`)) as { sample: TemplateSample };
  return mod.sample.errors().planted;
}

/** The cell shown on each finding button ("F7", or "Sheet!F7" when several sheets). */
/** The cells the list shows, consequences folded under their root opened first (each is a finding too). */
async function shownCells(page: Page): Promise<string[]> {
  const folded = page.getByRole("button", { name: /^连带问题\d+条$/, expanded: false });
  for (let n = await folded.count(); n > 0; n = await folded.count()) await folded.first().click();
  const texts = await page.locator("li > button > span:first-child").allTextContents();
  return texts.map((t) => t.replace(/^.*!/, ""));
}

describeInChromium("pane", "task pane in Chromium, standalone and offline", () => {
  let server: http.Server;
  let browser: Browser;
  let base: string;
  let sampleId: string;
  /** requests aborted (office.js may probe a CDN): the pane must work without them */
  const blocked: string[] = [];

  beforeAll(async () => {
    if (!process.env.GOV_E2E_DIST) ensureBuilt();
    const found = SAMPLE_IDS.find((id) => fs.existsSync(path.join(DIST, "assets/templates/examples", `${id}-errors.xlsx`)));
    if (!found) throw new Error("no sample workbook in dist/assets/templates/examples (npm run templates, then build)");
    sampleId = found;
    server = await serve(DIST);
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((r) => (server ? server.close(r) : r(undefined)));
  });

  async function openPane(query = ""): Promise<{ page: Page; errors: string[]; scripts: string[]; workers: string[] }> {
    const page = await browser.newPage({ viewport: { width: 420, height: 900 }, acceptDownloads: true });
    const errors: string[] = [];
    const scripts: string[] = [];
    const workers: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    page.on("worker", (w) => workers.push(w.url()));
    page.on("request", (r) => { if (r.resourceType() === "script") scripts.push(r.url()); });
    // no network: only our own origin answers
    await page.route("**/*", (route) => {
      const url = route.request().url();
      if (url.startsWith(base) || url.startsWith("data:") || url.startsWith("blob:")) return route.continue();
      blocked.push(url);
      return route.abort();
    });
    await page.goto(`${base}/taskpane.html${query}`);
    return { page, errors, scripts, workers };
  }

  test("a sample with planted errors: every planted cell listed, a finding clicked, report downloaded", async () => {
    const planted = await plantedFor(sampleId);
    const { page, errors, scripts } = await openPane();
    // outside Office the pane must not hang: the file picker appears
    const input = page.locator("input[type=file]").first();
    await input.waitFor({ state: "attached", timeout: 30_000 });
    expect(await input.getAttribute("accept")).toContain(".xlsx");
    // ExcelJS is not part of the first load
    expect(scripts.filter((u) => /exceljs/.test(u))).toEqual([]);
    await input.setInputFiles(path.join(DIST, "assets/templates/examples", `${sampleId}-errors.xlsx`));
    await page.getByRole("heading", { name: /^(违规|需说明|提示)（\d+）$/ }).first().waitFor({ timeout: 60_000 });

    const cells = await shownCells(page);
    for (const p of planted) expect(cells).toContain(p.cell);

    const first = page.locator("li > button", { hasText: planted[0].cell }).first();
    await first.click();
    expect(await first.getAttribute("aria-current")).toBe("true");
    expect(await page.getByRole("status").filter({ hasText: planted[0].cell }).count()).toBeGreaterThan(0);

    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "下载校验报告" }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe(`${sampleId}-errors-校验报告.xlsx`);
    const saved = path.join(ARTIFACTS, file.suggestedFilename());
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    await file.saveAs(saved);
    expect(fs.readFileSync(saved).subarray(0, 2).toString()).toBe("PK");

    await page.screenshot({ path: path.join(ARTIFACTS, "pane.png"), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  test.each(workbooks.map((wb) => [wb.file, wb] as const))(
    "untidy office workbook %s (several sheets): every planted cell is on screen",
    async (_file, wb) => {
      const file = path.join(ROOT, "test/fixtures/acceptance", `${ACCEPTANCE_FILES[wb.file]}-dirty.xlsx`);
      const { page, errors } = await openPane();
      const input = page.locator("input[type=file]").first();
      await input.waitFor({ state: "attached", timeout: 30_000 });
      await input.setInputFiles(file);
      await page.getByRole("heading", { name: /^(违规|需说明|提示)（\d+）$/ }).first().waitFor({ timeout: 60_000 });
      const cells = await shownCells(page);
      for (const c of wb.cases) for (const e of expectedOf(c)) expect(cells).toContain(e.cell);
      expect(errors).toEqual([]);
      await page.close();
    },
  );

  // its time beside govcheck's (≤ 1.5×) is a speed target: npm run bench measures it (test/bench/pane.ts)
  test("a 100k-row petition sheet: progress with numbers, the page never blocked over 200 ms, every 违规 govcheck finds", async () => {
    const { writeXlsx } = await import("../bench/cli");
    const { petitionSheet } = await import("../bench/sheets");
    const { spawnSync } = await import("child_process");
    const dir = fs.mkdtempSync(path.join(require("os").tmpdir(), "gov-e2e-big-"));
    try {
      const file = path.join(dir, "petition-100000.xlsx");
      await writeXlsx(petitionSheet(100_000), file);
      // govcheck on the same file: the pane must show the same number of 违规
      const r = spawnSync(process.execPath, [path.join(ROOT, "bin", "govcheck.js"), file, "--format", "json"], { encoding: "utf8", maxBuffer: 1 << 30 });
      const findings = (JSON.parse(r.stdout) as { summary: { errors: number } }).summary.errors;
      expect(findings).toBeGreaterThan(0);
      const errors: string[] = [];
      const page = await browser.newPage({ viewport: { width: 420, height: 900 } });
      page.on("pageerror", (e) => errors.push(e.message));
      const { seconds: paneSeconds, tasks, progress } = await openInPane(page, base, file, findings, /正在读取petition-100000\.xlsx：工作表“.+”（1\/1）\d+%/);
      const longest = Math.max(0, ...tasks);
      process.stdout.write(`PANE-100K ${JSON.stringify({ paneSeconds, longestTaskMs: Math.round(longest), longTasks: tasks.length, progress })}\n`);
      expect(progress).toMatch(/\d+%/);
      expect(errors).toEqual([]);
      expect(longest).toBeLessThanOrEqual(200);
      // 100 k findings, not 100 k rows: every unit's 提示 is one group, expanded a page at a time
      expect(await page.locator("li").count()).toBeLessThan(1_000);
      const group = page.getByRole("button", { name: /共100000处/ });
      await group.click();
      expect(await group.getAttribute("aria-expanded")).toBe("true");
      await page.getByText("还有99800条未显示").waitFor();
      expect(await page.locator("li").count()).toBeLessThan(1_500);
      await group.scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(ARTIFACTS, "pane-groups.png") });
      expect(errors).toEqual([]);
      await page.close();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test("?sample=1 opens on a sample directly, read and validated in a Web Worker without ExcelJS; ExcelJS loads only for the report", async () => {
    const { page, errors, scripts, workers } = await openPane("?sample=1");
    await page.getByRole("heading", { name: /^(违规|需说明|提示)（\d+）$/ }).first().waitFor({ timeout: 60_000 });
    expect(await page.getByText(/^文件：.+-errors\.xlsx$/).count()).toBe(1);
    expect(workers.some((u) => /\/check-worker\.js$/.test(u))).toBe(true);
    expect(scripts.filter((u) => /exceljs/.test(u))).toEqual([]);
    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "下载校验报告" }).click();
    await download;
    expect(scripts.some((u) => /exceljs/.test(u))).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });
});
