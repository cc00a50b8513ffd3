/**
 * The built-in programmes the pane offers. A profile that fails to load (a broken JSON during development)
 * is left out and logged instead of taking the whole pane down.
 */
import type { Profile } from '../core/profiles/schema';
import { BUILTIN_PROFILE_IDS, builtinProfile } from '../core/profiles/builtin-profiles';

let cached: Profile[] | undefined;

export function availableProfiles(): Profile[] {
  if (cached) return cached;
  const out: Profile[] = [];
  for (const id of BUILTIN_PROFILE_IDS) {
    try {
      const p = builtinProfile(id);
      if (p) out.push(p);
    } catch (e) {
      console.error(`匠选：项目配置 ${id} 无法加载，已跳过`, e);
    }
  }
  cached = out;
  return out;
}
