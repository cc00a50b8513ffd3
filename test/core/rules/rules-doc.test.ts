/** Every rule id the engine or a built-in profile can report is explained to users in docs/rules.md. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { allBuiltinProfiles } from '../../../src/core/profiles/builtin-profiles';

const ROOT = join(__dirname, '..', '..', '..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}

test('docs/rules.md lists every rule id', () => {
  const doc = readFileSync(join(ROOT, 'docs', 'rules.md'), 'utf8');
  const ids = new Set<string>();
  for (const file of sources(join(ROOT, 'src', 'core'))) {
    for (const m of readFileSync(file, 'utf8').matchAll(/issue\(\s*'(?:error|warning|info)',\s*'([a-z]+\.[a-z-]+)'/g)) ids.add(m[1]);
  }
  for (const p of allBuiltinProfiles()) for (const r of [...p.eligibility, ...p.workbookRules]) ids.add(r.id);
  expect(ids.size).toBeGreaterThan(40);
  const missing = [...ids].filter((id) => !doc.includes('`' + id + '`'));
  expect(missing).toEqual([]);
});
