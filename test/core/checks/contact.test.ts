import { checkEmail, checkMobile, checkPhone, checkPostcode } from '../../../src/core/checks/contact';

const rules = (issues: { rule: string }[]) => issues.map((i) => i.rule);

describe('checkMobile', () => {
  it.each([
    '13812345678',
    '19912345678',
    '138 1234 5678',
    '138-1234-5678',
    '１３８１２３４５６７８',
    '+86 138 1234 5678',
    '+8613812345678',
    '8613812345678',
    '0086-13812345678',
    ' 13812345678 ',
  ])('accepts %p', (s) => {
    expect(checkMobile(s)).toEqual([]);
  });

  it('accepts a number cell', () => {
    expect(checkMobile(13812345678)).toEqual([]);
  });

  it('ignores empty cells', () => {
    expect(checkMobile(null)).toEqual([]);
    expect(checkMobile('  ')).toEqual([]);
  });

  it('reports a missing digit with the count', () => {
    const r = checkMobile('1381234567');
    expect(rules(r)).toEqual(['phone.mobile']);
    expect(r[0].severity).toBe('error');
    expect(r[0].message.zh).toContain('有 10 位数字');
    expect(r[0].message.zh).toContain('少了 1 位');
    expect(r[0].message.zh).toContain('11位');
  });

  it('reports an extra digit', () => {
    expect(checkMobile('138123456789')[0].message.zh).toContain('多了 1 位');
  });

  it('reports a wrong second digit', () => {
    const r = checkMobile('12812345678');
    expect(rules(r)).toEqual(['phone.mobile']);
    expect(r[0].message.zh).toContain('第二位应为 3 至 9');
  });

  it('says a landline is not a mobile number', () => {
    const r = checkMobile('021-55885591');
    expect(rules(r)).toEqual(['phone.mobile']);
    expect(r[0].message.zh).toContain('固定电话');
  });

  it('names letters or other characters', () => {
    expect(checkMobile('1381234567o')[0].message.zh).toContain('“o”');
  });

  it('warns when several valid numbers are in one cell', () => {
    const r = checkMobile('13812345678/13912345678');
    expect(rules(r)).toEqual(['phone.mobile']);
    expect(r[0].severity).toBe('warning');
    expect(r[0].message.zh).toContain('2 个号码');
  });

  it('reports non-number cells', () => {
    expect(rules(checkMobile(true))).toEqual(['phone.mobile']);
    expect(rules(checkMobile(1.5))).toEqual(['phone.mobile']);
  });
});

describe('checkPhone', () => {
  it.each([
    '13812345678',
    '021-55885591',
    '02155885591',
    '021 5588 5591',
    '(021)55885591',
    '（021）55885591',
    '55885591',
    '0571-8888888',
    '0571-88888888',
    '010-12345678',
    '021-55885591*4102',
    '021-55885591转4102',
    '021-55885591-4102',
    '55885591转4102',
    '021-55885591 ext 4102',
    '+86 21 5588 5591',
    '400-820-8820',
    '０２１－５５８８５５９１',
    '021-55885591/13812345678',
    '13812345678、021-55885591',
  ])('accepts %p', (s) => {
    expect(checkPhone(s)).toEqual([]);
  });

  it('accepts number cells', () => {
    expect(checkPhone(13812345678)).toEqual([]);
    expect(checkPhone(55885591)).toEqual([]);
  });

  it('ignores empty cells', () => {
    expect(checkPhone(null)).toEqual([]);
    expect(checkPhone('')).toEqual([]);
  });

  it('asks for the area code of a 7-digit number', () => {
    const r = checkPhone('5588559');
    expect(rules(r)).toEqual(['phone.contact']);
    expect(r[0].message.zh).toContain('缺少区号');
    expect(r[0].message.zh).toContain('021-55885591');
  });

  it('reports a landline with a digit too many after the area code', () => {
    const r = checkPhone('021-558855911');
    expect(rules(r)).toEqual(['phone.contact']);
    expect(r[0].message.zh).toContain('共 12 位数字');
  });

  it('reports a 10-digit "mobile"', () => {
    const r = checkPhone('1381234567');
    expect(rules(r)).toEqual(['phone.contact']);
    expect(r[0].message.zh).toContain('10 位数字');
  });

  it('reports the bad part of a cell with two numbers', () => {
    const r = checkPhone('021-55885591/1381234567');
    expect(rules(r)).toEqual(['phone.contact']);
    expect(r[0].message.zh).toContain('“1381234567”');
  });

  it('names text that is not a phone number', () => {
    const r = checkPhone('见附件');
    expect(rules(r)).toEqual(['phone.contact']);
    expect(r[0].message.zh).toContain('“见”');
  });

  it('does not take a mobile number with an "extension" for valid', () => {
    expect(rules(checkPhone('13812345678转12'))).toEqual(['phone.contact']);
  });
});

