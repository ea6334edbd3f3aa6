/**
 * A fresh clone's `npm install` / `npm ci` (README item 12): package.json and package-lock.json
 * agree, so an install leaves `git status` clean; the `engines.node` range we state is one every
 * package in the lockfile accepts, so npm prints no EBADENGINE warning on a node we claim to
 * support; and every dependency install script is decided in `allowScripts`, so npm 11 prints no
 * "install scripts not yet covered" warning.
 */
import * as fs from "fs";
import * as path from "path";

// semver is npm's own range logic (a dependency of many packages in the tree)
const semver = require("semver") as {
  minVersion(range: string): { version: string } | null;
  satisfies(version: string, range: string): boolean;
  subset(sub: string, dom: string): boolean;
  validRange(range: string): string | null;
};

const ROOT = path.resolve(__dirname, "..", "..", "..");
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"));
const lock = JSON.parse(fs.readFileSync(path.join(ROOT, "package-lock.json"), "utf8"));

interface LockEntry {
  version?: string;
  engines?: { node?: string } | string[];
  hasInstallScript?: boolean;
  optional?: boolean;
}
const entries = Object.entries(lock.packages as Record<string, LockEntry>).filter(([p]) => p !== "");
const nameOf = (p: string) => p.slice(p.lastIndexOf("node_modules/") + "node_modules/".length);

describe("package.json and package-lock.json agree", () => {
  const root = lock.packages[""];

  test.each(["dependencies", "devDependencies", "optionalDependencies", "peerDependencies"])(
    "%s: every spec in package.json is the lockfile root's, and no other",
    (field) => {
      expect(root[field] ?? {}).toEqual(pkg[field] ?? {});
    },
  );

  test.each(["name", "version", "engines", "bin", "license"])("%s is the same in both", (field) => {
    expect(root[field]).toEqual(pkg[field]);
  });

  test("every locked version satisfies the spec package.json asks for", () => {
    const bad: string[] = [];
    for (const field of ["dependencies", "devDependencies"]) {
      for (const [name, spec] of Object.entries((pkg[field] ?? {}) as Record<string, string>)) {
        const locked = lock.packages[`node_modules/${name}`]?.version;
        if (!locked || !semver.satisfies(locked, spec)) bad.push(`${name}: ${spec} but locked ${locked}`);
      }
    }
    expect(bad).toEqual([]);
  });
});

describe("the node versions we claim are ones the whole dependency tree accepts", () => {
  const ours: string = pkg.engines?.node;

  test("package.json states a valid engines.node range", () => {
    expect(semver.validRange(ours)).not.toBeNull();
  });

  test("no package in the lockfile excludes our minimum node (npm's EBADENGINE)", () => {
    const min = semver.minVersion(ours)!.version;
    const excluding = entries
      .filter(([, e]) => e.engines && !Array.isArray(e.engines) && e.engines.node)
      .filter(([, e]) => !semver.satisfies(min, (e.engines as { node: string }).node))
      .map(([p, e]) => `${nameOf(p)}@${e.version} needs node ${(e.engines as { node: string }).node}`);
    expect({ min, excluding }).toEqual({ min, excluding: [] });
  });

  test("every package in the lockfile accepts every node version we claim, not just the minimum", () => {
    const narrower = entries
      .filter(([, e]) => e.engines && !Array.isArray(e.engines) && e.engines.node)
      .filter(([, e]) => !semver.subset(ours, (e.engines as { node: string }).node))
      .map(([p, e]) => `${nameOf(p)}@${e.version} needs node ${(e.engines as { node: string }).node}`);
    expect(narrower).toEqual([]);
  });
});

describe("install scripts", () => {
  test("every dependency with an install script is approved or denied in package.json allowScripts", () => {
    const decided = Object.keys((pkg.allowScripts ?? {}) as Record<string, boolean>).map((k) =>
      // "name" or "name@version"; a scoped name starts with @
      k.replace(/(?!^)@.*$/, ""),
    );
    const undecided = entries
      .filter(([, e]) => e.hasInstallScript)
      .map(([p]) => nameOf(p))
      .filter((name) => !decided.includes(name));
    expect(undecided).toEqual([]);
  });
});
