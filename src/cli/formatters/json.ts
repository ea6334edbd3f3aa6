/**
 * --format json: ONE document on stdout, pure: files (each file's verdict in input order: status
 * "pass", "fail" or "unreadable" with its reason, and its counts), sheets, issues, summary, and
 * the unreadable files again as {file, message}.
 */
import type { Finding } from "../../core/validate/findings";
import type { RunResult } from "../result";
import { summarize, verdicts } from "../result";

/** A Finding's keys in the order the engine assigns them (findings.ts). */
const FINDING_KEYS = [
  "file", "sheet", "template", "cell", "row", "column", "rule", "check", "messageId", "severity", "message", "expected", "actual",
  "clause", "causedBy", "stack",
] as const;

/**
 * JSON.stringify of a value found in a finding: a string, number, boolean or null — or undefined
 * for anything else (an object, a function…), which the caller then leaves to JSON.stringify.
 */
function scalar(v: unknown): string | undefined {
  switch (typeof v) {
    case "string": return JSON.stringify(v);
    case "number": return Number.isFinite(v) ? String(v) : "null";
    case "boolean": return v ? "true" : "false";
    case "object": return v === null ? "null" : undefined;
    default: return undefined;
  }
}

/**
 * A serialiser of findings whose output is exactly JSON.stringify(finding), made faster by
 * remembering the JSON text of the values that repeat from finding to finding (file, sheet,
 * template, column, rule, check, message id, severity, clause). Anything off the engine's shape —
 * a key not in FINDING_KEYS or out of its order, a required field missing or not a string (row not
 * a number), an optional one holding an object — is left to JSON.stringify itself.
 */
export function findingSerializer(): (f: Finding) => string {
  const texts = new Map<string, string>();
  const same = (v: string): string => {
    let t = texts.get(v);
    if (t === undefined) texts.set(v, (t = JSON.stringify(v)));
    return t;
  };
  return (f) => {
    if (Object.getPrototypeOf(f) !== Object.prototype || (f as { toJSON?: unknown }).toJSON !== undefined) return JSON.stringify(f);
    let i = 0;
    for (const k in f) {
      while (i < FINDING_KEYS.length && FINDING_KEYS[i] !== k) i++;
      if (i === FINDING_KEYS.length) return JSON.stringify(f);
      i++;
    }
    const { file, sheet, template, cell, row, column, rule, check, messageId, severity, message, expected, actual, clause, causedBy, stack } = f;
    if (
      typeof sheet !== "string" || (template !== null && typeof template !== "string") || typeof cell !== "string" || typeof row !== "number" ||
      typeof column !== "string" || typeof rule !== "string" || typeof check !== "string" || typeof messageId !== "string" ||
      typeof severity !== "string" || typeof message !== "string" || typeof clause !== "string" || (file !== undefined && typeof file !== "string")
    ) return JSON.stringify(f);
    const e = expected === undefined ? "" : scalar(expected);
    const a = actual === undefined ? "" : scalar(actual);
    const c = causedBy === undefined ? "" : scalar(causedBy);
    const st = stack === undefined ? "" : scalar(stack);
    if (e === undefined || a === undefined || c === undefined || st === undefined) return JSON.stringify(f);
    return (file === undefined ? "{\"sheet\":" : `{"file":${same(file)},"sheet":`) + same(sheet) +
      ",\"template\":" + (template === null ? "null" : same(template)) +
      ",\"cell\":" + JSON.stringify(cell) + ",\"row\":" + scalar(row)! + ",\"column\":" + same(column) +
      ",\"rule\":" + same(rule) + ",\"check\":" + same(check) + ",\"messageId\":" + same(messageId) + ",\"severity\":" + same(severity) +
      ",\"message\":" + JSON.stringify(message) +
      (expected === undefined ? "" : ",\"expected\":" + e) + (actual === undefined ? "" : ",\"actual\":" + a) +
      ",\"clause\":" + same(clause) +
      (causedBy === undefined ? "" : ",\"causedBy\":" + c) + (stack === undefined ? "" : ",\"stack\":" + st) + "}";
  };
}

/**
 * The document as lines: pretty at the top, one compact line per sheet and per finding —
 * readable, diff-able, and written piece by piece so 100 k findings never become one string.
 */
export function* jsonLines(r: RunResult): Generator<string> {
  const sheets = r.sheets.map((s) => ({ file: s.file, sheet: s.sheet, template: s.template, rows: s.rows, headerRow: s.headerRow }));
  function* list<T>(name: string, items: readonly T[], last = false, json: (item: T) => string = JSON.stringify): Generator<string> {
    const end = last ? "" : ",";
    if (items.length === 0) {
      yield `  "${name}": []${end}`;
      return;
    }
    yield `  "${name}": [`;
    for (let i = 0; i < items.length - 1; i++) yield `    ${json(items[i])},`;
    yield `    ${json(items[items.length - 1])}`;
    yield `  ]${end}`;
  }
  const vs = verdicts(r);
  yield "{";
  yield* list("files", vs);
  yield* list("sheets", sheets);
  yield* list("issues", r.findings, false, findingSerializer());
  yield `  "summary": ${JSON.stringify(summarize(r, vs))},`;
  yield* list("unreadable", r.unreadable, true);
  yield "}";
}

export function formatJson(r: RunResult): string {
  return `${[...jsonLines(r)].join("\n")}\n`;
}
