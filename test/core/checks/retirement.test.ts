import { checkWorkingAge, femaleCategoryFromIdentity, statutoryRetirement } from '../../../src/core/checks/retirement';

const ym = (r: { ageYears: number; ageMonths: number }) => [r.ageYears, r.ageMonths];

describe('statutoryRetirement: men', () => {
  it.each([
    [1960, 6, [60, 0]],
    [1964, 12, [60, 0]],
    [1965, 1, [60, 1]],
    [1965, 4, [60, 1]],
    [1965, 5, [60, 2]],
    [1965, 9, [60, 3]],
    [1970, 1, [61, 4]],
    [1976, 8, [62, 11]],
    [1976, 9, [63, 0]],
    [1990, 1, [63, 0]],
  ])('born %i-%i retires at %j', (y, m, expected) => {
    expect(ym(statutoryRetirement({ y, m, d: 15 }, '男', 'worker'))).toEqual(expected);
    // the category does not matter for men
    expect(ym(statutoryRetirement({ y, m, d: 15 }, '男', 'cadre'))).toEqual(expected);
  });

  it('gives the date as birth + age', () => {
    expect(statutoryRetirement({ y: 1964, m: 12, d: 15 }, '男', 'worker').date).toEqual({ y: 2024, m: 12, d: 15 });
    expect(statutoryRetirement({ y: 1965, m: 1, d: 10 }, '男', 'worker').date).toEqual({ y: 2025, m: 2, d: 10 });
    expect(statutoryRetirement({ y: 1976, m: 9, d: 1 }, '男', 'worker').date).toEqual({ y: 2039, m: 9, d: 1 });
  });

  it('clamps the day to the month length', () => {
    expect(statutoryRetirement({ y: 1965, m: 1, d: 31 }, '男', 'worker').date).toEqual({ y: 2025, m: 2, d: 28 });
  });
});

describe('statutoryRetirement: women workers (原50周岁)', () => {
  it.each([
    [1974, 12, [50, 0]],
    [1975, 1, [50, 1]],
    [1975, 2, [50, 1]],
    [1975, 3, [50, 2]],
    [1980, 1, [52, 7]],
    [1984, 10, [54, 11]],
    [1984, 11, [55, 0]],
    [1995, 6, [55, 0]],
  ])('born %i-%i retires at %j', (y, m, expected) => {
    expect(ym(statutoryRetirement({ y, m, d: 1 }, '女', 'worker'))).toEqual(expected);
  });
});

describe('statutoryRetirement: women cadres and professionals (原55周岁)', () => {
  it.each([
    [1969, 12, [55, 0]],
    [1970, 1, [55, 1]],
    [1970, 5, [55, 2]],
    [1981, 8, [57, 11]],
    [1981, 9, [58, 0]],
    [1990, 1, [58, 0]],
  ])('born %i-%i retires at %j', (y, m, expected) => {
    expect(ym(statutoryRetirement({ y, m, d: 1 }, '女', 'cadre'))).toEqual(expected);
  });
});

describe('femaleCategoryFromIdentity', () => {
  it.each([
    ['干部', 'cadre'],
    ['专业技术人员', 'cadre'],
    ['职员', 'cadre'],
    [' 专业技术人员 ', 'cadre'],
    ['普通工人', 'worker'],
    ['其他', undefined],
    ['', undefined],
    [undefined, undefined],
  ])('%p → %p', (text, expected) => {
    expect(femaleCategoryFromIdentity(text)).toBe(expected);
  });
});

