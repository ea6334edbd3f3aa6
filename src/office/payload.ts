/**
 * Excel on the web refuses a request or a response over 5 MB with the error codes below (their
 * names in office.js: CoreErrorCodes.requestPayloadSizeLimitExceeded /
 * responsePayloadSizeLimitExceeded; Excel.ErrorCodes.responsePayloadSizeLimitExceeded in
 * @types/office-js). Chunk sizes are budgeted to stay under it, but long text can still exceed
 * it, so every chunked sync halves its chunk on such an error and tries again, down to one item.
 */
export const PAYLOAD_ERROR_CODES: readonly string[] = ["RequestPayloadSizeLimitExceeded", "ResponsePayloadSizeLimitExceeded"];

/** True for Excel's "request/response payload too large" errors. */
export function isPayloadError(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === "string" && PAYLOAD_ERROR_CODES.includes(code);
}

/** Thrown when even a single item is over the limit: nothing smaller can be sent. */
export class PayloadTooLargeError extends Error {
  constructor(what: string, cause: unknown) {
    super(`${what}的内容超过 Excel 一次可传输的数据量（5 MB），无法处理。`);
    this.name = "PayloadTooLargeError";
    (this as { cause?: unknown }).cause = cause;
  }
}

/**
 * Runs `items` in chunks of at most `size`, each chunk queued by `queue` and sent by one sync;
 * `queue` returns what to do once its sync succeeded. On a payload error the chunk is halved and
 * retried, and the smaller size is kept for the chunks that follow. `describe` names a single
 * item that still fails (for the clerk), e.g. "第 12 行".
 */
export async function syncInChunks<T>(
  context: { sync(): Promise<unknown> },
  items: readonly T[],
  size: number,
  queue: (chunk: readonly T[], start: number) => (() => void) | void,
  describe: (item: T, index: number) => string,
): Promise<void> {
  let chunkSize = Math.max(1, Math.floor(size));
  let start = 0;
  while (start < items.length) {
    const chunk = items.slice(start, start + chunkSize);
    const after = queue(chunk, start);
    try {
      await context.sync();
    } catch (e) {
      if (!isPayloadError(e)) throw e;
      if (chunk.length === 1) throw new PayloadTooLargeError(describe(chunk[0], start), e);
      chunkSize = Math.max(1, Math.floor(chunk.length / 2));
      continue;
    }
    after?.();
    start += chunk.length;
  }
}
