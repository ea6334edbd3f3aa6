// ESLint 9 flat config: eslint-plugin-office-addins' recommended rules (Office.js load/sync
// discipline, no eval) for all our code. Its config sets the TypeScript parser only for
// *.{js,ts,...}, not *.tsx (toolchain.md 9), so the parser and the same rules are applied to
// ts/tsx here explicitly.
import officeAddins from "eslint-plugin-office-addins";
import tsParser from "@typescript-eslint/parser";
import tsPlugin from "@typescript-eslint/eslint-plugin";

const recommended = officeAddins.configs.recommended;
// the block of recommended that carries the office-addins rules (the others are eslint:recommended and prettier)
const addinBlock = recommended.find((c) => c.rules && "office-addins/call-sync-before-read" in c.rules);

const nodeGlobals = Object.fromEntries(
  ["require", "module", "exports", "__dirname", "__filename", "process", "console", "Buffer", "setTimeout", "clearTimeout", "setInterval", "clearInterval", "URL"].map(
    (g) => [g, "readonly"],
  ),
);

export default [
  { ignores: ["dist/**", "lib/**", "coverage/**", "node_modules/**", "test/e2e/artifacts/**"] },
  ...recommended,
  {
    files: ["**/*.{ts,tsx}"],
    plugins: { ...addinBlock.plugins, "@typescript-eslint": tsPlugin },
    languageOptions: {
      parser: tsParser,
      ecmaVersion: "latest",
      sourceType: "module",
      parserOptions: { ecmaFeatures: { jsx: true } },
    },
    rules: {
      ...addinBlock.rules,
      // TypeScript itself reports undefined names, with the DOM/Office/Node types in tsconfig
      "no-undef": "off",
      // TS overloads and declaration merging are not redeclarations
      "no-redeclare": "off",
      // the repository has no Prettier step; formatting is not a lint failure here
      "prettier/prettier": "off",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
    },
  },
  {
    files: ["**/*.{js,cjs,mjs}"],
    languageOptions: { ecmaVersion: "latest", sourceType: "commonjs", globals: nodeGlobals },
    rules: {
      "prettier/prettier": "off",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", caughtErrors: "none" }],
    },
  },
  {
    files: ["**/*.mjs"],
    languageOptions: { sourceType: "module" },
  },
];
