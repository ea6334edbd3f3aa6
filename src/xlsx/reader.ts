/**
 * The one .xlsx reader: a ByteSource (a file in Node, an ArrayBuffer or Blob in a browser or Web
 * Worker) → WorkbookSnapshot, streaming, the same code everywhere.
 *
 * 1. Sniff: an OLE file is an encrypted workbook or a legacy .xls; anything not a zip is refused.
 * 2. zip-guard checks the central directory (sizes, ratio, part count) before anything inflates.
 * 3. The package is followed by its relationships, as Office does: `_rels/.rels` → the workbook
 *    (wherever it is; [Content_Types].xml and the usual name are fallbacks) → its relationships →
 *    worksheets, shared strings, styles. Targets may be relative or absolute.
 * 4. Each part is inflated as a stream and scanned (scan.ts) chunk by chunk: no whole sheet is
 *    ever held as text; cells go through the core's one cell model.
 * A file that is not a workbook is refused with a ReadError saying what it is and what to do; a
 * workbook with no sheet, or a sheet part with content but no readable cell, too.
 */
import type { SheetSnapshot, WorkbookSnapshot } from "../core/validate/snapshot";
import { CellBudget, SheetBuilder } from "./cells";
import { ReadError } from "./errors";
import { type ReadOptions, maxCellsOf, zipLimitsFor } from "./limits";
import { readMessages as M } from "./messages";
import {
  type BookInfo, ContentTypesHandler, type Relationship, RelationshipsHandler, SharedStringsHandler, SheetHandler,
  StylesHandler, WorkbookHandler, maxSharedStrings,
} from "./parts";
import { type XmlHandler, XmlScanner } from "./scan";
import { SNIFF_BYTES, cfbError, sniffKind } from "./sniff";
import type { ByteSource } from "./source";
import { type Inflate, type InflateSmall, type PartProgress, ZipPackage, normalPartName, webInflate } from "./zip";
import { type ZipEntry, shownName } from "./zip-guard";

export interface ReadProgress {
  /** the sheet being read, its position (1-based) and how many the workbook has */
  sheet: string;
  sheetIndex: number;
  sheets: number;
  /** the sheet part's inflated bytes so far and in all (a fraction of the sheet, not rows) */
  done: number;
  total: number;
}

export interface ReaderOptions extends ReadOptions {
  /** the snapshot's file name */
  file?: string;
  /** how deflated parts are inflated (default: the platform's DecompressionStream) */
  inflate?: Inflate;
  /** how a small deflated part may be inflated in one call (see InflateSmall) */
  inflateSmall?: InflateSmall;
  /** called as each sheet part streams in */
  onProgress?: (p: ReadProgress) => void;
  /** stops the read between two chunks with ReadError "cancelled" */
  signal?: AbortSignal;
}

/** An OLE file bigger than this is judged from its first and last bytes only (its directory). */
const CFB_SCAN_BYTES = 16 * 1024 * 1024;

const REL = {
  officeDocument: /\/officeDocument$/,
  worksheet: /\/worksheet$/,
  sharedStrings: /\/sharedStrings$/,
  styles: /\/styles$/,
};
const CT = {
  workbook: /spreadsheetml\.(sheet|template)\.main\+xml|ms-excel\.(sheet|template)\.macroEnabled\.main\+xml|ms-excel\.sheet\.binary\.macroEnabled\.main/,
  word: /wordprocessingml|ms-word/,
  powerpoint: /presentationml|ms-powerpoint/,
  binaryWorkbook: /ms-excel\.sheet\.binary/,
};

/** Resolves a relationship target against the part that holds the relationship (OPC §9.3). */
export function resolveTarget(fromPart: string, target: string): string {
  const t = target.replace(/\\/g, "/").split(/[?#]/)[0];
  const base = t.startsWith("/") ? [] : fromPart.replace(/\\/g, "/").split("/").slice(0, -1);
  for (const seg of t.split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg === "..") base.pop();
    else base.push(decodeURIComponentSafe(seg));
  }
  return base.join("/");
}

function decodeURIComponentSafe(s: string): string {
  try {
    return s.indexOf("%") >= 0 ? decodeURIComponent(s) : s;
  } catch {
    return s;
  }
}

/** Where a part's relationships are: "xl/workbook.xml" → "xl/_rels/workbook.xml.rels". */
function relsPartOf(part: string): string {
  const i = part.lastIndexOf("/");
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
}

function aborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new ReadError("cancelled", M.cancelled());
}

