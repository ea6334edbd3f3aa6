/**
 * A one-line progress bar on stderr, for many or large files on a terminal only (never in a
 * pipe or a log, where it would be noise).
 */
import { displayWidth } from "./formatters/table";
import { cliMessages as M } from "./messages";

export interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write(s: string): unknown;
}

/** Shown from this many files, or from this many bytes in all. */
export const PROGRESS_MIN_FILES = 5;
export const PROGRESS_MIN_BYTES = 5 * 1024 * 1024;
const BAR = 20;

export function wantsProgress(stream: ProgressStream, files: number, bytes: number): boolean {
  return Boolean(stream.isTTY) && (files >= PROGRESS_MIN_FILES || bytes >= PROGRESS_MIN_BYTES);
}

export class Progress {
  private shown = false;
  constructor(private readonly stream: ProgressStream) {}

  update(done: number, total: number, name: string): void {
    const filled = total > 0 ? Math.round((done / total) * BAR) : 0;
    let text = `${M.progress} [${"#".repeat(filled)}${".".repeat(BAR - filled)}] ${done}/${total} ${name}`;
    const max = (this.stream.columns ?? 80) - 1;
    while (displayWidth(text) > max && text.length > 0) text = text.slice(0, -1);
    this.stream.write(`\r\u001b[2K${text}`);
    this.shown = true;
  }

  clear(): void {
    if (this.shown) this.stream.write("\r\u001b[2K");
    this.shown = false;
  }
}
