/**
 * Shared build for the tests that check built artifacts (manifest.test, dist.test): builds dist/
 * once with `webpack --mode production` when it is missing or older than its sources, so
 * `npm test` works on a fresh clone and CI (which builds first) does not build twice. Jest runs
 * test files in parallel workers, so the build is serialised by a lock directory.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";

export const ROOT = path.resolve(__dirname, "..", "..");
export const DIST = path.join(ROOT, "dist");

/** The files every build must emit; their oldest mtime is the build's time. */
const OUTPUTS = ["functions.js", "functions.json", "functions.html", "taskpane.js", "taskpane.html", "office.js"];
/** What the build reads (package.json: a dependency bump changes the bundles). */
const INPUTS = ["src", "assets", "webpack.config.js", "package.json"];

const LOCK = path.join(ROOT, "node_modules", ".cache", "gov-build.lock");
const STALE_LOCK_MS = 15 * 60 * 1000;
export const BUILD_TIMEOUT_MS = 10 * 60 * 1000;

function newestMtime(p: string): number {
  if (!fs.existsSync(p)) return 0;
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of fs.readdirSync(p)) {
    if (entry.startsWith(".") || entry === "node_modules") continue;
    newest = Math.max(newest, newestMtime(path.join(p, entry)));
  }
  return newest;
}

/** Why dist/ must be rebuilt, or null when it is up to date. */
export function staleReason(): string | null {
  let built = Infinity;
  for (const f of OUTPUTS) {
    const p = path.join(DIST, f);
    if (!fs.existsSync(p)) return `dist/${f} is missing`;
    built = Math.min(built, fs.statSync(p).mtimeMs);
  }
  for (const input of INPUTS) {
    if (newestMtime(path.join(ROOT, input)) > built) return `${input} changed after the last build`;
  }
  return null;
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function acquireLock(): void {
  fs.mkdirSync(path.dirname(LOCK), { recursive: true });
  const deadline = Date.now() + BUILD_TIMEOUT_MS;
  for (;;) {
    try {
      fs.mkdirSync(LOCK);
      return;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      // a lock left behind by a killed run must not block every later run
      try {
        if (Date.now() - fs.statSync(LOCK).mtimeMs > STALE_LOCK_MS) fs.rmSync(LOCK, { recursive: true, force: true });
      } catch {
        // removed by its owner meanwhile: try again
      }
      if (Date.now() > deadline) throw new Error(`timed out waiting for the build lock ${LOCK}`);
      sleep(500);
    }
  }
}

/** Builds dist/ unless it is fresh. Throws with webpack's output when the build fails. */
export function ensureBuilt(): void {
  if (staleReason() === null) return;
  acquireLock();
  try {
    // another worker may have built while we waited for the lock
    if (staleReason() === null) return;
    const cli = require.resolve("webpack-cli/bin/cli.js", { paths: [ROOT] });
    try {
      execFileSync(process.execPath, [cli, "--mode", "production"], {
        cwd: ROOT,
        stdio: "pipe",
        timeout: BUILD_TIMEOUT_MS,
        env: { ...process.env, NODE_ENV: "production" },
      });
    } catch (e) {
      const err = e as { stdout?: Buffer; stderr?: Buffer; message: string };
      const out = `${err.stdout?.toString() ?? ""}\n${err.stderr?.toString() ?? ""}`.trim();
      throw new Error(`webpack build failed:\n${out.slice(-4000) || err.message}`);
    }
  } finally {
    fs.rmSync(LOCK, { recursive: true, force: true });
  }
}

/** Path of a built file, e.g. dist("functions.json"). */
export function dist(...parts: string[]): string {
  return path.join(DIST, ...parts);
}
