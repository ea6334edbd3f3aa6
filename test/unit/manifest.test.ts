/**
 * The manifests Office really receives are the BUILT ones, so they are what is tested here:
 *   - dist/manifest.xml and dist/manifest-compat.xml of the ordinary build (https://localhost:3000/),
 *   - both again from a build for an office's own server (GOV_BASE_URL with a path, built into a
 *     scratch folder so dist/ is not raced, with GOV_OFFICE_JS=local as an air-gapped office would).
 * `office-addin-manifest validate` calls a Microsoft service (toolchain.md 8) and no XSD ships in
 * npm, so the checks are: XML parses; children in the schema's order (transcribed from
 * office-js-docs-pr docs/develop/manifest-element-ordering.md — Office refuses a manifest whose
 * order is wrong); the schema's length limits; the shared-runtime wiring (one resid for Runtime,
 * custom-functions Page and FunctionFile); the compat manifest's absence of all of it; every URL on
 * the base and present in that build. The root manifest.xml is the development source.
 */
import * as fs from "fs";
import * as path from "path";
import { XMLParser } from "fast-xml-parser";
import { BUILD_TIMEOUT_MS, DIST, ROOT, ensureBuilt } from "../support/build";
import { failingBuild, scratchBuild } from "../support/scratch-build";

const manifests = require("../../scripts/manifests") as {
  DEV_BASE: string;
  COMPAT_ID: string;
  resolveBaseUrl(raw: string | undefined): string;
};

const DEV_BASE = "https://localhost:3000/";
/** given without its trailing slash: the build must add it */
const DEPLOY_BASE_INPUT = "https://oa.example.gov.cn/apps/gov-addin";
const DEPLOY_BASE = `${DEPLOY_BASE_INPUT}/`;
const CJK = /[\u3400-\u9fff]/;

interface El {
  name: string;
  attrs: Record<string, string>;
  text: string;
  children: El[];
}

type Raw = Record<string, unknown>;

function toEl(raw: Raw): El | null {
  const name = Object.keys(raw).find((k) => k !== ":@");
  if (!name || name === "#text" || name.startsWith("?")) return null;
  const attrs = (raw[":@"] as Record<string, string> | undefined) ?? {};
  const kids = raw[name] as Raw[];
  const children = kids.map(toEl).filter((e): e is El => e !== null);
  const text = kids
    .filter((k) => "#text" in k)
    .map((k) => String(k["#text"]))
    .join("");
  return { name, attrs, text, children };
}

function parseManifest(xml: string): El {
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: "",
    parseAttributeValue: false,
    parseTagValue: false,
    trimValues: true,
  });
  const roots = (parser.parse(xml) as Raw[]).map(toEl).filter((e): e is El => e !== null);
  expect(roots).toHaveLength(1);
  return roots[0];
}

/** All descendants (depth first) named `name`. */
function all(el: El, name: string): El[] {
  const out: El[] = [];
  const walk = (e: El) => {
    for (const c of e.children) {
      if (c.name === name) out.push(c);
      walk(c);
    }
  };
  walk(el);
  return out;
}

function one(el: El, name: string): El {
  const found = all(el, name);
  expect({ name, count: found.length }).toEqual({ name, count: 1 });
  return found[0];
}

function child(el: El, name: string): El {
  const found = el.children.filter((c) => c.name === name);
  expect({ parent: el.name, name, count: found.length }).toEqual({ parent: el.name, name, count: 1 });
  return found[0];
}

function everyEl(el: El): El[] {
  return [el, ...el.children.flatMap(everyEl)];
}

/**
 * Child order the schema requires, per parent (office-js-docs-pr,
 * docs/develop/manifest-element-ordering.md, task pane add-ins). Elements GOV does not use are
 * listed too, so adding one later in the wrong place fails here.
 */
