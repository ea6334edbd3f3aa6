export * from "./data";
export * from "./compute";
export * from "./cells";
