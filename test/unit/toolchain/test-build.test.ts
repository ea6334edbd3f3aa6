/**
 * `npm test` says what it is doing while it builds dist/ (README item 12): jest's globalSetup
 * builds with test/support/build.ts' buildWithProgress — a first line naming the build and its
 * expected length, a timer, a last line — only when the selected test files need dist/ and it is
 * stale. Exercised with a stand-in command (a real build takes a minute).
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { buildWithProgress, ROOT } from "../../support/build";

 
const jestConfig = require(path.join(ROOT, "jest.config.js"));
 
const { needsDist } = require(path.join(ROOT, "test", "support", "sequencer.js"));

const at = (p: string) => p.replace("<rootDir>", ROOT);
/** a command that runs `ms` milliseconds, printing `out`, and exits with `code` */
const fake = (ms: number, code = 0, out = ""): [string, string[]] => [
  process.execPath,
  ["-e", `setTimeout(() => { process.stdout.write(${JSON.stringify(out)}); process.exit(${code}); }, ${ms})`],
];

let tmp: string;
beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "gov-progress-"));
});
afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

function recorder() {
  const lines: { at: number; text: string }[] = [];
  return { lines, write: (text: string) => void lines.push({ at: Date.now(), text }) };
}

describe("jest is set up to build dist/ visibly, before the tests", () => {
  test("jest.config.js names a globalSetup and a test sequencer that exist", () => {
    expect(jestConfig.globalSetup).toBeDefined();
    expect(jestConfig.testSequencer).toBeDefined();
    expect(fs.existsSync(at(jestConfig.globalSetup))).toBe(true);
    expect(fs.existsSync(at(jestConfig.testSequencer))).toBe(true);
  });

  test("only test files that import ensureBuilt from test/support/build make the setup build", () => {
    expect(needsDist(path.join(ROOT, "test/unit/dist.test.ts"))).toBe(true);
    expect(needsDist(path.join(ROOT, "test/e2e/pane.e2e.test.ts"))).toBe(true);
    expect(needsDist(path.join(ROOT, "test/unit/input.test.ts"))).toBe(false);
    const own = path.join(tmp, "x.test.ts");
    // (assembled, so that this file itself does not contain the import it looks for)
    fs.writeFileSync(own, ["import { dist, ensure", 'Built } from "../../support/build";\n'].join(""));
    expect(needsDist(own)).toBe(true);
    // this very file imports build.ts for buildWithProgress, but reads no dist/
    expect(needsDist(__filename)).toBe(false);
    fs.writeFileSync(own, 'import { dist } from "../../support/build";\n');
    expect(needsDist(own)).toBe(false);
    fs.writeFileSync(own, ["import { scratchBuild, ensure", 'Built } from "../../support/scratch-build";\n'].join(""));
    expect(needsDist(own)).toBe(false);
  });
});

describe("buildWithProgress", () => {
  test("says what it builds and how long it should take before the build ends, counts, and says when done", async () => {
    const { lines, write } = recorder();
    const started = Date.now();
    const result = await buildWithProgress({
      write,
      tty: false,
      tickMs: 300,
      command: fake(1500),
      stale: () => "dist/functions.js is missing",
      lock: path.join(tmp, "lock"),
      estimateSeconds: 42,
    });
    const ended = Date.now();
    expect(result).toBe("built");
    expect(lines[0].text).toBe("building dist/ for the tests (about 42 s)… (dist/functions.js is missing; webpack --mode production)\n");
    expect(lines[0].at - started).toBeLessThan(1000); // first, not after the build
    const ticks = lines.slice(1, -1).map((l) => l.text);
    expect(ticks.length).toBeGreaterThanOrEqual(2);
    for (const t of ticks) expect(t).toMatch(/^ {2}… \d+ s\n$/);
    expect(lines[lines.length - 1].text).toMatch(/^dist\/ built in [12] s; now the tests\.\n$/);
    expect(ended - lines[lines.length - 1].at).toBeLessThan(500);
    expect(fs.existsSync(path.join(tmp, "lock"))).toBe(false);
  }, 20_000);

  test("on a terminal the timer rewrites one line", async () => {
    const { lines, write } = recorder();
    await buildWithProgress({ write, tty: true, tickMs: 200, command: fake(900), stale: () => "x", lock: path.join(tmp, "lock"), estimateSeconds: 5 });
    const ticks = lines.slice(1, -2).map((l) => l.text);
    expect(ticks.length).toBeGreaterThanOrEqual(2);
    for (const t of ticks) expect(t).toMatch(/^\r {2}\d+ s$/);
    expect(lines[lines.length - 2].text).toBe("\r\x1b[K");
  }, 20_000);

  test("a fresh dist/ is not rebuilt and prints nothing", async () => {
    const { lines, write } = recorder();
    const marker = path.join(tmp, "ran");
    const result = await buildWithProgress({
      write,
      command: [process.execPath, ["-e", `require("fs").writeFileSync(${JSON.stringify(marker)}, "")`]],
      stale: () => null,
      lock: path.join(tmp, "lock"),
    });
    expect(result).toBe("fresh");
    expect(lines).toEqual([]);
    expect(fs.existsSync(marker)).toBe(false);
  });

  test("a failed build rejects with the build's own output and releases the lock", async () => {
    const { write } = recorder();
    await expect(
      buildWithProgress({ write, tty: false, tickMs: 1000, command: fake(100, 2, "ERROR in ./src/x.ts"), stale: () => "x", lock: path.join(tmp, "lock") }),
    ).rejects.toThrow(/webpack build failed \(exit 2\):\nERROR in \.\/src\/x\.ts/);
    expect(fs.existsSync(path.join(tmp, "lock"))).toBe(false);
  });

  test("while another run holds the lock it says it is waiting, then builds nothing if that run built", async () => {
    const { lines, write } = recorder();
    const lock = path.join(tmp, "lock");
    fs.mkdirSync(lock);
    let built = false;
    setTimeout(() => {
      built = true;
      fs.rmSync(lock, { recursive: true });
    }, 800);
    const result = await buildWithProgress({ write, command: fake(10), stale: () => (built ? null : "x"), lock });
    expect(result).toBe("fresh");
    expect(lines.map((l) => l.text)).toEqual([expect.stringMatching(/^waiting for another test run's build of dist\//)]);
  });
});