const SCHEMA_ORDER: Record<string, string[]> = {
  OfficeApp: [
    "Id", "AlternateId", "Version", "ProviderName", "DefaultLocale", "DisplayName", "Description", "IconUrl",
    "HighResolutionIconUrl", "SupportUrl", "AppDomains", "Hosts", "Requirements", "DefaultSettings", "Permissions",
    "Dictionary", "VersionOverrides", "ExtendedOverrides",
  ],
  Requirements: ["Sets", "Methods"],
  VersionOverrides: ["Description", "Requirements", "Hosts", "Resources"],
  Host: ["Runtimes", "AllFormFactors", "DesktopFormFactor"],
  ExtensionPoint: ["Script", "Page", "Metadata", "Namespace", "OfficeTab", "CustomTab", "OfficeMenu"],
  DesktopFormFactor: ["GetStarted", "FunctionFile", "ExtensionPoint"],
  GetStarted: ["Title", "Description", "LearnMoreUrl"],
  Group: ["OverriddenByRibbonApi", "Label", "Icon", "Control"],
  Control: ["OverriddenByRibbonApi", "Label", "Supertip", "Icon", "Action", "Enabled", "Items"],
  Supertip: ["Title", "Description"],
  Action: ["TaskpaneId", "SourceLocation", "Title", "FunctionName"],
  Resources: ["bt:Images", "bt:Urls", "bt:ShortStrings", "bt:LongStrings"],
};

/** Where an element breaks SCHEMA_ORDER (unknown children and children out of order), or []. */
function orderProblems(root: El): string[] {
  const problems: string[] = [];
  for (const el of everyEl(root)) {
    const order = SCHEMA_ORDER[el.name];
    if (!order || (el.name === "Host" && el.children.length === 0)) continue;
    let last = -1;
    for (const c of el.children) {
      const at = order.indexOf(c.name);
      if (at < 0) problems.push(`<${c.name}> is not a known child of <${el.name}>`);
      else if (at < last) problems.push(`<${c.name}> comes after <${order[last]}> in <${el.name}>`);
      else last = at;
    }
  }
  return problems;
}

/** Schema limits: base DisplayName ≤ 125, Description ≤ 250 (OfficeAppManifestV1_1.xsd). */
const BASE_TEXT_LIMITS: Record<string, number> = { DisplayName: 125, Description: 250 };

interface Built {
  label: string;
  kind: "main" | "compat";
  base: string;
  dir: string;
  xml: string;
  root: El;
}

