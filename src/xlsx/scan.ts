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

/** Slots of the scanner's cache of tag names (a sheet uses a dozen names). */
const NAME_SLOTS = 64;
/** A longer name is sliced each time rather than cached. */
const MAX_CACHED_NAME = 64;

export class XmlScanner {
  private carry = "";
  /** qualified and local names of the open elements (`depth` of them) */
  private readonly stack: string[] = [];
  private readonly names: string[] = [];
  private depth = 0;
  /**
   * Qualified and local names of the tags seen, by a hash of their characters: a start tag's name
   * is compared in place with the one in its slot, so the millions of <c> and <v> cost no substring.
   */
  private readonly qCache: (string | undefined)[] = new Array<string | undefined>(NAME_SLOTS).fill(undefined);
  private readonly lCache: string[] = new Array<string>(NAME_SLOTS).fill("");
  private rooted = false;
  /** finishing a carried tag on part of a chunk (see feed) */
  private trying = false;
  /**
   * The handler's methods, read once: `h.open(…)` in feed would be a lookup over every handler
   * class the reader has (six: a megamorphic site, measured slower), `onOpen.call(h, …)` is not.
   */
  private readonly onOpen: XmlHandler["open"];
  private readonly onClose: XmlHandler["close"];
  private readonly onText: XmlHandler["text"];
  constructor(private readonly h: XmlHandler, private readonly part: string) {
    this.onOpen = h.open;
    this.onClose = h.close;
    this.onText = h.text;
  }

  /** true once the root element has been opened */
  get sawRoot(): boolean {
    return this.rooted;
  }

  private bad(): ReadError {
    return new ReadError("badXml", M.badXml(shownName(this.part)));
  }

  feed(chunk: string): void {
    if (this.carry === "") {
      this.run(chunk, 0, false);
      return;
    }
    // A tag cut at the end of the last chunk is finished first on a small string: the carry and
    // the chunk up to its next ">" (up to the next one while still unfinished, a few times). `carry +
    // chunk` whole would be a rope, and reading characters out of a rope is several times slower
    // than out of a flat string; flattening it costs a copy of the chunk (both measured in V8).
    let from = 0;
    for (let tries = 0; ; tries++) {
      const gt = chunk.indexOf(">", from);
      const carry = this.carry;
      this.carry = "";
      if (gt < 0 || tries === 8) {
        // no ">" left (or many inside quotes, each try copying the tag): the rest of the chunk
        // joined to the tag, as a whole
        this.run([carry, chunk.slice(from)].join(""), 0, false);
        return;
      }
      const head = [carry, chunk.slice(from, gt + 1)].join("");
      this.trying = true;
      let end: number;
      try {
        end = this.run(head, 0, true);
      } finally {
        this.trying = false;
      }
      if (this.carry === "") {
        this.run(chunk, from + end - carry.length, false);
        return;
      }
      from = gt + 1;
    }
  }

