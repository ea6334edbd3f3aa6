/**
 * The guard applied to every part while it inflates (browser-safe, no I/O): `InflateCounter`
 * holds each part to the inflated size its central-directory entry declares (which zip-guard has
 * already checked against the limits), so a forged size cannot make a part inflate past the
 * limits. (A DOCTYPE is refused by the scanner, scan.ts, wherever it appears; over-long text by
 * the part handlers as it streams in, parts.ts.)
 */
import { ReadError } from "./errors";
import { readMessages as M } from "./messages";
import { shownName } from "./zip-guard";

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
