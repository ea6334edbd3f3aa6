/** @jest-environment jsdom */
import { readFileSync } from "fs";
import { join } from "path";
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { FunctionsTab } from "../../../src/taskpane/components/FunctionsTab";
import { TemplatesTab } from "../../../src/taskpane/components/TemplatesTab";
import { App } from "../../../src/taskpane/App";
import { FUNCTION_EXAMPLES, FUNCTION_NAMESPACE } from "../../../src/taskpane/functionExamples";
import { parseFunctionsJson } from "../../../src/taskpane/hooks/useFunctions";
import { toBase64 } from "../../../src/taskpane/base64";
import { sampleFromQuery } from "../../../src/taskpane/query";
import { RESULT, TEMPLATES, fakePort, renderWith } from "./fakes";
import { render } from "@testing-library/react";

jest.setTimeout(60_000);

const FUNCTIONS_JSON = {
  functions: [
    {
      id: "GRID_STAFFING", name: "GRID_STAFFING", description: "按户数计算社区专职工作者岗位数和公益活动补助",
      parameters: [
        { name: "households", description: "社区户数", type: "any" },
        { name: "star_rating", description: "和谐社区星级", type: "any", optional: true },
      ],
      result: { dimensionality: "matrix" },
    },
    { id: "TRIP_DAYS", name: "TRIP_DAYS", description: "在外天数(含旅途时间)", parameters: [{ name: "departure_date" }, { name: "return_date" }] },
  ],
};

describe("FunctionsTab", () => {
  test("lists functions from functions.json with parameters and an example; 插入 writes the example", async () => {
    const user = userEvent.setup();
    const port = fakePort();
    const fetchJson = jest.fn(async () => FUNCTIONS_JSON);
    renderWith(<FunctionsTab port={port} fetchJson={fetchJson} />);
    const item = await screen.findByRole("listitem", { name: "GOV.GRID_STAFFING" });
    expect(fetchJson).toHaveBeenCalledWith("functions.json");
    expect(item.textContent).toContain("按户数计算社区专职工作者岗位数和公益活动补助");
    expect(item.textContent).toContain("star_rating（可选）：和谐社区星级");
    expect(item.textContent).toContain(FUNCTION_EXAMPLES.GRID_STAFFING);
    await user.click(within(item).getByRole("button", { name: "插入 GOV.GRID_STAFFING" }));
    expect(port.insertFormula).toHaveBeenCalledWith(FUNCTION_EXAMPLES.GRID_STAFFING);
    expect(await screen.findByText("已插入到Sheet1!C5。")).toBeTruthy();
  });

  test("a functions.json that cannot be loaded is reported, not hidden", async () => {
    renderWith(<FunctionsTab port={fakePort()} fetchJson={async () => { throw new Error("functions.json: HTTP 404"); }} />);
    expect((await screen.findByRole("alert")).textContent).toContain("无法加载函数列表：functions.json: HTTP 404");
  });

  test("malformed metadata is an error", () => {
    expect(() => parseFunctionsJson({})).toThrow();
    expect(() => parseFunctionsJson({ functions: [{ name: "X" }] })).toThrow();
  });

  test("every custom function declared in functions.ts has an example that calls it", () => {
    const source = readFileSync(join(__dirname, "../../../src/functions/functions.ts"), "utf8");
    const ids = [...source.matchAll(/@customfunction\s+([A-Z_]+)/g)].map((m) => m[1]);
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) expect(FUNCTION_EXAMPLES[id]).toMatch(new RegExp(`^=${FUNCTION_NAMESPACE}\\.${id}\\(.*\\)$`));
    expect(Object.keys(FUNCTION_EXAMPLES)).toHaveLength(15);
  });
});

describe("TemplatesTab", () => {
  test("插入示例 fetches the clean sample and inserts it from base64", async () => {
    const user = userEvent.setup();
    const port = fakePort();
    const bytes = Uint8Array.from(Buffer.from("PK\u0003\u0004模板")).buffer as ArrayBuffer;
    const fetchBytes = jest.fn(async () => bytes);
    renderWith(<TemplatesTab port={port} fetchBytes={fetchBytes} templates={TEMPLATES} />);
    await user.click(screen.getByRole("button", { name: "插入示例 社区网格化管理服务配置表" }));
    expect(fetchBytes).toHaveBeenCalledWith("assets/templates/grid.xlsx");
    expect(port.insertTemplate).toHaveBeenCalledWith(Buffer.from(bytes).toString("base64"));
    expect(await screen.findByText("已插入“社区网格化管理服务配置表”。")).toBeTruthy();
  });
});

describe("App", () => {
  const common = { validate: () => RESULT, templates: TEMPLATES, fetchJson: async () => FUNCTIONS_JSON, fetchBytes: async () => new ArrayBuffer(0) };

  test("in Excel: three tabs, Chinese by default", async () => {
    const user = userEvent.setup();
    render(<App {...common} locale="zh-CN" mode="excel" port={fakePort()} />);
    expect(screen.getByRole("tab", { name: "校验" }).getAttribute("aria-selected")).toBe("true");
    await user.click(screen.getByRole("tab", { name: "函数" }));
    expect(await screen.findByRole("listitem", { name: "GOV.TRIP_DAYS" })).toBeTruthy();
    await user.click(screen.getByRole("tab", { name: "模板" }));
    expect(screen.getByRole("heading", { name: "信访工作目标管理考核评分表" })).toBeTruthy();
  });

  test("in Excel with an English display language: English UI", () => {
    render(<App {...common} locale="en-US" mode="excel" port={fakePort()} />);
    expect(screen.getByRole("tab", { name: "Validate" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Validate this sheet" })).toBeTruthy();
  });
});

describe("helpers", () => {
  test("base64 matches Node's for binary and large input", () => {
    const big = new Uint8Array(100_000).map((_, i) => (i * 7919) % 256);
    expect(toBase64(big)).toBe(Buffer.from(big).toString("base64"));
    expect(toBase64(new Uint8Array(0))).toBe("");
  });

  test.each([
    ["", null], ["?sample=0", null], ["?sample=1", "petition"], ["?sample=grid", "grid"], ["?x=1&sample=nope", "petition"],
  ])("%s → sample %s", (search, expected) => {
    expect(sampleFromQuery(search, ["petition", "grid"])).toBe(expected);
  });
});
