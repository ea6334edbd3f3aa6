/** @jest-environment jsdom */
/**
 * Issue 9 in the pane: a late Office.onReady switches to Excel mode (item 4); what the host lacks is
 * hidden or degraded and said in Chinese (item 2, 10); read notes and protected sheets reach the
 * clerk (items 1, 5).
 */
import { act, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { bootPane } from "../../../src/taskpane/boot";
import type { HostInfo } from "../../../src/office/ready";
import { ValidateTab } from "../../../src/taskpane/components/ValidateTab";
import { TemplatesTab } from "../../../src/taskpane/components/TemplatesTab";
import { FunctionsTab } from "../../../src/taskpane/components/FunctionsTab";
import { hostEnUS, hostZhCN } from "../../../src/taskpane/hostMessages";
import type { FileWorkbookPort } from "../../../src/taskpane/types";
import { RESULT, TEMPLATES, fakePort, renderWith } from "./fakes";

jest.setTimeout(60_000);

const OLD_EXCEL = { mergedCells: false, markCells: false, nativeTemplateInsert: false, customFunctions: false };

describe("boot: Office answering late", () => {
  test("standalone first, then the Excel pane when Office reports Excel", async () => {
    let report!: (h: HostInfo) => void;
    const container = document.body.appendChild(document.createElement("div"));
    const port = fakePort();
    const filePort: FileWorkbookPort = { read: jest.fn(), report: jest.fn() };
    let stop!: () => void;
    act(() => {
      stop = bootPane(container, {
        validate: () => RESULT, templates: TEMPLATES, fetchJson: async () => ({ functions: [] }), fetchBytes: async () => new ArrayBuffer(0),
        createPort: () => port, createFilePort: () => filePort, search: "",
        watch: (onHost) => { report = onHost; return () => undefined; },
      });
    });
    expect(container.textContent).toBe("正在连接 Excel…");
    await act(async () => report({ excel: false, displayLanguage: null }));
    // standalone: the same tabs, 校验 being the file checker (its own chunk)
    expect(await screen.findByRole("heading", { name: "离线校验（浏览器模式）" })).toBeTruthy();
    expect(screen.getByRole("tab", { name: "校验" })).toBeTruthy();
    expect(screen.queryByRole("button", { name: "校验当前工作表" })).toBeNull();
    await act(async () => report({ excel: true, displayLanguage: "zh-CN" }));
    expect(await screen.findByRole("button", { name: "校验当前工作表" })).toBeTruthy();
    expect(screen.getByRole("tab", { name: "校验" })).toBeTruthy();
    expect(screen.queryByRole("heading", { name: "离线校验（浏览器模式）" })).toBeNull();
    act(() => stop());
  });
});

describe("older Excel: features hidden or degraded, with the reason in Chinese", () => {
  test("no marking on ExcelApi below 1.9: the buttons are gone and the pane says why", async () => {
    const port = fakePort({ features: OLD_EXCEL });
    renderWith(<ValidateTab port={port} validate={() => RESULT} templates={TEMPLATES} />);
    expect(screen.queryByRole("button", { name: "标注问题单元格" })).toBeNull();
    expect(screen.queryByRole("button", { name: "清除标注" })).toBeNull();
    expect(screen.getByText(hostZhCN.markUnsupported)).toBeTruthy();
  });

  test("read notes (merges not read) are shown after validating", async () => {
    const user = userEvent.setup();
    const port = fakePort({
      readAllSheets: jest.fn(async () => ({
        sheets: [{ name: "评分表", rows: [["单位"]] }],
        notes: [{ kind: "merges-too-many" as const, sheet: "评分表" }, { kind: "merges-unsupported" as const }],
      })),
    });
    renderWith(<ValidateTab port={port} validate={() => RESULT} templates={TEMPLATES} />);
    await user.click(screen.getByRole("button", { name: "校验全部" }));
    expect(await screen.findByText("工作表“评分表”的合并单元格超过 Excel 一次可读取的数量，已按未合并读取；表头识别可能受影响。")).toBeTruthy();
    expect(screen.getByText(hostZhCN.mergesUnsupported)).toBeTruthy();
  });

  test("protected sheets skipped by marking are named in a warning", async () => {
    const user = userEvent.setup();
    const port = fakePort({ highlight: jest.fn(async () => ({ marked: 2, protectedSheets: ["汇总", "附表"] })) });
    renderWith(<ValidateTab port={port} validate={() => RESULT} templates={TEMPLATES} />);
    await user.click(screen.getByRole("button", { name: "校验当前工作表" }));
    await screen.findByRole("heading", { name: /违规/ });
    await user.click(screen.getByRole("button", { name: "标注问题单元格" }));
    await waitFor(() => expect(screen.getByRole("alert").textContent)
      .toBe("已标注2个单元格。工作表“汇总”、“附表”受保护，未标注；撤销保护后可重新标注。"));
  });

  test("templates are written cell by cell: said before and after inserting", async () => {
    const user = userEvent.setup();
    const port = fakePort({ features: OLD_EXCEL, insertTemplate: jest.fn(async () => ({ byCells: true })) });
    renderWith(<TemplatesTab port={port} fetchBytes={async () => new ArrayBuffer(4)} templates={TEMPLATES} />);
    expect(screen.getByText(hostZhCN.templateByCellsAhead)).toBeTruthy();
    await user.click(screen.getByRole("button", { name: `插入示例 ${TEMPLATES[0].title}` }));
    expect(await screen.findByText(`已插入“${TEMPLATES[0].title}”。${hostZhCN.templateByCells}`)).toBeTruthy();
  });

  test("no custom functions (Excel 2016/2019): the list stays, without insert buttons, with the reason", async () => {
    const port = fakePort({ features: OLD_EXCEL });
    const json = { functions: [{ id: "TRIP_DAYS", name: "TRIP_DAYS", description: "在外天数", parameters: [] }] };
    renderWith(<FunctionsTab port={port} fetchJson={async () => json} />);
    expect(await screen.findByText(hostZhCN.functionsUnsupported)).toBeTruthy();
    expect(screen.getByRole("listitem", { name: "GOV.TRIP_DAYS" })).toBeTruthy();
    expect(screen.queryByRole("button", { name: /插入/ })).toBeNull();
  });
});

describe("host messages", () => {
  const all = (h: typeof hostZhCN, a: string, b: string) => [
    h.mergesTooMany(a), h.mergesUnsupported, h.markUnsupported, h.markSkippedProtected([a, b]), h.clearKeptProtected([a, b]),
    h.templateByCellsAhead, h.templateByCells, h.functionsUnsupported,
  ];

  test("Chinese text uses full-width punctuation beside Chinese characters", () => {
    const cjk = "[\\u4e00-\\u9fff“”]";
    const bad = new RegExp(`${cjk}[,:;()!]|[,:;()!]${cjk}`);
    for (const text of all(hostZhCN, "汇总", "附表")) expect(text).not.toMatch(bad);
  });

  test("both languages have every message", () => {
    expect(Object.keys(hostEnUS).sort()).toEqual(Object.keys(hostZhCN).sort());
    expect(all(hostZhCN, "a", "b")).toHaveLength(Object.keys(hostZhCN).length);
    for (const text of all(hostEnUS, "Sheet1", "Sheet2")) expect(text).not.toMatch(/[\u4e00-\u9fff]/);
  });
});
