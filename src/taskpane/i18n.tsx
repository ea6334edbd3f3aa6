/** The pane's message catalogue, provided once at the root. */
import { createContext, useContext, type ReactNode } from "react";
import type { Messages } from "../i18n";
import { zhCN } from "../i18n/zh-CN";

const I18nContext = createContext<Messages>(zhCN);

export function I18nProvider(props: { messages: Messages; children: ReactNode }) {
  return <I18nContext.Provider value={props.messages}>{props.children}</I18nContext.Provider>;
}

export function useMessages(): Messages {
  return useContext(I18nContext);
}

/** An error shown to the clerk: its own message (the core's and adapters' are Chinese). */
export function errorText(e: unknown): string {
  if (e instanceof Error && e.message) return e.message;
  return String(e);
}
