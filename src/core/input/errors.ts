import type { InputMessageId } from "./messages";

/**
 * A typed input error: what went wrong (`id`, from the catalogue), with which parameter, and the
 * finished Chinese message. Thrown by the coercions and by rule code on bad input; adapters turn
 * it into #VALUE! (functions), a finding (validator) or a one-line message (CLI).
 */
export class InputError extends Error {
  readonly id: InputMessageId | "rule";
  readonly param: string;
  constructor(id: InputMessageId | "rule", param: string, message: string) {
    super(message);
    this.name = "InputError";
    this.id = id;
    this.param = param;
  }
}

export function isInputError(e: unknown): e is InputError {
  return e instanceof InputError;
}
