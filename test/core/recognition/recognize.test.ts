import { builtinProfile } from '../../../src/core/profiles/builtin-profiles';
import { recognizeSheet, recognizeWorkbook } from '../../../src/core/recognition/recognize-tables';
import { detectProgram } from '../../../src/core/recognition/detect-program';
import { allBuiltinProfiles } from '../../../src/core/profiles/builtin-profiles';
import { book, sheet } from '../../support/grid';

const sqc = builtinProfile('sqc-2025')!;
const SUMMARY_HEADER = ['序号', '所在单位名称', '姓名', '所在岗位名称', '职务、职称/技能等级'];

describe('summary sheet', () => {
  const grid = sheet('Sheet1', [
    ['第三届（2025年度）“上海质量工匠”培养选树推荐汇总表', null, null, null, null],
    SUMMARY_HEADER,
    [1, '上海申江精密机械有限公司', '林晓', '质量部', '高级技师'],
    [2, '上海浦江电子有限公司', '王强', '装配车间', '技师'],
    [3, null, null, null, null], // a pre-numbered empty row of the template
    [],
    ['推荐单位（加盖公章）：上海市某区市场监督管理局'],
    ['联系人：', '陈洁', null, '联系电话：', '021-55885591'],
    ['邮箱：chenjie@example.com'],
  ]);

  test('header under a merged title row; data stops at the footer; empty numbered rows skipped', () => {
    const t = recognizeSheet(grid, sqc)!;
    expect(t.kind).toBe('summary');
    expect(t.headerRow).toBe(1);
    expect(t.dataRows).toEqual([2, 3]);
    expect(t.title).toContain('上海质量工匠');
    expect([...t.colOf.entries()]).toEqual([
      ['serial', 0],
      ['unit', 1],
      ['name', 2],
      ['postName', 3],
      ['titleSummary', 4],
    ]);
  });

  test('footer: label and value in one cell, or in the next cell, several labels on one row', () => {
    const f = recognizeSheet(grid, sqc)!.footer!;
    expect(f.unit).toMatchObject({ row: 6, col: 0, value: '上海市某区市场监督管理局' });
    expect(f.contact).toMatchObject({ row: 7, col: 1, value: '陈洁' });
    expect(f.phone).toMatchObject({ row: 7, col: 4, value: '021-55885591' });
    expect(f.email).toMatchObject({ row: 8, value: 'chenjie@example.com' });
  });

  test('a label with no value points at the label cell with an empty value', () => {
    const t = recognizeSheet(sheet('s', [SUMMARY_HEADER, [1, '甲公司', '林晓', '质量部', '技师'], ['联系人：', null, '联系电话：', '13812345678']]), sqc)!;
    expect(t.footer!.contact).toMatchObject({ row: 2, col: 0, value: '' });
    expect(t.footer!.phone).toMatchObject({ col: 3, value: '13812345678' });
    expect(t.footer!.email).toBeUndefined();
  });
});

describe('header variants people type', () => {
  test.each([
    ['身份证号码'],
    ['公民身份号码'],
    ['身份证号'],
    ['身份證號碼'],
    ['身份证号码\n(18位)'],
    [' 身 份 证 '],
    ['*身份证：'],
  ])('%j is the ID column', (label) => {
    const t = recognizeSheet(sheet('s', [['姓名', '性别', label, '手机'], ['林晓', '女', 'x', '1']]), sqc)!;
    expect(t.kind).toBe('details');
    expect(t.colOf.get('residentId')).toBe(2);
    expect(t.colOf.get('mobile')).toBe(3);
  });

  test('traditional characters, full-width brackets, quotes and limit notes', () => {
    const header = ['所在單位名稱', '姓名', '性別', '對“工匠精神”的理解（100字以内）', "对'工匠精神'的理解", '曾经获得的荣誉/成果(区级以上)', '主要成绩与突出贡献（5000字以内，可附页）'];
    const t = recognizeSheet(sheet('s', [header, ['甲', '乙', '男', 'a', 'b', 'c', 'd']]), sqc)!;
    expect(t.colOf.get('unit')).toBe(0);
    expect(t.colOf.get('sex')).toBe(2);
    expect(t.colOf.get('spirit')).toBe(3); // the first of two equal headers wins; the second is ignored
    expect(t.colOf.get('honours')).toBe(5);
    expect(t.colOf.get('achievements')).toBe(6);
  });

  test('two 邮编 columns: the first is the home postcode, the second the unit one', () => {
    const t = recognizeSheet(sheet('s', [['姓名', '家庭住址', '邮编', '单位地址', '邮编', '性别'], ['甲', 'a', '200050', 'b', '200063', '男']]), sqc)!;
    expect(t.colOf.get('homePostcode')).toBe(2);
    expect(t.colOf.get('unitPostcode')).toBe(4);
  });

  test('a two-row header: forces above, indicators below', () => {
    const t = recognizeSheet(
      sheet('s', [
        ['姓名', '性别', '身份证', '引领力', null, null],
        [null, null, null, '勇挑重担', '追求卓越', '示范带动'],
        ['林晓', '女', 'x', 'a', 'b', 'c'],
      ]),
      sqc,
    )!;
    expect(t.headerTop).toBe(0);
    expect(t.headerRow).toBe(1);
    expect(t.colOf.get('lead2')).toBe(4);
    expect(t.dataRows).toEqual([2]);
  });

  test('force-prefixed indicator headers', () => {
    const t = recognizeSheet(sheet('s', [['姓名', '性别', '身份证', '引领力-勇挑重担', '传承力：应用智能'], ['甲', '男', 'x', 'a', 'b']]), sqc)!;
    expect(t.colOf.get('lead1')).toBe(3);
    expect(t.colOf.get('pass3')).toBe(4);
  });

  test('expected columns the table lacks are listed once', () => {
    const t = recognizeSheet(sheet('s', [['姓名', '性别', '身份证', '手机号码'], ['甲', '男', 'x', '1']]), sqc)!;
    expect(t.missing.map((f) => f.key)).toContain('politics');
    expect(t.missing.map((f) => f.key)).not.toContain('lead1'); // indicators are optional columns
  });
});

