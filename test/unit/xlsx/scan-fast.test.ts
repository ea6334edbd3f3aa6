/**
 * The reader's fast paths (perf-reader): the scanner's in-place names and character loops, the
 * carried tag finished on a small string, UTF-8 decoded chunk by chunk, numbers and cell
 * references read without substrings. Each must read what the plain rule reads.
 */
import { ReadError } from "../../../src/xlsx/errors";
import { SheetHandler, numberOf } from "../../../src/xlsx/parts";
import { XmlScanner } from "../../../src/xlsx/scan";
import { Utf8Chunks } from "../../../src/xlsx/zip";

function events(chunks: string[]): string[] {
  const ev: string[] = [];
  const h = {
    open: (n: string, s: string, a: number, b: number, e: boolean) => void ev.push(`<${n}[${s.slice(a, b)}]${e ? "/" : ""}`),
    close: (n: string) => void ev.push(`/${n}`),
    text: (t: string, c: boolean) => void ev.push(`${c ? "C" : "T"}:${t}`),
  };
  const sc = new XmlScanner(h, "p.xml");
  try {
    for (const c of chunks) sc.feed(c);
    sc.end();
    ev.push("end");
  } catch (e) {
    ev.push(`error ${(e as ReadError).code}`);
  }
  // text may come in pieces: join neighbouring runs of the same kind
  const out: string[] = [];
  for (const e of ev) {
    const last = out[out.length - 1];
    if (last !== undefined && e.startsWith("T:") && last.startsWith("T:")) out[out.length - 1] = last + e.slice(2);
    else out.push(e);
  }
  return out;
}

const DOC =
  '<?xml version="1.0"?><x:worksheet a="1"><!-- a > comment --><x:sheetData>\n' +
  '<row r="1"><c r="A1" t="s"><v>0</v></c><c r=\'B1\' x="a>b" y=\'c>"d\'/><c r="C1" t="str"><v><![CDATA[a<b]]></v></c></row >\n' +
  '<row><c><is><t>x &amp; y</t><rPh><t>p</t></rPh></is></c></row></x:sheetData><mergeCell ref="A1:B1"/></x:worksheet>';

describe("scanner", () => {
  it("reads a document cut anywhere, into two or three chunks, as in one", () => {
    const whole = events([DOC]);
    expect(whole[whole.length - 1]).toBe("end");
    for (let i = 0; i <= DOC.length; i++) {
      expect(events([DOC.slice(0, i), DOC.slice(i)])).toEqual(whole);
      const j = Math.min(DOC.length, i + 7);
      expect(events([DOC.slice(0, i), DOC.slice(i, j), DOC.slice(j)])).toEqual(whole);
    }
    // one character at a time
    expect(events([...DOC])).toEqual(whole);
  });

  it("takes the first > outside quoted values, the other quote allowed inside one", () => {
    expect(events(['<a n="Bob\'s" m=\'say "hi"\' k="x>y"/>'])).toEqual(["<a[ n=\"Bob's\" m='say \"hi\"' k=\"x>y\"]/", "/a", "end"]);
    // two sheets named with an apostrophe (this once read as one unfinished tag)
    expect(events(['<w><s name="Bob\'s"/><s name="Al\'s"/></w>'])).toEqual(["<w[]", "<s[ name=\"Bob's\"]/", "/s", "<s[ name=\"Al's\"]/", "/s", "/w", "end"]);
  });

  it("gives each tag its local name, a name seen before too", () => {
    const names: string[] = [];
    const h = { open: (n: string) => void names.push(n), close: () => undefined, text: () => undefined };
    const sc = new XmlScanner(h, "p.xml");
    sc.feed("<x:r><x:c/><c/><x:c/><ab:cd/><x:cc/></x:r>");
    sc.end();
    expect(names).toEqual(["r", "c", "c", "c", "cd", "cc"]);
  });

  it.each([
    ["a < in an attribute value", '<a b="<"/>'],
    ["a < in a tag", "<a <b>"],
    ["an end tag not closing the open element", "<a></b>"],
    ["an end tag with more than white space", "<a></a x>"],
    ["an end tag with nothing open", "</a>"],
    ["a prefix that differs", "<x:a></y:a>"],
    ["a tag with no name", "<a>< b/></a>"],
    ["a second root", "<a/><b/>"],
    ["an element left open", "<a><b></b>"],
    ["a tag cut off at the end", '<a><b c="d'],
  ])("refuses %s (whole or cut anywhere)", (_what, xml) => {
    expect(events([xml]).pop()).toBe("error badXml");
    for (let i = 0; i <= xml.length; i++) expect(events([xml.slice(0, i), xml.slice(i)]).pop()).toBe("error badXml");
  });

  it("refuses a DOCTYPE, also when cut", () => {
    const xml = "<a><!DOCTYPE x [<!ENTITY e 'x'>]></a>";
    for (let i = 0; i <= xml.length; i++) expect(() => {
      const sc = new XmlScanner({ open: () => undefined, close: () => undefined, text: () => undefined }, "p.xml");
      sc.feed(xml.slice(0, i));
      sc.feed(xml.slice(i));
      sc.end();
    }).toThrow(/XML实体声明/);
  });

  it("accepts a tag over 1 MB that ends in the next chunk, and refuses one still open after 1 MB", () => {
    const big = "x>".repeat(300_000);
    const xml = `<r><a v="${big}"/></r>`;
    const parts = [];
    for (let o = 0; o < xml.length; o += 256 * 1024) parts.push(xml.slice(o, o + 256 * 1024));
    expect(events(parts).slice(-3)).toEqual(["/a", "/r", "end"]);
    const open = `<r><a v="${"x".repeat(1100 * 1024)}`;
    expect(events([open.slice(0, 500_000), open.slice(500_000), '"/></r>']).pop()).toBe("error badXml");
  });
});

