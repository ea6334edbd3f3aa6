#!/usr/bin/env node
/**
 * Runs a TypeScript script without a build step: `node scripts/run-ts.js <file.ts> [args...]`
 * (npm run templates, npm run bench). ts-node in transpile-only mode: type errors are the job of
 * `npx tsc --noEmit -p .`, not of every script run. The script sees its own args in process.argv.
 */
"use strict";
const path = require("path");

const [, , file, ...args] = process.argv;
if (!file) {
  process.stderr.write("用法 usage: node scripts/run-ts.js <file.ts> [args...]\n");
  process.exit(2);
}

require("ts-node").register({
  project: path.resolve(__dirname, "..", "tsconfig.json"),
  transpileOnly: true,
  compilerOptions: { module: "commonjs" },
});

const target = path.resolve(file);
process.argv = [process.argv[0], target, ...args];
require(target);
