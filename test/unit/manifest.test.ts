/**
 * manifest.xml cannot be validated offline (`office-addin-manifest validate` calls a Microsoft
 * service, toolchain.md 8), so this test checks what matters for GOV itself: the shared-runtime
 * wiring (one resid for Runtime, custom-functions Page and FunctionFile), the GOV namespace, the
 * zh-CN texts, that nothing points off our origin, and that every URL it names is really built.
 */
import * as fs from "fs";
import * as path from "path";
import { XMLParser } from "fast-xml-parser";
import { BUILD_TIMEOUT_MS, DIST, ROOT, ensureBuilt } from "../support/build";

const ORIGIN = "https://localhost:3000";
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

const xml = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
const root = parseManifest(xml);
const overrides = one(root, "VersionOverrides");
const resources = child(overrides, "Resources");

/** resid → DefaultValue, over bt:Images, bt:Urls, bt:ShortStrings and bt:LongStrings. */
function resourceTable(): Map<string, { kind: string; el: El }> {
  const table = new Map<string, { kind: string; el: El }>();
  for (const group of resources.children) {
    for (const item of group.children) {
      const id = item.attrs.id;
      expect(id).toBeTruthy();
      expect(table.has(id)).toBe(false); // ids are unique across the resources
      table.set(id, { kind: group.name, el: item });
    }
  }
  return table;
}
const resourcesById = resourceTable();
const namespaceResid = one(overrides, "Namespace").attrs.resid;

function url(resid: string): string {
  const r = resourcesById.get(resid);
  expect(r?.kind).toBe("bt:Urls");
  return r!.el.attrs.DefaultValue;
}

function sourceLocationResid(el: El): string {
  return child(el, "SourceLocation").attrs.resid;
}

