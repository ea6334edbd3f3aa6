/**
 * office.js in a real Chromium, from the built pages (dist/, default build): Microsoft's CDN
 * first, the add-in's own copy when the CDN cannot be reached.
 *   - CDN refused (an offline or air-gapped network): the local office.js loads, functions.js still
 *     finds the CustomFunctions global (no page error), the standalone pane validates a sample; the
 *     next load skips the CDN altogether, even when the CDN host would hang.
 *   - CDN reachable (a local stand-in answering for appsforoffice.microsoft.com with Microsoft's
 *     files and a marker): the CDN copy is used and the local office.js is never requested.
 *   - taskpane-compat.html (Excel 2016/2019) never loads functions.js.
 * Our own origin is a local HTTP server; every other host is refused unless the test answers it.
 *
 * Without /usr/bin/chromium the test is skipped (test.skip, counted as skipped) — except under CI, where a
 * missing browser is a failure.
 */
import * as fs from "fs";
import * as http from "http";
import * as path from "path";
import type { AddressInfo } from "net";
import type { Browser, BrowserContext, Page, Route } from "playwright-core";
import { DIST as BUILT_DIST, ensureBuilt } from "../support/build";
import { CHROMIUM, launchChromium, serve } from "../support/serve";

/** GOV_E2E_DIST serves another finished build (e.g. a scratch one) instead of building dist/. */
const DIST = process.env.GOV_E2E_DIST ? path.resolve(process.env.GOV_E2E_DIST) : BUILT_DIST;
const CDN_DIR = "https://appsforoffice.microsoft.com/lib/1/hosted/";
const CDN_OFFICE_JS = `${CDN_DIR}office.js`;
const MEMO_KEY = "GOV.officeJs.cdnUnreachableAt";
jest.setTimeout(10 * 60 * 1000);

type CdnMode = "refuse" | "hang" | "stand-in";

interface Opened {
  page: Page;
  errors: string[];
  /** every script URL the page asked for, in order */
  scripts: string[];
}

