/**
 * govcheck as the clerk runs it: a child process of bin/govcheck.js (compiled lib/ once in
 * beforeAll), on workbooks written by the tests and on the sample workbooks of assets/templates.
 */
import { listTemplates } from "../../../src/core/validate";
import { templateIds } from "../../../src/core/validate/templates";
import { execFileSync, spawnSync } from "child_process";
import { mkdirSync, readFileSync, writeFileSync } from "fs";
import { join, resolve } from "path";
import ExcelJS from "exceljs";
import type { Finding } from "../../../src/core/validate/findings";
import type { PlantedError, TemplateSample } from "../../../scripts/samples/types";
import { cliMessages as M } from "../../../src/cli/messages";
import { readMessages } from "../../../src/xlsx/messages";
import { readWorkbookBuffer } from "../../../src/xlsx/read";
import { writeSnapshotWorkbook } from "../../../src/xlsx/write";
import { tempDir } from "../xlsx/helpers";
import { parts, workbook } from "../hostile/fixtures";

jest.setTimeout(120_000);

/** the escape that starts an ANSI colour sequence */
const ESC = "\u001b";
const root = resolve(__dirname, "../../..");
const bin = join(root, "bin", "govcheck.js");
const templatesDir = join(root, "assets", "templates");
const examplesDir = join(templatesDir, "examples");
const tmp = tempDir("govcheck-cli-");
afterAll(() => tmp.remove());

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}
function govcheck(args: string[], env: Record<string, string> = {}): Run {
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd: tmp.dir, encoding: "utf8", env: { ...process.env, NO_COLOR: "", FORCE_COLOR: "", ...env },
  });
  // bin recompiles lib/ when a source changed meanwhile; that notice is not the run's output
  const stderr = r.stderr.split("\n").filter((l) => !/^govcheck: (正在编译|编译有类型错误)/.test(l)).join("\n");
  return { code: r.status, stdout: r.stdout, stderr };
}

interface JsonDoc {
  files: { file: string; status: "pass" | "fail" | "unreadable"; errors: number; warnings: number; infos: number; reason?: string }[];
  sheets: { file: string; sheet: string; template: string | null; rows: number; headerRow: number | null }[];
  issues: Finding[];
  summary: { files: number; sheets: number; errors: number; warnings: number; infos: number; passed: number; failed: number; unreadable: number };
}

const sampleOf = (id: string) => (require(join(root, "scripts", "samples", `${id}.ts`)) as { sample: TemplateSample }).sample;

