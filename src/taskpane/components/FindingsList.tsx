/**
 * The findings, by severity (违规 / 需说明 / 提示) with counts of root findings and a severity
 * filter. Each finding is a button: cell address, message, rule and clause; clicking it calls
 * onSelect (in Excel: select the cell). A finding's consequences (causedBy) are folded under it;
 * many findings of one check and one message shape are one expandable group with its count and
 * cell range (core/validate/groups.ts). Long lists are paged: 100 000 findings never become
 * 100 000 rows. The same list serves Excel and the standalone browser mode.
 */
import { useId, useState } from "react";
import { Button, ToggleButton, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { Finding, Severity } from "../../core/validate/findings";
import type { FoldedFinding } from "../../core/validate/fold";
import { type DisplayItem, type GroupItem, catalogueShape } from "../../core/validate/groups";
import type { Catalogue } from "../../core/validate/messages/zh-CN";
import { SEVERITIES, useFindingsFilter, useShapeCatalogue } from "../hooks/useFindingsFilter";
import { useMessages } from "../i18n";

/** Rows rendered per list before "show more": a 10 000-finding sheet must not freeze the pane. */
export const FINDINGS_PAGE = 200;

export interface FindingsListProps {
  findings: readonly Finding[];
  onSelect?: (finding: Finding) => void;
  /** prefix cells with their sheet name (several sheets validated) */
  showSheet?: boolean;
}

const useStyles = makeStyles({
  filters: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS, marginBottom: tokens.spacingVerticalS },
  note: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, margin: `0 0 ${tokens.spacingVerticalS}` },
  group: { marginBottom: tokens.spacingVerticalM },
  heading: {
    fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold,
    margin: `${tokens.spacingVerticalXS} 0`, paddingLeft: tokens.spacingHorizontalS, borderLeft: "4px solid",
  },
  error: { borderLeftColor: tokens.colorPaletteRedBorder2 },
  warning: { borderLeftColor: tokens.colorPaletteYellowBorder2 },
  info: { borderLeftColor: tokens.colorPaletteBlueBorderActive },
  list: { listStyleType: "none", margin: 0, padding: 0 },
  nested: {
    listStyleType: "none", margin: `0 0 ${tokens.spacingVerticalXS} ${tokens.spacingHorizontalL}`, padding: 0,
    paddingLeft: tokens.spacingHorizontalS, borderLeft: `2px solid ${tokens.colorNeutralStroke2}`,
  },
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
  groupHead: { backgroundColor: tokens.colorNeutralBackground3, ":hover": { backgroundColor: tokens.colorNeutralBackground3Hover } },
  selected: { backgroundColor: tokens.colorBrandBackground2, border: `1px solid ${tokens.colorBrandStroke1}` },
  cell: { fontFamily: tokens.fontFamilyMonospace, fontWeight: tokens.fontWeightSemibold, marginRight: tokens.spacingHorizontalS },
  chevron: { display: "inline-block", width: "1em", color: tokens.colorNeutralForeground3 },
  tag: {
    marginRight: tokens.spacingHorizontalXS, padding: `0 ${tokens.spacingHorizontalXS}`, borderRadius: tokens.borderRadiusSmall,
    backgroundColor: tokens.colorNeutralBackground3, color: tokens.colorNeutralForeground2,
  },
  message: { color: tokens.colorNeutralForeground1 },
  meta: { display: "block", color: tokens.colorNeutralForeground3, marginTop: tokens.spacingVerticalXXS },
  count: { fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground1 },
  toggle: { marginLeft: tokens.spacingHorizontalL, marginBottom: tokens.spacingVerticalXS },
  more: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, marginTop: tokens.spacingVerticalXS, marginBottom: tokens.spacingVerticalS },
  remaining: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});

interface RowProps {
  /** the zh-CN catalogue once loaded, for the groups' shapes */
  catalogue: Catalogue | undefined;
  selected: Finding | null;
  showSheet: boolean;
  onSelect: (f: Finding) => void;
}

