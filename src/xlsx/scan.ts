/**
 * A purpose-built streaming XML tag scanner for SpreadsheetML parts (browser-safe, no I/O).
 *
 * It is fed the part's text chunk by chunk and calls its handler for each start tag, end tag and
 * run of text, with the element's LOCAL name (`x:c`, `ns3:Relationship` and `c` are the same
 * element, whatever prefix the writer chose). Attributes are not parsed up front: the handler
 * reads the ones it needs from the source text (`attr`, `attrs`), so the hot path — millions of
 * `<c r="B7" s="3" t="s"><v>12</v></c>` — allocates almost nothing.
 *
 * Well-formedness it checks: every end tag closes the element open (names compared whole, prefix
 * included), nothing is left open at the end, no tag is cut off, entity references are the five
 * predefined ones or character references. A DOCTYPE is refused wherever it appears (SpreadsheetML
 * never carries one; it is how "billion laughs" and external entities get in). Only an unfinished
 * tag is carried over from one chunk to the next, never text: a whole part is never held.
 */
import { ReadError } from "./errors";
import { readMessages as M } from "./messages";
import { shownName } from "./zip-guard";

export interface XmlHandler {
  /** a start tag: `src.slice(from, to)` is its attribute text; `empty` for <x/> */
  open(name: string, src: string, from: number, to: number, empty: boolean): void;
  /** an end tag (also called right after `open` for an empty element) */
  close(name: string): void;
  /** a run of character data, raw (entities not decoded) unless `cdata`; may come in pieces */
  text(raw: string, cdata: boolean): void;
}

/** A tag longer than this (a few hundred bytes in any real file) is refused rather than buffered. */
const MAX_TAG_CHARS = 1024 * 1024;

function localName(q: string): string {
  const i = q.indexOf(":");
  return i < 0 ? q : q.slice(i + 1);
}

export class XmlScanner {
  private carry = "";
  /** qualified and local names of the open elements */
  private readonly stack: string[] = [];
  private readonly names: string[] = [];
  private rooted = false;
  constructor(private readonly h: XmlHandler, private readonly part: string) {}

  /** true once the root element has been opened */
  get sawRoot(): boolean {
    return this.rooted;
  }

  private bad(): ReadError {
    return new ReadError("badXml", M.badXml(shownName(this.part)));
  }

  feed(chunk: string): void {
    const s = this.carry === "" ? chunk : this.carry + chunk;
    this.carry = "";
    const n = s.length;
    const h = this.h;
    let i = 0;
    // where the next double and single quote are (n: none left in this chunk)
    let dq = -1;
    let sq = -1;
    let next = -1;
    while (i < n) {
      // the next "<" may be known already (found when the previous start tag was checked)
      const lt = next >= i ? next : s.indexOf("<", i);
      if (lt < 0) {
        h.text(s.slice(i), false);
        return;
      }
      if (lt > i) h.text(s.slice(i, lt), false);
      if (lt + 1 >= n) return this.keep(s, lt);
      const c = s.charCodeAt(lt + 1);
      if (c === 47 /* / */) {
        const gt = s.indexOf(">", lt + 2);
        if (gt < 0) return this.keep(s, lt);
        // compared with the open element's qualified name in place: no substring per end tag
        const depth = this.stack.length - 1;
        const q = depth >= 0 ? this.stack[depth] : "";
        let e = lt + 2 + q.length;
        if (depth < 0 || !s.startsWith(q, lt + 2)) throw this.bad();
        while (e < gt && s.charCodeAt(e) <= 32) e++;
        if (e !== gt) throw this.bad();
        this.stack.pop();
        h.close(this.names.pop() as string);
        i = gt + 1;
      } else if (c === 63 /* ? */) {
        const end = s.indexOf("?>", lt + 2);
        if (end < 0) return this.keep(s, lt);
        i = end + 2;
      } else if (c === 33 /* ! */) {
        if (n - lt < 9) return this.keep(s, lt);
        if (s.startsWith("<!--", lt)) {
          const end = s.indexOf("-->", lt + 4);
          if (end < 0) return this.keep(s, lt);
          i = end + 3;
        } else if (s.startsWith("<![CDATA[", lt)) {
          const end = s.indexOf("]]>", lt + 9);
          if (end < 0) return this.keep(s, lt);
          h.text(s.slice(lt + 9, end), true);
          i = end + 3;
        } else {
          // <!DOCTYPE, <!ENTITY … in any spelling
          throw new ReadError("badXml", M.doctype(shownName(this.part)));
        }
      } else {
        // a start tag: its ">" is the first one outside quoted attribute values. The next quote
        // of each kind is remembered across tags, so finding them stays one pass over the chunk.
        let gt = s.indexOf(">", lt + 1);
        if (dq < lt) dq = s.indexOf('"', lt);
        if (dq < 0) dq = n;
        if (sq < lt) sq = s.indexOf("'", lt);
        if (sq < 0) sq = n;
        while (gt >= 0) {
          const qa = dq < sq ? dq : sq;
          if (qa > gt) break;
          const qe = s.indexOf(qa === dq ? '"' : "'", qa + 1);
          if (qe < 0) {
            gt = -1;
            break;
          }
          if (qa === dq) {
            dq = s.indexOf('"', qe + 1);
            if (dq < 0) dq = n;
          } else {
            sq = s.indexOf("'", qe + 1);
            if (sq < 0) sq = n;
          }
          if (qe > gt) gt = s.indexOf(">", qe + 1);
        }
        if (gt < 0) return this.keep(s, lt);
        // "<" is not allowed in an attribute value: one before this tag's ">" is malformed XML
        next = s.indexOf("<", lt + 1);
        if (next >= 0 && next < gt) throw this.bad();
        let ne = lt + 1;
        while (ne < gt) {
          const d = s.charCodeAt(ne);
          if (d <= 32 || d === 47 || d === 62) break;
          ne++;
        }
        if (ne === lt + 1) throw this.bad();
        const q = s.slice(lt + 1, ne);
        const empty = s.charCodeAt(gt - 1) === 47;
        const name = localName(q);
        if (this.stack.length === 0) {
          if (this.rooted) throw this.bad(); // a second root element
          this.rooted = true;
        }
        h.open(name, s, ne, empty ? gt - 1 : gt, empty);
        if (empty) h.close(name);
        else {
          this.stack.push(q);
          this.names.push(name);
        }
        i = gt + 1;
      }
    }
  }

