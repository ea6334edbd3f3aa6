/**
 * Issue 10, "Done when": our sample and acceptance workbooks as other programs save them
 * (test/fixtures/resaved: LibreOffice, Gnumeric, openpyxl, XlsxWriter, SheetJS twice) give the
 * same findings as the originals — same sheets recognised, same rows, same cells, same messages —
 * in this process and under TZ=Asia/Shanghai and TZ=UTC.
 */
import { spawnSync } from "child_process";
import { existsSync, readFileSync } from "fs";
import JSZip from "jszip";
import { basename, join, resolve } from "path";
import { originals, WRITERS } from "../../fixtures/resaved/make";
import { RESAVED, findingLines } from "../../support/resaved-findings";

jest.setTimeout(180_000);

const root = resolve(__dirname, "../../..");
const names = originals().map((o) => basename(o));
const pairs = WRITERS.flatMap((w) => originals().map((o) => [w, basename(o), o] as const));

describe("workbooks re-saved by other programs", () => {
  it("the corpus holds every original from every writer, and the originals have findings to lose", async () => {
    expect(names.length).toBeGreaterThanOrEqual(14);
    for (const [w, n] of pairs) expect([w, n, existsSync(join(RESAVED, w, n))]).toEqual([w, n, true]);
    // a comparison is only a test if there is something to differ: every dirty original has errors
    for (const o of originals().filter((f) => /dirty|errors/.test(f))) {
      expect([basename(o), (await findingLines(o)).some((l) => / error /.test(l))]).toEqual([basename(o), true]);
    }
  });

  it("the copies are what those programs write, not our own files again", async () => {
    const part = async (w: string, n: string, p: string) => (await JSZip.loadAsync(readFileSync(join(RESAVED, w, n)))).file(p)!.async("string");
    expect(await part("libreoffice", "trip.xlsx", "docProps/app.xml")).toMatch(/LibreOffice/);
    expect(await part("gnumeric", "trip.xlsx", "docProps/app.xml")).toMatch(/<Application>gnumeric</);
    // Gnumeric writes its text inline, indented, and a styled row's empty cells to the sheet's last column
    expect(await part("gnumeric", "trip.xlsx", "xl/worksheets/sheet1.xml")).toMatch(/<c r="A1" t="inlineStr">\s+<is>\s+<t>/);
    expect(await part("gnumeric", "eval-county-errors.xlsx", "xl/worksheets/sheet1.xml")).toMatch(/spans="1:16384"/);
    expect(await part("sheetjs", "trip.xlsx", "docProps/app.xml")).toMatch(/SheetJS/);
    // SheetJS without shared strings: text in the cell (t="str") and dates as ISO text (t="d")
    const inline = await part("sheetjs-inline", "trip-dirty.xlsx", "xl/worksheets/sheet1.xml");
    expect(inline).toMatch(/t="d"><v>\d{4}-\d\d-\d\dT/);
    expect(inline).toMatch(/t="str"/);
    expect(await part("xlsxwriter", "trip.xlsx", "xl/worksheets/sheet1.xml")).toMatch(/<c r="[A-Z]+\d+" s="\d+"><v>\d+<\/v><\/c>/);
  });

  it.each(pairs)("%s/%s: the same findings as the original, read as govcheck and as the pane read it", async (w, n, original) => {
    const want = await findingLines(original);
    expect(await findingLines(join(RESAVED, w, n))).toEqual(want);
    expect(await findingLines(join(RESAVED, w, n), "bytes")).toEqual(want);
  });

  it.each(["Asia/Shanghai", "UTC"])("the same under TZ=%s (a child process)", (tz) => {
    const r = spawnSync(process.execPath, [join(root, "scripts", "run-ts.js"), join(root, "test", "support", "resaved-findings.ts")], {
      cwd: root, encoding: "utf8", env: { ...process.env, TZ: tz }, maxBuffer: 64 * 1024 * 1024,
    });
    expect(r.stderr).toBe("");
    const out = JSON.parse(r.stdout) as { offsetMinutes: number; files: Record<string, string[]> };
    expect(out.offsetMinutes).toBe({ "Asia/Shanghai": -480, UTC: 0 }[tz]);
    for (const n of names) {
      const want = out.files[`original/${n}`];
      expect(want.length).toBeGreaterThan(0);
      for (const w of WRITERS) expect([w, n, out.files[`${w}/${n}`]]).toEqual([w, n, want]);
    }
  });
});
