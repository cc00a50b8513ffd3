/** The rule catalogue: one declaration per rule, issues worded by it, names for people. */
import { builtinProfile } from '../../../src/core/profiles/builtin-profiles';
import type { EligibilityRule } from '../../../src/core/profiles/schema';
import {
  ELIGIBILITY_KINDS,
  report,
  reportEligibility,
  RULE_FAMILIES,
  RULES,
  ruleName,
  SCORING_PROBLEMS,
  WORKBOOK_RULE_KINDS,
} from '../../../src/core/rules/catalogue';
import { problem, ScoringCodeOf } from '../../../src/core/scoring/problems';

describe('rule catalogue', () => {
  it('declares every rule once: the families do not share an id', () => {
    const ids = Object.values(RULE_FAMILIES).flatMap((f) => Object.keys(f));
    expect(ids.length).toBe(new Set(ids).size);
    expect(ids.length).toBe(Object.keys(RULES).length);
  });

  it('gives every rule, kind and scoring problem a short name in both languages', () => {
    const names = [...Object.values(RULES), ...Object.values(ELIGIBILITY_KINDS), ...Object.values(WORKBOOK_RULE_KINDS), ...Object.values(SCORING_PROBLEMS)].map((e) => e.name);
    for (const n of names) {
      expect(n.zh).toMatch(/\p{Script=Han}/u);
      expect(n.zh.length).toBeLessThanOrEqual(14);
      expect(n.en).toMatch(/^[A-Z0-9]/);
      expect(n.en.length).toBeLessThanOrEqual(40);
    }
    // Names tell rules apart: two rules of the engine never share one.
    const zh = Object.values(RULES).map((e) => e.name.zh);
    expect(zh.length).toBe(new Set(zh).size);
  });

  it('reports an issue with the catalogue’s severity, the params and the rendered message', () => {
    const i = report('id.checksum', { variant: 'mismatch', expected: '7', actual: '3' });
    expect(i).toEqual({
      severity: 'error',
      rule: 'id.checksum',
      params: { variant: 'mismatch', expected: '7', actual: '3' },
      message: {
        zh: '身份证号码校验不通过：按前17位计算，最后一位应为 7，现在是 3；通常是某一位数字输错或两位数字颠倒了，请对照身份证原件逐位核对',
        en: 'The ID fails its check: from the first 17 digits the last character should be 7, not 3; usually a digit was mistyped or two digits swapped: compare it digit by digit with the ID card.',
      },
    });
    // One wording of a rule may be milder than the rule.
    expect(report('phone.mobile', { variant: 'several', count: 2 }).severity).toBe('warning');
    expect(report('phone.mobile', { variant: 'wrong', text: '1381234', problem: { kind: 'length', digits: 7 } }).severity).toBe('error');
  });

  it('does not compile a misspelt rule id or wrong params', () => {
    // Never run: the assertions are the @ts-expect-error lines, checked by `npm run typecheck`.
    const typosDoNotCompile = () => [
      // @ts-expect-error — no such rule
      report('id.chekcsum', { variant: 'mismatch', expected: '7', actual: '3' }),
      // @ts-expect-error — id.checksum has no variant 'typo'
      report('id.checksum', { variant: 'typo', expected: '7' }),
      // @ts-expect-error — field.required needs the field's label
      report('field.required', {}),
      // @ts-expect-error — no such scoring problem
      problem('sheet.renamd', { name: 'x' }),
    ];
    // @ts-expect-error — recommend.missing is a warning: a reader's `err` cannot report it
    const asError: ScoringCodeOf<'error'> = 'recommend.missing';
    expect([typeof typosDoNotCompile, asError]).toEqual(['function', 'recommend.missing']);
  });

  it('words a profile’s rule by its kind, keeps the profile’s id, severity and name', () => {
    const sqc = builtinProfile('sqc-2025')!;
    const rule = sqc.eligibility.find((r) => r.id === 'sqc.already-local-craftsman') as Extract<EligibilityRule, { kind: 'honourExcluded' }>;
    const i = reportEligibility(rule, { match: '青浦区工匠', reason: rule.reason });
    expect(i).toMatchObject({ rule: 'sqc.already-local-craftsman', severity: 'warning', ruleName: { zh: '已获区工匠或产业工匠' } });
    expect(i.message.zh).toBe(`填有“青浦区工匠”：${rule.reason.zh}`);
    // Without a name of its own, a rule is named after its kind.
    const unnamed = { ...rule, name: undefined };
    expect(reportEligibility(unnamed, { match: 'x', reason: rule.reason }).ruleName).toEqual(ELIGIBILITY_KINDS.honourExcluded.name);
  });

  it('names a rule for people: catalogue rules, a finding’s own name, a profile’s rules, unknown ids as they are', () => {
    expect(ruleName('id.checksum', 'zh')).toBe('身份证校验位');
    expect(ruleName('id.checksum', 'en')).toBe('ID check character');
    expect(ruleName(report('serial.sequence', { expected: 2, found: 3 }), 'zh')).toBe('序号不连续');
    expect(ruleName({ rule: 'x.own', ruleName: { zh: '自己的名称', en: 'Own name' } }, 'en')).toBe('Own name');
    const cultivation = builtinProfile('sqc-cultivation-2026')!;
    expect(ruleName('cultivation.plan-overdue', 'zh', cultivation)).toBe('培育计划逾期');
    const unnamed = { ...cultivation, workbookRules: cultivation.workbookRules.map((r) => ({ ...r, name: undefined })) };
    expect(ruleName('cultivation.plan-overdue', 'en', unnamed)).toBe(WORKBOOK_RULE_KINDS.overdue.name.en);
    expect(ruleName('cultivation.plan-overdue', 'zh')).toBe('cultivation.plan-overdue');
  });

  it('words scoring problems too, keeping the fields reports read', () => {
    const p = problem('recommend.missing', { candidate: 'C002', cell: 'K5' }, { file: '评分表-吴刚-书面初评.xlsx', candidate: 'C002', cell: 'K5' });
    expect(p).toEqual({
      severity: 'warning',
      code: 'recommend.missing',
      params: { candidate: 'C002', cell: 'K5' },
      message: { zh: 'C002（K5）没有填写推荐意见', en: 'C002 (K5): no recommendation' },
      file: '评分表-吴刚-书面初评.xlsx',
      candidate: 'C002',
      cell: 'K5',
    });
    expect(problem('sheet.rows-changed', { differences: [1, 2, 3, 4, 5, 6].map((n) => ({ zh: `第 ${n} 行`, en: `row ${n}` })) }).message.zh).toBe(
      '候选人行被增删、改动或调换顺序（第 1 行；第 2 行；第 3 行；第 4 行；第 5 行 等 6 处），与发出的名单不符，未使用',
    );
  });
});
