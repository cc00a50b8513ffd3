/** Layouts people really send: several blocks in one sheet, rows that are not nominees, footers and headers as typed. */
import { builtinProfile } from '../../../src/core/profiles/builtin-profiles';
import { classifyRow } from '../../../src/core/recognition/row-kinds';
import { fieldText, recognizeSheet, recognizeSheetTables } from '../../../src/core/recognition/recognize-tables';
import { CellValue } from '../../../src/core/model/grid';
import { ruleLastRow } from '../../../src/core/check/input-rules';
import { sheet } from '../../support/grid';

const sqc = builtinProfile('sqc-2025')!;
const HEADER = ['序号', '所在单位名称', '姓名', '所在岗位名称', '职务、职称/技能等级'];
const TITLE = '第三届（2025年度）“上海质量工匠”培养选树推荐汇总表';

function unitBlock(unit: string, people: string[], footer: CellValue[][] = defaultFooter(unit)): CellValue[][] {
  return [[TITLE], HEADER, ...people.map((p, i) => [i + 1, '上海甲有限公司', p, '车间', '技师']), ...footer];
}
function defaultFooter(unit: string): CellValue[][] {
  return [[`推荐单位（加盖公章）：${unit}`], ['联系人：陈洁', null, '联系电话：021-55885591'], ['邮箱：chenjie@example.com']];
}

describe('several blocks in one sheet', () => {
  const rows = [...unitBlock('浦东新区市场监管局', ['张一', '张二']), [], ...unitBlock('闵行区总工会', ['李一']), [], [], ...unitBlock('上海电气集团', ['王一', '王二', '王三'])];
  const tables = recognizeSheetTables(sheet('汇总', rows), sqc);

  test('every block is found, with its rows, title and footer', () => {
    expect(tables.map((t) => t.kind)).toEqual(['summary', 'summary', 'summary']);
    expect(tables.map((t) => t.dataRows.map((r) => rows[r][2]))).toEqual([['张一', '张二'], ['李一'], ['王一', '王二', '王三']]);
    expect(tables.map((t) => t.footer?.unit?.value)).toEqual(['浦东新区市场监管局', '闵行区总工会', '上海电气集团']);
    expect(tables.every((t) => t.footer?.email?.value === 'chenjie@example.com')).toBe(true);
    expect(tables[1].title).toBe(TITLE);
  });

  test('blocks are numbered and named after their footer’s unit', () => {
    expect(tables.map((t) => t.block)).toEqual([
      { index: 1, count: 3, label: '浦东新区市场监管局' },
      { index: 2, count: 3, label: '闵行区总工会' },
      { index: 3, count: 3, label: '上海电气集团' },
    ]);
  });

  test('each block knows where the next one starts: Excel input rules stop above it', () => {
    expect(tables.map((t) => t.nextStart)).toEqual([8, 16, undefined]);
    // Block 1: rows 2–3, its footer from row 4, the next block's title on row 8.
    expect(ruleLastRow(tables[0], 200)).toBe(3);
    expect(ruleLastRow({ ...tables[0], footer: {} }, 200)).toBe(7);
    expect(ruleLastRow(tables[2], 200)).toBe(tables[2].footer!.unit!.row - 1);
  });

  test('a block without footer lines does not take the next block’s', () => {
    const r = [...unitBlock('甲局', ['张一'], []), [], ...unitBlock('乙局', ['李一'])];
    const [a, b] = recognizeSheetTables(sheet('s', r), sqc);
    expect(a.footer).toEqual({});
    expect(b.footer?.unit?.value).toBe('乙局');
  });

  test('the header repeated straight under the rows (a printed page’s header) does not start a block', () => {
    const r = [[TITLE], HEADER, [1, '甲', '张一', '车间', '技师'], HEADER, [2, '甲', '张二', '车间', '技师'], ...defaultFooter('甲局')];
    const t = recognizeSheetTables(sheet('s', r), sqc);
    expect(t).toHaveLength(1);
    expect(t[0].dataRows).toEqual([2, 4]);
  });

  test('rows pasted under a footer without their header continue the columns above as a block of their own', () => {
    const r = [...unitBlock('甲局', ['张一']), [1, '上海乙公司', '李一', '车间', '技师'], [2, '上海乙公司', '李二', '车间', '技师'], ...defaultFooter('乙局')];
    const t = recognizeSheetTables(sheet('s', r), sqc);
    expect(t.map((x) => x.dataRows.map((row) => r[row][2]))).toEqual([['张一'], ['李一', '李二']]);
    expect(t[1].continued).toBe(true);
    expect(t[1].footer?.unit?.value).toBe('乙局');
  });
});

