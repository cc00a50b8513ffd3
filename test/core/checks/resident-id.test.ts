import { diagnoseResidentId, residentIdCheckChar, residentIdProvince } from '../../../src/core/checks/resident-id';
import { SimpleDate } from '../../../src/core/model/dates';

const AS_OF: SimpleDate = { y: 2025, m: 3, d: 1 };
const rules = (r: { issues: { rule: string }[] }) => r.issues.map((i) => i.rule);
const withCheck = (first17: string) => first17 + residentIdCheckChar(first17);

describe('residentIdCheckChar', () => {
  it('computes the MOD 11-2 check character of known IDs', () => {
    // GB 11643 example: 11010519491231002X
    expect(residentIdCheckChar('11010519491231002')).toBe('X');
    expect(residentIdCheckChar('44052418800101001')).toBe('4');
  });
  it('rejects anything but 17 digits', () => {
    expect(() => residentIdCheckChar('1101051949123100')).toThrow();
    expect(() => residentIdCheckChar('1101051949123100X')).toThrow();
  });
});

describe('residentIdProvince', () => {
  it('names the province of the first two digits', () => {
    expect(residentIdProvince('310101199001011234')).toBe('上海');
    expect(residentIdProvince('990101199001011234')).toBeUndefined();
  });
});

describe('diagnoseResidentId: valid IDs', () => {
  it('accepts the standard example and derives birth, sex and age', () => {
    const r = diagnoseResidentId('11010519491231002X', AS_OF);
    expect(r.issues).toEqual([]);
    expect(r.id).toBe('11010519491231002X');
    expect(r.birth).toEqual({ y: 1949, m: 12, d: 31 });
    expect(r.sex).toBe('女'); // 17th digit 2 is even
    expect(r.age).toBe(75);
  });

  it('reads an odd 17th digit as 男', () => {
    const id = withCheck('31010119900315003');
    const r = diagnoseResidentId(id, AS_OF);
    expect(r.issues).toEqual([]);
    expect(r.sex).toBe('男');
    expect(r.birth).toEqual({ y: 1990, m: 3, d: 15 });
    expect(r.age).toBe(34); // birthday 2025-03-15 not reached on 2025-03-01
  });

  it('counts a birthday on asOf as reached', () => {
    const r = diagnoseResidentId(withCheck('31010119900301003'), AS_OF);
    expect(r.age).toBe(35);
  });

  it('normalises lower-case x silently', () => {
    const r = diagnoseResidentId('11010519491231002x', AS_OF);
    expect(r.issues).toEqual([]);
    expect(r.id).toBe('11010519491231002X');
  });

  it('normalises full-width digits, full-width Ｘ and spaces silently', () => {
    const r = diagnoseResidentId(' １１０１０５ １９４９１２３１ ００２Ｘ\u3000', AS_OF);
    expect(r.issues).toEqual([]);
    expect(r.id).toBe('11010519491231002X');
  });

  it('ignores a leading apostrophe', () => {
    expect(diagnoseResidentId("'11010519491231002X", AS_OF).issues).toEqual([]);
  });

  it('accepts Hong Kong / Macao / Taiwan residence permit codes 81, 82, 83', () => {
    for (const p of ['81', '82', '83']) {
      const r = diagnoseResidentId(withCheck(p + '000019900101001'), AS_OF);
      expect(rules(r)).toEqual([]);
    }
  });

  it('gives no issues and nothing derived for empty cells', () => {
    expect(diagnoseResidentId(null, AS_OF)).toEqual({ issues: [] });
    expect(diagnoseResidentId('   ', AS_OF)).toEqual({ issues: [] });
  });
});

