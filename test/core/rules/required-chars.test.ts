/**
 * The first look before an eligibility pattern runs: a character every match must contain. It may only ever skip
 * texts the pattern cannot match, so each answer is checked against the pattern itself.
 */
import { containsAny, requiredChars, requiredSet } from '../../../src/core/rules/required-chars';
import { allBuiltinProfiles } from '../../../src/core/profiles/builtin-profiles';
import { withTraditionalForms } from '../../../src/core/text/script-variants';

describe('requiredChars', () => {
  test('the character every alternative needs, with its Traditional forms', () => {
    expect(requiredChars(['(?:区|县)级?(?:十佳|首席|优秀)?工匠'])).toEqual(['匠']);
    expect(requiredChars(['(副)?局长', '总裁'])?.sort()).toEqual(['裁', '长', '長'].sort());
  });

  test('optional characters, groups, classes and escapes are not taken as needed', () => {
    expect(requiredChars(['(?:十佳|首席)'])).toBeUndefined(); // only inside a group
    expect(requiredChars(['工匠?'])).toEqual(['工']);
    expect(requiredChars(['工匠*'])).toEqual(['工']);
    expect(requiredChars(['工匠{0,2}'])).toEqual(['工']);
    expect(requiredChars(['[工匠]'])).toBeUndefined();
    expect(requiredChars(['\\[匠\\]'])).toEqual(['匠']);
    expect(requiredChars(['[\\]匠]'])).toBeUndefined();
  });

  test('one pass answers for all the characters', () => {
    const set = requiredSet(['长', '長', '记']);
    expect(containsAny('董事長', set)).toBe(true);
    expect(containsAny('书记', set)).toBe(true);
    expect(containsAny('车间主任', set)).toBe(false);
    expect(containsAny('', set)).toBe(false);
  });

  test('an alternative without a Chinese character it always has: no first look at all', () => {
    expect(requiredChars(['质量', 'QC'])).toBeUndefined();
    expect(requiredChars(['工匠|(?:先进)'])).toBeUndefined();
    expect(requiredChars(['工匠|劳模'])?.sort()).toEqual(['匠', '模'].sort());
  });

  test('never skips a text a built-in pattern matches (Simplified or Traditional, excepted phrases or not)', () => {
    const texts = ['青浦区十佳工匠', '2023年 嘉定區首席工匠', '上海市职工技术创新能手', '上海市總工會 職工科技創新標兵', '公司副总经理', '董事長', '退休返聘', '区工匠精神', '质量信得过班组', '车间主任'];
    let checked = 0;
    for (const profile of allBuiltinProfiles()) {
      for (const rule of profile.eligibility) {
        const sources = rule.kind === 'patentOrAward' ? rule.awardPatterns : rule.kind === 'recentHonours' ? rule.sourcePatterns : rule.patterns;
        const required = requiredChars(sources);
        if (!required) continue;
        const re = new RegExp(sources.map((p) => `(?:${withTraditionalForms(p)})`).join('|'), 'i');
        for (const t of texts) {
          if (re.test(t)) {
            expect(containsAny(t, requiredSet(required))).toBe(true);
            checked++;
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(10);
  });
});
