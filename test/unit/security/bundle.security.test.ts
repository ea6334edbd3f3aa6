/**
 * Least privilege of what ships (issue 6.5): the pane's Content-Security-Policy allows no inline
 * script, no eval, and no remote script but Microsoft's office.js CDN (issue 9.11: office.js from
 * the CDN, else our own copy) and the MicrosoftAjax.js host office.js's older Windows host files use; our bundles contain no eval and no `new Function` beyond three
 * known library lines, each of which only runs where CSP already forbids it or never runs.
 * Builds dist/ first when it is missing or stale (test/support/build.ts).
 */
import { readdirSync, readFileSync } from "fs";
import { dist, ensureBuilt } from "../../support/build";

jest.setTimeout(15 * 60 * 1000);

beforeAll(() => ensureBuilt());

/** CSP directives of the page's <meta http-equiv="Content-Security-Policy">. */
function cspOf(html: string): Map<string, string[]> {
  const meta = /<meta\s[^>]*http-equiv=["']?Content-Security-Policy["']?[^>]*>/i.exec(html);
  if (!meta) throw new Error("no Content-Security-Policy meta tag");
  const content = /content=("([^"]*)"|'([^']*)')/i.exec(meta[0]);
  if (!content) throw new Error("CSP meta tag without content");
  const map = new Map<string, string[]>();
  for (const d of (content[2] ?? content[3]).split(";")) {
    const [name, ...sources] = d.trim().split(/\s+/);
    if (name) map.set(name.toLowerCase(), sources);
  }
  return map;
}

/** Sources a script may come from: script-src, else default-src (CSP fallback). */
function scriptSources(csp: Map<string, string[]>): string[] {
  return csp.get("script-src") ?? csp.get("default-src") ?? ["*"];
}

/** A script source that admits remote code, inline code or eval. */
function unsafeSource(s: string): boolean {
  const keyword = s.toLowerCase();
  if (keyword === "'self'" || keyword === "'none'") return false;
  // nonces and hashes pin exact inline scripts; anything else (hosts, schemes, *, unsafe-*) is remote or eval
  return !/^'(nonce|sha256|sha384|sha512)-/.test(keyword);
}

/** The remote script hosts a page may name: the pages loading office.js from Microsoft's CDN. */
const OFFICE_CDN = ["https://appsforoffice.microsoft.com", "https://ajax.aspnetcdn.com"];
const ALLOWED_REMOTE: Record<string, string[]> = {
  "taskpane.html": OFFICE_CDN,
  "taskpane-compat.html": OFFICE_CDN,
  "functions.html": [],
};

describe.each(Object.keys(ALLOWED_REMOTE))("%s", (page) => {
  const html = () => readFileSync(dist(page), "utf8");

  it("carries a CSP whose script sources are 'self' and at most Microsoft's office.js CDN: no other host, no inline, no eval", () => {
    const csp = cspOf(html());
    const sources = scriptSources(csp);
    expect(sources.length).toBeGreaterThan(0);
    expect(sources.filter(unsafeSource)).toEqual(ALLOWED_REMOTE[page]);
    expect(csp.get("object-src")).toEqual(["'none'"]);
    expect(csp.get("base-uri")).toEqual(["'self'"]);
  });

  it("loads every script from the add-in's own origin", () => {
    const srcs = [...html().matchAll(/<script\b[^>]*\bsrc=["']?([^"'\s>]+)/gi)].map((m) => m[1]);
    expect(srcs.length).toBeGreaterThan(0);
    for (const src of srcs) expect(src).not.toMatch(/^(https?:)?\/\/|^[a-z]+:/i);
    // and no inline script body
    expect(html()).not.toMatch(/<script\b(?![^>]*\bsrc=)[^>]*>\s*\S/i);
  });
});

/** The bundles webpack builds from our sources (Microsoft's office.js files are copied as is). */
function ourBundles(): string[] {
  const ours = new Set(["taskpane.js", "functions.js", "office-loader.js", "office-fallback.js"]);
  return readdirSync(dist()).filter((f) => ours.has(f) || /\.[0-9a-f]{8}\.js$/.test(f));
}

/**
 * The only `new Function` lines allowed, with why each is harmless under the CSP above:
 * - zod 4 (`allowsEval`): a feature probe in try/catch; under script-src 'self' it throws and
 *   zod uses its non-JIT path.
 * - webpack's runtime `__webpack_require__.g`: reached only where `globalThis` is missing (no
 *   browser Office supports lacks it).
 * - the setImmediate polyfill bundled in ExcelJS's browser build: only for a string callback,
 *   which ExcelJS never passes.
 */
const ALLOWED_NEW_FUNCTION = [
  'try{return new Function(""),!0}catch(e){return!1}',
  'return this||new Function("return this")()',
  '"function"!=typeof e&&(e=new Function(""+e))',
];

describe("our bundles", () => {
  it("exist", () => {
    expect(ourBundles()).toEqual(expect.arrayContaining(["taskpane.js", "functions.js"]));
  });

  it("contain no eval", () => {
    for (const f of ourBundles()) {
      const code = readFileSync(dist(f), "utf8");
      expect({ f, evals: code.match(/(^|[^\w$.])eval\s*\(/g) ?? [] }).toEqual({ f, evals: [] });
    }
  });

  it("contain no new Function beyond the three known library lines", () => {
    for (const f of ourBundles()) {
      let code = readFileSync(dist(f), "utf8");
      for (const ok of ALLOWED_NEW_FUNCTION) code = code.split(ok).join("");
      const left = [...code.matchAll(/.{0,60}\bnew\s+Function\b.{0,60}/g)].map((m) => m[0]);
      expect({ f, left }).toEqual({ f, left: [] });
    }
  });
});
