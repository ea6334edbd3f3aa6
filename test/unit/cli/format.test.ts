import type { Finding } from "../../../src/core/validate/findings";
import { parseArgs, UsageError } from "../../../src/cli/args";
import { csvField, formatCsv } from "../../../src/cli/formatters/csv";
import { formatJson } from "../../../src/cli/formatters/json";
import { displayWidth, formatTable, tableLines } from "../../../src/cli/formatters/table";
import { cliMessages as M } from "../../../src/cli/messages";
import { EXIT, exitCode, summarize, verdicts, type RunResult } from "../../../src/cli/result";

/** the escape that starts an ANSI colour sequence */
const ESC = "\u001b";
const f = (file: string, sheet: string, cell: string, severity: Finding["severity"], message: string, extra: Partial<Finding> = {}): Finding => {
  const m = /^([A-Z]+)(\d+)$/.exec(cell)!;
  return {
    file, sheet, template: "grid", cell, row: Number(m[2]), column: m[1], rule: "GRID-2", check: "no-worker", messageId: "none", severity, message,
    clause: "哈办发〔2011〕14号 二(二)", ...extra,
  };
};

const result: RunResult = {
  files: ["a.xlsx", "b.xlsx", "bad.xlsx"],
  sheets: [
    { file: "a.xlsx", sheet: "网格", template: "grid", rows: 3, headerRow: 2 },
    { file: "a.xlsx", sheet: "备注", template: null, rows: 0, headerRow: null },
    { file: "b.xlsx", sheet: "网格", template: "grid", rows: 5, headerRow: 1 },
  ],
  findings: [
    f("a.xlsx", "网格", "F4", "error", "社区有 1200 户,未配专职工作者", { expected: 2, actual: 0 }),
    f("a.xlsx", "网格", "G5", "warning", "=HYPERLINK(\"x\")", { actual: "+1" }),
    f("b.xlsx", "网格", "B2", "info", "说明,含逗号和\"引号\"\n第二行"),
  ],
  unreadable: [{ file: "bad.xlsx", message: "文件已损坏或不完整,无法解压" }],
};

describe("formatTable", () => {
  const plain = formatTable(result, { color: false, titles: new Map([["grid", "社区网格化管理服务配置表"]]) });
  const lines = plain.split("\n");

  it("groups by file and sheet, with Chinese severity labels", () => {
    const a = lines.indexOf(M.fileVerdict("a.xlsx", M.failed(1, 1, 0)));
    const b = lines.indexOf(M.fileVerdict("b.xlsx", M.passed(0, 1)));
    expect(a).toBeGreaterThanOrEqual(0);
    expect(b).toBeGreaterThan(a);
    const aBlock = lines.slice(a, b).join("\n");
    expect(aBlock).toContain(M.sheetLine("网格", M.templateWhat("社区网格化管理服务配置表", "grid", 3)));
    // the message first, then the values, then the clause, with the rule id second
    expect(aBlock).toContain(`违规   社区有 1200 户,未配专职工作者  ${M.expectedActual("2", "0")}  ${M.citedAs("哈办发〔2011〕14号 二(二)", "GRID-2")}`);
    expect(aBlock).toMatch(/F4\s+违规\s+社区/);
    expect(aBlock).not.toContain("〔哈办发");
    expect(aBlock).toMatch(/G5\s+需说明/);
    expect(aBlock).toContain(M.sheetLine("备注", M.noTemplate));
    expect(lines.slice(b).join("\n")).toMatch(/B2\s+提示/);
  });

  it("opens each file with its verdict line, in input order", () => {
    expect(lines.filter((l) => /^\S+\.xlsx {2}/.test(l))).toEqual([
      "a.xlsx  未通过（违规1处、需说明1处）",
      "b.xlsx  通过（提示1处）",
      "bad.xlsx  无法读取：文件已损坏或不完整,无法解压",
    ]);
    // an unreadable file is that one line, nothing under it
    expect(lines[lines.indexOf("bad.xlsx  无法读取：文件已损坏或不完整,无法解压") + 1]).toBe("");
  });

  it("closes with the verdicts summed up", () => {
    expect(plain.trimEnd().split("\n").pop()).toBe("共3个文件：通过1个，未通过1个，无法读取1个；3个工作表，违规1处、需说明1处、提示1处");
  });

  it("a passing file says 通过 alone when it has nothing to explain", () => {
    const clean: RunResult = { files: ["ok.xlsx"], sheets: [{ file: "ok.xlsx", sheet: "网格", template: "grid", rows: 3, headerRow: 2 }], findings: [], unreadable: [] };
    const out = formatTable(clean, { color: false }).split("\n");
    expect(out[0]).toBe("ok.xlsx  通过");
    expect(out[out.length - 2]).toBe("共1个文件：通过1个，未通过0个，无法读取0个；1个工作表，违规0处、需说明0处");
  });

  it("colours only when asked", () => {
    expect(plain).not.toContain(ESC);
    const coloured = formatTable(result, { color: true });
    expect(coloured).toMatch(new RegExp(`${ESC}\\[31m违规`));
    expect(coloured).toContain(`${ESC}[31;1m未通过`);
    expect(coloured).toContain(`${ESC}[32m通过`);
    expect(coloured).toMatch(new RegExp(`${ESC}\\[33m需说明`));
  });

  it("measures CJK as two columns", () => {
    expect(displayWidth("违规")).toBe(4);
    expect(displayWidth("F4")).toBe(2);
  });
});

