import { Progress, PROGRESS_MIN_BYTES, PROGRESS_MIN_FILES, wantsProgress } from "../../../src/cli/progress";

/** the escape that starts an ANSI control sequence */
const ESC = "\u001b";

describe("progress bar", () => {
  it("shows only on a terminal, for many or large files", () => {
    expect(wantsProgress({ isTTY: false, write: () => true }, 100, 1e9)).toBe(false);
    expect(wantsProgress({ isTTY: true, write: () => true }, PROGRESS_MIN_FILES - 1, PROGRESS_MIN_BYTES - 1)).toBe(false);
    expect(wantsProgress({ isTTY: true, write: () => true }, PROGRESS_MIN_FILES, 0)).toBe(true);
    expect(wantsProgress({ isTTY: true, write: () => true }, 1, PROGRESS_MIN_BYTES)).toBe(true);
  });

  it("draws one line within the terminal width and clears it", () => {
    const out: string[] = [];
    const p = new Progress({ isTTY: true, columns: 44, write: (s) => out.push(s) });
    p.update(3, 6, "很长很长很长很长的文件名.xlsx");
    expect(out[0].startsWith(`\r${ESC}[2K校验中 [##########..........] 3/6 很长`)).toBe(true);
    // 44 columns: the name is cut so the line never wraps
    expect(out[0]).not.toContain(".xlsx");
    expect(out[0].includes("\n")).toBe(false);
    p.clear();
    expect(out[1]).toBe(`\r${ESC}[2K`);
    p.clear();
    expect(out).toHaveLength(2);
  });
});