describe('merged cells', () => {
  test('a merged area in the body reads its value on every row it covers; the adapter grid is not changed', () => {
    const s = sheet('s', [
      ['第三届（2025年度）“上海质量工匠”推荐汇总表', null, null, null, null],
      SUMMARY_HEADER,
      [1, '上海甲有限公司', '张一', '车间', '技师'],
      [2, null, '张二', '车间', '技师'],
      [3, null, '张三', '车间', '技师'],
    ]);
    s.merges.push({ top: 0, left: 0, bottom: 0, right: 4 }, { top: 2, left: 1, bottom: 4, right: 1 });
    const t = recognizeSheet(s, sqc)!;
    expect(t.dataRows.map((r) => t.sheet.rows[r][1])).toEqual(['上海甲有限公司', '上海甲有限公司', '上海甲有限公司']);
    expect(t.sheet.rows[0]).toEqual(s.rows[0]); // the title merge is not spread over the header row
    expect(s.rows[3][1]).toBeNull();
  });
});

describe('no table', () => {
  test('an empty sheet, or a sheet of prose, has no table', () => {
    expect(recognizeSheet(sheet('s', []), sqc)).toBeUndefined();
    expect(recognizeSheet(sheet('s', [['关于开展工作的通知'], ['各会员单位：']]), sqc)).toBeUndefined();
  });

  test('two labels are not enough for a summary (3 needed)', () => {
    expect(recognizeSheet(sheet('s', [['姓名', '所在单位名称'], ['甲', '乙']]), sqc)).toBeUndefined();
  });

  test('a workbook may hold the summary and the details on two sheets', () => {
    const wb = book(sheet('汇总', [SUMMARY_HEADER, [1, '甲', '林晓', '质量部', '技师']]), sheet('明细', [['姓名', '性别', '身份证'], ['林晓', '女', 'x']]));
    expect(recognizeWorkbook(wb, sqc).map((t) => t.kind)).toEqual(['summary', 'details']);
  });
});

describe('programme detection', () => {
  const detect = (title: string) => detectProgram(book(sheet('s', [[title], SUMMARY_HEADER, [1, '甲', '乙', '丙', '丁']])), allBuiltinProfiles());

  test.each([
    ['第三届（2025年度）“上海质量工匠”培养选树推荐汇总表', 'sqc-2025'],
    ['第二屆(2024年度)“上海質量工匠”培養選樹推薦匯總表', 'sqc-2024'],
    ['關(guān)于開展第二屆(2024年度)“上海質(zhì)量工匠”培養(yǎng)選樹', 'sqc-2024'],
    ['2024年度“上海工匠”申报审批表', 'sh-craftsman-2024'],
    ['“青浦工匠”推荐汇总表', 'qingpu-2018'],
  ])('%s → %s', (title, id) => {
    const d = detect(title)!;
    expect(d.profile.id).toBe(id);
    expect(d.how).toBe('title');
    expect(d.evidence).toBe(title);
  });

  test('without a title, the headers decide and the newest fitting programme wins', () => {
    const d = detectProgram(book(sheet('s', [SUMMARY_HEADER, [1, '甲', '乙', '丙', '丁']])), allBuiltinProfiles())!;
    expect(d.how).toBe('headers');
    expect(d.profile.id).toBe('sqc-2025');
  });

  test('nothing recognisable → undefined', () => {
    expect(detectProgram(book(sheet('s', [['hello']])), allBuiltinProfiles())).toBeUndefined();
  });
});
