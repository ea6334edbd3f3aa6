/**
 * govcheck --combine (issue 12 item 4): files clean alone and wrong together. The files are real
 * .xlsx written by our writer and, where LibreOffice is installed, re-saved by it.
 */
import { execFileSync, spawnSync } from "child_process";
import { existsSync, mkdirSync, writeFileSync } from "fs";
import { join, resolve } from "path";
import type { CellValue } from "../../../src/core/input/coerce";
import { gridRuleset } from "../../../src/core/rules/grid/data";
import { splitShare, subsidy } from "../../../src/core/rules/grid/compute";
import type { Finding } from "../../../src/core/validate/findings";
import { writeSnapshotWorkbook } from "../../../src/xlsx/write";
import { readWorkbookFile } from "../../../src/xlsx/read";
import { validateWorkbook } from "../../../src/core/validate";
import { tempDir } from "../xlsx/helpers";

const root = resolve(__dirname, "../../..");
const bin = join(root, "bin", "govcheck.js");
const tmp = tempDir("govcheck-combine-");
afterAll(() => tmp.remove());

function govcheck(args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: tmp.dir, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr.split("\n").filter((l) => !/^govcheck: (正在编译|编译有类型错误)/.test(l)).join("\n") };
}
interface Doc { files: { file: string; status: string; errors: number }[]; issues: Finding[] }

const GH = ["区", "街道", "社区", "户数", "网格数", "专职工作者数", "星级", "年度补助", "市级承担", "区级承担"];
function grow(district: string, community: string, households: number, stars: number): CellValue[] {
  const s = subsidy(stars, gridRuleset).annual;
  const sh = splitShare(s, gridRuleset.subsidyShare);
  return [district, "街道", community, households, 2, Math.ceil(households / gridRuleset.householdsPerPost.value), stars ? `${stars}星级` : null, s, sh.city, sh.district];
}
const TH = ["团组名称", "团长", "团组类型", "人数", "出访国家(地区)", "出发日期", "返回日期", "在外天数", "本年度出访次数"];
const trip = (name: string, leader: string, dep: string, ret: string): CellValue[] => [name, leader, "考察", 6, "日本", dep, ret, 6, 1];

async function write(name: string, sheet: string, rows: CellValue[][]): Promise<string> {
  const file = join(tmp.dir, name);
  writeFileSync(file, await writeSnapshotWorkbook([{ sheet: { name: sheet, rows } }]));
  return file;
}

beforeAll(async () => {
  execFileSync(process.execPath, [bin, "--help"], { cwd: root, stdio: "pipe" });
  mkdirSync(join(tmp.dir, "grid"), { recursive: true });
  await write("grid/南岗区-网格配置.xlsx", "网格配置", [GH, grow("南岗区", "文化社区", 1800, 5), grow("南岗区", "安民社区", 900, 0)]);
  await write("grid/道里区-网格配置.xlsx", "配置表", [["社区网格化管理服务配置表"], GH, grow("道里区", "共乐社区", 900, 4), grow("南岗区", "文化社区", 1800, 5)]);
  mkdirSync(join(tmp.dir, "trip"), { recursive: true });
  await write("trip/市商务局.xlsx", "团组", [TH, trip("经贸团", "陈志明", "2024-03-01", "2024-03-06")]);
  await write("trip/市文旅局.xlsx", "团组", [TH, trip("农业团", "李华", "2024-05-01", "2024-05-06"), trip("文化团", "陈志明", "2024-09-01", "2024-09-06")]);
}, 120_000);

