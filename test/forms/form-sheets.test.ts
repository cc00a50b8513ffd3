/**
 * Form sheets through the one door: workbooks whose sheets are laid out like the 申报表 (one nominee each, typed
 * the way officers type them) are read as forms and checked like a details table, each finding on the form's own
 * cell — never the nonsense a table reading gives (nominees named 政治面貌, 身份证 …). Real .xlsx files, read
 * through the one file entry.
 */
import { readWorkbookBytes } from '../../src/adapters/files/read-workbook';
import { checkWorkbook } from '../../src/core/check/check-workbook';
import { CheckError } from '../../src/core/check/failures';
import type { WorkbookGrid } from '../../src/core/model/grid';
import { withWrongCheckChar } from '../../src/samples/fake-nominees';
import { ID_LIN, ID_WANG, officerFormLin, officerFormWang, workbookOf, type SheetSpec } from './helpers';

const TODAY = { y: 2025, m: 3, d: 1 };

async function grid(...sheets: SheetSpec[]): Promise<WorkbookGrid> {
  return readWorkbookBytes(await workbookOf(sheets), { name: 'forms.xlsx' });
}

const at = (f: { sheet: string; cell: string }) => `${f.sheet}!${f.cell}`;

describe('form sheets typed by officers', () => {
  test('merged label cells, ticks after or before options, options over several cells, forces one line per row → the record', async () => {
    const o = checkWorkbook(await grid(officerFormLin()), { today: TODAY });
    expect(o.profile.id).toBe('sqc-2025');
    expect(o.forms).toHaveLength(1);
    const v = Object.fromEntries(o.forms![0].values);
    expect(v).toMatchObject({
      recommender: '上海市某某区质量技术监督协会',
      name: '林晓',
      sex: '男',
      residentId: ID_LIN,
      modelWorker: '上海市劳模',
      hukou: '非农业户口',
      migrant: '否',
      identity: '普通工人',
      skillLevel: '高级技师',
      proTitle: '无',
      workYears: 18,
      lead1: '承担大飞机部件装配攻关',
      lead2: null,
      lead3: '带徒12名',
      hasPatent: '是',
      inventionPatents: '1',
      utilityPatents: '4',
      designPatents: '0',
      innov2: null,
      tack1: '牵头攻关',
      tack2: null,
      pass1: '编写“林晓操作法”',
      spirit: '精益求精，追求卓越，把每一个零件做到极致。',
      honours: '2023年 上海市质量协会 QC小组成果一等奖',
      unitOpinion: '同意推荐。',
      recommenderOpinion: '经审核，同意推荐。',
    });
    expect(String(v.selfStatement)).toMatch(/^本人从事钳工工作十八年/);
    // A clean form: no findings at all (no table findings on labels, no missing columns).
    expect(o.result.findings.map((f) => `${at(f)} ${f.rule}`)).toEqual([]);
    expect(o.result.tables).toEqual([expect.objectContaining({ sheet: '林晓', kind: 'form', nominees: 1, missingColumns: [] })]);
  });

  test('labels above their values, 是 written after the ticked option, indicators as label | text', async () => {
    const o = checkWorkbook(await grid(officerFormWang()), { programId: 'sqc-2025', today: TODAY });
    const v = Object.fromEntries(o.forms![0].values);
    expect(v).toMatchObject({
      recommender: '上海市某某区质量技术监督协会',
      name: '王芳',
      sex: '女',
      mobile: '13812345678',
      post: '质量主管',
      residentId: ID_WANG,
      modelWorker: '否',
      hukou: '非农业户口',
      migrant: '否',
      homePostcode: '200433',
      unitPostcode: '200433',
      workYears: 12,
      identity: '专业技术人员',
      skillLevel: '技师',
      proTitle: '中级职称',
      lead1: '负责进口设备国产化验证',
      prac1: '省级技能竞赛一等奖',
      hasPatent: '否',
      pass2: '带教徒弟3名',
    });
    // Every force has a claimed indicator, every item is filled: nothing to report.
    expect(o.result.findings.map((f) => `${at(f)} ${f.rule}`)).toEqual([]);
  });

  test('a workbook of form sheets: findings on the forms’ cells, no nominee named after a label', async () => {
    const lin = officerFormLin({ id: withWrongCheckChar(ID_LIN), sex: '女', tackle: ['□担当重任', '□协同配合', '□直面难题'] });
    const o = checkWorkbook(await grid(lin, officerFormWang()), { today: TODAY });
    expect(o.forms!.map((f) => f.sheet)).toEqual(['林晓', '王芳']);
    const found = o.result.findings.map((f) => `${at(f)} ${f.rule}`);
    expect(found).toEqual(expect.arrayContaining(['林晓!B5 id.checksum', '林晓!E17 forces.none-claimed']));
    // Every finding is about 林晓 (王芳's form is clean): none about a "nominee" named 政治面貌 or 身份证.
    expect(new Set(o.result.findings.map((f) => f.nominee))).toEqual(new Set(['林晓']));
    for (const f of o.result.findings) expect(f.rule).not.toMatch(/^table\.|^cross\./);
    expect(o.result.nominees).toBe(2);
  });

  test('the sex written on the form is compared with the ID, at the 性别 cell', async () => {
    const o = checkWorkbook(await grid(officerFormLin({ sex: '女' })), { today: TODAY });
    expect(o.result.findings.map((f) => `${at(f)} ${f.rule}`)).toEqual(['林晓!D3 id.sex-mismatch']);
  });

  test('an option left unticked is an empty answer, reported where it would be ticked', async () => {
    const lin = officerFormLin();
    lin.rows[5] = ['户籍属性', '□农业户口', '□非农业户口', '是否外来务工人员', '是  否✓', null];
    const o = checkWorkbook(await grid(lin), { today: TODAY });
    expect(o.forms![0].values.get('hukou')).toBeNull();
    expect(o.result.findings.map((f) => `${at(f)} ${f.rule} ${f.message.zh}`)).toEqual([expect.stringMatching(/^林晓!B6 field.required 「户籍属性」未填写/)]);
  });

  test('a summary sheet beside the forms is cross-checked with them', async () => {
    const summary: SheetSpec = {
      name: '推荐汇总表',
      rows: [
        ['第三届（2025年度）“上海质量工匠”培养选树推荐汇总表'],
        ['序号', '所在单位名称', '姓名', '所在岗位名称', '职务、职称/技能等级'],
        [1, '上海某某精密机械有限公司', '林晓', '钳工', '班组长、高级技师'],
        [2, '上海某某电气有限公司', '赵六', '电工', '技师'],
        [],
        ['推荐单位（加盖公章）：上海市某某区质量技术监督协会'],
        ['联系人：张华'],
        ['联系电话：021-62345678'],
        ['邮箱：zhanghua@126.com'],
      ],
      merges: ['A1:E1'],
    };
    const o = checkWorkbook(await grid(summary, officerFormLin(), officerFormWang()), { today: TODAY });
    const found = o.result.findings.filter((f) => f.rule.startsWith('cross.')).map((f) => `${at(f)} ${f.rule} ${f.message.zh}`);
    expect(found).toEqual([
      expect.stringMatching(/^推荐汇总表!C4 cross.missing-details 汇总表中的“赵六”.*工作表“林晓、王芳”/),
      expect.stringMatching(/^王芳!A4 cross.missing-summary “王芳”/),
    ]);
    // The summary is still recognised as a table (for the pane's checklist and printing), the forms are not tables.
    expect(o.result.recognized.map((t) => t.sheet.name)).toEqual(['推荐汇总表']);
  });

  test('two forms with the same ID: the second names the first form', async () => {
    const wang = officerFormWang();
    wang.rows[5] = [ID_LIN, '否', '非农业户口 是', '否', '200433', 12];
    const o = checkWorkbook(await grid(officerFormLin(), wang), { today: TODAY });
    const dup = o.result.findings.find((f) => f.rule === 'duplicate.id')!;
    expect(at(dup)).toBe('王芳!A6');
    expect(dup.message.zh).toMatch(/第 5 行（林晓，林晓）重复/);
  });

  test('labels scattered under a header row, neither a table nor a form: a clear message, no findings', async () => {
    const messy: SheetSpec = {
      name: '草稿',
      rows: [
        ['姓名', '性别', '手机号码'],
        ['林晓', '男', '13912345678'],
        ['职务', '班组长'],
        ['学历', '大专'],
      ],
    };
    let error: unknown;
    try {
      checkWorkbook(await grid(messy), { programId: 'sqc-2025', today: TODAY });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CheckError);
    expect((error as CheckError).failure).toMatchObject({ code: 'unclear-layout', sheets: ['草稿'] });
    expect((error as CheckError).localized.zh).toMatch(/^工作表“草稿”既不是一行表头的表格，也不像“上海质量工匠 2025”的申报表/);
  });

  test('a details table is still a table (the forms path leaves it alone)', async () => {
    const table: SheetSpec = {
      name: '申报信息',
      rows: [
        ['姓名', '性别', '身份证', '手机号码', '政治面貌', '学历'],
        ['林晓', '男', ID_LIN, '13912345678', '中共党员', '大专'],
        ['王芳', '女', ID_WANG, '13812345678', '群众', '本科'],
      ],
    };
    const o = checkWorkbook(await grid(table), { programId: 'sqc-2025', today: TODAY });
    expect(o.forms).toBeUndefined();
    expect(o.result.tables.map((t) => [t.sheet, t.kind, t.nominees])).toEqual([['申报信息', 'details', 2]]);
  });
});
