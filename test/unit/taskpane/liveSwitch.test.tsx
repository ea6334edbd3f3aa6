/** @jest-environment jsdom */
/**
 * The 立即校验 switch in the 校验 tab: it shows the runtime's checker (src/office/live.ts), here a
 * plain fake; the checker resumes at startup (boot), not when the pane mounts.
 */
import { act, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { ValidateTab } from "../../../src/taskpane/components/ValidateTab";
import { bootPane } from "../../../src/taskpane/boot";
import type { HostInfo } from "../../../src/office/ready";
import type { LiveChecker, LiveState } from "../../../src/office/live";
import { FINDINGS, RESULT, TEMPLATES, fakePort, renderWith } from "./fakes";

jest.setTimeout(60_000);

function fakeLive(initial: Partial<LiveState> = {}) {
  let state: LiveState = { available: true, on: false, note: null, findings: [], sheets: [], last: null, ...initial };
  const listeners = new Set<() => void>();
  const set = (patch: Partial<LiveState>) => {
    state = { ...state, ...patch };
    listeners.forEach((l) => l());
  };
  const live: jest.Mocked<LiveChecker> = {
    getState: jest.fn(() => state),
    subscribe: jest.fn((l: () => void) => { listeners.add(l); return () => { listeners.delete(l); }; }),
    setOn: jest.fn(async (on: boolean) => set({ on })),
    restore: jest.fn(async () => undefined),
    whenIdle: jest.fn(async () => undefined),
  };
  return { live, set };
}

describe("立即校验 switch", () => {
  test("off by default; turning it on asks the runtime's checker; live findings appear as they come", async () => {
    const user = userEvent.setup();
    const { live, set } = fakeLive();
    const port = fakePort({ live });
    renderWith(<ValidateTab port={port} validate={() => RESULT} templates={TEMPLATES} />);
    const sw = screen.getByRole("switch", { name: "立即校验" });
    expect((sw as HTMLInputElement).checked).toBe(false);
    expect(screen.getByText(/每次修改单元格都立即校验/)).toBeTruthy();
    await user.click(sw);
    expect(live.setOn).toHaveBeenCalledWith(true);
    expect((sw as HTMLInputElement).checked).toBe(true);
    act(() => set({ findings: FINDINGS, sheets: RESULT.sheets.slice(0, 1), last: { findingsMs: 40, validateMs: 12, totalMs: 95.4, rowsRead: 1, fullRead: false } }));
    expect(screen.getByRole("heading", { name: "立即校验结果" })).toBeTruthy();
    expect(screen.getByText("立即校验：4个问题，最近一次用时95毫秒。")).toBeTruthy();
    await user.click(await screen.findByRole("button", { name: /K12/ }));
    expect(port.selectCell).toHaveBeenCalledWith("评分表", "K12");
    await user.click(sw);
    expect(live.setOn).toHaveBeenLastCalledWith(false);
  });

  test("a pane opened again shows what the runtime's checker found while it was closed", async () => {
    const { live, set } = fakeLive({ on: true });
    const first = renderWith(<ValidateTab port={fakePort({ live })} validate={() => RESULT} templates={TEMPLATES} />);
    first.unmount();
    // edits while the pane is closed: the checker in the runtime goes on
    set({ findings: FINDINGS.slice(0, 2), sheets: RESULT.sheets.slice(0, 1), last: { findingsMs: 30, validateMs: 10, totalMs: 61, rowsRead: 1, fullRead: false } });
    renderWith(<ValidateTab port={fakePort({ live })} validate={() => RESULT} templates={TEMPLATES} />);
    expect((screen.getByRole("switch", { name: "立即校验" }) as HTMLInputElement).checked).toBe(true);
    expect(screen.getByText("立即校验：2个问题，最近一次用时61毫秒。")).toBeTruthy();
    expect(await screen.findByRole("button", { name: /F7/ })).toBeTruthy();
    expect(live.setOn).not.toHaveBeenCalled();
    expect(live.restore).not.toHaveBeenCalled();
  });

  test("turned off by a protected sheet: the note says why, in Chinese", () => {
    const { live } = fakeLive({ note: { kind: "protected", sheet: "评分表" } });
    renderWith(<ValidateTab port={fakePort({ live })} validate={() => RESULT} templates={TEMPLATES} />);
    expect(screen.getByText("工作表“评分表”受保护，无法标注，立即校验已关闭；撤销保护后可重新开启。")).toBeTruthy();
  });

  test("without worksheet events (ExcelApi below 1.7) the switch is disabled with the reason", () => {
    const { live } = fakeLive({ available: false, note: { kind: "unsupported" } });
    renderWith(<ValidateTab port={fakePort({ live })} validate={() => RESULT} templates={TEMPLATES} />);
    expect((screen.getByRole("switch", { name: "立即校验" }) as HTMLInputElement).disabled).toBe(true);
    expect(screen.getByText(/不支持工作表更改事件/)).toBeTruthy();
  });

  test("no checker, no switch", () => {
    renderWith(<ValidateTab port={fakePort()} validate={() => RESULT} templates={TEMPLATES} />);
    expect(screen.queryByRole("switch")).toBeNull();
  });

  test("the runtime's startup resumes it, once, when Excel is reported", async () => {
    const { live } = fakeLive();
    let report!: (h: HostInfo) => void;
    const container = document.body.appendChild(document.createElement("div"));
    let stop!: () => void;
    act(() => {
      stop = bootPane(container, {
        validate: () => RESULT, templates: TEMPLATES, fetchJson: async () => ({ functions: [] }), fetchBytes: async () => new ArrayBuffer(0),
        createPort: () => fakePort({ live }), createFilePort: () => ({ read: jest.fn(), report: jest.fn() }), search: "",
        watch: (onHost) => { report = onHost; return () => undefined; },
      });
    });
    await act(async () => report({ excel: false, displayLanguage: null }));
    expect(live.restore).not.toHaveBeenCalled();
    await act(async () => report({ excel: true, displayLanguage: "zh-CN" }));
    expect(live.restore).toHaveBeenCalledTimes(1);
    expect(await screen.findByRole("switch", { name: "立即校验" })).toBeTruthy();
    act(() => stop());
  });
});
