/**
 * govcheck on hostile files, as the clerk runs it (a child process of bin/govcheck.js): each is
 * answered with exit 2 and one line `govcheck: 无法读取 “name”: reason` (no stack), the other
 * files are still checked, or — a 1 M-cell sheet, a million shared strings — it is processed.
 * Peak memory of each run is measured (getrusage, via a --require'd preload) and held to a
 * generous structural bound: what matters is that nothing scales with what a part inflates to.
 * No timing assertions.
 */
import { execFileSync, spawnSync } from "child_process";
import { readFileSync, writeFileSync } from "fs";
import { join, resolve } from "path";
import { tempDir } from "../xlsx/helpers";
import { type BigFiles, MILLION, writeBigFiles } from "./big";
import { ENTITY_PROLOGS, parts, workbook } from "./fixtures";

jest.setTimeout(300_000);

const root = resolve(__dirname, "../../..");
const bin = join(root, "bin", "govcheck.js");
const preload = join(__dirname, "rss-preload.js");
const tmp = tempDir("gov-hostile-cli-");
afterAll(() => tmp.remove());

/** A generous bound on govcheck's peak RSS: far below what any bomb here would need if inflated. */
const RSS_BOUND_MB = 1536;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string[];
  peakMb: number;
}

function govcheck(args: string[]): Run {
  const rssFile = join(tmp.dir, "rss.txt");
  writeFileSync(rssFile, "");
  // through sh: a child forked straight from this (large) jest worker would inherit its peak RSS
  // (Linux keeps ru_maxrss across fork and exec); sh's own child starts from sh's
  const r = spawnSync("/bin/sh", ["-c", '"$0" "$@"; exit $?', process.execPath, "--require", preload, bin, ...args], {
    cwd: tmp.dir,
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "", GOV_RSS_FILE: rssFile },
  });
  const stderr = r.stderr.split("\n").filter((l) => l !== "" && !/^govcheck: (正在编译|编译有类型错误)/.test(l));
  const kb = Number(readFileSync(rssFile, "utf8"));
  return { code: r.status, stdout: r.stdout, stderr, peakMb: Math.round(kb / 1024) };
}

let big: BigFiles;
const small: Record<string, string> = {};
const measured: string[] = [];

beforeAll(() => {
  execFileSync(process.execPath, [bin, "--help"], { cwd: root, stdio: "pipe" }); // compile lib/ once
  big = writeBigFiles(tmp.dir);
  const put = (name: string, bytes: Uint8Array) => {
    writeFileSync(join(tmp.dir, name), bytes);
    small[name] = name;
  };
  put("good.xlsx", workbook());
  put("random.xlsx", Uint8Array.from({ length: 65_536 }, (_, i) => (i * 2654435761) >>> 24));
  const good = workbook();
  put("truncated.xlsx", good.subarray(0, good.length >> 1));
  put("laughs.xlsx", workbook({ sst: parts.sst("<si><t>&lol9;</t></si>", ENTITY_PROLOGS.billionLaughs) }));
  put("xxe.xlsx", workbook({ sheet: parts.sheet('<row r="1"><c r="A1" t="inlineStr"><is><t>&xxe;</t></is></c></row>', ENTITY_PROLOGS.externalFile) }));
  put("xxe-workbook.xlsx", workbook({ workbook: parts.workbook(ENTITY_PROLOGS.externalFile) }));
});

afterAll(() => {
  // the measured peaks, for the report (README "Limits and security")
  if (measured.length > 0) process.stdout.write(`govcheck peak RSS on hostile files:\n${measured.join("\n")}\n`);
});

function expectRefused(r: Run, name: string, reason: RegExp): void {
  expect(r.code).toBe(2);
  expect(r.stderr).toHaveLength(1);
  expect(r.stderr[0]).toMatch(new RegExp(`^govcheck: 无法读取“${name.replace(/[.]/g, "\\.")}”：\\S`));
  expect(r.stderr[0]).toMatch(reason);
  expect(r.stderr[0]).not.toMatch(/\bat .*:\d+|Error:/);
  expect(r.peakMb).toBeLessThan(RSS_BOUND_MB);
}

const base = (p: string) => p.slice(p.lastIndexOf("/") + 1);