/** One finding as a button; a consequence is tagged 连带. */
function FindingButton(props: RowProps & { finding: Finding; consequence?: boolean }) {
  const m = useMessages();
  const s = useStyles();
  const f = props.finding;
  const selected = props.selected === f;
  const where = props.showSheet ? `${f.sheet}!${f.cell}` : f.cell;
  const values = f.expected !== undefined
    ? ` · ${m.expectedLabel}${String(f.expected)} · ${m.actualLabel}${String(f.actual ?? "")}`
    : "";
  // the clause only when the finding has one (an unrecognised sheet has none); the rule id second
  const clause = f.clause ? `${m.clauseLabel}：${f.clause} · ` : "";
  return (
    <button
      type="button"
      className={mergeClasses(s.item, selected && s.selected)}
      aria-current={selected ? "true" : undefined}
      title={m.selectFindingHint(f.sheet, f.cell)}
      onClick={() => props.onSelect(f)}
    >
      <span className={s.cell}>{where}</span>
      {props.consequence && <span className={s.tag}>{m.consequenceLabel}</span>}
      <span className={s.message}>{f.message}</span>
      <span className={s.meta}>{`${clause}${m.ruleLabel}：${f.rule}${values}`}</span>
    </button>
  );
}

/** A root finding and, folded under it (collapsed until asked), the findings that follow from it. */
function RootRow(props: RowProps & { item: FoldedFinding }) {
  const m = useMessages();
  const s = useStyles();
  const [open, setOpen] = useState(false);
  const listId = useId();
  const n = props.item.consequences.length;
  return (
    <li>
      <FindingButton {...props} finding={props.item.root} />
      {n > 0 && (
        <>
          <Button
            className={s.toggle} size="small" appearance="subtle"
            aria-expanded={open} aria-controls={open ? listId : undefined}
            onClick={() => setOpen(!open)}
          >
            <span className={s.chevron} aria-hidden="true">{open ? "▾" : "▸"}</span>{m.consequencesToggle(n)}
          </Button>
          {open && (
            <ul id={listId} className={s.nested}>
              {props.item.consequences.map((c, i) => (
                <li key={`${c.cell}#${c.rule}#${i}`}><FindingButton {...props} finding={c} consequence /></li>
              ))}
            </ul>
          )}
        </>
      )}
    </li>
  );
}

/** "show more" for a paged list, saying how many findings are not on screen yet. */
function More(props: { remaining: number; next: number; onMore: () => void }) {
  const m = useMessages();
  const s = useStyles();
  if (props.remaining <= 0) return null;
  return (
    <div className={s.more}>
      <span className={s.remaining}>{m.remaining(props.remaining)}</span>
      <Button size="small" onClick={props.onMore}>{m.showMore(props.next)}</Button>
    </div>
  );
}

/** Many findings of one check and one message: one row (count, range, message shape), its members paged when expanded. */
function GroupRow(props: RowProps & { group: GroupItem }) {
  const m = useMessages();
  const s = useStyles();
  const [open, setOpen] = useState(false);
  const [limit, setLimit] = useState(FINDINGS_PAGE);
  const listId = useId();
  const g = props.group;
  const first = g.members[0].root;
  const where = props.showSheet ? `${g.sheet}!${g.range}` : g.range;
  const clause = first.clause ? `${m.clauseLabel}：${first.clause} · ` : "";
  const rest = g.members.length - limit;
  return (
    <li>
      <button
        type="button"
        className={mergeClasses(s.item, s.groupHead)}
        aria-expanded={open}
        aria-controls={open ? listId : undefined}
        onClick={() => setOpen(!open)}
      >
        <span className={s.cell}><span className={s.chevron} aria-hidden="true">{open ? "▾" : "▸"}</span>{where}</span>
        <span className={s.message}>{(props.catalogue && catalogueShape(first, props.catalogue)) ?? g.shape}</span>
        <span className={s.meta}>
          <span className={s.count}>{m.groupCount(g.members.length)}</span>
          {g.consequences > 0 ? `（${m.groupConsequences(g.consequences)}）` : ""}
          {` · ${clause}${m.ruleLabel}：${first.rule}`}
        </span>
      </button>
      {open && (
        <>
          <ul id={listId} className={s.nested}>
            {g.members.slice(0, limit).map((item, i) => <RootRow key={`${item.root.cell}#${i}`} {...props} item={item} />)}
          </ul>
          <More remaining={rest} next={Math.min(rest, FINDINGS_PAGE)} onMore={() => setLimit(limit + FINDINGS_PAGE)} />
        </>
      )}
    </li>
  );
}

