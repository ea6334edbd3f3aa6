/**
 * Where the reader's bytes come from: the only I/O the reader does, kept at the edge so that the
 * same reader runs in Node (a file: read.ts) and in a browser or Web Worker (an ArrayBuffer or a
 * Blob/File: here). Reads are random access; the reader asks for the zip's tail and directory
 * first, then each part's compressed bytes in slices.
 */
export interface ByteSource {
  readonly size: number;
  /** up to `length` bytes from `offset` (fewer only at the end of the source) */
  read(offset: number, length: number): Promise<Uint8Array>;
  close?(): Promise<void>;
}

/** Bytes already in memory. */
export function bytesSource(data: ArrayBuffer | Uint8Array): ByteSource {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  return {
    size: bytes.length,
    read: async (offset, length) => bytes.subarray(offset, Math.min(bytes.length, offset + length)),
  };
}

/** A Blob or File (browser, Web Worker): only the slices asked for are loaded. */
export function blobSource(blob: Blob): ByteSource {
  return {
    size: blob.size,
    read: async (offset, length) => new Uint8Array(await blob.slice(offset, Math.min(blob.size, offset + length)).arrayBuffer()),
  };
}
