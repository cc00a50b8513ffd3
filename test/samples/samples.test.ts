/**
 * The sample workbooks (samples/, written by `npm run samples`): generated here in memory, read back through the
 * exceljs adapter and validated. Clean files must be spotless; each planted mistake must be reported with its rule
 * id at its cell; tolerated oddities (full-width digits, x, line breaks in headers…) must not be reported at all.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { readWorkbookBuffer } from '../../src/adapters/exceljs/read-workbook';
import { diagnoseResidentId } from '../../src/core/checks/resident-id';
import { ageAt } from '../../src/core/model/dates';
import { Finding } from '../../src/core/model/findings';
import { WorkbookGrid } from '../../src/core/model/grid';
import { allBuiltinProfiles, builtinProfile } from '../../src/core/profiles/builtin-profiles';
import { detectProgram } from '../../src/core/recognition/detect-program';
import { validateWorkbook, ValidationResult } from '../../src/core/rules/validate-workbook';
import { buildNominees, makeResidentId, Rng, writeNominationWorkbook } from '../../src/samples/fake-nominees';
import {
  buildCleanSample,
  buildProblemSample,
  BuiltSample,
  SAMPLE_PROGRAMMES,
  SampleProgramme,
  samplesReadme,
  ToleratedKind,
} from '../../src/samples/sample-set';

const SAMPLES_DIR = join(__dirname, '..', '..', 'samples');

interface Checked {
  sample: BuiltSample;
  grid: WorkbookGrid;
  result: ValidationResult;
}

async function check(sample: BuiltSample): Promise<Checked> {
  const grid = await readWorkbookBuffer(sample.bytes);
  return { sample, grid, result: validateWorkbook(grid, sample.profile, { asOf: sample.programme.asOf }) };
}

const brief = (f: Finding) => `${f.severity} ${f.rule} @ ${f.sheet}!${f.cell}${f.nominee ? ` (${f.nominee})` : ''}: ${f.message.zh}`;

/** The rule ids each 有问题 file must produce: the common mistakes plus the programme's own eligibility rules. */
function expectedRules(p: SampleProgramme): string[] {
  const profile = builtinProfile(p.id)!;
  const details = profile.tables.details!.fields.map((f) => f.key);
  const rules = ['id.checksum', 'id.stored-as-number', 'id.sex-mismatch', 'phone.mobile'];
  if (details.includes('homePostcode')) rules.push('postcode.format');
  rules.push(details.includes('spirit') ? 'text.too-long' : 'text.length-off');
  rules.push('field.required', 'patent.contradiction', 'years.exceeds-age', 'age.retired', 'duplicate.id');
  // Programme rules, by id as the profile JSON names them.
  const byKind = (k: string) => profile.eligibility.filter((r) => r.kind === k).map((r) => r.id);
  if (p.id.startsWith('sqc-')) rules.push(...byKind('honourExcluded'));
  if (p.id.startsWith('sh-craftsman')) rules.push(...byKind('honourRequired'));
  if (p.id.startsWith('qingpu')) rules.push(...byKind('honourExcluded'), ...byKind('patentOrAward'));
  if (profile.tables.summary) rules.push('cross.missing-details', 'serial.sequence', 'email.format');
  return rules;
}

function expectedTolerated(p: SampleProgramme): ToleratedKind[] {
  const profile = builtinProfile(p.id)!;
  const kinds: ToleratedKind[] = ['mobile-full-width', 'id-lower-x', 'mobile-spaces-dashes', 'header-line-break-note'];
  if (profile.tables.summary) kinds.push('footer-phone-spaces-dashes');
  if (p.traditional) kinds.push('traditional-header-unit', 'traditional-header-id');
  return kinds;
}

describe('committed samples', () => {
  test.each(SAMPLE_PROGRAMMES.flatMap((p) => [`${p.id}-正确.xlsx`, `${p.id}-有问题.xlsx`]).concat('README.md'))('samples/%s exists', (name) => {
    expect(existsSync(join(SAMPLES_DIR, name))).toBe(true);
  });
});

