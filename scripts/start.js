#!/usr/bin/env node
/**
 * npm start — serve the add-in on https://localhost:3000 and say how to open it.
 *
 * - Windows / macOS with desktop Excel installed: sideload into Excel with office-addin-debugging,
 *   fetched by npx only here (it is not a dependency: it drags in a native build that fails
 *   offline and is useless without desktop Excel, toolchain.md 5).
 * - Everywhere else (Linux, CI, no Excel), or with `--web`: make sure there is an HTTPS
 *   certificate (office-addin-dev-certs; if it cannot install one without a password prompt,
 *   webpack-dev-server's own self-signed one), start `webpack serve --mode production` in the
 *   background, wait until it answers, and print how to sideload into Excel on the web and the
 *   standalone pane URL. `npm stop` stops it (pid file).
 *
 * Safe non-interactively: nothing reads stdin, sudo runs only with -n (never prompts), it returns
 * once the server answers (or fails with the server's log), and a second `npm start` is a no-op.
 */
"use strict";
const { execFileSync, spawn, spawnSync } = require("child_process");
const fs = require("fs");
const https = require("https");
const net = require("net");
const path = require("path");

const { ROOT, STATE_DIR, PID_FILE, LOG_FILE, TLS_FILE, SIDELOAD_FILE, isAlive, recordedPid } = require("./server-state");
const PORT = 3000;
const ORIGIN = `https://localhost:${PORT}`;
const READY_TIMEOUT_MS = 5 * 60 * 1000; // a production build of the pane takes ~30 s on 2 cores

const args = new Set(process.argv.slice(2));
const say = (s = "") => process.stdout.write(`${s}\n`);
const warn = (s) => process.stderr.write(`${s}\n`);

function runningPid() {
  const pid = recordedPid();
  return pid !== null && isAlive(pid) ? pid : null;
}

function portFree(port) {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once("error", () => resolve(false));
    probe.once("listening", () => probe.close(() => resolve(true)));
    probe.listen(port);
  });
}

/** Desktop Excel on this machine? (only Windows and macOS have one) */
function hasDesktopExcel() {
  if (process.platform === "darwin") return fs.existsSync("/Applications/Microsoft Excel.app");
  if (process.platform === "win32") {
    const r = spawnSync(
      "reg",
      ["query", "HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\App Paths\\excel.exe"],
      { stdio: "ignore" },
    );
    return r.status === 0;
  }
  return false;
}

/** Can we run `sudo` without a password prompt? (root, or passwordless sudo) */
function sudoWithoutPrompt() {
  if (typeof process.getuid === "function" && process.getuid() === 0) {
    // office-addin-dev-certs calls `sudo` even as root (toolchain.md 7)
    return spawnSync("sh", ["-c", "command -v sudo"], { stdio: "ignore" }).status === 0;
  }
  return spawnSync("sudo", ["-n", "true"], { stdio: "ignore" }).status === 0;
}

/**
 * Returns the TLS mode webpack.config.js reads from GOV_TLS:
 *   "devcerts"    office-addin-dev-certs' certificate (trusted when its CA could be installed)
 *   "self-signed" webpack-dev-server's own certificate (the browser warns once)
 */
async function ensureCertificate() {
  const certs = require("office-addin-dev-certs");
  const defaults = require("office-addin-dev-certs/lib/defaults");
  const haveFiles = () =>
    [defaults.caCertificatePath, defaults.localhostCertificatePath, defaults.localhostKeyPath].every((f) => fs.existsSync(f));
  const canInstall = process.platform !== "linux" || sudoWithoutPrompt();
  try {
    if (canInstall) {
      await certs.ensureCertificatesAreInstalled();
      return { mode: "devcerts", trusted: true };
    }
    // no password-less sudo: generate the certificate, but do not try to install its CA
    if (!haveFiles()) {
      await certs.generateCertificates(
        defaults.caCertificatePath,
        defaults.localhostCertificatePath,
        defaults.localhostKeyPath,
        defaults.daysUntilCertificateExpires,
        defaults.domain,
      );
    }
    return { mode: "devcerts", trusted: false };
  } catch (e) {
    warn(`证书安装失败 / certificate setup failed: ${e.message}`);
    if (haveFiles()) return { mode: "devcerts", trusted: false };
    return { mode: "self-signed", trusted: false };
  }
}

function get(url) {
  return new Promise((resolve) => {
    const req = https.get(url, { rejectUnauthorized: false, timeout: 5000 }, (res) => {
      res.resume();
      resolve(res.statusCode);
    });
    req.on("error", () => resolve(0));
    req.on("timeout", () => {
      req.destroy();
      resolve(0);
    });
  });
}

function logTail(lines = 40) {
  if (!fs.existsSync(LOG_FILE)) return "";
  return fs.readFileSync(LOG_FILE, "utf8").split("\n").slice(-lines).join("\n");
}

