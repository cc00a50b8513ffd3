/** The rules over real layouts: blocks, cross-checks across them, names typed two ways, ranks per unit, hidden rows, honours. */
import { builtinProfile } from '../../../src/core/profiles/builtin-profiles';
import { validateWorkbook } from '../../../src/core/rules/validate-workbook';
import { CellValue } from '../../../src/core/model/grid';
import { Finding } from '../../../src/core/model/findings';
import { book, sheet, validId } from '../../support/grid';

const AS_OF = { y: 2025, m: 3, d: 1 };
const HEADER = ['序号', '所在单位名称', '姓名', '所在岗位名称', '职务、职称/技能等级'];
const DETAILS = ['姓名', '性别', '身份证', '工作单位', '技能等级'];
/** Findings as 'sheet!cell rule', leaving out the details' missing columns (the tests' details are narrow). */
const ruleList = (fs: Finding[]) => fs.filter((f) => f.rule !== 'table.missing-column').map((f) => `${f.sheet}!${f.cell} ${f.rule}`);
const footer = (unit: string): CellValue[][] => [[`推荐单位（加盖公章）：${unit}`], ['联系人：陈洁'], ['联系电话：021-55885591'], ['邮箱：chenjie@example.com']];
const block = (unit: string, rows: CellValue[][], foot = footer(unit)): CellValue[][] => [['“上海质量工匠”推荐汇总表'], HEADER, ...rows, ...foot, []];

let seq = 100;
function person(name: string, unit: string, sex: '男' | '女' = '男'): CellValue[] {
  seq += 2;
  const first17 = `3101011985030${String(seq).padStart(3, '0')}`.slice(0, 16) + (sex === '男' ? '1' : '2');
  return [name, sex, validId(first17), unit, '技师'];
}

function check(program: string, ...sheets: ReturnType<typeof sheet>[]) {
  return validateWorkbook(book(...sheets), builtinProfile(program)!, { asOf: AS_OF });
}

describe('blocks of one sheet', () => {
  const summary = sheet('汇总', [
    ...block('甲局', [[1, '上海甲公司', '张一', '车间', '技师'], [2, '上海甲公司', '张二', '车间', '技师']]),
    ...block('乙局', [[1, '上海乙公司', '李一', '车间', '技师']], [['推荐单位（加盖公章）：乙局'], ['联系人：陈洁'], ['联系电话：021-55885591']]),
    ...block('丙局', [[1, '上海丙公司', '王一', '车间', '技师'], [2, '上海甲公司', '张二', '车间', '技师']]),
  ]);
  const details = sheet('明细', [DETAILS, person('张一', '上海甲公司'), person('张二', '上海甲公司'), person('李一', '上海乙公司'), person('王一', '上海丙公司')]);
  const r = check('sqc-2025', summary, details);

  test('every block is checked and cross-checked: no one is missing from the details', () => {
    expect(r.tables.filter((t) => t.kind === 'summary').map((t) => t.nominees)).toEqual([2, 1, 2]);
    expect(r.findings.filter((f) => f.rule.startsWith('cross.'))).toEqual([]);
  });

  test('each block’s footer is checked, and the finding names the block', () => {
    const missing = r.findings.filter((f) => f.rule === 'footer.missing');
    expect(missing.map((f) => f.cell)).toEqual(['A13']);
    expect(missing[0].message.zh).toContain('第 2 块（乙局）');
  });

  test('duplicates across blocks, said with the block of the first row', () => {
    const dup = r.findings.filter((f) => f.rule === 'duplicate.name');
    expect(dup.map((f) => f.cell)).toEqual(['C20']);
    expect(dup[0].message.zh).toContain('第 1 块（甲局）的第 4 行');
  });

  test('serial numbers start again in each block', () => {
    expect(r.findings.filter((f) => f.rule.startsWith('serial.'))).toEqual([]);
  });
});