describe("formatTable: groups and consequences (issue 11 items 3 and 4)", () => {
  const p = (cell: string, extra: Partial<Finding>) => f("p.xlsx", "评分表", cell, "error", "", { template: "petition", clause: "深办〔2003〕36号 一", ...extra });
  const unlisted = (row: number) => p(`B${row}`, {
    severity: "info", rule: "PET-CAT", check: "unit-category", messageId: "unlisted", actual: `单位${row}`,
    message: `“单位${row}”不在办法一所列A、B、C类单位中（信访工作量小的单位不列入考核范围），请核对分类`,
  });
  const wrongCategory = p("C5", { rule: "PET-CAT", check: "unit-category", messageId: "otherCategory", message: "“市卫生局”在办法一中列为B类，填报为C类", expected: "B", actual: "C" });
  const overMax = p("E5", { rule: "PET-7", check: "section-max", messageId: "aboveMax", message: "C类“信访基层基础工作”满分14分，填报16分", expected: 14, actual: 16, causedBy: "C5" });
  const wrongPercent = p("M5", { rule: "PET-6", check: "percent", messageId: "wrongPercent", severity: "warning", message: "C类满分80分，合计84分折算百分制应为105", causedBy: "C5" });
  const r: RunResult = {
    files: ["p.xlsx"],
    sheets: [{ file: "p.xlsx", sheet: "评分表", template: "petition", rows: 12, headerRow: 3 }],
    findings: [wrongCategory, overMax, wrongPercent, ...[4, 6, 7, 8, 9, 10, 11, 12, 13, 14].map(unlisted)],
    unreadable: [],
  };
  const lines = formatTable(r, { color: false }).split("\n");

  it("prints consequences indented under their root, not as findings of their own", () => {
    const at = lines.findIndex((l) => l.includes("在办法一中列为B类"));
    expect(lines[at]).toMatch(/^ {4}C5 +违规 {3}“市卫生局”/);
    expect(lines[at + 1]).toBe(`${" ".repeat(4 + 4 + 2)}└ 连带E5：C类“信访基层基础工作”满分14分，填报16分  应为14，填报16`);
    expect(lines[at + 2]).toBe(`${" ".repeat(10)}└ 连带M5：C类满分80分，合计84分折算百分制应为105`);
    expect(lines.filter((l) => /^ {4}E5 /.test(l))).toEqual([]);
  });

  it("prints many findings of one shape as one line: range, count, shape, clause", () => {
    const group = lines.filter((l) => l.includes("请核对分类"));
    expect(group).toEqual([
      "    B4、B6:B14  提示   共10处：“…”不在办法一所列A、B、C类单位中（信访工作量小的单位不列入考核范围），请核对分类  依据：深办〔2003〕36号 一；规则PET-CAT",
    ]);
  });

  it("counts roots only in the verdict and the summary", () => {
    expect(lines[0]).toBe("p.xlsx  未通过（违规1处、需说明0处、提示10处）");
    expect(lines[lines.length - 2]).toMatch(/违规1处、需说明0处、提示10处$/);
  });

  it("a group whose members have consequences says how many, and where to read them", () => {
    const rows = [5, 6, 7, 8, 9, 10, 11, 12, 13, 14];
    const findings = rows.flatMap((row) => [
      { ...wrongCategory, cell: `C${row}`, row, message: `“单位${row}”在办法一中列为B类，填报为C类` },
      { ...overMax, cell: `E${row}`, row, causedBy: `C${row}` },
    ]);
    const out = formatTable({ ...r, findings }, { color: false }).split("\n");
    const at = out.findIndex((l) => l.includes("共10处"));
    expect(out[at]).toContain("C5:C14  违规   共10处：“…”在办法一中列为…类，填报为…类");
    expect(out[at + 1].trim()).toBe(M.groupConsequences(10));
    expect(out.filter((l) => l.includes("满分14分"))).toEqual([]);
  });

  it("JSON and CSV keep every finding, consequences with their causedBy", () => {
    const doc = JSON.parse(formatJson(r));
    expect(doc.issues).toHaveLength(r.findings.length);
    expect(doc.issues[1].causedBy).toBe("C5");
    expect(doc.summary).toMatchObject({ errors: 1, warnings: 0, infos: 10 });
    const csv = formatCsv(r).split("\r\n");
    expect(csv).toHaveLength(r.findings.length + 2);
    expect(csv[0].endsWith(",起因单元格")).toBe(true);
    expect(csv[2]).toMatch(/^p\.xlsx,评分表,E5,违规,.*,14,16,petition,C5$/);
    expect(csv[1].endsWith(",petition,")).toBe(true);
  });
});

