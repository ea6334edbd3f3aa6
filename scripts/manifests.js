/**
 * The manifests webpack writes into the build (webpack.config.js), both made from the ONE
 * hand-written development manifest, manifest.xml at the repository root, whose URLs are all on
 * https://localhost:3000/:
 *
 *   manifest.xml         the same manifest with that origin replaced by GOV_BASE_URL (default: the
 *                        development origin), for Microsoft 365 / Excel 2021+ / Excel on the web:
 *                        shared runtime, custom functions and the pane.
 *   manifest-compat.xml  a task-pane-only manifest for Excel 2016/2019 (no shared runtime, no custom
 *                        functions there: a manifest requiring them is not shown at all). Its own
 *                        <Id> so both can be installed; ExcelApi 1.1; the pane page without functions.js.
 */
const { XMLBuilder, XMLParser } = require("fast-xml-parser");

/** The origin every URL in the source manifest.xml is written on. */
const DEV_BASE = "https://localhost:3000/";
/** A different add-in for Office: installing the compat manifest never replaces the main one. */
const COMPAT_ID = "0a7f06f3-20af-4ee5-951b-c115e86ed99e";
const COMPAT_PAGE = "taskpane-compat.html";
const COMPAT_PAGE_RESID = "Gov.Taskpane.Url";

const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);

/**
 * GOV_BASE_URL → the base every manifest URL is put on: https (plain http only on this machine,
 * for a browser test: Office itself loads add-ins over HTTPS only), no query, fragment or
 * credentials, ending with "/". Throws a message meant for the person running the build.
 */
function resolveBaseUrl(raw) {
  if (raw === undefined || raw.trim() === "") return DEV_BASE;
  const text = raw.trim();
  let url;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`GOV_BASE_URL is not a URL: "${text}". Example: GOV_BASE_URL=https://oa.example.gov.cn/gov-addin/ npm run build`);
  }
  if (url.protocol === "http:" && !LOOPBACK.has(url.hostname)) {
    throw new Error(
      `GOV_BASE_URL must use https:// (got "${text}"): Office loads add-in pages, scripts and icons only over HTTPS. ` +
        "Serve dist/ from an HTTPS server with a certificate the clerks' PCs trust (plain http is accepted only for localhost).",
    );
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new Error(`GOV_BASE_URL must be an https:// URL (got "${text}").`);
  }
  if (url.username || url.password) throw new Error(`GOV_BASE_URL must not carry a user name or password (got "${text}").`);
  if (url.search || url.hash) throw new Error(`GOV_BASE_URL must not have a query or fragment (got "${text}"): it is the folder serving dist/.`);
  if (!url.pathname.endsWith("/")) url.pathname += "/";
  return url.href;
}

/** The main manifest for `base`: the source with its development origin replaced, nothing else. */
function mainManifest(source, base) {
  if (!source.includes(DEV_BASE)) throw new Error(`manifest.xml names no URL on ${DEV_BASE}: nothing to put on ${base}`);
  return source.split(DEV_BASE).join(base);
}

// ---- a small ordered XML tree over fast-xml-parser's preserveOrder form --------------------------
const TREE = {
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: "",
  commentPropName: "#comment",
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
};

const nameOf = (node) => Object.keys(node).find((k) => k !== ":@");
const kids = (node) => node[nameOf(node)];
const attrs = (node) => node[":@"] ?? {};
const isEl = (node) => {
  const n = nameOf(node);
  return n !== undefined && n !== "#text" && n !== "#comment" && !n.startsWith("?");
};

/** The only child element `name` of `node` (throws when there is not exactly one). */
function only(node, name) {
  const found = kids(node).filter((k) => nameOf(k) === name);
  if (found.length !== 1) throw new Error(`manifest.xml: expected one <${name}> in <${nameOf(node)}>, found ${found.length}`);
  return found[0];
}

/** Removes child elements of `node` matching `pred` (and a comment right before each). */
function removeChildren(node, pred) {
  const list = kids(node);
  for (let i = list.length - 1; i >= 0; i--) {
    if (isEl(list[i]) && pred(list[i])) {
      list.splice(i, 1);
      if (i > 0 && nameOf(list[i - 1]) === "#comment") list.splice(--i, 1);
    }
  }
}

function element(name, attributes, children = []) {
  return { [name]: children, ":@": attributes };
}

/** Compat texts: what a clerk on Excel 2016/2019 gets (the pane, no =GOV. functions). */
const COMPAT_TEXT = {
  displayName: ["GOV sheet checker (Excel 2016/2019)", "GOV 政务表格校验（Excel 2016/2019 版）"],
  description: [
    "For Excel 2016/2019, task pane only (no =GOV. functions): checks community grid staffing, official trip, petition work and performance evaluation sheets against their policy documents; every finding cites its clause.",
    "适用于 Excel 2016/2019 的表格校验：按社区网格配置、因公出国（境）、信访工作考核、绩效评估四份文件的条款校验表格，每个问题注明所依据的条款。仅含任务窗格，不含 =GOV. 自定义函数。",
  ],
  getStarted: [
    "Open the pane with Home → Check sheet to validate a sheet. The =GOV. functions need Microsoft 365 or Excel 2021 and later.",
    "在“开始”选项卡点击“表格校验”打开任务窗格校验表格。=GOV. 自定义函数需要 Microsoft 365 或 Excel 2021 及以上版本。",
  ],
};

