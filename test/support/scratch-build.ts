/**
 * A production build with its own environment (GOV_BASE_URL, GOV_OFFICE_JS, ...) into a fresh
 * temporary folder (GOV_OUTPUT_DIR), so a test can check a deployment build without touching
 * dist/, which other test files read at the same time.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { BUILD_TIMEOUT_MS, ROOT } from "./build";

export { BUILD_TIMEOUT_MS };

/** Runs webpack into `out` with `env`: whether it built, and its output when it did not. */
function runWebpack(env: Record<string, string>, out: string): { ok: boolean; log: string } {
  const cli = require.resolve("webpack-cli/bin/cli.js", { paths: [ROOT] });
  try {
    execFileSync(process.execPath, [cli, "--mode", "production"], {
      cwd: ROOT,
      stdio: "pipe",
      timeout: BUILD_TIMEOUT_MS,
      env: { ...process.env, NODE_ENV: "production", ...env, GOV_OUTPUT_DIR: out },
    });
    return { ok: true, log: "" };
  } catch (e) {
    const err = e as { stdout?: Buffer; stderr?: Buffer; message: string };
    const log = `${err.stdout?.toString() ?? ""}\n${err.stderr?.toString() ?? ""}`.trim();
    return { ok: false, log: log || err.message };
  }
}

/** Builds into a new temporary folder and returns it; throws with webpack's output on failure. */
export function scratchBuild(env: Record<string, string>): string {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "gov-build-"));
  const { ok, log } = runWebpack(env, out);
  if (ok) return out;
  fs.rmSync(out, { recursive: true, force: true });
  throw new Error(`webpack build (${JSON.stringify(env)}) failed:\n${log.slice(-4000)}`);
}

/** Runs webpack with `env` expecting it to refuse; returns its output (throws if it built). */
export function failingBuild(env: Record<string, string>): string {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "gov-build-"));
  try {
    const { ok, log } = runWebpack(env, out);
    if (!ok) return log;
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
  throw new Error(`webpack built with ${JSON.stringify(env)} but should have refused`);
}
