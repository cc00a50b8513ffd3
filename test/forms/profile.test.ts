/** The `forms` section of a profile: the notice's layout as data, checked on loading, inherited by next year's profile. */
import { builtinProfile, userProfile } from '../../src/core/profiles/builtin-profiles';
import { ProfileError } from '../../src/core/profiles/load-profile';
import { applicationForm, formsSettings, statisticsForm } from '../../src/core/forms/form-layout';
import { readForm } from '../../src/core/forms/read-form';
import { formDocument } from '../../src/core/forms/form-document';
import { readDocxGrid } from '../../src/adapters/docx/read-docx';
import { writeDocx } from '../../src/adapters/docx/write-docx';

function problems(raw: object): string[] {
  try {
    userProfile(raw, 'my.json');
  } catch (e) {
    if (e instanceof ProfileError) return e.problems;
    throw e;
  }
  throw new Error('expected a ProfileError');
}

test('the built-in forms follow the notices: labels, order and options from the field catalogue', () => {
  const sqc = applicationForm(builtinProfile('sqc-2025')!);
  expect(sqc.title).toBe('第三届（2025年度）“上海质量工匠”申报推荐表');
  expect(sqc.items.slice(0, 8).map((i) => i.label)).toEqual(['推荐单位', '姓名', '性别', '手机号码', '政治面貌', '学历', '职务', '身份证']);
  expect(sqc.items.find((i) => i.field.key === 'spirit')!.label).toBe('对“工匠精神”的理解（100字以内）');
  expect(sqc.rows.filter((r) => r.kind === 'forces').flatMap((r) => (r.kind === 'forces' ? r.blocks.map((b) => `${b.force}:${b.lines.map((l) => l.label).join('/')}`) : []))).toEqual([
    '引领力:勇挑重担/追求卓越/示范带动',
    '实践力:技能精湛/巧解疑难/持续学习',
    '创新力:业务洞察/是否获得专利/发明专利数/实用新型专利数/外观设计专利数/价值创造',
    '攻关力:担当重任/协同配合/直面难题',
    '传承力:总结继承/培养人才/应用智能',
  ]);
  const sh = applicationForm(builtinProfile('sh-craftsman-2024')!);
  expect(sh.title).toBe('2024年度“上海工匠”申报审批表');
  expect(sh.header.map((i) => i.label)).toEqual(['所属区局（产业）工会/社团', '组别（见注1）']);
  expect(sh.items.find((i) => i.field.key === 'pracResults')).toBeDefined();
  expect(sh.structural).toContain('市总工会审批意见');
  expect(statisticsForm(builtinProfile('sh-craftsman-2024')!)!.counted).toEqual({ statApplicants: 'nominees' });
  expect(applicationForm(builtinProfile('sqc-2024')!).title).toBe('第二届（2024年度）“上海质量工匠”申报审批表');
  expect(formsSettings(builtinProfile('qingpu-2018')!).summary!.title).toBe('“青浦工匠”推荐汇总表');
});

test('next year’s profile inherits the layout with its own titles', () => {
  const p = userProfile(
    {
      id: 'sqc-2026',
      extends: 'sqc-2025',
      year: 2026,
      deadline: '2026-03-27',
      name: { zh: '第四届（2026年度）“上海质量工匠”培养选树', en: '4th (2026)' },
      shortName: { zh: '上海质量工匠 2026', en: 'SQC 2026' },
    },
    'sqc-2026.json',
  );
  expect(applicationForm(p).title).toBe('第四届（2026年度）“上海质量工匠”申报推荐表');
  expect(formsSettings(p).summary!.title).toBe('第四届（2026年度）“上海质量工匠”培养选树推荐汇总表');
});

test('a misspelt field or force in the layout is named where it is', () => {
  const base = { id: 'x', extends: 'sqc-2025' };
  expect(problems({ ...base, forms: { application: { title: 't', rows: [{ pairs: ['name', 'sexx'] }, { forces: ['领导力'] }] } } })).toEqual([
    'forms.application.rows[0]: 未知字段 “sexx”',
    'forms.application.rows[1].forces: “领导力” 不是工匠五力之一（引领力、实践力、创新力、攻关力、传承力）',
  ]);
  expect(problems({ ...base, forms: { application: { title: 't', rows: [{ pairs: ['name', 'sex', 'mobile', 'post'] }] } } })).toEqual([
    'forms.application.rows[0]: 每一行应是以下之一：{ "pairs": [至多三个字段] }、{ "forces": [一至两个五力] }、{ "questions": [...] }、{ "opinion": "…", "field": "…" }、{ "heading": "…" }',
  ]);
});

test('a profile that does not lay its form out gets one from its details table, and it reads back', async () => {
  const p = userProfile(
    {
      id: 'plain',
      name: { zh: '某区工匠培养选树', en: 'Plain' },
      shortName: { zh: '某区工匠', en: 'Plain' },
      organiser: { zh: '某区总工会', en: 'Union' },
      year: 2025,
      deadline: null,
      channels: ['unit'],
      materials: [{ id: 'form', label: { zh: '申报表', en: 'form' }, perNominee: true, trackedBy: 'matForm' }],
      tables: { details: { name: { zh: '明细', en: 'details' }, fields: ['name', 'sex', 'residentId', 'skillLevel', 'lead1', 'prac1', 'honours', 'unitOpinion', 'matForm'] } },
    },
    'plain.json',
  );
  const layout = applicationForm(p);
  expect(layout.title).toBe('某区工匠申报表');
  expect(layout.items.map((i) => i.field.key)).toEqual(['name', 'sex', 'residentId', 'skillLevel', 'lead1', 'prac1', 'honours', 'unitOpinion']);
  const values = new Map<string, string>([
    ['name', '林晓'],
    ['sex', '男'],
    ['skillLevel', '技师'],
    ['lead1', '牵头攻关'],
    ['honours', '2024年 区五一劳动奖章'],
    ['unitOpinion', '同意推荐。'],
  ]);
  const { grid } = await readDocxGrid(await writeDocx(formDocument(layout, values, { attachAbove: 600 }).document), 'p.docx');
  const got = readForm(grid, layout).values;
  for (const [k, v] of values) expect([k, got.get(k)]).toEqual([k, v]);
});
