/** @jest-environment jsdom */
/**
 * The standalone pane checking a file off the page's thread (the worker itself: checkFile.test.ts):
 * progress shown with numbers, 取消 stops the check, the worker's findings listed.
 */
import { act, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { StandalonePane } from "../../../src/taskpane/components/StandalonePane";
import type { CheckProgress } from "../../../src/taskpane/checkFile";
import type { FileWorkbookPort } from "../../../src/taskpane/types";
import type { ValidationResult } from "../../../src/core/validate";
import { RESULT, TEMPLATES, renderWith } from "./fakes";

jest.setTimeout(60_000);

describe("StandalonePane with a worker-backed port", () => {
  function xlsxFile(name: string): File {
    const file = new File(["PK"], name, { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" });
    Object.defineProperty(file, "arrayBuffer", { value: async () => Uint8Array.from([0x50, 0x4b]).buffer });
    return file;
  }

  it("shows the progress with numbers, and 取消 stops the check", async () => {
    const user = userEvent.setup();
    let report: ((p: CheckProgress) => void) | undefined;
    let signal: AbortSignal | undefined;
    const port: FileWorkbookPort = {
      read: jest.fn(),
      report: jest.fn(),
      check: jest.fn((_data: ArrayBuffer, _file: string, opts: { onProgress?: (p: CheckProgress) => void; signal?: AbortSignal }) => {
        report = opts.onProgress;
        signal = opts.signal;
        return new Promise<ValidationResult>((_resolve, reject) => opts.signal?.addEventListener("abort", () => reject(new Error("已取消"))));
      }),
    };
    const validate = jest.fn(() => RESULT);
    renderWith(<StandalonePane filePort={port} validate={validate} fetchBytes={jest.fn()} templates={TEMPLATES} />);
    await user.upload(screen.getByLabelText("选择.xlsx文件") as HTMLInputElement, xlsxFile("大表.xlsx"));
    await act(async () => report!({ stage: "read", sheet: "评分表", sheetIndex: 1, sheets: 2, percent: 42 }));
    expect(screen.getByRole("status").textContent).toContain("正在读取大表.xlsx：工作表“评分表”（1/2）42%");
    await act(async () => report!({ stage: "validate", percent: 100 }));
    expect(screen.getByRole("status").textContent).toContain("正在校验大表.xlsx…");
    await user.click(screen.getByRole("button", { name: "取消" }));
    expect(signal!.aborted).toBe(true);
    expect(await screen.findByText("已取消读取大表.xlsx")).toBeTruthy();
    expect(port.read).not.toHaveBeenCalled();
    expect(validate).not.toHaveBeenCalled();
  });

  it("shows the worker's findings when it is done", async () => {
    const user = userEvent.setup();
    const port: FileWorkbookPort = { read: jest.fn(), report: jest.fn(), check: jest.fn(async () => RESULT) };
    renderWith(<StandalonePane filePort={port} validate={jest.fn()} fetchBytes={jest.fn()} templates={TEMPLATES} />);
    await user.upload(screen.getByLabelText("选择.xlsx文件") as HTMLInputElement, xlsxFile("表.xlsx"));
    expect(await screen.findByRole("heading", { name: "违规（2）" })).toBeTruthy();
    expect(port.read).not.toHaveBeenCalled();
  });
});
