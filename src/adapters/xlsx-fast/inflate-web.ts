/**
 * Raw-deflate decompression in the browser: the platform's DecompressionStream('deflate-raw'), chunk by chunk.
 * Used wherever native zlib is not at hand (inflate-node.ts); Node 20 has the same API, so the tests run it too.
 */
import type { Inflate } from './inflate-types';

export type { Inflate };

interface ByteStream {
  getReader(): { read(): Promise<{ done: boolean; value?: Uint8Array }>; cancel(): Promise<void> };
}
interface WebStreams {
  DecompressionStream: new (format: 'deflate-raw') => object;
  Blob: new (parts: Uint8Array[]) => { stream(): { pipeThrough(t: object): ByteStream } };
}

export const inflateRaw: Inflate = async (data, onChunk) => {
  const g = globalThis as unknown as WebStreams;
  const reader = new g.Blob([data]).stream().pipeThrough(new g.DecompressionStream('deflate-raw')).getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (value) onChunk(value);
    }
  } catch (e) {
    reader.cancel().catch(() => undefined);
    throw e;
  }
};
