/**
 * Starts the pane in `container`: "connecting" first, then the standalone checker or the Excel
 * pane as the host is reported (src/office/ready.ts). A late Excel answer re-renders the pane in
 * Excel mode (a fresh tree: nothing of the standalone state carries over).
 * `?sample=1` (or `?sample=<template id>`) opens a bundled example at once in standalone mode.
 */
import { createRoot } from "react-dom/client";
import type { TemplateSummary } from "../core/validate";
import { watchHost, type HostInfo } from "../office/ready";
import { pickLocale, messagesFor } from "../i18n";
import { zhCN } from "../i18n/zh-CN";
import { App } from "./App";
import type { ExcelPort, FetchBytes, FetchJson, FileWorkbookPort, ValidateFn } from "./types";
import { sampleFromQuery } from "./query";

export interface BootDeps {
  validate: ValidateFn;
  templates: readonly TemplateSummary[];
  fetchJson: FetchJson;
  fetchBytes: FetchBytes;
  /** made once Excel is known to be the host */
  createPort: () => ExcelPort;
  createFilePort: () => FileWorkbookPort;
  /** window.location.search */
  search: string;
  /** the host watcher (default watchHost) */
  watch?: (onHost: (host: HostInfo) => void) => () => void;
}

/** Renders the pane; returns a function that stops watching the host and unmounts. */
export function bootPane(container: HTMLElement, deps: BootDeps): () => void {
  container.textContent = zhCN.connecting;
  const root = createRoot(container);
  const watch = deps.watch ?? ((onHost) => watchHost(onHost));
  const stop = watch((host) => {
    const locale = pickLocale(host.displayLanguage);
    document.documentElement.lang = locale;
    document.title = messagesFor(locale).appTitle;
    const common = { locale, validate: deps.validate, templates: deps.templates, fetchJson: deps.fetchJson, fetchBytes: deps.fetchBytes };
    const port = host.excel ? deps.createPort() : null;
    // runtime startup: 立即校验 resumes when the workbook was saved with it on (live.ts; not in a component)
    if (port?.live) void port.live.restore();
    root.render(port
      ? <App key="excel" {...common} mode="excel" port={port} />
      : (
        <App
          key="standalone"
          {...common}
          mode="standalone"
          filePort={deps.createFilePort()}
          initialSample={sampleFromQuery(deps.search, deps.templates.map((t) => t.id))}
        />
      ));
  });
  return () => {
    stop();
    root.unmount();
  };
}
