/** @jest-environment jsdom */
/**
 * Issue 12 items 2–4, the pane outside Excel: the same three tabs (函数 with a calculator running
 * the custom functions' own code, 模板 with downloads), many files with their verdicts, one file's
 * findings at a time, a report over all of them, and 合并校验.
 */
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { App } from "../../../src/taskpane/App";
import { StandalonePane } from "../../../src/taskpane/components/StandalonePane";
import { Calculator, exampleArguments } from "../../../src/taskpane/components/DeskFunctions";
import { argumentOf, cellValue, exportName, loadCalculator } from "../../../src/taskpane/calculate";
import { FUNCTION_EXAMPLES } from "../../../src/taskpane/functionExamples";
import { reportInput } from "../../../src/taskpane/fileWorkbook";
import type { FileWorkbookPort, FunctionInfo, PaneReport } from "../../../src/taskpane/types";
import type { ValidationResult } from "../../../src/core/validate";
import type { BookOutcome } from "../../../src/taskpane/checkFile";
import * as fns from "../../../src/functions/functions";
import { FINDINGS, RESULT, TEMPLATES, finding, renderWith } from "./fakes";

jest.setTimeout(60_000);

const GRID: FunctionInfo = {
  id: "GRID_STAFFING", name: "网格岗位", description: "社区专职工作者岗位数与公益活动补助",
  parameters: [
    { name: "户数", description: "社区户数（非负整数）", type: "any" },
    { name: "星级", description: "和谐社区星级", type: "any", optional: true },
    { name: "返回项", type: "any", optional: true },
  ],
};
const GRADES: FunctionInfo = {
  id: "EVAL_GRADES", name: "绩效等次", description: "县市区绩效等次",
  parameters: [{ name: "综合得分", dimensionality: "matrix", type: "any" }, { name: "一票否决", dimensionality: "matrix", optional: true }],
};
const ZH_JSON = { functions: [{ ...GRID, parameters: GRID.parameters }, GRADES] };

