import { builtinProfile } from '../../../src/core/profiles/builtin-profiles';
import { NoTableError, validateWorkbook } from '../../../src/core/rules/validate-workbook';
import { CellValue } from '../../../src/core/model/grid';
import { Finding } from '../../../src/core/model/findings';
import { book, sheet, validId } from '../../support/grid';

const AS_OF = { y: 2025, m: 3, d: 1 };
const LIN_ID = validId('31010119850307002'); // female, born 1985-03-07
const WANG_ID = validId('31010519800512001'); // male, born 1980-05-12

/** A details table of the given columns; rows are objects keyed by header label. */
function details(program: string, headers: string[], rows: Record<string, CellValue>[], extraSheets: ReturnType<typeof sheet>[] = []) {
  const grid = book(sheet('申报信息', [headers, ...rows.map((r) => headers.map((h) => (h in r ? r[h] : null)))]), ...extraSheets);
  return validateWorkbook(grid, builtinProfile(program)!, { asOf: AS_OF });
}

const rulesAt = (fs: Finding[], cell: string) => fs.filter((f) => f.cell === cell).map((f) => f.rule);
const BASIC = ['姓名', '性别', '身份证', '手机号码', '工作年限'];

describe('cell rules', () => {
  test('a clean row has no findings except missing columns', () => {
    const r = details('sqc-2025', BASIC, [{ 姓名: '林晓', 性别: '女', 身份证: LIN_ID, 手机号码: '13812345678', 工作年限: '15年' }]);
    expect(r.findings.map((f) => f.rule)).toEqual(['table.missing-column']);
    expect(r.findings[0].cell).toBe('A1');
  });

  test('required empty cell → error at the cell; optional empty → nothing', () => {
    const r = details('sqc-2025', [...BASIC, '政治面貌', '申报表原件'], [{ 姓名: '林晓', 性别: '女', 身份证: LIN_ID, 手机号码: '13812345678', 工作年限: 15, 政治面貌: '  ' }]);
    expect(rulesAt(r.findings, 'F2')).toEqual(['field.required']);
    expect(rulesAt(r.findings, 'G2')).toEqual([]);
  });

  test('options: exact, alias, traditional, ticked box, and a wrong value listing the choices', () => {
    const headers = ['姓名', '性别', '身份证', '技能等级', '职称', '是否曾获劳模称号', '户籍属性'];
    const r = details('sqc-2025', headers, [
      { 姓名: '甲', 性别: '女', 身份证: LIN_ID, 技能等级: '高級技師', 职称: '高级工程师', 是否曾获劳模称号: '上海劳模、全国五一', 户籍属性: '☑非农业户口' },
      { 姓名: '乙', 性别: '男', 身份证: WANG_ID, 技能等级: '高级技工', 职称: '无', 是否曾获劳模称号: '否、全国劳模', 户籍属性: '城市' },
    ]);
    expect(rulesAt(r.findings, 'D2')).toEqual([]);
    expect(rulesAt(r.findings, 'E2')).toEqual([]);
    expect(rulesAt(r.findings, 'F2')).toEqual([]);
    expect(rulesAt(r.findings, 'G2')).toEqual([]);
    const wrong = r.findings.find((f) => f.cell === 'D3')!;
    expect(wrong.rule).toBe('field.option');
    expect(wrong.message.zh).toContain('高级技师 / 技师 / 高级工 / 中级工 / 初级工 / 无');
    expect(rulesAt(r.findings, 'F3')).toEqual(['field.option-contradiction']);
    expect(rulesAt(r.findings, 'G3')).toEqual(['field.option']);
  });

  test('a formula error in a checked column', () => {
    const r = details('sqc-2025', BASIC, [{ 姓名: '林晓', 性别: '女', 身份证: LIN_ID, 手机号码: '13812345678', 工作年限: { error: '#DIV/0!' } }]);
    const f = r.findings.find((x) => x.cell === 'E2')!;
    expect(f.rule).toBe('cell.formula-error');
    expect(f.message.zh).toContain('#DIV/0!');
  });

  test('工匠精神: exactly 100 字 is fine, 101 is an error', () => {
    const headers = ['姓名', '性别', '身份证', '对“工匠精神”的理解'];
    const r = details('sqc-2025', headers, [
      { 姓名: '甲', 性别: '女', 身份证: LIN_ID, '对“工匠精神”的理解': '匠'.repeat(50) + ' \n' + '心'.repeat(50) },
      { 姓名: '乙', 性别: '男', 身份证: WANG_ID, '对“工匠精神”的理解': '匠'.repeat(101) },
    ]);
    expect(rulesAt(r.findings, 'D2')).toEqual([]);
    expect(rulesAt(r.findings, 'D3')).toEqual(['text.too-long']);
  });

  test('tolerated input: full-width digits, spaces and dashes in phones, lower-case x', () => {
    const xId = validId('11010519491231002');
    expect(xId.endsWith('X')).toBe(true);
    const r = details('sqc-2025', BASIC, [{ 姓名: '甲', 性别: '女', 身份证: xId.toLowerCase(), 手机号码: '１３８-1234 5678', 工作年限: '１５' }]);
    expect(r.findings.filter((f) => f.row === 1 && f.rule !== 'age.retired')).toEqual([]);
  });
});

