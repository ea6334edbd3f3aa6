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

/** `text` with its `{placeholders}` filled from data; throws for one left unfilled. */
export function fill(text: string, data: MessageData | undefined, what: string): string {
  if (text.indexOf("{") < 0) return text;
  return text.replace(PLACEHOLDER, (_, name: string) => {
    const v = data?.[name];
    if (v === undefined) throw new Error(`message ${what}: placeholder {${name}} not filled`);
    return String(v);
  });
}
