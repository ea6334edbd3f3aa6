/**
 * Standalone mode's 校验 tab, for a browser without Office (and without network): pick or drop
 * .xlsx files (many at once), validate them here with the same core, one after another; the list
 * gives each file's verdict, one file's findings are shown at a time, and the report workbook
 * covers them all. 合并校验 checks the files' tables of one template as one table. 打开示例 loads
 * a bundled sample with planted errors. Loaded as its own chunk (App.tsx): not in the first load.
 */
import { useEffect, useRef, useState } from "react";
import { Button, Select, Spinner, makeStyles, tokens, useId } from "@fluentui/react-components";
import type { TemplateSummary } from "../../core/validate";
import type { FetchBytes, FileWorkbookPort, ValidateFn } from "../types";
import { exampleUrl } from "../types";
import { type FileSource, useFileValidation } from "../hooks/useFileValidation";
import { SPREADSHEET_ACCEPT, isSpreadsheetName } from "../../xlsx/names";
import { useAction } from "../hooks/useAction";
import { reportFileName, saveBytes } from "../download";
import { useMessages } from "../i18n";
import { FindingsList } from "./LazyFindingsList";
import { PreviewLayout } from "./LazySheetPreview";
import type { CellRef } from "./SheetPreview";
import { SheetSummary } from "./SheetSummary";
import { Notice } from "./Notice";
import { FileList } from "./FileList";

export interface StandalonePaneProps {
  filePort: FileWorkbookPort;
  validate: ValidateFn;
  fetchBytes: FetchBytes;
  templates: readonly TemplateSummary[];
  /** template id whose errors example opens at once (`?sample=1` / `?sample=<id>`) */
  initialSample?: string | null;
  /** saves the report (default: browser download) */
  save?: (name: string, bytes: Uint8Array) => void;
}

