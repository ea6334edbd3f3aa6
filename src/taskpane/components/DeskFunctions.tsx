/**
 * 函数 tab outside Excel (standalone): the functions' reference (in the pane's language: the zh-CN
 * metadata gives Chinese names and descriptions) with, instead of 插入, a calculator per function:
 * one field per parameter, filled with the example's values, and the result, or the #VALUE! and
 * its Chinese message exactly as the cell would show them (calculate.ts runs functions.ts itself).
 * Loaded as its own chunk when the tab is first opened; the functions' code on first 试算.
 */
import { type FormEvent, useState } from "react";
import { Button, Input, Spinner, makeStyles, mergeClasses, tokens, useId } from "@fluentui/react-components";
import type { Locale } from "../../i18n";
import type { FetchJson, FunctionInfo } from "../types";
import { FUNCTIONS_JSON_URL, FUNCTIONS_ZH_JSON_URL, useFunctions } from "../hooks/useFunctions";
import { FUNCTION_EXAMPLES, FUNCTION_NAMESPACE } from "../functionExamples";
import { type Calc, type CalcOutcome, argumentOf, loadCalculator, resultRows } from "../calculate";
import { useMessages } from "../i18n";
import { Notice } from "./Notice";
import { FunctionItem, useFunctionStyles } from "./FunctionsTab";

const useStyles = makeStyles({
  form: {
    display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, marginTop: tokens.spacingVerticalS,
    padding: tokens.spacingVerticalS, backgroundColor: tokens.colorNeutralBackground2, borderRadius: tokens.borderRadiusMedium,
  },
  hint: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, margin: 0 },
  field: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  label: { fontWeight: tokens.fontWeightSemibold },
  describe: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  result: { margin: 0, padding: tokens.spacingVerticalXS, overflowX: "auto", borderRadius: tokens.borderRadiusMedium, backgroundColor: tokens.colorNeutralBackground1 },
  value: { fontFamily: tokens.fontFamilyMonospace, fontWeight: tokens.fontWeightSemibold },
  error: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  table: { borderCollapse: "collapse", marginTop: tokens.spacingVerticalXXS },
  head: { border: `1px solid ${tokens.colorNeutralStroke2}`, padding: `2px ${tokens.spacingHorizontalS}`, fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase200, whiteSpace: "nowrap" },
  cell: { border: `1px solid ${tokens.colorNeutralStroke2}`, padding: `2px ${tokens.spacingHorizontalS}` },
  number: { fontFamily: tokens.fontFamilyMonospace, textAlign: "right" },
});

/**
 * Example values for ranges, which the example formulas give as cell references (B2:B11): what
 * those cells could hold.
 */
const RANGE_SAMPLES: Readonly<Record<string, readonly string[]>> = {
  EVAL_GRADES: ["812、765、690、590、701"],
  EVAL_DEPT_GRADE: ["85、78、92、不考核、66"],
};

/** The example formula's arguments as field texts (quotes dropped, a cell reference left empty). */
export function exampleArguments(id: string, count: number): string[] {
  const formula = FUNCTION_EXAMPLES[id] ?? "";
  const inner = formula.slice(formula.indexOf("(") + 1, formula.lastIndexOf(")"));
  const args: string[] = [];
  let cur = "";
  let quoted = false;
  for (const ch of inner) {
    if (ch === '"') quoted = !quoted;
    else if (ch === "," && !quoted) {
      args.push(cur.trim());
      cur = "";
    } else cur += ch;
  }
  if (inner.trim() !== "") args.push(cur.trim());
  const ranges = RANGE_SAMPLES[id] ?? [];
  return Array.from({ length: count }, (_, i) => {
    const a = args[i] ?? "";
    return /^\$?[A-Z]+\$?\d+(:\$?[A-Z]+\$?\d+)?$/.test(a) ? ranges[i] ?? "" : a;
  });
}

let calculator: Promise<Calc> | null = null;

