/**
 * Both readers (govcheck's streaming file reader and the pane's in-memory reader) on crafted
 * files: each is refused with a one-line Chinese ReadError before anything large is inflated or
 * parsed, or read correctly.
 */
import { createHash, randomBytes } from "crypto";
import { writeFileSync } from "fs";
import { join } from "path";
import { ReadError, readWorkbookBuffer, readWorkbookFile, type ReadOptions } from "../../../src/xlsx/read";
import { XmlScanner, decodeText } from "../../../src/xlsx/scan";
import { tempDir } from "../xlsx/helpers";
import { ENTITY_PROLOGS, deflatedFiller, deflatedSandwich, parts, workbook, zipOf } from "./fixtures";

jest.setTimeout(60_000);
const tmp = tempDir("gov-hostile-read-");
afterAll(() => tmp.remove());

type Outcome = { ok: true; rows: unknown } | { ok: false; code: string; message: string };

async function outcome(read: () => Promise<{ sheets: { rows: unknown }[] }>): Promise<Outcome> {
  try {
    const s = await read();
    return { ok: true, rows: s.sheets.map((x) => x.rows) };
  } catch (e) {
    if (!(e instanceof ReadError)) throw e; // a raw exception fails the test
    return { ok: false, code: e.code, message: e.message };
  }
}

/** Reads `bytes` with both readers; both must agree on the outcome. */
async function readBoth(name: string, bytes: Uint8Array, opts: ReadOptions = {}): Promise<Outcome> {
  const file = join(tmp.dir, name.replace(/[^\w\u4e00-\u9fff.-]+/g, "_"));
  writeFileSync(file, bytes);
  const a = await outcome(() => readWorkbookFile(file, opts));
  const b = await outcome(() => readWorkbookBuffer(bytes, opts));
  // compared as a digest so that a failure does not print megabytes of cell text
  // (messages may differ in detail: the file reader can name the sheet whose XML is broken)
  const digest = (o: Outcome) => (o.ok ? `ok ${createHash("sha1").update(JSON.stringify(o.rows)).digest("hex")}` : o.code);
  expect(digest(b)).toBe(digest(a));
  if (!b.ok) {
    expect(b.message).toMatch(/[\u4e00-\u9fff]/);
    expect(b.message).not.toMatch(/[\r\n]/);
  }
  if (!a.ok) {
    expect(a.message).toMatch(/[\u4e00-\u9fff]/);
    expect(a.message).not.toMatch(/[\r\n]/);
  }
  return a;
}

test("the crafted baseline workbook reads the same with both readers", async () => {
  const r = await readBoth("ok.xlsx", workbook());
  expect(r).toEqual({ ok: true, rows: [[["姓名", "金额"], ["张三", 12.5]]] });
});

describe("XML entity tricks are refused, never expanded", () => {
  const cell = (text: string) => parts.sheet(`<row r="1"><c r="A1" t="inlineStr"><is><t>${text}</t></is></c></row>`);
  const cases: [string, () => Buffer][] = [
    ["billion laughs in a sheet", () => workbook({ sheet: cell("&lol9;").replace(/^[^]*?(?=<worksheet)/, ENTITY_PROLOGS.billionLaughs) })],
    ["billion laughs in shared strings", () => workbook({ sst: parts.sst("<si><t>&lol9;</t></si>", ENTITY_PROLOGS.billionLaughs) })],
    ["billion laughs in workbook.xml", () => workbook({ workbook: parts.workbook(ENTITY_PROLOGS.billionLaughs) })],
    ["external entity file:///etc/passwd in a sheet", () => workbook({ sheet: parts.sheet('<row r="1"><c r="A1" t="inlineStr"><is><t>&xxe;</t></is></c></row>', ENTITY_PROLOGS.externalFile) })],
    ["external entity in shared strings", () => workbook({ sst: parts.sst("<si><t>&xxe;</t></si>", ENTITY_PROLOGS.externalFile) })],
    ["external entity in workbook.xml", () => workbook({ workbook: parts.workbook(ENTITY_PROLOGS.externalFile) })],
    ["external DTD after a comment", () => workbook({ sheet: parts.sheet("", ENTITY_PROLOGS.externalDtd) })],
    ["parameter entity", () => workbook({ sst: parts.sst("<si><t>x</t></si>", ENTITY_PROLOGS.parameterEntity) })],
  ];
  it.each(cases)("%s", async (name, make) => {
    const r = await readBoth(`${name}.xlsx`, make());
    expect(r).toMatchObject({ ok: false, code: "badXml" });
    expect((r as { message: string }).message).toMatch(/XML实体声明/);
    expect(JSON.stringify(r)).not.toMatch(/root:|lollol/);
  });

  it("an entity reference without a DOCTYPE is a parse error, not an expansion", async () => {
    const r = await readBoth("undeclared.xlsx", workbook({ sheet: cell("&xxe;") }));
    expect(r).toMatchObject({ ok: false, code: "badXml" });
  });

  it("the scanner the reader uses expands no entity, DOCTYPE or not", () => {
    // proof independent of where the DOCTYPE sits: the scanner refuses it anywhere, and an entity
    // reference other than the five predefined ones is an error, never a lookup
    const texts: string[] = [];
    const handler = { open: () => undefined, close: () => undefined, text: (t: string) => void texts.push(decodeText(t, "x.xml")) };
    expect(() => new XmlScanner(handler, "x.xml").feed(`<a>${ENTITY_PROLOGS.billionLaughs}</a>`)).toThrow(/XML实体声明/);
    expect(() => new XmlScanner(handler, "x.xml").feed("<a>&lol9;</a>")).toThrow(ReadError);
    expect(texts.join("")).not.toContain("lol");
  });

  it("the standard five entities and character references still read", async () => {
    const r = await readBoth("amp.xlsx", workbook({ sheet: cell("A&amp;B &lt;&#x4E2D;&#25991;&gt;") }));
    expect(r).toEqual({ ok: true, rows: [[["A&B <中文>"]]] });
  });
});