/** Every absolute URL written anywhere in the manifest (attributes and text). */
function allUrls(): string[] {
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

describe("manifest.xml: form", () => {
  test("add-in only TaskPaneApp manifest, schema 1.1, task pane VersionOverrides V1_0", () => {
    expect(root.name).toBe("OfficeApp");
    expect(root.attrs["xsi:type"]).toBe("TaskPaneApp");
    expect(root.attrs.xmlns).toBe("http://schemas.microsoft.com/office/appforoffice/1.1");
    // TaskPaneApp accepts only VersionOverrides 1.0 (1.1 exists for mail add-ins only)
    expect(overrides.attrs["xsi:type"]).toBe("VersionOverridesV1_0");
    expect(overrides.attrs.xmlns).toBe("http://schemas.microsoft.com/office/taskpaneappversionoverrides");
    expect(child(root, "Id").text).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
    expect(child(root, "Version").text).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(all(child(root, "Hosts"), "Host").map((h) => h.attrs.Name)).toEqual(["Workbook"]);
  });

  test("requires the shared runtime and the custom-functions runtime", () => {
    const sets = all(child(root, "Requirements"), "Set").map((s) => [s.attrs.Name, s.attrs.MinVersion ?? "1.1"]);
    expect(sets).toEqual(
      expect.arrayContaining([
        ["SharedRuntime", "1.1"],
        ["CustomFunctionsRuntime", "1.1"],
      ]),
    );
  });

  test("asks for ReadWriteDocument (the pane writes report sheets and highlights)", () => {
    expect(child(root, "Permissions").text).toBe("ReadWriteDocument");
  });

  test("every resid used is defined once", () => {
    const used = everyEl(root)
      .map((e) => e.attrs.resid)
      .filter((r): r is string => Boolean(r));
    expect(used.length).toBeGreaterThan(0);
    for (const r of used) expect({ resid: r, defined: resourcesById.has(r) }).toEqual({ resid: r, defined: true });
  });

  test("strings fit Office's limits (short ≤ 125, long ≤ 250 characters)", () => {
    for (const { kind, el } of resourcesById.values()) {
      const limit = kind === "bt:ShortStrings" ? 125 : kind === "bt:LongStrings" ? 250 : Infinity;
      const values = [el.attrs.DefaultValue, ...el.children.map((o) => o.attrs.Value)];
      for (const v of values) expect(v.length).toBeLessThanOrEqual(limit);
    }
  });
});

describe("manifest.xml: shared runtime", () => {
  const host = child(child(overrides, "Hosts"), "Host");
  const runtimes = all(host, "Runtime");
  const cf = all(host, "ExtensionPoint").filter((e) => e.attrs["xsi:type"] === "CustomFunctions");

  test("one long-lived Runtime", () => {
    expect(runtimes).toHaveLength(1);
    expect(runtimes[0].attrs.lifetime).toBe("long");
  });

  test("Runtime, custom-functions Page and FunctionFile share ONE resid: the task pane", () => {
    expect(cf).toHaveLength(1);
    const page = sourceLocationResid(child(cf[0], "Page"));
    const functionFile = one(host, "FunctionFile").attrs.resid;
    const runtime = runtimes[0].attrs.resid;
    expect(new Set([runtime, page, functionFile]).size).toBe(1);
    expect(url(runtime)).toBe(`${ORIGIN}/taskpane.html`);
    expect(child(child(root, "DefaultSettings"), "SourceLocation").attrs.DefaultValue).toBe(`${ORIGIN}/taskpane.html`);
  });

  test("custom functions: namespace GOV, functions.js, functions.json", () => {
    const ns = resourcesById.get(child(cf[0], "Namespace").attrs.resid);
    expect(ns?.kind).toBe("bt:ShortStrings");
    expect(ns?.el.attrs.DefaultValue).toBe("GOV");
    expect(ns?.el.children).toHaveLength(0); // a namespace is never localised
    expect(url(sourceLocationResid(child(cf[0], "Script")))).toBe(`${ORIGIN}/functions.js`);
    expect(url(sourceLocationResid(child(cf[0], "Metadata")))).toBe(`${ORIGIN}/functions.json`);
  });

  test("a ribbon button opens the pane in the same runtime", () => {
    const buttons = all(host, "Control").filter((c) => c.attrs["xsi:type"] === "Button");
    expect(buttons.length).toBeGreaterThanOrEqual(1);
    const action = child(buttons[0], "Action");
    expect(action.attrs["xsi:type"]).toBe("ShowTaskpane");
    expect(sourceLocationResid(action)).toBe(runtimes[0].attrs.resid);
    const sizes = all(buttons[0], "bt:Image").map((i) => i.attrs.size);
    expect(sizes).toEqual(["16", "32", "80"]);
  });
});

describe("manifest.xml: language and origin", () => {
  test.each(["DisplayName", "Description"])("%s: English default, Chinese zh-CN override", (name) => {
    const el = child(root, name);
    expect(el.attrs.DefaultValue).toMatch(/^[\x20-\x7e]+$/);
    const zh = el.children.filter((o) => o.name === "Override" && o.attrs.Locale === "zh-CN");
    expect(zh).toHaveLength(1);
    expect(zh[0].attrs.Value).toMatch(CJK);
  });

  test("the ribbon texts have zh-CN overrides", () => {
    for (const { kind, el } of resourcesById.values()) {
      if (kind !== "bt:ShortStrings" && kind !== "bt:LongStrings") continue;
      if (el.attrs.id === namespaceResid) continue; // a namespace is never localised
      const zh = el.children.filter((o) => o.attrs.Locale === "zh-CN");
      expect({ id: el.attrs.id, zh: zh.length }).toEqual({ id: el.attrs.id, zh: 1 });
      expect(zh[0].attrs.Value).toMatch(CJK);
    }
  });

  test("every URL is on our own origin over HTTPS", () => {
    const urls = allUrls();
    expect(urls.length).toBeGreaterThan(5);
    for (const u of urls) expect(u.startsWith(`${ORIGIN}/`)).toBe(true);
  });

  test("no AppDomains beyond our own origin", () => {
    const domains = all(root, "AppDomain").map((d) => d.text);
    for (const d of domains) expect(d.replace(/\/$/, "")).toBe(ORIGIN);
  });
});

describe("manifest.xml: every URL it names is built", () => {
  beforeAll(() => ensureBuilt(), BUILD_TIMEOUT_MS);

  test("each URL maps to a file in dist/", () => {
    for (const u of allUrls()) {
      const file = path.join(DIST, decodeURIComponent(new URL(u).pathname));
      expect({ url: u, built: fs.existsSync(file) && fs.statSync(file).isFile() }).toEqual({ url: u, built: true });
    }
  });

  test("icons are PNGs of the size the manifest declares", () => {
    const declared: [string, number][] = [
      [child(root, "IconUrl").attrs.DefaultValue, 32],
      [child(root, "HighResolutionIconUrl").attrs.DefaultValue, 64],
    ];
    for (const img of all(resources, "bt:Image")) {
      const size = Number(/(\d+)\.png$/.exec(img.attrs.DefaultValue)?.[1]);
      declared.push([img.attrs.DefaultValue, size]);
    }
    for (const group of all(overrides, "Icon")) {
      for (const img of group.children) {
        expect(url2size(resourcesById.get(img.attrs.resid)!.el.attrs.DefaultValue)).toBe(Number(img.attrs.size));
      }
    }
    for (const [u, size] of declared) expect({ u, size: url2size(u) }).toEqual({ u, size });
  });
});

/** Width of the built PNG a URL names (its IHDR), checking it is square. */
function url2size(u: string): number {
  const buf = fs.readFileSync(path.join(DIST, new URL(u).pathname));
  expect(buf.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);
  expect(buf.subarray(12, 16).toString("ascii")).toBe("IHDR");
  const width = buf.readUInt32BE(16);
  expect(buf.readUInt32BE(20)).toBe(width);
  return width;
}
