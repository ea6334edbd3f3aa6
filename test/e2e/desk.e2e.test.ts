/**
 * End to end in a real Chromium (issue 12 items 2–5): the built pane as a plain web page, no Office
 * and no network, for a supervisor's desk — three files opened at once (two samples and a broken
 * one) give three verdict lines and one file's findings at a time; 合并校验 finds what only the
 * files together show; the 函数 tab's calculator computes GOV.GRID_STAFFING with the functions'
 * own code and shows the #VALUE! message a cell would; the 模板 tab's downloads exist.
 * Screenshots: test/e2e/artifacts/desk-files.png, desk-calculator.png.
 *
 * Without /usr/bin/chromium the test is skipped — except under CI, where that is a failure.
 */
import * as fs from "fs";
import * as http from "http";
import * as os from "os";
import * as path from "path";
import type { AddressInfo } from "net";
import type { Browser, Page } from "playwright-core";
import { DIST as BUILT_DIST, ensureBuilt } from "../support/build";
import { describeInChromium, launchChromium, serve } from "../support/serve";

const DIST = process.env.GOV_E2E_DIST ? path.resolve(process.env.GOV_E2E_DIST) : BUILT_DIST;
const ARTIFACTS = path.join(__dirname, "artifacts");
const EXAMPLES = path.join(DIST, "assets/templates/examples");

jest.setTimeout(5 * 60 * 1000);

