/**
 * --format table (default): Chinese, grouped by file and sheet, one line per finding; colour only
 * when the caller says so (a TTY without NO_COLOR). Pure.
 */
import { SEVERITY_LABEL_ZH, type Finding, type Severity } from "../../core/validate/findings";
import { cliMessages as M } from "../messages";
import { summarize, type RunResult } from "../result";

export interface TableOptions {
  color: boolean;
  /** template id → title, for the sheet lines */
  titles?: ReadonlyMap<string, string>;
}

const SGR: Record<Severity | "bold" | "dim" | "bad", string> = {
  error: "31", warning: "33", info: "36", bold: "1", dim: "2", bad: "31;1",
};

/** Display width of a string in a terminal (CJK and full-width forms take two columns). */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    w += (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6) || (c >= 0x20000 && c <= 0x3fffd) ? 2 : 1;
  }
  return w;
}

function padTo(s: string, width: number): string {
  return s + " ".repeat(Math.max(0, width - displayWidth(s)));
}

function shown(v: Finding["expected"] | Finding["actual"]): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "boolean") return v ? M.yes : M.no;
  return String(v);
}

/** The table, line by line (no trailing newlines), so that 100 k findings never become one string. */
export function* tableLines(r: RunResult, opts: TableOptions): Generator<string> {
  const paint = (code: keyof typeof SGR, s: string) => (opts.color ? `\u001b[${SGR[code]}m${s}\u001b[0m` : s);
  const unreadable = new Map(r.unreadable.map((u) => [u.file, u.message]));
  const byFileSheet = new Map<string, Finding[]>();
  for (const f of r.findings) {
    const k = `${f.file ?? ""}\u0000${f.sheet}`;
    let list = byFileSheet.get(k);
    if (!list) byFileSheet.set(k, (list = []));
    list.push(f);
  }
  // a loop, not Math.max(...spread): a spread of 100 k+ findings overflows the call stack
  let cellWidth = 4;
  let ruleWidth = 6;
  for (const f of r.findings) {
    if (f.cell.length > cellWidth) cellWidth = f.cell.length;
    if (f.rule.length > ruleWidth) ruleWidth = f.rule.length;
  }
  for (const file of r.files) {
    yield (paint("bold", file));
    const reason = unreadable.get(file);
    if (reason !== undefined) {
      yield (paint("bad", M.cannotRead(reason)));
      yield ("");
      continue;
    }
    for (const s of r.sheets.filter((x) => x.file === file)) {
      const what = s.template === null ? M.noTemplate : M.templateWhat(opts.titles?.get(s.template) ?? s.template, s.template, s.rows);
      yield (M.sheetLine(s.sheet, what));
      const list = byFileSheet.get(`${file}\u0000${s.sheet}`) ?? [];
      if (list.length === 0) yield (paint("dim", M.clean));
      for (const f of list) {
        const label = paint(f.severity, padTo(SEVERITY_LABEL_ZH[f.severity], 6));
        const values = f.expected !== undefined
          ? `  ${f.actual !== undefined ? M.expectedActual(shown(f.expected), shown(f.actual)) : M.expectedOnly(shown(f.expected))}`
          : "";
        yield (`    ${padTo(f.cell, cellWidth)}  ${label} ${padTo(f.rule, ruleWidth)}  ${f.message}${values}  ${paint("dim", `〔${f.clause}〕`)}`);
      }
    }
    yield ("");
  }
  const s = summarize(r);
  let summary = M.summary(s.files, s.sheets, s.errors, s.warnings, s.infos);
  if (s.unreadable > 0) summary += M.summaryUnreadable(s.unreadable);
  yield (s.errors > 0 || s.unreadable > 0 ? paint("bad", summary) : summary);
}

export function formatTable(r: RunResult, opts: TableOptions): string {
  return `${[...tableLines(r, opts)].join("\n")}\n`;
}
