/**
 * A stand-in for the CustomFunctions global that Excel's runtime provides: the real class shape
 * (code + message), and an `associate` that records registrations. Installed for every jest test
 * (jest.config.js setupFiles) and used by the test that loads the built dist/functions.js.
 */
export class StubCustomFunctionsError extends Error {
  readonly code: string;
  constructor(code: string, message?: string) {
    super(message ?? code);
    this.name = "CustomFunctions.Error";
    this.code = code;
  }
}

export function makeCustomFunctionsStub() {
  const registry = new Map<string, (...args: unknown[]) => unknown>();
  return {
    registry,
    Error: StubCustomFunctionsError,
    ErrorCode: {
      invalidValue: "#VALUE!",
      notAvailable: "#N/A",
      divisionByZero: "#DIV/0!",
      invalidNumber: "#NUM!",
      nullReference: "#NULL!",
      invalidName: "#NAME?",
      invalidReference: "#REF!",
    },
    associate(idOrMap: string | Record<string, (...args: unknown[]) => unknown>, fn?: (...args: unknown[]) => unknown) {
      if (typeof idOrMap === "string") registry.set(idOrMap.toUpperCase(), fn as (...args: unknown[]) => unknown);
      else for (const [k, f] of Object.entries(idOrMap)) registry.set(k.toUpperCase(), f);
    },
  };
}

(globalThis as unknown as { CustomFunctions: unknown }).CustomFunctions = makeCustomFunctionsStub();