describe('names typed two ways', () => {
  const summaryOf = (rows: CellValue[][]) => sheet('汇总', block('甲局', rows));

  test('Traditional characters, spaces, width and the middle dot compare as one name', () => {
    const r = check(
      'sqc-2025',
      summaryOf([
        [1, '上海甲公司', '陳華明', '车间', '高級技師'],
        [2, '上海甲公司', '阿依古丽·买买提', '车间', '技师'],
        [3, '上海甲公司', 'Ｌｉ Ｍｉｎｇ', '车间', '技师'],
      ]),
      sheet('明细', [DETAILS, person('陈华明', '上海甲公司'), person('阿依古丽•买买提', '上海甲公司'), person('Li Ming', '上海甲公司')].map((row, i) => (i === 1 ? [...row.slice(0, 4), '高级技师'] : row))),
    );
    expect(ruleList(r.findings)).toEqual([]);
  });

  test('ticked options separated with full-width or other marks are each an option; a wrong one is still named', () => {
    const H = ['姓名', '性别', '身份证', '是否曾获劳模称号'];
    const r = check(
      'sqc-2025',
      sheet('申报信息', [
        H,
        ['甲', '女', validId('31010119850307002'), '上海劳模／全国五一'],
        ['乙', '男', validId('31010119850307011'), '全國勞模＋全国五一'],
        ['丙', '男', validId('31010119850307029'), '上海劳模｜全国劳模'],
        ['丁', '男', validId('31010119850307037'), '上海劳模／区劳模'],
      ]),
    );
    expect(r.findings.filter((f) => f.col === 3).map((f) => `${f.cell} ${f.rule}`)).toEqual(['D5 field.option']);
    expect(r.findings.find((f) => f.cell === 'D5')!.message.zh).toContain('区劳模');
  });

  test('one character apart in the same unit: one finding, not two', () => {
    const r = check('sqc-2025', summaryOf([[1, '上海甲公司', '王晓明', '车间', '技师']]), sheet('明细', [DETAILS, person('王小明', '上海甲公司')]));
    expect(ruleList(r.findings)).toEqual(['汇总!C3 cross.name-differs']);
    expect(r.findings[0].message.zh).toContain('“王晓明”');
    expect(r.findings[0].message.zh).toContain('“王小明”');
    expect(r.findings[0].severity).toBe('error');
  });

  test('one character apart in different units, or further apart: two findings as before', () => {
    const r = check('sqc-2025', summaryOf([[1, '上海甲公司', '王晓明', '车间', '技师'], [2, '上海甲公司', '赵一', '车间', '技师']]), sheet('明细', [DETAILS, person('王小明', '上海乙公司'), person('钱二', '上海甲公司')]));
    expect(ruleList(r.findings).sort()).toEqual(['明细!A2 cross.missing-summary', '明细!A3 cross.missing-summary', '汇总!C3 cross.missing-details', '汇总!C4 cross.missing-details']);
  });
});

describe('Qingpu: ranks per recommending unit', () => {
  const qp = (rows: CellValue[][]) =>
    validateWorkbook(
      book(sheet('汇总', [['“青浦工匠”推荐汇总表'], ['排序', '推荐单位', '所在单位名称', '姓名', '所在岗位名称', '职务、职称/技能等级'], ...rows, ...footer('青浦区总工会')])),
      builtinProfile('qingpu-2018')!,
      { asOf: { y: 2018, m: 9, d: 1 } },
    );

  test('each unit ranks from 1; a rank twice within a unit is an error naming the unit', () => {
    const r = qp([
      [1, '华新镇总工会', '甲公司', '张一', '车间', '技师'],
      [2, '华新镇总工会', '甲公司', '张二', '车间', '技师'],
      [1, '赵巷镇总工会', '乙公司', '李一', '车间', '技师'],
      [1, '赵巷镇总工会', '乙公司', '李二', '车间', '技师'],
    ]);
    expect(ruleList(r.findings)).toEqual(['汇总!A6 serial.rank-duplicate']);
    expect(r.findings[0].message.zh).toContain('推荐单位“赵巷镇总工会”的排序 1');
  });

  test('ranks running on across units are fine too', () => {
    const r = qp([
      [1, '华新镇总工会', '甲公司', '张一', '车间', '技师'],
      [2, '赵巷镇总工会', '乙公司', '李一', '车间', '技师'],
    ]);
    expect(ruleList(r.findings)).toEqual([]);
  });
});

describe('hidden rows', () => {
  test('checked; the finding says the row is hidden; one note lists the hidden rows', () => {
    const s = sheet('明细', [DETAILS, person('张一', '上海甲公司'), ['张二', '男', '31010119850307001X', '上海甲公司', '技师'], person('张三', '上海甲公司')]);
    s.hiddenRows = [2];
    const r = check('sqc-2025', s);
    const onRow = r.findings.filter((f) => f.row === 2);
    expect(onRow.map((f) => f.rule).sort()).toEqual(['id.checksum', 'table.hidden-rows']);
    const id = onRow.find((f) => f.rule === 'id.checksum')!;
    expect(id.message.zh).toMatch(/（此行已隐藏）$/);
    expect(id.hidden).toBe('row');
    expect(onRow.find((f) => f.rule === 'table.hidden-rows')!.message.zh).toContain('第 3 行');
  });

  test('a finding on a hidden sheet says the sheet is hidden; one note says the sheet was checked', () => {
    const s = sheet('明细', [DETAILS, ['张二', '男', '31010119850307001X', '上海甲公司', '技师']]);
    s.hidden = true;
    const r = check('sqc-2025', s);
    const id = r.findings.find((f) => f.rule === 'id.checksum')!;
    expect(id.hidden).toBe('sheet');
    expect(id.message.zh).toMatch(/（工作表已隐藏）$/);
    expect(id.message.en).toMatch(/\(the sheet is hidden\)$/);
    expect(r.findings.find((f) => f.rule === 'table.hidden-sheet')!.message.zh).toContain('工作表“明细”被隐藏');
  });
});

