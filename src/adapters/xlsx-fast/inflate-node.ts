/**
 * Raw-deflate decompression in Node: native zlib, chunk by chunk, so a big part is never held whole.
 * Node-only (node:zlib); the web bundle replaces this module with inflate-web.ts (webpack.config.js).
 */
import { createInflateRaw, inflateRawSync } from 'node:zlib';
import type { Inflate } from './inflate-types';

export type { Inflate };

/** Parts this small (compressed) are inflated in one call: a stream costs more than it saves. */
const ONE_CALL_MAX_COMPRESSED = 256 * 1024;
/** …as long as they inflate to no more than this (a guard against a small part that unpacks to a huge one). */
const ONE_CALL_MAX_OUTPUT = 16 * 1024 * 1024;
const CHUNK = 256 * 1024;

export const inflateRaw: Inflate = (data, onChunk) => {
  if (data.length <= ONE_CALL_MAX_COMPRESSED) {
    let out: Buffer | undefined;
    try {
      out = inflateRawSync(data, { maxOutputLength: ONE_CALL_MAX_OUTPUT });
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
  return new Promise<void>((resolve, reject) => {
    const z = createInflateRaw({ chunkSize: CHUNK });
    let failed = false;
    z.on('data', (chunk: Buffer) => {
      if (failed) return;
      try {
        onChunk(chunk);
      } catch (e) {
        failed = true;
        z.destroy();
        reject(e);
      }
    });
    z.on('error', (e) => {
      if (!failed) reject(e);
      failed = true;
    });
    z.on('end', () => {
      if (!failed) resolve();
    });
    z.end(data);
  });
};
