/** The cultivation profile: its tables describe the tracking sheets and its workbook rules name real fields. */
import { builtinProfile } from '../../src/core/profiles/builtin-profiles';
import { workbookRuleProblems } from '../../src/core/rules/workbook-rules';

test('sqc-cultivation-2026 resolves with the tracking tables and consistent workbook rules', () => {
  const p = builtinProfile('sqc-cultivation-2026')!;
  expect(Object.keys(p.tables)).toEqual(['details', 'plans', 'activities', 'stageAssessments', 'finalAssessments', 'exits']);
  expect(p.tables.details!.name.zh).toBe('培育对象清单');
  expect(p.tables.exits!.fields.find((f) => f.key === 'exitReason')!.options).toEqual(['长期工作离岗', '弄虚作假', '违纪违法', '其他不适宜情况']);
  expect(workbookRuleProblems(p)).toEqual([]);
  expect(new Set(p.workbookRules.map((r) => r.kind))).toEqual(new Set(['reference', 'valueFormat', 'dateInPeriod', 'requiredWhenFinished', 'requiredInRow', 'overdue']));
});

test('a typo in a workbook rule is named', () => {
  const p = builtinProfile('sqc-cultivation-2026')!;
  const broken = { ...p, workbookRules: [{ ...p.workbookRules[0], from: { table: 'plans', field: 'trainer' } }] };
  expect(workbookRuleProblems(broken as typeof p)).toEqual(['workbookRules[0].from: 表格 “plans” 没有字段 “trainer”']);
});