describe('row rules', () => {
  test('sex must agree with the ID', () => {
    const r = details('sqc-2025', BASIC, [{ 姓名: '林晓', 性别: '男', 身份证: LIN_ID, 手机号码: '13812345678', 工作年限: 10 }]);
    expect(rulesAt(r.findings, 'B2')).toEqual(['id.sex-mismatch']);
  });

  test('age: 16 is old enough, 15 is not', () => {
    const sixteen = validId('31010120090301001'); // 16 on 2025-03-01 exactly
    const fifteen = validId('31010120090302001');
    const r = details('sqc-2025', BASIC, [
      { 姓名: '甲', 性别: '男', 身份证: sixteen, 手机号码: '13812345678', 工作年限: 0 },
      { 姓名: '乙', 性别: '男', 身份证: fifteen, 手机号码: '13812345678', 工作年限: 0 },
    ]);
    expect(rulesAt(r.findings, 'C2')).toEqual([]);
    expect(rulesAt(r.findings, 'C3')).toEqual(['age.too-young']);
  });

  test('retirement under the 2025 reform: a man born 1964-12 retired at 60 in 2024-12', () => {
    const r = details('sqc-2025', BASIC, [
      { 姓名: '甲', 性别: '男', 身份证: validId('31010119641201001'), 手机号码: '13812345678', 工作年限: 30 },
      { 姓名: '乙', 性别: '男', 身份证: validId('31010119650401001'), 手机号码: '13812345678', 工作年限: 30 }, // 60y1m → 2025-05-01
    ]);
    expect(rulesAt(r.findings, 'C2')).toEqual(['age.retired']);
    expect(rulesAt(r.findings, 'C3')).toEqual([]);
  });

  test('身份 picks the female category: a 52-year-old cadre is in service, a worker may be retired', () => {
    const born1973 = validId('31010119730101002');
    const r = details('sqc-2025', [...BASIC, '身份'], [
      { 姓名: '甲', 性别: '女', 身份证: born1973, 手机号码: '13812345678', 工作年限: 30, 身份: '专业技术人员' },
      { 姓名: '乙', 性别: '女', 身份证: born1973, 手机号码: '13812345678', 工作年限: 30, 身份: '普通工人' },
    ]);
    expect(rulesAt(r.findings, 'C2')).toEqual([]);
    expect(rulesAt(r.findings, 'C3')).toContain('age.retired');
  });

  test('工作年限 cannot exceed age minus 16; "15年" is 15', () => {
    // 39 years old on 2025-03-01 → at most 23 years
    const r = details('sqc-2025', BASIC, [
      { 姓名: '甲', 性别: '女', 身份证: LIN_ID, 手机号码: '13812345678', 工作年限: '23年' },
      { 姓名: '乙', 性别: '女', 身份证: validId('31010119850307004'), 手机号码: '13812345678', 工作年限: 24 },
    ]);
    expect(rulesAt(r.findings, 'E2')).toEqual([]);
    const f = r.findings.find((x) => x.cell === 'E3')!;
    expect(f.rule).toBe('years.exceeds-age');
    expect(f.message.zh).toContain('最多 23 年');
  });

  test('是否获得专利 must agree with the counts, both ways', () => {
    const headers = ['姓名', '性别', '身份证', '是否获得专利', '发明专利数', '实用新型专利数', '外观设计专利数'];
    const r = details('sqc-2025', headers, [
      { 姓名: '甲', 性别: '女', 身份证: LIN_ID, 是否获得专利: '否', 发明专利数: 2, 实用新型专利数: 0, 外观设计专利数: 0 },
      { 姓名: '乙', 性别: '男', 身份证: WANG_ID, 是否获得专利: '是', 发明专利数: 0, 实用新型专利数: '0', 外观设计专利数: '0项' },
      { 姓名: '丙', 性别: '男', 身份证: validId('31010519800512003'), 是否获得专利: '√', 发明专利数: 1, 实用新型专利数: 0, 外观设计专利数: 0 },
    ]);
    expect(rulesAt(r.findings, 'D2')).toEqual(['patent.contradiction']);
    expect(rulesAt(r.findings, 'D3')).toEqual(['patent.contradiction']);
    expect(rulesAt(r.findings, 'D4')).toEqual([]);
  });

  test('a force with indicator columns but none filled is a warning at its first indicator', () => {
    const headers = ['姓名', '性别', '身份证', '勇挑重担', '追求卓越', '示范带动', '技能精湛'];
    const r = details('sqc-2025', headers, [{ 姓名: '甲', 性别: '女', 身份证: LIN_ID, 技能精湛: '十年钳工' }]);
    expect(rulesAt(r.findings, 'D2')).toEqual(['forces.none-claimed']);
    expect(r.findings.filter((f) => f.rule === 'forces.none-claimed')).toHaveLength(1); // 实践力 has one filled
  });
});

