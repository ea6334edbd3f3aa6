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
 * The server listens on this machine only (localhost). `npm start -- --host 0.0.0.0` (or
 * GOV_HOST=0.0.0.0) opens it to the network; webpack.config.js reads GOV_HOST.
 *
 * Whether the development CA is trusted is checked, not assumed: after trying to install it,
 * office-addin-dev-certs' own verification says whether the system certificate store has it, and
 * the printed advice (certificateAdvice) says what to do in the browser and in Excel when not.
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
const DEFAULT_HOST = "localhost";
const READY_TIMEOUT_MS = 5 * 60 * 1000; // a production build of the pane takes ~30 s on 2 cores
/** The CA's name in certificate stores (office-addin-dev-certs' defaults.certificateName). */
const CA_NAME = "Developer CA for Microsoft Office Add-ins";
const INSTALL_CA = "npx office-addin-dev-certs install";

const say = (s = "") => process.stdout.write(`${s}\n`);
const warn = (s) => process.stderr.write(`${s}\n`);

/**
 * Command line and environment → what to start.
 *   --web                serve only, never sideload into desktop Excel (also GOV_SIDELOAD=0, CI=true)
 *   --host H, --host=H   the address to listen on (also GOV_HOST); default localhost
 */
function parseOptions(argv = process.argv.slice(2), env = process.env) {
  let host = (env.GOV_HOST || "").trim();
  let web = env.GOV_SIDELOAD === "0" || env.CI === "true";
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--web") web = true;
    else if (a === "--host") {
      host = (argv[++i] || "").trim();
      if (!host) throw new Error("--host needs an address, e.g. --host 0.0.0.0");
    } else if (a.startsWith("--host=")) {
      host = a.slice("--host=".length).trim();
      if (!host) throw new Error("--host needs an address, e.g. --host=0.0.0.0");
    } else throw new Error(`unknown option ${a} (known: --web, --host <address>)`);
  }
  return { web, host: host || DEFAULT_HOST };
}

/** Does listening on this host keep the server on this machine? */
function isLoopbackHost(host) {
  const h = host.replace(/^\[|\]$/g, "").toLowerCase();
  return h === "localhost" || h === "::1" || /^127\.\d+\.\d+\.\d+$/.test(h);
}

/** Listening on every interface (so localhost answers too)? */
function isWildcardHost(host) {
  const h = host.replace(/^\[|\]$/g, "");
  return h === "0.0.0.0" || h === "::";
}

/** The origin start.js probes and prints: localhost unless the server listens on one other address. */
function originFor(host) {
  if (isLoopbackHost(host) || isWildcardHost(host)) return `https://localhost:${PORT}`;
  return `https://${host.includes(":") ? `[${host}]` : host}:${PORT}`;
}

function runningPid() {
  const pid = recordedPid();
  return pid !== null && isAlive(pid) ? pid : null;
}