describe('diagnoseResidentId: number cells', () => {
  it('explains the 15-significant-digit loss for an 18-digit number and still reads the birth date', () => {
    const r = diagnoseResidentId(110105194912310000, AS_OF);
    expect(rules(r)).toEqual(['id.stored-as-number']);
    expect(r.issues[0].severity).toBe('error');
    expect(r.issues[0].message.zh).toContain('15位有效数字');
    expect(r.issues[0].message.zh).toContain('文本');
    expect(r.issues[0].message.zh).toContain("'");
    expect(r.issues[0].message.en).toContain('15 significant digits');
    expect(r.birth).toEqual({ y: 1949, m: 12, d: 31 });
    expect(r.age).toBe(75);
    expect(r.sex).toBeUndefined();
    expect(r.id).toBeUndefined();
  });

  it('still reports a wrong region in the surviving digits', () => {
    const r = diagnoseResidentId(990105199001010000, AS_OF);
    expect(rules(r)).toEqual(['id.stored-as-number', 'id.region']);
  });

  it('reports stored-as-number and the length for a 17-digit number', () => {
    const r = diagnoseResidentId(31010119900101000, AS_OF);
    expect(rules(r)).toEqual(['id.stored-as-number', 'id.format']);
    expect(r.issues[1].message.zh).toContain('17 位');
    expect(r.birth).toBeUndefined();
  });

  it('treats a 15-digit number as an exact old-format ID', () => {
    const r = diagnoseResidentId(110105491231002, AS_OF);
    expect(rules(r)).toEqual(['id.old-format']);
    expect(r.issues[0].severity).toBe('warning');
    expect(r.issues[0].message.zh).toContain('文本'); // advice for typing the 18-digit ID into that cell
    expect(r.birth).toEqual({ y: 1949, m: 12, d: 31 });
    expect(r.sex).toBe('女');
  });

  it('reports the length of a short number', () => {
    const r = diagnoseResidentId(12345678, AS_OF);
    expect(rules(r)).toEqual(['id.format']);
    expect(r.issues[0].message.zh).toContain('有 8 位');
  });

  it('recognises scientific notation typed as text', () => {
    const r = diagnoseResidentId('1.10105E+17', AS_OF);
    expect(rules(r)).toEqual(['id.stored-as-number']);
    expect(r.issues[0].message.zh).toContain('科学计数法');
  });

  it('recognises the three-digit exponent LibreOffice writes into a CSV', () => {
    expect(rules(diagnoseResidentId('3.1010119850307E+017', AS_OF))).toEqual(['id.stored-as-number']);
  });
});

describe('diagnoseResidentId: old 15-digit IDs', () => {
  it('warns, derives birth (19yy) and sex, and converts to 18 characters', () => {
    const r = diagnoseResidentId('310101650315123', AS_OF);
    expect(rules(r)).toEqual(['id.old-format']);
    expect(r.issues[0].message.zh).toContain('18位');
    expect(r.birth).toEqual({ y: 1965, m: 3, d: 15 });
    expect(r.sex).toBe('男'); // last digit 3 is odd
    expect(r.age).toBe(59);
    expect(r.id).toBe(withCheck('31010119650315123'));
  });

  it('reads an even last digit as 女', () => {
    expect(diagnoseResidentId('310101650315124', AS_OF).sex).toBe('女');
  });

  it('checks the old ID birth date too', () => {
    const r = diagnoseResidentId('310101651315123', AS_OF);
    expect(rules(r)).toEqual(['id.old-format', 'id.birthdate']);
    expect(r.birth).toBeUndefined();
  });
});

