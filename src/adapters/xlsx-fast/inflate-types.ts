/**
 * Raw-deflate decompression as the fast reader needs it: the decompressed bytes handed over chunk by chunk.
 * `onChunk` may throw (a budget exceeded, damaged XML): decompression then stops and the promise rejects with it.
 */
export type Inflate = (data: Uint8Array, onChunk: (chunk: Uint8Array) => void) => Promise<void>;
