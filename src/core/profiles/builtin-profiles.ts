/** The profiles shipped with Jiangxuan, one JSON file per notice (see ../../../docs/profiles.md). */
import sqc2024 from './builtin/sqc-2024.json';
import sqc2025 from './builtin/sqc-2025.json';
import shCraftsman2024 from './builtin/sh-craftsman-2024.json';
import qingpu2018 from './builtin/qingpu-2018.json';
import sqcCultivation2026 from './builtin/sqc-cultivation-2026.json';
import { Profile } from './schema';
import { resolveProfile } from './load-profile';

type Raw = Record<string, unknown>;
const RAW: Raw[] = [sqc2025, sqc2024, shCraftsman2024, qingpu2018, sqcCultivation2026] as Raw[];

export function builtinProfileRaw(id: string): Raw | undefined {
  return RAW.find((p) => p.id === id);
}

export const BUILTIN_PROFILE_IDS: readonly string[] = RAW.map((p) => String(p.id));

const cache = new Map<string, Profile>();
export function builtinProfile(id: string): Profile | undefined {
  let p = cache.get(id);
  if (!p) {
    const raw = builtinProfileRaw(id);
    if (!raw) return undefined;
    p = resolveProfile(raw, id, builtinProfileRaw);
    cache.set(id, p);
  }
  return p;
}

export function allBuiltinProfiles(): Profile[] {
  return BUILTIN_PROFILE_IDS.map((id) => builtinProfile(id)!);
}

/** Loads a user's profile (already parsed JSON); it may extend a built-in one. */
export function userProfile(raw: unknown, source: string): Profile {
  return resolveProfile(raw, source, builtinProfileRaw);
}
