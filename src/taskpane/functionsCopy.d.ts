/**
 * `../functions/functions?calc`: functions.ts as a module of its own in the pane's build (the
 * calculator's chunk, calculate.ts). Without the query, functions.js's entry module would be
 * shared with a pane chunk and webpack would stop concatenating functions.js (+4 KB gzip); with it,
 * the metadata plugin's loader (which matches the path exactly) appends no associate calls either.
 * Jest maps the query away (jest.config.js moduleNameMapper).
 */
declare module "*?calc" {
  const exports: Record<string, unknown>;
  export = exports;
}
