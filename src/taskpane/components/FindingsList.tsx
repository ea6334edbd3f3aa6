/**
 * The findings, grouped by severity (违规 / 需说明 / 提示) with counts and a severity filter. Each
 * finding is a button: cell address, message, rule and clause; clicking it calls onSelect (in
 * Excel: select the cell). The same list serves Excel and the standalone browser mode.
 */
import { useState } from "react";
import { Button, ToggleButton, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { Finding, Severity } from "../../core/validate/findings";
import { SEVERITIES, useFindingsFilter } from "../hooks/useFindingsFilter";
import { useMessages } from "../i18n";

/** Rows rendered per group before "show more": a 10 000-finding sheet must not freeze the pane. */
export const FINDINGS_PAGE = 200;

export interface FindingsListProps {
  findings: readonly Finding[];
  onSelect?: (finding: Finding) => void;
  /** prefix cells with their sheet name (several sheets validated) */
  showSheet?: boolean;
}

const useStyles = makeStyles({
  filters: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS, marginBottom: tokens.spacingVerticalS },
  group: { marginBottom: tokens.spacingVerticalM },
  heading: {
    fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold,
    margin: `${tokens.spacingVerticalXS} 0`, paddingLeft: tokens.spacingHorizontalS, borderLeft: "4px solid",
  },
  error: { borderLeftColor: tokens.colorPaletteRedBorder2 },
  warning: { borderLeftColor: tokens.colorPaletteYellowBorder2 },
  info: { borderLeftColor: tokens.colorPaletteBlueBorderActive },
  list: { listStyleType: "none", margin: 0, padding: 0 },
  item: {
    display: "block", width: "100%", textAlign: "left", cursor: "pointer",
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    marginBottom: tokens.spacingVerticalXXS,
    backgroundColor: tokens.colorNeutralBackground1, color: tokens.colorNeutralForeground1,
    border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium,
    fontFamily: tokens.fontFamilyBase, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200,
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  selected: { backgroundColor: tokens.colorBrandBackground2, border: `1px solid ${tokens.colorBrandStroke1}` },
  cell: { fontFamily: tokens.fontFamilyMonospace, fontWeight: tokens.fontWeightSemibold, marginRight: tokens.spacingHorizontalS },
  message: { color: tokens.colorNeutralForeground1 },
  meta: { display: "block", color: tokens.colorNeutralForeground3, marginTop: tokens.spacingVerticalXXS },
  more: { marginTop: tokens.spacingVerticalXS },
});

function FindingItem(props: { finding: Finding; selected: boolean; showSheet: boolean; onClick: () => void }) {
  const m = useMessages();
  const s = useStyles();
  const f = props.finding;
  const where = props.showSheet ? `${f.sheet}!${f.cell}` : f.cell;
  const values = f.expected !== undefined
    ? ` · ${m.expectedLabel}${String(f.expected)} · ${m.actualLabel}${String(f.actual ?? "")}`
    : "";
  // the clause only when the finding has one (an unrecognised sheet has none); the rule id second
  const clause = f.clause ? `${m.clauseLabel}：${f.clause} · ` : "";
  return (
    <li>
      <button
        type="button"
        className={mergeClasses(s.item, props.selected && s.selected)}
        aria-current={props.selected ? "true" : undefined}
        title={m.selectFindingHint(f.sheet, f.cell)}
        onClick={props.onClick}
      >
        <span className={s.cell}>{where}</span>
        <span className={s.message}>{f.message}</span>
        <span className={s.meta}>{`${clause}${m.ruleLabel}：${f.rule}${values}`}</span>
      </button>
    </li>
  );
}

function Group(props: { severity: Severity; findings: Finding[]; selected: Finding | null; showSheet: boolean; onSelect: (f: Finding) => void }) {
  const m = useMessages();
  const s = useStyles();
  const [limit, setLimit] = useState(FINDINGS_PAGE);
  const title = m.severityCount(m.severity[props.severity], props.findings.length);
  const id = `findings-${props.severity}`;
  const rest = props.findings.length - limit;
  return (
    <section className={s.group} aria-labelledby={id}>
      <h3 id={id} className={mergeClasses(s.heading, s[props.severity])}>{title}</h3>
      <ul className={s.list}>
        {props.findings.slice(0, limit).map((f, i) => (
          <FindingItem
            key={`${f.sheet}!${f.cell}#${f.rule}#${i}`}
            finding={f}
            showSheet={props.showSheet}
            selected={props.selected === f}
            onClick={() => props.onSelect(f)}
          />
        ))}
      </ul>
      {rest > 0 && (
        <Button className={s.more} size="small" onClick={() => setLimit(limit + FINDINGS_PAGE)}>
          {m.showMore(Math.min(rest, FINDINGS_PAGE))}
        </Button>
      )}
    </section>
  );
}

export function FindingsList(props: FindingsListProps) {
  const m = useMessages();
  const s = useStyles();
  const { filter, setFilter, groups, shown } = useFindingsFilter(props.findings);
  const [selected, setSelected] = useState<Finding | null>(null);
  if (props.findings.length === 0) return <p>{m.noFindings}</p>;
  const select = (f: Finding) => {
    setSelected(f);
    props.onSelect?.(f);
  };
  return (
    <div>
      <div role="group" aria-label={m.filterLabel} className={s.filters}>
        <ToggleButton size="small" checked={filter === "all"} onClick={() => setFilter("all")}>
          {m.severityCount(m.filterAll, props.findings.length)}
        </ToggleButton>
        {SEVERITIES.map((sev) => (
          <ToggleButton key={sev} size="small" checked={filter === sev} onClick={() => setFilter(sev)}>
            {m.severityCount(m.severity[sev], groups[sev].length)}
          </ToggleButton>
        ))}
      </div>
      {shown.filter((sev) => groups[sev].length > 0).map((sev) => (
        <Group
          key={sev}
          severity={sev}
          findings={groups[sev]}
          selected={selected}
          showSheet={props.showSheet ?? false}
          onSelect={select}
        />
      ))}
      {selected && <p role="status">{m.selectedFinding(`${selected.sheet}!${selected.cell}`)}</p>}
    </div>
  );
}
