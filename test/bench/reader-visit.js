#!/usr/bin/env node
/**
 * GOV's reader alone (compiled lib/, as govcheck runs it), visiting every cell of every sheet of
 * one file — the same work as exceljs-visit.js, so the two compare reader with reader — then
 * printing the cells it saw and its own peak memory.
 */
"use strict";
const path = require("path");
const { readWorkbookFile } = require(path.join(__dirname, "..", "..", "lib", "xlsx", "read.js"));

async function main(file) {
  const wb = await readWorkbookFile(file, {});
  let cells = 0;
  let filled = 0;
  for (const sheet of wb.sheets) {
    for (const row of sheet.rows) {
      for (const v of row) {
        cells++;
        if (v !== null && v !== undefined && v !== "") filled++;
      }
    }
  }
  process.stdout.write(JSON.stringify({ cells, filled, maxRSSKB: process.resourceUsage().maxRSS }) + "\n");
}

main(process.argv[2]).catch((e) => {
  process.stderr.write(String(e && e.stack ? e.stack : e) + "\n");
  process.exit(1);
});