function portFree(port) {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once("error", () => resolve(false));
    probe.once("listening", () => probe.close(() => resolve(true)));
    probe.listen(port); // every interface: a program on any address holding the port counts
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
 * office-addin-dev-certs and its verification, as ensureCertificate uses them (tests pass fakes).
 * `caTrusted()` is the package's own check of the system store (Windows: the user's Trusted Root
 * store; macOS: the keychain; Linux: update-ca-certificates' folder), true/false, or null when
 * the check itself failed.
 */
function devCerts() {
  const certs = require("office-addin-dev-certs");
  const defaults = require("office-addin-dev-certs/lib/defaults");
  const verify = require("office-addin-dev-certs/lib/verify");
  return {
    caPath: defaults.caCertificatePath,
    haveFiles: () =>
      [defaults.caCertificatePath, defaults.localhostCertificatePath, defaults.localhostKeyPath].every((f) => fs.existsSync(f)),
    install: () => certs.ensureCertificatesAreInstalled(),
    generate: () =>
      certs.generateCertificates(
        defaults.caCertificatePath,
        defaults.localhostCertificatePath,
        defaults.localhostKeyPath,
        defaults.daysUntilCertificateExpires,
        defaults.domain,
      ),
    caTrusted: () => {
      const r = verify.getCaCertificateStatus();
      return r.status === "installed" ? true : r.status === "not-installed" ? false : null;
    },
  };
}

/**
 * Returns the TLS state; `mode` is what webpack.config.js reads from GOV_TLS:
 *   mode "devcerts"     office-addin-dev-certs' certificate for localhost, signed by its CA
 *   mode "self-signed"  webpack-dev-server's own certificate (nothing can usefully trust it)
 *   trusted             the system store has the CA, as verified after the install attempt
 *   installTried        whether an install was attempted (false: it would have prompted for sudo)
 */
async function ensureCertificate({ dc = devCerts(), canInstall = process.platform !== "linux" || sudoWithoutPrompt(), log = warn } = {}) {
  let installTried = false;
  try {
    if (canInstall) {
      installTried = true;
      try {
        await dc.install();
      } catch (e) {
        log(`开发根证书安装失败 / installing the development CA failed: ${e.message}`);
      }
    }
    // no password-less sudo (or the install failed): make sure the files exist, do not install
    if (!dc.haveFiles()) await dc.generate();
  } catch (e) {
    log(`证书生成失败 / generating the certificate failed: ${e.message}`);
    if (!dc.haveFiles()) return { mode: "self-signed", trusted: false, installTried, caPath: null };
  }
  let trusted = false;
  try {
    trusted = dc.caTrusted() === true;
  } catch {
    trusted = false;
  }
  return { mode: "devcerts", trusted, installTried, caPath: dc.caPath };
}

/**
 * What to do about the certificate, in the browser and in Excel, for this TLS state and platform
 * (lines to print). README.md's "HTTPS 证书 / The HTTPS certificate" section says the same.
 */
function certificateAdvice(tls, platform = process.platform, origin = `https://localhost:${PORT}`) {
  const lines = [];
  const ca = tls.caPath;
  const page = `${origin}/taskpane.html?sample=1`;
  const linux = platform !== "win32" && platform !== "darwin";

  const acceptOnce = (quickLook = true) => {
    const [zh, en] = quickLook ? ["只想先看一眼", "For a quick look"] : ["先接受一次警告", "Accept the warning once first"];
    lines.push(` ${zh}：在浏览器中打开下面的地址，Chromium/Edge 点“高级”→“继续前往 localhost（不安全）”，`);
    lines.push(" Firefox 点“高级”→“接受风险并继续”；本次浏览器会话内有效。");
    lines.push(` ${en}: open the address below; Chromium/Edge: Advanced → Proceed to localhost (unsafe);`);
    lines.push(" Firefox: Advanced → Accept the Risk and Continue. This lasts for the browser session.");
    lines.push(`   ${page}`);
  };
  const browserSteps = () => {
    lines.push(" 浏览器 / Browser:");
    if (linux) {
      lines.push("   Chromium/Edge（Linux 上不读系统证书库，用 ~/.pki/nssdb）：");
      lines.push("   Chromium/Edge on Linux ignore the system store and use ~/.pki/nssdb:");
      lines.push(`     certutil -d sql:$HOME/.pki/nssdb -A -t "C,," -n "${CA_NAME}" -i ${ca}`);
      lines.push("     （certutil 在 libnss3-tools 包中 / certutil is in libnss3-tools），然后重启浏览器 / then restart the browser");
    } else {
      lines.push(`   Chromium/Edge 使用系统证书库：运行 ${INSTALL_CA} 后重启浏览器。`);
      lines.push(`   Chromium/Edge use the system store: run ${INSTALL_CA}, then restart the browser.`);
    }
    lines.push("   Firefox：设置 → 隐私与安全 → 证书 → 查看证书 → 证书颁发机构 → 导入，选择上面的 ca.crt，");
    lines.push("   勾选“信任由此证书颁发机构来标识网站”。");
    lines.push("   Firefox: Settings → Privacy & Security → Certificates → View Certificates → Authorities → Import…,");
    lines.push('   choose the ca.crt above, tick "Trust this CA to identify websites".');
  };
  const excelSteps = () => {
    if (platform === "win32") {
      lines.push(" Excel 桌面版（Windows）/ Excel desktop (Windows):");
      lines.push(`   运行 ${INSTALL_CA}，在安全警告中点“是”；或双击 ca.crt → 安装证书 → 当前用户 →`);
      lines.push("   将所有证书放入下列存储 →“受信任的根证书颁发机构”。然后关闭所有 Excel 窗口再打开。");
      lines.push(`   Run ${INSTALL_CA} and answer Yes to the security warning; or double-click ca.crt → Install`);
      lines.push("   Certificate → Current User → Place all certificates in → Trusted Root Certification Authorities.");
      lines.push("   Then close every Excel window and start Excel again.");
    } else if (platform === "darwin") {
      lines.push(" Excel 桌面版（Mac）/ Excel desktop (Mac):");
      lines.push(`   运行 ${INSTALL_CA}（会要求输入登录密码）；或在“钥匙串访问”中导入 ca.crt 到“登录”钥匙串，`);
      lines.push("   双击该证书 → 信任 → 使用此证书时：始终信任。然后退出并重新打开 Excel。");
      lines.push(`   Run ${INSTALL_CA} (asks for your login password); or import ca.crt into the login keychain in`);
      lines.push("   Keychain Access, double-click it → Trust → When using this certificate: Always Trust. Then quit and reopen Excel.");
    }
    lines.push(" Excel 网页版 / Excel on the web:");
    lines.push("   加载项页面在同一个浏览器中打开：按上面的方法让该浏览器信任证书（或先接受一次警告），再刷新工作簿。");
    lines.push("   The add-in runs inside that browser: make it trust the CA as above (or accept the warning once), then reload the workbook.");
  };

  if (tls.mode === "self-signed") {
    lines.push(" 注意：office-addin-dev-certs 未能生成证书，改用 webpack-dev-server 的自签名证书，浏览器会提示不安全。");
    lines.push(" Note: office-addin-dev-certs could not make a certificate; this is webpack-dev-server's self-signed one.");
    acceptOnce(false);
    lines.push(" Excel 网页版：在同一浏览器中接受一次警告后刷新工作簿。");
    lines.push(" Excel on the web: accept the warning once in the same browser, then reload the workbook.");
    if (!linux) {
      lines.push(` Excel 桌面版不接受自签名证书：运行 ${INSTALL_CA}，然后 npm stop && npm start。`);
      lines.push(` Excel desktop does not accept it: run ${INSTALL_CA}, then npm stop && npm start.`);
    }
    return lines;
  }

  if (tls.trusted && !linux) {
    lines.push(" HTTPS：开发根证书已安装到系统证书库并受信任，浏览器和 Excel 可直接打开。");
    lines.push(" HTTPS: the development CA is installed and trusted in the system store; browsers and Excel accept it.");
    lines.push(" （Firefox 120 起默认读取系统根证书；更早的版本请在 about:config 中把 security.enterprise_roots.enabled 设为 true。）");
    lines.push(" (Firefox 120+ reads the system's roots; older versions: set security.enterprise_roots.enabled to true in about:config.)");
    return lines;
  }

  if (tls.trusted) {
    lines.push(" HTTPS：开发根证书已安装到系统证书库（curl、node 信任它），但 Linux 上的浏览器使用自己的证书库：");
    lines.push(" HTTPS: the development CA is in the system store (curl and node trust it), but browsers on Linux keep their own:");
  } else {
    lines.push(" 注意：开发根证书尚未受信任，浏览器和 Excel 会拒绝或警告本地址。");
    lines.push(" Note: the development CA is NOT trusted yet; browsers and Excel will refuse or warn about this address.");
    if (!tls.installTried) {
      lines.push(" （未尝试安装：需要 sudo 密码，而 npm start 从不提示输入。）");
      lines.push(" (Not installed: that needs a sudo password, and npm start never prompts.)");
    }
    lines.push(`   根证书 / CA file: ${ca}`);
    lines.push(`   安装到系统证书库（会要求管理员密码）/ install it in the system store (asks for a password): ${INSTALL_CA}`);
  }
  browserSteps();
  excelSteps();
  acceptOnce();
  return lines;
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

/** Where the server listens, in words (lines to print). */
function listeningAdvice(host) {
  if (isLoopbackHost(host)) {
    return [
      ` 仅本机可访问（${host}）；要开放给局域网：npm start -- --host 0.0.0.0`,
      ` Reachable from this machine only (${host}); to open it to the network: npm start -- --host 0.0.0.0`,
    ];
  }
  return [
    ` 注意：服务监听 ${host}，网络上的其他计算机也能访问。证书只对 localhost 有效，清单指向 https://localhost:${PORT}/。`,
    ` Note: listening on ${host}, so other computers on the network can reach it. The certificate is for localhost`,
    ` only and manifest.xml points at https://localhost:${PORT}/.`,
  ];
}

function instructions(tls, host) {
  const origin = originFor(host);
  const manifest = path.join(ROOT, "manifest.xml");
  say("");
  say("================================================================");
  say(` GOV 已启动 / GOV is running at ${origin}`);
  say("================================================================");
  for (const line of listeningAdvice(host)) say(line);
  say("");
  say(" 独立预览任务窗格（内置示例数据）/ Standalone pane on a built-in sample:");
  say(`   ${origin}/taskpane.html?sample=1`);
  say("");
  say(" 在 Excel 网页版中加载 / Sideload into Excel on the web:");
  say("   1. 打开 https://www.office.com，新建或打开一个 Excel 工作簿");
  say("      Open a workbook at https://www.office.com");
  say("   2. 插入 → 加载项 → 上传我的加载项（Insert → Add-ins → Upload My Add-in）");
  say(`   3. 选择 / choose: ${manifest}`);
  say("   4. 在单元格输入 =GOV. 使用函数；在“开始”选项卡点“表格校验”打开任务窗格");
  say("      Type =GOV. in a cell; Home → 表格校验 (Check sheet) opens the pane");
  say("");
  for (const line of certificateAdvice(tls, process.platform, origin)) say(line);
  say("");
  say(` 日志 / log: ${path.relative(ROOT, LOG_FILE)}    停止 / stop: npm stop`);
  say("");
}

async function startSideload() {
  // office-addin-debugging starts `npm run dev-server` itself and sideloads the manifest.
  say("检测到桌面版 Excel，正在旁加载 / Desktop Excel found: sideloading with office-addin-debugging (npx) ...");
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
  say("Excel 已打开并加载 GOV。停止：npm stop / Excel opened with GOV sideloaded. Stop: npm stop");
  say(`独立预览 / standalone pane: https://localhost:${PORT}/taskpane.html?sample=1`);
}

async function startServer(host) {
  const pid = runningPid();
  if (pid) {
    say(`GOV 服务已在运行（pid ${pid}）/ already running.`);
    const state = fs.existsSync(TLS_FILE) ? JSON.parse(fs.readFileSync(TLS_FILE, "utf8")) : {};
    instructions(state.tls ?? { mode: "devcerts", trusted: false, installTried: false, caPath: devCerts().caPath }, state.host ?? host);
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
  const origin = originFor(host);
  say(`构建并启动服务 / building and serving on ${origin} (webpack serve --mode production, host ${host}) ...`);
  const child = spawn(process.execPath, [webpackCli, "serve", "--mode", "production"], {
    cwd: ROOT,
    detached: true, // its own process group: npm stop ends it and everything it started
    stdio: ["ignore", log, log],
    env: { ...process.env, GOV_TLS: tls.mode, GOV_HOST: host },
  });
  fs.writeFileSync(PID_FILE, String(child.pid));
  fs.writeFileSync(TLS_FILE, JSON.stringify({ tls, host }));
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
    if ((await get(`${origin}/taskpane.html`)) === 200 && (await get(`${origin}/functions.json`)) === 200) break;
    if (Date.now() > deadline) {
      warn(`服务在 ${READY_TIMEOUT_MS / 1000} 秒内未就绪 / not ready in time. Log tail:\n${logTail()}`);
      process.exit(1);
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  instructions(tls, host);
}

async function main() {
  let options;
  try {
    options = parseOptions();
  } catch (e) {
    warn(`npm start: ${e.message}`);
    process.exit(2);
  }
  if (!options.web && hasDesktopExcel()) {
    try {
      await startSideload();
      return;
    } catch (e) {
      warn(`旁加载失败，改为仅启动服务 / sideload failed (${e.message}); serving for Excel on the web instead.`);
    }
  }
  await startServer(options.host);
}

module.exports = {
  PORT,
  DEFAULT_HOST,
  INSTALL_CA,
  parseOptions,
  isLoopbackHost,
  originFor,
  listeningAdvice,
  ensureCertificate,
  certificateAdvice,
};

if (require.main === module) {
  main().catch((e) => {
    warn(e && e.stack ? e.stack : String(e));
    process.exit(1);
  });
}
