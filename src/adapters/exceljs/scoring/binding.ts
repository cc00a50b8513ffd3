/**
 * Binding score sheets to their experts: the batch secret, the MACs the core defines (core/scoring/metadata.ts),
 * and the checks on return — a sheet's MAC under its expert's key, its sheet-protection password against the one
 * the key file records, and the key file's own MAC. Web Crypto only: the page does all of this too.
 */
import {
  blindOrderLabel,
  expertKeyLabel,
  KeyMeta,
  keyMacLabel,
  keyMacMessage,
  ScoreSheetMeta,
  sheetMacMessage,
} from '../../../core/scoring/metadata';
import type { Binding, SheetProtection } from '../../../core/scoring/score-file';
import { deriveKey, fromHex, hmac, protectionMatches, randomBytes, sameHex, toHex } from './crypto';

/** A new batch secret: 32 random bytes, as hex. */
export function newSecret(): string {
  return toHex(randomBytes(32));
}

/** The MAC of an expert's sheet: HMAC(HMAC(secret, expertKeyLabel), sheetMacMessage). */
export async function sheetMac(secret: string, meta: Omit<ScoreSheetMeta, 'mac' | 'generatedAt'>): Promise<string> {
  const key = await deriveKey(fromHex(secret), expertKeyLabel(meta.batch, meta.expert.code));
  return toHex(await hmac(key, sheetMacMessage(meta)));
}

/** The key file's own MAC (it shows the key file is as written; whoever holds it holds the secret). */
export async function keyMac(meta: Omit<KeyMeta, 'mac' | 'generatedAt'>): Promise<string> {
  const key = await deriveKey(fromHex(meta.secret), keyMacLabel(meta.batch));
  return toHex(await hmac(key, keyMacMessage(meta)));
}

/** Random bytes that deal a blind round's codes, the same for every run with this secret. */
export function blindSeed(secret: string, batch: string): Promise<Uint8Array> {
  return deriveKey(fromHex(secret), blindOrderLabel(batch));
}

/** True when the key file's records still match its MAC. */
export async function keyIntact(meta: KeyMeta): Promise<boolean> {
  return sameHex(await keyMac(meta), meta.mac);
}

/** A score sheet checked against the key of its batch: the MAC, and the protection password the key records. */
export async function bindSheet(meta: ScoreSheetMeta, key: { file: string; meta: KeyMeta }, protection: SheetProtection | null | undefined): Promise<Binding> {
  const mac = sameHex(await sheetMac(key.meta.secret, meta), meta.mac);
  const expert = key.meta.experts.find((e) => e.code === meta.expert.code);
  const password =
    protection === undefined ? 'unknown' : expert?.password ? await protectionMatches(protection && protection.sheet ? protection : null, expert.password) : 'mismatch';
  return { key: key.file, mac, password };
}
