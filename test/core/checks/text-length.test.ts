import { checkAboutChars, checkMaxChars, countChars } from '../../../src/core/checks/text-length';

describe('countChars', () => {
  it('counts Chinese characters and punctuation once each', () => {
    expect(countChars('工匠精神，就是精益求精。')).toBe(12);
  });
  it('counts ASCII letters and digits one each', () => {
    expect(countChars('ISO9001')).toBe(7);
  });
  it('does not count spaces, tabs, line breaks, no-break or ideographic spaces', () => {
    expect(countChars(' 工 匠\t精\r\n神\u3000\u00a0\u200b\ufeff ')).toBe(4);
  });
  it('counts a surrogate pair once', () => {
    expect('𠮷野家'.length).toBe(4);
    expect(countChars('𠮷野家')).toBe(3);
    expect(countChars('👍')).toBe(1);
  });
  it('counts a lone high surrogate once and ignores a lone low surrogate (corrupted text)', () => {
    expect(countChars('\ud842')).toBe(1);
    expect(countChars('\udfb7a')).toBe(1);
  });
  it('does not count control characters or other Unicode spaces', () => {
    expect(countChars('a\u0000\u0085\u2003\u2028\u202f\u205f\u1680b')).toBe(2);
  });
  it('counts full-width letters, symbols and circled digits once each', () => {
    expect(countChars('ＡＢＣ＠')).toBe(4);
    expect(countChars('①②③')).toBe(3);
  });
  it('is 0 for empty or blank text', () => {
    expect(countChars('')).toBe(0);
    expect(countChars(' \n\u3000')).toBe(0);
  });
  it('handles long texts', () => {
    expect(countChars('字 '.repeat(5000))).toBe(5000);
  });
});

describe('checkMaxChars', () => {
  const hundred = '匠'.repeat(100);
  it('accepts exactly the limit', () => {
    expect(checkMaxChars(hundred, 100, '对工匠精神的理解')).toEqual([]);
  });
  it('accepts the limit with extra line breaks and spaces', () => {
    expect(checkMaxChars(hundred.slice(0, 50) + '\n\n  ' + hundred.slice(50), 100, '对工匠精神的理解')).toEqual([]);
  });
  it('reports one 字 too many with the count and how much to cut', () => {
    const r = checkMaxChars(hundred + '。', 100, '对工匠精神的理解');
    expect(r).toHaveLength(1);
    expect(r[0].rule).toBe('text.too-long');
    expect(r[0].severity).toBe('error');
    expect(r[0].message.zh).toContain('“对工匠精神的理解”共 101 字');
    expect(r[0].message.zh).toContain('超过了 100 字');
    expect(r[0].message.zh).toContain('删减至少 1 字');
    expect(r[0].message.en).toContain('101');
  });
  it('reports how much to cut from a long text', () => {
    const r = checkMaxChars('事'.repeat(5123), 5000, '主要事迹');
    expect(r[0].message.zh).toContain('共 5123 字');
    expect(r[0].message.zh).toContain('删减至少 123 字');
  });
});

describe('checkAboutChars', () => {
  it('accepts texts within ±40% of the target (boundaries included)', () => {
    expect(checkAboutChars('述'.repeat(500), 500, '个人自述')).toEqual([]);
    expect(checkAboutChars('述'.repeat(300), 500, '个人自述')).toEqual([]);
    expect(checkAboutChars('述'.repeat(700), 500, '个人自述')).toEqual([]);
    expect(checkAboutChars('述'.repeat(140), 100, '理解')).toEqual([]);
    expect(checkAboutChars('述'.repeat(60), 100, '理解')).toEqual([]);
  });
  it('warns when far too short', () => {
    const r = checkAboutChars('述'.repeat(299), 500, '个人自述');
    expect(r.map((i) => i.rule)).toEqual(['text.length-off']);
    expect(r[0].severity).toBe('warning');
    expect(r[0].message.zh).toContain('约 500 字');
    expect(r[0].message.zh).toContain('只有 299 字');
    expect(r[0].message.zh).toContain('补充到 300 字以上');
  });
  it('warns when far too long', () => {
    const r = checkAboutChars('述'.repeat(701), 500, '个人自述');
    expect(r.map((i) => i.rule)).toEqual(['text.length-off']);
    expect(r[0].message.zh).toContain('有 701 字');
    expect(r[0].message.zh).toContain('精简到 700 字以内');
  });
  it('honours a custom tolerance', () => {
    expect(checkAboutChars('述'.repeat(400), 500, '个人自述', 0.1).map((i) => i.rule)).toEqual(['text.length-off']);
    expect(checkAboutChars('述'.repeat(450), 500, '个人自述', 0.1)).toEqual([]);
  });
  it('leaves empty texts to the emptiness check', () => {
    expect(checkAboutChars('', 500, '个人自述')).toEqual([]);
  });
});
