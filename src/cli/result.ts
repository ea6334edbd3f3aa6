/**
 * What a govcheck run produced, and what follows from it (verdicts, summary, exit code). Pure, and
 * free of the engine, so that the formatters can be tested on hand-made results.
 */
import type { SheetResult } from "../core/validate/engine";
import type { ConsolidatedTable } from "../core/validate/combine";
import { type Finding, isRoot } from "../core/validate/findings";

export interface FileSheet extends SheetResult {
  file: string;
  /** the 填报单位 line above the table (report summary), null when none */
  unit?: string | null;
}

export interface Unreadable {
  file: string;
  message: string;
}

export interface RunResult {
  /** every file examined (display names), readable or not, in input order */
  files: string[];
  sheets: FileSheet[];
  /** each finding with its file */
  findings: Finding[];
  unreadable: Unreadable[];
  /** --combined: the consolidated tables (合并汇总), one per template combined */
  consolidated?: ConsolidatedTable[];
}

/** A file's verdict: read and no 违规; read with at least one 违规; not read at all. */
export type FileStatus = "pass" | "fail" | "unreadable";

export interface Counts {
  errors: number;
  warnings: number;
  infos: number;
}

export interface FileVerdict extends Counts {
  file: string;
  status: FileStatus;
  /** why the file could not be read (status "unreadable" only) */
  reason?: string;
}

export interface Summary extends Counts {
  files: number;
  sheets: number;
  /** files read with no 违规 */
  passed: number;
  /** files read with at least one 违规 */
  failed: number;
  unreadable: number;
}

/** Counts a root finding; a consequence of another (causedBy) is not a violation of its own. */
function tally(c: Counts, f: Finding): void {
  if (!isRoot(f)) return;
  if (f.severity === "error") c.errors += 1;
  else if (f.severity === "warning") c.warnings += 1;
  else c.infos += 1;
}

/** One verdict per file, in the order of `r.files` (input order, whatever thread read the file). */
export function verdicts(r: RunResult): FileVerdict[] {
  const reasons = new Map(r.unreadable.map((u) => [u.file, u.message]));
  const counts = new Map<string, Counts>();
  for (const f of r.findings) {
    const k = f.file ?? "";
    let c = counts.get(k);
    if (!c) counts.set(k, (c = { errors: 0, warnings: 0, infos: 0 }));
    tally(c, f);
  }
  return r.files.map((file) => {
    const reason = reasons.get(file);
    if (reason !== undefined) return { file, status: "unreadable", errors: 0, warnings: 0, infos: 0, reason };
    const c = counts.get(file) ?? { errors: 0, warnings: 0, infos: 0 };
    return { file, status: c.errors > 0 ? "fail" : "pass", ...c };
  });
}

export function summarize(r: RunResult, vs: readonly FileVerdict[] = verdicts(r)): Summary {
  const all: Counts = { errors: 0, warnings: 0, infos: 0 };
  for (const f of r.findings) tally(all, f);
  const n = (s: FileStatus) => vs.filter((v) => v.status === s).length;
  return {
    files: r.files.length, sheets: r.sheets.length, ...all,
    passed: n("pass"), failed: n("fail"), unreadable: r.unreadable.length,
  };
}

/** govcheck's exit codes (README, --help). */
export const EXIT = {
  /** every file read, none with a 违规 */
  passed: 0,
  /** every file read, at least one with a 违规 */
  failed: 1,
  /** bad usage, or something could not be checked (a file unreadable, a pattern matching nothing, the report not written); no 违规 in the rest */
  unreadable: 2,
  /** both: something could not be checked, and files that were read have 违规 */
  mixed: 3,
} as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/**
 * 3 when a file could not be read (or `unchecked`: something else was not done) and another has a
 * 违规; 2 when only the former; 1 when only the latter; else 0.
 */
export function exitCode(r: RunResult, unchecked = false): ExitCode {
  const missed = unchecked || r.unreadable.length > 0;
  const failed = r.findings.some((f) => f.severity === "error" && isRoot(f));
  if (missed) return failed ? EXIT.mixed : EXIT.unreadable;
  return failed ? EXIT.failed : EXIT.passed;
}