describe('rows that are not nominees', () => {
  test.each<[string, CellValue[], ReturnType<typeof classifyRow>]>([
    ['a total', ['合计', null, '3人'], 'total'],
    ['a total in the second cell', [null, '合 计', null, '3'], 'total'],
    ['共 N 人', ['共3人'], 'total'],
    ['以下空白', ['（以下空白）'], 'total'],
    ['a note', ['注：1. 请按推荐顺序填写'], 'note'],
    ['a numbered note line', ['2、身份证号请以文本格式填写'], 'note'],
    ['a signature line', ['填表人：', '张华', '审核人：', '李明'], 'footer'],
    ['a date line', [null, null, '2025年3月1日'], 'date'],
    ['an empty date line', ['    年   月   日'], 'date'],
    ['a date cell alone (an activity log row with only its date)', [new Date(Date.UTC(2026, 2, 1))], 'data'],
    ['a stamp line', ['（盖章）'], 'footer'],
    ['traditional labels', ['聯繫人：林曉'], 'footer'],
    ['a title', ['上海电气集团推荐名单'], 'title'],
    ['a blank row', [null, ' ', '\u3000'], 'blank'],
    ['a nominee', [1, '上海甲有限公司', '单伟', '车间', '技师'], 'data'],
  ])('%s', (_, cells, kind) => {
    expect(classifyRow(cells, 2)).toBe(kind);
  });

  test('a one-cell row outside the name column is a section label; in the name column a nominee', () => {
    expect(classifyRow([null, '浦东新区'], 2)).toBe('section');
    expect(classifyRow([null, null, '张一'], 2)).toBe('data');
  });

  test('totals, notes, signatures and blank separators inside and under a table are left out', () => {
    const r = [
      [TITLE],
      HEADER,
      [1, '甲', '张一', '车间', '技师'],
      [],
      [null, '浦东新区'],
      [2, '甲', '张二', '车间', '技师'],
      ['小计', null, '2人'],
      [3, '乙', '张三', '车间', '技师'],
      ['合计', null, '共3人'],
      ['注：以上人员均为在职职工'],
      ['2、排名不分先后'],
      ['推荐单位（盖章）：甲局'],
      ['联系人：', '陈洁', '电话：', '13812345678', 'E-mail：', 'a@b.cn'],
      ['填表人：张华', null, null, '2025年3月1日'],
    ];
    const t = recognizeSheet(sheet('s', r), sqc)!;
    expect(t.dataRows).toEqual([2, 5, 7]);
    expect(t.skippedRows).toEqual([4, 6, 8, 9, 10]);
    expect(t.footer?.phone?.value).toBe('13812345678');
  });
});

