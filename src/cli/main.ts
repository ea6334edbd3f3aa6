/**
 * govcheck: argv → engine → formatter → exit code (result.ts EXIT).
 * Exit 0: every file read, no error-severity finding; 1: every file read, at least one such
 * finding; 2: bad usage, or something could not be checked (a file unreadable — named on stderr in
 * one line, the other files still checked —, a pattern matching nothing, the report not written)
 * and no error-severity finding in the rest; 3: both.
 */
import { promises as fsp } from "fs";
import * as path from "path";
import { Writable } from "stream";
import { listTemplates } from "../core/validate";
import { DEFAULT_MAX_CELLS, DEFAULT_MAX_INFLATED_MB } from "../xlsx/limits";
import { parseArgs, UsageError } from "./args";
import { displayName, expandInputs } from "./files";
import { csvLines } from "./formatters/csv";
import { jsonLines } from "./formatters/json";
import { tableLines } from "./formatters/table";
import { cliMessages as M } from "./messages";
import { Progress, type ProgressStream, wantsProgress } from "./progress";
import { checkFiles, exitCode, type RunResult } from "./run";
import type { ConsolidatedTable } from "../core/validate/combine";

export interface CliIo {
  stdout: ProgressStream;
  stderr: ProgressStream;
  cwd: string;
  env: Record<string, string | undefined>;
}

function useColor(io: CliIo): boolean {
  const force = io.env.FORCE_COLOR;
  if (force !== undefined && force !== "" && force !== "0" && force !== "false") return true;
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== "") return false;
  return Boolean(io.stdout.isTTY);
}

/** One line on stderr, whatever the text holds (a file name may contain a line break). */
function errLine(io: CliIo, text: string): void {
  io.stderr.write(`${M.prefix}: ${text.replace(/[\r\n]+/g, " ")}\n`);
}

/** The chosen format, line by line, and the line end it uses. */
function renderLines(result: RunResult, format: "table" | "json" | "csv", color: boolean): { lines: Iterable<string>; eol: string } {
  if (format === "json") return { lines: jsonLines(result), eol: "\n" };
  if (format === "csv") return { lines: csvLines(result), eol: "\r\n" };
  const titles = new Map(listTemplates().map((t) => [t.id as string, t.title]));
  return { lines: tableLines(result, { color, titles }), eol: "\n" };
}

export function render(result: RunResult, format: "table" | "json" | "csv", color: boolean): string {
  const { lines, eol } = renderLines(result, format, color);
  return `${[...lines].join(eol)}${eol}`;
}

/** A stream that may ask the writer to wait: write() returns false until it emits "drain". */
interface DrainableStream {
  write(s: string | Uint8Array): unknown;
  once?(event: string, listener: () => void): unknown;
  removeListener?(event: string, listener: () => void): unknown;
}

/**
 * Writes `text`; when the stream says its buffer is full (write returned false, as process.stdout
 * does on a pipe), waits until it has drained, so the output never piles up in memory. Resolves to
 * false when the stream closed or failed instead (the reader went away: write no more). A stream
 * whose write returns anything else (true, undefined) is never waited on: null.
 */
function writeAndWait(out: DrainableStream, text: string | Uint8Array): Promise<boolean> | null {
  if (out.write(text) !== false || typeof out.once !== "function") return null;
  return new Promise((resolve) => {
    const listeners = (["drain", "close", "error"] as const).map((event) => {
      const listener = () => {
        for (const [e, l] of listeners) out.removeListener?.(e, l);
        resolve(event === "drain");
      };
      out.once!(event, listener);
      return [event, listener] as const;
    });
  });
}

/**
 * Writes the output in pieces of some 64 k characters, each after the previous one has drained:
 * memory stays flat however many findings, whatever reads the output (a file, a slow pipe).
 */
export async function writeRendered(out: CliIo["stdout"], result: RunResult, format: "table" | "json" | "csv", color: boolean): Promise<void> {
  const { lines, eol } = renderLines(result, format, color);
  // a real stream (process.stdout) takes bytes; a stand-in (tests) keeps taking text
  await writeLines(out, lines, eol, out instanceof Writable);
}

/**
 * Writes `lines`, each followed by `eol`, in pieces, waiting for "drain" when the stream asks to.
 * `bytes`: each piece is UTF-8 encoded line by line into one buffer, rather than built as one
 * string that the stream then flattens and encodes (45 MB of JSON: about 100 ms less).
 */
export async function writeLines(out: DrainableStream, lines: Iterable<string>, eol: string, bytes = false): Promise<void> {
  const piece = bytes ? new BytePiece() : new TextPiece();
  for (const l of lines) {
    piece.add(l);
    piece.add(eol);
    if (piece.size >= PIECE_CHARS) {
      const wait = writeAndWait(out, piece.take());
      if (wait && !(await wait)) return;
    }
  }
  if (piece.size > 0) await writeAndWait(out, piece.take());
}

/** Characters (or bytes) per write: big enough that the writes cost nothing, small enough to stay flat. */
const PIECE_CHARS = 64 * 1024;