const haveChromium = fs.existsSync(CHROMIUM);
if (!haveChromium && process.env.CI) {
  test("chromium is installed (required under CI)", () => {
    throw new Error(`${CHROMIUM} is missing: the end-to-end office.js test cannot run under CI`);
  });
} else if (!haveChromium) {
  test.skip(`office.js end to end (${CHROMIUM} not found)`, () => undefined);
} else {
  describe("office.js: Microsoft's CDN first, the bundled copy when the CDN cannot be reached", () => {
    let server: http.Server;
    let browser: Browser;
    let base: string;
    /** requests left hanging (cdn "hang"): answered at the end so nothing leaks */
    const hanging: Route[] = [];

    beforeAll(async () => {
      if (!process.env.GOV_E2E_DIST) ensureBuilt();
      server = await serve(DIST);
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      browser = await launchChromium();
    });

    afterAll(async () => {
      for (const r of hanging.splice(0)) await r.abort().catch(() => undefined);
      await browser?.close();
      await new Promise((r) => (server ? server.close(r) : r(undefined)));
    });

    /** A context whose network is our server plus, depending on `cdn`, Microsoft's CDN host. */
    async function context(cdn: () => CdnMode): Promise<BrowserContext> {
      const ctx = await browser.newContext({ viewport: { width: 420, height: 900 } });
      await ctx.route("**/*", async (route) => {
        const url = route.request().url();
        if (url.startsWith(base) || url.startsWith("data:") || url.startsWith("blob:")) return route.continue();
        if (url.startsWith(CDN_DIR)) {
          const mode = cdn();
          if (mode === "hang") {
            hanging.push(route);
            return undefined;
          }
          if (mode === "stand-in") {
            // Microsoft's files as the CDN would serve them; office.js carries a marker
            const file = path.join(DIST, new URL(url).pathname.slice(new URL(CDN_DIR).pathname.length));
            if (!fs.existsSync(file)) return route.fulfill({ status: 404, body: "" });
            let body = fs.readFileSync(file, "utf8");
            if (url === CDN_OFFICE_JS) body = `window.__GOV_TEST_CDN_OFFICE_JS = true;\n${body}`;
            return route.fulfill({ status: 200, contentType: "text/javascript; charset=utf-8", body });
          }
        }
        return route.abort();
      });
      return ctx;
    }

    async function open(ctx: BrowserContext, pageName: string, query = "?sample=1"): Promise<Opened> {
      const page = await ctx.newPage();
      const errors: string[] = [];
      const scripts: string[] = [];
      page.on("pageerror", (e) => errors.push(e.message));
      page.on("request", (r) => { if (r.resourceType() === "script") scripts.push(r.url()); });
      await page.goto(`${base}/${pageName}${query}`, { timeout: 60_000 });
      return { page, errors, scripts };
    }

    /** The standalone pane validated the bundled sample: its findings are on screen. */
    async function paneWorks(page: Page): Promise<void> {
      await page.getByRole("heading", { name: /^(违规|需说明|提示)（\d+）$/ }).first().waitFor({ timeout: 60_000 });
    }

    const officeSource = (page: Page) => page.evaluate(() => (window as unknown as { GOV_OFFICE_JS_SOURCE?: string }).GOV_OFFICE_JS_SOURCE);
    const hasOffice = (page: Page) => page.evaluate(() => typeof (window as unknown as { Office?: unknown }).Office === "object");

    test("CDN refused: the bundled office.js loads, functions.js and the pane run; the next load skips the CDN even if it hangs", async () => {
      let cdn: CdnMode = "refuse";
      const ctx = await context(() => cdn);
      const first = await open(ctx, "taskpane.html");
      await paneWorks(first.page);
      expect(first.scripts).toContain(CDN_OFFICE_JS);
      const localAt = first.scripts.indexOf(`${base}/office.js`);
      expect(localAt).toBeGreaterThan(first.scripts.indexOf(CDN_OFFICE_JS));
      // office.js (defining CustomFunctions) before functions.js, which would throw without it
      expect(first.scripts.indexOf(`${base}/functions.js`)).toBeGreaterThan(localAt);
      expect(await hasOffice(first.page)).toBe(true);
      expect(await officeSource(first.page)).toBe("local");
      expect(first.errors).toEqual([]);
      expect(Number(await first.page.evaluate((k) => localStorage.getItem(k), MEMO_KEY))).toBeGreaterThan(0);
      await first.page.close();

      // a network that swallows packets to the CDN instead of refusing them: the remembered
      // failure means this load never waits on it
      cdn = "hang";
      const second = await open(ctx, "taskpane.html");
      await paneWorks(second.page);
      expect(second.scripts.filter((u) => u.startsWith(CDN_DIR))).toEqual([]);
      expect(second.scripts).toContain(`${base}/office.js`);
      expect(await officeSource(second.page)).toBe("local");
      expect(second.errors).toEqual([]);
      await ctx.close();
    });

    test("a CDN failure older than a day is forgotten: the CDN is tried again", async () => {
      const ctx = await context(() => "stand-in");
      await ctx.addInitScript((key) => {
        if (!localStorage.getItem(key)) localStorage.setItem(key, String(Date.now() - 2 * 24 * 60 * 60 * 1000));
      }, MEMO_KEY);
      const { page, scripts, errors } = await open(ctx, "taskpane.html", "");
      await page.locator("input[type=file]").first().waitFor({ state: "attached", timeout: 30_000 });
      expect(scripts).toContain(CDN_OFFICE_JS);
      expect(await officeSource(page)).toBe("cdn");
      expect(errors).toEqual([]);
      await ctx.close();
    });

    test("CDN reachable (a stand-in): the CDN office.js is used and the bundled one is never requested", async () => {
      const ctx = await context(() => "stand-in");
      const { page, scripts, errors } = await open(ctx, "taskpane.html");
      await paneWorks(page);
      expect(await page.evaluate(() => (window as unknown as { __GOV_TEST_CDN_OFFICE_JS?: boolean }).__GOV_TEST_CDN_OFFICE_JS)).toBe(true);
      expect(await officeSource(page)).toBe("cdn");
      expect(await hasOffice(page)).toBe(true);
      expect(scripts).toContain(CDN_OFFICE_JS);
      // office.js fetches its own helpers from the folder it came from: the CDN, not our copy
      expect(scripts).toContain(`${CDN_DIR}o15apptofilemappingtable.js`);
      expect(scripts.filter((u) => u.startsWith(base) && /\/(office|o15apptofilemappingtable)\.js$/.test(u))).toEqual([]);
      expect(scripts.indexOf(`${base}/functions.js`)).toBeGreaterThan(scripts.indexOf(CDN_OFFICE_JS));
      expect(errors).toEqual([]);
      await ctx.close();
    });

    test.each(["refuse", "stand-in"] as const)("taskpane-compat.html (CDN %s): office.js and the pane, never functions.js", async (mode) => {
      const ctx = await context(() => mode);
      const { page, scripts, errors } = await open(ctx, "taskpane-compat.html");
      await paneWorks(page);
      expect(scripts.filter((u) => /functions\.js$/.test(u))).toEqual([]);
      expect(scripts).toContain(`${base}/taskpane.js`);
      expect(await hasOffice(page)).toBe(true);
      expect(await officeSource(page)).toBe(mode === "refuse" ? "local" : "cdn");
      expect(errors).toEqual([]);
      await ctx.close();
    });
  });
}