function Section(props: RowProps & { severity: Severity; items: DisplayItem[]; roots: number }) {
  const m = useMessages();
  const s = useStyles();
  const [limit, setLimit] = useState(FINDINGS_PAGE);
  const title = m.severityCount(m.severity[props.severity], props.roots);
  const id = `findings-${props.severity}`;
  const page = props.items.slice(0, limit);
  // findings not on screen yet: a group's members count one by one
  let onScreen = 0;
  for (const it of page) onScreen += it.kind === "group" ? it.members.length : 1;
  const restItems = props.items.length - page.length;
  return (
    <section className={s.group} aria-labelledby={id}>
      <h3 id={id} className={mergeClasses(s.heading, s[props.severity])}>{title}</h3>
      <ul className={s.list}>
        {page.map((it, i) => (it.kind === "group"
          ? <GroupRow key={it.key} {...props} group={it} />
          : <RootRow key={`${it.root.sheet}!${it.root.cell}#${it.root.rule}#${i}`} {...props} item={it} />))}
      </ul>
      <More remaining={restItems > 0 ? props.roots - onScreen : 0} next={Math.min(restItems, FINDINGS_PAGE)} onMore={() => setLimit(limit + FINDINGS_PAGE)} />
    </section>
  );
}

export function FindingsList(props: FindingsListProps) {
  const m = useMessages();
  const s = useStyles();
  const { filter, setFilter, view, shown, pending } = useFindingsFilter(props.findings);
  const [selected, setSelected] = useState<Finding | null>(null);
  const catalogue = useShapeCatalogue(view.groups > 0);
  if (props.findings.length === 0) return <p>{m.noFindings}</p>;
  // the first list of a new result is being arranged (a moment, for 100 k findings)
  if (pending && view.roots === 0) return <p role="status">{m.arranging}</p>;
  const select = (f: Finding) => {
    setSelected(f);
    props.onSelect?.(f);
  };
  return (
    <div>
      <div role="group" aria-label={m.filterLabel} className={s.filters}>
        <ToggleButton size="small" checked={filter === "all"} onClick={() => setFilter("all")}>
          {m.severityCount(m.filterAll, view.roots)}
        </ToggleButton>
        {SEVERITIES.map((sev) => (
          <ToggleButton key={sev} size="small" checked={filter === sev} onClick={() => setFilter(sev)}>
            {m.severityCount(m.severity[sev], view.sections[sev].roots)}
          </ToggleButton>
        ))}
      </div>
      {view.consequences > 0 && <p className={s.note}>{m.consequencesNote(view.consequences)}</p>}
      {shown.filter((sev) => view.sections[sev].roots > 0).map((sev) => (
        <Section
          key={sev}
          severity={sev}
          items={view.sections[sev].items}
          roots={view.sections[sev].roots}
          catalogue={catalogue}
          selected={selected}
          showSheet={props.showSheet ?? false}
          onSelect={select}
        />
      ))}
      {selected && <p role="status">{m.selectedFinding(`${selected.sheet}!${selected.cell}`)}</p>}
    </div>
  );
}