/** Every absolute URL written anywhere in a manifest (attributes and text). */
function allUrls(root: El): string[] {
  const urls = new Set<string>();
  const add = (s: string) => {
    for (const m of s.matchAll(/\b[a-z][a-z0-9+.-]*:\/\/[^\s"'<>]+/gi)) urls.add(m[0]);
  };
  for (const el of everyEl(root)) {
    // xmlns values are schema identifiers, not locations
    for (const [k, v] of Object.entries(el.attrs)) if (!k.startsWith("xmlns")) add(v);
    add(el.text);
  }
  return [...urls];
}

/** The built file a URL on `base` names. */
function fileOf(b: Built, u: string): string {
  expect(u.startsWith(b.base)).toBe(true);
  return path.join(b.dir, decodeURIComponent(u.slice(b.base.length).split(/[?#]/)[0]));
}

function resourcesOf(root: El): Map<string, { kind: string; el: El }> {
  const table = new Map<string, { kind: string; el: El }>();
  for (const group of child(child(root, "VersionOverrides"), "Resources").children) {
    for (const item of group.children) {
      const id = item.attrs.id;
      expect(id).toBeTruthy();
      expect({ id, duplicate: table.has(id) }).toEqual({ id, duplicate: false });
      table.set(id, { kind: group.name, el: item });
    }
  }
  return table;
}

function urlOf(root: El, resid: string): El {
  const r = resourcesOf(root).get(resid);
  expect({ resid, kind: r?.kind }).toEqual({ resid, kind: "bt:Urls" });
  return r!.el;
}

function sourceLocationResid(el: El): string {
  return child(el, "SourceLocation").attrs.resid;
}

/** The <script src> list of a built page, in document order. */
function pageScripts(file: string): string[] {
  const html = fs.readFileSync(file, "utf8");
  return [...html.matchAll(/<script\b[^>]*\bsrc=["']?([^"' >]+)/g)].map((m) => m[1].replace(/^\.\//, ""));
}

function pageCsp(file: string): string {
  const html = fs.readFileSync(file, "utf8");
  return /http-equiv=["']?Content-Security-Policy["']?\s+content="([^"]+)"/i.exec(html)?.[1] ?? "";
}

const builds: Built[] = [];
let deployDir = "";

function load(label: string, kind: Built["kind"], base: string, dir: string): Built {
  const file = path.join(dir, kind === "main" ? "manifest.xml" : "manifest-compat.xml");
  const xml = fs.readFileSync(file, "utf8");
  return { label, kind, base, dir, xml, root: parseManifest(xml) };
}

beforeAll(() => {
  ensureBuilt();
  deployDir = scratchBuild({ GOV_BASE_URL: DEPLOY_BASE_INPUT, GOV_OFFICE_JS: "local" });
  builds.push(
    load("dist/manifest.xml", "main", DEV_BASE, DIST),
    load(`manifest.xml built for ${DEPLOY_BASE}`, "main", DEPLOY_BASE, deployDir),
    load("dist/manifest-compat.xml", "compat", DEV_BASE, DIST),
    load(`manifest-compat.xml built for ${DEPLOY_BASE}`, "compat", DEPLOY_BASE, deployDir),
  );
}, 2 * BUILD_TIMEOUT_MS);

afterAll(() => {
  if (deployDir) fs.rmSync(deployDir, { recursive: true, force: true });
});

const LABELS: [string, number][] = [
  ["dist/manifest.xml (development build)", 0],
  ["manifest.xml built for GOV_BASE_URL", 1],
  ["dist/manifest-compat.xml", 2],
  ["manifest-compat.xml built for GOV_BASE_URL", 3],
];
const MAIN = LABELS.slice(0, 2);
const COMPAT = LABELS.slice(2);

describe.each(LABELS)("%s: form", (_label, i) => {
  const b = () => builds[i];

  test("add-in only TaskPaneApp manifest, schema 1.1, task pane VersionOverrides V1_0", () => {
    const { root } = b();
    expect(root.name).toBe("OfficeApp");
    expect(root.attrs["xsi:type"]).toBe("TaskPaneApp");
    expect(root.attrs.xmlns).toBe("http://schemas.microsoft.com/office/appforoffice/1.1");
    const overrides = child(root, "VersionOverrides");
    // TaskPaneApp accepts only VersionOverrides 1.0 (1.1 exists for mail add-ins only)
    expect(overrides.attrs["xsi:type"]).toBe("VersionOverridesV1_0");
    expect(overrides.attrs.xmlns).toBe("http://schemas.microsoft.com/office/taskpaneappversionoverrides");
    expect(child(root, "Id").text).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
    expect(child(root, "Version").text).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(all(child(root, "Hosts"), "Host").map((h) => h.attrs.Name)).toEqual(["Workbook"]);
  });

  test("every element's children are in the schema's order (SupportUrl after the icons, before Hosts)", () => {
    const { root } = b();
    expect(orderProblems(root)).toEqual([]);
    const names = root.children.map((c) => c.name);
    expect(names.indexOf("SupportUrl")).toBe(names.indexOf("HighResolutionIconUrl") + 1);
  });

  test("asks for ReadWriteDocument (the pane writes report sheets and highlights)", () => {
    expect(child(b().root, "Permissions").text).toBe("ReadWriteDocument");
  });

  test("every resid used is defined once", () => {
    const { root } = b();
    const resources = resourcesOf(root);
    const used = everyEl(root).map((e) => e.attrs.resid).filter((r): r is string => Boolean(r));
    expect(used.length).toBeGreaterThan(0);
    for (const r of used) expect({ resid: r, defined: resources.has(r) }).toEqual({ resid: r, defined: true });
  });

  test("texts fit the schema's limits (name ≤ 125, description ≤ 250, short ≤ 125, long ≤ 250 characters)", () => {
    const { root } = b();
    for (const [name, limit] of Object.entries(BASE_TEXT_LIMITS)) {
      const el = child(root, name);
      for (const v of [el.attrs.DefaultValue, ...el.children.map((o) => o.attrs.Value)]) {
        expect({ name, length: v.length, ok: v.length <= limit }).toEqual({ name, length: v.length, ok: true });
      }
    }
    for (const { kind, el } of resourcesOf(root).values()) {
      const limit = kind === "bt:ShortStrings" ? 125 : kind === "bt:LongStrings" ? 250 : 2048;
      const values = [el.attrs.DefaultValue, ...el.children.map((o) => o.attrs.Value)];
      for (const v of values) expect({ id: el.attrs.id, ok: v.length <= limit }).toEqual({ id: el.attrs.id, ok: true });
    }
  });

  test.each(["DisplayName", "Description"])("%s: English default, Chinese zh-CN override", (name) => {
    const el = child(b().root, name);
    expect(el.attrs.DefaultValue).toMatch(/^[\x20-\x7e]+$/);
    const zh = el.children.filter((o) => o.name === "Override" && o.attrs.Locale === "zh-CN");
    expect(zh).toHaveLength(1);
    expect(zh[0].attrs.Value).toMatch(CJK);
    // full-width punctuation beside Chinese (chinese-text.md)
    expect(zh[0].attrs.Value).not.toMatch(/[\u3400-\u9fff][(),:;]|[(),:;][\u3400-\u9fff]/);
  });

  test("the ribbon texts have zh-CN overrides", () => {
    const { root } = b();
    const overrides = child(root, "VersionOverrides");
    const namespaces = new Set(all(overrides, "Namespace").map((n) => n.attrs.resid));
    for (const { kind, el } of resourcesOf(root).values()) {
      if (kind !== "bt:ShortStrings" && kind !== "bt:LongStrings") continue;
      if (namespaces.has(el.attrs.id)) continue; // a namespace is never localised
      const zh = el.children.filter((o) => o.attrs.Locale === "zh-CN");
      expect({ id: el.attrs.id, zh: zh.length }).toEqual({ id: el.attrs.id, zh: 1 });
      expect(zh[0].attrs.Value).toMatch(CJK);
    }
  });

  test("a ribbon button opens the page the manifest's DefaultSettings name", () => {
    const { root } = b();
    const host = child(child(child(root, "VersionOverrides"), "Hosts"), "Host");
    const buttons = all(host, "Control").filter((c) => c.attrs["xsi:type"] === "Button");
    expect(buttons.length).toBeGreaterThanOrEqual(1);
    const action = child(buttons[0], "Action");
    expect(action.attrs["xsi:type"]).toBe("ShowTaskpane");
    const page = child(child(root, "DefaultSettings"), "SourceLocation").attrs.DefaultValue;
    expect(urlOf(root, sourceLocationResid(action)).attrs.DefaultValue).toBe(page);
    expect(all(buttons[0], "bt:Image").map((img) => img.attrs.size)).toEqual(["16", "32", "80"]);
  });
});

describe.each(LABELS)("%s: every URL on the base, every URL built", (_label, i) => {
  const b = () => builds[i];

  test("every URL is on the build's base over HTTPS, the support page included", () => {
    const { root, base } = b();
    const urls = allUrls(root);
    expect(urls.length).toBeGreaterThan(5);
    for (const u of urls) expect({ u, onBase: u.startsWith(base) }).toEqual({ u, onBase: true });
    expect(child(root, "SupportUrl").attrs.DefaultValue).toBe(`${base}support.html`);
  });

  test("no AppDomains beyond the base's origin", () => {
    const { root, base } = b();
    for (const d of all(root, "AppDomain").map((x) => x.text)) expect(new URL(d).origin).toBe(new URL(base).origin);
  });

  test("each URL maps to a file in that build", () => {
    const built = b();
    for (const u of allUrls(built.root)) {
      const file = fileOf(built, u);
      expect({ url: u, built: fs.existsSync(file) && fs.statSync(file).isFile() }).toEqual({ url: u, built: true });
    }
  });

  test("icons are PNGs of the size the manifest declares", () => {
    const built = b();
    const { root } = built;
    const resources = resourcesOf(root);
    const declared: [string, number][] = [
      [child(root, "IconUrl").attrs.DefaultValue, 32],
      [child(root, "HighResolutionIconUrl").attrs.DefaultValue, 64],
    ];
    for (const img of all(child(child(root, "VersionOverrides"), "Resources"), "bt:Image")) {
      declared.push([img.attrs.DefaultValue, Number(/(\d+)\.png$/.exec(img.attrs.DefaultValue)?.[1])]);
    }
    for (const group of all(child(root, "VersionOverrides"), "Icon")) {
      for (const img of group.children) {
        expect(pngSize(fileOf(built, resources.get(img.attrs.resid)!.el.attrs.DefaultValue))).toBe(Number(img.attrs.size));
      }
    }
    for (const [u, size] of declared) expect({ u, size: pngSize(fileOf(built, u)) }).toEqual({ u, size });
  });
});

describe.each(MAIN)("%s: shared runtime and custom functions", (_label, i) => {
  const b = () => builds[i];
  const host = () => child(child(child(b().root, "VersionOverrides"), "Hosts"), "Host");

  test("requires the shared runtime, the custom-functions runtime and ExcelApi 1.7", () => {
    const sets = all(child(b().root, "Requirements"), "Set").map((s) => [s.attrs.Name, s.attrs.MinVersion ?? "1.1"]);
    expect(sets).toEqual(
      expect.arrayContaining([
        ["SharedRuntime", "1.1"],
        ["CustomFunctionsRuntime", "1.1"],
        ["ExcelApi", "1.7"],
      ]),
    );
  });

  test("one long-lived Runtime; Runtime, custom-functions Page and FunctionFile share ONE resid: the task pane", () => {
    const runtimes = all(host(), "Runtime");
    expect(runtimes).toHaveLength(1);
    expect(runtimes[0].attrs.lifetime).toBe("long");
    const cf = all(host(), "ExtensionPoint").filter((e) => e.attrs["xsi:type"] === "CustomFunctions");
    expect(cf).toHaveLength(1);
    const page = sourceLocationResid(child(cf[0], "Page"));
    const functionFile = one(host(), "FunctionFile").attrs.resid;
    const runtime = runtimes[0].attrs.resid;
    expect(new Set([runtime, page, functionFile]).size).toBe(1);
    expect(urlOf(b().root, runtime).attrs.DefaultValue).toBe(`${b().base}taskpane.html`);
    expect(child(child(b().root, "DefaultSettings"), "SourceLocation").attrs.DefaultValue).toBe(`${b().base}taskpane.html`);
  });

  test("custom functions: namespace GOV, functions.js, functions.json with a zh-CN override to functions.zh-CN.json", () => {
    const { root, base } = b();
    const cf = all(host(), "ExtensionPoint").find((e) => e.attrs["xsi:type"] === "CustomFunctions")!;
    const ns = resourcesOf(root).get(child(cf, "Namespace").attrs.resid);
    expect(ns?.kind).toBe("bt:ShortStrings");
    expect(ns?.el.attrs.DefaultValue).toBe("GOV");
    expect(ns?.el.children).toHaveLength(0); // a namespace is never localised
    expect(urlOf(root, sourceLocationResid(child(cf, "Script"))).attrs.DefaultValue).toBe(`${base}functions.js`);
    const metadata = urlOf(root, sourceLocationResid(child(cf, "Metadata")));
    expect(metadata.attrs.DefaultValue).toBe(`${base}functions.json`);
    // office-js-docs-pr docs/excel/custom-functions-naming.md: <bt:Override Locale=… Value=…> inside the metadata bt:Url
    expect(metadata.children.map((o) => [o.name, o.attrs.Locale, o.attrs.Value])).toEqual([
      ["bt:Override", "zh-CN", `${base}functions.zh-CN.json`],
    ]);
  });

  test("the shared-runtime page loads office.js first, then functions.js, then taskpane.js", () => {
    const scripts = pageScripts(path.join(b().dir, "taskpane.html"));
    expect(scripts.slice(1)).toEqual(["functions.js", "taskpane.js"]);
    expect(["office.js", "office-loader.js"]).toContain(scripts[0]);
  });
});

describe.each(COMPAT)("%s: Excel 2016/2019, task pane only", (_label, i) => {
  const b = () => builds[i];
  const main = () => builds[i - 2];

  test("its own Id (both manifests can be installed) and its own name", () => {
    expect(child(b().root, "Id").text).toBe(manifests.COMPAT_ID);
    expect(child(b().root, "Id").text).not.toBe(child(main().root, "Id").text);
    expect(child(b().root, "DisplayName").attrs.DefaultValue).not.toBe(child(main().root, "DisplayName").attrs.DefaultValue);
  });

  test("requires ExcelApi 1.1 only: no SharedRuntime, no CustomFunctionsRuntime", () => {
    const sets = all(child(b().root, "Requirements"), "Set").map((s) => [s.attrs.Name, s.attrs.MinVersion]);
    expect(sets).toEqual([["ExcelApi", "1.1"]]);
    expect(b().xml).not.toMatch(/SharedRuntime|CustomFunctionsRuntime/);
  });

  test("no Runtimes, no custom-functions extension point, no FunctionFile, no functions metadata or script", () => {
    const { root } = b();
    expect(all(root, "Runtimes")).toEqual([]);
    expect(all(root, "Runtime")).toEqual([]);
    expect(all(root, "AllFormFactors")).toEqual([]);
    expect(all(root, "ExtensionPoint").map((e) => e.attrs["xsi:type"])).toEqual(["PrimaryCommandSurface"]);
    expect(all(root, "FunctionFile")).toEqual([]);
    expect(all(root, "Namespace")).toEqual([]);
    expect(allUrls(root).filter((u) => /functions/.test(u))).toEqual([]);
  });

  test("the pane is taskpane-compat.html, which loads office.js and taskpane.js but never functions.js", () => {
    const { root, base, dir } = b();
    const page = `${base}taskpane-compat.html`;
    expect(child(child(root, "DefaultSettings"), "SourceLocation").attrs.DefaultValue).toBe(page);
    const scripts = pageScripts(path.join(dir, "taskpane-compat.html"));
    expect(scripts).toContain("taskpane.js");
    expect(scripts).not.toContain("functions.js");
    expect(["office.js", "office-loader.js"]).toContain(scripts[0]);
  });
});

describe("the root manifest.xml is the development manifest and the single source", () => {
  test("dist/manifest.xml is manifest.xml itself; the deployment one differs from it only in the base", () => {
    const source = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
    expect(builds[0].xml).toBe(source);
    expect(builds[1].xml).not.toContain(DEV_BASE);
    expect(builds[1].xml.split(DEPLOY_BASE).join(DEV_BASE)).toBe(source);
  });

  test("the compat manifests of both builds differ only in the base", () => {
    expect(builds[3].xml.split(DEPLOY_BASE).join(DEV_BASE)).toBe(builds[2].xml);
  });
});

describe("GOV_BASE_URL", () => {
  test.each([
    [undefined, DEV_BASE],
    ["", DEV_BASE],
    ["https://oa.example.gov.cn", "https://oa.example.gov.cn/"],
    ["https://oa.example.gov.cn/apps/gov", "https://oa.example.gov.cn/apps/gov/"],
    [" https://oa.example.gov.cn:8443/gov/ ", "https://oa.example.gov.cn:8443/gov/"],
    ["http://localhost:3000", "http://localhost:3000/"],
    ["http://127.0.0.1:8080/gov/", "http://127.0.0.1:8080/gov/"],
  ])("%j → %s", (raw, base) => {
    expect(manifests.resolveBaseUrl(raw)).toBe(base);
  });

  test.each([
    ["http://oa.example.gov.cn/gov/", /must use https:\/\/.*only for localhost/],
    ["ftp://oa.example.gov.cn/gov/", /https:\/\//],
    ["oa.example.gov.cn/gov", /not a URL/],
    ["https://oa.example.gov.cn/gov/?v=1", /query or fragment/],
    ["https://admin:secret@oa.example.gov.cn/gov/", /user name or password/],
  ])("%s is refused", (raw, message) => {
    expect(() => manifests.resolveBaseUrl(raw)).toThrow(message);
  });

  test("a build with an http base URL stops with that message and writes nothing", () => {
    const out = failingBuild({ GOV_BASE_URL: "http://oa.example.gov.cn/gov/" });
    expect(out).toMatch(/GOV_BASE_URL must use https:\/\//);
  }, BUILD_TIMEOUT_MS);
});

describe("GOV_OFFICE_JS=local (the deployment build above): pages that never name the CDN", () => {
  test.each(["taskpane.html", "taskpane-compat.html"])("%s loads the bundled office.js first; its CSP allows 'self' scripts only", (page) => {
    const file = path.join(deployDir, page);
    expect(pageScripts(file)[0]).toBe("office.js");
    expect(pageCsp(file)).toMatch(/script-src 'self';/);
    expect(fs.readFileSync(file, "utf8")).not.toMatch(/appsforoffice|aspnetcdn|office-loader/);
    expect(fs.existsSync(path.join(deployDir, "office-loader.js"))).toBe(false);
  });

  test.each(["taskpane.html", "taskpane-compat.html"])("the default build's %s loads office-loader.js first and allows exactly the CDN hosts", (page) => {
    const file = path.join(DIST, page);
    expect(pageScripts(file)[0]).toBe("office-loader.js");
    expect(pageCsp(file)).toMatch(/script-src 'self' https:\/\/appsforoffice\.microsoft\.com https:\/\/ajax\.aspnetcdn\.com;/);
    expect(pageCsp(file)).toMatch(/connect-src 'self';/);
  });
});

/** Width of a built PNG (its IHDR), checking it is square. */
function pngSize(file: string): number {
  const buf = fs.readFileSync(file);
  expect(buf.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);
  expect(buf.subarray(12, 16).toString("ascii")).toBe("IHDR");
  const width = buf.readUInt32BE(16);
  expect(buf.readUInt32BE(20)).toBe(width);
  return width;
}