  private keep(s: string, from: number): void {
    if (s.length - from > MAX_TAG_CHARS) throw this.bad();
    this.carry = s.slice(from);
  }

  /** At the end of the part: nothing may be left open or cut off. */
  end(): void {
    if (this.stack.length > 0 || this.carry.trim() !== "") throw this.bad();
  }
}

const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/**
 * Character data with its references decoded and line ends normalised (XML §2.11); an entity
 * other than the five predefined ones is an error (no DTD declares any: we refuse DTDs).
 */
export function decodeText(raw: string, part: string): string {
  let s = raw;
  if (s.indexOf("\r") >= 0) s = s.replace(/\r\n?/g, "\n");
  if (s.indexOf("&") < 0) return s;
  let out = "";
  let i = 0;
  for (;;) {
    const amp = s.indexOf("&", i);
    if (amp < 0) return out + s.slice(i);
    out += s.slice(i, amp);
    const semi = s.indexOf(";", amp + 1);
    if (semi < 0 || semi - amp > 12) throw new ReadError("badXml", M.badXml(shownName(part)));
    const ref = s.slice(amp + 1, semi);
    if (ref.charCodeAt(0) === 35 /* # */) {
      const code = ref[1] === "x" || ref[1] === "X" ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      if (!(code >= 0 && code <= 0x10ffff) || !/^#(x[0-9a-f]+|\d+)$/i.test(ref)) throw new ReadError("badXml", M.badXml(shownName(part)));
      out += String.fromCodePoint(code);
    } else {
      const ch = NAMED[ref];
      if (ch === undefined) throw new ReadError("badXml", M.badXml(shownName(part)));
      out += ch;
    }
    i = semi + 1;
  }
}

/**
 * The value of the attribute whose local name is `want` in `src[from, to)`, decoded; undefined
 * when absent. (`r:id` and `id` both answer "id": handlers ask only for names that are unique
 * on their element.)
 */
export function attr(src: string, from: number, to: number, want: string, part = ""): string | undefined {
  let i = from;
  while (i < to) {
    let c = src.charCodeAt(i);
    while (i < to && (c <= 32)) c = src.charCodeAt(++i);
    if (i >= to) return undefined;
    const nameStart = i;
    while (i < to && c !== 61 /* = */ && c > 32) c = src.charCodeAt(++i);
    const nameEnd = i;
    while (i < to && c !== 61) c = src.charCodeAt(++i);
    i++;
    c = src.charCodeAt(i);
    while (i < to && c <= 32) c = src.charCodeAt(++i);
    if (c !== 34 && c !== 39) return undefined;
    const close = src.indexOf(c === 34 ? '"' : "'", i + 1);
    if (close < 0 || close >= to) return undefined;
    let colon = nameStart;
    for (let k = nameStart; k < nameEnd; k++) if (src.charCodeAt(k) === 58) colon = k + 1;
    if (nameEnd - colon === want.length && src.startsWith(want, colon)) {
      const v = src.slice(i + 1, close);
      return v.indexOf("&") >= 0 || v.indexOf("\r") >= 0 ? decodeText(v, part) : v;
    }
    i = close + 1;
  }
  return undefined;
}
