/** 娄办发〔2009〕19号 — performance evaluation: ruleset, computations, cell adapters. */
export * from "./data";
export * from "./compute";
export * from "./cells";
