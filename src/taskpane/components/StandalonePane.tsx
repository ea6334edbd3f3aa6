/**
 * Standalone mode, for a browser without Office (and without network): pick or drop an .xlsx,
 * validate it here with the same core, see the same findings, download the report workbook.
 * 打开示例 loads a bundled sample with planted errors.
 */
import { useEffect, useRef, useState } from "react";
import { Button, Select, Spinner, makeStyles, tokens, useId } from "@fluentui/react-components";
import type { TemplateSummary } from "../../core/validate";
import type { FetchBytes, FileWorkbookPort, ValidateFn } from "../types";
import { exampleUrl } from "../types";
import { isXlsxName, useFileValidation } from "../hooks/useFileValidation";
import { useAction } from "../hooks/useAction";
import { reportFileName, saveBytes } from "../download";
import { useMessages } from "../i18n";
import { FindingsList } from "./LazyFindingsList";
import { PreviewLayout } from "./LazySheetPreview";
import type { CellRef } from "./SheetPreview";
import { SheetSummary } from "./SheetSummary";
import { Notice } from "./Notice";
import { BlankDownloads } from "./TemplatesTab";

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
  const { state, openBytes, reportBytes, cancel, fail } = useFileValidation(props.filePort, props.validate);
  const action = useAction();
  const [dragging, setDragging] = useState(false);
  const [sample, setSample] = useState<string>(props.templates.find((t) => t.id === props.initialSample)?.id ?? props.templates[0]?.id ?? "");
  const opened = useRef(false);
  // the cell picked in the findings list or in the sheet preview, shared by both
  const [selected, setSelected] = useState<CellRef | null>(null);

  const openSample = (id: string) => {
    const url = exampleUrl(id);
    setSelected(null);
    void openBytes(url.split("/").pop() ?? url, () => props.fetchBytes(url));
  };
  const openFile = (file: File | undefined) => {
    if (!file) return;
    if (!isXlsxName(file.name)) {
      fail(m.notXlsx);
      return;
    }
    setSelected(null);
    void openBytes(file.name, () => file.arrayBuffer());
  };

  useEffect(() => {
    if (props.initialSample && !opened.current && sample) {
      opened.current = true;
      openSample(sample);
    }
    // once, on mount
  }, []);

  return (
    <div>
      <h2>{m.standaloneTitle}</h2>
      <p>{m.standaloneIntro}</p>
      <div
        className={dragging ? `${s.drop} ${s.dragging}` : s.drop}
        onDragOver={(e) => { e.preventDefault(); setDragging(true); }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => { e.preventDefault(); setDragging(false); openFile(e.dataTransfer.files[0]); }}
      >
        <span>{m.dropHere}</span>
        <input
          id={inputId}
          className={s.hiddenInput}
          type="file"
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          onChange={(e) => { openFile(e.target.files?.[0]); e.target.value = ""; }}
        />
        <label htmlFor={inputId} className={s.pick}>{m.chooseFile}</label>
      </div>
      <div className={s.row}>
        <label htmlFor={selectId}>{m.sampleLabel}</label>
        <Select id={selectId} value={sample} onChange={(_, d) => setSample(d.value)}>
          {props.templates.map((t) => <option key={t.id} value={t.id}>{t.title}</option>)}
        </Select>
        <Button onClick={() => openSample(sample)} disabled={state.phase === "loading" || !sample}>{m.openSample}</Button>
      </div>

      {state.phase === "loading" && (
        <div className={s.row}>
          <Spinner
            size="tiny"
            role="status"
            label={!state.progress
              ? m.loadingFile(state.file)
              : state.progress.stage === "validate"
                ? m.validatingFile(state.file)
                : m.readingProgress(state.file, state.progress.sheet ?? "", state.progress.sheetIndex ?? 1, state.progress.sheets ?? 1, state.progress.percent)}
          />
          <Button size="small" onClick={cancel}>{m.cancelRead}</Button>
        </div>
      )}
      {state.phase === "cancelled" && <Notice notice={{ intent: "warning", text: m.readCancelled(state.file) }} />}
      {state.phase === "error" && (
        <Notice notice={{ intent: "error", text: m.errorPrefix + (state.file ? `${state.file}:` : "") + state.message }} />
      )}
      {state.phase === "done" && (
        <>
          <div className={s.row}>
            <span className={s.file}>{m.fileLabel(state.file)}</span>
            <Button
              appearance="primary"
              disabled={action.busy}
              onClick={() => action.perform(async () => {
                const report = await reportBytes();
                if (!report) return "";
                const name = reportFileName(report.name, m.reportFileSuffix);
                (props.save ?? saveBytes)(name, report.bytes);
                return m.reportDownloaded(name);
              }, m.errorPrefix)}
            >{m.downloadReport}</Button>
          </div>
          <Notice notice={action.notice} />
          <SheetSummary sheets={state.result.sheets} templates={props.templates} />
          <h3>{m.findingsTitle}</h3>
          <PreviewLayout
            sheets={state.result.preview ?? []}
            results={state.result.sheets}
            findings={state.result.findings}
            selected={selected}
            onSelect={setSelected}
            list={<FindingsList findings={state.result.findings} showSheet={state.result.sheets.length > 1} onSelect={(f) => setSelected({ sheet: f.sheet, cell: f.cell })} />}
          />
        </>
      )}
      <BlankDownloads templates={props.templates} />
    </div>
  );
}
