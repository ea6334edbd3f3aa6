/**
 * Locale choice: Chinese first; English only when Office reports an English display language
 * (the clerks' Office is Chinese; an English UI is for reviewers using an English Office).
 */
import { zhCN, type Messages } from "./zh-CN";
import { enUS } from "./en-US";

export type { Messages };
export type Locale = "zh-CN" | "en-US";

export function pickLocale(displayLanguage: string | null | undefined): Locale {
  return displayLanguage && /^en(-|$)/i.test(displayLanguage.trim()) ? "en-US" : "zh-CN";
}

export function messagesFor(locale: Locale): Messages {
  return locale === "en-US" ? enUS : zhCN;
}
