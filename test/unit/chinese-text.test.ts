/**
 * Chinese text as an office sets it (issue 11 item 1; ../shared/spec/chinese-text.md): every
 * message a person reads — each catalogue's templates (imported, functions called with sample
 * arguments), every line govcheck prints on the sample workbooks, every custom function's error
 * and result — has no half-width `, : ; ( ) ! ?` beside a Chinese character or a Chinese quote,
 * and none of the banned words (`实际`, `收到`: the sheet's value is `填报`). Fails listing the
 * offending strings.
 */
import { spawnSync } from "child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join, resolve } from "path";
import { inputMessages } from "../../src/core/input/messages";
import { catalogues } from "../../src/core/validate/messages";
import { listTemplates } from "../../src/core/validate";
import { readMessages, reportMessages } from "../../src/xlsx/messages";
import { cliMessages } from "../../src/cli/messages";
import { zhCN as paneZhCN } from "../../src/i18n/zh-CN";
import { hostZhCN } from "../../src/taskpane/hostMessages";
import { previewZhCN } from "../../src/taskpane/preview/messages";
import * as fns from "../../src/functions/functions";
import { blankSheets } from "../../scripts/blank-spec";

jest.setTimeout(120_000);

const CJK = "\\p{Script=Han}“”‘’";
// `!` before a cell address is Excel's sheet!cell, not an exclamation
const HALF_WIDTH = new RegExp(`[${CJK}](?:[,:;()?]|!(?![A-Z]+\\d))|[,:;()!?][${CJK}]`, "u");
const BANNED = /实际|收到/;
/** What a “quote” holds is the sheet's or the clerk's (a sheet name, a typed value), not our text. */
const QUOTED = /“[^“”]*”/g;

/** The strings among `texts` that break the rules, each with where it came from. */
function offending(texts: readonly [where: string, text: string][]): string[] {
  return texts
    .filter(([, t]) => {
      const ours = t.replace(QUOTED, "“”");
      return HALF_WIDTH.test(ours) || BANNED.test(ours);
    })
    .map(([where, t]) => `${where}: ${t}`);
}

/** Sample arguments for a catalogue function: text, numbers and lists of each as it asks. */
function sampleArgs(fn: (...a: never[]) => unknown, lists: boolean): unknown[] {
  const src = fn.toString();
  const params = /^\(?([^)=]*)\)?\s*=>/.exec(src)?.[1] ?? "";
  const names = params.split(",").map((p) => p.trim()).filter(Boolean);
  return names.map((n, i) => {
    if (/templates/.test(n)) return listTemplates();
    if (/^(ids|choices|missing|parts)$/.test(n) || (n === "sheets" && lists)) return ["甲", "乙"];
    if (/^(n|max|min|expected|actual|errors|warnings|infos|files|sheets|rows|done|total|index|percent|recognised|passed|failed|unreadable|default\w*)$/.test(n)) return i + 2;
    if (n === "cell") return "A1";
    return "样例";
  });
}

/** Every string in a catalogue: plain strings, arrays of strings, functions called with samples. */
function collect(where: string, value: unknown, out: [string, string][], lists = false): void {
  if (typeof value === "string") out.push([where, value]);
  else if (typeof value === "function") {
    const r = (value as (...a: unknown[]) => unknown)(...sampleArgs(value as (...a: never[]) => unknown, lists));
    collect(where, r, out, lists);
  } else if (Array.isArray(value)) value.forEach((v, i) => collect(`${where}[${i}]`, v, out, lists));
  else if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) collect(`${where}.${k}`, v, out, lists);
  }
}

test("every message template of every catalogue reads as an office writes Chinese", () => {
  const texts: [string, string][] = [];
  collect("core/input", inputMessages, texts);
  collect("validate zh-CN", catalogues["zh-CN"], texts);
  collect("xlsx read", readMessages, texts);
  collect("xlsx report", reportMessages, texts);
  collect("cli", cliMessages, texts);
  collect("pane", paneZhCN, texts);
  collect("pane host", hostZhCN, texts, true);
  collect("pane preview", previewZhCN, texts);
  expect(texts.length).toBeGreaterThan(200);
  expect(offending(texts)).toEqual([]);
});