describe('checkPostcode', () => {
  it.each(['200080', '２０００８０', ' 200 080 ', '010000'])('accepts %p', (s) => {
    expect(checkPostcode(s)).toEqual([]);
  });

  it('accepts a 6-digit number cell', () => {
    expect(checkPostcode(200080)).toEqual([]);
  });

  it('explains the lost leading zero of a 5-digit number cell', () => {
    const r = checkPostcode(10000);
    expect(rules(r)).toEqual(['postcode.format']);
    expect(r[0].severity).toBe('error');
    expect(r[0].message.zh).toContain('只有 5 位');
    expect(r[0].message.zh).toContain('开头的 0');
    expect(r[0].message.zh).toContain('010000');
    expect(r[0].message.zh).toContain('文本');
    expect(r[0].message.en).toContain('Text');
  });

  it('never proposes a wrong code: a 5-digit Shanghai code lost a digit, not a 0', () => {
    for (const value of [20008, 20150, 20999]) {
      const r = checkPostcode(value);
      expect(rules(r)).toEqual(['postcode.format']);
      expect(r[0].message.zh).toContain('少了一位数字');
      expect(r[0].message.zh).toContain('20 开头');
      expect(r[0].message.zh).not.toContain('0' + String(value));
    }
    // No code starts with 08 or 09 either.
    expect(checkPostcode(91234)[0].message.zh).not.toContain('091234');
    // 01–07 are real (Inner Mongolia, Shanxi, Hebei): the 0 is offered only as one of two readings.
    expect(checkPostcode(30012)[0].message.zh).toMatch(/如果.*应为 030012.*否则是少输了一位数字/);
  });

  it('reports wrong lengths and characters in text', () => {
    expect(checkPostcode('20008')[0].message.zh).toContain('有 5 位数字');
    expect(checkPostcode('2000801')[0].message.zh).toContain('有 7 位数字');
    expect(checkPostcode('20008O')[0].message.zh).toContain('“O”');
    expect(rules(checkPostcode(1234567))).toEqual(['postcode.format']);
  });

  it('ignores empty cells', () => {
    expect(checkPostcode(null)).toEqual([]);
    expect(checkPostcode(' ')).toEqual([]);
  });
});

describe('checkEmail', () => {
  it.each(['zhangsan@163.com', ' zhangsan@163.com ', 'zhang.san+cv@sh.chinatelecom.cn', 'a_b@qq.com\u3000'])('accepts %p', (s) => {
    expect(checkEmail(s)).toEqual([]);
  });

  it('ignores empty cells', () => {
    expect(checkEmail(null)).toEqual([]);
    expect(checkEmail('  ')).toEqual([]);
  });

  it('names the full-width ＠ and gives the corrected address', () => {
    const r = checkEmail('zhangsan＠163.com');
    expect(rules(r)).toEqual(['email.format']);
    expect(r[0].severity).toBe('error');
    expect(r[0].message.zh).toContain('全角的“＠”');
    expect(r[0].message.zh).toContain('半角“@”');
    expect(r[0].message.zh).toContain('改正后应为 zhangsan@163.com');
    expect(r[0].message.en).toContain('zhangsan@163.com');
  });

  it('names the Chinese full stop', () => {
    const r = checkEmail('zhangsan@163。com');
    expect(r[0].message.zh).toContain('中文句号“。”');
    expect(r[0].message.zh).toContain('改正后应为 zhangsan@163.com');
  });

  it('names other full-width characters', () => {
    const r = checkEmail('ｚｈａｎｇ@163.com');
    expect(r[0].message.zh).toContain('全角字符');
    expect(r[0].message.zh).toContain('zhang@163.com');
  });

  it('names inner spaces', () => {
    const r = checkEmail('zhang san@163.com');
    expect(r[0].message.zh).toContain('空格');
    expect(r[0].message.zh).toContain('zhangsan@163.com');
  });

  it('names a missing @', () => {
    const r = checkEmail('zhangsan163.com');
    expect(rules(r)).toEqual(['email.format']);
    expect(r[0].message.zh).toContain('缺少“@”');
  });

  it('names Chinese characters', () => {
    expect(checkEmail('张三@163.com')[0].message.zh).toContain('汉字');
  });

  it('reports several addresses in one cell', () => {
    const r = checkEmail('a@163.com；b@qq.com');
    expect(r[0].message.zh).toContain('2 个邮箱地址');
  });

  it('suggests .com for .con', () => {
    const r = checkEmail('zhangsan@qq.con');
    expect(rules(r)).toEqual(['email.format']);
    expect(r[0].message.zh).toContain('zhangsan@qq.com');
  });

  it('reports a domain without a dot', () => {
    expect(checkEmail('zhangsan@163')[0].message.zh).toContain('名称@域名');
  });

  it('reports number cells', () => {
    expect(rules(checkEmail(12345))).toEqual(['email.format']);
  });
});