function xlsxFile(name: string): File {
  const file = new File(["PK"], name, { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" });
  Object.defineProperty(file, "arrayBuffer", { value: async () => Uint8Array.from([0x50, 0x4b]).buffer });
  return file;
}

const PASSING: ValidationResult = {
  sheets: [{ sheet: "配置表", template: "grid", rows: 3, headerRow: 2 }],
  findings: [finding({ cell: "E4", severity: "warning", template: "grid", sheet: "配置表" })],
};

type Port = jest.Mocked<Required<FileWorkbookPort>>;

function filePort(results: Record<string, ValidationResult | Error>): Port {
  return {
    read: jest.fn(),
    report: jest.fn(async (_files: PaneReport) => new Uint8Array([0x50, 0x4b])),
    check: jest.fn(async (_data: ArrayBuffer, file: string) => {
      const r = results[file];
      if (r instanceof Error) throw r;
      return r;
    }),
    checkTogether: jest.fn(async (files: readonly { data: ArrayBuffer; file: string }[]): Promise<BookOutcome[]> =>
      files.map((f) => ({ ok: true, result: { sheets: [], findings: [finding({ cell: "A9", severity: "error", file: f.file, message: `与另一文件重复：${f.file}` })] } }))),
  } as unknown as Port;
}

describe("standalone App: the same three tabs", () => {
  test("校验 / 函数 / 模板; 函数 in Chinese with a calculator instead of 插入; 模板 downloads; files opened survive a tab change", async () => {
    const user = userEvent.setup();
    const fetchJson = jest.fn(async () => ZH_JSON);
    const port = filePort({ "甲.xlsx": RESULT });
    render(
      <App locale="zh-CN" mode="standalone" filePort={port} validate={() => RESULT} templates={TEMPLATES} fetchJson={fetchJson} fetchBytes={async () => new ArrayBuffer(0)} />,
    );
    expect(screen.getByRole("tab", { name: "校验" }).getAttribute("aria-selected")).toBe("true");
    await user.upload(await screen.findByLabelText("选择.xlsx文件"), xlsxFile("甲.xlsx"));
    expect(await screen.findByRole("heading", { name: "违规（2）" })).toBeTruthy();

    await user.click(screen.getByRole("tab", { name: "函数" }));
    const item = await screen.findByRole("listitem", { name: "GOV.GRID_STAFFING" });
    expect(fetchJson).toHaveBeenCalledWith("functions.zh-CN.json");
    expect(item.textContent).toContain("中文函数名：GOV.网格岗位");
    expect(item.textContent).toContain("星级（可选）：和谐社区星级");
    expect(within(item).queryByRole("button", { name: /插入/ })).toBeNull();
    expect(within(item).getByRole("button", { name: "试算 GOV.GRID_STAFFING" })).toBeTruthy();

    await user.click(screen.getByRole("tab", { name: "模板" }));
    const link = await screen.findByRole("link", { name: "下载空白模板 社区网格化管理服务配置表" });
    expect(link.getAttribute("href")).toBe("assets/templates/blank/grid.xlsx");
    expect(screen.getByRole("link", { name: "下载填写示例 社区网格化管理服务配置表" }).getAttribute("href")).toBe("assets/templates/grid.xlsx");

    await user.click(screen.getByRole("tab", { name: "校验" }));
    expect(screen.getByRole("heading", { name: "违规（2）" })).toBeTruthy();
    expect(port.check).toHaveBeenCalledTimes(1);
  });
});

describe("the calculator: the custom functions' own code, on typed values", () => {
  test("every function id names an export of functions.ts", async () => {
    for (const id of Object.keys(FUNCTION_EXAMPLES)) expect(typeof (fns as Record<string, unknown>)[exportName(id)]).toBe("function");
    const calc = await loadCalculator();
    expect(calc("TRIP_DAYS", ["2024-03-01", "2024-03-06"])).toEqual({ ok: true, value: fns.tripDaysFn("2024-03-01", "2024-03-06") });
  });

  test("typed text becomes what Excel passes", () => {
    expect(cellValue("")).toBeNull();
    expect(cellValue(" 1800 ")).toBe(1800);
    expect(cellValue("-2.5")).toBe(-2.5);
    expect(cellValue("true")).toBe(true);
    expect(cellValue("1,800户")).toBe("1,800户");
    expect(cellValue("2024-03-05")).toBe("2024-03-05");
    expect(argumentOf("812、765，690", { dimensionality: "matrix" })).toEqual([[812], [765], [690]]);
    expect(argumentOf(" ", { dimensionality: "matrix" })).toBeNull();
    expect(exampleArguments("GRID_STAFFING", 3)).toEqual(["1800", "五星", ""]);
    expect(exampleArguments("TRIP_CHECK", 5)).toEqual(["考察", "6", "日本、韩国", "2024-03-01", "2024-03-10"]);
    expect(exampleArguments("EVAL_GRADES", 2)[0]).toMatch(/^\d+、/);
  });

  test("good input: the core's value, a row as a table; bad input: #VALUE! with the function's own message", async () => {
    const user = userEvent.setup();
    renderWith(<Calculator fn={GRID} />);
    expect((screen.getByLabelText("户数") as HTMLInputElement).value).toBe("1800");
    await user.click(screen.getByRole("button", { name: "计算" }));
    const status = screen.getByRole("status");
    await waitFor(() => expect(status.querySelectorAll("td")).toHaveLength(4));
    expect([...status.querySelectorAll("td")].map((td) => td.textContent)).toEqual(fns.gridStaffingFn(1800, "五星", null)[0].map(String));

    await user.clear(screen.getByLabelText("户数"));
    await user.type(screen.getByLabelText("户数"), "-3");
    await user.click(screen.getByRole("button", { name: "计算" }));
    let thrown: Error | undefined;
    try {
      fns.gridStaffingFn(-3, "五星", null);
    } catch (e) {
      thrown = e as Error;
    }
    expect(thrown?.message).toBe("户数须为非负整数，填报为“-3”");
    await waitFor(() => expect(status.textContent).toBe(`结果：#VALUE!：${thrown!.message}`));
  });

  test("a range parameter takes its values as a column", async () => {
    const user = userEvent.setup();
    renderWith(<Calculator fn={GRADES} />);
    await user.click(screen.getByRole("button", { name: "计算" }));
    const expected = fns.evalGradesFn(argumentOf(exampleArguments("EVAL_GRADES", 1)[0], { dimensionality: "matrix" }) as unknown[][], undefined);
    await waitFor(() => expect([...screen.getByRole("status").querySelectorAll("td")].map((td) => td.textContent)).toEqual(expected.map((r) => String(r[0]))));
  });
});

describe("many files", () => {
  test("three files: a verdict line each, one file's findings at a time, the report covers them all", async () => {
    const user = userEvent.setup({ applyAccept: false });
    const port = filePort({ "甲.xlsx": RESULT, "乙.xlsx": PASSING, "坏.xlsx": new Error("文件已损坏，无法读取。") });
    const save = jest.fn();
    renderWith(<StandalonePane filePort={port} validate={jest.fn()} fetchBytes={jest.fn()} templates={TEMPLATES} save={save} />);
    const input = screen.getByLabelText("选择.xlsx文件") as HTMLInputElement;
    expect(input.multiple).toBe(true);
    await user.upload(input, [xlsxFile("甲.xlsx"), xlsxFile("乙.xlsx"), xlsxFile("坏.xlsx"), new File(["x"], "说明.docx")]);
    const list = await screen.findByRole("region", { name: "已打开4个文件" });
    await waitFor(() => expect(within(list).getAllByRole("button").map((b) => b.textContent)).toEqual([
      "甲.xlsx未通过（违规2处）", "乙.xlsx通过（需说明1处）", "坏.xlsx无法读取（文件已损坏，无法读取）", "说明.docx无法读取（请选择.xlsx格式的工作簿）",
    ]));
    expect(within(list).getByText("通过1个，未通过1个，无法读取2个")).toBeTruthy();
    expect(within(list).getByRole("button", { name: "甲.xlsx：未通过（违规2处）" })).toBeTruthy();
    // checked one after another, the refused file never read
    expect(port.check.mock.calls.map((c) => c[1])).toEqual(["甲.xlsx", "乙.xlsx", "坏.xlsx"]);
    // the first file's findings are shown
    expect(within(list).getAllByRole("button")[0].getAttribute("aria-current")).toBe("true");
    expect(screen.getByText("文件：甲.xlsx")).toBeTruthy();
    expect(screen.getByRole("heading", { name: "违规（2）" })).toBeTruthy();

    await user.click(within(list).getByRole("button", { name: /^乙\.xlsx/ }));
    expect(await screen.findByRole("heading", { name: "需说明（1）" })).toBeTruthy();
    expect(screen.queryByRole("heading", { name: /^违规/ })).toBeNull();
    expect(screen.getByText("文件：乙.xlsx")).toBeTruthy();
    await user.click(within(list).getByRole("button", { name: /^坏\.xlsx/ }));
    expect(screen.getByRole("alert").textContent).toBe("无法读取“坏.xlsx”：文件已损坏，无法读取。");

    await user.click(screen.getByRole("button", { name: "下载校验报告" }));
    await waitFor(() => expect(save).toHaveBeenCalledTimes(1));
    expect(save.mock.calls[0][0]).toBe("甲等4个文件-校验报告.xlsx");
    expect(port.report).toHaveBeenCalledWith([
      { file: "甲.xlsx", result: RESULT },
      { file: "乙.xlsx", result: PASSING },
      { file: "坏.xlsx", message: "文件已损坏，无法读取。" },
      { file: "说明.docx", message: "请选择.xlsx格式的工作簿。" },
    ]);
  });

  test("the report's input: every file, its sheets and findings, unreadable files with their reason", () => {
    const input = reportInput([{ file: "甲.xlsx", result: RESULT }, { file: "坏.xlsx", message: "无法读取" }]);
    expect(input.files).toEqual(["甲.xlsx", "坏.xlsx"]);
    expect(input.sheets.map((s) => `${s.file}/${s.sheet}`)).toEqual(["甲.xlsx/评分表", "甲.xlsx/说明"]);
    expect(input.findings).toEqual(FINDINGS);
    expect(input.unreadable).toEqual([{ file: "坏.xlsx", message: "无法读取" }]);
  });

  test("合并校验 (two files or more): the files are checked again, together", async () => {
    const user = userEvent.setup();
    const port = filePort({ "甲.xlsx": RESULT, "乙.xlsx": PASSING });
    renderWith(<StandalonePane filePort={port} validate={jest.fn()} fetchBytes={jest.fn()} templates={TEMPLATES} />);
    const input = screen.getByLabelText("选择.xlsx文件") as HTMLInputElement;
    await user.upload(input, [xlsxFile("甲.xlsx")]);
    await screen.findByRole("heading", { name: "违规（2）" });
    expect(screen.queryByRole("checkbox", { name: "合并校验" })).toBeNull();
    await user.upload(input, [xlsxFile("甲.xlsx"), xlsxFile("乙.xlsx")]);
    const box = await screen.findByRole("checkbox", { name: "合并校验" });
    await screen.findByText("通过1个，未通过1个，无法读取0个");
    await user.click(box);
    await waitFor(() => expect(port.checkTogether).toHaveBeenCalledTimes(1));
    expect(port.checkTogether.mock.calls[0][0].map((f) => f.file)).toEqual(["甲.xlsx", "乙.xlsx"]);
    const list = screen.getByRole("region", { name: "已打开2个文件" });
    await waitFor(() => expect(within(list).getAllByRole("button").map((b) => b.textContent)).toEqual([
      "甲.xlsx未通过（违规1处）", "乙.xlsx未通过（违规1处）",
    ]));
    expect(screen.getByRole("button", { name: /与另一文件重复：甲\.xlsx/ })).toBeTruthy();
  });
});
