/**
 * Per-file isolation, proven on seeded mutants (mutants.ts): 300 damaged copies of a returned score sheet and 142 of
 * the organiser's key, each consolidated with the round's other files. Before per-file isolation, 31 of 500 such
 * sheet mutants and 6 of 142 key mutants aborted the whole consolidation (the reader's error escaped; the good
 * sheets were lost). Now:
 * - a damaged score sheet is rejected alone, with a reason naming it, or counted when the damage is harmless;
 *   the other sheets always count;
 * - a damaged key file is an error that says so: without --no-key the round is refused with a message naming
 *   the key file; with --no-key the key is rejected with its reason and the round goes on, unverified.
 */
import { builtinProfile } from '../../src/core/profiles/builtin-profiles';
import { consolidateScoreFiles } from '../../src/adapters/exceljs/scoring/consolidate-files';
import type { ConsolidatedRound } from '../../src/core/scoring/consolidate-round';
import { isScoringInputError } from '../../src/core/scoring/problems';
import { mutants } from './mutants';
import { panel, Panel } from './panel';

const profile = builtinProfile('sqc-2025')!;
let p: Panel;

beforeAll(async () => {
  p = await panel({
    profile,
    candidates: [
      { name: '林晓', unit: '甲公司' },
      { name: '王强', unit: '乙公司' },
      { name: '陈洁', unit: '丙公司' },
    ],
    experts: [
      ['张华', '复旦大学'],
      ['李明', '同济大学'],
      ['周涛', '上海大学'],
    ],
  });
});

/** Every file is reported once, with a human reason when it is not counted. */
function expectAccounted(c: ConsolidatedRound, names: readonly string[]): void {
  expect(c.files.map((f) => f.file).sort()).toEqual([...names].sort());
  for (const f of c.files) {
    if (f.status !== 'rejected') continue;
    const mine = c.problems.filter((x) => x.file === f.file && x.severity === 'error');
    expect([f.file, mine.length > 0]).toEqual([f.file, true]);
    for (const x of mine) expect(x.message.zh).toMatch(/\p{Script=Han}/u);
  }
}

test(
  '300 damaged score sheets: each rejected alone (or counted if harmless), the other sheets always count',
  async () => {
    const list = await mutants(p.returned[0].bytes, 300, 1);
    let rejected = 0;
    for (const m of list) {
      const name = `变异-${p.returned[0].name}`;
      let c: ConsolidatedRound;
      try {
        c = await consolidateScoreFiles({ profile, files: [{ name, bytes: m.bytes }, ...p.returned.slice(1), p.key] });
      } catch (e) {
        throw new Error(`the mutant "${m.what}" aborted the consolidation: ${(e as Error).stack}`);
      }
      expectAccounted(c, [name, ...p.returned.slice(1).map((f) => f.name), p.key.name]);
      for (const good of p.returned.slice(1)) expect([m.what, c.files.find((f) => f.file === good.name)!.status]).toEqual([m.what, 'accepted']);
      const status = c.files.find((f) => f.file === name)!.status;
      expect([m.what, ['accepted', 'rejected'].includes(status)]).toEqual([m.what, true]);
      if (status === 'rejected') rejected++;
    }
    // Much of the damage makes the file unusable, and is said so (the rest hits styles, themes, properties).
    expect(rejected).toBeGreaterThan(60);
  },
  300000,
);

test(
  '142 damaged key files: refused with a message naming the key, or rejected alone with --no-key; never an abort',
  async () => {
    const list = await mutants(p.key.bytes, 142, 2);
    let refused = 0;
    for (const m of list) {
      const key = { name: p.key.name, bytes: m.bytes };
      try {
        const c = await consolidateScoreFiles({ profile, files: [...p.returned, key] });
        // Harmless damage (the key still reads and its MAC matches): a verified round.
        expect([m.what, c.verified, c.accepted]).toEqual([m.what, true, 3]);
      } catch (e) {
        if (!isScoringInputError(e)) throw new Error(`the key mutant "${m.what}" aborted the consolidation: ${(e as Error).stack}`);
        expect([m.what, e.localized.zh]).toEqual([m.what, expect.stringContaining(`评分安排文件 ${p.key.name} 已损坏`)]);
        refused++;
        const c = await consolidateScoreFiles({ profile, files: [...p.returned, key], allowUnverified: true });
        expectAccounted(c, [...p.returned.map((f) => f.name), p.key.name]);
        expect([m.what, c.verified, c.accepted, c.files.find((f) => f.file === p.key.name)!.status]).toEqual([m.what, false, 3, 'rejected']);
      }
    }
    expect(refused).toBeGreaterThan(20);
  },
  300000,
);