/** Offset of the central-directory record of `name` in `zip`. */
function cdRecord(zip: Buffer, name: string): number {
  let o = zip.readUInt32LE(zip.length - 6);
  while (zip.readUInt32LE(o) === 0x02014b50) {
    const n = zip.readUInt16LE(o + 28);
    if (zip.toString("utf8", o + 46, o + 46 + n) === name) return o;
    o += 46 + n + zip.readUInt16LE(o + 30) + zip.readUInt16LE(o + 32);
  }
  throw new Error(`no ${name}`);
}

describe("broken and non-workbook files", () => {
  const good = workbook();
  const cases: [string, () => Uint8Array, string][] = [
    ["random bytes", () => randomBytes(64 * 1024), "notXlsx"],
    ["random bytes after a zip signature", () => Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), randomBytes(8192)]), "corrupt"],
    ["a zip cut in half", () => good.subarray(0, good.length >> 1), "corrupt"],
    ["a zip missing its last byte", () => good.subarray(0, good.length - 1), "corrupt"],
    ["a central directory pointing past the end", () => {
      const b = Buffer.from(good);
      b.writeUInt32LE(b.length, b.length - 6); // EOCD: directory offset
      return b;
    }, "corrupt"],
    ["a local header offset pointing nowhere", () => {
      const b = Buffer.from(good);
      b.writeUInt32LE(b.length - 100, cdRecord(b, "xl/workbook.xml") + 42);
      return b;
    }, "corrupt"],
    ["deflate data replaced by garbage", () => {
      const b = Buffer.from(good);
      const local = b.readUInt32LE(cdRecord(b, "xl/workbook.xml") + 42);
      const start = local + 30 + b.readUInt16LE(local + 26);
      Buffer.alloc(40, 0xff).copy(b, start);
      return b;
    }, "corrupt"],
    ["an encrypted zip part", () => {
      const b = Buffer.from(good);
      const cd = b.readUInt32LE(b.length - 6);
      b.writeUInt16LE(0x0801, cd + 8);
      return b;
    }, "corrupt"],
  ];
  it.each(cases)("%s", async (name, make, code) => {
    expect(await readBoth(`${name}.xlsx`, make())).toMatchObject({ ok: false, code });
  });

  it("more parts than the limit", async () => {
    const many = Array.from({ length: 10_001 }, (_, i) => ({ name: `xl/media/p${i}.bin`, data: "" }));
    const bytes = workbook({ extra: many });
    expect(await readBoth("many-parts.xlsx", bytes)).toMatchObject({ ok: false, code: "tooLarge", message: expect.stringMatching(/部件过多/) });
  });
});