describe.each([
  ["random bytes", () => small["random.xlsx"], /不是\.xlsx工作簿/],
  ["a truncated zip", () => small["truncated.xlsx"], /损坏|截断|不完整/],
  ["billion laughs in shared strings", () => small["laughs.xlsx"], /XML实体声明/],
  ["external entity file:///etc/passwd in a sheet", () => small["xxe.xlsx"], /XML实体声明/],
  ["external entity in workbook.xml", () => small["xxe-workbook.xlsx"], /XML实体声明/],
  ["a part declaring 3 GiB", () => base(big.bombHonest), /3072 MB，超过上限512 MB/],
  ["a part declaring 64 KiB that inflates to 3 GiB", () => base(big.bombForged), /大于其声明的大小/],
  ["a 400 MiB part at 1000:1", () => base(big.bombRatio), /压缩比异常/],
  ["one 48 MiB shared string", () => base(big.hugeString), /32767/],
  ["a 208 MiB cell value", () => base(big.hugeValue), /32767/],
  ["2,000,001 shared strings", () => base(big.tooManyStrings), /文字超过2000000条/],
  ["a cell at XFD1048576", () => base(big.farCell), /单元格超过2000000个/],
])("%s", (what, file, reason) => {
  it("exit 2, one line naming the file, bounded memory", () => {
    const name = file();
    const r = govcheck([name, "--format", "json"]);
    measured.push(`  ${what}: exit ${r.code}, ${r.peakMb} MB — ${r.stderr[0] ?? ""}`);
    expectRefused(r, name, reason);
    // refused as it streams in: nothing here may scale with what a part inflates to (a part
    // inflated whole — 208 MiB of text, or 48 MiB of one string — would take over 300 MB)
    if (!/shared strings$/.test(what)) expect(r.peakMb).toBeLessThan(200);
    // nothing from /etc/passwd ever reaches the output
    expect(r.stdout + r.stderr.join("\n")).not.toMatch(/root:/);
  });
});

it("a 1,000,000-cell sheet is processed within bounded memory", () => {
  const r = govcheck([base(big.million), "--format", "json"]);
  measured.push(`  1,000,000 cells: exit ${r.code}, ${r.peakMb} MB`);
  expect(r.stderr).toEqual([]);
  expect(r.code).toBe(0);
  const doc = JSON.parse(r.stdout) as { sheets: { sheet: string }[]; summary: { unreadable: number } };
  expect(doc.sheets.map((s) => s.sheet)).toEqual(["数据"]);
  expect(doc.summary.unreadable).toBe(0);
  expect(r.peakMb).toBeLessThan(RSS_BOUND_MB);
});

it("… or refused by --max-cells with one line", () => {
  const r = govcheck([base(big.million), "--max-cells", String(MILLION.rows * MILLION.cols - 1)]);
  measured.push(`  1,000,000 cells with --max-cells 999999: exit ${r.code}, ${r.peakMb} MB — ${r.stderr[0] ?? ""}`);
  expectRefused(r, base(big.million), /单元格超过999999个的上限/);
});

it("a million shared strings are processed", () => {
  const r = govcheck([base(big.manyStrings), "--format", "json"]);
  measured.push(`  1,000,000 shared strings: exit ${r.code}, ${r.peakMb} MB`);
  expect(r.stderr).toEqual([]);
  expect(r.code).toBe(0);
  expect(r.peakMb).toBeLessThan(RSS_BOUND_MB);
});

it("--max-inflated-mb lowers the inflated-size limit", () => {
  // the 1 M-cell sheet inflates to ~25 MB
  const r = govcheck([base(big.million), "--max-inflated-mb", "8"]);
  expectRefused(r, base(big.million), /超过上限8 MB/);
  const bad = govcheck([small["good.xlsx"], "--max-inflated-mb", "0"]);
  expect(bad.code).toBe(2);
  expect(bad.stderr).toEqual([expect.stringMatching(/^govcheck: --max-inflated-mb须为正整数/)]);
});

it("every hostile file at once: one line each, and the good file is still checked", () => {
  const hostile = [
    small["random.xlsx"], small["truncated.xlsx"], small["laughs.xlsx"], small["xxe.xlsx"],
    base(big.bombHonest), base(big.bombForged), base(big.bombRatio), base(big.hugeString), base(big.farCell),
  ];
  const r = govcheck([...hostile, small["good.xlsx"], "--format", "json"]);
  measured.push(`  all hostile files + a good one: exit ${r.code}, ${r.peakMb} MB`);
  expect(r.code).toBe(2);
  expect(r.stderr).toHaveLength(hostile.length);
  hostile.forEach((name, i) => expect(r.stderr[i]).toMatch(new RegExp(`^govcheck: 无法读取“${name.replace(/[.]/g, "\\.")}”：`)));
  const doc = JSON.parse(r.stdout) as { sheets: { file: string; sheet: string }[]; summary: { files: number; unreadable: number } };
  expect(doc.sheets).toEqual([expect.objectContaining({ file: "good.xlsx", sheet: "数据" })]);
  expect(doc.summary).toMatchObject({ files: hostile.length + 1, unreadable: hostile.length });
  expect(r.peakMb).toBeLessThan(RSS_BOUND_MB);
});