function instructions(tls) {
  const manifest = path.join(ROOT, "manifest.xml");
  say("");
  say("================================================================");
  say(` GOV 已启动 / GOV is running at ${ORIGIN}`);
  say("================================================================");
  say("");
  say(" 独立预览任务窗格(内置示例数据) / Standalone pane on a built-in sample:");
  say(`   ${ORIGIN}/taskpane.html?sample=1`);
  say("");
  say(" 在 Excel 网页版中加载 / Sideload into Excel on the web:");
  say("   1. 打开 https://www.office.com ,新建或打开一个 Excel 工作簿");
  say("      Open a workbook at https://www.office.com");
  say("   2. 插入 → 加载项 → 上传我的加载项 (Insert → Add-ins → Upload My Add-in)");
  say(`   3. 选择 / choose: ${manifest}`);
  say("   4. 在单元格输入 =GOV. 使用函数;在“开始”选项卡点“表格校验”打开任务窗格");
  say("      Type =GOV. in a cell; Home → 表格校验 (Check sheet) opens the pane");
  say("");
  if (tls.mode === "self-signed") {
    say(" 注意:使用的是自签名证书,浏览器会提示不安全;请先在浏览器中打开上面的地址并选择“继续访问”。");
    say(" Note: self-signed certificate. Open the URL above once and accept the warning first.");
  } else if (!tls.trusted) {
    const defaults = require("office-addin-dev-certs/lib/defaults");
    say(" 注意:开发证书的根证书未能安装到系统,请手动信任:");
    say(` Note: the dev CA is not trusted yet; import it into your browser/OS: ${defaults.caCertificatePath}`);
  }
  say("");
  say(` 日志 / log: ${path.relative(ROOT, LOG_FILE)}    停止 / stop: npm stop`);
  say("");
}

async function startSideload() {
  // office-addin-debugging starts `npm run dev-server` itself and sideloads the manifest.
  say("检测到桌面版 Excel,正在旁加载 / Desktop Excel found: sideloading with office-addin-debugging (npx) ...");
  fs.mkdirSync(STATE_DIR, { recursive: true });
  const npx = process.platform === "win32" ? "npx.cmd" : "npx";
  execFileSync(
    npx,
    [
      "--yes",
      "office-addin-debugging@^7",
      "start",
      "manifest.xml",
      "desktop",
      "--app",
      "excel",
      "--dev-server",
      "npm run dev-server",
      "--dev-server-port",
      String(PORT),
    ],
    { cwd: ROOT, stdio: ["ignore", "inherit", "inherit"], shell: process.platform === "win32" },
  );
  fs.writeFileSync(SIDELOAD_FILE, new Date().toISOString());
  say(`Excel 已打开并加载 GOV。停止:npm stop / Excel opened with GOV sideloaded. Stop: npm stop`);
  say(`独立预览 / standalone pane: ${ORIGIN}/taskpane.html?sample=1`);
}

async function startServer() {
  const pid = runningPid();
  if (pid) {
    say(`GOV 服务已在运行 (pid ${pid}) / already running.`);
    const tls = fs.existsSync(TLS_FILE) ? JSON.parse(fs.readFileSync(TLS_FILE, "utf8")) : { mode: "devcerts", trusted: true };
    instructions(tls);
    return;
  }
  if (!(await portFree(PORT))) {
    warn(`端口 ${PORT} 已被占用 / port ${PORT} is in use by another program. Stop it (or npm stop) and retry.`);
    process.exit(1);
  }

  say("准备 HTTPS 证书 / preparing the HTTPS certificate ...");
  const tls = await ensureCertificate();
  if (tls.mode === "self-signed") say("使用自签名证书 / falling back to a self-signed certificate.");

  fs.mkdirSync(STATE_DIR, { recursive: true });
  const log = fs.openSync(LOG_FILE, "w");
  const webpackCli = require.resolve("webpack-cli/bin/cli.js", { paths: [ROOT] });
  say(`构建并启动服务 / building and serving on ${ORIGIN} (webpack serve --mode production) ...`);
  const child = spawn(process.execPath, [webpackCli, "serve", "--mode", "production"], {
    cwd: ROOT,
    detached: true, // its own process group: npm stop ends it and everything it started
    stdio: ["ignore", log, log],
    env: { ...process.env, GOV_TLS: tls.mode },
  });
  fs.writeFileSync(PID_FILE, String(child.pid));
  fs.writeFileSync(TLS_FILE, JSON.stringify(tls));
  let exited = null;
  child.on("exit", (code) => (exited = code ?? 1));
  child.unref();

  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    if (exited !== null) {
      fs.rmSync(PID_FILE, { force: true });
      warn(`服务启动失败 / the server exited (code ${exited}). Log tail:\n${logTail()}`);
      process.exit(1);
    }
    // 200 only once the first compilation is served
    if ((await get(`${ORIGIN}/taskpane.html`)) === 200 && (await get(`${ORIGIN}/functions.json`)) === 200) break;
    if (Date.now() > deadline) {
      warn(`服务在 ${READY_TIMEOUT_MS / 1000} 秒内未就绪 / not ready in time. Log tail:\n${logTail()}`);
      process.exit(1);
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  instructions(tls);
}

async function main() {
  const web = args.has("--web") || process.env.GOV_SIDELOAD === "0" || process.env.CI === "true";
  if (!web && hasDesktopExcel()) {
    try {
      await startSideload();
      return;
    } catch (e) {
      warn(`旁加载失败,改为仅启动服务 / sideload failed (${e.message}); serving for Excel on the web instead.`);
    }
  }
  await startServer();
}

main().catch((e) => {
  warn(e && e.stack ? e.stack : String(e));
  process.exit(1);
});