describeInChromium("desk", "the pane outside Excel, for a supervisor's desk", () => {
  let server: http.Server;
  let browser: Browser;
  let base: string;
  let dir: string;

  beforeAll(async () => {
    if (!process.env.GOV_E2E_DIST) ensureBuilt();
    server = await serve(DIST);
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await launchChromium();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "gov-e2e-desk-"));
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((r) => (server ? server.close(r) : r(undefined)));
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  async function openPane(): Promise<{ page: Page; errors: string[] }> {
    const page = await browser.newPage({ viewport: { width: 420, height: 900 }, acceptDownloads: true });
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.route("**/*", (route) => {
      const url = route.request().url();
      if (url.startsWith(base) || url.startsWith("data:") || url.startsWith("blob:")) return route.continue();
      return route.abort();
    });
    await page.goto(`${base}/taskpane.html`);
    await page.locator("input[type=file]").waitFor({ state: "attached", timeout: 30_000 });
    return { page, errors };
  }

  test("three files at once: three verdict lines, one file's findings at a time", async () => {
    const broken = path.join(dir, "损坏的报表.xlsx");
    fs.writeFileSync(broken, "这不是工作簿");
    const { page, errors } = await openPane();
    await page.locator("input[type=file]").setInputFiles([
      path.join(EXAMPLES, "grid-errors.xlsx"), path.join(EXAMPLES, "petition-errors.xlsx"), broken,
    ]);
    const list = page.getByRole("region", { name: "已打开3个文件" });
    await list.getByText(/^通过\d+个，未通过\d+个，无法读取1个$/).waitFor({ timeout: 60_000 });
    const lines = await list.getByRole("listitem").allTextContents();
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^grid-errors\.xlsx未通过（违规\d+处）$/);
    expect(lines[1]).toMatch(/^petition-errors\.xlsx未通过（违规\d+处）$/);
    expect(lines[2]).toMatch(/^损坏的报表\.xlsx无法读取（.+）$/);

    // the first file's findings; then the second's, alone
    await page.getByText("文件：grid-errors.xlsx").waitFor();
    await list.getByRole("button", { name: /^petition-errors\.xlsx/ }).click();
    await page.getByText("文件：petition-errors.xlsx").waitFor();
    expect(await page.getByText("文件：grid-errors.xlsx").count()).toBe(0);
    expect(await page.getByRole("heading", { name: /^违规（\d+）$/ }).count()).toBe(1);
    await page.getByRole("button", { name: "下载校验报告" }).waitFor();
    expect(await page.getByRole("button", { name: "下载校验报告" }).isEnabled()).toBe(true);

    fs.mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: path.join(ARTIFACTS, "desk-files.png"), fullPage: false });

    // one report over the three files, the broken one a row with its reason
    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "下载校验报告" }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe("grid-errors等3个文件-校验报告.xlsx");
    const saved = path.join(dir, "report.xlsx");
    await file.saveAs(saved);
    const { readWorkbookBuffer } = await import("../../src/xlsx/buffer");
    const report = await readWorkbookBuffer(fs.readFileSync(saved));
    const summary = JSON.stringify(report.sheets[0].rows);
    for (const name of ["grid-errors.xlsx", "petition-errors.xlsx", "损坏的报表.xlsx", "无法读取"]) expect(summary).toContain(name);

    await list.getByRole("button", { name: /^损坏的报表\.xlsx/ }).click();
    expect(await page.getByRole("alert").textContent()).toMatch(/^无法读取“损坏的报表\.xlsx”：不是\.xlsx工作簿/);
    expect(errors).toEqual([]);
    await page.close();
  });

  test("合并校验: the same trip requests in two files, each 团长's second trip named in the other file", async () => {
    const a = path.join(dir, "甲区出访.xlsx");
    const b = path.join(dir, "乙区出访.xlsx");
    fs.copyFileSync(path.join(EXAMPLES, "trip-errors.xlsx"), a);
    fs.copyFileSync(path.join(EXAMPLES, "trip-errors.xlsx"), b);
    const { page, errors } = await openPane();
    await page.locator("input[type=file]").setInputFiles([a, b]);
    const list = page.getByRole("region", { name: "已打开2个文件" });
    await list.getByText(/^通过\d+个，未通过\d+个，无法读取0个$/).waitFor({ timeout: 60_000 });
    await page.getByRole("checkbox", { name: "合并校验" }).check();
    // TRIP-2 is a 需说明: the verdicts may stay as they were, the findings do not
    await list.getByText(/^通过\d+个，未通过\d+个，无法读取0个$/).waitFor({ timeout: 60_000 });
    // each 团长's trips, counted over both files: one group of TRIP-2 findings, naming the other file
    await page.getByRole("button", { name: /率团出访.*共\d+处/ }).click();
    await page.getByRole("button", { name: /“乙区出访\.xlsx”/ }).first().waitFor({ timeout: 30_000 });
    expect(errors).toEqual([]);
    await page.close();
  });

  test("函数: the calculator computes GOV.GRID_STAFFING from typed values; bad input gives the cell's #VALUE! message; 模板 downloads exist", async () => {
    const { page, errors } = await openPane();
    await page.getByRole("tab", { name: "函数" }).click();
    await page.getByRole("button", { name: "试算 GOV.GRID_STAFFING" }).click();
    const form = page.getByRole("form", { name: "试算 GOV.GRID_STAFFING" });
    await form.getByLabel("户数").fill("2,700户");
    await form.getByLabel(/^星级/).fill("五星级");
    await form.getByRole("button", { name: "计算" }).click();
    const cells = form.getByRole("status").locator("td");
    await cells.first().waitFor({ timeout: 30_000 });
    // 2 700 households: 3 posts; five stars: ¥50 000 a year, half city, half district
    expect(await cells.allTextContents()).toEqual(["3", "50000", "25000", "25000"]);

    await page.getByRole("button", { name: "试算 GOV.TRIP_DAYS" }).click();
    const days = page.getByRole("form", { name: "试算 GOV.TRIP_DAYS" });
    await days.getByRole("button", { name: "计算" }).click();
    await days.getByRole("status").getByText("6").waitFor();

    await form.getByLabel("户数").fill("-3");
    await form.getByRole("button", { name: "计算" }).click();
    await form.getByRole("status").getByText("#VALUE!：户数须为非负整数，填报为“-3”").waitFor();
    await form.getByLabel("户数").fill("2,700户");
    await form.getByRole("button", { name: "计算" }).click();
    await cells.first().waitFor();
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    await page.getByRole("listitem", { name: "GOV.GRID_STAFFING" }).screenshot({ path: path.join(ARTIFACTS, "desk-calculator.png") });

    await page.getByRole("tab", { name: "模板" }).click();
    const blanks = page.getByRole("link", { name: /^下载空白模板 / });
    await blanks.first().waitFor();
    const samples = page.getByRole("link", { name: /^下载填写示例 / });
    expect(await blanks.count()).toBe(6);
    expect(await samples.count()).toBe(6);
    for (const link of [...(await blanks.all()), ...(await samples.all())]) {
      const href = await link.getAttribute("href");
      const res = await page.request.get(`${base}/${href}`);
      expect(res.status()).toBe(200);
      expect((await res.body()).subarray(0, 2).toString()).toBe("PK");
    }
    expect(errors).toEqual([]);
    await page.close();
  });
});
