/**
 * Guards applied to every XML part before or while it is parsed (browser-safe, no I/O):
 * - `PrologGuard` refuses a DOCTYPE. SpreadsheetML never carries one; a DOCTYPE is how the
 *   "billion laughs" (nested internal entities) and external entities (SYSTEM "file:///…") get in.
 *   The SAX parser ExcelJS uses (saxes) does not expand DTD entities anyway — an entity it does
 *   not know is a parse error — so this is a second, explicit line: a clear message instead of
 *   "文件已损坏".
 * - `InflateCounter` holds each part to the inflated size its central-directory entry declares
 *   (which zip-guard has already checked against the limits), so a forged size cannot make a
 *   part inflate past the limits.
 */
import { ReadError } from "./errors";
import { MAX_CELL_TEXT } from "./cells";
import { readMessages as M } from "./messages";
import { shownName } from "./zip-guard";

/** A prolog (XML declaration, comments, whitespace) longer than this is not from Excel. */
export const MAX_PROLOG_CHARS = 64 * 1024;

/** Feed it the part's text from the start; it stops looking once the root element starts. */
export class PrologGuard {
  private buf = "";
  private done = false;
  constructor(private readonly part: string) {}

  /** true once the root element has started: nothing more to look at */
  get settled(): boolean {
    return this.done;
  }

  feed(text: string): void {
    if (this.done) return;
    this.buf += text;
    let i = this.buf.charCodeAt(0) === 0xfeff ? 1 : 0;
    for (;;) {
      while (i < this.buf.length && /\s/.test(this.buf[i])) i++;
      if (i >= this.buf.length) break;
      if (this.buf[i] !== "<") {
        // not XML at all: the parser will say so
        this.done = true;
        break;
      }
      const rest = this.buf.slice(i, i + 9);
      if (rest.startsWith("<?")) {
        const end = this.buf.indexOf("?>", i + 2);
        if (end < 0) break;
        i = end + 2;
      } else if (rest.startsWith("<!--")) {
        const end = this.buf.indexOf("-->", i + 4);
        if (end < 0) break;
        i = end + 3;
      } else if (rest.startsWith("<!")) {
        // <!DOCTYPE (any case: the parser would reject other spellings, refuse them all the same)
        throw new ReadError("badXml", M.doctype(shownName(this.part)));
      } else if (i + 1 < this.buf.length) {
        // the root element (or malformed XML, which the parser reports)
        this.done = true;
        break;
      } else {
        break;
      }
    }
    if (this.done) {
      this.buf = "";
    } else if (this.buf.length > MAX_PROLOG_CHARS) {
      throw new ReadError("badXml", M.prologTooLong(shownName(this.part)));
    }
  }
}

/** Counts a part's inflated bytes against its declared size. */
export class InflateCounter {
  private total = 0;
  constructor(private readonly part: string, private readonly declared: number) {}

  add(bytes: number): void {
    this.total += bytes;
    if (this.total > this.declared) throw new ReadError("tooLarge", M.inflatedOverDeclared(shownName(this.part)));
  }

  /** at the end of the part: fewer bytes than declared means a damaged file */
  end(): void {
    if (this.total !== this.declared) throw new ReadError("corrupt", M.inflatedUnderDeclared(shownName(this.part)));
  }
}

/**
 * The longest run of bytes between two tags a cell can need: MAX_CELL_TEXT characters, each
 * escaped at worst as "_xHHHH_" (7 bytes) — with room to spare. The SAX parser holds a whole text
 * node in memory before it reports it, so a longer run (one 50 MB string) is refused as it
 * streams in rather than after it has been gathered.
 */
export const MAX_TEXT_RUN_BYTES = MAX_CELL_TEXT * 8;

/** Watches a part's inflated bytes for a text run longer than MAX_TEXT_RUN_BYTES. */
export class TextRunGuard {
  private run = 0;
  add(chunk: Uint8Array): void {
    // "<" (0x3C) never occurs inside a multi-byte UTF-8 sequence, so bytes can be scanned as is
    const first = chunk.indexOf(0x3c);
    if (first < 0) {
      this.run += chunk.length;
    } else {
      if (this.run + first > MAX_TEXT_RUN_BYTES) throw new ReadError("tooLarge", M.textTooLong(MAX_CELL_TEXT));
      this.run = chunk.length - 1 - chunk.lastIndexOf(0x3c);
      // runs between two "<" inside one chunk
      if (chunk.length > MAX_TEXT_RUN_BYTES) {
        for (let i = first, next = chunk.indexOf(0x3c, i + 1); next >= 0; i = next, next = chunk.indexOf(0x3c, i + 1)) {
          if (next - i - 1 > MAX_TEXT_RUN_BYTES) throw new ReadError("tooLarge", M.textTooLong(MAX_CELL_TEXT));
        }
      }
    }
    if (this.run > MAX_TEXT_RUN_BYTES) throw new ReadError("tooLarge", M.textTooLong(MAX_CELL_TEXT));
  }
}

/** Parts whose text becomes cell values: worksheets and shared strings. */
export function holdsCellText(part: string): boolean {
  return /^xl\/(worksheets\/sheet\d+|sharedStrings)\.xml$/.test(part);
}
