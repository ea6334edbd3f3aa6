/**
 * jest globalSetup: builds dist/ before any test file runs, when the selected test files need it
 * (test/support/sequencer.js says which) and it is missing or stale, printing what it is doing —
 * "building dist/ for the tests (about N s)…" and a timer — instead of a silent minute inside a
 * test file's beforeAll. A fresh dist/ is not rebuilt, and prints nothing.
 */
import { buildWithProgress } from "./build";

export default async function globalSetup(): Promise<void> {
  // "0": none of the selected test files calls ensureBuilt (e.g. `jest test/unit/input.test.ts`)
  if (process.env.GOV_TESTS_NEED_DIST === "0") return;
  await buildWithProgress();
}
