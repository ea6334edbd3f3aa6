/**
 * 模板 tab outside Excel (standalone): no workbook to insert into, so each template's blank
 * fill-in workbook (assets/templates/blank/<id>.xlsx: dropdowns, value ranges, formulas) and its
 * filled sample (assets/templates/<id>.xlsx) are offered as downloads, named by the template's
 * Chinese title. Loaded as its own chunk when the tab is first opened.
 */
import { makeStyles, tokens } from "@fluentui/react-components";
import type { TemplateSummary } from "../../core/validate";
import { templateUrl } from "../types";
import { blankUrl } from "../templateList";
import { useMessages } from "../i18n";

const useStyles = makeStyles({
  list: { listStyleType: "none", margin: 0, padding: 0 },
  item: {
    padding: tokens.spacingVerticalS, marginBottom: tokens.spacingVerticalS,
    border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium,
  },
  title: { margin: 0, fontSize: tokens.fontSizeBase300 },
  doc: { color: tokens.colorNeutralForeground3, margin: `${tokens.spacingVerticalXXS} 0 ${tokens.spacingVerticalXS}` },
  links: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalL },
  link: { color: tokens.colorBrandForegroundLink, ":hover": { color: tokens.colorBrandForegroundLinkHover } },
});

export function DeskTemplates(props: { templates: readonly TemplateSummary[] }) {
  const m = useMessages();
  const s = useStyles();
  return (
    <div>
      <h3>{m.templatesTitle}</h3>
      <p>{m.templatesDeskIntro}</p>
      <p>{m.blankIntro}</p>
      <ul className={s.list}>
        {props.templates.map((t) => (
          <li key={t.id} className={s.item}>
            <h4 className={s.title}>{t.title}</h4>
            <p className={s.doc}>{m.templateDocument(t.document)}</p>
            <div className={s.links}>
              <a className={s.link} href={blankUrl(t.id)} download={`${t.title}.xlsx`} aria-label={`${m.downloadBlank} ${t.title}`}>{m.downloadBlank}</a>
              <a className={s.link} href={templateUrl(t.id)} download={`${t.title}（示例）.xlsx`} aria-label={`${m.downloadSample} ${t.title}`}>{m.downloadSample}</a>
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}
