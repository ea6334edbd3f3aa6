/**
 * Shared build for the tests that check built artifacts (manifest.test, dist.test): builds dist/
 * once with `webpack --mode production` when it is missing or older than its sources, so
 * `npm test` works on a fresh clone and CI (which builds first) does not build twice.
 *
 * jest's globalSetup (test/support/global-setup.ts) builds first, with buildWithProgress: it says
 * "building dist/ for the tests (about N s)…" and counts the seconds, where a build hidden in a
 * test file's beforeAll left `npm test` silent for a minute. The test files still call
 * ensureBuilt(): a no-op when dist/ is fresh, a build when a test file runs without the setup.
 * Builds are serialised by a lock directory (jest runs test files in parallel workers).
 */
import { execFileSync, spawn } from "child_process";
import * as fs from "fs";
import * as path from "path";

export const ROOT = path.resolve(__dirname, "..", "..");
export const DIST = path.join(ROOT, "dist");

/** The files every build must emit; their oldest mtime is the build's time. */
const OUTPUTS = [
  "functions.js", "functions.json", "functions.html", "taskpane.js", "taskpane.html", "office.js",
  "taskpane-compat.html", "manifest.xml", "manifest-compat.xml", "support.html",
];
/** What the build reads (package.json: a dependency bump changes the bundles; the manifests come from manifest.xml). */
const INPUTS = ["src", "assets", "webpack.config.js", "package.json", "manifest.xml", "scripts/manifests.js"];

const LOCK = path.join(ROOT, "node_modules", ".cache", "gov-build.lock");
const STALE_LOCK_MS = 15 * 60 * 1000;
export const BUILD_TIMEOUT_MS = 10 * 60 * 1000;
/** How long the last build took (seconds), for the "about N s" line. */
const TIMING = path.join(ROOT, "node_modules", ".cache", "gov-build-seconds");
/** The estimate before any build has been timed on this machine (2 cores: ~60 s). */
const DEFAULT_ESTIMATE_S = 60;

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

/** Takes the lock if it is free (removing one left behind by a killed run); false when held. */
function tryLock(lock: string): boolean {
  fs.mkdirSync(path.dirname(lock), { recursive: true });
  try {
    fs.mkdirSync(lock);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
    // a lock left behind by a killed run must not block every later run
    try {
      if (Date.now() - fs.statSync(lock).mtimeMs > STALE_LOCK_MS) fs.rmSync(lock, { recursive: true, force: true });
    } catch {
      // removed by its owner meanwhile: try again
    }
    return false;
  }
}

function acquireLock(): void {
  const deadline = Date.now() + BUILD_TIMEOUT_MS;
  while (!tryLock(LOCK)) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for the build lock ${LOCK}`);
    sleep(500);
  }
}

/** How long the last build on this machine took, in whole seconds, or null before the first. */
export function lastBuildSeconds(): number | null {
  try {
    const s = Number(fs.readFileSync(TIMING, "utf8").trim());
    return Number.isFinite(s) && s > 0 ? Math.round(s) : null;
  } catch {
    return null;
  }
}

function recordBuildSeconds(seconds: number): void {
  try {
    fs.mkdirSync(path.dirname(TIMING), { recursive: true });
    fs.writeFileSync(TIMING, String(Math.round(seconds)));
  } catch {
    // only an estimate for the next run
  }
}

function webpackCommand(): [string, string[]] {
  const cli = require.resolve("webpack-cli/bin/cli.js", { paths: [ROOT] });
  return [process.execPath, [cli, "--mode", "production"]];
}

/** Builds dist/ unless it is fresh. Throws with webpack's output when the build fails. */
export function ensureBuilt(): void {
  if (staleReason() === null) return;
  acquireLock();
  try {
    // another worker may have built while we waited for the lock
    if (staleReason() === null) return;
    const [cmd, args] = webpackCommand();
    const started = Date.now();
    try {
      execFileSync(cmd, args, {
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
    recordBuildSeconds((Date.now() - started) / 1000);
  } finally {
    fs.rmSync(LOCK, { recursive: true, force: true });
  }
}

export interface ProgressOptions {
  /** where the lines go (default: stderr, where jest writes too) */
  write?: (s: string) => void;
  /** rewrite one line with \r (a terminal) or print a line per tick (CI, a file) */
  tty?: boolean;
  /** how often the timer shows (default 1 s on a terminal, 15 s otherwise) */
  tickMs?: number;
  /** for tests: the build command, the freshness check, the lock, the estimate */
  command?: [string, string[]];
  stale?: () => string | null;
  lock?: string;
  estimateSeconds?: number;
}

/**
 * Builds dist/ unless it is fresh, saying so: "building dist/ for the tests (about N s)…", then
 * the elapsed seconds while webpack runs, then "dist/ built in N s". Silent when dist/ is fresh.
 * Resolves "fresh" or "built"; rejects with webpack's output when the build fails.
 */
export async function buildWithProgress(options: ProgressOptions = {}): Promise<"fresh" | "built"> {
  const stale = options.stale ?? staleReason;
  const write = options.write ?? ((s: string) => void process.stderr.write(s));
  const tty = options.tty ?? Boolean(process.stderr.isTTY);
  const tickMs = options.tickMs ?? (tty ? 1000 : 15000);
  const lock = options.lock ?? LOCK;
  if (stale() === null) return "fresh";

  const started = Date.now();
  let waitingSaid = false;
  while (!tryLock(lock)) {
    if (!waitingSaid) write("waiting for another test run's build of dist/ (lock node_modules/.cache/gov-build.lock)…\n");
    waitingSaid = true;
    if (Date.now() - started > BUILD_TIMEOUT_MS) throw new Error(`timed out waiting for the build lock ${lock}`);
    await new Promise((r) => setTimeout(r, 500));
  }
  try {
    const reason = stale();
    if (reason === null) return "fresh"; // the other run built it
    const estimate = options.estimateSeconds ?? lastBuildSeconds() ?? DEFAULT_ESTIMATE_S;
    const head = `building dist/ for the tests (about ${estimate} s)…`;
    write(`${head} (${reason}; webpack --mode production)\n`);
    const buildStarted = Date.now();
    const elapsed = () => Math.round((Date.now() - buildStarted) / 1000);
    const timer = setInterval(() => {
      if (tty) write(`\r  ${elapsed()} s`);
      else write(`  … ${elapsed()} s\n`);
    }, tickMs);
    try {
      await runBuild(options.command ?? webpackCommand());
    } finally {
      clearInterval(timer);
      if (tty) write("\r\x1b[K");
    }
    const took = (Date.now() - buildStarted) / 1000;
    if (!options.command) recordBuildSeconds(took);
    write(`dist/ built in ${Math.round(took)} s; now the tests.\n`);
    return "built";
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

function runBuild([cmd, args]: [string, string[]]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, NODE_ENV: "production" },
    });
    let out = "";
    const keep = (b: Buffer) => {
      out = (out + b.toString()).slice(-64_000);
    };
    child.stdout.on("data", keep);
    child.stderr.on("data", keep);
    const killer = setTimeout(() => child.kill("SIGKILL"), BUILD_TIMEOUT_MS);
    child.on("error", (e) => {
      clearTimeout(killer);
      reject(e);
    });
    child.on("close", (code, signal) => {
      clearTimeout(killer);
      if (code === 0) resolve();
      else reject(new Error(`webpack build failed (${signal ?? `exit ${code}`}):\n${out.trim().slice(-4000)}`));
    });
  });
}

/** Path of a built file, e.g. dist("functions.json"). */
export function dist(...parts: string[]): string {
  return path.join(DIST, ...parts);
}
