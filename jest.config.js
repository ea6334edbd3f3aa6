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
  },
  setupFiles: ["<rootDir>/test/support/custom-functions-stub.ts"],
  testPathIgnorePatterns: ["/node_modules/", "/dist/", "/lib/"],
};
