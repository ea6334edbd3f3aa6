/**
 * --format csv: a header and one line per finding, RFC 4180 (CRLF, fields quoted when needed),
 * with a UTF-8 BOM so that Excel opens the Chinese text correctly. A text field beginning with
 * = + - @ tab or CR gets a leading ' so that a spreadsheet does not run it as a formula.
 */
import { SEVERITY_LABEL_ZH, type Finding } from "../../core/validate/findings";
import { cliMessages as M } from "../messages";
import type { RunResult } from "../result";

const FORMULA_START = /^[=+\-@\t\r]/;

/** Neutralises formula-looking text (OWASP "CSV injection"). Numbers are left alone. */
export function defuse(v: string): string {
  return FORMULA_START.test(v) ? `'${v}` : v;
}

export function csvField(v: string | number | boolean | null | undefined): string {
  if (v === null || v === undefined) return "";
  const s = typeof v === "string" ? defuse(v) : typeof v === "boolean" ? (v ? M.yes : M.no) : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function line(fields: (string | number | boolean | null | undefined)[]): string {
  return fields.map(csvField).join(",");
}

/** The CSV, record by record (no line ends); the first record carries the BOM. */
export function* csvLines(r: RunResult): Generator<string> {
  yield `\uFEFF${line([...M.csvHeader])}`;
  for (const f of r.findings as Finding[]) {
    yield line([f.file ?? "", f.sheet, f.cell, SEVERITY_LABEL_ZH[f.severity], f.rule, f.clause, f.message, f.expected, f.actual, f.template ?? ""]);
  }
}

export function formatCsv(r: RunResult): string {
  return `${[...csvLines(r)].join("\r\n")}\r\n`;
}
