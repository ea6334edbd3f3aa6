/** @jest-environment jsdom */
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { StandalonePane } from "../../../src/taskpane/components/StandalonePane";
import type { FileWorkbookPort, PaneReport } from "../../../src/taskpane/types";
import { RESULT, TEMPLATES, renderWith } from "./fakes";

jest.setTimeout(60_000);

function filePort(): jest.Mocked<FileWorkbookPort> {
  return {
    read: jest.fn(async (_data: ArrayBuffer, file: string) => ({ file, sheets: [{ name: "评分表", rows: [] }] })),
    report: jest.fn(async (_files: PaneReport): Promise<Uint8Array> => new Uint8Array([0x50, 0x4b, 3, 4])),
  };
}

function xlsxFile(name: string): File {
  const file = new File(["PK"], name, { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" });
  // jsdom's File lacks arrayBuffer()
  Object.defineProperty(file, "arrayBuffer", { value: async () => Uint8Array.from([0x50, 0x4b]).buffer });
  return file;
}

describe("StandalonePane", () => {
  test("a picked .xlsx is validated in the browser; findings listed; the report downloads", async () => {
    const user = userEvent.setup();
    const port = filePort();
    const validate = jest.fn(() => RESULT);
    const save = jest.fn();
    renderWith(<StandalonePane filePort={port} validate={validate} fetchBytes={jest.fn()} templates={TEMPLATES} save={save} />);
    const input = screen.getByLabelText("选择.xlsx文件") as HTMLInputElement;
    expect(input.type).toBe("file");
    expect(input.accept).toContain(".xlsx");
    await user.upload(input, xlsxFile("2024信访考核.xlsx"));
    expect(await screen.findByRole("heading", { name: "违规（2）" })).toBeTruthy();
    expect(port.read.mock.calls[0][1]).toBe("2024信访考核.xlsx");
    expect(validate).toHaveBeenCalledWith({ file: "2024信访考核.xlsx", sheets: [{ name: "评分表", rows: [] }] });
    expect(screen.getByText("文件：2024信访考核.xlsx")).toBeTruthy();
    for (const cell of ["F7", "D9", "K12", "A15"]) expect(screen.getByRole("button", { name: new RegExp(cell) })).toBeTruthy();

    await user.click(screen.getByRole("button", { name: "下载校验报告" }));
    await waitFor(() => expect(save).toHaveBeenCalledTimes(1));
    expect(save.mock.calls[0][0]).toBe("2024信访考核-校验报告.xlsx");
    expect(port.report).toHaveBeenCalledWith([{ file: "2024信访考核.xlsx", result: RESULT }]);
  });

  test("打开示例 loads the bundled errors example of the chosen template", async () => {
    const user = userEvent.setup();
    const port = filePort();
    const fetchBytes = jest.fn(async () => new ArrayBuffer(2));
    renderWith(<StandalonePane filePort={port} validate={() => RESULT} fetchBytes={fetchBytes} templates={TEMPLATES} />);
    await user.selectOptions(screen.getByLabelText("示例工作簿"), "grid");
    await user.click(screen.getByRole("button", { name: "打开示例" }));
    expect(await screen.findByRole("heading", { name: "违规（2）" })).toBeTruthy();
    expect(fetchBytes).toHaveBeenCalledWith("assets/templates/examples/grid-errors.xlsx");
    expect(port.read.mock.calls[0][1]).toBe("grid-errors.xlsx");
  });

  test("?sample opens the example at once", async () => {
    const fetchBytes = jest.fn(async () => new ArrayBuffer(2));
    renderWith(<StandalonePane filePort={filePort()} validate={() => RESULT} fetchBytes={fetchBytes} templates={TEMPLATES} initialSample="petition" />);
    expect(await screen.findByRole("heading", { name: "需说明（1）" })).toBeTruthy();
    expect(fetchBytes).toHaveBeenCalledWith("assets/templates/examples/petition-errors.xlsx");
  });

  test("a file that is not a spreadsheet, or that cannot be read, is an error the clerk sees", async () => {
    const user = userEvent.setup({ applyAccept: false });
    const port = filePort();
    port.read.mockRejectedValueOnce(new Error("文件已损坏，无法读取"));
    renderWith(<StandalonePane filePort={port} validate={() => RESULT} fetchBytes={jest.fn()} templates={TEMPLATES} />);
    const input = screen.getByLabelText("选择.xlsx文件");
    await user.upload(input, new File(["x"], "说明.docx"));
    expect((await screen.findByRole("alert")).textContent).toContain("请选择.xlsx格式的工作簿。");
    expect(port.read).not.toHaveBeenCalled();
    await user.upload(input, xlsxFile("坏.xlsx"));
    await waitFor(() => expect(screen.getByRole("alert").textContent).toContain("无法读取“坏.xlsx”：文件已损坏，无法读取"));
    // an old .xls or a WPS .et goes to the reader, which says what it is and what to do
    port.read.mockRejectedValueOnce(new Error("这是WPS表格文件（.et）；请在WPS中打开，另存为“Excel工作簿（*.xlsx）”后再校验"));
    await user.upload(input, xlsxFile("旧表.et"));
    await waitFor(() => expect(screen.getByRole("alert").textContent).toContain("无法读取“旧表.et”：这是WPS表格文件（.et）"));
    expect(port.read.mock.calls.map((c) => c[1])).toEqual(["坏.xlsx", "旧表.et"]);
  });
});
