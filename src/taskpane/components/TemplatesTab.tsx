/**
 * 模板 tab: for each template, insert its blank fill-in template (assets/templates/blank/<id>.xlsx:
 * dropdowns, value ranges and formulas) or its filled sample (assets/templates/<id>.xlsx) into the
 * workbook. Where Excel writes templates cell by cell (no ExcelApi 1.13), the blank's formulas and
 * validations are fetched beside it (<id>.json) and written after its cells. The standalone
 * (browser) pane offers the same files as downloads (DeskTemplates.tsx). Nothing here is bundled:
 * the files are fetched on use.
 */
import { Button, makeStyles, tokens } from "@fluentui/react-components";
import type { TemplateSummary } from "../../core/validate";
import type { BlankExtras } from "../../office/template";
import type { ExcelPort, FetchBytes } from "../types";
import { templateUrl } from "../types";
import { blankExtrasUrl, blankUrl } from "../templateList";
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
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

/** UTF-8 bytes as text, without TextDecoder (absent from some older Office webviews). */
function utf8(buffer: ArrayBuffer): string {
  let escaped = "";
  for (const b of new Uint8Array(buffer)) escaped += `%${b.toString(16).padStart(2, "0")}`;
  return decodeURIComponent(escaped);
}

export function TemplatesTab(props: { port: ExcelPort; fetchBytes: FetchBytes; templates: readonly TemplateSummary[] }) {
  const m = useMessages();
  const s = useStyles();
  const h = useHostMessages();
  const action = useAction();
  const native = props.port.features.nativeTemplateInsert;
  const insertBlank = async (t: TemplateSummary) => {
    const bytes = await props.fetchBytes(blankUrl(t.id));
    const extras = native
      ? undefined
      : (JSON.parse(utf8(await props.fetchBytes(blankExtrasUrl(t.id)))) as BlankExtras);
    const r = await props.port.insertTemplate(toBase64(bytes), extras);
    if (!r.byCells) return m.templateInserted(t.title);
    return `${m.templateInserted(t.title)}${h.templateByCells}${r.validations === false ? m.blankValidationsSkipped : ""}`;
  };
  return (
    <div>
      <h3>{m.templatesTitle}</h3>
      <p>{m.blankIntro}</p>
      {!native && <p>{h.templateByCellsAhead}</p>}
      <Notice notice={action.notice} />
      <ul className={s.list}>
        {props.templates.map((t) => (
          <li key={t.id} className={s.item}>
            <h4 className={s.title}>{t.title}</h4>
            <p className={s.doc}>{m.templateDocument(t.document)}</p>
            <div className={s.buttons}>
              <Button
                size="small"
                appearance="primary"
                disabled={action.busy}
                aria-label={`${m.insertBlank} ${t.title}`}
                onClick={() => action.perform(() => insertBlank(t), m.errorPrefix)}
              >{m.insertBlank}</Button>
              <Button
                size="small"
                disabled={action.busy}
                aria-label={`${m.insertTemplate} ${t.title}`}
                onClick={() => action.perform(async () => {
                  const r = await props.port.insertTemplate(toBase64(await props.fetchBytes(templateUrl(t.id))));
                  return r.byCells ? `${m.templateInserted(t.title)}${h.templateByCells}` : m.templateInserted(t.title);
                }, m.errorPrefix)}
              >{m.insertTemplate}</Button>
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}
