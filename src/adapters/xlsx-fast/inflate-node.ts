/**
 * Raw-deflate decompression on native zlib when running in Node: chunk by chunk, so a big part is never held
 * whole, with small parts inflated in one call. zlib is taken from the running Node (process.getBuiltinModule)
 * rather than imported, so this module costs the page nothing and the reader's import graph stays browser-safe;
 * outside Node (or on a Node without it) there is no native inflater and inflate-web.ts is used.
 */
import type { Inflate } from './inflate-types';

/** The parts of node:zlib used here (declared, not imported: see above). */
interface ZlibLike {
  inflateRawSync(data: Uint8Array, opts: { maxOutputLength: number }): Uint8Array;
  createInflateRaw(opts: { chunkSize: number }): {
    on(event: 'data', f: (chunk: Uint8Array) => void): unknown;
    on(event: 'error', f: (e: Error) => void): unknown;
    on(event: 'end', f: () => void): unknown;
    end(data: Uint8Array): unknown;
    pause(): unknown;
    resume(): unknown;
    destroy(): unknown;
  };
}

/** Parts this small (compressed) are inflated in one call: a stream costs more than it saves. */
const ONE_CALL_MAX_COMPRESSED = 256 * 1024;
/** …as long as they inflate to no more than this (a guard against a small part that unpacks to a huge one). */
const ONE_CALL_MAX_OUTPUT = 16 * 1024 * 1024;
const CHUNK = 256 * 1024;
/** Inflated chunks waiting to be read before zlib is paused. */
const AHEAD = 4;

function zlibInflater(zlib: ZlibLike): Inflate {
  return (data, onChunk) => {
    if (data.length <= ONE_CALL_MAX_COMPRESSED) {
      let out: Uint8Array | undefined;
      try {
        out = zlib.inflateRawSync(data, { maxOutputLength: ONE_CALL_MAX_OUTPUT });
      } catch (e) {
        // Over the output guard: stream it instead (the caller's budget decides); other errors are damage.
        if ((e as { code?: string }).code !== 'ERR_BUFFER_TOO_LARGE') return Promise.reject(e);
      }
      if (out) {
        try {
          onChunk(out);
          return Promise.resolve();
        } catch (e) {
          return Promise.reject(e);
        }
      }
    }
    // Streamed: zlib inflates the next chunk on its thread pool while this thread reads the last one (a chunk is
    // handed over on the next turn of the event loop, not inside zlib's callback), a few chunks ahead at most.
    return new Promise<void>((resolve, reject) => {
      const z = zlib.createInflateRaw({ chunkSize: CHUNK });
      const queue: Uint8Array[] = [];
      let ended = false;
      let failed = false;
      let scheduled = false;
      const fail = (e: unknown) => {
        if (failed) return;
        failed = true;
        z.destroy();
        reject(e);
      };
      const drain = () => {
        scheduled = false;
        if (failed) return;
        try {
          while (queue.length) onChunk(queue.shift()!);
        } catch (e) {
          fail(e);
          return;
        }
        if (ended) resolve();
        else z.resume();
      };
      const schedule = () => {
        if (!scheduled) {
          scheduled = true;
          setImmediate(drain);
        }
      };
      z.on('data', (chunk) => {
        queue.push(chunk);
        if (queue.length >= AHEAD) z.pause();
        schedule();
      });
      z.on('error', fail);
      z.on('end', () => {
        ended = true;
        schedule();
      });
      z.end(data);
    });
  };
}

let native: Inflate | null | undefined;

/** Native zlib's inflater when running in Node; null elsewhere. */
export function nativeInflate(): Inflate | null {
  if (native === undefined) {
    const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
    const zlib = typeof proc?.getBuiltinModule === 'function' ? (proc.getBuiltinModule('node:zlib') as ZlibLike | undefined) : undefined;
    native = zlib ? zlibInflater(zlib) : null;
  }
  return native;
}