export function Calculator(props: { fn: FunctionInfo }) {
  const m = useMessages();
  const s = useStyles();
  const id = useId("calc");
  const { fn } = props;
  const [values, setValues] = useState(() => exampleArguments(fn.id, fn.parameters.length));
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<CalcOutcome | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      calculator ??= loadCalculator();
      const calc = await calculator;
      setOutcome(calc(fn.id, fn.parameters.map((p, i) => argumentOf(values[i] ?? "", p))));
    } catch (err) {
      calculator = null;
      setOutcome({ ok: false, code: "", message: err instanceof Error ? err.message : String(err) });
    } finally {
      setBusy(false);
    }
  };
  const rows = outcome?.ok ? resultRows(outcome.value) : [];
  // GRID_STAFFING's four numbers, named (a cell range would have them under its own headers)
  const columns = fn.id === "GRID_STAFFING" && rows.length === 1 && rows[0].length === m.gridStaffingColumns.length ? m.gridStaffingColumns : null;
  return (
    <form className={s.form} onSubmit={(e) => void submit(e)} aria-label={`${m.calculate} ${FUNCTION_NAMESPACE}.${fn.id}`}>
      <p className={s.hint}>{m.calcHint}</p>
      {fn.parameters.map((p, i) => (
        <div key={p.name} className={s.field}>
          <label className={s.label} htmlFor={`${id}-${i}`}>{p.name}{p.optional ? m.optional : ""}</label>
          <Input
            id={`${id}-${i}`}
            value={values[i] ?? ""}
            aria-describedby={p.description ? `${id}-${i}-d` : undefined}
            onChange={(_, d) => setValues((v) => v.map((x, j) => (j === i ? d.value : x)))}
          />
          {p.description && <span id={`${id}-${i}-d`} className={s.describe}>{p.description}</span>}
        </div>
      ))}
      <div>
        <Button type="submit" appearance="primary" size="small" disabled={busy}>{m.calcRun}</Button>
        {busy && <Spinner size="extra-tiny" label={m.calcLoading} />}
      </div>
      <div role="status" aria-live="polite">
        {outcome && (
          <div className={s.result}>
            {m.calcResult}{m.colon}
            {!outcome.ok
              ? <span className={s.error}>{m.calcError(outcome.code, outcome.message)}</span>
              : rows.length === 1 && rows[0].length === 1
                ? <span className={s.value}>{rows[0][0]}</span>
                : (
                  <table className={s.table}>
                    {columns && <thead><tr>{columns.map((c) => <th key={c} className={s.head}>{c}</th>)}</tr></thead>}
                    <tbody>
                      {rows.map((r, i) => <tr key={i}>{r.map((c, j) => <td key={j} className={/^-?\d/.test(c) ? mergeClasses(s.cell, s.number) : s.cell}>{c}</td>)}</tr>)}
                    </tbody>
                  </table>
                )}
          </div>
        )}
      </div>
    </form>
  );
}

function DeskFunction(props: { fn: FunctionInfo }) {
  const m = useMessages();
  const [open, setOpen] = useState(false);
  const label = `${m.calculate} ${FUNCTION_NAMESPACE}.${props.fn.id}`;
  return (
    <FunctionItem fn={props.fn}>
      <Button size="small" aria-label={label} aria-expanded={open} onClick={() => setOpen((x) => !x)}>{m.calculate}</Button>
      {open && <Calculator fn={props.fn} />}
    </FunctionItem>
  );
}

export function DeskFunctions(props: { fetchJson: FetchJson; locale: Locale }) {
  const m = useMessages();
  const s = useFunctionStyles();
  const state = useFunctions(props.fetchJson, props.locale === "zh-CN" ? FUNCTIONS_ZH_JSON_URL : FUNCTIONS_JSON_URL);
  if (state.phase === "loading") return <Spinner size="tiny" label={m.functionsLoading} />;
  if (state.phase === "error") return <Notice notice={{ intent: "error", text: m.functionsLoadFailed + state.message }} />;
  return (
    <div>
      <h3>{m.functionsTitle}</h3>
      <ul className={s.list}>
        {state.functions.map((fn) => <DeskFunction key={fn.id} fn={fn} />)}
      </ul>
    </div>
  );
}