describe('honours as the notices mean them', () => {
  const H = ['姓名', '性别', '身份证', '职务', '曾经获得的荣誉/成果', '是否获得专利', '详细事迹材料'];
  const rules = (program: string, honours: string) => {
    const grid = book(sheet('申报信息', [H, ['甲', '女', validId('31010119850307002'), '班组长', honours, '是', '事迹'.repeat(500)]]));
    return validateWorkbook(grid, builtinProfile(program)!, { asOf: AS_OF }).findings.filter((f) => f.cell === 'E2').map((f) => f.rule);
  };

  test.each([
    ['2019年 上海市总工会 上海市职工技术创新能手', true],
    ['2019年 上海市總工會 上海市職工技術創新能手', true],
    ['上海市“十大工人发明家”', true],
    ['2019年 市级职工科技创新标兵', true],
    ['2019年 青浦区总工会 青浦区职工技术创新能手', false],
    ['2019年 上海市青浦区职工技术创新能手', false],
    ['2019年 青浦區職工技術創新能手', false],
    ['2020年 上海申江机械有限公司职工技术创新能手', false],
  ])('青浦: %j excluded: %s', (honours, excluded) => {
    expect(rules('qingpu-2018', honours).includes('qingpu.excluded-honour')).toBe(excluded);
  });

  test.each([
    ['2022年 青浦工匠', true],
    ['2022年 青浦区工匠', true],
    ['2022年 上海市青浦区工匠', true],
    ['2022年 浦东新区工匠', true],
    ['2022年 浦东工匠', true],
    ['2022年 区级工匠', true],
    ['2022年 青浦區“工匠”', true],
    ['2022年 松江区十佳工匠', true],
    // Quotes, full-width forms and spaces of every kind inside the title are read through.
    ['2022年 松江区《十佳》工匠', true],
    ['2022年 松江区「十佳」工匠', true],
    ['2022年 松江区＂十佳＂工匠', true],
    ['2022年 松江区\u3000十佳\t工匠', true],
    ['2022年 松江区\u00a0十佳 工匠', true],
    ['2022年 松江区【十佳】工匠', false],
    ['2022年 上海工匠', false],
    ['2023年 上海质量工匠', false],
    ['2023年 浦东新区工匠学院优秀学员', false],
    ['弘扬工匠精神先进个人（青浦区）', false],
  ])('上海质量工匠: %j is a district craftsman title: %s', (honours, excluded) => {
    expect(rules('sqc-2025', honours).includes('sqc.already-local-craftsman')).toBe(excluded);
  });
});

describe('names across the sheets of a tracking workbook', () => {
  test('a trainee typed with another dot, spaces or Traditional characters is the same trainee', () => {
    const d = (y: number, m: number, day: number) => new Date(Date.UTC(y, m - 1, day));
    const grid = book(
      sheet('培育对象清单', [
        ['姓名', '性别', '身份证号码', '单位', '培育开始日期', '培育结束日期'],
        ['阿依古丽·买买提', '女', validId('65010219900101002'), '上海甲公司', d(2026, 1, 1), d(2026, 12, 31)],
        ['陈华明', '男', validId('31010119850307001'), '上海乙公司', d(2026, 1, 1), d(2026, 12, 31)],
      ]),
      sheet('培育档案', [
        ['培育对象', '活动日期', '活动类型', '活动内容', '学时'],
        ['阿依古丽•买买提', d(2026, 3, 1), '培训', '质量管理培训', 4],
        ['陳華明', d(2026, 3, 2), '培训', '质量管理培训', 4],
        ['王小二', d(2026, 3, 2), '培训', '质量管理培训', 4],
      ]),
    );
    const r = validateWorkbook(grid, builtinProfile('sqc-cultivation-2026')!, { asOf: { y: 2026, m: 6, d: 1 } });
    expect(r.findings.filter((f) => f.rule === 'cultivation.unknown-trainee').map((f) => `${f.sheet}!${f.cell}`)).toEqual(['培育档案!A4']);
  });
});
