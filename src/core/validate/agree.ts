/**
 * When a typed value agrees with the value the validator recomputes (templates.md: "A recomputed
 * value agrees with the typed one when they differ by less than 0.01 after the typed value's own
 * rounding (clerks type two decimals: 84.21 for 80/95×100 is right)"). The one place this rule
 * lives: every template comparing a typed total, score or amount with a recomputed one uses it.
 */
import { normText } from "../input/coerce";

/** templates.md: typed and recomputed agree when they differ by less than this. */
export const AGREE_TOLERANCE = 0.01;
/** Digits beyond which a typed number is a formula's full precision, not a clerk's rounding. */
const MAX_TYPED_DECIMALS = 10;
/** `expected` is shown with at least the two decimals clerks type (templates.md). */
const SHOWN_DECIMALS = 2;

/** Digits after the decimal point of a typed value as the clerk typed it (84.21 → 2, "８４.２" → 1). */
export function typedDecimals(raw: unknown): number {
  // the common case on a hot path (every recomputed total): a whole number has none, no string needed
  if (typeof raw === "number") return Number.isInteger(raw) ? 0 : numberDecimals(raw);
  const m = /\.(\d+)/.exec(normText(raw));
  return m ? Math.min(m[1].length, MAX_TYPED_DECIMALS) : 0;
}

const DIGIT_0 = 0x30;
const DIGIT_9 = 0x39;

/**
 * numberDecimals of the numbers met so far: a big sheet repeats its typed scores (two decimals
 * between 0 and 100: at most 10 001 of them), and String(x) is the cost on the hot path. A pure
 * function of x, so what is kept changes no answer; emptied when full.
 */
const DECIMALS = new Map<number, number>();
const DECIMALS_KEPT = 16_384;

/**
 * The digits after the point of a number as JavaScript writes it (String(x): at most one point,
 * always followed by a digit, "1.5e-7" → 1), counted without a regular expression: the same
 * answer as the text's /\.(\d+)/, on the hot path of every recomputed total (remembered per number).
 */
function numberDecimals(x: number): number {
  const known = DECIMALS.get(x);
  if (known !== undefined) return known;
  const t = String(x);
  const point = t.indexOf(".");
  let d = 0;
  if (point >= 0) {
    let end = point + 1;
    while (end < t.length) {
      const ch = t.charCodeAt(end);
      if (ch < DIGIT_0 || ch > DIGIT_9) break;
      end++;
    }
    d = Math.min(end - point - 1, MAX_TYPED_DECIMALS);
  }
  if (DECIMALS.size >= DECIMALS_KEPT) DECIMALS.clear();
  DECIMALS.set(x, d);
  return d;
}

/**
 * True when `typed` (read from the cell `raw`) agrees with `recomputed`: the recomputed value is
 * rounded to the typed value's own decimals (84.2105… → 84.21; 27.5 typed as "28" → 28), then the
 * two must differ by less than AGREE_TOLERANCE.
 */
export function agreesTyped(raw: unknown, typed: number, recomputed: number): boolean {
  const f = 10 ** typedDecimals(raw);
  return Math.abs(typed - Math.round(recomputed * f) / f) < AGREE_TOLERANCE - 1e-9;
}

/** The recomputed value rounded as the clerk would type it (for a finding's `expected`). */
export function roundedAs(raw: unknown, recomputed: number): number {
  const f = 10 ** Math.max(typedDecimals(raw), SHOWN_DECIMALS);
  return Math.round(recomputed * f) / f;
}
