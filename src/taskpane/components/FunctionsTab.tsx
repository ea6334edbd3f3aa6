/**
 * 函数 tab: each custom function with its description, parameters and an example; 插入 writes it
 * into the active cell. Outside Excel, DeskFunctions.tsx lists the same items with a calculator.
 */
import type { ReactNode } from "react";
import { Button, Spinner, makeStyles, tokens } from "@fluentui/react-components";
import type { ExcelPort, FetchJson, FunctionInfo } from "../types";
import { useFunctions } from "../hooks/useFunctions";
import { useAction } from "../hooks/useAction";
import { exampleFor, FUNCTION_NAMESPACE } from "../functionExamples";
import { useMessages } from "../i18n";
import { Notice } from "./Notice";
import { useHostMessages } from "../hostMessages";

const useStyles = makeStyles({
  list: { listStyleType: "none", margin: 0, padding: 0 },
  item: {
    padding: tokens.spacingVerticalS, marginBottom: tokens.spacingVerticalS,
    border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium,
  },
  name: { fontFamily: tokens.fontFamilyMonospace, fontWeight: tokens.fontWeightSemibold, margin: 0, fontSize: tokens.fontSizeBase300 },
  params: { margin: `${tokens.spacingVerticalXS} 0`, paddingLeft: tokens.spacingHorizontalL, fontSize: tokens.fontSizeBase200 },
  example: {
    display: "block", fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200,
    backgroundColor: tokens.colorNeutralBackground3, padding: tokens.spacingVerticalXS, marginBottom: tokens.spacingVerticalXS,
    overflowWrap: "anywhere",
  },
});

export function FunctionItem(props: {
  fn: FunctionInfo; disabled?: boolean; canInsert?: boolean; onInsert?: (formula: string) => void; children?: ReactNode;
}) {
  const m = useMessages();
  const s = useStyles();
  const { fn } = props;
  const formula = exampleFor(fn.id);
  const fullName = `${FUNCTION_NAMESPACE}.${fn.id}`;
  return (
    <li className={s.item} aria-label={fullName}>
      <h3 className={s.name}>{fullName}</h3>
      {fn.name !== fn.id && <div>{m.zhName(`${FUNCTION_NAMESPACE}.${fn.name}`)}</div>}
      <p>{fn.description}</p>
      {fn.parameters.length > 0 && (
        <>
          <strong>{m.parameters}</strong>
          <ul className={s.params}>
            {fn.parameters.map((p) => (
              <li key={p.name}>
                <code>{p.name}</code>
                {p.optional ? m.optional : ""}
                {p.description ? `${m.colon}${p.description}` : ""}
              </li>
            ))}
          </ul>
        </>
      )}
      <strong>{m.example}</strong>
      <code className={s.example}>{formula}</code>
      {props.canInsert && (
        <Button size="small" disabled={props.disabled} aria-label={`${m.insert} ${fullName}`} onClick={() => props.onInsert?.(formula)}>
          {m.insert}
        </Button>
      )}
      {props.children}
    </li>
  );
}

export const useFunctionStyles = useStyles;

export function FunctionsTab(props: { port: ExcelPort; fetchJson: FetchJson }) {
  const m = useMessages();
  const s = useStyles();
  const h = useHostMessages();
  const state = useFunctions(props.fetchJson);
  const action = useAction();
  const canInsert = props.port.features.customFunctions;
  if (state.phase === "loading") return <Spinner size="tiny" label={m.functionsLoading} />;
  if (state.phase === "error") return <Notice notice={{ intent: "error", text: m.functionsLoadFailed + state.message }} />;
  return (
    <div>
      <h3>{m.functionsTitle}</h3>
      {!canInsert && <p>{h.functionsUnsupported}</p>}
      <Notice notice={action.notice} />
      <ul className={s.list}>
        {state.functions.map((fn) => (
          <FunctionItem
            key={fn.id}
            fn={fn}
            disabled={action.busy}
            canInsert={canInsert}
            onInsert={(formula) => action.perform(async () => m.inserted(await props.port.insertFormula(formula)), m.errorPrefix)}
          />
        ))}
      </ul>
    </div>
  );
}
