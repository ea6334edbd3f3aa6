/**
 * Pane entry: the standalone checker until Office reports Excel (which may come late while Excel
 * starts with the shared runtime), then the Excel pane. See boot.tsx and src/office/ready.ts.
 */
import { createExcelPort } from "../office/excelPort";
import { officeApiSupport } from "../office/apiSupport";
import { lazyLiveChecker } from "../office/liveProxy";
import { MARK_STORE_SHEET, REPORT_SHEET_NAMES } from "../office/sheetNames";
import { documentSettings } from "../office/settings";
import { bootPane } from "./boot";
import { createFileWorkbookPort } from "./fileWorkbook";
import { fetchBytes, fetchJson } from "./fetchers";
import { TEMPLATE_LIST } from "./templateList";
import type { ValidateFn } from "./types";

/**
 * The validator (core/validate and zod, about a fifth of the pane) is not part of the first load:
 * it is fetched as its own chunk on the first check. The shared-runtime page has already run the
 * same rules in functions.js; this keeps the pane from paying for them twice before first paint.
 */
const validate: ValidateFn = async (snapshot) => {
  const [{ validateWorkbook }, { withUnits }] = await Promise.all([
    import(/* webpackChunkName: "validate" */ "../core/validate"),
    import(/* webpackChunkName: "validate" */ "../core/report/unit"),
  ]);
  // each sheet's 填报单位 for the report's summary, read while the snapshot is at hand
  return withUnits(snapshot, validateWorkbook(snapshot));
};
const container = document.getElementById("container") ?? document.body.appendChild(document.createElement("div"));
const filePort = createFileWorkbookPort();

bootPane(container, {
  validate,
  templates: TEMPLATE_LIST,
  fetchJson,
  fetchBytes,
  createFilePort: () => filePort,
  createPort: () => {
    const reportSheetNames = REPORT_SHEET_NAMES;
    const port = createExcelPort({
      reportSheetNames,
      // older Excel without insertWorksheetsFromBase64: the template is parsed here (ExcelJS, lazily) and written cell by cell
      parseTemplate: (bytes) => filePort.read(bytes, "template.xlsx"),
    });
    // 立即校验 lives here, in the shared runtime, for as long as the workbook is open (pane closed or not)
    // (its code is fetched when switched on, or at startup when the workbook was saved with it on)
    const live = lazyLiveChecker({
      run: (batch) => Excel.run(batch),
      api: officeApiSupport(),
      validate,
      settings: documentSettings(),
      skipSheet: (name) => name === MARK_STORE_SHEET || reportSheetNames.some((b) => name === b || name.startsWith(`${b} (`)),
    }, () => import(/* webpackChunkName: "live" */ "../office/live"));
    return { ...port, live };
  },
  search: window.location.search,
});