describe('footers as people type them', () => {
  const footerOf = (lines: CellValue[][]) => recognizeSheet(sheet('s', [HEADER, [1, '甲', '张一', '车间', '技师'], [], ...lines]), sqc)!.footer!;

  test('several labels in one cell', () => {
    const f = footerOf([['推荐单位（盖章）：上海市某区市场监督管理局'], ['联系人：林晓  电话：021-55885591  邮箱：linxiao@example.com']]);
    expect(f.contact).toMatchObject({ row: 4, col: 0, value: '林晓' });
    expect(f.phone).toMatchObject({ row: 4, col: 0, value: '021-55885591' });
    expect(f.email).toMatchObject({ value: 'linxiao@example.com' });
  });

  test.each([
    ['手机：', 'phone'],
    ['联系方式：', 'phone'],
    ['联系电话', 'phone'],
    ['电子邮箱：', 'email'],
    ['E-mail:', 'email'],
    ['Ｅｍａｉｌ：', 'email'],
    ['联 系 人：', 'contact'],
    ['郵箱：', 'email'],
  ])('label %j, value in the next cell', (label, key) => {
    const f = footerOf([[label, null, 'v1']]);
    expect(f[key as 'phone']).toMatchObject({ col: 2, value: 'v1' });
  });

  test('"联系人及电话：" gives the contact and the phone', () => {
    const f = footerOf([['联系人及电话：林晓 13812345678']]);
    expect(f.contact?.value).toBe('林晓');
    expect(f.phone?.value).toBe('13812345678');
  });

  test('a label inside a unit’s name is not a label', () => {
    const f = footerOf([['推荐单位：上海电话机厂']]);
    expect(f.unit?.value).toBe('上海电话机厂');
    expect(f.phone).toBeUndefined();
  });

  test('lines above the header count when the table has none below', () => {
    const t = recognizeSheet(sheet('s', [[TITLE], ['填报单位（盖章）：甲局', null, '联系人：陈洁', null, '电话：13812345678'], HEADER, [1, '甲', '张一', '车间', '技师'], ['邮箱：a@b.cn']]), sqc)!;
    expect(t.footer?.unit?.value).toBe('甲局');
    expect(t.footer?.contact?.value).toBe('陈洁');
    expect(t.footer?.email?.value).toBe('a@b.cn');
  });
});

describe('header variants', () => {
  test('职务 | 职称/技能等级 for 职务、职称/技能等级, read together', () => {
    const t = recognizeSheet(sheet('s', [['序号', '所在单位名称', '姓名', '所在岗位名称', '职务', '职称/技能等级'], [1, '甲', '张一', '车间', '班组长', '高级技师']]), sqc)!;
    expect(t.colOf.get('titleSummary')).toBe(4);
    expect(t.parts.get('titleSummary')).toEqual([4, 5]);
    expect(t.missing).toEqual([]);
    expect(fieldText(t, 1, 'titleSummary')).toBe('班组长、高级技师');
  });

  test('the split under a merged header cell: a two-row header', () => {
    const t = recognizeSheet(sheet('s', [[...HEADER, null], [null, null, null, null, '职务', '职称/技能等级'], [1, '甲', '张一', '车间', '班组长', '技师']]), sqc)!;
    expect(t.headerRow).toBe(1);
    expect(t.parts.get('titleSummary')).toEqual([4, 5]);
    expect(t.dataRows).toEqual([2]);
  });

  test('联系电话 for 手机号码 where the profile says so, checked as a contact phone', () => {
    const t = recognizeSheet(sheet('s', [['姓名', '性别', '身份证号码', '联系电话'], ['甲', '男', 'x', '021-55885591']]), sqc)!;
    const b = t.columns.find((c) => c.col === 3)!;
    expect(b.field.key).toBe('mobile');
    expect(b.field.type).toBe('phone');
    const mobile = recognizeSheet(sheet('s', [['姓名', '性别', '身份证号码', '手机号码'], ['甲', '男', 'x', '1']]), sqc)!;
    expect(mobile.columns.find((c) => c.col === 3)!.field.type).toBe('mobile');
  });

  test('日期 / 时间 in every profile; a user profile adds its own synonyms', () => {
    const cult = builtinProfile('sqc-cultivation-2026')!;
    const t = recognizeSheet(sheet('s', [['活动时间', '培育对象', '活动类型', '活动内容', '学时'], ['2026-03-01', '甲', '培训', 'x', 4]]), cult)!;
    expect(t.colOf.get('activityDate')).toBe(0);
    const own = { ...sqc, headerSynonyms: [['工作单位', '就业单位']] };
    expect(recognizeSheet(sheet('s', [['姓名', '性别', '身份证', '就业单位'], ['甲', '男', 'x', 'y']]), own)!.colOf.get('unit')).toBe(3);
    expect(recognizeSheet(sheet('s', [['姓名', '性别', '身份证', '就业单位'], ['甲', '男', 'x', 'y']]), sqc)!.colOf.has('unit')).toBe(false);
  });
});
