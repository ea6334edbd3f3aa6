/** @jest-environment jsdom */
import { screen, waitFor, within } from "@testing-library/react";
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

  test("a long list is paged, not rendered at once, and says how many remain", async () => {
    const user = userEvent.setup();
    // each of another check: no group, one row each
    const many = Array.from({ length: FINDINGS_PAGE + 5 }, (_, i) => finding({ cell: `B${i + 2}`, severity: "error", check: `c${i}` }));
    renderWith(<FindingsList findings={many} />);
    // hidden: true skips jsdom's slow visibility computation over hundreds of items
    const group = screen.getByRole("region", { name: `违规（${many.length}）`, hidden: true });
    expect(within(group).getAllByRole("listitem", { hidden: true })).toHaveLength(FINDINGS_PAGE);
    expect(within(group).getByText("还有5条未显示")).toBeTruthy();
    await user.click(screen.getByText("再显示5条"));
    expect(within(group).getAllByRole("listitem", { hidden: true })).toHaveLength(many.length);
    expect(within(group).queryByText(/还有\d+条未显示/)).toBeNull();
  }, 60_000);

  test("English labels when Office is English", () => {
    renderWith(<FindingsList findings={FINDINGS} />, enUS);
    expect(screen.getByRole("heading", { name: "Error (2)" })).toBeTruthy();
    expect(screen.getByRole("group", { name: "Filter by severity" })).toBeTruthy();
  });

  describe("groups: many findings of one check and one message", () => {
    const unlisted = (row: number) => finding({
      cell: `B${row}`, severity: "info", rule: "PET-CAT", check: "unit-category", messageId: "unlisted", clause: "深办〔2003〕36号 一",
      message: `“第${row}考核单位”不在办法一所列A、B、C类单位中（信访工作量小的单位不列入考核范围），请核对分类`,
    });
    const N = 100_000;
    const rows = Array.from({ length: N }, (_, i) => unlisted(i + 4));
    const all = [FINDINGS[0], ...rows];

    test("100 000 of one shape are one collapsed row with count and range; the counts stay counts of findings", async () => {
      renderWith(<FindingsList findings={all} />);
      // arranged in steps after it arrives: a moment's notice, then the list
      expect(screen.getByRole("status").textContent).toBe("正在整理校验结果…");
      const info = await screen.findByRole("region", { name: `提示（${N}）`, hidden: true });
      const head = within(info).getByRole("button", { name: /共100000处/, hidden: true });
      expect(head.getAttribute("aria-expanded")).toBe("false");
      expect(head.textContent).toContain(`B4:B${N + 3}`);
      // the messages' common text at once, the catalogue's shape once its chunk is loaded
      expect(head.textContent).toMatch(/“(第…考核单位|…)”不在办法一所列A、B、C类单位中/);
      await waitFor(() => expect(head.textContent).toContain("“…”不在办法一所列A、B、C类单位中"));
      expect(head.textContent).toContain("规则：PET-CAT");
      // one row, not 100 000
      expect(within(info).getAllByRole("listitem", { hidden: true })).toHaveLength(1);
      const filters = screen.getByRole("group", { name: "按严重程度筛选" });
      expect(within(filters).getByRole("button", { name: `全部（${N + 1}）` })).toBeTruthy();
    }, 60_000);

    test("expanded, the members page 200 at a time, saying how many remain; a member selects its cell", async () => {
      const user = userEvent.setup();
      const onSelect = jest.fn();
      renderWith(<FindingsList findings={all} onSelect={onSelect} />);
      const head = await screen.findByRole("button", { name: /共100000处/, hidden: true });
      await user.click(head);
      expect(head.getAttribute("aria-expanded")).toBe("true");
      const members = document.getElementById(head.getAttribute("aria-controls")!)!;
      expect(members.querySelectorAll(":scope > li")).toHaveLength(FINDINGS_PAGE);
      expect(screen.getByText(`还有${N - FINDINGS_PAGE}条未显示`)).toBeTruthy();
      await user.click(screen.getByText(`再显示${FINDINGS_PAGE}条`));
      expect(members.querySelectorAll(":scope > li")).toHaveLength(2 * FINDINGS_PAGE);
      expect(screen.getByText(`还有${N - 2 * FINDINGS_PAGE}条未显示`)).toBeTruthy();
      await user.click(within(members).getByText(/“第9考核单位”/).closest("button")!);
      expect(onSelect).toHaveBeenCalledWith(rows[5]);
      expect(screen.getByRole("status").textContent).toContain("评分表!B9");
      await user.click(head);
      expect(head.getAttribute("aria-expanded")).toBe("false");
      expect(screen.queryByText(/还有\d+条未显示/)).toBeNull();
    }, 60_000);

    test("a few of one shape stay single rows", () => {
      renderWith(<FindingsList findings={rows.slice(0, 9)} />);
      expect(screen.queryByRole("button", { name: /共\d+处/ })).toBeNull();
      expect(screen.getAllByRole("button", { name: /不在办法一所列/ })).toHaveLength(9);
    });
  });

  describe("consequences folded under their root", () => {
    const root = finding({ cell: "C9", severity: "error", rule: "PET-CAT", check: "unit-category", messageId: "otherCategory", message: "“市公安局”在办法一中列为B类，填报为C类" });
    const c1 = finding({ cell: "D9", severity: "error", message: "市公安局：C类“信访领导工作”满分16分，填报17分", causedBy: "C9" });
    const c2 = finding({ cell: "M9", severity: "warning", check: "percent", messageId: "wrongPercent", message: "市公安局：C类满分80分，合计84分折算百分制应为105", causedBy: "C9" });
    const findings = [root, c1, c2, FINDINGS[2]];

    test("collapsed by default; the totals and headings count roots only and say how many more follow", () => {
      renderWith(<FindingsList findings={findings} />);
      const filters = screen.getByRole("group", { name: "按严重程度筛选" });
      expect(within(filters).getByRole("button", { name: "全部（2）" })).toBeTruthy();
      expect(within(filters).getByRole("button", { name: "违规（1）" })).toBeTruthy();
      expect(within(filters).getByRole("button", { name: "需说明（1）" })).toBeTruthy();
      expect(screen.getByRole("heading", { name: "违规（1）" })).toBeTruthy();
      expect(screen.getByText("另有2条连带问题，折叠在引起它们的问题之下，不计入以上数目。")).toBeTruthy();
      const toggle = screen.getByRole("button", { name: /连带问题2条/ });
      expect(toggle.getAttribute("aria-expanded")).toBe("false");
      expect(screen.queryByRole("button", { name: /D9/ })).toBeNull();
    });

    test("expanded, each consequence is tagged 连带 and selects its cell", async () => {
      const user = userEvent.setup();
      const onSelect = jest.fn();
      renderWith(<FindingsList findings={findings} onSelect={onSelect} />);
      const toggle = screen.getByRole("button", { name: /连带问题2条/ });
      await user.click(toggle);
      expect(toggle.getAttribute("aria-expanded")).toBe("true");
      const list = document.getElementById(toggle.getAttribute("aria-controls")!)!;
      const items = within(list).getAllByRole("button");
      expect(items.map((b) => b.textContent?.slice(0, 4))).toEqual(["D9连带", "M9连带"]);
      // a consequence of a 违规 stays under it even when it is a 需说明 itself
      expect(within(screen.getByRole("region", { name: "需说明（1）" })).queryByText(/百分制/)).toBeNull();
      await user.click(items[1]);
      expect(onSelect).toHaveBeenCalledWith(c2);
      expect(items[1].getAttribute("aria-current")).toBe("true");
      await user.click(toggle);
      expect(screen.queryByRole("button", { name: /M9/ })).toBeNull();
    });

    test("a consequence whose root is not in the list stands as a root", () => {
      renderWith(<FindingsList findings={[c1]} />);
      expect(screen.getByRole("heading", { name: "违规（1）" })).toBeTruthy();
      expect(screen.getByRole("button", { name: /D9/ })).toBeTruthy();
    });

    test("English labels", () => {
      renderWith(<FindingsList findings={findings} />, enUS);
      expect(screen.getByRole("button", { name: /2 consequential findings/ })).toBeTruthy();
    });
  });
});