describe("verdicts", () => {
  it("one per file, in the order of files, with its counts", () => {
    expect(verdicts(result)).toEqual([
      { file: "a.xlsx", status: "fail", errors: 1, warnings: 1, infos: 0 },
      { file: "b.xlsx", status: "pass", errors: 0, warnings: 0, infos: 1 },
      { file: "bad.xlsx", status: "unreadable", errors: 0, warnings: 0, infos: 0, reason: "文件已损坏或不完整,无法解压" },
    ]);
    const reversed = { ...result, files: [...result.files].reverse() };
    expect(verdicts(reversed).map((v) => v.file)).toEqual(["bad.xlsx", "b.xlsx", "a.xlsx"]);
  });
  it("count root findings only: a consequence (causedBy) is no violation of its own", () => {
    const root = result.findings[0];
    expect(root.severity).toBe("error");
    const withConsequence: RunResult = {
      ...result, unreadable: [], files: ["a.xlsx"],
      findings: [root, { ...root, cell: "G4", causedBy: root.cell }, { ...root, cell: "H4", causedBy: root.cell }],
    };
    expect(verdicts(withConsequence)[0]).toMatchObject({ status: "fail", errors: 1 });
    expect(summarize(withConsequence).errors).toBe(1);
    // consequences alone (their root filtered out upstream) do not fail a file
    const onlyConsequences: RunResult = { ...withConsequence, findings: withConsequence.findings.slice(1) };
    expect(verdicts(onlyConsequences)[0]).toMatchObject({ status: "pass", errors: 0 });
    expect(exitCode(onlyConsequences)).toBe(EXIT.passed);
  });
});

describe("formatJson", () => {
  const doc = JSON.parse(formatJson(result));
  it("is one document with files, sheets, issues (each with its file) and a summary", () => {
    expect(Object.keys(doc)).toEqual(["files", "sheets", "issues", "summary", "unreadable"]);
    expect(doc.sheets).toHaveLength(3);
    expect(doc.sheets[0]).toEqual({ file: "a.xlsx", sheet: "网格", template: "grid", rows: 3, headerRow: 2 });
    expect(doc.issues.map((i: Finding) => `${i.file}!${i.cell}`)).toEqual(["a.xlsx!F4", "a.xlsx!G5", "b.xlsx!B2"]);
    expect(doc.summary).toEqual({ files: 3, sheets: 3, errors: 1, warnings: 1, infos: 1, passed: 1, failed: 1, unreadable: 1 });
    expect(doc.unreadable).toEqual(result.unreadable);
  });
  it("carries every file's verdict, an unreadable one with its reason", () => {
    expect(doc.files).toEqual(verdicts(result));
    expect(doc.files[2]).toEqual({ file: "bad.xlsx", status: "unreadable", errors: 0, warnings: 0, infos: 0, reason: "文件已损坏或不完整,无法解压" });
  });
});

