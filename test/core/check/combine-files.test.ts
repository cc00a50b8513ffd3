import { allBuiltinProfiles } from '../../../src/core/profiles/builtin-profiles';
import { checkWorkbook } from '../../../src/core/check/check-workbook';
import { combineFiles, FileToCombine } from '../../../src/core/check/combine-files';
import { CellValue } from '../../../src/core/model/grid';
import { book, sheet, validId } from '../../support/grid';

const TODAY = { y: 2026, m: 11, d: 22 };
const profiles = allBuiltinProfiles();
const TITLE = '第三届（2025年度）“上海质量工匠”培养选树推荐汇总表';
const SUMMARY = ['序号', '所在单位名称', '姓名', '所在岗位名称', '职务、职称/技能等级'];
const DETAILS = ['姓名', '性别', '身份证号码', '手机号码', '工作单位', '技能等级'];

interface Person {
  name: string;
  company: string;
  id?: string;
}

/** One unit's workbook: 汇总表 with a footer naming the unit, and 申报信息 with IDs. */
function unitFile(name: string, unit: string | undefined, people: Person[]): FileToCombine {
  const summary: CellValue[][] = [[TITLE], SUMMARY, ...people.map((p, i) => [i + 1, p.company, p.name, '质量部', '高级技师'])];
  summary.push([], [unit === undefined ? '推荐单位（加盖公章）：' : `推荐单位（加盖公章）：${unit}`], ['联系人：陈洁'], ['联系电话：021-55885591'], ['邮箱：chenjie@example.com']);
  const details: CellValue[][] = [DETAILS, ...people.map((p) => [p.name, '女', p.id ?? null, '13812345678', p.company, '高级技师'])];
  const grid = book(sheet('汇总表', summary), sheet('申报信息', details));
  return { name, result: checkWorkbook(grid, { profiles, asOf: '2025-03-01', today: TODAY }).result };
}

const LIN = { name: '林晓', company: '上海申江精密机械有限公司', id: validId('31010119850307002') };
const WANG = { name: '王磊', company: '上海浦江电气有限公司', id: validId('31011019800101001') };
const ZHOU = { name: '周敏', company: '上海东方仪表厂' };

test('the same ID in two units’ files is an error on both rows, naming the other file and unit', () => {
  const c = combineFiles([unitFile('甲局.xlsx', '甲区市场监督管理局', [LIN, WANG]), unitFile('乙局.xlsx', '乙区总工会', [{ ...LIN, name: '林 晓' }])]);
  expect(c.duplicates).toEqual([
    {
      by: 'id',
      places: [
        { file: 0, sheet: '申报信息', cell: 'A2', nominee: '林晓' },
        { file: 1, sheet: '申报信息', cell: 'A2', nominee: '林 晓' },
      ],
    },
  ]);
  const onA = c.files[0].findings.filter((f) => f.rule === 'duplicate.id-other-file');
  expect(onA).toHaveLength(1);
  expect(onA[0]).toMatchObject({ severity: 'error', sheet: '申报信息', cell: 'A2', nominee: '林晓' });
  expect(onA[0].message.zh).toBe('身份证号与文件“乙局.xlsx”第 2 行（林 晓，推荐单位：乙区总工会）相同：同一人只能由一个单位推荐，请与对方单位核实');
  expect(c.files[1].findings.find((f) => f.rule === 'duplicate.id-other-file')!.message.zh).toContain('文件“甲局.xlsx”第 2 行（林晓，推荐单位：甲区市场监督管理局）');
  expect(c.files[0].counts.error).toBe(c.files[0].result!.counts.error + 1);
  expect(c.worst).toBe('errors');
  expect(c.totals).toMatchObject({ files: 2, checked: 2, unusable: 0, nominees: 3, duplicates: 1 });
});

test('same name and unit: a warning only where a row has no ID; two different IDs are two people', () => {
  const noId = unitFile('甲.xlsx', '甲局', [ZHOU]);
  const withId = unitFile('乙.xlsx', '乙局', [{ ...ZHOU, id: validId('31010119700101002') }]);
  const otherId = unitFile('丙.xlsx', '丙局', [{ ...ZHOU, id: validId('31010119750101002') }]);
  const c = combineFiles([noId, withId, otherId]);
  expect(c.duplicates).toEqual([{ by: 'name', places: [expect.objectContaining({ file: 0 }), expect.objectContaining({ file: 1 }), expect.objectContaining({ file: 2 })] }]);
  const onFirst = c.files[0].findings.filter((f) => f.rule === 'duplicate.name-other-file');
  expect(onFirst.map((f) => f.message.zh)).toEqual(['姓名和单位与文件“乙.xlsx”第 2 行（周敏，推荐单位：乙局）等 2 处相同（缺少身份证号，无法确认）：如是同一人，只能由一个单位推荐']);
  expect(c.files[0].findings.find((f) => f.rule === 'duplicate.name-other-file')!.severity).toBe('warning');
  // 乙 and 丙 have different IDs: each is paired with 甲 only.
  expect(c.files[1].findings.filter((f) => f.rule === 'duplicate.name-other-file').map((f) => f.message.zh)).toEqual([expect.stringContaining('文件“甲.xlsx”第 2 行（周敏，推荐单位：甲局）相同')]);
  expect(combineFiles([withId, otherId]).duplicates).toEqual([]);
});

test('rows of one file are left to the in-file rule; files are grouped by 推荐单位; an unreadable file is worst', () => {
  const twice = unitFile('甲.xlsx', '甲局', [LIN, LIN]);
  expect(twice.result!.findings.some((f) => f.rule === 'duplicate.id')).toBe(true);
  const c = combineFiles([
    twice,
    unitFile('甲-补报.xlsx', '甲局', [WANG]),
    unitFile('无落款.xlsx', undefined, [ZHOU]),
    { name: '坏.xlsx', failure: { zh: '文件不完整', en: 'incomplete file' } },
  ]);
  expect(c.duplicates).toEqual([]);
  expect(c.files[0].findings).toBe(twice.result!.findings);
  expect(c.units.map((u) => [u.unit, u.files, u.nominees])).toEqual([
    ['甲局', [0, 1], 3],
    [undefined, [2], 1],
  ]);
  expect(c.files[3]).toMatchObject({ name: '坏.xlsx', failure: { zh: '文件不完整' }, findings: [], nominees: 0 });
  expect(c.totals).toMatchObject({ files: 4, checked: 3, unusable: 1, nominees: 4 });
  expect(c.worst).toBe('unusable');
});
