// Loaded with `node --require` into a govcheck child: at exit, writes the process's peak RSS
// (KiB, from getrusage) to $GOV_RSS_FILE, so the tests can bound memory on hostile files.
"use strict";
const file = process.env.GOV_RSS_FILE;
if (file) {
  process.on("exit", () => {
    require("fs").writeFileSync(file, String(process.resourceUsage().maxRSS));
  });
}