describe("UTF-8 chunk by chunk", () => {
  it("decodes as one streaming TextDecoder does, wherever the chunks are cut", () => {
    const text = "\uFEFF<a>中文 é 😀 \uFEFF x</a>";
    const bytes = new TextEncoder().encode(text);
    const bad = Uint8Array.from([0x41, 0xe4, 0xb8, 0x41, 0xf0, 0x9f, 0x98, 0xc3, 0xff, 0x80, 0xe0, 0x80, 0xed, 0xa0, 0x80, 0x42]);
    for (const b of [bytes, bad]) {
      for (let i = 0; i <= b.length; i++) {
        for (let j = i; j <= b.length; j += 3) {
          const parts = [b.subarray(0, i), b.subarray(i, j), b.subarray(j)];
          const d = new TextDecoder();
          const want = parts.map((p) => d.decode(p, { stream: true })).join("") + d.decode();
          const u = new Utf8Chunks();
          expect(parts.map((p) => u.decode(p)).join("") + u.end()).toBe(want);
        }
      }
    }
  });
});

describe("numbers and references", () => {
  it("numberOf is +v", () => {
    const samples = ["0", "-0", "12", "007", "14.5", "65.25", "-3.75", "0.1", "0.30000000000000004", "123456789012345", "1234567890123456",
      "12345678901234567", "9007199254740993", "1.", ".5", "-.5", "-", ".", "", " 1", "1 ", "1e5", "0x1A", "Infinity", "1,5", "--1", "1.2.3",
      "999999999999999.9", "0.000000000000001", "4.35", "1.005", "2.675"];
    for (const v of samples) expect(Object.is(numberOf(v), +v)).toBe(true);
    for (let k = 0; k < 3_000; k++) {
      const x = (Math.random() - 0.5) * 10 ** Math.floor(Math.random() * 20 - 6);
      for (const v of [String(x), x.toFixed(k % 8), x.toPrecision(1 + (k % 15))]) expect(Object.is(numberOf(v), +v)).toBe(true);
    }
  });

  it("a cell's r, s and t are read as before (prefixes, $, a broken reference, unquoted values)", () => {
    const h = new SheetHandler("s.xml", { set: () => undefined, addMerge: () => undefined } as never, { shared: [], formats: [], date1904: false });
    const at = (attrs: string): [number, number, string, number] => {
      const s = `<c${attrs}>`;
      h.open("c", s, 2, s.length - 1);
      const f = h as unknown as { row: number; col: number; type: string; style: number };
      const out: [number, number, string, number] = [f.row, f.col, f.type, f.style];
      h.close("c");
      return out;
    };
    h.open("sheetData", "", 0, 0);
    expect(at(' r="B7" s="3" t="s"')).toEqual([7, 2, "s", 3]);
    expect(at(" x:r='$C$9' x:t='str'")).toEqual([9, 3, "str", 0]);
    expect(at(' r="D"')).toEqual([9, 4, "n", 0]); // no row: the next cell
    expect(at(' r="7"')).toEqual([9, 5, "n", 0]);
    expect(at(' r="A1x"')).toEqual([9, 6, "n", 0]);
    expect(at(' r = "AA10" ')).toEqual([10, 27, "n", 0]);
    expect(at(' rr="Z99" t=s s="2"')).toEqual([10, 28, " s=", 0]); // unquoted: up to the next double quote
    expect(at(' r="B2')).toEqual([10, 29, "n", 0]); // unfinished value: not read
  });
});
