/**
 * Pane entry: the standalone checker until Office reports Excel (which may come late while Excel
 * starts with the shared runtime), then the Excel pane. See boot.tsx and src/office/ready.ts.
 */
import { listTemplates, validateWorkbook } from "../core/validate";
import { createExcelPort } from "../office/excelPort";
import { zhCN } from "../i18n/zh-CN";
import { enUS } from "../i18n/en-US";
import { bootPane } from "./boot";
import { createFileWorkbookPort } from "./fileWorkbook";
import { fetchBytes, fetchJson } from "./fetchers";
import type { ValidateFn } from "./types";

const validate: ValidateFn = (snapshot) => validateWorkbook(snapshot);
const container = document.getElementById("container") ?? document.body.appendChild(document.createElement("div"));
const filePort = createFileWorkbookPort();

bootPane(container, {
  validate,
  templates: listTemplates(),
  fetchJson,
  fetchBytes,
  createFilePort: () => filePort,
  createPort: () => createExcelPort({
    reportSheetNames: [zhCN.reportSheetName, enUS.reportSheetName],
    // older Excel without insertWorksheetsFromBase64: the template is parsed here (ExcelJS, lazily) and written cell by cell
    parseTemplate: (bytes) => filePort.read(bytes, "template.xlsx"),
  }),
  search: window.location.search,
});
