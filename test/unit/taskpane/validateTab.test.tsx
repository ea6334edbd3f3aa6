/** @jest-environment jsdom */
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { ValidateTab } from "../../../src/taskpane/components/ValidateTab";
import { RESULT, TEMPLATES, deferred, fakePort, renderWith } from "./fakes";
import type { WorkbookSnapshot } from "../../../src/core/validate/snapshot";
import type { OnReadProgress } from "../../../src/office/port";

jest.setTimeout(60_000);

describe("ValidateTab", () => {
  test("validating the active sheet shows the template found and the findings", async () => {
    const user = userEvent.setup();
    const port = fakePort();
    const validate = jest.fn(() => RESULT);
    renderWith(<ValidateTab port={port} validate={validate} templates={TEMPLATES} />);
    await user.click(screen.getByRole("button", { name: "校验当前工作表" }));
    expect(await screen.findByRole("heading", { name: "违规（2）" })).toBeTruthy();
    expect(port.readActiveSheet).toHaveBeenCalledTimes(1);
    expect(port.readAllSheets).not.toHaveBeenCalled();
    expect(validate).toHaveBeenCalledWith({ sheets: [{ name: "评分表", rows: [["单位"]] }] });
    const summary = screen.getByRole("region", { name: "识别的模板" });
    expect(summary.textContent).toContain("评分表：信访工作目标管理考核评分表（表头在第4行，9行数据）");
    expect(summary.textContent).toContain("说明：未识别模板");
    // validating wrote nothing
    expect(port.highlight).not.toHaveBeenCalled();
    expect(port.addReportSheet).not.toHaveBeenCalled();
    expect(port.addReport).not.toHaveBeenCalled();
  });

  test("校验全部 reads every sheet, with progress while reading", async () => {
    const user = userEvent.setup();
    const gate = deferred<WorkbookSnapshot>();
    const port = fakePort({
      readAllSheets: jest.fn((onProgress?: OnReadProgress) => {
        onProgress?.({ sheet: "评分表", rowsRead: 5000, rowsTotal: 12000 });
        return gate.promise;
      }),
    });
    renderWith(<ValidateTab port={port} validate={() => RESULT} templates={TEMPLATES} />);
    await user.click(screen.getByRole("button", { name: "校验全部" }));
    expect((await screen.findByText("正在读取“评分表”：5000/12000行"))).toBeTruthy();
    expect(screen.getByRole("progressbar")).toBeTruthy();
    expect(screen.getByRole("button", { name: "校验全部" }).hasAttribute("disabled")).toBe(true);
    gate.resolve({ sheets: [] });
    expect(await screen.findByRole("heading", { name: "需说明（1）" })).toBeTruthy();
  });

  test("clicking a finding selects its cell on its sheet", async () => {
    const user = userEvent.setup();
    const port = fakePort();
    renderWith(<ValidateTab port={port} validate={() => RESULT} templates={TEMPLATES} />);
    await user.click(screen.getByRole("button", { name: "校验当前工作表" }));
    await user.click(await screen.findByRole("button", { name: /K12/ }));
    expect(port.selectCell).toHaveBeenCalledWith("评分表", "K12");
  });

  test("生成校验报告 writes the report (summary and findings) on new sheets and names them", async () => {
    const user = userEvent.setup();
    const port = fakePort();
    renderWith(<ValidateTab port={port} validate={() => RESULT} templates={TEMPLATES} />);
    expect(screen.getByRole("button", { name: "生成校验报告" }).hasAttribute("disabled")).toBe(true);
    await user.click(screen.getByRole("button", { name: "校验当前工作表" }));
    await screen.findByRole("heading", { name: "违规（2）" });
    await user.click(screen.getByRole("button", { name: "生成校验报告" }));
    expect(await screen.findByText("已生成工作表“校验汇总 (2)”和“问题清单 (2)”。")).toBeTruthy();
    expect(port.addReportSheet).not.toHaveBeenCalled();
    const [input] = port.addReport.mock.calls[0];
    // the validation's findings and sheets, and the templates' Chinese titles for the summary
    expect(input.findings).toHaveLength(RESULT.findings.length);
    expect(input.findings.map((f) => f.cell)).toEqual(expect.arrayContaining(["F7", "D9", "K12", "A15"]));
    expect(input.sheets).toEqual(RESULT.sheets);
    expect(input.templates).toEqual(TEMPLATES);
  });

  test("标注 marks the findings' cells; 清除标注 works even before validating (marks live in the workbook)", async () => {
    const user = userEvent.setup();
    const port = fakePort();
    renderWith(<ValidateTab port={port} validate={() => RESULT} templates={TEMPLATES} />);
    expect(screen.getByRole("button", { name: "标注问题单元格" }).hasAttribute("disabled")).toBe(true);
    await user.click(screen.getByRole("button", { name: "清除标注" }));
    expect(await screen.findByText("已恢复3个单元格的原填充。")).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "校验当前工作表" }));
    await screen.findByRole("heading", { name: "违规（2）" });
    await user.click(screen.getByRole("button", { name: "标注问题单元格" }));
    expect(await screen.findByText("已标注4个单元格。")).toBeTruthy();
    expect(port.highlight).toHaveBeenCalledWith(RESULT.findings);
  });

  test("a failure reaches the clerk as an alert", async () => {
    const user = userEvent.setup();
    const port = fakePort({ readActiveSheet: jest.fn(async () => { throw new Error("工作表已被保护"); }) });
    renderWith(<ValidateTab port={port} validate={() => RESULT} templates={TEMPLATES} />);
    await user.click(screen.getByRole("button", { name: "校验当前工作表" }));
    await waitFor(() => expect(screen.getByRole("alert").textContent).toContain("操作失败：工作表已被保护"));
  });
});
