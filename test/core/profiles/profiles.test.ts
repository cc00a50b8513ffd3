import { allBuiltinProfiles, BUILTIN_PROFILE_IDS, builtinProfile, userProfile } from '../../../src/core/profiles/builtin-profiles';
import { ProfileError } from '../../../src/core/profiles/load-profile';
import { builtinProgrammeListing } from '../../../src/core/profiles/builtin-raw';

function problemsOf(raw: unknown): string[] {
  try {
    userProfile(raw, 'my.json');
  } catch (e) {
    if (e instanceof ProfileError) return e.problems;
    throw e;
  }
  throw new Error('expected a ProfileError');
}

describe('built-in profiles', () => {
  test('all five notices are present and resolve', () => {
    expect(BUILTIN_PROFILE_IDS).toEqual(['sqc-2025', 'sqc-2024', 'sh-craftsman-2024', 'qingpu-2018', 'sqc-cultivation-2026']);
    for (const p of allBuiltinProfiles()) expect(p.tables.summary ?? p.tables.details).toBeDefined();
  });

  test('the programme list (read without parsing, for a fast start-up) agrees with the parsed profiles', () => {
    const parsed = allBuiltinProfiles().map((p) => ({ id: p.id, name: p.name, organiser: p.organiser, deadline: p.deadline ?? undefined }));
    expect(builtinProgrammeListing().map((l) => ({ ...l, deadline: l.deadline }))).toEqual(parsed);
    // sqc-2024 names no organiser of its own: it is inherited from sqc-2025.
    expect(builtinProgrammeListing().find((l) => l.id === 'sqc-2024')!.organiser.zh).toBe('上海市质量协会');
  });

  test('deadlines, copies and look-back windows follow the notices', () => {
    expect(builtinProfile('sqc-2025')!.deadline).toBe('2025-03-28');
    expect(builtinProfile('sqc-2024')!.deadline).toBe('2024-03-25');
    expect(builtinProfile('sh-craftsman-2024')!.deadline).toBe('2024-07-15');
    expect(builtinProfile('qingpu-2018')!.deadline).toBe('2018-09-10');
    expect(builtinProfile('qingpu-2018')!.banYears).toBe(5);
    expect(builtinProfile('qingpu-2018')!.rankedSummary).toBe(true);
    const window = (id: string) => builtinProfile(id)!.eligibility.find((r) => r.kind === 'recentHonours');
    expect(window('sqc-2025')).toMatchObject({ windowYears: 3 });
    expect(window('sqc-2024')).toMatchObject({ windowYears: 5 });
    expect(window('sh-craftsman-2024')).toBeUndefined();
  });

  test('sqc-2024 extends sqc-2025: same forms, own deadline and e-mail', () => {
    const p = builtinProfile('sqc-2024')!;
    expect(p.tables.details!.fields.map((f) => f.key)).toEqual(builtinProfile('sqc-2025')!.tables.details!.fields.map((f) => f.key));
    expect(p.submission.email).toBe('yulin@saq.org.cn');
  });

  test('上海工匠 has the 11 groups, 业绩突出 instead of 巧解疑难, and no summary sheet', () => {
    const p = builtinProfile('sh-craftsman-2024')!;
    const fields = p.tables.details!.fields;
    expect(fields.find((f) => f.key === 'groupName')!.options).toHaveLength(11);
    expect(fields.map((f) => f.label)).toContain('业绩突出');
    expect(fields.map((f) => f.label)).not.toContain('巧解疑难');
    expect(p.tables.summary).toBeUndefined();
  });

  test('text limits come from the forms', () => {
    const f = (key: string) => builtinProfile('sqc-2025')!.tables.details!.fields.find((x) => x.key === key)!;
    expect(f('spirit').maxChars).toBe(100);
    expect(f('achievements').maxChars).toBe(5000);
    expect(f('selfStatement').aboutChars).toBe(500);
    expect(builtinProfile('qingpu-2018')!.tables.details!.fields.find((x) => x.key === 'deeds')!.aboutChars).toBe(1000);
  });
});

describe('user profiles', () => {
  test('next year in a few lines: extends a built-in profile', () => {
    const p = userProfile(
      { id: 'sqc-2026', extends: 'sqc-2025', year: 2026, deadline: '2026-03-27', name: { zh: '第四届（2026年度）“上海质量工匠”', en: 'SQC 2026' }, detect: [{ all: ['第四届', '质量工匠'] }] },
      'sqc-2026.json',
    );
    expect(p.id).toBe('sqc-2026');
    expect(p.deadline).toBe('2026-03-27');
    expect(p.tables.summary!.fields.map((f) => f.key)).toEqual(['serial', 'unit', 'name', 'postName', 'titleSummary']);
    expect(p.source).toBe('sqc-2026.json');
  });

  test('header synonyms add to the parent’s instead of replacing them', () => {
    const p = userProfile({ id: 'sqc-2026', extends: 'sqc-2025', headerSynonyms: [['工作单位', '就业单位']] }, 'sqc-2026.json');
    expect(p.headerSynonyms).toEqual([['手机号码', '联系电话', '联系方式'], ['工作单位', '就业单位']]);
    expect(problemsOf({ id: 'x', extends: 'sqc-2025', headerSynonyms: [['只有一个词']] }).join('\n')).toMatch(/headerSynonyms/);
  });

  test('a typo in a key is named with its place', () => {
    const problems = problemsOf({ id: 'x', extends: 'sqc-2025', deadlin: '2026-01-01' });
    expect(problems.join('\n')).toMatch(/deadlin/);
  });

  test('a wrong type is named with its path, in Chinese', () => {
    const problems = problemsOf({ id: 'x', extends: 'sqc-2025', year: '2026' });
    expect(problems).toEqual([expect.stringMatching(/^year: .*(期望|数字)/)]);
  });

  test('an unknown field key in a table is reported at its index', () => {
    const problems = problemsOf({ id: 'x', extends: 'sqc-2025', tables: { details: { name: { zh: '明细', en: 'd' }, fields: ['name', 'nam'] } } });
    expect(problems).toEqual([expect.stringContaining('tables.details.fields[1]')]);
    expect(problems[0]).toContain('nam');
  });

  test('an enum field without options, a bad regex and an unknown parent are errors', () => {
    expect(problemsOf({ id: 'x', extends: 'sqc-2025', tables: { details: { name: { zh: 'd', en: 'd' }, fields: ['name', { key: 'level', label: '等级', type: 'enum' }] } } }).join()).toMatch(/options/);
    expect(
      problemsOf({
        id: 'x',
        extends: 'sqc-2025',
        eligibility: [{ id: 'r', kind: 'leaderPost', severity: 'warning', fields: ['post'], patterns: ['(局长'], reason: { zh: '理由', en: 'why' } }],
      }).join(),
    ).toMatch(/正则表达式无效/);
    expect(problemsOf({ id: 'x', extends: 'no-such' }).join()).toMatch(/找不到项目配置 “no-such”/);
  });

  test('a workbook rule naming a table or field the profile lacks is an error, not a rule that checks nothing', () => {
    const problems = problemsOf({
      id: 'x',
      extends: 'sqc-cultivation-2026',
      workbookRules: [{ kind: 'reference', id: 'r', severity: 'error', from: { table: 'activitys', field: 'trainee' }, to: { table: 'details', field: 'name' }, reason: { zh: '理由', en: 'why' } }],
    });
    expect(problems.join('\n')).toContain('activitys');
  });

  test('not an object at all', () => {
    expect(problemsOf([1, 2])).toEqual([expect.stringContaining('JSON 对象')]);
  });
});
