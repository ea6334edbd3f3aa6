/**
 * Size budgets of the built artifacts (issue 5), measured on dist/ — a count of bytes, not a clock,
 * so a dependency that bloats the first load fails here instead of slipping through.
 */
import * as fs from "fs";
import * as path from "path";
import { gzipSync } from "zlib";
import { BUILD_TIMEOUT_MS, DIST, ensureBuilt } from "../../support/build";

const KB = 1024;
/** Microsoft's own loader is served as shipped and is not ours to shrink. */
const NOT_OURS = new Set(["office.js"]);

const gz = (file: string) => gzipSync(fs.readFileSync(path.join(DIST, file)), { level: 9 }).length;

function firstLoadScripts(): string[] {
  const html = fs.readFileSync(path.join(DIST, "taskpane.html"), "utf8");
  return [...html.matchAll(/<script[^>]*\bsrc=["']?([^"' >]+)/g)].map((m) => m[1]).filter((src) => !NOT_OURS.has(src));
}

beforeAll(() => ensureBuilt(), BUILD_TIMEOUT_MS);

test("the functions bundle stays within 40 KB gzip", () => {
  expect(gz("functions.js")).toBeLessThanOrEqual(40 * KB);
});

// "200 KB" read the strict way: 200,000 bytes, not 200 KiB (204,800)
test("the pane's first load (every script taskpane.html loads, office.js aside) stays within 200 KB (200,000 B) gzip", () => {
  const scripts = firstLoadScripts();
  expect(scripts).toEqual(expect.arrayContaining(["functions.js", "taskpane.js"]));
  const total = scripts.reduce((sum, s) => sum + gz(s), 0);
  expect(total).toBeLessThanOrEqual(200_000);
});
