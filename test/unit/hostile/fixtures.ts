/**
 * Hostile workbooks, built byte by byte (never stored binaries): a minimal valid .xlsx whose
 * parts can be swapped for crafted ones, and zips whose parts are pre-deflated so that a part
 * can inflate to gigabytes while the test writes only a few megabytes.
 */
import { constants, deflateRawSync } from "node:zlib";
import { type RawPart, zipOf } from "../../support/zip";

export { type RawPart, zipOf };

/**
 * XML text (digits) for a "<v>" or "<t>" body. "zeros": one repeated character, ~1000:1 like a
 * real bomb; "text": a 997-digit pattern repeated, ~100:1 — under zip-guard's ratio limit, so
 * that the readers' own limits are what stops it.
 */
export type Filler = "zeros" | "text";

function fillerBlock(bytes: number, kind: Filler): Buffer {
  if (kind === "zeros") return Buffer.alloc(bytes, 0x30);
  const pattern = Buffer.from(Array.from({ length: 997 }, (_, i) => 0x30 + ((i * i * 7 + i * 3) % 10)));
  const out = Buffer.alloc(bytes);
  for (let o = 0; o < bytes; o += pattern.length) pattern.copy(out, o);
  return out;
}

/**
 * A deflate stream of `mib` MiB of filler, made from one 16 MiB block repeated: each block ends
 * on a full flush, so copies can be chained, and an empty final block closes the stream. With
 * "zeros", 3 GiB is ~3 MB.
 */
export function deflatedFiller(mib: number, kind: Filler = "zeros"): Buffer {
  const BLOCK_MIB = 16;
  const block = deflateRawSync(fillerBlock(BLOCK_MIB * 1024 * 1024, kind), { finishFlush: constants.Z_FULL_FLUSH });
  const copies = Math.ceil(mib / BLOCK_MIB);
  return Buffer.concat([...Array.from({ length: copies }, () => block), Buffer.from([0x03, 0x00])]);
}

/** Deflates prefix + filler + suffix as one stream (the filler as in deflatedFiller; whole 16 MiB blocks). */
export function deflatedSandwich(prefix: string, fillerMib: number, suffix: string, kind: Filler = "zeros"): { body: Buffer; size: number } {
  const head = deflateRawSync(Buffer.from(prefix, "utf8"), { finishFlush: constants.Z_FULL_FLUSH });
  const filler = deflatedFiller(fillerMib, kind);
  const tail = deflateRawSync(Buffer.from(suffix, "utf8"));
  // deflatedFiller ends with a final block: drop it, the suffix's stream ends the whole
  const middle = filler.subarray(0, filler.length - 2);
  const copies = Math.ceil(fillerMib / 16);
  return { body: Buffer.concat([head, middle, tail]), size: Buffer.byteLength(prefix) + copies * 16 * 1024 * 1024 + Buffer.byteLength(suffix) };
}

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

export const parts = {
  contentTypes: () =>
    `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
    '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' +
    "</Types>",
  rootRels: () =>
    `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>' +
    "</Relationships>",
  workbook: (prolog = XML) => `${prolog}<workbook ${NS}><sheets><sheet name="数据" sheetId="1" r:id="rId1"/></sheets></workbook>`,
  workbookRels: () =>
    `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>' +
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>' +
    "</Relationships>",
  sheet: (rows: string, prolog = XML) => `${prolog}<worksheet ${NS}><sheetData>${rows}</sheetData></worksheet>`,
  sst: (items: string, prolog = XML) => `${prolog}<sst ${NS}>${items}</sst>`,
};

/** A workbook with one sheet "数据"; any part can be replaced or added. */
export function workbook(over: { sheet?: RawPart | string; sst?: RawPart | string; workbook?: string; extra?: RawPart[] } = {}): Buffer {
  const asPart = (name: string, p: RawPart | string | undefined, dflt: string): RawPart =>
    p === undefined ? { name, data: dflt } : typeof p === "string" ? { name, data: p } : { ...p, name };
  return zipOf([
    { name: "[Content_Types].xml", data: parts.contentTypes() },
    { name: "_rels/.rels", data: parts.rootRels() },
    { name: "xl/workbook.xml", data: over.workbook ?? parts.workbook() },
    { name: "xl/_rels/workbook.xml.rels", data: parts.workbookRels() },
    asPart("xl/sharedStrings.xml", over.sst, parts.sst('<si><t>姓名</t></si><si><t>金额</t></si>')),
    asPart("xl/worksheets/sheet1.xml", over.sheet, parts.sheet('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>张三</t></is></c><c r="B2"><v>12.5</v></c></row>')),
    ...(over.extra ?? []),
  ]);
}

export const ENTITY_PROLOGS = {
  billionLaughs:
    XML +
    '<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">' +
    '<!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">' +
    '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">' +
    '<!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">]>\n',
  externalFile: `${XML}<!DOCTYPE foo [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n`,
  externalDtd: `${XML}<!-- a comment first --><!DOCTYPE worksheet SYSTEM "http://example.invalid/evil.dtd">\n`,
  parameterEntity: `${XML}<!DOCTYPE foo [<!ENTITY % pe SYSTEM "file:///etc/passwd"> %pe;]>\n`,
};
