/** Chooses the profile for a command: --profile file, --program id, or (caller's job) detection. */
import { readFileSync } from 'node:fs';
import { allBuiltinProfiles, userProfile } from '../core/profiles/builtin-profiles';
import { chosenProgramme } from '../core/check/check-workbook';
import { isCheckError } from '../core/check/failures';
import { ProfileError } from '../core/profiles/load-profile';
import { Profile } from '../core/profiles/schema';
import { CliFailure } from './cli-failure';
import { readFailure } from './cli-files';

export function profileFromOptions(opts: { program?: string; profile?: string }): Profile | undefined {
  if (opts.program && opts.profile) throw new CliFailure('--program 和 --profile 只能选一个');
  try {
    if (opts.profile) {
      let text: string;
      try {
        text = readFileSync(opts.profile, 'utf8');
      } catch (e) {
        const code = (e as { code?: string }).code;
        throw new CliFailure(code === 'ENOENT' || code === 'ENOTDIR' ? `读不到配置文件 ${opts.profile}：请检查路径` : `无法读取配置文件 ${opts.profile}：${readFailure(e).zh}`);
      }
      let raw: unknown;
      try {
        raw = JSON.parse(text.replace(/^\uFEFF/, ''));
      } catch (e) {
        throw new CliFailure(`配置文件 ${opts.profile} 不是有效的 JSON：${e instanceof Error ? e.message : e}`);
      }
      return userProfile(raw, opts.profile);
    }
    if (opts.program) return chosenProgramme({ programId: opts.program });
  } catch (e) {
    if (isCheckError(e)) throw new CliFailure(`${e.localized.zh}（或用 --profile 指定文件）`);
    if (e instanceof ProfileError) throw new CliFailure(e.message.replace(/\n\s*/g, '；'));
    throw e;
  }
  return undefined;
}

export { allBuiltinProfiles };