describe('table rules', () => {
  test('the same ID twice is an error on the second; same name and unit a warning', () => {
    const headers = ['姓名', '性别', '身份证', '工作单位'];
    const r = details('sqc-2025', headers, [
      { 姓名: '林晓', 性别: '女', 身份证: LIN_ID, 工作单位: '甲公司' },
      { 姓名: '林晓', 性别: '女', 身份证: LIN_ID.toLowerCase(), 工作单位: '甲公司 ' },
    ]);
    expect(rulesAt(r.findings, 'C3')).toEqual(['duplicate.id']);
    expect(rulesAt(r.findings, 'A3')).toEqual(['duplicate.name']);
    expect(r.findings.find((f) => f.rule === 'duplicate.id')!.message.zh).toContain('第 2 行');
  });

  test('a table with only its header is reported; an unknown workbook throws NoTableError', () => {
    const r = details('sqc-2025', BASIC, []);
    expect(r.findings.map((f) => f.rule)).toContain('table.empty');
    expect(() => validateWorkbook(book(sheet('s', [['hello']])), builtinProfile('sqc-2025')!, { asOf: AS_OF })).toThrow(NoTableError);
  });

  test('a table on a hidden sheet is checked and said to be hidden', () => {
    const grid = book(sheet('隐藏', [BASIC, ['林晓', '女', LIN_ID, '13812345678', 10]], true));
    const r = validateWorkbook(grid, builtinProfile('sqc-2025')!, { asOf: AS_OF });
    expect(r.findings.map((f) => f.rule)).toContain('table.hidden-sheet');
  });
});

const SUMMARY_HEADER = ['序号', '所在单位名称', '姓名', '所在岗位名称', '职务、职称/技能等级'];
const GOOD_FOOTER: CellValue[][] = [[], ['推荐单位（加盖公章）：某区市场监管局'], ['联系人：陈洁'], ['联系电话：021-55885591'], ['邮箱：chenjie@example.com']];

function summary(program: string, rows: CellValue[][], footer = GOOD_FOOTER, detailSheet?: ReturnType<typeof sheet>) {
  const s = sheet('汇总表', [['推荐汇总表'], SUMMARY_HEADER, ...rows, ...footer]);
  return validateWorkbook(detailSheet ? book(s, detailSheet) : book(s), builtinProfile(program)!, { asOf: AS_OF });
}

