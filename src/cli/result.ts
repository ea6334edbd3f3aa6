/**
 * What a govcheck run produced, and what follows from it (summary, exit code). Pure, and free of
 * the engine, so that the formatters can be tested on hand-made results.
 */
import type { SheetResult } from "../core/validate/engine";
import type { Finding } from "../core/validate/findings";

export interface FileSheet extends SheetResult {
  file: string;
}

export interface Unreadable {
  file: string;
  message: string;
}

export interface RunResult {
  /** every file examined (display names), readable or not, in order */
  files: string[];
  sheets: FileSheet[];
  /** each finding with its file */
  findings: Finding[];
  unreadable: Unreadable[];
}

export interface Summary {
  files: number;
  sheets: number;
  errors: number;
  warnings: number;
  infos: number;
  unreadable: number;
}

export function summarize(r: RunResult): Summary {
  const count = (s: Finding["severity"]) => r.findings.filter((f) => f.severity === s).length;
  return {
    files: r.files.length, sheets: r.sheets.length,
    errors: count("error"), warnings: count("warning"), infos: count("info"),
    unreadable: r.unreadable.length,
  };
}

/** 2 when a file could not be read, else 1 when there is an error-severity finding, else 0. */
export function exitCode(r: RunResult): 0 | 1 | 2 {
  if (r.unreadable.length > 0) return 2;
  return r.findings.some((f) => f.severity === "error") ? 1 : 0;
}
