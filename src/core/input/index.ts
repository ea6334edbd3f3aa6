export * from "./coerce";
export * from "./dates";
export * from "./errors";
export * from "./excel";
export * from "./messages";
