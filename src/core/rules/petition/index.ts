/** 深办〔2003〕36号 — petition work target assessment: ruleset, computations, cell adapters. */
export * from "./data";
export * from "./compute";
export * from "./cells";
