import { STRINGS } from '../../src/taskpane/i18n';

describe('i18n', () => {
  it('has every text in Chinese and English', () => {
    const zh = STRINGS.zh as unknown as Record<string, unknown>;
    const en = STRINGS.en as unknown as Record<string, unknown>;
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
    for (const [k, v] of Object.entries(zh)) {
      expect(typeof en[k]).toBe(typeof v);
      if (typeof v === 'string') {
        expect(v.length).toBeGreaterThan(0);
        expect((en[k] as string).length).toBeGreaterThan(0);
      }
    }
  });

  it('phrases counts and tallies in each language', () => {
    expect(STRINGS.zh.tally({ error: 2, warning: 0, info: 1 })).toBe('2 个错误，1 个提示');
    expect(STRINGS.en.tally({ error: 2, warning: 1, info: 0 })).toBe('2 errors, 1 warning');
    expect(STRINGS.zh.daysLeft(3)).toBe('还剩 3 天');
    expect(STRINGS.en.daysLeft(1)).toBe('1 day left');
  });
});
