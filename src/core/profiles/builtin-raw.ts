/**
 * The shipped profiles as their JSON files hold them (one per notice, see ../../../docs/profiles.md), before
 * schema parsing. `jiangxuan programs` lists them from here without loading zod or resolving a profile: listing
 * five names and deadlines must not cost a second of start-up (bench/cli-bench.js).
 */
import type { Localized } from '../model/findings';
import sqc2024 from './builtin/sqc-2024.json';
import sqc2025 from './builtin/sqc-2025.json';
import shCraftsman2024 from './builtin/sh-craftsman-2024.json';
import qingpu2018 from './builtin/qingpu-2018.json';
import sqcCultivation2026 from './builtin/sqc-cultivation-2026.json';

type Raw = Record<string, unknown>;
const RAW: Raw[] = [sqc2025, sqc2024, shCraftsman2024, qingpu2018, sqcCultivation2026] as Raw[];

export function builtinProfileRaw(id: string): Raw | undefined {
  return RAW.find((p) => p.id === id);
}

export const BUILTIN_PROFILE_IDS: readonly string[] = RAW.map((p) => String(p.id));

/** What the programme list shows of a built-in profile. */
export interface ProgrammeListing {
  id: string;
  name: Localized;
  organiser: Localized;
  deadline?: string;
}

/** A top-level key as the resolved profile has it: the child's own, else its parent's ("extends"). */
function topLevel(raw: Raw, key: string): unknown {
  for (let p: Raw | undefined = raw, hops = 0; p && hops < 10; p = typeof p.extends === 'string' ? builtinProfileRaw(p.extends) : undefined, hops++) {
    if (key in p) return p[key];
  }
  return undefined;
}

/** The built-in programmes in picker order (test/core/profiles checks this agrees with the parsed profiles). */
export function builtinProgrammeListing(): ProgrammeListing[] {
  return RAW.map((raw) => {
    const l: ProgrammeListing = { id: String(raw.id), name: topLevel(raw, 'name') as Localized, organiser: topLevel(raw, 'organiser') as Localized };
    const deadline = topLevel(raw, 'deadline');
    if (typeof deadline === 'string') l.deadline = deadline;
    return l;
  });
}
