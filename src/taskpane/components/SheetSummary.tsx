/** Which template each validated sheet was recognised as (or that it matched none). */
import { makeStyles, tokens } from "@fluentui/react-components";
import type { SheetResult, TemplateSummary } from "../../core/validate";
import { useMessages } from "../i18n";

const useStyles = makeStyles({
  list: { margin: `0 0 ${tokens.spacingVerticalM}`, paddingLeft: tokens.spacingHorizontalL },
  none: { color: tokens.colorNeutralForeground3 },
  name: { fontWeight: tokens.fontWeightSemibold },
});

export function SheetSummary(props: { sheets: readonly SheetResult[]; templates: readonly TemplateSummary[] }) {
  const m = useMessages();
  const s = useStyles();
  const titles = new Map(props.templates.map((t) => [t.id, t.title]));
  return (
    <section aria-label={m.sheetsTitle}>
      <h3>{m.sheetsTitle}</h3>
      <ul className={s.list}>
        {props.sheets.map((sh) => (
          <li key={sh.sheet}>
            <span className={s.name}>{sh.sheet}</span>
            {m.colon}
            {sh.template
              ? m.sheetDetail(titles.get(sh.template) ?? sh.template, [
                sh.headerRow !== null ? m.headerRowAt(sh.headerRow) : null, m.dataRows(sh.rows),
              ].filter((x): x is string => x !== null))
              : <span className={s.none}>{m.noTemplate}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}
