/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test", "<rootDir>/src"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.json", diagnostics: { warnOnly: false } }],
  },
  moduleNameMapper: {
    // office-addin-mock 4 pulls office-addin-manifest, whose ESM-only dependency breaks under jest
    "^office-addin-manifest$": "<rootDir>/node_modules/office-addin-manifest/lib/officeApp.js",
    // the pane's calculator imports functions.ts as a module of its own (src/taskpane/functionsCopy.d.ts)
    "^(.*)\\?calc$": "$1",
  },
  setupFiles: ["<rootDir>/test/support/custom-functions-stub.ts"],
  // Build dist/ once, visibly ("building dist/ for the tests (about N s)…" and a timer), before the
  // test files that read it; the sequencer tells the setup whether the selected files need it.
  globalSetup: "<rootDir>/test/support/global-setup.ts",
  testSequencer: "<rootDir>/test/support/sequencer.js",
  testPathIgnorePatterns: ["/node_modules/", "/dist/", "/lib/"],
};
