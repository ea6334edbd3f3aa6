/** The custom functions' metadata, read from the functions.json the build emits. */
import { useEffect, useState } from "react";
import type { FetchJson, FunctionInfo, FunctionParam } from "../types";
import { errorText } from "../i18n";

export const FUNCTIONS_JSON_URL = "functions.json";
/** The Chinese names and descriptions (scripts/functions-locale.js), same ids and parameters. */
export const FUNCTIONS_ZH_JSON_URL = "functions.zh-CN.json";

/** Keeps what the pane shows from functions.json; anything malformed is an error, not a guess. */
export function parseFunctionsJson(json: unknown): FunctionInfo[] {
  const list = (json as { functions?: unknown })?.functions;
  if (!Array.isArray(list)) throw new Error("functions.json: no functions list");
  return list.map((f: Record<string, unknown>) => {
    if (typeof f.id !== "string") throw new Error("functions.json: a function has no id");
    const params = Array.isArray(f.parameters) ? (f.parameters as Record<string, unknown>[]) : [];
    return {
      id: f.id,
      name: typeof f.name === "string" ? f.name : f.id,
      description: typeof f.description === "string" ? f.description : "",
      parameters: params.map((p): FunctionParam => ({
        name: String(p.name ?? ""),
        description: typeof p.description === "string" ? p.description : undefined,
        type: typeof p.type === "string" ? p.type : undefined,
        dimensionality: typeof p.dimensionality === "string" ? p.dimensionality : undefined,
        optional: p.optional === true,
      })),
    };
  });
}

export type FunctionsState =
  | { phase: "loading" }
  | { phase: "ready"; functions: FunctionInfo[] }
  | { phase: "error"; message: string };

export function useFunctions(fetchJson: FetchJson, url: string = FUNCTIONS_JSON_URL): FunctionsState {
  const [state, setState] = useState<FunctionsState>({ phase: "loading" });
  useEffect(() => {
    let live = true;
    fetchJson(url)
      .then((json) => { if (live) setState({ phase: "ready", functions: parseFunctionsJson(json) }); })
      .catch((e) => { if (live) setState({ phase: "error", message: errorText(e) }); });
    return () => { live = false; };
  }, [fetchJson, url]);
  return state;
}