describe('diagnoseResidentId: errors', () => {
  it('reports the length and how many characters are missing', () => {
    const r = diagnoseResidentId('3101011990010100', AS_OF);
    expect(rules(r)).toEqual(['id.format']);
    expect(r.issues[0].message.zh).toContain('有 16 位');
    expect(r.issues[0].message.zh).toContain('应为 18 位');
    expect(r.issues[0].message.zh).toContain('少了 2 位');
    expect(r.issues[0].message.en).toContain('16 characters');
  });

  it('reports extra characters', () => {
    const r = diagnoseResidentId(withCheck('31010119900101003') + '5', AS_OF);
    expect(r.issues[0].message.zh).toContain('多了 1 位');
  });

  it('names an illegal character', () => {
    const r = diagnoseResidentId('310101-19900101-0035', AS_OF);
    expect(rules(r)).toEqual(['id.format']);
    expect(r.issues[0].message.zh).toContain('“-”');
  });

  it('rejects X anywhere but last', () => {
    const r = diagnoseResidentId('3101011990X1010035', AS_OF);
    expect(rules(r)).toEqual(['id.format']);
    expect(r.issues[0].message.zh).toContain('第 11 位');
  });

  it('reports a non-existent region code', () => {
    const r = diagnoseResidentId(withCheck('99010119900101003'), AS_OF);
    expect(rules(r)).toEqual(['id.region']);
    expect(r.issues[0].message.zh).toContain('“99”');
    expect(r.birth).toEqual({ y: 1990, m: 1, d: 1 });
  });

  it('points out the foreigners\' permanent residence ID pattern (9 + province code)', () => {
    const r = diagnoseResidentId(withCheck('93115619900101003'), AS_OF);
    expect(rules(r)).toEqual(['id.region']);
    expect(r.issues[0].message.zh).toContain('外国人永久居留身份证');
  });

  it('reports region 10 (not a province) too', () => {
    expect(rules(diagnoseResidentId(withCheck('10010119900101003'), AS_OF))).toEqual(['id.region']);
  });

  it('reports a birth date in the future relative to asOf', () => {
    const r = diagnoseResidentId(withCheck('31010120250302003'), AS_OF);
    expect(rules(r)).toEqual(['id.birthdate']);
    expect(r.issues[0].message.zh).toContain('“20250302”');
    expect(r.issues[0].message.zh).toContain('将来');
    expect(r.birth).toBeUndefined();
    expect(r.age).toBeUndefined();
    // born on asOf itself is not in the future
    expect(rules(diagnoseResidentId(withCheck('31010120250301003'), AS_OF))).toEqual([]);
  });

  it('reports Feb 29 in a non-leap year and accepts it in a leap year', () => {
    const r = diagnoseResidentId(withCheck('31010119230229003'), AS_OF);
    expect(rules(r)).toEqual(['id.birthdate']);
    expect(r.issues[0].message.zh).toContain('“19230229”');
    expect(r.issues[0].message.zh).toContain('1923年2月只有28天');
    const leap = diagnoseResidentId(withCheck('31010119840229003'), AS_OF);
    expect(rules(leap)).toEqual([]);
    expect(leap.birth).toEqual({ y: 1984, m: 2, d: 29 });
  });

  it('reports month 13 and day 00', () => {
    expect(diagnoseResidentId(withCheck('31010119901301003'), AS_OF).issues[0].message.zh).toContain('月份“13”');
    expect(diagnoseResidentId(withCheck('31010119900100003'), AS_OF).issues[0].message.zh).toContain('日“00”');
  });

  it('reports a birth year before 1900', () => {
    const r = diagnoseResidentId(withCheck('31010118991231003'), AS_OF);
    expect(rules(r)).toEqual(['id.birthdate']);
    expect(r.issues[0].message.zh).toContain('1900');
  });

  it('reports a wrong check character with the expected one', () => {
    const r = diagnoseResidentId('110105194912310021', AS_OF);
    expect(rules(r)).toEqual(['id.checksum']);
    expect(r.issues[0].severity).toBe('error');
    expect(r.issues[0].message.zh).toContain('最后一位应为 X');
    expect(r.issues[0].message.zh).toContain('输错');
    expect(r.issues[0].message.en).toContain('should be X');
    // the ID and what it says are still returned
    expect(r.id).toBe('110105194912310021');
    expect(r.birth).toEqual({ y: 1949, m: 12, d: 31 });
  });

  it('recognises digits lost to number storage in text that ends in 000', () => {
    const r = diagnoseResidentId('110105194912310000', AS_OF);
    expect(rules(r)).toEqual(['id.checksum']);
    expect(r.issues[0].message.zh).toContain('末尾三位都是0');
    expect(r.issues[0].message.zh).toContain('15位');
  });

  it('detects a single mistyped digit through the checksum', () => {
    const good = withCheck('31010119900101003');
    const bad = '3101011990010100' + '4' + good[17];
    expect(rules(diagnoseResidentId(bad, AS_OF))).toEqual(['id.checksum']);
  });

  it('reports several problems together', () => {
    const r = diagnoseResidentId('990101199002300030', AS_OF);
    expect(rules(r).sort()).toEqual(['id.birthdate', 'id.checksum', 'id.region'].sort());
  });

  it('explains cells that are not text or numbers', () => {
    expect(rules(diagnoseResidentId(true, AS_OF))).toEqual(['id.format']);
    expect(rules(diagnoseResidentId({ error: '#N/A' }, AS_OF))).toEqual(['id.format']);
    expect(diagnoseResidentId({ error: '#N/A' }, AS_OF).issues[0].message.zh).toContain('#N/A');
    expect(rules(diagnoseResidentId(new Date(Date.UTC(1990, 0, 1)), AS_OF))).toEqual(['id.format']);
    expect(rules(diagnoseResidentId(-5, AS_OF))).toEqual(['id.format']);
  });

  it('every message has Chinese and English text', () => {
    for (const raw of ['110105194912310021', '99', 110105194912310000, '310101650315123']) {
      for (const i of diagnoseResidentId(raw, AS_OF).issues) {
        expect(i.message.zh.length).toBeGreaterThan(10);
        expect(i.message.en.length).toBeGreaterThan(10);
      }
    }
  });
});
