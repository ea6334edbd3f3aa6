/**
 * 校验 tab: validate the active sheet or all sheets, show the templates recognised and the
 * findings; click a finding to select its cell; write a report sheet; mark and unmark cells.
 */
import { Button, MessageBar, MessageBarBody, ProgressBar, Spinner, makeStyles, tokens } from "@fluentui/react-components";
import type { TemplateSummary } from "../../core/validate";
import type { ExcelPort, ValidateFn } from "../types";
import { useValidation } from "../hooks/useValidation";
import { useAction } from "../hooks/useAction";
import { useMessages } from "../i18n";
import { FindingsList } from "./LazyFindingsList";
import { SheetSummary } from "./SheetSummary";
import { Notice } from "./Notice";
import { LiveSwitch } from "./LiveSwitch";
import { readNoteText, useHostMessages } from "../hostMessages";

export interface ValidateTabProps {
  port: ExcelPort;
  validate: ValidateFn;
  templates: readonly TemplateSummary[];
}

const useStyles = makeStyles({
  bar: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, margin: `${tokens.spacingVerticalS} 0` },
  progress: { margin: `${tokens.spacingVerticalS} 0` },
});

export function ValidateTab(props: ValidateTabProps) {
  const m = useMessages();
  const s = useStyles();
  const h = useHostMessages();
  const { state, result, notes, busy, validateActive, validateAll } = useValidation(props.port, props.validate);
  const canMark = props.port.features.markCells;
  const action = useAction();
  const findings = result?.findings ?? [];
  const disabled = busy || action.busy;
  return (
    <div>
      <div className={s.bar}>
        <Button appearance="primary" disabled={disabled} onClick={validateActive}>{m.validateActive}</Button>
        <Button disabled={disabled} onClick={validateAll}>{m.validateAll}</Button>
      </div>
      {props.port.live && (
        <LiveSwitch
          live={props.port.live}
          onSelect={(f) => action.perform(async () => {
            await props.port.selectCell(f.sheet, f.cell);
            return m.selectFindingHint(f.sheet, f.cell);
          }, m.errorPrefix)}
        />
      )}

      {state.phase === "reading" && (
        <div className={s.progress} role="status">
          {state.progress
            ? <>
              <ProgressBar value={state.progress.rowsTotal > 0 ? state.progress.rowsRead / state.progress.rowsTotal : 0} />
              <span>{m.reading(state.progress.sheet, state.progress.rowsRead, state.progress.rowsTotal)}</span>
            </>
            : <Spinner size="tiny" label={m.busy} />}
        </div>
      )}
      {state.phase === "validating" && <Spinner size="tiny" label={m.validating} role="status" />}
      {state.phase === "error" && <Notice notice={{ intent: "error", text: m.errorPrefix + state.message }} />}
      {state.phase === "idle" && <p>{m.notValidatedYet}</p>}
      {notes.map((n) => (
        <MessageBar key={`${n.kind}:${n.sheet ?? ""}`} intent="warning">
          <MessageBarBody>{readNoteText(h, n)}</MessageBarBody>
        </MessageBar>
      ))}

      <div className={s.bar}>
        <Button
          disabled={disabled || !result}
          onClick={() => action.perform(async () => {
            // the same rows as govcheck's and the standalone pane's report workbook (core/report)
            const names = await props.port.addReport({ findings, sheets: result?.sheets ?? [], files: [], templates: props.templates });
            return m.reportDone(names);
          }, m.errorPrefix)}
        >{m.makeReport}</Button>
        {canMark && (
          <>
            <Button
              disabled={disabled || findings.length === 0}
              onClick={() => action.perform(async () => {
                const r = await props.port.highlight(findings);
                if (r.protectedSheets.length === 0) return m.marked(r.marked);
                return { intent: "warning", text: `${m.marked(r.marked)}${h.markSkippedProtected(r.protectedSheets)}` };
              }, m.errorPrefix)}
            >{m.markCells}</Button>
            {/* the marks live in the workbook, so clearing is offered even before this pane validated */}
            <Button
              disabled={disabled}
              onClick={() => action.perform(async () => {
                const r = await props.port.clearHighlights();
                if (r.protectedSheets.length === 0) return m.cleared(r.restored);
                return { intent: "warning", text: `${m.cleared(r.restored)}${h.clearKeptProtected(r.protectedSheets)}` };
              }, m.errorPrefix)}
            >{m.clearMarks}</Button>
          </>
        )}
      </div>
      {!canMark && <p>{h.markUnsupported}</p>}
      <Notice notice={action.notice} />

      {result && (
        <>
          <SheetSummary sheets={result.sheets} templates={props.templates} />
          <h3>{m.findingsTitle}</h3>
          <FindingsList
            findings={findings}
            showSheet={result.sheets.length > 1}
            onSelect={(f) => action.perform(async () => {
              await props.port.selectCell(f.sheet, f.cell);
              return m.selectFindingHint(f.sheet, f.cell);
            }, m.errorPrefix)}
          />
        </>
      )}
    </div>
  );
}
