/**
 * The readers' limits (README "Limits and security"). Every one is configurable per read, and
 * govcheck exposes them as --max-cells and --max-inflated-mb.
 */
import { DEFAULT_MAX_CELLS } from "./cells";
import { DEFAULT_ZIP_LIMITS, type ZipLimits } from "./zip-guard";

export { DEFAULT_MAX_CELLS, MAX_CELL_TEXT } from "./cells";

const MiB = 1024 * 1024;

/** Default for ReadOptions.maxInflatedBytes, in MiB: all parts of one workbook, inflated. */
export const DEFAULT_MAX_INFLATED_MB = DEFAULT_ZIP_LIMITS.maxInflatedBytes / MiB;


export interface ReadOptions {
  /** upper bound on non-empty cells in the workbook (default 2,000,000); above it: ReadError "tooLarge" */
  maxCells?: number;
  /** upper bound on the inflated size of all parts together (default 1 GiB); above it: ReadError "tooLarge" */
  maxInflatedBytes?: number;
}

/** The zip limits for a read: the total from the options; one part never above the default part limit. */
export function zipLimitsFor(opts: ReadOptions): ZipLimits {
  const total = opts.maxInflatedBytes ?? DEFAULT_ZIP_LIMITS.maxInflatedBytes;
  if (!(Number.isSafeInteger(total) && total > 0)) throw new RangeError(`maxInflatedBytes must be a positive integer: ${total}`);
  return { ...DEFAULT_ZIP_LIMITS, maxInflatedBytes: total, maxPartBytes: Math.min(DEFAULT_ZIP_LIMITS.maxPartBytes, total) };
}

export function maxCellsOf(opts: ReadOptions): number {
  return opts.maxCells ?? DEFAULT_MAX_CELLS;
}