test("every custom function's error and result reads as an office writes Chinese", () => {
  const texts: [string, string][] = [];
  const bad = ["abc", -3, "", [["x", "y"]], { type: "Entity", text: "图" }];
  for (const [name, fn] of Object.entries(fns)) {
    if (typeof fn !== "function" || name === "guard") continue;
    const f = fn as (...a: unknown[]) => unknown;
    for (let at = 0; at < Math.max(f.length, 1); at++) {
      for (const b of bad) {
        const args = Array.from({ length: Math.max(f.length, 1) }, () => 1 as unknown);
        args[at] = b;
        try {
          const r = f(...args);
          if (typeof r === "string") texts.push([`${name} result`, r]);
        } catch (e) {
          texts.push([`${name}(${JSON.stringify(args)})`, (e as Error).message]);
        }
      }
    }
  }
  // results that carry findings: 不合格：…, 需说明：…/违规：…, an approval route with its clause
  texts.push(["GRID_PATROL_CHECK", fns.gridPatrolCheckFn(0, 1, 8)]);
  texts.push(["TRIP_CHECK", fns.tripCheckFn("考察", 9, "日本、韩国、新加坡", "2024-03-01", "2024-03-30", 3)]);
  texts.push(["TRIP_APPROVER", fns.tripApproverFn(8)]);
  texts.push(["TRIP_APPROVER", fns.tripApproverFn(3)]);
  expect(texts.filter(([w]) => !w.endsWith("result")).length).toBeGreaterThan(30);
  expect(offending(texts)).toEqual([]);
});

test("every line govcheck prints on the sample workbooks reads as an office writes Chinese", () => {
  const root = resolve(__dirname, "../..");
  const bin = join(root, "bin", "govcheck.js");
  const examples = join(root, "assets", "templates", "examples");
  const tmp = mkdtempSync(join(tmpdir(), "govcheck-text-"));
  try {
    writeFileSync(join(tmp, "损坏.xlsx"), Uint8Array.from({ length: 4096 }, (_, i) => (i * 31 + 7) % 256));
    writeFileSync(join(tmp, "空.xlsx"), "");
    const files = readdirSync(examples).filter((f) => f.endsWith(".xlsx")).map((f) => join(examples, f));
    const runs = [
      [...files, join(tmp, "损坏.xlsx"), join(tmp, "空.xlsx")],
      ["--help"],
      ["--format", "xml", files[0]],
      ["--template", "nope", files[0]],
      ["--bogus"],
      [join(tmp, "没有.xlsx")],
    ];
    const texts: [string, string][] = [];
    for (const args of runs) {
      const r = spawnSync(process.execPath, [bin, ...args], { cwd: tmp, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
      for (const line of `${r.stdout}\n${r.stderr}`.split("\n")) {
        if (line.trim() !== "" && !/正在编译|编译有类型错误/.test(line)) texts.push([`govcheck ${args[0] === undefined ? "" : args.slice(0, 2).map((a) => a.replace(root, ".")).join(" ")}`, line]);
      }
    }
    expect(texts.length).toBeGreaterThan(50);
    expect(offending(texts)).toEqual([]);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
});

test("the blank templates' prompts, error messages and texts read as an office writes Chinese", () => {
  const texts: [string, string][] = [];
  for (const b of blankSheets()) {
    for (const v of b.extras.validations) {
      texts.push([`blank ${b.id} ${v.range} title`, v.title], [`blank ${b.id} ${v.range} prompt`, v.prompt], [`blank ${b.id} ${v.range} error`, v.error]);
    }
    b.snapshot.rows.forEach((row, r) => row.forEach((v, c) => {
      if (typeof v === "string") texts.push([`blank ${b.id} R${r + 1}C${c + 1}`, v]);
    }));
  }
  expect(texts.length).toBeGreaterThan(100);
  expect(offending(texts)).toEqual([]);
});

test("the govcheck launcher's own lines (bin/govcheck.js: compiling, cannot start) are set the same way", () => {
  const src = readFileSync(join(resolve(__dirname, "../.."), "bin", "govcheck.js"), "utf8");
  const texts: [string, string][] = [...src.matchAll(/stderr\.write\((["`])((?:(?!\1).)*)\1/g)].map((m) => ["bin/govcheck.js", m[2]]);
  expect(texts.filter(([, t]) => /\p{Script=Han}/u.test(t)).length).toBeGreaterThanOrEqual(5);
  expect(offending(texts)).toEqual([]);
});
