/**
 * Pane entry. Waits for Office (at most OFFICE_READY_TIMEOUT_MS: outside Office, or offline, it
 * may never answer), then renders the Excel pane or, in a plain browser, the standalone checker.
 * `?sample=1` (or `?sample=<template id>`) opens a bundled example at once in standalone mode.
 */
import { createRoot } from "react-dom/client";
import { listTemplates, validateWorkbook } from "../core/validate";
import { detectHost } from "../office/ready";
import { createExcelPort } from "../office/excelPort";
import { pickLocale, messagesFor } from "../i18n";
import { zhCN } from "../i18n/zh-CN";
import { enUS } from "../i18n/en-US";
import { App } from "./App";
import { createFileWorkbookPort } from "./fileWorkbook";
import { fetchBytes, fetchJson } from "./fetchers";
import type { ValidateFn } from "./types";
import { sampleFromQuery } from "./query";

const validate: ValidateFn = (snapshot) => validateWorkbook(snapshot);

async function main(): Promise<void> {
  const container = document.getElementById("container") ?? document.body.appendChild(document.createElement("div"));
  const root = createRoot(container);
  container.textContent = zhCN.connecting;
  const host = await detectHost();
  const locale = pickLocale(host.displayLanguage);
  document.documentElement.lang = locale;
  document.title = messagesFor(locale).appTitle;
  const templates = listTemplates();
  const common = { locale, validate, templates, fetchJson, fetchBytes };
  root.render(host.excel
    ? <App {...common} mode="excel" port={createExcelPort({ reportSheetNames: [zhCN.reportSheetName, enUS.reportSheetName] })} />
    : (
      <App
        {...common}
        mode="standalone"
        filePort={createFileWorkbookPort()}
        initialSample={sampleFromQuery(window.location.search, templates.map((t) => t.id))}
      />
    ));
}

void main();