describe("formatCsv", () => {
  const csv = formatCsv(result);

  it("has a BOM, a header and one CRLF line per finding", () => {
    expect(csv.startsWith(`\uFEFF${M.csvHeader.join(",")}\r\n`)).toBe(true);
    expect(csv.endsWith("\r\n")).toBe(true);
    expect(csv).toContain("\r\na.xlsx,网格,F4,违规,GRID-2,哈办发〔2011〕14号 二(二),\"社区有 1200 户,未配专职工作者\",2,0,grid,\r\n");
  });

  it("gives an unreadable file one row, in its place among the files", () => {
    expect(csv.trimEnd().split("\r\n").pop()).toBe("bad.xlsx,,,无法读取,,,\"文件已损坏或不完整,无法解压\",,,,");
    const first: RunResult = { ...result, files: ["bad.xlsx", "a.xlsx", "b.xlsx"] };
    const rows = formatCsv(first).split("\r\n");
    expect(rows[1].startsWith("bad.xlsx,,,无法读取,")).toBe(true);
    expect(rows[2].startsWith("a.xlsx,网格,F4,")).toBe(true);
    const middle: RunResult = { ...result, files: ["a.xlsx", "bad.xlsx", "b.xlsx"] };
    expect(formatCsv(middle).split("\r\n").map((l) => l.split(",")[0]).slice(1, -1)).toEqual(["a.xlsx", "a.xlsx", "bad.xlsx", "b.xlsx"]);
  });

  it("names a consequence's root cell in 起因单元格 (causedBy), empty for a root", () => {
    const root = { ...result.findings[0], causedBy: null };
    const consequence = { ...result.findings[0], cell: "G4", causedBy: "F4" };
    const r: RunResult = { ...result, findings: [root, consequence], unreadable: [] };
    const rows = formatCsv(r).trimEnd().split("\r\n");
    expect(M.csvHeader[M.csvHeader.length - 1]).toBe("起因单元格");
    expect(rows[1].endsWith(",grid,")).toBe(true);
    expect(rows[2].endsWith(",grid,F4")).toBe(true);
  });

  it("defuses an unreadable file's formula-looking name and reason too", () => {
    const r: RunResult = { files: ["=1+1"], sheets: [], findings: [], unreadable: [{ file: "=1+1", message: "@SUM(A1)" }] };
    expect(formatCsv(r).split("\r\n")[1]).toBe("'=1+1,,,无法读取,,,'@SUM(A1),,,,");
  });

  it("quotes per RFC 4180 and defuses formula-looking text", () => {
    expect(csv).toContain("'=HYPERLINK(\"\"x\"\")");
    expect(csv).toContain(",'+1,");
    expect(csv).toContain("\"说明,含逗号和\"\"引号\"\"\n第二行\"");
  });

  it.each([
    ["=1+1", "'=1+1"], ["+1", "'+1"], ["-1", "'-1"], ["@x", "'@x"], ["\tx", "'\tx"], ["\rx", "\"'\rx\""],
    ["普通", "普通"], ["a,b", "\"a,b\""],
  ])("csvField(%j) = %j", (input, out) => {
    expect(csvField(input)).toBe(out);
  });

  it("leaves numbers alone, negative ones included", () => {
    expect(csvField(-5)).toBe("-5");
    expect(csvField(true)).toBe("是");
    expect(csvField(undefined)).toBe("");
  });
});

