/** `?sample=1` → the first template's errors example; `?sample=grid` → that template's. */
export function sampleFromQuery(search: string, ids: readonly string[]): string | null {
  const v = new URLSearchParams(search).get("sample");
  if (v === null || v === "" || v === "0") return null;
  return ids.includes(v) ? v : ids[0] ?? null;
}