class Reader {
  constructor(private readonly zip: ZipPackage, private readonly opts: ReaderOptions) {}

  async scan<H extends XmlHandler>(entry: ZipEntry, handler: H, onProgress?: (p: PartProgress) => void): Promise<H> {
    const scanner = new XmlScanner(handler, entry.name);
    try {
      for await (const text of this.zip.text(entry, onProgress)) {
        aborted(this.opts.signal);
        scanner.feed(text);
      }
      scanner.end();
    } catch (e) {
      if (e instanceof ReadError) throw e;
      throw new ReadError("badXml", M.badXml(shownName(entry.name)), { cause: e });
    }
    return handler;
  }

  async rels(part: string): Promise<Relationship[]> {
    const entry = this.zip.find(relsPartOf(part));
    if (!entry) return [];
    return (await this.scan(entry, new RelationshipsHandler(entry.name))).rels.filter((r) => !r.external);
  }

  /** The workbook part's name, from the package; a ReadError saying what the file is when it has none. */
  async workbookPart(): Promise<string> {
    const zip = this.zip;
    if (zip.find("mimetype") && !zip.find("[Content_Types].xml")) {
      // an OpenDocument package names its kind in its first part
      const entry = zip.find("mimetype")!;
      let kind = "";
      for await (const t of zip.text(entry)) kind += t;
      if (/opendocument\.spreadsheet/.test(kind)) throw new ReadError("notXlsx", M.openDocument());
      if (/opendocument\.text/.test(kind)) throw new ReadError("notXlsx", M.otherOffice("OpenDocument 文字文档（.odt）"));
    }
    const ctEntry = zip.find("[Content_Types].xml");
    const types = ctEntry ? await this.scan(ctEntry, new ContentTypesHandler(ctEntry.name)) : null;
    const typeOf = (part: string): string | undefined => {
      if (!types) return undefined;
      const key = normalPartName(part);
      return types.overrides.get(key) ?? types.defaults.get(key.slice(key.lastIndexOf(".") + 1));
    };
    const candidates: string[] = [];
    for (const r of await this.rels("")) if (REL.officeDocument.test(r.type)) candidates.push(resolveTarget("", r.target));
    if (types) for (const [part, type] of types.overrides) if (CT.workbook.test(type)) candidates.push(part);
    candidates.push("xl/workbook.xml");
    for (const c of candidates) {
      if (!zip.find(c)) continue;
      const type = typeOf(c) ?? "";
      if (CT.binaryWorkbook.test(type) || /\.bin$/i.test(c)) {
        throw new ReadError("notXlsx", M.binaryWorkbook());
      }
      if (CT.word.test(type)) throw new ReadError("noWorkbook", M.otherOffice("Word 文档（.docx）"));
      if (CT.powerpoint.test(type)) throw new ReadError("noWorkbook", M.otherOffice("PowerPoint 演示文稿（.pptx）"));
      return zip.find(c)!.name;
    }
    // no workbook anywhere: say what the package is, when its content types say so
    const all = types ? [...types.overrides.values()] : [];
    if (all.some((t) => CT.word.test(t))) throw new ReadError("noWorkbook", M.otherOffice("Word 文档（.docx）"));
    if (all.some((t) => CT.powerpoint.test(t))) throw new ReadError("noWorkbook", M.otherOffice("PowerPoint 演示文稿（.pptx）"));
    if (!types && zip.find("word/document.xml")) throw new ReadError("noWorkbook", M.otherOffice("Word 文档（.docx）"));
    if (!types) throw new ReadError("notXlsx", M.notZipPackage());
    throw new ReadError("noWorkbook", M.noWorkbook());
  }

