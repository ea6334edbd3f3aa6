/** 模板 tab: insert a clean template sheet (the bundled assets/templates/<id>.xlsx) into the workbook. */
import { Button, makeStyles, tokens } from "@fluentui/react-components";
import type { TemplateSummary } from "../../core/validate";
import type { ExcelPort, FetchBytes } from "../types";
import { templateUrl } from "../types";
import { toBase64 } from "../base64";
import { useAction } from "../hooks/useAction";
import { useMessages } from "../i18n";
import { Notice } from "./Notice";
import { useHostMessages } from "../hostMessages";

const useStyles = makeStyles({
  list: { listStyleType: "none", margin: 0, padding: 0 },
  item: {
    padding: tokens.spacingVerticalS, marginBottom: tokens.spacingVerticalS,
    border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium,
  },
  title: { margin: 0, fontSize: tokens.fontSizeBase300 },
  doc: { color: tokens.colorNeutralForeground3, margin: `${tokens.spacingVerticalXXS} 0 ${tokens.spacingVerticalXS}` },
});

export function TemplatesTab(props: { port: ExcelPort; fetchBytes: FetchBytes; templates: readonly TemplateSummary[] }) {
  const m = useMessages();
  const s = useStyles();
  const h = useHostMessages();
  const action = useAction();
  return (
    <div>
      <h3>{m.templatesTitle}</h3>
      {!props.port.features.nativeTemplateInsert && <p>{h.templateByCellsAhead}</p>}
      <Notice notice={action.notice} />
      <ul className={s.list}>
        {props.templates.map((t) => (
          <li key={t.id} className={s.item}>
            <h4 className={s.title}>{t.title}</h4>
            <p className={s.doc}>{m.templateDocument(t.document)}</p>
            <Button
              size="small"
              disabled={action.busy}
              aria-label={`${m.insertTemplate} ${t.title}`}
              onClick={() => action.perform(async () => {
                const r = await props.port.insertTemplate(toBase64(await props.fetchBytes(templateUrl(t.id))));
                return r.byCells ? `${m.templateInserted(t.title)}${h.templateByCells}` : m.templateInserted(t.title);
              }, m.errorPrefix)}
            >{m.insertTemplate}</Button>
          </li>
        ))}
      </ul>
    </div>
  );
}
