/**
 * --format table (default): Chinese, grouped by file and sheet, one line per root finding with its
 * consequences (causedBy) indented under it; many findings of one check and one message shape are
 * one line with their count, cell range and message shape (core/validate/groups.ts: the JSON and
 * CSV keep every finding). Each file opens with its verdict (通过, 未通过 with its counts of roots,
 * 无法读取 with the reason) and a summary of the verdicts closes the table. Colour only when the
 * caller says so (a TTY without NO_COLOR). Pure.
 */
import { SEVERITY_LABEL_ZH, type Finding, type Severity } from "../../core/validate/findings";
import { displayItems } from "../../core/validate/groups";
import { zhCN } from "../../core/validate/messages/zh-CN";
import { cliMessages as M } from "../messages";
import { summarize, verdicts, type FileVerdict, type RunResult } from "../result";

export interface TableOptions {
  color: boolean;
  /** template id → title, for the sheet lines */
  titles?: ReadonlyMap<string, string>;
}

const SGR: Record<Severity | "bold" | "dim" | "bad" | "good", string> = {
  error: "31", warning: "33", info: "36", bold: "1", dim: "2", bad: "31;1", good: "32",
};

/** A file's verdict as the table words it. */
export function verdictText(v: FileVerdict): string {
  if (v.status === "unreadable") return M.unreadableVerdict(v.reason ?? "");
  return v.status === "fail" ? M.failed(v.errors, v.warnings, v.infos) : M.passed(v.warnings, v.infos);
}

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

/** A finding's recomputed value (and what was typed), after its message. */
function values(f: Finding): string {
  if (f.expected === undefined) return "";
  return `  ${f.actual !== undefined ? M.expectedActual(shown(f.expected), shown(f.actual)) : M.expectedOnly(shown(f.expected))}`;
}

/** The table, line by line (no trailing newlines), so that 100 k findings never become one string. */
export function* tableLines(r: RunResult, opts: TableOptions): Generator<string> {
  const paint = (code: keyof typeof SGR, s: string) => (opts.color ? `\u001b[${SGR[code]}m${s}\u001b[0m` : s);
  const byFileSheet = new Map<string, Finding[]>();
  for (const f of r.findings) {
    const k = `${f.file ?? ""}\u0000${f.sheet}`;
    let list = byFileSheet.get(k);
    if (!list) byFileSheet.set(k, (list = []));
    list.push(f);
  }
  // a loop, not Math.max(...spread): a spread of 100 k+ findings overflows the call stack
  let cellWidth = 4;
  for (const f of r.findings) {
    if (f.cell.length > cellWidth) cellWidth = f.cell.length;
  }
  const vs = verdicts(r);
  for (const v of vs) {
    const file = v.file;
    // one line per file: its name and verdict (a name with a line break stays on one line)
    const verdict = paint(v.status === "pass" ? "good" : "bad", verdictText(v).replace(/[\r\n]+/g, " "));
    yield (M.fileVerdict(paint("bold", file.replace(/[\r\n]+/g, " ")), verdict));
    if (v.status === "unreadable") {
      yield ("");
      continue;
    }
    for (const s of r.sheets.filter((x) => x.file === file)) {
      const what = s.template === null ? M.noTemplate : M.templateWhat(opts.titles?.get(s.template) ?? s.template, s.template, s.rows);
      yield (M.sheetLine(s.sheet, what));
      const list = byFileSheet.get(`${file}\u0000${s.sheet}`) ?? [];
      if (list.length === 0) yield (paint("dim", M.clean));
      for (const item of displayItems(list, { catalogue: zhCN })) {
        if (item.kind === "group") {
          const label = paint(item.severity, padTo(SEVERITY_LABEL_ZH[item.severity], 6));
          const f = item.members[0].root;
          yield (`    ${padTo(item.range, cellWidth)}  ${label} ${M.groupOf(item.members.length, item.shape)}  ${paint("dim", M.citedAs(f.clause, f.rule))}`);
          if (item.consequences > 0) yield (`    ${padTo("", cellWidth)}  ${paint("dim", M.groupConsequences(item.consequences))}`);
          continue;
        }
        const f = item.root;
        const label = paint(f.severity, padTo(SEVERITY_LABEL_ZH[f.severity], 6));
        // the clause a supervisor cites first, the rule id second (chinese-text.md); a clause
        // already carries its document number's 〔〕, so it is not bracketed again
        yield (`    ${padTo(f.cell, cellWidth)}  ${label} ${f.message}${values(f)}  ${paint("dim", M.citedAs(f.clause, f.rule))}`);
        for (const c of item.consequences) yield (`    ${padTo("", cellWidth)}  ${M.consequence(c.cell, c.message)}${values(c)}`);
      }
    }
    yield ("");
  }
  const s = summarize(r, vs);
  const summary = M.verdictSummary(s.files, s.passed, s.failed, s.unreadable, s.sheets, s.errors, s.warnings, s.infos);
  yield (s.failed > 0 || s.unreadable > 0 ? paint("bad", summary) : summary);
}

export function formatTable(r: RunResult, opts: TableOptions): string {
  return `${[...tableLines(r, opts)].join("\n")}\n`;
}
