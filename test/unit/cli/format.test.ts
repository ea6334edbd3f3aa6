import type { Finding } from "../../../src/core/validate/findings";
import { parseArgs, UsageError } from "../../../src/cli/args";
import { csvField, formatCsv } from "../../../src/cli/formatters/csv";
import { formatJson } from "../../../src/cli/formatters/json";
import { displayWidth, formatTable, tableLines } from "../../../src/cli/formatters/table";
import { exitCode, type RunResult } from "../../../src/cli/result";

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

  it("groups by file and sheet, with Chinese severity labels", () => {
    const lines = plain.split("\n");
    const a = lines.indexOf("a.xlsx");
    const b = lines.indexOf("b.xlsx");
    expect(a).toBeGreaterThanOrEqual(0);
    expect(b).toBeGreaterThan(a);
    const aBlock = lines.slice(a, b).join("\n");
    expect(aBlock).toContain("工作表“网格”: 社区网格化管理服务配置表(grid),3 行数据");
    expect(aBlock).toMatch(/F4\s+违规\s+GRID-2\s+社区有 1200 户,未配专职工作者\s+应为 2,实际 0/);
    expect(aBlock).toMatch(/G5\s+需说明/);
    expect(aBlock).toContain("工作表“备注”: 未识别为任何模板");
    expect(lines.slice(b).join("\n")).toMatch(/B2\s+提示/);
  });

  it("names an unreadable file and sums up", () => {
    expect(plain).toContain("bad.xlsx\n  无法读取: 文件已损坏或不完整,无法解压");
    expect(plain.trimEnd().split("\n").pop()).toBe("共 3 个文件,3 个工作表:违规 1 处,需说明 1 处,提示 1 处;1 个文件无法读取");
  });

  it("colours only when asked", () => {
    expect(plain).not.toContain(ESC);
    const coloured = formatTable(result, { color: true });
    expect(coloured).toMatch(new RegExp(`${ESC}\\[31m违规`));
    expect(coloured).toMatch(new RegExp(`${ESC}\\[33m需说明`));
  });

  it("measures CJK as two columns", () => {
    expect(displayWidth("违规")).toBe(4);
    expect(displayWidth("F4")).toBe(2);
  });
});

describe("formatJson", () => {
  it("is one document with sheets, issues (each with its file) and a summary", () => {
    const doc = JSON.parse(formatJson(result));
    expect(doc.sheets).toHaveLength(3);
    expect(doc.sheets[0]).toEqual({ file: "a.xlsx", sheet: "网格", template: "grid", rows: 3, headerRow: 2 });
    expect(doc.issues.map((i: Finding) => `${i.file}!${i.cell}`)).toEqual(["a.xlsx!F4", "a.xlsx!G5", "b.xlsx!B2"]);
    expect(doc.summary).toEqual({ files: 3, sheets: 3, errors: 1, warnings: 1, infos: 1, unreadable: 1 });
    expect(doc.unreadable).toEqual(result.unreadable);
  });
});

describe("formatCsv", () => {
  const csv = formatCsv(result);

  it("has a BOM, a header and one CRLF line per finding", () => {
    expect(csv.startsWith("\uFEFF文件,工作表,单元格,级别,规则,条款,说明,应为,实际,模板\r\n")).toBe(true);
    expect(csv.endsWith("\r\n")).toBe(true);
    expect(csv).toContain("\r\na.xlsx,网格,F4,违规,GRID-2,哈办发〔2011〕14号 二(二),\"社区有 1200 户,未配专职工作者\",2,0,grid\r\n");
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
  it.each<[string, RunResult, number]>([
    ["clean", none, 0],
    ["warnings only", { ...none, findings: [result.findings[1], result.findings[2]] }, 0],
    ["an error", { ...none, findings: result.findings }, 1],
    ["an unreadable file wins", result, 2],
  ])("%s → %i", (_w, r, code) => expect(exitCode(r)).toBe(code));
});

describe("parseArgs", () => {
  const ids = ["grid", "trip"];
  it("reads files and options", () => {
    expect(parseArgs(["a.xlsx", "--format", "json", "dir", "--report=out.xlsx", "--template", "trip", "--max-cells", "10"], ids)).toEqual({
      inputs: ["a.xlsx", "dir"], format: "json", report: "out.xlsx", template: "trip", maxCells: 10, help: false,
    });
    expect(parseArgs(["--", "--odd.xlsx"], ids).inputs).toEqual(["--odd.xlsx"]);
    expect(parseArgs(["--help"], ids).help).toBe(true);
  });
  it.each([
    [["--format", "xml", "a.xlsx"], /table、json 或 csv/],
    [["--template", "nope", "a.xlsx"], /没有模板 “nope”/],
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
  test("every format renders 150 k findings, one line each, and the JSON parses", () => {
    expect(tableLines(many, { color: false }).next().done).toBe(false);
    expect(formatTable(many, { color: false }).split("\n").filter((l) => l.includes("GRID-5"))).toHaveLength(150_000);
    expect(formatCsv(many).split("\r\n").length).toBe(150_000 + 2);
    const doc = JSON.parse(formatJson(many));
    expect(doc.issues).toHaveLength(150_000);
    expect(doc.summary.errors).toBe(150_000);
  });
});