describe('summary sheet', () => {
  test('序号 not consecutive is a warning once; duplicated 序号 a warning', () => {
    const r = summary('sqc-2025', [
      [1, '甲', '张一', '岗', '技师'],
      [2, '甲', '张二', '岗', '技师'],
      [4, '甲', '张三', '岗', '技师'],
      [4, '甲', '张四', '岗', '技师'],
    ]);
    expect(rulesAt(r.findings, 'A5')).toEqual(['serial.sequence']);
    expect(rulesAt(r.findings, 'A6')).toEqual(['serial.duplicate']);
  });

  test('Qingpu ranks the summary: a repeated rank is an error', () => {
    const r = summary('qingpu-2018', [
      [1, '甲', '张一', '岗', '技师'],
      [1, '甲', '张二', '岗', '技师'],
    ]);
    expect(r.findings.find((f) => f.cell === 'A4')).toMatchObject({ rule: 'serial.rank-duplicate', severity: 'error' });
  });

  test('footer: complete and valid → nothing; missing lines and bad values → errors', () => {
    expect(summary('sqc-2025', [[1, '甲', '张一', '岗', '技师']]).findings).toEqual([]);
    const r = summary('sqc-2025', [[1, '甲', '张一', '岗', '技师']], [[], ['推荐单位（加盖公章）：'], ['联系人：陈洁', null, '联系电话：', '123'], ['邮箱：chenjie＠example.com']]);
    const byRule = Object.fromEntries(r.findings.map((f) => [f.rule, f.cell]));
    expect(byRule).toEqual({ 'footer.empty': 'A5', 'phone.contact': 'D6', 'email.format': 'A7' });
  });

  test('a summary without any footer lists each missing line under the table', () => {
    const r = summary('sqc-2025', [[1, '甲', '张一', '岗', '技师']], []);
    expect(r.findings.filter((f) => f.rule === 'footer.missing').map((f) => f.cell)).toEqual(['A4', 'A4', 'A4', 'A4']);
  });

  test('cross-check: missing on either side, unit and title disagreeing', () => {
    const det = sheet('申报信息', [
      ['姓名', '性别', '身份证', '工作单位', '职务', '技能等级', '职称'],
      ['张一', '女', LIN_ID, '上海甲有限公司', '班组长', '高级技师', '无'],
      ['张二', '男', WANG_ID, '上海乙公司', '质量主管', '技师', '中级职称'],
      ['李四', '男', validId('31010519800512003'), '上海甲有限公司', '工人', '技师', '无'],
    ]);
    const r = summary(
      'sqc-2025',
      [
        [1, '上海甲有限公司', '张一', '车间', '班组长、高级技师'],
        // 工程师 would agree: it is a 中级职称 (an option alias); 高级工程师 is a 高级职称.
        [2, '上海乙有限公司', '张二', '质量部', '高级工程师'],
        [3, '上海丙公司', '王五', '岗', '技师'],
      ],
      GOOD_FOOTER,
      det,
    );
    const on = (sheetName: string, cell: string) => r.findings.filter((f) => f.sheet === sheetName && f.cell === cell).map((f) => f.rule);
    expect(on('汇总表', 'B3')).toEqual([]);
    expect(on('汇总表', 'E3')).toEqual([]);
    expect(on('汇总表', 'B4')).toEqual(['cross.unit-mismatch']);
    expect(on('汇总表', 'E4')).toEqual(['cross.title-mismatch']);
    expect(on('汇总表', 'C5')).toEqual(['cross.missing-details']);
    expect(on('申报信息', 'A4')).toEqual(['cross.missing-summary']);
  });
});

