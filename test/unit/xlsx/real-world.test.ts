/**
 * test/fixtures/real-world: the same small workbook as other programs write it — by the
 * fixtures' generator (make.ts: ClosedXML-style prefixes, odd part names, a workbook outside xl/,
 * absolute targets, inline strings without r attributes, t="d" dates, 1904, UTF-16, rich text
 * with phonetic runs, zh-CN built-in and WPS-style date formats, Strict relationships) and by
 * LibreOffice and openpyxl themselves. Every file must read to the cells of make.ts's CONTENT,
 * with both entries of the reader, in this process and under TZ=Asia/Shanghai and TZ=UTC.
 */
import { spawnSync } from "child_process";
import { readFileSync, readdirSync } from "fs";
import { join, resolve } from "path";
import type { CellValue } from "../../../src/core/input/coerce";
import type { SheetSnapshot } from "../../../src/core/validate/snapshot";
import { readWorkbookBuffer, readWorkbookFile } from "../../../src/xlsx/read";
import { CONTENT, VARIANTS } from "../../fixtures/real-world/make";

jest.setTimeout(120_000);

const root = resolve(__dirname, "../../..");
const dir = join(root, "test", "fixtures", "real-world");
const files = readdirSync(dir).filter((f) => f.endsWith(".xlsx")).sort();

/** CONTENT as the snapshot must hold it, written out independently of the reader. */
function expected(): SheetSnapshot[] {
  const A = (ref: string) => ref.charCodeAt(0) - 65;
  return CONTENT.map((s) => {
    const rows: CellValue[][] = s.rows.map((row) => row.map((c): CellValue => {
      if (c === null) return null;
      if ("s" in c) return c.s;
      if ("rich" in c) return c.rich.map((r) => r[0]).join("");
      if ("b" in c) return c.b;
      if ("e" in c) return { kind: "error", code: c.e };
      if (c.fmt === "time") return c.n;
      if (c.fmt) return { kind: "date", serial: Math.floor(c.n) };
      return c.n;
    }));
    const sheet: SheetSnapshot = { name: s.name, rows };
    if (s.merges.length) {
      sheet.merges = s.merges.map((m) => {
        const [a, b] = m.split(":");
        return { top: Number(a.slice(1)) - 1, left: A(a), bottom: Number(b.slice(1)) - 1, right: A(b) };
      });
    }
    return sheet;
  });
}

describe("real-world fixtures", () => {
  it("include every hand-made variant and the files LibreOffice and openpyxl wrote", () => {
    for (const v of Object.keys(VARIANTS)) expect(files).toContain(`${v}.xlsx`);
    expect(files).toEqual(expect.arrayContaining(["libreoffice.xlsx", "openpyxl.xlsx", "openpyxl-iso-dates.xlsx"]));
  });

  it("the expected cells have a time of day and a time-only cell to lose, and dates to shift", () => {
    // the content is only a test if it can fail: a date-time (45390.5), a time (0.5), 1904 shifts
    expect(JSON.stringify(CONTENT)).toContain("45390.5");
    expect(expected()[0].rows[2][2]).toEqual({ kind: "date", serial: 45390 });
    expect(expected()[0].rows[4][3]).toBe(0.5);
  });

  it.each(files)("%s reads to the plain cells (file and buffer entries)", async (f) => {
    const want = expected();
    const a = await readWorkbookFile(join(dir, f));
    const b = await readWorkbookBuffer(readFileSync(join(dir, f)));
    expect(a.sheets).toEqual(want);
    expect(b.sheets).toEqual(want);
  });

  it.each(["Asia/Shanghai", "UTC", "America/Los_Angeles"])("read the same under TZ=%s (a child process)", (tz) => {
    const r = spawnSync(process.execPath, [join(root, "scripts", "run-ts.js"), join(root, "test", "support", "read-real-world.ts")], {
      cwd: root, encoding: "utf8", env: { ...process.env, TZ: tz }, maxBuffer: 64 * 1024 * 1024,
    });
    expect(r.stderr).toBe("");
    const out = JSON.parse(r.stdout) as { tz: string; offsetMinutes: number; files: Record<string, [SheetSnapshot[], SheetSnapshot[]]> };
    // the child really ran in that zone
    expect(out.offsetMinutes).toBe({ "Asia/Shanghai": -480, UTC: 0, "America/Los_Angeles": 420 }[tz]);
    expect(Object.keys(out.files)).toEqual(files);
    const want = expected();
    for (const f of files) {
      expect([f, out.files[f][0]]).toEqual([f, want]);
      expect([f, out.files[f][1]]).toEqual([f, want]);
    }
  });
});