describe("zip bombs", () => {
  // 3 GiB of "0" inside a <v>: ~3 MB on disk
  const gig3 = deflatedSandwich(`${parts.sheet("").replace("</sheetData></worksheet>", "")}<row r="1"><c r="A1"><v>`, 3 * 1024, "</v></c></row></sheetData></worksheet>");

  it("a part that declares its 3 GiB is refused from the directory alone", async () => {
    const r = await readBoth("bomb.xlsx", workbook({ sheet: { name: "", deflated: gig3.body, size: gig3.size } }));
    expect(r).toMatchObject({ ok: false, code: "tooLarge", message: expect.stringMatching(/3072 MB，超过上限512 MB/) });
  });

  it("a part that lies about its size is stopped as soon as it inflates past what it declared", async () => {
    const r = await readBoth("forged.xlsx", workbook({ sheet: { name: "", deflated: gig3.body, declaredSize: 64 * 1024 } }));
    expect(r).toMatchObject({ ok: false, code: "tooLarge", message: expect.stringMatching(/大于其声明的大小/) });
  });

  it("a small part that lies about its size is stopped too (govcheck inflates small parts in one call)", async () => {
    const rows = Array.from({ length: 2000 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c></row>`).join("");
    const r = await readBoth("forged-small.xlsx", workbook({ sheet: { name: "", data: parts.sheet(rows), declaredSize: 1000 } }));
    expect(r).toMatchObject({ ok: false, code: "tooLarge", message: expect.stringMatching(/大于其声明的大小/) });
  });

  it("a 400 MiB part at 1000:1 is refused by its ratio", async () => {
    const r = await readBoth("ratio.xlsx", workbook({ sheet: { name: "", deflated: deflatedFiller(400), size: 400 * 1024 * 1024 } }));
    expect(r).toMatchObject({ ok: false, code: "tooLarge", message: expect.stringMatching(/压缩比异常/) });
  });

  it("a part that inflates to less than it declares is damaged", async () => {
    const r = await readBoth("short.xlsx", workbook({ sst: { name: "", data: parts.sst("<si><t>x</t></si>"), declaredSize: 900 } }));
    expect(r).toMatchObject({ ok: false, code: "corrupt" });
  });

  it("the inflated-size limit is configurable", async () => {
    const bytes = workbook();
    expect(await readBoth("small-limit.xlsx", bytes, { maxInflatedBytes: 1000 })).toMatchObject({ ok: false, code: "tooLarge", message: expect.stringMatching(/总大小超过上限|超过上限/) });
    expect(await readBoth("fits.xlsx", bytes, { maxInflatedBytes: 1024 * 1024 })).toMatchObject({ ok: true });
  });
});

describe("oversized text", () => {
  it("one shared string of 16 MiB is refused by Excel's cell-text limit", async () => {
    const s = deflatedSandwich(parts.sst("<si><t>").replace("</sst>", ""), 16, "</t></si></sst>", "text");
    const r = await readBoth("long-string.xlsx", workbook({ sst: { name: "", deflated: s.body, size: s.size } }));
    expect(r).toMatchObject({ ok: false, code: "tooLarge", message: expect.stringMatching(/32767/) });
  });

  it("a text of exactly 32767 characters (Excel's maximum) is read whole", async () => {
    const text = "中".repeat(32_767);
    const r = await readBoth("max-text.xlsx", workbook({ sst: parts.sst(`<si><t>${text}</t></si><si><t>b</t></si>`) }));
    expect(r.ok && (r.rows as string[][][])[0][0][0] === text).toBe(true);
  });

  it("32768 characters is one too many", async () => {
    const r = await readBoth("over-text.xlsx", workbook({ sst: parts.sst(`<si><t>${"a".repeat(32_768)}</t></si><si><t>b</t></si>`) }));
    expect(r).toMatchObject({ ok: false, code: "tooLarge" });
  });

  it("Chinese text split across inflate chunks is never broken (streaming UTF-8)", async () => {
    // 120,001 three-byte characters in one part: many chunk boundaries fall inside a character
    const text = Array.from({ length: 6000 }, (_, i) => `<si><t>第${i}条规定中文内容测试字符串</t></si>`).join("");
    const sheetRows = Array.from({ length: 6000 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}" t="s"><v>${i}</v></c></row>`).join("");
    const r = await readBoth("utf8.xlsx", workbook({ sst: parts.sst(text), sheet: parts.sheet(sheetRows) }));
    expect(r.ok).toBe(true);
    const rows = (r as { rows: string[][][] }).rows[0];
    expect(rows).toHaveLength(6000);
    rows.forEach((row, i) => expect(row[0]).toBe(`第${i}条规定中文内容测试字符串`));
    expect(JSON.stringify(rows)).not.toContain("\uFFFD");
  });
});

describe("cell limits", () => {
  it("a cell at XFD1048576 makes the sheet's rectangle too large: refused, not allocated", async () => {
    const bytes = workbook({ sheet: parts.sheet('<row r="1"><c r="A1"><v>1</v></c></row><row r="1048576"><c r="XFD1048576"><v>2</v></c></row>') });
    expect(await readBoth("far.xlsx", bytes)).toMatchObject({ ok: false, code: "tooLarge" });
  });

  it("maxCells counts non-empty cells across the workbook", async () => {
    const bytes = workbook();
    expect(await readBoth("cells3.xlsx", bytes, { maxCells: 3 })).toMatchObject({ ok: false, code: "tooLarge", message: expect.stringMatching(/单元格超过3个/) });
    expect(await readBoth("cells4.xlsx", bytes, { maxCells: 4 })).toMatchObject({ ok: true });
  });

  it("a crafted part name cannot break the one-line message", async () => {
    const bytes = zipOf([
      { name: "[Content_Types].xml", data: parts.contentTypes() },
      { name: "xl/workbook.xml", data: parts.workbook() },
      { name: "xl/evil\nname.xml", deflated: deflatedFiller(16), size: 16 * 1024 * 1024 },
    ]);
    const r = await readBoth("evil-name.xlsx", bytes);
    expect(r).toMatchObject({ ok: false, code: "tooLarge" });
  });
});
