#!/usr/bin/env node
/**
 * govcheck launcher. Runs the compiled command line from lib/; when lib/ is missing or older than
 * any source it is built from (src/core, src/xlsx, src/cli, tsconfig.cli.json), compiles it first
 * with the local TypeScript, so `npm run govcheck -- …` works right after `npm install`.
 */
"use strict";
const fs = require("fs");
const path = require("path");
const { spawnSync } = require("child_process");

const root = path.resolve(__dirname, "..");
const stamp = path.join(root, "lib", ".govcheck-built");
const entry = path.join(root, "lib", "cli", "main.js");
const sources = ["src/core", "src/xlsx", "src/cli"].map((d) => path.join(root, d));
const configs = ["tsconfig.cli.json", "tsconfig.json"].map((f) => path.join(root, f));

function newest(dir) {
  let t = 0;
  let entries;
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const e of entries) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) t = Math.max(t, newest(full));
    else if (/\.(ts|json)$/.test(e.name)) t = Math.max(t, fs.statSync(full).mtimeMs);
  }
  return t;
}

function builtAt() {
  try {
    return fs.existsSync(entry) ? fs.statSync(stamp).mtimeMs : 0;
  } catch {
    return 0;
  }
}

function stale() {
  const built = builtAt();
  if (built === 0) return true;
  const configTime = Math.max(...configs.map((f) => (fs.existsSync(f) ? fs.statSync(f).mtimeMs : 0)));
  return configTime > built || sources.some((d) => newest(d) > built);
}

if (stale()) {
  process.stderr.write("govcheck: 正在编译（首次运行或源码有更新）……\n");
  const tsc = path.join(root, "node_modules", "typescript", "bin", "tsc");
  if (!fs.existsSync(tsc)) {
    process.stderr.write("govcheck: 找不到 TypeScript，请先运行 npm install\n");
    process.exit(2);
  }
  const started = Date.now();
  const r = spawnSync(process.execPath, [tsc, "-p", path.join(root, "tsconfig.cli.json")], { encoding: "utf8" });
  if (!fs.existsSync(entry)) {
    process.stderr.write(`govcheck: 编译失败\n${r.stdout || ""}${r.stderr || ""}`);
    process.exit(2);
  }
  if (r.status !== 0) {
    // type errors do not stop the emit; say so once, then run what was built
    const first = (r.stdout || r.stderr || "").split("\n").find((l) => l.trim() !== "") || "";
    process.stderr.write(`govcheck: 编译有类型错误，仍继续运行：${first}\n`);
  }
  fs.mkdirSync(path.dirname(stamp), { recursive: true });
  // the stamp marks the start of this build, so a source saved during it triggers the next one
  fs.writeFileSync(stamp, "");
  fs.utimesSync(stamp, new Date(started), new Date(started));
}

let cli;
try {
  // worker threads first, when several files are to be checked: they load while this thread does
  require(path.join(root, "lib", "cli", "pool.js")).prestart(process.argv.slice(2));
  cli = require(entry);
} catch (e) {
  // a broken build: one line, no stack trace
  process.stderr.write(`govcheck: 无法启动：${e && e.message ? e.message.split("\n")[0] : e}\n`);
  process.exit(2);
}
cli.run();
