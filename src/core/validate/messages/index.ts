/**
 * Message catalogues of the validator: zh-CN (what findings say) and its en-US twin. A message is
 * found by scope (template id, or "engine"), check id and message id, and its `{placeholders}`
 * are filled from the report's data; a missing text or an unfilled placeholder is a bug in the
 * check and throws (the engine reports it as the check's failure).
 */
import type { MessageData } from "../template";
import { type Catalogue, zhCN } from "./zh-CN";
import { enUS } from "./en-US";

export type Locale = "zh-CN" | "en-US";
export const catalogues: Readonly<Record<Locale, Catalogue>> = { "zh-CN": zhCN, "en-US": enUS };

const PLACEHOLDER = /\{(\w+)\}/g;

/** The placeholders of a text, in order of appearance. */
export function placeholders(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => m[1]);
}

/** The raw text of a message, or undefined when the catalogue lacks it. */
export function messageText(scope: string, check: string, id: string, locale: Locale = "zh-CN"): string | undefined {
  return catalogues[locale][scope]?.[check]?.[id];
}

/** The message with its placeholders filled (`texts`: a template's own, outside the catalogue). */
export function formatMessage(
  scope: string, check: string, id: string, data?: MessageData, locale: Locale = "zh-CN",
  texts?: Readonly<Record<string, Readonly<Record<string, string>>>>,
): string {
  const text = texts ? texts[check]?.[id] : messageText(scope, check, id, locale);
  if (text === undefined) throw new Error(`no message ${scope}/${check}/${id} in ${locale}`);
  return fill(text, data, `${scope}/${check}/${id}`);
}

/** A text cut at its placeholders once: literal parts and placeholder names, alternating. */
export interface CompiledMessage {
  parts: readonly string[];
  names: readonly string[];
  what: string;
}

export function compileMessage(text: string, what: string): CompiledMessage {
  const parts: string[] = [];
  const names: string[] = [];
  let last = 0;
  for (const m of text.matchAll(PLACEHOLDER)) {
    parts.push(text.slice(last, m.index));
    names.push(m[1]);
    last = m.index! + m[0].length;
  }
  parts.push(text.slice(last));
  return { parts, names, what };
}

/** A compiled message with its placeholders filled from data; throws for one left unfilled. */
export function render(c: CompiledMessage, data: MessageData | undefined): string {
  let out = c.parts[0];
  for (let i = 0; i < c.names.length; i++) {
    const v = data === undefined ? undefined : data[c.names[i]];
    if (v === undefined) throw new Error(`message ${c.what}: placeholder {${c.names[i]}} not filled`);
    out += v + c.parts[i + 1];
  }
  return out;
}

/** `text` with its `{placeholders}` filled from data; throws for one left unfilled. */
export function fill(text: string, data: MessageData | undefined, what: string): string {
  if (text.indexOf("{") < 0) return text;
  return text.replace(PLACEHOLDER, (_, name: string) => {
    const v = data?.[name];
    if (v === undefined) throw new Error(`message ${what}: placeholder {${name}} not filled`);
    return String(v);
  });
}
