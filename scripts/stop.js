#!/usr/bin/env node
/**
 * npm stop — stops what `npm start` started: the background `webpack serve` (its whole process
 * group, from the pid file) and, where start sideloaded into desktop Excel, the sideload.
 * Safe to run when nothing is running.
 */
"use strict";
const { spawnSync } = require("child_process");
const fs = require("fs");

const { ROOT, PID_FILE, TLS_FILE, SIDELOAD_FILE, isAlive, recordedPid } = require("./server-state");

const say = (s) => process.stdout.write(`${s}\n`);

function sleep(ms) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function signal(pid, sig) {
  try {
    // start.js spawned the server detached, as a process-group leader: end the group
    if (process.platform === "win32") process.kill(pid, sig);
    else process.kill(-pid, sig);
  } catch {
    try {
      process.kill(pid, sig);
    } catch {
      // already gone
    }
  }
}

function stopServer() {
  if (!fs.existsSync(PID_FILE)) return false;
  const pid = recordedPid();
  fs.rmSync(PID_FILE, { force: true });
  fs.rmSync(TLS_FILE, { force: true });
  if (pid === null || !isAlive(pid)) return false;
  signal(pid, "SIGTERM");
  for (let i = 0; i < 50 && isAlive(pid); i++) sleep(100);
  if (isAlive(pid)) signal(pid, "SIGKILL");
  say(`GOV 服务已停止 / server stopped (pid ${pid}).`);
  return true;
}

function stopSideload() {
  if (!fs.existsSync(SIDELOAD_FILE)) return false;
  const npx = process.platform === "win32" ? "npx.cmd" : "npx";
  spawnSync(npx, ["--yes", "office-addin-debugging@^7", "stop", "manifest.xml"], {
    cwd: ROOT,
    stdio: ["ignore", "inherit", "inherit"],
    shell: process.platform === "win32",
  });
  fs.rmSync(SIDELOAD_FILE, { force: true });
  say("已停止旁加载 / sideload stopped.");
  return true;
}

const stopped = [stopSideload(), stopServer()].some(Boolean);
if (!stopped) say("没有正在运行的 GOV 服务 / nothing to stop.");
