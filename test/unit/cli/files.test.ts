import { mkdirSync, writeFileSync } from "fs";
import { join } from "path";
import { displayName, expandInputs, globToRegExp } from "../../../src/cli/files";
import { tempDir } from "../xlsx/helpers";

const tmp = tempDir("govcheck-files-");
afterAll(() => tmp.remove());

beforeAll(() => {
  for (const f of ["a.xlsx", "b.XLSX", "~$a.xlsx", "notes.txt", "old.xls", "报表.et", "附件.docx", "macro.xlsm", "sub/c.xlsx", "sub/deep/d.xlsx", "sub/deep/~$d.xlsx", "other/e.xlsx", "node_modules/x.xlsx"]) {
    mkdirSync(join(tmp.dir, f, ".."), { recursive: true });
    writeFileSync(join(tmp.dir, f), "");
  }
});

const rel = (files: string[]) => files.map((f) => displayName(f, tmp.dir));

describe("globToRegExp", () => {
  it.each([
    ["*.xlsx", "a.xlsx", true], ["*.xlsx", "sub/a.xlsx", false], ["**/*.xlsx", "a.xlsx", true],
    ["**/*.xlsx", "sub/deep/a.xlsx", true], ["sub/**", "sub/deep/a.xlsx", true], ["?.xlsx", "ab.xlsx", false],
    ["?.xlsx", "a.xlsx", true], ["a+(1).xlsx", "a+(1).xlsx", true], ["*.xlsx", "a.xlsx.bak", false],
  ])("%s matches %s: %s", (glob, path, expected) => {
    expect(globToRegExp(glob).test(path)).toBe(expected);
  });
});

describe("expandInputs", () => {
  it("searches folders recursively for spreadsheets (an old .xls or a WPS .et too: reported, never passed over), skipping lock files", async () => {
    const { files, missing } = await expandInputs(["."], tmp.dir);
    expect(rel(files)).toEqual(["a.xlsx", "b.XLSX", "macro.xlsm", "old.xls", "other/e.xlsx", "sub/c.xlsx", "sub/deep/d.xlsx", "报表.et"]);
    expect(missing).toEqual([]);
  });

  it("expands * ** and ?", async () => {
    // a glob is case-sensitive, like the shell's; a folder search takes .XLSX too
    expect(rel((await expandInputs(["*.xlsx"], tmp.dir)).files)).toEqual(["a.xlsx"]);
    expect(rel((await expandInputs(["sub/**/*.xlsx"], tmp.dir)).files)).toEqual(["sub/c.xlsx", "sub/deep/d.xlsx"]);
    expect(rel((await expandInputs(["s?b/*.xlsx"], tmp.dir)).files)).toEqual(["sub/c.xlsx"]);
    expect(rel((await expandInputs(["*/"], tmp.dir)).files)).toEqual(["other/e.xlsx", "sub/c.xlsx", "sub/deep/d.xlsx"]);
  });

  it("keeps explicit files whatever their extension, once each, and reports empty globs", async () => {
    const { files, missing } = await expandInputs(["old.xls", "a.xlsx", "./a.xlsx", "nothing*.xlsx", "gone.xlsx"], tmp.dir);
    expect(rel(files)).toEqual(["old.xls", "a.xlsx", "gone.xlsx"]);
    expect(missing).toEqual(["nothing*.xlsx"]);
  });
});
