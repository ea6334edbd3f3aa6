/**
 * govcheck as the clerk runs it: a child process of bin/govcheck.js (compiled lib/ once in
 * beforeAll), on workbooks written by the tests and on the sample workbooks of assets/templates.
 */
import { templateIds } from "../../../src/core/validate/templates";
import { execFileSync, spawnSync } from "child_process";
import { mkdirSync, readFileSync, writeFileSync } from "fs";
import { join, resolve } from "path";
import ExcelJS from "exceljs";
import type { Finding } from "../../../src/core/validate/findings";
import type { PlantedError, TemplateSample } from "../../../scripts/samples/types";
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
  sheets: { file: string; sheet: string; template: string | null; rows: number; headerRow: number | null }[];
  issues: Finding[];
  summary: { files: number; sheets: number; errors: number; warnings: number; infos: number; unreadable: number };
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
    expect(r.stdout).toContain("用法: govcheck");
    for (const id of templateIds) expect(r.stdout).toContain(id);
  });

  it("exits 0 on a clean workbook (table)", () => {
    const r = govcheck(["in/clean.xlsx"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("in/clean.xlsx");
    expect(r.stdout).toMatch(/(grid)/);
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
    expect(lines[0]).toBe("文件,工作表,单元格,级别,规则,条款,说明,应为,实际,模板");
    expect(lines.length).toBeGreaterThan(1);
    for (const l of lines.slice(1)) expect(l.startsWith("in/sub/errors.xlsx,")).toBe(true);
  });

  it("names a corrupt file on stderr, exits 2, and still checks the good one", () => {
    const r = govcheck(["corrupt.xlsx", "in/clean.xlsx", "--format", "json"]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split("\n")).toEqual(["govcheck: 无法读取 “corrupt.xlsx”: 不是 .xlsx 工作簿（文件格式无法识别），请用 Excel 或 WPS 另存为 .xlsx 后再校验"]);
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
      "govcheck: 无法读取 “no-sheets.xlsx”: 工作簿里没有任何工作表，请让报送单位确认后重新发送",
      "govcheck: 无法读取 “no-cells.xlsx”: 工作表“数据”有内容，但读不出任何单元格（不是标准的工作表格式）；请用 Excel 打开后另存为 .xlsx 再校验",
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
    expect(one.code).toBe(2);
    expect(JSON.parse(one.stdout).sheets.map((s: { file: string }) => s.file)).toEqual(["in/clean.xlsx", "in/sub/errors.xlsx", "other.xlsx"]);
    for (const r of [two, three]) {
      expect(r.code).toBe(one.code);
      expect(r.stdout).toBe(one.stdout);
      expect(r.stderr).toBe(one.stderr);
    }
    expect(one.stderr.split("\n").filter((l) => l.startsWith("govcheck: 无法读取")).map((l) => l.split("”")[0])).toEqual(["govcheck: 无法读取 “corrupt.xlsx", "govcheck: 无法读取 “no-such.xlsx"]);
  });

  it("exits 2 on bad usage, with a one-line message", () => {
    for (const args of [["--format", "xml", "in"], ["--bogus"], []]) {
      const r = govcheck(args);
      expect(r.code).toBe(2);
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
      expect(r.stderr).toMatch(/^govcheck: /);
      expect(r.stderr).not.toMatch(/\bat \S+ \(/);
    }
  });

  it("exits 2 when nothing matches", () => {
    const r = govcheck(["nothing/*.xlsx"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("没有匹配到任何 .xlsx 文件");
  });

  it("exits 2 when a workbook is above --max-cells", () => {
    const r = govcheck(["in/clean.xlsx", "--max-cells", "10"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("单元格超过 10 个");
  });

  it("writes the report workbook with --report", async () => {
    const r = govcheck(["in", "--report", "report.xlsx", "--format", "json"]);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout) as JsonDoc;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(tmp.dir, "report.xlsx"));
    const ws = wb.getWorksheet("校验报告")!;
    const cells: string[] = [];
    ws.eachRow((row) => cells.push(String(row.getCell(3).value ?? "")));
    for (const i of doc.issues) expect(cells).toContain(i.cell);
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