describe('checkWorkingAge', () => {
  it('accepts a working-age man the day before his retirement date', () => {
    expect(checkWorkingAge({ y: 1965, m: 1, d: 10 }, '男', undefined, { y: 2025, m: 2, d: 9 })).toEqual([]);
  });

  it('warns on the retirement date itself, with age and date', () => {
    const r = checkWorkingAge({ y: 1965, m: 1, d: 10 }, '男', undefined, { y: 2025, m: 2, d: 10 });
    expect(r).toHaveLength(1);
    expect(r[0].rule).toBe('age.retired');
    expect(r[0].severity).toBe('warning');
    expect(r[0].message.zh).toContain('60 岁 1 个月');
    expect(r[0].message.zh).toContain('应于2025年2月10日退休');
    expect(r[0].message.zh).toContain('请核实是否仍在职');
    expect(r[0].message.en).toContain('60 years 1 months');
    expect(r[0].message.en).toContain('2025-02-10');
  });

  it('warns after the retirement date and omits "0 个月" for whole years', () => {
    const r = checkWorkingAge({ y: 1964, m: 12, d: 15 }, '男', '干部', { y: 2025, m: 3, d: 1 });
    expect(r.map((i) => i.rule)).toEqual(['age.retired']);
    expect(r[0].message.zh).toContain('为 60 岁，');
    expect(r[0].message.zh).not.toContain('0 个月');
  });

  it('uses the cadre schedule for a woman marked 专业技术人员', () => {
    const birth = { y: 1970, m: 3, d: 5 }; // 55y1m → 2025-04-05
    expect(checkWorkingAge(birth, '女', '专业技术人员', { y: 2025, m: 4, d: 4 })).toEqual([]);
    const r = checkWorkingAge(birth, '女', '专业技术人员', { y: 2025, m: 4, d: 5 });
    expect(r.map((i) => i.rule)).toEqual(['age.retired']);
    expect(r[0].message.zh).toContain('55 岁 1 个月');
    expect(r[0].message.zh).not.toContain('身份');
  });

  it('uses the worker schedule for a woman marked 普通工人', () => {
    const birth = { y: 1975, m: 3, d: 20 }; // 50y2m → 2025-05-20
    expect(checkWorkingAge(birth, '女', '普通工人', { y: 2025, m: 5, d: 19 })).toEqual([]);
    const r = checkWorkingAge(birth, '女', '普通工人', { y: 2025, m: 5, d: 20 });
    expect(r[0].message.zh).toContain('50 岁 2 个月');
    expect(r[0].message.zh).toContain('2025年5月20日');
  });

  it('falls back to the worker schedule for a woman of unknown category and says so', () => {
    const r = checkWorkingAge({ y: 1975, m: 1, d: 10 }, '女', '其他', { y: 2025, m: 3, d: 1 });
    expect(r.map((i) => i.rule)).toEqual(['age.retired']);
    expect(r[0].message.zh).toContain('50 岁 1 个月');
    expect(r[0].message.zh).toContain('干部或专业技术人员');
    expect(r[0].message.zh).toContain('56 岁 4 个月'); // the cadre age for the same birth (1975-01: +16 months)
    expect(r[0].message.zh).toContain('2031年5月10日');
    expect(r[0].message.zh).toContain('请填写“身份”栏');
    expect(r[0].message.en).toContain('fill in 身份');
  });

  it('reports a person under 16 and accepts the 16th birthday', () => {
    const asOf = { y: 2025, m: 3, d: 1 };
    const r = checkWorkingAge({ y: 2009, m: 3, d: 2 }, '男', undefined, asOf);
    expect(r.map((i) => i.rule)).toEqual(['age.too-young']);
    expect(r[0].severity).toBe('error');
    expect(r[0].message.zh).toContain('只有 15 岁');
    expect(r[0].message.zh).toContain('不满 16 周岁');
    expect(checkWorkingAge({ y: 2009, m: 3, d: 1 }, '男', undefined, asOf)).toEqual([]);
  });

  it('honours a custom minimum age', () => {
    const r = checkWorkingAge({ y: 2005, m: 1, d: 1 }, '女', '普通工人', { y: 2025, m: 3, d: 1 }, 21);
    expect(r.map((i) => i.rule)).toEqual(['age.too-young']);
    expect(r[0].message.zh).toContain('不满 21 周岁');
  });
});

describe('the rules in force at the check date', () => {
  it('a check dated before 2025 quotes the fixed ages of the time, not the 2025 reform', () => {
    // A man born 1958-03 was 60 on 2018-03; Qingpu's 2018 notice is checked at 2018-09-01.
    const r = checkWorkingAge({ y: 1958, m: 3, d: 10 }, '男', undefined, { y: 2018, m: 9, d: 1 });
    expect(r.map((i) => i.rule)).toEqual(['age.retired']);
    expect(r[0].message.zh).toContain('按核对日期时施行的规定（2025年1月1日前：男60周岁、女干部55周岁、女工人50周岁）为 60 岁，应于2018年3月10日退休');
    expect(r[0].message.zh).not.toContain('2025年渐进式');
  });

  it('from 2025-01-01 the gradual reform is quoted', () => {
    const r = checkWorkingAge({ y: 1965, m: 1, d: 10 }, '男', undefined, { y: 2025, m: 6, d: 1 });
    expect(r[0].message.zh).toContain('按2025年渐进式延迟退休规定为 60 岁 1 个月');
  });

  it('the last day before the reform is judged by the old rules', () => {
    const r = checkWorkingAge({ y: 1964, m: 12, d: 31 }, '男', undefined, { y: 2024, m: 12, d: 31 });
    expect(r[0].message.zh).toContain('2025年1月1日前');
    expect(checkWorkingAge({ y: 1964, m: 12, d: 31 }, '男', undefined, { y: 2025, m: 1, d: 1 })[0].message.zh).toContain('2025年渐进式');
  });
});

it('a table without a 身份 column is not asked to fill one in (the cultivation list)', () => {
  const born = { y: 1970, m: 1, d: 1 };
  const asOf = { y: 2026, m: 6, d: 1 };
  const withColumn = checkWorkingAge(born, '女', undefined, asOf, 16, true)[0].message.zh;
  const without = checkWorkingAge(born, '女', undefined, asOf, 16, false)[0].message.zh;
  expect(withColumn).toContain('请填写“身份”栏');
  expect(without).not.toContain('请填写');
  expect(without).toContain('表中没有“身份”栏，暂按女职工（原50周岁）计算');
});
