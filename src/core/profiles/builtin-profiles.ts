/** The profiles shipped with Jiangxuan, one JSON file per notice (see ../../../docs/profiles.md). */
import { Profile } from './schema';
import { resolveProfile } from './load-profile';
import { BUILTIN_PROFILE_IDS, builtinProfileRaw } from './builtin-raw';

export { BUILTIN_PROFILE_IDS, builtinProfileRaw };

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
