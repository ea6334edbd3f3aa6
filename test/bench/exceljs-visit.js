#!/usr/bin/env node
/**
 * The peer of govcheck in the bench: ExcelJS's streaming reader alone, visiting every cell of
 * every worksheet of one file (reading each value, as any checker must), then printing how many
 * cells it saw and its own peak memory. Plain JavaScript, like govcheck's compiled lib/.
 */
"use strict";
const ExcelJS = require("exceljs");

async function main(file) {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
    sharedStrings: "cache", styles: "cache", hyperlinks: "ignore", worksheets: "emit", entries: "emit",
  });
  let cells = 0;
  let filled = 0;
  for await (const sheet of reader) {
    for await (const row of sheet) {
      row.eachCell({ includeEmpty: true }, (cell) => {
        cells++;
        const v = cell.value;
        if (v !== null && v !== undefined && v !== "") filled++;
      });
    }
  }
  process.stdout.write(JSON.stringify({ cells, filled, maxRSSKB: process.resourceUsage().maxRSS }) + "\n");
}

main(process.argv[2]).catch((e) => {
  process.stderr.write(String(e && e.stack ? e.stack : e) + "\n");
  process.exit(1);
});