describe('eligibility', () => {
  const H = ['姓名', '性别', '身份证', '职务', '曾经获得的荣誉/成果', '是否获得专利', '详细事迹材料'];
  const row = (honours: string, extra: Record<string, CellValue> = {}) => ({ 姓名: '甲', 性别: '女', 身份证: LIN_ID, 职务: '班组长', '曾经获得的荣誉/成果': honours, 是否获得专利: '否', ...extra });
  const rules = (program: string, honours: string, extra: Record<string, CellValue> = {}) =>
    details(program, H, [row(honours, extra)]).findings.filter((f) => !f.rule.startsWith('table.')).map((f) => f.rule);

  test('SQC: already a district or industry craftsman → warning; 上海质量工匠 is not a district title', () => {
    expect(rules('sqc-2025', '2024年 青浦区工匠；2023年 上海市质量协会QC成果一等奖')).toEqual(['sqc.already-local-craftsman']);
    expect(rules('sqc-2025', '2023年 产业工匠；2023年 上海市质量协会QC成果一等奖')).toEqual(['sqc.already-local-craftsman']);
    expect(rules('sqc-2025', '2024年 上海质量工匠培养对象；2023年 上海市质量协会QC成果一等奖')).toEqual([]);
  });

  test('SQC 2025 looks back 3 years, SQC 2024 five', () => {
    expect(rules('sqc-2025', '2022年 上海市质量协会QC成果一等奖')).toEqual([]);
    expect(rules('sqc-2025', '2021年 上海市质量协会QC成果一等奖')).toEqual(['sqc.recent-quality-honour']);
    expect(rules('sqc-2024', '2021年 上海市质量协会QC成果一等奖')).toEqual([]);
    expect(rules('sqc-2025', '2024年 全国五一劳动奖章')).toEqual(['sqc.recent-quality-honour']); // not a quality honour
    // The year and the quality source must be in the same item: a line, or text between ；;。
    expect(rules('sqc-2025', '2023年 全国五一劳动奖章；2019年 上海市质量协会QC成果一等奖')).toEqual(['sqc.recent-quality-honour']);
    expect(rules('sqc-2025', '上海市质量协会QC成果一等奖\n2023年 全国五一劳动奖章')).toEqual(['sqc.recent-quality-honour']);
    expect(rules('sqc-2025', '全国五一劳动奖章。2023年上海市质量协会QC成果一等奖。')).toEqual([]);
    expect(rules('sqc-2025', '2019、2023年 上海市质量协会QC成果一等奖')).toEqual([]);
  });

  test('上海工匠 requires a local craftsman title', () => {
    expect(rules('sh-craftsman-2024', '2022年 上海市劳动模范')).toEqual(['sh.local-craftsman-required']);
    expect(rules('sh-craftsman-2024', '2022年 浦东工匠')).toEqual([]);
    expect(rules('sh-craftsman-2024', '弘扬工匠精神先进个人')).toEqual(['sh.local-craftsman-required']);
  });

  test('Qingpu: excluded honours are errors; a patent or a district-level innovation award is required', () => {
    const qp = (honours: string, extra: Record<string, CellValue> = {}) => rules('qingpu-2018', honours, { 是否获得专利: '否', 详细事迹材料: '事'.repeat(1000), ...extra });
    expect(qp('2016年 上海市职工技术创新能手')).toEqual(expect.arrayContaining(['qingpu.excluded-honour']));
    expect(qp('2017年 青浦区职工科技创新成果二等奖')).toEqual([]);
    expect(qp('2017年 优秀员工')).toEqual(['qingpu.patent-or-award']);
    expect(qp('2017年 优秀员工', { 是否获得专利: '是' })).toEqual([]);
  });

  test('leader posts and retirees are flagged for review', () => {
    expect(rules('sqc-2025', '2023年 上海市质量协会QC成果一等奖', { 职务: '副局长' })).toEqual(['leader-post']);
    expect(rules('sqc-2025', '2023年 上海市质量协会QC成果一等奖', { 职务: '退休返聘技术顾问' })).toEqual(['retiree']);
  });
});

describe('merged cells in the table body', () => {
  test('a unit merged down over its nominees counts for every row; a problem with it is reported once, at the top-left', () => {
    const s = sheet('申报信息', [
      ['姓名', '性别', '身份证', '工作单位', '手机号码'],
      ['甲', '女', LIN_ID, '上海甲有限公司', '13812345678'],
      ['乙', '男', WANG_ID, null, '13812345678'],
      ['丙', '男', validId('31010519800512003'), null, '13812345678'],
      ['丁', '男', validId('31010519800512005'), { error: '#REF!' }, '13812345678'],
      ['戊', '男', validId('31010519800512007'), null, '13812345678'],
    ]);
    s.merges.push({ top: 1, left: 3, bottom: 3, right: 3 }, { top: 4, left: 3, bottom: 5, right: 3 });
    const r = validateWorkbook(book(s), builtinProfile('sqc-2025')!, { asOf: AS_OF });
    const onUnit = r.findings.filter((f) => f.col === 3);
    expect(onUnit.map((f) => `${f.cell}:${f.rule}`)).toEqual(['D5:cell.formula-error']);
    expect(s.rows[2][3]).toBeNull(); // the adapter's grid is not modified
  });
});
