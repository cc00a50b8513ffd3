import { builtinProgrammeListing } from '../core/profiles/builtin-raw';
import { daysBetween, fromJsDate, parseIsoDate } from '../core/model/dates';
import { Lang } from '../core/model/findings';

export function runPrograms(opts: { lang: Lang; format: string }): number {
  const today = fromJsDate(new Date());
  const rows = builtinProgrammeListing().map((p) => {
    const d = p.deadline ? parseIsoDate(p.deadline) : undefined;
    return { id: p.id, name: p.name[opts.lang], organiser: p.organiser[opts.lang], deadline: p.deadline ?? null, daysLeft: d ? daysBetween(today, d) : null };
  });
  if (opts.format === 'json') {
    process.stdout.write(JSON.stringify({ programs: rows }, null, 2) + '\n');
    return 0;
  }
  const zh = opts.lang === 'zh';
  for (const r of rows) {
    const when = !r.deadline
      ? zh ? '无统一截止日期' : 'no deadline'
      : r.daysLeft! < 0
        ? zh ? `截止 ${r.deadline}（已过）` : `deadline ${r.deadline} (passed)`
        : zh ? `截止 ${r.deadline}（还剩 ${r.daysLeft} 天）` : `deadline ${r.deadline} (${r.daysLeft} days left)`;
    process.stdout.write(`${r.id.padEnd(22)} ${r.name}\n${' '.repeat(23)}${r.organiser} · ${when}\n`);
  }
  return 0;
}
