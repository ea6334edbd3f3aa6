import type { InputMessageId } from "./messages";

/** What went wrong: a catalogue id, or "rule" for a rule's own refusal. */
export type CellErrorId = InputMessageId | "rule";

/**
 * A typed input error as a value (HyperFormula's CellError): what went wrong (`id`, from the
 * catalogue), with which parameter, and the finished Chinese message. The coercions and the rules
 * core return it instead of throwing; adapters turn it into #VALUE! (functions, guard.ts), a
 * finding (validator) or a one-line message (CLI). Not an Error: nothing throws it.
 */
export class CellError {
  readonly id: CellErrorId;
  readonly param: string;
  readonly message: string;
  constructor(id: CellErrorId, param: string, message: string) {
    this.id = id;
    this.param = param;
    this.message = message;
  }
}

/** `if (isError(x)) return x;` — the one check a call site makes after a coercion. */
export function isError(x: unknown): x is CellError {
  return x instanceof CellError;
}

/** A value or the typed error that stands in for it. */
export type Result<T> = T | CellError;

/**
 * The thrown form of a CellError, kept for the validator alone: an unknown template id
 * (validateWorkbook's caller, the CLI) and a check or parse function that throws one (the engine
 * still reports it as the clerk's finding). The rules core, the coercions and the custom functions
 * never throw it.
 */
export class InputError extends Error {
  readonly id: CellErrorId;
  readonly param: string;
  constructor(id: CellErrorId, param: string, message: string) {
    super(message);
    this.name = "InputError";
    this.id = id;
    this.param = param;
  }
}