describe("exitCode", () => {
  const none: RunResult = { files: ["a.xlsx"], sheets: [], findings: [], unreadable: [] };
  const unreadableOnly: RunResult = { ...none, files: ["a.xlsx", "bad.xlsx"], unreadable: result.unreadable };
  it.each<[string, number, RunResult, boolean]>([
    ["clean", 0, none, false],
    ["warnings only", 0, { ...none, findings: [result.findings[1], result.findings[2]] }, false],
    ["an error", 1, { ...none, findings: result.findings }, false],
    ["an unreadable file, the others passing", 2, unreadableOnly, false],
    ["an unreadable file, the others with warnings only", 2, { ...unreadableOnly, findings: [result.findings[1]] }, false],
    ["something else not checked (pattern, report), no error", 2, none, true],
    ["an unreadable file and an error elsewhere", 3, result, false],
    ["something else not checked and an error", 3, { ...none, findings: result.findings }, true],
  ])("%s → %i", (_w, code, r, unchecked) => expect(exitCode(r, unchecked)).toBe(code));
  it("EXIT names the four codes", () => {
    expect(EXIT).toEqual({ passed: 0, failed: 1, unreadable: 2, mixed: 3 });
    expect(summarize(result)).toMatchObject({ passed: 1, failed: 1, unreadable: 1 });
  });
});

describe("parseArgs", () => {
  const ids = ["grid", "trip"];
  it("reads files and options", () => {
    expect(parseArgs(["a.xlsx", "--format", "json", "dir", "--report=out.xlsx", "--template", "trip", "--max-cells", "10"], ids)).toEqual({
      inputs: ["a.xlsx", "dir"], format: "json", report: "out.xlsx", template: "trip", maxCells: 10, help: false, combine: false,
    });
    expect(parseArgs(["a.xlsx", "b.xlsx", "--combine"], ids)).toMatchObject({ inputs: ["a.xlsx", "b.xlsx"], combine: true });
    expect(parseArgs(["--", "--odd.xlsx"], ids).inputs).toEqual(["--odd.xlsx"]);
    expect(parseArgs(["--help"], ids).help).toBe(true);
  });
  it.each([
    [["--format", "xml", "a.xlsx"], /table、json\s?或\s?csv/],
    [["--template", "nope", "a.xlsx"], /没有模板\s?“nope”/],
    [["--max-cells", "0", "a.xlsx"], /正整数/],
    [["--max-cells", "1e3", "a.xlsx"], /正整数/],
    [["--report", "out.csv", "a.xlsx"], /\.xlsx/],
    [["--bogus", "a.xlsx"], /未知选项/],
    [["a.xlsx", "--format"], /需要一个值/],
    [[], /请给出/],
  ])("rejects %j", (argv, message) => {
    expect(() => parseArgs(argv, ids)).toThrow(UsageError);
    expect(() => parseArgs(argv, ids)).toThrow(message);
  });
});

describe("large results", () => {
  // 150 k findings: a Math.max(...spread) over them would overflow the call stack
  const many: RunResult = {
    files: ["大.xlsx"],
    sheets: [{ file: "大.xlsx", sheet: "表", template: "patrol", rows: 150_000, headerRow: 1 }],
    findings: Array.from({ length: 150_000 }, (_, i) => ({
      file: "大.xlsx", sheet: "表", template: "patrol", cell: `E${i + 2}`, row: i + 2, column: "E", rule: "GRID-5",
      check: "daily-patrol", messageId: "tooFew", severity: "error" as const, message: "每天至少巡查1次", expected: 1, actual: 0, clause: "哈办发〔2011〕14号 二(六)",
    })),
    unreadable: [],
  };
  test("every format renders 150 k findings (the table as one group line, JSON and CSV one each), and the JSON parses", () => {
    expect(tableLines(many, { color: false }).next().done).toBe(false);
    const grouped = formatTable(many, { color: false }).split("\n").filter((l) => l.includes("GRID-5"));
    expect(grouped).toEqual([`    E2:E150001  违规   ${M.groupOf(150_000, "每天至少巡查1次")}  ${M.citedAs("哈办发〔2011〕14号 二(六)", "GRID-5")}`]);
    expect(formatCsv(many).split("\r\n").length).toBe(150_000 + 2);
    const doc = JSON.parse(formatJson(many));
    expect(doc.issues).toHaveLength(150_000);
    expect(doc.summary.errors).toBe(150_000);
  });
});
