/** @jest-environment jsdom */
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { FindingsList, FINDINGS_PAGE } from "../../../src/taskpane/components/FindingsList";
import { FINDINGS, finding, renderWith } from "./fakes";
import { enUS } from "../../../src/i18n/en-US";

describe("FindingsList", () => {
  test("groups by severity with counts, each finding showing cell, message and clause", () => {
    renderWith(<FindingsList findings={FINDINGS} />);
    expect(screen.getByRole("heading", { name: "违规（2）" })).toBeTruthy();
    expect(screen.getByRole("heading", { name: "需说明（1）" })).toBeTruthy();
    expect(screen.getByRole("heading", { name: "提示（1）" })).toBeTruthy();
    const errors = screen.getByRole("region", { name: "违规（2）" });
    const items = within(errors).getAllByRole("button");
    expect(items).toHaveLength(2);
    expect(items[0].textContent).toContain("F7");
    expect(items[0].textContent).toContain("满分14分，填报16分");
    expect(items[0].textContent).toContain("深办〔2003〕36号 二（二）");
    expect(items[0].textContent).toContain("应为14");
    expect(items[1].textContent).toContain("D9");
  });

  test("the severity filter shows one group at a time", async () => {
    const user = userEvent.setup();
    renderWith(<FindingsList findings={FINDINGS} />);
    const filters = screen.getByRole("group", { name: "按严重程度筛选" });
    expect(within(filters).getByRole("button", { name: "全部（4）" }).getAttribute("aria-pressed")).toBe("true");
    await user.click(within(filters).getByRole("button", { name: "需说明（1）" }));
    expect(within(filters).getByRole("button", { name: "需说明（1）" }).getAttribute("aria-pressed")).toBe("true");
    expect(screen.queryByRole("heading", { name: "违规（2）" })).toBeNull();
    expect(screen.getByRole("button", { name: /K12/ })).toBeTruthy();
    expect(screen.queryByRole("button", { name: /F7/ })).toBeNull();
    await user.click(within(filters).getByRole("button", { name: "全部（4）" }));
    expect(screen.getByRole("button", { name: /F7/ })).toBeTruthy();
  });

  test("clicking a finding selects it and reports it", async () => {
    const user = userEvent.setup();
    const onSelect = jest.fn();
    renderWith(<FindingsList findings={FINDINGS} onSelect={onSelect} />);
    await user.click(screen.getByRole("button", { name: /D9/ }));
    expect(onSelect).toHaveBeenCalledWith(FINDINGS[1]);
    expect(screen.getByRole("button", { name: /D9/ }).getAttribute("aria-current")).toBe("true");
    expect(screen.getByRole("status").textContent).toContain("评分表!D9");
  });

  test("several sheets: cells carry their sheet name", () => {
    renderWith(<FindingsList findings={[finding({ cell: "B3", severity: "error", sheet: "2024" })]} showSheet />);
    expect(screen.getByRole("button", { name: /2024!B3/ })).toBeTruthy();
  });

  test("no findings: says so", () => {
    renderWith(<FindingsList findings={[]} />);
    expect(screen.getByText("未发现问题。")).toBeTruthy();
  });

  test("a long list is paged, not rendered at once", async () => {
    const user = userEvent.setup();
    const many = Array.from({ length: FINDINGS_PAGE + 5 }, (_, i) => finding({ cell: `B${i + 2}`, severity: "error" }));
    renderWith(<FindingsList findings={many} />);
    // hidden: true skips jsdom's slow visibility computation over hundreds of items
    const group = screen.getByRole("region", { name: `违规（${many.length}）`, hidden: true });
    expect(within(group).getAllByRole("listitem", { hidden: true })).toHaveLength(FINDINGS_PAGE);
    await user.click(screen.getByText("再显示5条"));
    expect(within(group).getAllByRole("listitem", { hidden: true })).toHaveLength(many.length);
  }, 60_000);

  test("English labels when Office is English", () => {
    renderWith(<FindingsList findings={FINDINGS} />, enUS);
    expect(screen.getByRole("heading", { name: "Error (2)" })).toBeTruthy();
    expect(screen.getByRole("group", { name: "Filter by severity" })).toBeTruthy();
  });
});
