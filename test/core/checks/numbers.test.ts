import { parseChineseNumeral, parseCount, parseYears } from '../../../src/core/checks/numbers';

describe('parseChineseNumeral', () => {
  it.each([
    ['零', 0], ['〇', 0], ['三', 3], ['两', 2], ['十', 10], ['十二', 12], ['二十', 20], ['二十三', 23], ['九十九', 99],
  ])('%s → %i', (s, v) => {
    expect(parseChineseNumeral(s)).toBe(v);
  });
  it.each(['一百', '二三', '十十', '零十', '十零', '三十三三', 'abc', ''])('rejects %p', (s) => {
    expect(parseChineseNumeral(s)).toBeUndefined();
  });
});

describe('parseCount', () => {
  it.each([
    [3, 3],
    [0, 0],
    ['3', 3],
    ['３', 3],
    [' 3 ', 3],
    ['3项', 3],
    ['3个', 3],
    ['3件', 3],
    ['3 项', 3],
    ['共3项', 3],
    ['12篇', 12],
    ['3.0', 3],
    ['三', 3],
    ['十二项', 12],
    ['无', 0],
  ])('%p → %i', (raw, value) => {
    expect(parseCount(raw)).toEqual({ value, issues: [] });
  });

  it('ignores empty cells', () => {
    expect(parseCount(null)).toEqual({ issues: [] });
    expect(parseCount('  ')).toEqual({ issues: [] });
  });

  it.each([
    [-1, '是负数'],
    ['-1', '是负数'],
    [2.5, '是小数'],
    ['2.5', '是小数'],
    ['若干', '不是确切的数字'],
    ['3项以上', '不是确切的数字'],
    ['10+', '不是确切的数字'],
    ['一百', '不是整数'],
    ['abc', '不是整数'],
  ])('rejects %p (%s)', (raw, why) => {
    const r = parseCount(raw);
    expect(r.value).toBeUndefined();
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0].rule).toBe('count.not-whole');
    expect(r.issues[0].severity).toBe('error');
    expect(r.issues[0].message.zh).toContain(why);
    expect(r.issues[0].message.zh).toContain('不小于 0 的整数');
    expect(r.issues[0].message.en.length).toBeGreaterThan(20);
  });

  it('quotes the value as typed', () => {
    expect(parseCount('若干').issues[0].message.zh).toContain('数量“若干”');
  });

  it('explains a count Excel turned into a date', () => {
    const r = parseCount(new Date(Date.UTC(2025, 2, 1)));
    expect(r.issues[0].rule).toBe('count.not-whole');
    expect(r.issues[0].message.zh).toContain('日期');
  });
});

describe('parseYears', () => {
  it.each([
    [15, 15],
    [15.5, 15.5],
    ['15', 15],
    ['15年', 15],
    ['１５年', 15],
    ['15 年', 15],
    ['15.5', 15.5],
    ['15.5年', 15.5],
    ['15年3个月', 15.25],
    ['15年零6个月', 15.5],
    ['15年6月', 15.5],
    ['15年半', 15.5],
    ['6个月', 0.5],
    ['十五年', 15],
    ['0', 0],
  ])('%p → %d', (raw, value) => {
    const r = parseYears(raw);
    expect(r.issues).toEqual([]);
    expect(r.value).toBeCloseTo(value, 10);
  });

  it('ignores empty cells', () => {
    expect(parseYears(null)).toEqual({ issues: [] });
    expect(parseYears('')).toEqual({ issues: [] });
  });

  it.each([
    [-3, '负数'],
    ['-3', '负数'],
    ['-3年', '负数'],
    ['十多年', '不是确切的年数'],
    ['15年以上', '不是确切的年数'],
    ['15年13个月', '应小于 12'],
    ['很久', '无法识别'],
    ['1.5.3', '无法识别'],
  ])('rejects %p (%s)', (raw, why) => {
    const r = parseYears(raw);
    expect(r.value).toBeUndefined();
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0].rule).toBe('years.format');
    expect(r.issues[0].severity).toBe('error');
    expect(r.issues[0].message.zh).toContain(why);
    expect(r.issues[0].message.zh).toContain('15年3个月');
  });

  it('reports boolean cells', () => {
    expect(parseYears(true).issues[0].rule).toBe('years.format');
  });
});
