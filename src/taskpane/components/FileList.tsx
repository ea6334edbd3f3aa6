/**
 * The files opened in the standalone pane, one line each with its verdict (通过 / 未通过（违规N处）
 * / 无法读取（reason）, or how far its check is); a line is a button that shows that file's findings.
 */
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { type FileEntry, type FileStatus, rootCounts } from "../hooks/useFileValidation";
import type { Messages } from "../../i18n";
import { useMessages } from "../i18n";

const useStyles = makeStyles({
  title: { margin: `${tokens.spacingVerticalS} 0 ${tokens.spacingVerticalXXS}`, fontSize: tokens.fontSizeBase300 },
  totals: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, margin: `0 0 ${tokens.spacingVerticalXS}` },
  list: { listStyleType: "none", margin: 0, padding: 0, border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium },
  item: { borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, ":last-child": { borderBottom: "none" } },
  button: {
    display: "flex", flexWrap: "wrap", justifyContent: "space-between", columnGap: tokens.spacingHorizontalM, width: "100%",
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`, border: "none", borderLeft: "3px solid transparent",
    background: "none", textAlign: "left", cursor: "pointer", font: "inherit", color: "inherit",
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "-2px" },
  },
  selected: { backgroundColor: tokens.colorBrandBackground2, borderLeftColor: tokens.colorBrandStroke1 },
  name: { fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere" },
  pass: { color: tokens.colorPaletteGreenForeground1 },
  fail: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  unreadable: { color: tokens.colorPaletteDarkOrangeForeground1 },
  pending: { color: tokens.colorNeutralForeground3 },
});

type Tone = "pass" | "fail" | "unreadable" | "pending";

/** A file's verdict (or progress) in the clerk's words. */
export function verdictOf(m: Messages, status: FileStatus): { text: string; tone: Tone } {
  switch (status.phase) {
    case "done": {
      const { errors, warnings } = rootCounts(status.result);
      if (errors > 0) return { text: m.verdictFail(errors), tone: "fail" };
      return { text: warnings > 0 ? m.verdictPassNotes(warnings) : m.verdictPass, tone: "pass" };
    }
    case "error":
      return { text: m.verdictUnreadable(status.message), tone: "unreadable" };
    case "cancelled":
      return { text: m.verdictCancelled, tone: "pending" };
    case "waiting":
      return { text: m.verdictWaiting, tone: "pending" };
    default:
      return {
        text: status.progress?.stage === "read" ? m.verdictReading(status.progress.percent) : m.verdictChecking,
        tone: "pending",
      };
  }
}

export function FileList(props: { files: readonly FileEntry[]; selected: number | null; onSelect: (id: number) => void }) {
  const m = useMessages();
  const s = useStyles();
  const verdicts = props.files.map((f) => verdictOf(m, f.status));
  const n = (tone: Tone) => verdicts.filter((v) => v.tone === tone).length;
  const title = m.filesTitle(props.files.length);
  return (
    <section aria-label={title}>
      <h3 className={s.title}>{title}</h3>
      {n("pending") === 0 && props.files.length > 1 && <p className={s.totals}>{m.filesTotals(n("pass"), n("fail"), n("unreadable"))}</p>}
      <ul className={s.list}>
        {props.files.map((f, i) => {
          const v = verdicts[i];
          const selected = f.id === props.selected;
          return (
            <li key={f.id} className={s.item}>
              <button
                type="button"
                className={mergeClasses(s.button, selected && s.selected)}
                aria-current={selected ? "true" : undefined}
                aria-label={`${f.file}${m.colon}${v.text}`}
                onClick={() => props.onSelect(f.id)}
              >
                <span className={s.name}>{f.file}</span>
                <span className={s[v.tone]}>{v.text}</span>
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