describe.each(SAMPLE_PROGRAMMES.map((p) => [p.id, p] as const))('%s', (_id, programme) => {
  let clean: Checked;
  let problems: Checked;
  beforeAll(async () => {
    clean = await check(await buildCleanSample(programme));
    problems = await check(await buildProblemSample(programme));
  });

  test('正确: no errors, no warnings, no notes', () => {
    expect(clean.result.findings.map(brief)).toEqual([]);
    expect(clean.result.counts).toEqual({ error: 0, warning: 0, info: 0 });
    expect(clean.result.nominees).toBe(clean.sample.nominees.length);
    expect(clean.result.tables.every((t) => t.missingColumns.length === 0)).toBe(true);
  });

  test('正确 and 有问题: the programme is recognised from the title lines', () => {
    for (const c of [clean, problems]) {
      const det = detectProgram(c.grid, allBuiltinProfiles());
      expect(det?.profile.id).toBe(programme.id);
      expect(det?.how).toBe('title');
    }
  });

  test('有问题: the sample plants each expected mistake once, on different nominees', () => {
    const rules = expectedRules(programme);
    expect(problems.sample.planted.map((p) => p.rule).sort()).toEqual([...rules].sort());
    const onNominees = problems.sample.planted.filter((p) => p.sheet === '申报信息').map((p) => p.nominee);
    expect(new Set(onNominees).size).toBe(onNominees.length);
    expect(problems.sample.nominees.length).toBeGreaterThanOrEqual(8);
    expect(problems.sample.nominees.length).toBeLessThanOrEqual(12);
  });

  describe('有问题: each planted mistake is reported at its cell', () => {
    test.each(expectedRules(programme))('%s', (rule) => {
      const planted = problems.sample.planted.find((p) => p.rule === rule)!;
      const hits = problems.result.findings.filter((f) => f.rule === rule);
      expect(hits.map((f) => `${f.sheet}!${f.cell}`)).toContain(`${planted.sheet}!${planted.cell}`);
      const hit = hits.find((f) => f.sheet === planted.sheet && f.cell === planted.cell)!;
      expect(hit.severity).toBe(planted.severity);
    });
  });

  describe('有问题: tolerated inputs are not reported', () => {
    test.each(expectedTolerated(programme))('%s', (kind) => {
      const t = problems.sample.tolerated.find((x) => x.kind === kind);
      expect(t).toBeDefined();
      const at = problems.result.findings.filter((f) => f.sheet === t!.sheet && f.cell === t!.cell);
      expect(at.map(brief)).toEqual([]);
    });
  });

  test('有问题: nothing is reported beyond the planted mistakes', () => {
    const planted = new Set(problems.sample.planted.map((p) => `${p.rule} @ ${p.sheet}!${p.cell}`));
    const extra = problems.result.findings.filter((f) => !planted.has(`${f.rule} @ ${f.sheet}!${f.cell}`));
    expect(extra.map(brief)).toEqual([]);
    expect(problems.result.tables.every((t) => t.missingColumns.length === 0)).toBe(true);
  });

  test('README lists every planted mistake with its cell', () => {
    const readme = samplesReadme([problems.sample]);
    for (const p of problems.sample.planted) expect(readme).toContain(`${p.sheet}!${p.cell}`);
  });
});

describe('fake nominees', () => {
  const asOf = { y: 2025, m: 3, d: 1 };

  test('deterministic: the same seed gives the same nominees', () => {
    const a = buildNominees({ count: 20, seed: 's', programme: 'sqc-2025' });
    const b = buildNominees({ count: 20, seed: 's', programme: 'sqc-2025' });
    const c = buildNominees({ count: 20, seed: 't', programme: 'sqc-2025' });
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
  });

  test('IDs, ages, mobiles, postcodes and text lengths are plausible', () => {
    const list = buildNominees({ count: 300, seed: 'plausible', programme: 'sqc-2025', asOf });
    expect(new Set(list.map((n) => n.residentId)).size).toBe(list.length);
    expect(new Set(list.map((n) => n.name)).size).toBe(list.length);
    for (const n of list) {
      const d = diagnoseResidentId(n.residentId, asOf);
      expect(d.issues).toEqual([]);
      expect(d.sex).toBe(n.sex);
      expect(d.age).toBe(ageAt(n.birth, asOf));
      expect(d.age).toBeGreaterThanOrEqual(28);
      expect(d.age).toBeLessThanOrEqual(55);
      const v = n.values;
      expect(v.mobile).toMatch(/^1[3-9]\d{9}$/);
      expect(String(v.unitPostcode)).toMatch(/^20[01]\d{3}$/);
      expect(Number(v.workYears)).toBeLessThanOrEqual(d.age! - 16);
      expect([...String(v.spirit)].length).toBeLessThanOrEqual(100);
    }
  });

  test('makeResidentId can produce a check character X', () => {
    const id = makeResidentId('310104', { y: 1983, m: 9, d: 23 }, '女', new Rng(1), true);
    expect(id).toMatch(/^31010419830923\d{3}X$/);
    expect(diagnoseResidentId(id, asOf)).toMatchObject({ issues: [], sex: '女' });
  });

  test('IDs are written as text, never as numbers', async () => {
    const list = buildNominees({ count: 3, seed: 'text', programme: 'sqc-2025' });
    const grid = await readWorkbookBuffer(await writeNominationWorkbook('sqc-2025', list, { sheetNames: { details: '明细' } }));
    const details = grid.sheets.find((s) => s.name === '明细')!;
    const col = details.rows[1].indexOf('身份证');
    expect(details.rows.slice(2).map((r) => r[col])).toEqual(list.map((n) => n.residentId));
  });
});