  async read(): Promise<WorkbookSnapshot> {
    const { zip, opts } = this;
    const maxCells = maxCellsOf(opts);
    const budget = new CellBudget(maxCells);
    const wbPart = await this.workbookPart();
    const wb = await this.scan(zip.find(wbPart)!, new WorkbookHandler(wbPart));
    if (wb.root !== "workbook") throw new ReadError("badXml", M.badXml(shownName(wbPart)));
    const rels = await this.rels(wbPart);
    const relById = new Map(rels.map((r) => [r.id, r]));
    const first = (re: RegExp, fallback: string) => {
      const r = rels.find((x) => re.test(x.type));
      return zip.find(r ? resolveTarget(wbPart, r.target) : resolveTarget(wbPart, fallback));
    };

    const stylesEntry = first(REL.styles, "styles.xml");
    const formats = stylesEntry ? (await this.scan(stylesEntry, new StylesHandler(stylesEntry.name))).formats() : [];
    const sstEntry = first(REL.sharedStrings, "sharedStrings.xml");
    const shared = sstEntry ? (await this.scan(sstEntry, new SharedStringsHandler(sstEntry.name, maxSharedStrings(maxCells)))).strings : [];
    const book: BookInfo = { shared, formats, date1904: wb.date1904 };

    // worksheets in the workbook's order; chart sheets and dialog sheets hold no cells
    const listed = wb.sheets.flatMap((s, i) => {
      const rel = relById.get(s.rid);
      if (rel && !REL.worksheet.test(rel.type)) return [];
      const part = rel ? resolveTarget(wbPart, rel.target) : resolveTarget(wbPart, `worksheets/sheet${i + 1}.xml`);
      return [{ name: s.name, part }];
    });
    if (listed.length === 0) throw new ReadError("noSheets", M.noSheets());
    const sheets: SheetSnapshot[] = [];
    for (let i = 0; i < listed.length; i++) {
      const s = listed[i];
      const entry = zip.find(s.part);
      if (!entry) throw new ReadError("corrupt", M.sheetMissing(shownName(s.name)));
      const builder = new SheetBuilder(budget);
      const onProgress = opts.onProgress
        ? (p: PartProgress) => opts.onProgress!({ sheet: s.name, sheetIndex: i + 1, sheets: listed.length, done: p.done, total: p.total })
        : undefined;
      const h = await this.scan(entry, new SheetHandler(entry.name, builder, book), onProgress);
      if (h.root !== "" && h.root !== "worksheet") throw new ReadError("badXml", M.sheetUnreadable(shownName(s.name)));
      if (h.cells === 0 && h.stray) throw new ReadError("badXml", M.sheetUnreadable(shownName(s.name)));
      sheets.push(builder.finish(s.name));
    }
    return opts.file !== undefined ? { file: opts.file, sheets } : { sheets };
  }
}

/** Reads a workbook from `source` (see the module comment). Throws ReadError (one Chinese line) on any failure. */
export async function readWorkbook(source: ByteSource, opts: ReaderOptions = {}): Promise<WorkbookSnapshot> {
  try {
    if (source.size === 0) throw new ReadError("empty", M.empty());
    const head = await source.read(0, SNIFF_BYTES);
    if (sniffKind(head, source.size) === "cfb") {
      // an OLE file: encrypted .xlsx or legacy .xls; its directory names the streams
      if (source.size <= CFB_SCAN_BYTES) throw cfbError(await source.read(0, source.size), opts.file);
      const half = CFB_SCAN_BYTES / 2;
      const buf = new Uint8Array(CFB_SCAN_BYTES);
      buf.set(await source.read(0, half), 0);
      buf.set(await source.read(source.size - half, half), half);
      throw cfbError(buf, opts.file);
    }
    const zip = await ZipPackage.open(source, zipLimitsFor(opts), opts.inflate ?? webInflate, opts.inflateSmall);
    return await new Reader(zip, opts).read();
  } catch (e) {
    if (e instanceof ReadError) throw e;
    throw new ReadError("unexpected", M.unexpected(e instanceof Error ? e.message.split(/\r?\n/)[0] : String(e)), { cause: e });
  } finally {
    await source.close?.();
  }
}