/** Output gathered for one write, as text. */
class TextPiece {
  private text = "";
  get size(): number {
    return this.text.length;
  }
  add(s: string): void {
    this.text += s;
  }
  take(): string {
    const t = this.text;
    this.text = "";
    return t;
  }
}

/** Output gathered for one write, as UTF-8 bytes (a fresh buffer per write: the stream may keep it). */
class BytePiece {
  private buf = Buffer.allocUnsafe(2 * PIECE_CHARS);
  private used = 0;
  get size(): number {
    return this.used;
  }
  add(s: string): void {
    // UTF-8 takes at most 3 bytes per UTF-16 unit
    const need = 3 * s.length;
    if (this.buf.length - this.used < need) {
      const bigger = Buffer.allocUnsafe(Math.max(2 * this.buf.length, this.used + need));
      this.buf.copy(bigger, 0, 0, this.used);
      this.buf = bigger;
    }
    this.used += this.buf.write(s, this.used, "utf8");
  }
  take(): Uint8Array {
    const out = this.buf.subarray(0, this.used);
    this.buf = Buffer.allocUnsafe(2 * PIECE_CHARS);
    this.used = 0;
    return out;
  }
}

export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const templates = listTemplates();
  let opts;
  try {
    opts = parseArgs(argv, templates.map((t) => t.id));
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    errLine(io, `${e.message}（${M.seeHelp}）`);
    return 2;
  }
  if (opts.help) {
    io.stdout.write(`${M.help(templates, DEFAULT_MAX_CELLS, DEFAULT_MAX_INFLATED_MB)}\n`);
    return 0;
  }

  const { files, missing } = await expandInputs(opts.inputs, io.cwd);
  for (const m of missing) errLine(io, M.noMatch(m));
  if (files.length === 0) {
    errLine(io, M.noFiles);
    return 2;
  }
  const names = files.map((f) => displayName(f, io.cwd));
  const sizes = await Promise.all(files.map((f) => fsp.stat(f).then((s) => s.size, () => 0)));
  const progress = wantsProgress(io.stderr, files.length, sizes.reduce((a, b) => a + b, 0)) ? new Progress(io.stderr) : null;

  const result = await checkFiles(files, names, {
    template: opts.template,
    maxCells: opts.maxCells,
    maxInflatedBytes: opts.maxInflatedMb === undefined ? undefined : opts.maxInflatedMb * 1024 * 1024,
    onFile: progress ? (i, total, name) => progress.update(i, total, name) : undefined,
    combine: opts.combine,
    consolidate: opts.combined !== undefined,
  });
  progress?.clear();
  for (const u of result.unreadable) errLine(io, M.unreadable(u.file, u.message));

  await writeRendered(io.stdout, result, opts.format, useColor(io));

  let reportFailed = false;
  if (opts.report) {
    const out = path.resolve(io.cwd, opts.report);
    try {
      // ExcelJS (0.3–0.4 s to load) only when a report is asked for
      const { writeReportWorkbook } = await import("../xlsx/report");
      // names as shown (relative to the working folder); the report keeps the file name only
      const bytes = await writeReportWorkbook({
        findings: result.findings, sheets: result.sheets, files: result.files, unreadable: result.unreadable,
        templates,
      });
      await fsp.writeFile(out, bytes);
      if (opts.format === "table") io.stderr.write(`${M.reportWritten(displayName(out, io.cwd))}\n`);
    } catch (e) {
      errLine(io, M.reportFailed(opts.report, e instanceof Error ? e.message : String(e)));
      reportFailed = true;
    }
  }
  let combinedFailed = false;
  if (opts.combined) {
    const tables = result.consolidated ?? [];
    try {
      if (tables.length === 0) throw new Error(M.combinedNone);
      const { writeSnapshotWorkbook } = await import("../xlsx/write");
      // the rows above the units (title, header) in bold, frozen above the data
      const head = (t: ConsolidatedTable) => t.sheet.rows.length - t.units;
      const bytes = await writeSnapshotWorkbook(tables.map((t) => ({
        sheet: t.sheet, freezeBelow: head(t) + 1, boldRows: Array.from({ length: head(t) }, (_, i) => i + 1), widths: [28],
      })));
      const out = path.resolve(io.cwd, opts.combined);
      await fsp.writeFile(out, bytes);
      const parts = tables.map((t) => M.combinedPart(t.template.title, t.units, t.repeats.length, t.recomputed));
      if (opts.format === "table") io.stderr.write(`${M.combinedWritten(displayName(out, io.cwd), parts)}\n`);
    } catch (e) {
      errLine(io, M.combinedFailed(opts.combined, e instanceof Error ? e.message : String(e)));
      combinedFailed = true;
    }
  }
  return exitCode(result, missing.length > 0 || reportFailed || combinedFailed);
}

/** Entry point for bin/govcheck.js. */
export function run(): void {
  main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd(), env: process.env })
    .then((code) => {
      process.exitCode = code;
    })
    .catch((e: unknown) => {
      // never a stack trace for the clerk: one line, exit 2
      process.stderr.write(`${M.prefix}: ${(e instanceof Error ? e.message : String(e)).replace(/[\r\n]+/g, " ")}\n`);
      process.exitCode = 2;
    });
}