beforeAll(async () => {
  // compile lib/ once (bin does it when stale), so the runs below start fast
  execFileSync(process.execPath, [bin, "--help"], { cwd: root, stdio: "pipe" });
  const grid = sampleOf("grid");
  mkdirSync(join(tmp.dir, "in", "sub"), { recursive: true });
  writeFileSync(join(tmp.dir, "in", "clean.xlsx"), await writeSnapshotWorkbook([{ sheet: grid.clean() }]));
  writeFileSync(join(tmp.dir, "in", "sub", "errors.xlsx"), await writeSnapshotWorkbook([{ sheet: grid.errors().sheet }]));
  writeFileSync(join(tmp.dir, "in", "~$clean.xlsx"), "lock");
  writeFileSync(join(tmp.dir, "corrupt.xlsx"), Uint8Array.from({ length: 4096 }, (_, i) => (i * 31 + 7) % 256));
  // the grid sample with its title removed: still recognised, and forced to another template
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("其他").addRow(["姓名", "备注"]).commit();
  wb.getWorksheet("其他")!.addRow(["张三", "无"]);
  writeFileSync(join(tmp.dir, "other.xlsx"), new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
});

describe("govcheck on test workbooks", () => {
  it("prints Chinese help and exits 0", () => {
    const r = govcheck(["--help"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^用法[:：]\s?govcheck/);
    for (const id of templateIds) expect(r.stdout).toContain(id);
  });

  it("exits 0 on a clean workbook (table)", () => {
    const r = govcheck(["in/clean.xlsx"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout.split("\n")[0]).toBe(M.fileVerdict("in/clean.xlsx", M.passed(0, 0)));
    expect(r.stdout).toContain(listTemplates().find((t) => t.id === "grid")!.title);
    expect(r.stdout).not.toContain(ESC);
  });

  it("exits 1 on errors and groups them by file (table), coloured when forced", () => {
    const r = govcheck(["in/sub/errors.xlsx"], { FORCE_COLOR: "1" });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(new RegExp(`${ESC}\\[31m违规`));
  });

  it("searches a folder recursively, skipping the ~$ lock file (json)", () => {
    const r = govcheck(["in", "--format", "json"]);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout) as JsonDoc;
    expect([...new Set(doc.sheets.map((s) => s.file))]).toEqual(["in/clean.xlsx", "in/sub/errors.xlsx"]);
    expect(doc.summary.files).toBe(2);
    expect(doc.summary.errors).toBe(doc.issues.filter((i) => i.severity === "error").length);
    expect(doc.summary.errors).toBeGreaterThan(0);
    for (const i of doc.issues) expect(i.file).toBe("in/sub/errors.xlsx");
  });

  it("expands a glob (csv)", () => {
    const r = govcheck(["in/**/*.xlsx", "--format", "csv"]);
    expect(r.code).toBe(1);
    const lines = r.stdout.replace(/^\uFEFF/, "").trimEnd().split("\r\n");
    expect(lines[0]).toBe(M.csvHeader.join(","));
    expect(lines.length).toBeGreaterThan(1);
    for (const l of lines.slice(1)) expect(l.startsWith("in/sub/errors.xlsx,")).toBe(true);
  });

  it("names a corrupt file on stderr, exits 2, and still checks the good one", () => {
    const r = govcheck(["corrupt.xlsx", "in/clean.xlsx", "--format", "json"]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split("\n")).toEqual([`govcheck: ${M.unreadable("corrupt.xlsx", readMessages.notXlsx())}`]);
    const doc = JSON.parse(r.stdout) as JsonDoc;
    expect(doc.sheets.map((s) => s.file)).toEqual(["in/clean.xlsx"]);
    expect(doc.summary.unreadable).toBe(1);
  });

  it("a workbook with no sheet, or a sheet it cannot read, is named with exit 2 — never a silent pass", () => {
    writeFileSync(join(tmp.dir, "no-sheets.xlsx"), workbook({ workbook: '<x:workbook xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheets/></x:workbook>' }));
    writeFileSync(join(tmp.dir, "no-cells.xlsx"), workbook({ sheet: parts.sheet("<row><cell>张三</cell></row>") }));
    const r = govcheck(["no-sheets.xlsx", "no-cells.xlsx", "--format", "json"]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split("\n")).toEqual([
      `govcheck: ${M.unreadable("no-sheets.xlsx", readMessages.noSheets())}`,
      `govcheck: ${M.unreadable("no-cells.xlsx", readMessages.sheetUnreadable("数据"))}`,
    ]);
  });

  it("a workbook written with prefixed XML (ClosedXML, Open XML SDK) gives the plain file's findings", async () => {
    const JSZip = (await import("jszip")).default;
    const zip = await JSZip.loadAsync(readFileSync(join(tmp.dir, "in", "sub", "errors.xlsx")));
    for (const name of Object.keys(zip.files).filter((n) => /\.(xml|rels)$/.test(n) && n !== "[Content_Types].xml")) {
      const xml = await zip.files[name].async("string");
      const p = name.endsWith(".rels") ? "ns3" : "x";
      // every unprefixed element gets the prefix; the default namespace becomes the prefix's
      zip.file(name, xml.replace(/<(\/?)([A-Za-z][\w.-]*)(?=[\s>/])/g, `<$1${p}:$2`).replace(/\bxmlns="/, `xmlns:${p}="`));
    }
    writeFileSync(join(tmp.dir, "prefixed.xlsx"), await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" }));
    const plain = govcheck(["in/sub/errors.xlsx", "--format", "json"]);
    const prefixed = govcheck(["prefixed.xlsx", "--format", "json"]);
    expect(plain.code).toBe(1);
    expect(prefixed.code).toBe(1);
    const issues = (r: Run) => (JSON.parse(r.stdout) as JsonDoc).issues.map((i) => ({ ...i, file: "" }));
    expect(issues(prefixed).length).toBeGreaterThan(0);
    expect(issues(prefixed)).toEqual(issues(plain));
  });

  it("checks several files on worker threads with the same output, in input order, as on one thread", () => {
    const args = ["corrupt.xlsx", "in", "other.xlsx", "no-such.xlsx", "--format", "json"];
    const one = govcheck(args, { GOVCHECK_JOBS: "1" });
    const two = govcheck(args, { GOVCHECK_JOBS: "2" });
    const three = govcheck(args, { GOVCHECK_JOBS: "3" });
    // unreadable files and violations in the others: the mixed code
    expect(one.code).toBe(3);
    expect(JSON.parse(one.stdout).sheets.map((s: { file: string }) => s.file)).toEqual(["in/clean.xlsx", "in/sub/errors.xlsx", "other.xlsx"]);
    for (const r of [two, three]) {
      expect(r.code).toBe(one.code);
      expect(r.stdout).toBe(one.stdout);
      expect(r.stderr).toBe(one.stderr);
    }
    expect(one.stderr.split("\n").filter((l) => l.startsWith("govcheck: ")).map((l) => /“(.+?)”/.exec(l)?.[1])).toEqual(["corrupt.xlsx", "no-such.xlsx"]);
    expect((JSON.parse(one.stdout) as JsonDoc).files.map((f) => [f.file, f.status])).toEqual([
      ["corrupt.xlsx", "unreadable"], ["in/clean.xlsx", "pass"], ["in/sub/errors.xlsx", "fail"], ["other.xlsx", "pass"], ["no-such.xlsx", "unreadable"],
    ]);
  });

  it("exits 2 on bad usage, with a one-line message", () => {
    for (const args of [["--format", "xml", "in"], ["--bogus"], []]) {
      const r = govcheck(args);
      expect(r.code).toBe(2);
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
      expect(r.stderr).toMatch(/^govcheck: /);
      expect(r.stderr).not.toMatch(/\bat \S+ \(/);
      // full-width brackets beside Chinese
      expect(r.stderr.trim().endsWith(`（${M.seeHelp}）`)).toBe(true);
    }
  });

  it("exits 2 when nothing matches", () => {
    const r = govcheck(["nothing/*.xlsx"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(M.noMatch("nothing/*.xlsx"));
  });

  it("exits 2 when a workbook is above --max-cells", () => {
    const r = govcheck(["in/clean.xlsx", "--max-cells", "10"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(readMessages.tooLarge(10));
  });

  it("writes the report workbook with --report: a summary and every finding, file names without folders", async () => {
    const r = govcheck(["in", "corrupt.xlsx", "--report", "report.xlsx", "--format", "json"]);
    expect(r.code).toBe(3);
    const doc = JSON.parse(r.stdout) as JsonDoc;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(tmp.dir, "report.xlsx"));
    expect(wb.worksheets.map((w) => w.name)).toEqual(["校验汇总", "问题清单"]);
    const [summary, list] = wb.worksheets;
    const cellsOf = (ws: ExcelJS.Worksheet, col: number) => {
      const out: string[] = [];
      ws.eachRow((row, n) => { if (n > 4) out.push(String(row.getCell(col).value ?? "")); });
      return out;
    };
    // one row per file × sheet, then the unreadable file; the grid template by its Chinese title
    expect(cellsOf(summary, 1)).toEqual(["clean.xlsx", "errors.xlsx", "corrupt.xlsx"]);
    expect(cellsOf(summary, 3)).toEqual(["社区网格化管理服务配置表", "社区网格化管理服务配置表", ""]);
    expect(cellsOf(summary, 6)).toEqual(["通过", "未通过", expect.stringMatching(/^无法读取：/)]);
    expect(cellsOf(list, 4).sort()).toEqual(doc.issues.map((i) => i.cell).sort());
    expect(new Set(cellsOf(list, 2))).toEqual(new Set(["errors.xlsx"]));
    for (const ws of wb.worksheets) {
      ws.eachRow((row) => row.eachCell((c) => expect(String(c.value)).not.toMatch(/in[\\/]sub|grid\b|govcheck-cli-/)));
      expect(ws.pageSetup).toMatchObject({ orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: "4:4" });
    }
    expect(String(summary.getCell("A2").value)).toMatch(/^校验日期：\d{4}年\d{1,2}月\d{1,2}日$/);
  });

  it("forces a template with --template", () => {
    const auto = JSON.parse(govcheck(["other.xlsx", "--format", "json"]).stdout) as JsonDoc;
    expect(auto.sheets[0].template).toBeNull();
    const r = govcheck(["other.xlsx", "--format", "json", "--template", "trip"]);
    const forced = JSON.parse(r.stdout) as JsonDoc;
    expect(forced.sheets[0].template).toBe("trip");
    expect(forced.issues.some((i) => i.template === "trip" && i.severity === "error")).toBe(true);
    expect(r.code).toBe(1);
  });
});

describe("verdicts: one line per file, entries for unreadable files, exit codes (issue 11 item 5)", () => {
  // the built-in samples, copied so that their names are short; a text file is the unreadable one
  beforeAll(() => {
    mkdirSync(join(tmp.dir, "v"), { recursive: true });
    writeFileSync(join(tmp.dir, "v", "grid.xlsx"), readFileSync(join(templatesDir, "grid.xlsx")));
    writeFileSync(join(tmp.dir, "v", "grid-errors.xlsx"), readFileSync(join(examplesDir, "grid-errors.xlsx")));
    writeFileSync(join(tmp.dir, "v", "trip-errors.xlsx"), readFileSync(join(examplesDir, "trip-errors.xlsx")));
    writeFileSync(join(tmp.dir, "v", "说明.txt"), "这不是工作簿\n");
  });
  const pass = "v/grid.xlsx";
  const fail = "v/grid-errors.xlsx";
  const bad = "v/说明.txt";
  /** a file's counts by severity, from its JSON issues */
  const countsOf = (file: string) => {
    const doc = JSON.parse(govcheck([file, "--format", "json"]).stdout) as JsonDoc;
    const n = (sev: string) => doc.issues.filter((i) => i.severity === sev).length;
    return { errors: n("error"), warnings: n("warning"), infos: n("info") };
  };

  it("prints a verdict line for a passing, a failing and an unreadable file, then the summary", () => {
    const c = countsOf(fail);
    expect(c.errors).toBeGreaterThan(0);
    const r = govcheck([pass, fail, bad]);
    const lines = r.stdout.trimEnd().split("\n");
    expect(lines.filter((l) => l.startsWith("v/"))).toEqual([
      M.fileVerdict(pass, M.passed(0, 0)),
      M.fileVerdict(fail, M.failed(c.errors, c.warnings, c.infos)),
      M.fileVerdict(bad, M.unreadableVerdict(readMessages.notXlsx())),
    ]);
    expect(lines).toContain(`${pass}  通过`);
    expect(lines).toContain(`${fail}  未通过（违规${c.errors}处、需说明${c.warnings}处${c.infos > 0 ? `、提示${c.infos}处` : ""}）`);
    expect(lines).toContain(`${bad}  无法读取：${readMessages.notXlsx()}`);
    expect(lines[lines.length - 1]).toBe(`共3个文件：通过1个，未通过1个，无法读取1个；2个工作表，${M.failed(c.errors, c.warnings, c.infos).slice(4, -1)}`);
    expect(r.code).toBe(3);
  });

  it("JSON lists every file with its status, the unreadable one with its reason", () => {
    const r = govcheck([bad, pass, fail, "--format", "json"]);
    expect(r.code).toBe(3);
    const doc = JSON.parse(r.stdout) as JsonDoc;
    const c = countsOf(fail);
    expect(doc.files).toEqual([
      { file: bad, status: "unreadable", errors: 0, warnings: 0, infos: 0, reason: readMessages.notXlsx() },
      { file: pass, status: "pass", errors: 0, warnings: 0, infos: 0 },
      { file: fail, status: "fail", ...c },
    ]);
    expect(doc.summary).toMatchObject({ files: 3, passed: 1, failed: 1, unreadable: 1 });
  });

  it("CSV gives an unreadable file one row, in its place", () => {
    const r = govcheck([pass, bad, fail, "--format", "csv"]);
    expect(r.code).toBe(3);
    const rows = r.stdout.replace(/^\uFEFF/, "").trimEnd().split("\r\n").slice(1);
    expect(rows[0]).toBe(`${bad},,,${M.unreadableLevel},,,${readMessages.notXlsx()},,,,`);
    expect(rows.length).toBe(1 + countsOf(fail).errors + countsOf(fail).warnings + countsOf(fail).infos);
    for (const row of rows.slice(1)) expect(row.startsWith(`${fail},`)).toBe(true);
  });

  it.each<[string, string[], number]>([
    ["every file passes", [pass], 0],
    ["a file has 违规", [pass, fail], 1],
    ["a file is unreadable, the others pass", [pass, bad], 2],
    ["a file is unreadable and another has 违规", [bad, fail], 3],
    ["a pattern matches nothing and another file has 违规", ["none/*.xlsx", fail], 3],
    ["bad usage", ["--bogus", pass], 2],
    ["the report cannot be written and a file has 违规", [fail, "--report", "no/such/folder/报告.xlsx"], 3],
  ])("exit code: %s (%j) → %i", (_what, args, code) => {
    for (const format of ["table", "json", "csv"]) expect([format, govcheck([...args, "--format", format]).code]).toEqual([format, code]);
  });

  it("--help states the four exit codes", () => {
    const r = govcheck(["--help"]);
    expect(r.stdout).toContain(M.exitCodes);
    for (const code of ["0", "1", "2", "3"]) expect(r.stdout).toMatch(new RegExp(`^  ${code}  \\S`, "m"));
    expect(r.stdout).toMatch(/^ {2}3 {2}既有文件无法读取，又有文件未通过$/m);
  });

  it("verdicts come out in input order for any number of threads", () => {
    const args = [bad, fail, pass, "v/trip-errors.xlsx", "v/none.xlsx", "in/clean.xlsx", fail.replace("grid-errors", "missing")];
    const runs = ["1", "2", "3", "8"].map((jobs) => govcheck(args, { GOVCHECK_JOBS: jobs }));
    const verdictLines = (r: Run) => r.stdout.split("\n").filter((l) => /^\S.* {2}(通过|未通过|无法读取)/.test(l));
    expect(verdictLines(runs[0]).map((l) => l.split("  ")[0])).toEqual(args);
    for (const r of runs.slice(1)) {
      expect(r.code).toBe(3);
      expect(r.stdout).toBe(runs[0].stdout);
      expect(r.stderr).toBe(runs[0].stderr);
    }
  });
});

/** Rows as a written workbook holds them: "" is an empty cell, rows padded, trailing blank rows gone. */
function comparable(rows: unknown[][]): unknown[][] {
  const width = Math.max(0, ...rows.map((r) => r.length));
  const out = rows.map((r) => Array.from({ length: width }, (_, c) => (r[c] === "" || r[c] === undefined ? null : r[c])));
  while (out.length > 0 && out[out.length - 1].every((v) => v === null)) out.pop();
  return out;
}

describe("govcheck on the sample workbooks (npm run templates)", () => {
  const planted = JSON.parse(readFileSync(join(examplesDir, "planted.json"), "utf8")) as Record<string, { template: string; sheet: string; planted: PlantedError[] }>;

  it("planted.json is up to date with scripts/samples", () => {
    for (const [file, entry] of Object.entries(planted)) {
      const errors = sampleOf(entry.template).errors();
      expect({ file, sheet: errors.sheet.name, planted: errors.planted }).toEqual({ file, sheet: entry.sheet, planted: entry.planted });
    }
    expect(Object.keys(planted).sort()).toEqual(["eval-county", "eval-dept", "grid", "patrol", "petition", "trip"].map((id) => `${id}-errors.xlsx`));
  });

  it("the example workbooks hold what the samples produce", async () => {
    for (const [file, entry] of Object.entries(planted)) {
      const snap = await readWorkbookBuffer(readFileSync(join(examplesDir, file)));
      expect(comparable(snap.sheets[0].rows)).toEqual(comparable(sampleOf(entry.template).errors().sheet.rows));
    }
  });

  it("lists every planted error at its cell and exits 1", () => {
    const r = govcheck([examplesDir, "--format", "json"]);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout) as JsonDoc;
    for (const [file, entry] of Object.entries(planted)) {
      const issues = doc.issues.filter((i) => (i.file ?? "").endsWith(`/${file}`));
      for (const p of entry.planted) {
        expect({ file, ...p, found: issues.some((i) => i.cell === p.cell && i.rule === p.rule && i.severity === p.severity) })
          .toEqual({ file, ...p, found: true });
      }
    }
  });

  it("exits 0 on the clean templates", () => {
    const r = govcheck([join(templatesDir, "*.xlsx"), "--format", "json"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as JsonDoc;
    expect(doc.sheets.map((s) => s.template).sort()).toEqual(["eval-county", "eval-dept", "grid", "patrol", "petition", "trip"]);
    expect(doc.summary.errors).toBe(0);
  });
});
