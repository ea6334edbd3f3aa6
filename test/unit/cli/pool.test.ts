/**
 * Worker threads started at launch (src/cli/pool.ts): when the command line asks for them, and
 * that a started worker never holds the process when it is not used.
 */
import { spawnSync } from "child_process";
import { copyFileSync, mkdirSync, writeFileSync } from "fs";
import { join, resolve } from "path";
import { defaultJobs, wantsWorkers } from "../../../src/cli/pool";
import { tempDir } from "../xlsx/helpers";

jest.setTimeout(120_000);

const root = resolve(__dirname, "../../..");
const tmp = tempDir("govcheck-pool-");
afterAll(() => tmp.remove());
const two = { GOVCHECK_JOBS: "2" };

beforeAll(() => {
  mkdirSync(join(tmp.dir, "one"), { recursive: true });
  copyFileSync(join(root, "assets", "templates", "examples", "grid-errors.xlsx"), join(tmp.dir, "one", "grid.xlsx"));
  writeFileSync(join(tmp.dir, "a.xlsx"), "");
});

describe("wantsWorkers: told from the arguments alone", () => {
  const wants = (argv: string[], env: Record<string, string> = two) => wantsWorkers(argv, env, tmp.dir);

  it("several inputs, a folder or a pattern: yes", () => {
    expect(wants(["a.xlsx", "b.xlsx"])).toBe(true);
    expect(wants(["one"])).toBe(true);
    expect(wants(["*.xlsx"])).toBe(true);
    expect(wants(["--format", "json", "one"])).toBe(true);
    expect(wants(["--", "-odd.xlsx", "a.xlsx"])).toBe(true);
  });

  it("one file, no input, --help, --combine or one thread: no", () => {
    expect(wants(["a.xlsx"])).toBe(false);
    // an option's value is not an input
    expect(wants(["a.xlsx", "--format", "json"])).toBe(false);
    expect(wants(["a.xlsx", "--report", "r.xlsx"])).toBe(false);
    expect(wants([])).toBe(false);
    expect(wants(["one", "--help"])).toBe(false);
    expect(wants(["one", "--combine"])).toBe(false);
    expect(wants(["one", "--combined", "out.xlsx"])).toBe(false);
    expect(wants(["one", "--combined=out.xlsx"])).toBe(false);
    expect(wants(["one"], { GOVCHECK_JOBS: "1" })).toBe(false);
    expect(wants(["no-such-folder"])).toBe(false);
  });
});

describe("govcheck with workers started at launch", () => {
  const run = (args: string[], env: Record<string, string>) =>
    spawnSync(process.execPath, [join(root, "bin", "govcheck.js"), ...args], { cwd: tmp.dir, encoding: "utf8", env: { ...process.env, ...env }, timeout: 60_000 });

  it("a folder holding one file: the unused worker does not keep the process alive, output as on one thread", () => {
    const one = run(["one", "--format", "json"], { GOVCHECK_JOBS: "1" });
    const started = run(["one", "--format", "json"], two);
    expect(started.error).toBeUndefined();
    expect(started.status).toBe(one.status);
    expect(started.stdout).toBe(one.stdout);
    expect(JSON.parse(started.stdout).files).toHaveLength(1);
  });

  it("--combine over a folder (read in this thread): same output with or without worker threads", () => {
    const one = run(["one", "--combine", "--format", "json"], { GOVCHECK_JOBS: "1" });
    const started = run(["one", "--combine", "--format", "json"], two);
    expect(started.status).toBe(one.status);
    expect(started.stdout).toBe(one.stdout);
  });
});

describe("defaultJobs", () => {
  it("GOVCHECK_JOBS when a whole number ≥ 1, else one thread per core but one (V8's own threads need a core)", () => {
    expect(defaultJobs({ GOVCHECK_JOBS: "3" }, 2)).toBe(3);
    expect(defaultJobs({}, 1)).toBe(1);
    expect(defaultJobs({}, 2)).toBe(1);
    expect(defaultJobs({}, 4)).toBe(3);
    expect(defaultJobs({ GOVCHECK_JOBS: "0" }, 8)).toBe(7);
    expect(defaultJobs({ GOVCHECK_JOBS: "two" }, 8)).toBe(7);
  });
});