describe("govcheck --combine", () => {
  test("grid files clean alone pass; combined, the second filing of a community fails naming the first file", () => {
    const alone = govcheck(["grid", "--format", "json"]);
    expect(alone.code).toBe(0);
    const r = govcheck(["grid", "--combine", "--format", "json"]);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout) as Doc;
    expect(doc.files.map((f) => [f.file, f.status])).toEqual([["grid/南岗区-网格配置.xlsx", "pass"], ["grid/道里区-网格配置.xlsx", "fail"]]);
    expect(doc.issues).toHaveLength(1);
    expect(doc.issues[0]).toMatchObject({ file: "grid/道里区-网格配置.xlsx", sheet: "配置表", cell: "C4", check: "duplicate-community" });
    expect(doc.issues[0].message).toContain("与“grid/南岗区-网格配置.xlsx”网格配置!C2相同");
  });

  test("the table format says it too, and --help documents the option", () => {
    const r = govcheck(["grid", "--combine"]);
    expect(r.stdout).toContain("南岗区文化社区重复");
    expect(govcheck(["--help"]).stdout).toContain("--combine");
  });

  test("one 团长 in two units' requests in one year: a warning in each file", () => {
    const r = govcheck(["trip", "--combine", "--format", "json"]);
    const doc = JSON.parse(r.stdout) as Doc;
    expect(doc.issues.map((f) => `${f.file} ${f.cell} ${f.check}`)).toEqual(["trip/市商务局.xlsx B2 leader-once-a-year", "trip/市文旅局.xlsx B3 leader-once-a-year"]);
    expect(govcheck(["trip", "--format", "json"]).stdout).not.toContain("leader-once-a-year");
  });

  test("an unreadable file among them is named and the others still combined (exit 3)", () => {
    writeFileSync(join(tmp.dir, "grid", "坏文件.xlsx"), "not a zip");
    try {
      const r = govcheck(["grid", "--combine", "--format", "json"]);
      expect(r.code).toBe(3);
      expect(r.stderr).toContain("坏文件.xlsx");
      expect((JSON.parse(r.stdout) as Doc).issues.map((f) => f.check)).toEqual(["duplicate-community"]);
    } finally {
      require("fs").rmSync(join(tmp.dir, "grid", "坏文件.xlsx"));
    }
  });

  test("--combined writes the consolidated table: 来源文件 first, every community once", async () => {
    const r = govcheck(["grid", "--combined", "汇总.xlsx"]);
    expect(r.code).toBe(1); // the repeat is still a finding of its file
    expect(r.stderr).toContain("合并汇总已写入汇总.xlsx：社区网格化管理服务配置表3行（略去重复1行）");
    const book = await readWorkbookFile(join(tmp.dir, "汇总.xlsx"));
    expect(book.sheets.map((s) => s.name)).toEqual(["社区网格化管理服务配置表"]);
    const rows = book.sheets[0].rows;
    expect(rows[0][0]).toBe("来源文件");
    expect(rows.slice(1).map((row) => `${row[0]} ${row[1]}${row[3]}`)).toEqual([
      "grid/南岗区-网格配置.xlsx 南岗区文化社区", "grid/南岗区-网格配置.xlsx 南岗区安民社区", "grid/道里区-网格配置.xlsx 道里区共乐社区",
    ]);
    // read back and checked on its own, it has no error
    expect(validateWorkbook(book).findings.filter((f) => f.severity === "error")).toEqual([]);
  });

  test("--combined needs an .xlsx name, and two tables of one template to combine", () => {
    expect(govcheck(["grid", "--combined", "汇总.csv"]).code).toBe(2);
    const one = govcheck(["grid/南岗区-网格配置.xlsx", "--combined", "一个.xlsx"]);
    expect(one.code).toBe(2);
    expect(one.stderr).toContain("没有可合并的表格");
    expect(existsSync(join(tmp.dir, "一个.xlsx"))).toBe(false);
  });

  const soffice = ["/usr/bin/soffice", "/usr/local/bin/soffice"].find((p) => existsSync(p));
  (soffice ? test : test.skip)("files re-saved by LibreOffice combine the same", () => {
    const out = join(tmp.dir, "lo");
    mkdirSync(out, { recursive: true });
    execFileSync(soffice!, ["--headless", `-env:UserInstallation=file://${join(tmp.dir, "lo-profile")}`, "--convert-to", "xlsx", "--outdir", out,
      join(tmp.dir, "grid", "南岗区-网格配置.xlsx"), join(tmp.dir, "grid", "道里区-网格配置.xlsx")], { stdio: "pipe", timeout: 120_000 });
    const r = govcheck(["lo", "--combine", "--format", "json"]);
    const doc = JSON.parse(r.stdout) as Doc;
    expect(doc.issues.map((f) => `${f.file} ${f.sheet}!${f.cell} ${f.check}`)).toEqual(["lo/道里区-网格配置.xlsx 配置表!C4 duplicate-community"]);
  }, 180_000);
});
