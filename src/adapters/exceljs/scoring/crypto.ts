/**
 * Hashes and random ids through Web Crypto (globalThis.crypto: Node 20 and every browser), so the scoring
 * adapters stay free of Node's crypto module.
 */
import { bytesToBase64, utf16le } from '../ooxml/encoding';

function subtle(): typeof globalThis.crypto.subtle {
  const c = globalThis.crypto;
  if (!c?.subtle) throw new Error('Web Crypto (crypto.subtle) is not available');
  return c.subtle;
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

export function toHex(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += HEX[b];
  return s;
}

/** SHA-256 of the UTF-8 text, as 64 hex digits. */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await subtle().digest('SHA-256', new TextEncoder().encode(text));
  return toHex(new Uint8Array(digest));
}

export function randomBytes(n: number): Uint8Array {
  const out = new Uint8Array(n);
  globalThis.crypto.getRandomValues(out);
  return out;
}

/** Random identifier (hex). */
export function randomId(bytes = 8): string {
  return toHex(randomBytes(bytes));
}

/** A password people can type: 8 characters without look-alikes (0/O, 1/l/I). */
export function randomPassword(length = 8): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  const b = randomBytes(length);
  let s = '';
  for (const x of b) s += alphabet[x % alphabet.length];
  return s;
}

export interface SheetProtectionHash {
  algorithmName: 'SHA-512';
  hashValue: string;
  saltValue: string;
  spinCount: number;
}

/**
 * Excel's sheet-protection password hash (ECMA-376 Part 1, 18.2.28 / MS-OFFCRYPTO 2.3.7.1):
 * H0 = SHA-512(salt ‖ password as UTF-16LE), Hi = SHA-512(Hi−1 ‖ i as 32-bit little-endian), i < spinCount.
 * The spin count is low on purpose (Excel's default is 100,000; each round is an async Web Crypto call): the
 * password only keeps experts from editing locked cells by mistake (tampering is caught by the checks on return),
 * and fifty files must be quick to write, in a browser too.
 */
export async function sheetProtectionHash(password: string, spinCount = 100): Promise<SheetProtectionHash> {
  const salt = randomBytes(16);
  const pwd = utf16le(password);
  const first = new Uint8Array(salt.length + pwd.length);
  first.set(salt);
  first.set(pwd, salt.length);
  let h = new Uint8Array(await subtle().digest('SHA-512', first));
  const buf = new Uint8Array(64 + 4);
  const view = new DataView(buf.buffer);
  for (let i = 0; i < spinCount; i++) {
    buf.set(h);
    view.setUint32(64, i, true);
    h = new Uint8Array(await subtle().digest('SHA-512', buf));
  }
  return { algorithmName: 'SHA-512', hashValue: bytesToBase64(h), saltValue: bytesToBase64(salt), spinCount };
}