function setTexts(node, [en, zh]) {
  node[":@"].DefaultValue = en;
  const zhOverride = kids(node).find((k) => isEl(k) && attrs(k).Locale === "zh-CN");
  if (!zhOverride) throw new Error(`manifest.xml: <${nameOf(node)}> has no zh-CN override`);
  zhOverride[":@"].Value = zh;
}

/**
 * The Excel 2016/2019 manifest from the source manifest: a TaskPaneApp with its own Id that
 * requires ExcelApi 1.1 only, has no Runtimes, no custom-functions extension point, no
 * FunctionFile, and opens taskpane-compat.html (the pane without functions.js) everywhere the
 * source opens the shared-runtime page.
 */
function compatManifest(source, base) {
  const doc = new XMLParser(TREE).parse(source);
  const app = doc.find((n) => nameOf(n) === "OfficeApp");
  if (!app) throw new Error("manifest.xml: no <OfficeApp>");
  // the comment heading the source describes the shared-runtime manifest
  for (let i = doc.length - 1; i >= 0; i--) if (nameOf(doc[i]) === "#comment") doc.splice(i, 1);
  doc.splice(doc.indexOf(app), 0, {
    "#comment": [
      {
        "#text":
          " GOV for Excel 2016/2019: task pane only (those versions have neither the shared runtime nor custom functions). " +
          "Generated by the build from manifest.xml (scripts/manifests.js): do not edit. ",
      },
    ],
  });

  kids(only(app, "Id"))[0]["#text"] = COMPAT_ID;
  setTexts(only(app, "DisplayName"), COMPAT_TEXT.displayName);
  setTexts(only(app, "Description"), COMPAT_TEXT.description);

  const sets = only(only(app, "Requirements"), "Sets");
  sets[":@"] = { DefaultMinVersion: "1.1" };
  sets.Sets = [element("Set", { Name: "ExcelApi", MinVersion: "1.1" })];

  const pageUrl = `${DEV_BASE}${COMPAT_PAGE}`;
  only(only(app, "DefaultSettings"), "SourceLocation")[":@"].DefaultValue = pageUrl;

  const overrides = only(app, "VersionOverrides");
  const host = only(only(overrides, "Hosts"), "Host");
  const runtimeResid = attrs(only(only(host, "Runtimes"), "Runtime")).resid;
  removeChildren(host, (k) => nameOf(k) === "Runtimes" || nameOf(k) === "AllFormFactors");
  const desktop = only(host, "DesktopFormFactor");
  removeChildren(desktop, (k) => nameOf(k) === "FunctionFile");

  const resources = only(overrides, "Resources");
  const urls = only(resources, "bt:Urls");
  // the shared-runtime page becomes the compat page (and its resid says so); resources nothing
  // points at any more go
  const renameResid = (n) => {
    if (!isEl(n)) return;
    if (attrs(n).resid === runtimeResid) n[":@"].resid = COMPAT_PAGE_RESID;
    kids(n).forEach(renameResid);
  };
  kids(only(overrides, "Hosts")).forEach(renameResid);
  for (const u of kids(urls)) {
    if (isEl(u) && attrs(u).id === runtimeResid) u[":@"] = { id: COMPAT_PAGE_RESID, DefaultValue: pageUrl };
  }
  const stillUsed = new Set();
  const collect = (n) => {
    if (!isEl(n)) return;
    if (attrs(n).resid) stillUsed.add(attrs(n).resid);
    kids(n).forEach(collect);
  };
  kids(only(overrides, "Hosts")).forEach(collect);
  for (const group of kids(resources).filter(isEl)) removeChildren(group, (k) => !stillUsed.has(attrs(k).id));
  const getStarted = only(desktop, "GetStarted");
  const descResid = attrs(only(getStarted, "Description")).resid;
  const longStrings = only(resources, "bt:LongStrings");
  setTexts(kids(longStrings).find((k) => isEl(k) && attrs(k).id === descResid), COMPAT_TEXT.getStarted);

  const xml = new XMLBuilder({ ...TREE, format: true, indentBy: "  ", suppressEmptyNode: true }).build(doc);
  return mainManifest(xml.replace(/^\s+/, ""), base);
}

/**
 * webpack plugin: emits manifest.xml and manifest-compat.xml for `base` from the source manifest
 * (read on every build, and watched by `webpack serve`).
 */
class ManifestPlugin {
  constructor({ source, base }) {
    this.source = source;
    this.base = base;
  }

  apply(compiler) {
    const fs = require("fs");
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap("GovManifests", (compilation) => {
      compilation.fileDependencies.add(this.source);
      compilation.hooks.processAssets.tap({ name: "GovManifests", stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        const xml = fs.readFileSync(this.source, "utf8");
        compilation.emitAsset("manifest.xml", new sources.RawSource(mainManifest(xml, this.base)));
        compilation.emitAsset("manifest-compat.xml", new sources.RawSource(compatManifest(xml, this.base)));
      });
    });
  }
}

module.exports = { DEV_BASE, COMPAT_ID, COMPAT_PAGE, resolveBaseUrl, mainManifest, compatManifest, ManifestPlugin };
