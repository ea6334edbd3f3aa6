/**
 * --format json: ONE document on stdout, pure: files (each file's verdict in input order: status
 * "pass", "fail" or "unreadable" with its reason, and its counts), sheets, issues, summary, and
 * the unreadable files again as {file, message}.
 */
import type { RunResult } from "../result";
import { summarize, verdicts } from "../result";

/**
 * The document as lines: pretty at the top, one compact line per sheet and per finding —
 * readable, diff-able, and written piece by piece so 100 k findings never become one string.
 */
export function* jsonLines(r: RunResult): Generator<string> {
  const sheets = r.sheets.map((s) => ({ file: s.file, sheet: s.sheet, template: s.template, rows: s.rows, headerRow: s.headerRow }));
  function* list(name: string, items: readonly unknown[], last = false): Generator<string> {
    const end = last ? "" : ",";
    if (items.length === 0) {
      yield `  "${name}": []${end}`;
      return;
    }
    yield `  "${name}": [`;
    for (let i = 0; i < items.length; i++) yield `    ${JSON.stringify(items[i])}${i < items.length - 1 ? "," : ""}`;
    yield `  ]${end}`;
  }
  const vs = verdicts(r);
  yield "{";
  yield* list("files", vs);
  yield* list("sheets", sheets);
  yield* list("issues", r.findings);
  yield `  "summary": ${JSON.stringify(summarize(r, vs))},`;
  yield* list("unreadable", r.unreadable, true);
  yield "}";
}

export function formatJson(r: RunResult): string {
  return `${[...jsonLines(r)].join("\n")}\n`;
}
