/**
 * Which ExcelApi requirement sets the host implements. The main manifest asks for ExcelApi 1.7;
 * the task-pane-only manifest for Excel 2016/2019 (dist/manifest-compat.xml) asks for 1.1 and
 * loads the same pane, so every member above 1.1 is used only behind `isSupported` (checked by
 * test/unit/office/apisets.test.ts, which reads each member's set from @types/office-js).
 */

/** An ExcelApi requirement set version, "1.1" … "1.20". */
export type ExcelApiVersion = `1.${number}`;

export interface ExcelApiSupport {
  /** true when the host implements ExcelApi `version` (and so every set below it) */
  isSupported(version: ExcelApiVersion): boolean;
}

export interface OfficeRequirements {
  context?: { requirements?: { isSetSupported?(name: string, minVersion?: string): boolean } };
}

/** The minor number of "1.13" (13), for comparing versions. */
export function minorOf(version: string): number {
  const m = /^1\.(\d+)$/.exec(version.trim());
  if (!m) throw new Error(`not an ExcelApi version: ${version}`);
  return Number(m[1]);
}

/**
 * The host's answer, through Office.context.requirements.isSetSupported("ExcelApi", v). Without
 * office.js (Node tools, unit tests of the adapter over a mock) there is no host to ask: every set
 * counts as supported, and a test that wants an old Excel passes `upTo("1.1")` instead.
 */
export function officeApiSupport(
  office: OfficeRequirements | undefined = (globalThis as { Office?: OfficeRequirements }).Office,
): ExcelApiSupport {
  const requirements = office?.context?.requirements;
  if (!requirements || typeof requirements.isSetSupported !== "function") return { isSupported: () => true };
  const ask = requirements.isSetSupported.bind(requirements);
  const known = new Map<string, boolean>();
  return {
    isSupported(version) {
      let yes = known.get(version);
      if (yes === undefined) {
        yes = ask("ExcelApi", version) === true;
        known.set(version, yes);
      }
      return yes;
    },
  };
}

/** A host implementing ExcelApi 1.1 … `max` (tests; Excel 2016 MSI is "1.2", Excel 2019 "1.8"). */
export function upTo(max: ExcelApiVersion): ExcelApiSupport {
  const top = minorOf(max);
  return { isSupported: (version) => minorOf(version) <= top };
}

/**
 * Whether custom functions run here (CustomFunctionsRuntime 1.1): not in the task-pane-only
 * manifest's Excel 2016/2019. Without office.js (tests, tools) there is no host to ask: true.
 */
export function customFunctionsSupported(
  office: OfficeRequirements | undefined = (globalThis as { Office?: OfficeRequirements }).Office,
): boolean {
  const requirements = office?.context?.requirements;
  if (!requirements || typeof requirements.isSetSupported !== "function") return true;
  return requirements.isSetSupported("CustomFunctionsRuntime", "1.1") === true;
}

/** What the pane can offer on this host, so it hides or degrades a feature and says why. */
export interface HostFeatures {
  /** merged cells can be read (ExcelApi 1.13); without them header detection may suffer */
  mergedCells: boolean;
  /** marking can store and restore every fill property exactly (ExcelApi 1.9) */
  markCells: boolean;
  /** templates are inserted as Excel sheets (ExcelApi 1.13) rather than written cell by cell */
  nativeTemplateInsert: boolean;
  /** the GOV custom functions can be inserted (CustomFunctionsRuntime 1.1) */
  customFunctions: boolean;
}

export function hostFeatures(api: ExcelApiSupport, customFunctions: boolean): HostFeatures {
  return {
    mergedCells: api.isSupported("1.13"),
    markCells: api.isSupported("1.9"),
    nativeTemplateInsert: api.isSupported("1.13"),
    customFunctions,
  };
}
