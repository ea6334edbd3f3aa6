/** The severities as the pane imports them (zod-free); they live with the rules cores. */
export * from "../rules/severity";
