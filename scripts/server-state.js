/**
 * What `npm start` leaves for `npm stop`: where the state lives and how to tell whether the
 * server it started is still running. Shared by scripts/start.js and scripts/stop.js.
 */
"use strict";
const fs = require("fs");
const path = require("path");

const ROOT = path.resolve(__dirname, "..");
const STATE_DIR = path.join(ROOT, "node_modules", ".cache", "gov-start");

const state = {
  ROOT,
  STATE_DIR,
  PID_FILE: path.join(STATE_DIR, "server.pid"),
  LOG_FILE: path.join(STATE_DIR, "server.log"),
  TLS_FILE: path.join(STATE_DIR, "tls.json"),
  SIDELOAD_FILE: path.join(STATE_DIR, "sideloaded"),
};

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e.code === "EPERM";
  }
}

/** The pid in the pid file, or null when there is none or it is not a valid number. */
function recordedPid() {
  if (!fs.existsSync(state.PID_FILE)) return null;
  const pid = Number(fs.readFileSync(state.PID_FILE, "utf8").trim());
  return Number.isInteger(pid) && pid > 0 ? pid : null;
}

module.exports = { ...state, isAlive, recordedPid };