  /**
   * Scans `s` from `i`; the index after the last construct read. `once`: only the construct at
   * `i`. A construct cut at the end is kept in `carry` for the next chunk.
   */
  private run(s: string, i: number, once: boolean): number {
    const n = s.length;
    const h = this.h;
    const onOpen = this.onOpen;
    const onClose = this.onClose;
    const onText = this.onText;
    const stack = this.stack;
    const names = this.names;
    while (i < n) {
      // in a sheet most tags follow one another: look at the next character before searching
      const lt = s.charCodeAt(i) === 60 ? i : s.indexOf("<", i);
      if (lt < 0) {
        onText.call(h, s.slice(i), false);
        return n;
      }
      if (lt > i) onText.call(h, s.slice(i, lt), false);
      if (lt + 1 >= n) return this.keep(s, lt);
      const c = s.charCodeAt(lt + 1);
      if (c === 47 /* / */) {
        // an end tag: compared with the open element's qualified name in place, then only
        // white space may come before its ">"
        const depth = this.depth - 1;
        if (depth < 0) return this.cutOrBad(s, lt);
        const q = stack[depth];
        const ql = q.length;
        let e = lt + 2;
        if (e + ql > n) return this.cutOrBad(s, lt);
        for (let k = 0; k < ql; k++) if (s.charCodeAt(e + k) !== q.charCodeAt(k)) return this.cutOrBad(s, lt);
        e += ql;
        let d = 0;
        while (e < n && (d = s.charCodeAt(e)) <= 32) e++;
        if (e >= n) return this.keep(s, lt);
        if (d !== 62 /* > */) return this.cutOrBad(s, lt);
        this.depth = depth;
        onClose.call(h, names[depth]);
        i = e + 1;
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
          onText.call(h, s.slice(lt + 9, end), true);
          i = end + 3;
        } else {
          // <!DOCTYPE, <!ENTITY … in any spelling
          throw new ReadError("badXml", M.doctype(shownName(this.part)));
        }
      } else {
        // a start tag. Its name runs to white space, "/" or ">"; a quote or "<" in it leaves the
        // rest to the general rule below (namePlain false).
        let ne = lt + 1;
        let hash = 0;
        let d = c;
        for (;;) {
          if (d <= 32 || d === 47 || d === 62 || d === 34 || d === 39 || d === 60) break;
          hash = (hash * 31 + d) | 0;
          if (++ne >= n) break;
          d = s.charCodeAt(ne);
        }
        const namePlain = ne < n && d !== 34 && d !== 39 && d !== 60;
        // its ">" is the first one outside quoted attribute values ("…" or '…', the other quote
        // allowed inside); "<" is not allowed anywhere before it
        let gt = -1;
        let ltInside = false;
        for (let k = namePlain ? ne : lt + 1; k < n; k++) {
          const e = s.charCodeAt(k);
          if (e === 62) {
            gt = k;
            break;
          }
          if (e === 34 || e === 39) {
            let f = 0;
            while (++k < n && (f = s.charCodeAt(k)) !== e) if (f === 60) ltInside = true;
          } else if (e === 60) ltInside = true;
        }
        if (gt < 0) return this.keep(s, lt);
        if (ltInside) throw this.bad();
        if (!namePlain) {
          // a quote or "<" in the name: the name is what comes before white space, "/" or ">"
          ne = lt + 1;
          while (ne < gt) {
            const f = s.charCodeAt(ne);
            if (f <= 32 || f === 47 || f === 62) break;
            ne++;
          }
        }
        const len = ne - lt - 1;
        if (len === 0) throw this.bad();
        let q: string;
        let name: string;
        const slot = hash & (NAME_SLOTS - 1);
        const cached = namePlain ? this.qCache[slot] : undefined;
        if (cached !== undefined && cached.length === len && sameAt(s, lt + 1, cached)) {
          q = cached;
          name = this.lCache[slot];
        } else {
          q = s.slice(lt + 1, ne);
          name = localName(q);
          if (namePlain && len <= MAX_CACHED_NAME) {
            // the engine's own copy of the name (a property key is one): the handlers' switch
            // on names then compares it with its cases by identity
            name = internal(name);
            this.qCache[slot] = q;
            this.lCache[slot] = name;
          }
        }
        const empty = s.charCodeAt(gt - 1) === 47;
        if (this.depth === 0) {
          if (this.rooted) throw this.bad(); // a second root element
          this.rooted = true;
        }
        onOpen.call(h, name, s, ne, empty ? gt - 1 : gt, empty);
        if (empty) onClose.call(h, name);
        else {
          const depth = this.depth++;
          stack[depth] = q;
          names[depth] = name;
        }
        i = gt + 1;
      }
      if (once) return i;
    }
    return i;
  }

  /** A tag that is not right: malformed when its ">" is in this chunk, else cut off (kept for the next). */
  private cutOrBad(s: string, lt: number): number {
    if (s.indexOf(">", lt + 2) >= 0) throw this.bad();
    return this.keep(s, lt);
  }

  private keep(s: string, from: number): number {
    // (while trying a part of a chunk, the rest of it may finish the tag: not too long yet)
    if (!this.trying && s.length - from > MAX_TAG_CHARS) throw this.bad();
    this.carry = s.slice(from);
    return s.length;
  }

  /** At the end of the part: nothing may be left open or cut off. */
  end(): void {
    if (this.depth > 0 || this.carry.trim() !== "") throw this.bad();
  }
}

/** The engine's canonical copy of `s` (property keys are interned). */
function internal(s: string): string {
  return Object.keys({ [s]: 0 })[0] ?? s;
}

/** `s` has `q` at `at` (the caller checked there is room). */
function sameAt(s: string, at: number, q: string): boolean {
  for (let k = 0; k < q.length; k++) if (s.charCodeAt(at + k) !== q.charCodeAt(k)) return false;
  return true;
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
