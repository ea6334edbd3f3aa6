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

export function formatCsv(r: RunResult): string {
  const rows = [line([...M.csvHeader])];
  for (const f of r.findings as Finding[]) {
    rows.push(line([f.file ?? "", f.sheet, f.cell, SEVERITY_LABEL_ZH[f.severity], f.rule, f.clause, f.message, f.expected, f.actual, f.template ?? ""]));
  }
  return `\uFEFF${rows.join("\r\n")}\r\n`;
}