const useStyles = makeStyles({
  drop: {
    display: "flex", flexDirection: "column", alignItems: "center", gap: tokens.spacingVerticalS,
    padding: tokens.spacingVerticalL, margin: `${tokens.spacingVerticalS} 0`,
    border: `2px dashed ${tokens.colorNeutralStroke1}`, borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  dragging: { border: `2px dashed ${tokens.colorBrandStroke1}`, backgroundColor: tokens.colorBrandBackground2 },
  row: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS, margin: `${tokens.spacingVerticalS} 0` },
  file: { fontWeight: tokens.fontWeightSemibold },
  // the native control's "Choose File" text follows the browser's language, not the pane's:
  // the input stays (focusable, for keyboards and screen readers) but the label is what shows
  hiddenInput: {
    position: "absolute", width: "1px", height: "1px", overflow: "hidden", clip: "rect(0 0 0 0)", whiteSpace: "nowrap",
    ":focus-visible + label": { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  together: { display: "flex", alignItems: "flex-start", gap: tokens.spacingHorizontalS, margin: `${tokens.spacingVerticalS} 0` },
  togetherInput: { width: "16px", height: "16px", margin: "2px 0 0", accentColor: tokens.colorBrandBackground, flexShrink: 0 },
  hint: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  pick: {
    cursor: "pointer", padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium, fontWeight: tokens.fontWeightSemibold,
    backgroundColor: tokens.colorBrandBackground, color: tokens.colorNeutralForegroundOnBrand,
    ":hover": { backgroundColor: tokens.colorBrandBackgroundHover },
  },
});

export function StandalonePane(props: StandalonePaneProps) {
  const m = useMessages();
  const s = useStyles();
  const inputId = useId("xlsx-file");
  const selectId = useId("sample");
  const togetherId = useId("together");
  const { state, openFiles, openBytes, setTogether, select, reportBytes, cancel } = useFileValidation(props.filePort, props.validate);
  const action = useAction();
  const [dragging, setDragging] = useState(false);
  const [sample, setSample] = useState<string>(props.templates.find((t) => t.id === props.initialSample)?.id ?? props.templates[0]?.id ?? "");
  const opened = useRef(false);
  // the cell picked in the findings list or in the sheet preview, shared by both; kept with the
  // file it was picked in (another file selected in the list starts with none)
  const [picked, setPicked] = useState<{ id: number; cell: CellRef } | null>(null);

  const openSample = (id: string) => {
    const url = exampleUrl(id);
    void openBytes(url.split("/").pop() ?? url, () => props.fetchBytes(url));
  };
  const open = (list: FileList | null | undefined) => {
    const files = Array.from(list ?? []);
    void openFiles(files.map((file): FileSource => ({
      file: file.name,
      load: () => file.arrayBuffer(),
      // a spreadsheet goes to the reader, which says what an .xls or .et is and what to do; anything else is refused here
      refused: isSpreadsheetName(file.name) ? undefined : m.notXlsx,
    })));
  };

  useEffect(() => {
    if (props.initialSample && !opened.current && sample) {
      opened.current = true;
      openSample(sample);
    }
    // once, on mount
  }, []);

  const busy = state.files.some((f) => f.status.phase === "loading" || f.status.phase === "waiting");
  const checked = state.files.some((f) => f.status.phase === "done");
  const current = state.files.find((f) => f.id === state.selected);
  const st = current?.status;
  const selected = current && picked?.id === current.id ? picked.cell : null;
  const setSelected = (cell: CellRef | null) => setPicked(current && cell ? { id: current.id, cell } : null);

  return (
    <div>
      <h2>{m.standaloneTitle}</h2>
      <p>{m.standaloneIntro}</p>
      <div
        className={dragging ? `${s.drop} ${s.dragging}` : s.drop}
        onDragOver={(e) => { e.preventDefault(); setDragging(true); }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => { e.preventDefault(); setDragging(false); open(e.dataTransfer.files); }}
      >
        <span>{m.dropHere}</span>
        <input
          id={inputId}
          className={s.hiddenInput}
          type="file"
          multiple
          // the .xlsx family, and the spreadsheets we cannot read (.xls, WPS .et, .xlsb, .ods): picked, each is told what to do
          accept={SPREADSHEET_ACCEPT}
          onChange={(e) => { open(e.target.files); e.target.value = ""; }}
        />
        <label htmlFor={inputId} className={s.pick}>{m.chooseFile}</label>
      </div>
      <div className={s.row}>
        <label htmlFor={selectId}>{m.sampleLabel}</label>
        <Select id={selectId} value={sample} onChange={(_, d) => setSample(d.value)}>
          {props.templates.map((t) => <option key={t.id} value={t.id}>{t.title}</option>)}
        </Select>
        <Button onClick={() => openSample(sample)} disabled={busy || !sample}>{m.openSample}</Button>
      </div>

      {state.files.length >= 2 && (
        <div className={s.together}>
          <input
            id={togetherId}
            type="checkbox"
            className={s.togetherInput}
            checked={state.together}
            aria-describedby={`${togetherId}-hint`}
            onChange={(e) => setTogether(e.target.checked)}
          />
          <div>
            <label htmlFor={togetherId} className={s.file}>{m.togetherLabel}</label>
            <div id={`${togetherId}-hint`} className={s.hint}>{m.togetherHint}</div>
          </div>
        </div>
      )}
      {state.files.length > 0 && (
        <>
          <FileList files={state.files} selected={state.selected} onSelect={select} />
          <div className={s.row}>
            {busy && <Button size="small" onClick={cancel}>{m.cancelRead}</Button>}
            <Button
              appearance="primary"
              disabled={action.busy || busy || !checked}
              onClick={() => action.perform(async () => {
                const report = await reportBytes();
                if (!report) return "";
                const name = reportFileName(report.files > 1 ? m.reportManyName(report.name, report.files) : report.name, m.reportFileSuffix);
                (props.save ?? saveBytes)(name, report.bytes);
                return m.reportDownloaded(name);
              }, m.errorPrefix)}
            >{m.downloadReport}</Button>
          </div>
          <Notice notice={action.notice} />
        </>
      )}

      {current && st?.phase === "loading" && (
        <div className={s.row}>
          <Spinner
            size="tiny"
            role="status"
            label={!st.progress
              ? m.loadingFile(current.file)
              : st.progress.stage === "validate"
                ? m.validatingFile(current.file)
                : m.readingProgress(current.file, st.progress.sheet ?? "", st.progress.sheetIndex ?? 1, st.progress.sheets ?? 1, st.progress.percent)}
          />
        </div>
      )}
      {current && st?.phase === "cancelled" && <Notice notice={{ intent: "warning", text: m.readCancelled(current.file) }} />}
      {current && st?.phase === "error" && (
        <Notice notice={{ intent: "error", text: m.unreadableFile(current.file, st.message) }} />
      )}
      {current && st?.phase === "done" && (
        <>
          <div className={s.row}>
            <span className={s.file}>{m.fileLabel(current.file)}</span>
          </div>
          <SheetSummary sheets={st.result.sheets} templates={props.templates} />
          <h3>{m.findingsTitle}</h3>
          <PreviewLayout
            key={current.id}
            sheets={st.result.preview ?? []}
            results={st.result.sheets}
            findings={st.result.findings}
            selected={selected}
            onSelect={setSelected}
            list={<FindingsList key={current.id} findings={st.result.findings} showSheet={st.result.sheets.length > 1} onSelect={(f) => setSelected({ sheet: f.sheet, cell: f.cell })} />}
          />
        </>
      )}
    </div>
  );
}
