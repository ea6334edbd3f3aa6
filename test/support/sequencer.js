/**
 * jest's default test order, plus one note for test/support/global-setup.ts: whether any selected
 * test file needs dist/ (it imports ensureBuilt from test/support/build). jest sorts the selected
 * files before it runs globalSetup, in the same process, so `jest test/unit/input.test.ts` never
 * waits for a build.
 * (A plain .js file: jest loads the sequencer without transforming it.)
 */
"use strict";
const fs = require("fs");
const Sequencer = require("@jest/test-sequencer").default;

/** `import { …, ensureBuilt, … } from "../support/build"` (any depth) */
const IMPORTS_ENSURE_BUILT =
  /import\s*\{[^}]*\bensureBuilt\b[^}]*\}\s*from\s*["'](?:\.\.?\/)+(?:[\w.-]+\/)*support\/build["']/;

/** Does this test file read dist/ (imports ensureBuilt from test/support/build)? */
function needsDist(file) {
  try {
    return IMPORTS_ENSURE_BUILT.test(fs.readFileSync(file, "utf8"));
  } catch {
    return true; // cannot tell: build
  }
}

class GovSequencer extends Sequencer {
  sort(tests) {
    process.env.GOV_TESTS_NEED_DIST = tests.some((t) => needsDist(t.path)) ? "1" : "0";
    return super.sort(tests);
  }
}

module.exports = GovSequencer;
module.exports.needsDist = needsDist;
