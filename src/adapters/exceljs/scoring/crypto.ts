/**
 * Keyed MACs, hashes and random ids through Web Crypto (globalThis.crypto: Node 20 and every browser), so the
 * scoring adapters stay free of Node's crypto module and the page generates and consolidates with the same code as
 * the CLI. What each MAC covers is defined in the core (core/scoring/metadata.ts); this file only computes.
 */
import { base64ToBytes, bytesToBase64, utf16le } from '../ooxml/encoding';

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

/** Bytes of an even-length hex text (the batch secret as the key file stores it). */
export function fromHex(hex: string): Uint8Array {
  const out = new Uint8Array(hex.length >> 1);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}

const utf8 = (text: string) => new TextEncoder().encode(text);

/** SHA-256 of the UTF-8 text, as 64 hex digits. */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await subtle().digest('SHA-256', utf8(text));
  return toHex(new Uint8Array(digest));
}

/** HMAC-SHA-256 of the UTF-8 text under the key. */
export async function hmac(key: Uint8Array, text: string): Promise<Uint8Array> {
  const k = await subtle().importKey('raw', key as Uint8Array<ArrayBuffer>, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return new Uint8Array(await subtle().sign('HMAC', k, utf8(text)));
}

/** A key of its own for one use of the batch secret: HMAC(secret, label) (the expand step of HKDF, one block). */
export function deriveKey(secret: Uint8Array, label: string): Promise<Uint8Array> {
  return hmac(secret, label);
}

/** Compares two hex MACs without stopping at the first difference. */
export function sameHex(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let d = 0;
  for (let i = 0; i < a.length; i++) d |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return d === 0;
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

/** Excel's default spin count is 100,000; ours is low (see sheetProtectionHash). */
const SPIN_COUNT = 100;
/**
 * A returned sheet's protection is checked only up to this spin count. Ours use SPIN_COUNT and no program can
 * re-hash a password it does not know, so a higher count means the protection was set again (Excel's own default
 * is 100,000): a mismatch, told without hashing for seconds on a hostile file's say-so.
 */
const MAX_SPIN_COUNT = 1000;

async function spin(salt: Uint8Array, password: string, spinCount: number): Promise<Uint8Array> {
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
  return h;
}

/**
 * Excel's sheet-protection password hash (ECMA-376 Part 1, 18.2.28 / MS-OFFCRYPTO 2.3.7.1):
 * H0 = SHA-512(salt ‖ password as UTF-16LE), Hi = SHA-512(Hi−1 ‖ i as 32-bit little-endian), i < spinCount.
 * The spin count is low on purpose (each round is an async Web Crypto call, and fifty files must be quick to write
 * in a browser too): the password keeps experts from editing locked cells and, being different for every expert
 * and recorded only in the key, ties the visible sheet to its expert — it is checked on return. It is not a secret
 * against guessing: the MAC, not the password, is what an expert cannot forge.
 */
export async function sheetProtectionHash(password: string, spinCount = SPIN_COUNT): Promise<SheetProtectionHash> {
  const salt = randomBytes(16);
  const h = await spin(salt, password, spinCount);
  return { algorithmName: 'SHA-512', hashValue: bytesToBase64(h), saltValue: bytesToBase64(salt), spinCount };
}

/**
 * Excel's legacy 16-bit sheet password hash (ECMA-376 Part 4, 14.7.1; what older programs write as password="…"),
 * as 4 upper-case hex digits.
 */
export function legacyPasswordHash(password: string): string {
  let hash = 0;
  const chars = [...password].map((c) => c.charCodeAt(0) & 0xff);
  for (let i = chars.length - 1; i >= 0; i--) {
    hash = ((hash >> 14) & 0x01) | ((hash << 1) & 0x7fff);
    hash ^= chars[i];
  }
  hash = ((hash >> 14) & 0x01) | ((hash << 1) & 0x7fff);
  hash ^= chars.length;
  hash ^= 0xce4b;
  return hash.toString(16).toUpperCase().padStart(4, '0');
}

/** A protection found in a returned file: the modern hash attributes or the legacy one. */
export interface FoundProtection {
  algorithmName?: string;
  hashValue?: string;
  saltValue?: string;
  spinCount?: number;
  password?: string;
}

/**
 * Whether the protection was set with this password: 'match', 'mismatch', or 'none' when it carries no password
 * hash we can check (protection removed, or set without a password).
 */
export async function protectionMatches(found: FoundProtection | null | undefined, password: string): Promise<'match' | 'mismatch' | 'none'> {
  if (!found) return 'none';
  if (found.hashValue && found.saltValue && /^sha-?512$/i.test(found.algorithmName ?? '')) {
    const salt = base64ToBytes(found.saltValue);
    const spinCount = found.spinCount ?? 0;
    if (!salt || !Number.isInteger(spinCount) || spinCount < 0 || spinCount > MAX_SPIN_COUNT) return 'mismatch';
    return bytesToBase64(await spin(salt, password, spinCount)) === found.hashValue.trim() ? 'match' : 'mismatch';
  }
  if (found.hashValue) return 'mismatch';
  if (found.password) return found.password.trim().toUpperCase().padStart(4, '0') === legacyPasswordHash(password) ? 'match' : 'mismatch';
  return 'none';
}
