/**
 * Every way a workbook cannot be read ends here: a one-line Chinese message for the clerk, the
 * low-level cause kept on `cause` for debugging only.
 */
export type ReadErrorCode =
  | "empty" | "notFound" | "noAccess" | "isFolder" | "notXlsx" | "encrypted" | "legacyBinary"
  | "corrupt" | "badXml" | "noWorkbook" | "noSheets" | "tooLarge" | "cancelled" | "unexpected";

export class ReadError extends Error {
  readonly code: ReadErrorCode;
  constructor(code: ReadErrorCode, message: string, options?: { cause?: unknown }) {
    super(message);
    this.name = "ReadError";
    this.code = code;
    if (options && "cause" in options) (this as { cause?: unknown }).cause = options.cause;
  }
}
