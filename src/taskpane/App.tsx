/** The pane: inside Excel three tabs (校验 / 函数 / 模板); in a plain browser the standalone checker. */
import { useState } from "react";
import { FluentProvider, Tab, TabList, makeStyles, tokens, webLightTheme } from "@fluentui/react-components";
import type { TemplateSummary } from "../core/validate";
import { messagesFor, type Locale } from "../i18n";
import type { ExcelPort, FetchBytes, FetchJson, FileWorkbookPort, ValidateFn } from "./types";
import { I18nProvider } from "./i18n";
import { ValidateTab } from "./components/ValidateTab";
import { FunctionsTab } from "./components/FunctionsTab";
import { TemplatesTab } from "./components/TemplatesTab";
import { StandalonePane } from "./components/StandalonePane";

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
  return (
    <FluentProvider theme={webLightTheme} lang={props.locale}>
      <I18nProvider messages={m}>
        <main className={s.root}>
          <h1 className={s.title}>{m.appTitle}</h1>
          {props.mode === "excel"
            ? (
              <>
                <TabList selectedValue={tab} onTabSelect={(_, d) => setTab(d.value as TabId)}>
                  <Tab value="validate">{m.tabValidate}</Tab>
                  <Tab value="functions">{m.tabFunctions}</Tab>
                  <Tab value="templates">{m.tabTemplates}</Tab>
                </TabList>
                <div role="tabpanel" className={s.panel}>
                  {tab === "validate" && <ValidateTab port={props.port} validate={props.validate} templates={props.templates} />}
                  {tab === "functions" && <FunctionsTab port={props.port} fetchJson={props.fetchJson} />}
                  {tab === "templates" && <TemplatesTab port={props.port} fetchBytes={props.fetchBytes} templates={props.templates} />}
                </div>
              </>
            )
            : (
              <StandalonePane
                filePort={props.filePort}
                validate={props.validate}
                fetchBytes={props.fetchBytes}
                templates={props.templates}
                initialSample={props.initialSample}
              />
            )}
        </main>
      </I18nProvider>
    </FluentProvider>
  );
}
