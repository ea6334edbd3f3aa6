/**
 * The 立即校验 switch (issue 13 items 2 and 3) and what live checking found. The checker itself
 * lives in the runtime (src/office/live.ts): this only shows its state, so closing the pane stops
 * nothing, and the findings made while it was closed are here when it opens again.
 */
import { useSyncExternalStore } from "react";
import { MessageBar, MessageBarBody, makeStyles, tokens } from "@fluentui/react-components";
import type { Finding } from "../../core/validate/findings";
import type { LiveChecker, LiveNote } from "../../office/live";
import type { Messages } from "../../i18n";
import { useMessages } from "../i18n";
import { FindingsList } from "./LazyFindingsList";

export interface LiveSwitchProps {
  live: LiveChecker;
  onSelect?: (finding: Finding) => void;
}

const useStyles = makeStyles({
  root: { margin: `${tokens.spacingVerticalS} 0` },
  hint: { margin: 0, color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  // a native checkbox in the switch role: Fluent's Switch alone would cost the first load 2.7 KB
  toggle: {
    display: "inline-flex", alignItems: "center", gap: tokens.spacingHorizontalS, cursor: "pointer",
    fontSize: tokens.fontSizeBase300, padding: `${tokens.spacingVerticalXS} 0`,
  },
  input: { width: "16px", height: "16px", margin: 0, accentColor: tokens.colorBrandBackground, cursor: "inherit" },
});

function noteText(m: Messages, note: LiveNote): string {
  switch (note.kind) {
    case "unsupported": return m.liveUnsupported;
    case "protected": return m.liveProtected(note.sheet);
    case "tooLarge": return m.liveTooLarge(note.sheet, note.rows, note.max);
    case "failed": return m.liveFailed(note.detail);
  }
}

export function LiveSwitch(props: LiveSwitchProps) {
  const m = useMessages();
  const s = useStyles();
  const { live } = props;
  const state = useSyncExternalStore(live.subscribe, live.getState);
  const roots = state.findings.filter((f) => !f.causedBy).length;
  return (
    <section className={s.root} aria-label={m.liveLabel}>
      <label className={s.toggle}>
        <input
          type="checkbox"
          role="switch"
          className={s.input}
          checked={state.on}
          aria-checked={state.on}
          disabled={!state.available}
          // setOn never rejects: a failure turns it off with a note in its state
          onChange={(e) => { void live.setOn(e.currentTarget.checked); }}
        />
        {m.liveLabel}
      </label>
      <p className={s.hint}>{state.available ? m.liveHint : m.liveUnsupported}</p>
      {state.note && state.note.kind !== "unsupported" && (
        <MessageBar intent="warning"><MessageBarBody>{noteText(m, state.note)}</MessageBarBody></MessageBar>
      )}
      {state.on && state.last && <p role="status">{m.liveStatus(roots, Math.round(state.last.totalMs))}</p>}
      {state.on && state.findings.length > 0 && (
        <>
          <h3>{m.liveFindingsTitle}</h3>
          <FindingsList findings={state.findings} showSheet={state.sheets.length > 1} onSelect={props.onSelect} />
        </>
      )}
    </section>
  );
}
