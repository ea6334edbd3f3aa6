/**
 * The pane: three tabs (校验 / 函数 / 模板). Inside Excel they work on the workbook; in a plain
 * browser (standalone) 校验 checks opened files, 函数 calculates with the same functions, 模板
 * offers downloads. The standalone tabs are fetched as their own chunks: not in the first load.
 */
import { lazy, Suspense, useState } from "react";
import { FluentProvider, Tab, TabList, makeStyles, tokens, webLightTheme } from "@fluentui/react-components";
import type { TemplateSummary } from "../core/validate";
import { messagesFor, type Locale } from "../i18n";
import type { ExcelPort, FetchBytes, FetchJson, FileWorkbookPort, ValidateFn } from "./types";
import { I18nProvider } from "./i18n";
import { ValidateTab } from "./components/ValidateTab";
import { FunctionsTab } from "./components/FunctionsTab";
import { TemplatesTab } from "./components/TemplatesTab";

const StandalonePane = lazy(() => import(/* webpackChunkName: "standalone" */ "./components/StandalonePane").then((x) => ({ default: x.StandalonePane })));
const DeskFunctions = lazy(() => import(/* webpackChunkName: "desk-functions" */ "./components/DeskFunctions").then((x) => ({ default: x.DeskFunctions })));
const DeskTemplates = lazy(() => import(/* webpackChunkName: "desk-templates" */ "./components/DeskTemplates").then((x) => ({ default: x.DeskTemplates })));

export type AppProps = {
  locale: Locale;
  validate: ValidateFn;
  templates: readonly TemplateSummary[];
  fetchJson: FetchJson;
  fetchBytes: FetchBytes;
} & (
  | { mode: "excel"; port: ExcelPort }
  | { mode: "standalone"; filePort: FileWorkbookPort; initialSample?: string | null }
);

type TabId = "validate" | "functions" | "templates";

const useStyles = makeStyles({
  root: { padding: tokens.spacingHorizontalM, fontFamily: tokens.fontFamilyBase, minHeight: "100vh", boxSizing: "border-box" },
  title: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, margin: `0 0 ${tokens.spacingVerticalS}` },
  panel: { paddingTop: tokens.spacingVerticalS },
});

export function App(props: AppProps) {
  const s = useStyles();
  const m = messagesFor(props.locale);
  const [tab, setTab] = useState<TabId>("validate");
  // standalone: a tab once opened stays mounted (hidden), so the files opened survive a look at 函数
  const [seen, setSeen] = useState<readonly TabId[]>(["validate"]);
  const tabs = (
    <TabList
      selectedValue={tab}
      onTabSelect={(_, d) => {
        const id = d.value as TabId;
        setTab(id);
        setSeen((x) => (x.includes(id) ? x : [...x, id]));
      }}
    >
      <Tab value="validate">{m.tabValidate}</Tab>
      <Tab value="functions">{m.tabFunctions}</Tab>
      <Tab value="templates">{m.tabTemplates}</Tab>
    </TabList>
  );
  return (
    <FluentProvider theme={webLightTheme} lang={props.locale}>
      <I18nProvider messages={m}>
        <main className={s.root}>
          <h1 className={s.title}>{m.appTitle}</h1>
          {props.mode === "excel"
            ? (
              <>
                {tabs}
                <div role="tabpanel" className={s.panel}>
                  {tab === "validate" && <ValidateTab port={props.port} validate={props.validate} templates={props.templates} />}
                  {tab === "functions" && <FunctionsTab port={props.port} fetchJson={props.fetchJson} />}
                  {tab === "templates" && <TemplatesTab port={props.port} fetchBytes={props.fetchBytes} templates={props.templates} />}
                </div>
              </>
            )
            : (
              <>
                {tabs}
                <div role="tabpanel" className={s.panel} hidden={tab !== "validate"}>
                  <Suspense fallback={null}>
                    <StandalonePane
                      filePort={props.filePort}
                      validate={props.validate}
                      fetchBytes={props.fetchBytes}
                      templates={props.templates}
                      initialSample={props.initialSample}
                    />
                  </Suspense>
                </div>
                {seen.includes("functions") && (
                  <div role="tabpanel" className={s.panel} hidden={tab !== "functions"}>
                    <Suspense fallback={null}><DeskFunctions fetchJson={props.fetchJson} locale={props.locale} /></Suspense>
                  </div>
                )}
                {seen.includes("templates") && (
                  <div role="tabpanel" className={s.panel} hidden={tab !== "templates"}>
                    <Suspense fallback={null}><DeskTemplates templates={props.templates} /></Suspense>
                  </div>
                )}
              </>
            )}
        </main>
      </I18nProvider>
    </FluentProvider>
  );
}
