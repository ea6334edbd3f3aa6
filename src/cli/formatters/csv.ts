/**
 * --format csv: a header and one line per finding, and one per unreadable file (级别 无法读取,
 * 说明 the reason), in input order; a consequence names its root's cell in 起因单元格; RFC 4180 (CRLF, fields quoted when needed),
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
  const row = (f: Finding) =>
    line([f.file ?? "", f.sheet, f.cell, SEVERITY_LABEL_ZH[f.severity], f.rule, f.clause, f.message, f.expected, f.actual, f.template ?? "", f.causedBy ?? ""]);
  const reasons = new Map(r.unreadable.map((u) => [u.file, u.message]));
  if (reasons.size === 0) {
    for (const f of r.findings) yield row(f);
    return;
  }
  // the findings come file by file in input order; an unreadable file's row goes in its place
  const at = new Map(r.files.map((file, i) => [file, i]));
  const pending = r.files.filter((file) => reasons.has(file));
  let p = 0;
  const before = (limit: number) => {
    const out: string[] = [];
    while (p < pending.length && (at.get(pending[p]) ?? 0) < limit) {
      const file = pending[p++];
      out.push(line([file, "", "", M.unreadableLevel, "", "", reasons.get(file), "", "", "", ""]));
    }
    return out;
  };
  for (const f of r.findings) {
    yield* before(at.get(f.file ?? "") ?? -1);
    yield row(f);
  }
  yield* before(Infinity);
}

export function formatCsv(r: RunResult): string {
  return `${[...csvLines(r)].join("\r\n")}\r\n`;
}
