/**
 * A static file server over a built folder on 127.0.0.1 (a free port), for the Chromium e2e tests:
 * only files under `root`, with the content types the pane's files need.
 */
import * as fs from "fs";
import * as http from "http";
import * as path from "path";
import { chromium, type Browser, type Page } from "playwright-core";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".json": "application/json",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".png": "image/png",
  ".css": "text/css", ".map": "application/json", ".xml": "application/xml",
};

export function serve(root: string): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const file = path.normalize(path.join(root, decodeURIComponent(url.pathname)));
    if (!file.startsWith(root) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream" });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

/** Debian's Chromium, which the e2e tests drive (never a downloaded browser). */
export const CHROMIUM = "/usr/bin/chromium";

/** Headless Chromium as root on a closed network (toolchain.md 11). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-quic",
      "--no-first-run", "--disable-component-update", "--disable-sync"],
  });
}

/**
 * The e2e suite `title` when Debian's Chromium is installed. Without it: under CI, one failing
 * test (a skipped end-to-end suite must not pass for a green run); elsewhere, skipped and counted.
 */
export function describeInChromium(what: string, title: string, body: () => void): void {
  const have = fs.existsSync(CHROMIUM);
  if (!have && process.env.CI) {
    test("chromium is installed (required under CI)", () => {
      throw new Error(`${CHROMIUM} is missing: the end-to-end ${what} test cannot run under CI`);
    });
  } else if (!have) {
    test.skip(`${what} end to end (${CHROMIUM} not found)`, () => undefined);
  } else {
    describe(title, body);
  }
}

/** Records every long task of the page's main thread from its start (call before page.goto). */
export async function watchLongTasks(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __longTasks: number[] };
    w.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longTasks.push(e.duration);
    }).observe({ type: "longtask", buffered: true });
  });
}

/** The long tasks recorded so far (ms); `clear` starts the count afresh. */
export function longTasks(page: Page, clear = false): Promise<number[]> {
  return page.evaluate((c) => {
    const w = window as unknown as { __longTasks: number[] };
    const all = [...w.__longTasks];
    if (c) w.__longTasks.length = 0;
    return all;
  }, clear);
}

/**
 * Opens the standalone pane at `base` in `page`, chooses `file` and waits for its 违规（n）
 * heading: the seconds from the choosing, the long tasks of that time (ms), and the first
 * progress text matching `progress` (null when none showed). The e2e test and the bench both
 * time the pane this way.
 */
export async function openInPane(page: Page, base: string, file: string, violations: number, progress: RegExp): Promise<{ seconds: number; tasks: number[]; progress: string | null }> {
  await watchLongTasks(page);
  await page.goto(`${base}/taskpane.html`);
  await page.getByRole("heading", { name: /校验|检查|GOV/ }).first().waitFor({ timeout: 60_000 });
  // only what happens from the file's opening on counts
  await longTasks(page, true);
  const started = Date.now();
  await page.setInputFiles("input[type=file]", file);
  const shown = await page.getByRole("status").filter({ hasText: progress }).first().textContent({ timeout: 60_000 }).catch(() => null);
  await page.getByRole("heading", { name: `违规（${violations}）` }).waitFor({ timeout: 180_000 });
  const seconds = (Date.now() - started) / 1000;
  return { seconds, tasks: await longTasks(page), progress: shown };
}
