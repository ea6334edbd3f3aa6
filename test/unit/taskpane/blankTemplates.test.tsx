/** @jest-environment jsdom */
/**
 * Issue 13 item 1, the pane: the 模板 tab inserts a template's blank (dropdowns and formulas) or its
 * filled sample; on Excel that writes templates cell by cell the blank's formulas and validations
 * (<id>.json) go with it; the standalone pane's 模板 tab offers each blank and each sample as a
 * download link (issue 12 item 2).
 */
import { readFileSync } from "fs";
import { join } from "path";
import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { TemplatesTab } from "../../../src/taskpane/components/TemplatesTab";
import { DeskTemplates } from "../../../src/taskpane/components/DeskTemplates";
import { TEMPLATE_LIST, blankExtrasUrl, blankUrl } from "../../../src/taskpane/templateList";
import { toBase64 } from "../../../src/taskpane/base64";
import { templateUrl } from "../../../src/taskpane/types";
import { hostZhCN } from "../../../src/taskpane/hostMessages";
import { zhCN } from "../../../src/i18n/zh-CN";
import { TEMPLATES, fakePort, renderWith } from "./fakes";

const root = join(__dirname, "../../..");
const OLD_EXCEL = { mergedCells: false, markCells: false, nativeTemplateInsert: false, customFunctions: false };

describe("模板 tab: blank templates", () => {
  test("插入空白模板 fetches the blank and inserts it as sheets (ExcelApi 1.13: formulas and dropdowns come with it)", async () => {
    const user = userEvent.setup();
    const port = fakePort();
    const bytes = Uint8Array.from(Buffer.from("PK\u0003\u0004空白")).buffer as ArrayBuffer;
    const fetchBytes = jest.fn(async () => bytes);
    renderWith(<TemplatesTab port={port} fetchBytes={fetchBytes} templates={TEMPLATES} />);
    await user.click(screen.getByRole("button", { name: "插入空白模板 社区网格化管理服务配置表" }));
    expect(fetchBytes).toHaveBeenCalledWith("assets/templates/blank/grid.xlsx");
    expect(fetchBytes).toHaveBeenCalledTimes(1);
    expect(await screen.findByText("已插入“社区网格化管理服务配置表”。")).toBeTruthy();
    expect(port.insertTemplate).toHaveBeenCalledWith(toBase64(bytes), undefined);
    // the filled sample is still offered
    expect(screen.getByRole("button", { name: "插入示例 社区网格化管理服务配置表" })).toBeTruthy();
  });

  test("on Excel writing cell by cell, the blank's formulas and validations are fetched and passed along", async () => {
    const user = userEvent.setup();
    const port = fakePort({ features: OLD_EXCEL, insertTemplate: jest.fn(async () => ({ byCells: true, validations: false })) });
    const json = readFileSync(join(root, "assets", "templates", "blank", "grid.json"));
    const fetchBytes = jest.fn(async (url: string) => (url.endsWith(".json") ? new Uint8Array(json).buffer : new ArrayBuffer(4)));
    renderWith(<TemplatesTab port={port} fetchBytes={fetchBytes} templates={TEMPLATES} />);
    await user.click(screen.getByRole("button", { name: "插入空白模板 社区网格化管理服务配置表" }));
    expect(await screen.findByText(`已插入“社区网格化管理服务配置表”。${hostZhCN.templateByCells}${zhCN.blankValidationsSkipped}`)).toBeTruthy();
    expect(fetchBytes).toHaveBeenCalledWith(blankExtrasUrl("grid"));
    const extras = port.insertTemplate.mock.calls[0][1]!;
    expect(extras.formulas.length).toBeGreaterThan(0);
    expect(extras.validations.map((v) => v.type)).toContain("list");
  });

  test("the standalone 模板 tab's links: the blank and the filled sample of each template, committed files", () => {
    renderWith(<DeskTemplates templates={TEMPLATE_LIST} />);
    for (const t of TEMPLATE_LIST) {
      const link = screen.getByRole("link", { name: `下载空白模板 ${t.title}` });
      expect(link.getAttribute("href")).toBe(blankUrl(t.id));
      expect(link.getAttribute("download")).toBe(`${t.title}.xlsx`);
      expect(readFileSync(join(root, blankUrl(t.id))).length).toBeGreaterThan(0);
      const sample = screen.getByRole("link", { name: `下载填写示例 ${t.title}` });
      expect(sample.getAttribute("href")).toBe(templateUrl(t.id));
      expect(sample.getAttribute("download")).toBe(`${t.title}（示例）.xlsx`);
      expect(readFileSync(join(root, templateUrl(t.id))).length).toBeGreaterThan(0);
    }
    expect(screen.queryByRole("button")).toBeNull();
  });
});
