/**
 * `jiangxuan validate` over a whole inbox, as SAQ staff run it: a folder of unit workbooks (one person nominated
 * by two units, a damaged file, a PDF), through the built CLI; exit codes, stdout/stderr and the files written.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { validId } from '../support/grid';

const ROOT = join(__dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'jx-many-'));

function run(...args: string[]) {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'jiangxuan.js'), ...args], { encoding: 'utf8', cwd: dir });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const sha = (f: string) => createHash('sha256').update(readFileSync(f)).digest('hex');

interface Person {
  name: string;
  company: string;
  id: string;
}

/** One recommending unit's workbook: 汇总表 with the footer naming the unit, and 申报信息 with IDs. */
async function writeUnitWorkbook(file: string, unit: string, people: Person[]) {
  const wb = new ExcelJS.Workbook();
  const s = wb.addWorksheet('汇总表');
  s.mergeCells('A1:E1');
  s.getCell('A1').value = '第三届（2025年度）“上海质量工匠”培养选树推荐汇总表';
  s.addRow(['序号', '所在单位名称', '姓名', '所在岗位名称', '职务、职称/技能等级']);
  people.forEach((p, i) => s.addRow([i + 1, p.company, p.name, '质量部', '高级技师']));
  s.addRow([]);
  s.addRow([`推荐单位（加盖公章）：${unit}`]);
  s.addRow(['联系人：陈洁']);
  s.addRow(['联系电话：021-55885591']);
  s.addRow(['邮箱：chenjie@example.com']);
  const d = wb.addWorksheet('申报信息');
  d.addRow(['姓名', '性别', '身份证号码', '手机号码', '工作单位', '技能等级']);
  for (const p of people) d.addRow([p.name, '女', p.id, '13812345678', p.company, '高级技师']);
  await wb.xlsx.writeFile(file);
}

const LIN = { name: '林晓', company: '上海申江精密机械有限公司', id: validId('31010119850307002') };
const WANG = { name: '王磊', company: '上海浦江电气有限公司', id: validId('31011019800101002') };
const ZHAO = { name: '赵静', company: '上海东方仪表厂', id: validId('31011519900101002') };

const inbox = join(dir, '收件箱');
let jia: string;
let yi: string;
let bing: string;
beforeAll(async () => {
  mkdirSync(join(inbox, '补报'), { recursive: true });
  jia = join(inbox, '甲局.xlsx');
  yi = join(inbox, '乙工会.xlsx');
  bing = join(inbox, '补报', '丙公司.xlsx');
  await writeUnitWorkbook(jia, '甲区市场监督管理局', [LIN, WANG]);
  // 林晓 again, nominated by another unit.
  await writeUnitWorkbook(yi, '乙区总工会', [ZHAO, LIN]);
  await writeUnitWorkbook(bing, '丙区总工会', [{ ...ZHAO, id: validId('31011519910101002'), name: '钱芳' }]);
  // A workbook cut short in transfer, and a scan nobody can check.
  writeFileSync(join(inbox, '丁局.xlsx'), readFileSync(jia).subarray(0, 600));
  writeFileSync(join(inbox, '说明.pdf'), '%PDF-1.4\n');
});

describe('jiangxuan validate <folder>', () => {
  test('one combined report: units, the person in two files, the damaged file named; exit 2 for the worst file', () => {
    const r = run('validate', '收件箱', '--as-of', '2025-03-01');
    expect(r.code).toBe(2);
    expect(r.out).toContain('匠选校验报告：4 个文件（已校验 3 个，无法使用 1 个）');
    expect(r.out).toContain('推荐单位 3 个 · 被推荐人 5 人 · 跨文件重复 1 人');
    expect(r.out).toMatch(/ {2}甲区市场监督管理局：1 个文件，2 人，错误 1 · /);
    expect(r.out).toContain(`林晓（身份证号相同）：${join('收件箱', '乙工会.xlsx')} 申报信息!A3（林晓，乙区总工会）；${join('收件箱', '甲局.xlsx')} 申报信息!A2（林晓，甲区市场监督管理局）`);
    expect(r.out).toMatch(new RegExp(`✗ ${join('收件箱', '丁局.xlsx')}：\\S+`));
    expect(r.out).toContain('说明.pdf：PDF 文件不能校验');
    // Each file's own report follows, with the cross-file finding on the person's row.
    expect(r.out).toContain(`匠选校验报告：${join('收件箱', '补报', '丙公司.xlsx')}`);
    expect(r.out).toMatch(/✗ 错误 申报信息!A2 {2}身份证号与文件“收件箱\/乙工会\.xlsx”第 3 行（林晓，推荐单位：乙区总工会）相同：同一人只能由一个单位推荐.*\[与其他文件身份证号重复\]/);
    // No progress line when stderr is not a terminal.
    expect(r.err).toBe('');
  });

  test('--format json: one entry per file; the unusable file says why; the duplicate counts as an error in both', () => {
    const r = run('validate', '收件箱', '--as-of', '2025-03-01', '--format', 'json');
    expect(r.code).toBe(2);
    const j = JSON.parse(r.out) as { file: string; unit?: string; unusable?: string; counts?: { error: number }; findings?: { rule: string; cell: string; nominee: string }[] }[];
    expect(j.map((e) => e.file)).toEqual([join('收件箱', '丁局.xlsx'), join('收件箱', '乙工会.xlsx'), join('收件箱', '甲局.xlsx'), join('收件箱', '补报', '丙公司.xlsx')]);
    expect(j[0].unusable).toEqual(expect.any(String));
    expect(j[1]).toMatchObject({ unit: '乙区总工会', program: 'sqc-2025' });
    for (const e of [j[1], j[2]]) {
      expect(e.findings!.filter((f) => f.rule === 'duplicate.id-other-file')).toEqual([expect.objectContaining({ nominee: '林晓' })]);
      expect(e.counts!.error).toBe(1);
    }
    expect(j[3].findings!.some((f) => f.rule.endsWith('other-file'))).toBe(false);
  });

  test('files named one by one: exit 1 for the duplicate; --lang en', () => {
    const r = run('validate', jia, yi, '--as-of', '2025-03-01', '--lang', 'en');
    expect(r.code).toBe(1);
    expect(r.out).toContain('Jiangxuan check: 2 files (2 checked)');
    expect(r.out).toContain('same ID as row 3 of "收件箱/乙工会.xlsx" (林晓, nominated by 乙区总工会)');
  });

  test('without the duplicate and the damaged file: exit 0', () => {
    const r = run('validate', jia, bing, '--as-of', '2025-03-01');
    expect(r.code).toBe(0);
    expect(r.out).toContain('跨文件重复 0 人');
  });

  test('one file keeps the one-file JSON shape', () => {
    const r = run('validate', jia, '--as-of', '2025-03-01', '--format', 'json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ program: 'sqc-2025', counts: { error: 0 } });
  });

  test('--out <folder>: one annotated .xlsx per checked file with the cross-file note; inputs untouched; never replaced without --force', async () => {
    const before = [jia, yi, bing].map(sha);
    const r = run('validate', '收件箱', '--as-of', '2025-03-01', '--out', '标注版');
    expect(r.code).toBe(2);
    expect(readdirSync(join(dir, '标注版')).sort()).toEqual(['丙公司-标注.xlsx', '乙工会-标注.xlsx', '甲局-标注.xlsx']);
    expect(r.out).toContain(`标注版已保存：${join('标注版', '甲局-标注.xlsx')}`);
    expect([jia, yi, bing].map(sha)).toEqual(before);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, '标注版', '甲局-标注.xlsx'));
    expect(JSON.stringify(wb.getWorksheet('申报信息')!.getCell('A2').note)).toContain('乙工会.xlsx');

    const again = run('validate', '收件箱', '--as-of', '2025-03-01', '--out', '标注版');
    expect(again.code).toBe(2);
    expect(again.err).toMatch(/已存在：匠选不会覆盖已有的文件/);
    expect(again.out).toBe('');
    expect(run('validate', '收件箱', '--as-of', '2025-03-01', '--out', '标注版', '--force').code).toBe(2);
  });

  test('an output folder inside the inbox is not read back; the inbox itself or an .xlsx name is refused', () => {
    const inside = run('validate', '收件箱', '--as-of', '2025-03-01', '--out', join('收件箱', '标注'));
    expect(inside.code).toBe(2);
    expect(inside.out).toContain('4 个文件');
    const again = run('validate', '收件箱', '--as-of', '2025-03-01', '--out', join('收件箱', '标注'), '--force');
    expect(again.out).toContain('4 个文件');

    const self = run('validate', '收件箱', '--out', '收件箱');
    expect([self.code, self.err]).toEqual([2, expect.stringContaining('就是要校验的文件夹')]);
    const xlsx = run('validate', jia, yi, '--out', '合并.xlsx');
    expect([xlsx.code, xlsx.err]).toEqual([2, expect.stringContaining('--out 是存放标注版的文件夹')]);
  });
});

describe('start-up', () => {
  /** The modules a command loads, from a harness that runs the CLI in-process and lists require.cache at exit. */
  function loaded(...args: string[]): string[] {
    const harness = `process.argv = [process.argv[0], 'jiangxuan', ...${JSON.stringify(args)}];
      process.on('exit', () => require('fs').writeSync(3, Object.keys(require.cache).join('\\n')));
      require(${JSON.stringify(join(ROOT, 'dist', 'cli', 'main.js'))});`;
    const r = spawnSync(process.execPath, ['-e', harness], { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe', 'pipe'] });
    return (r.output[3] ?? '').split('\n');
  }
  const heavy = (mods: string[]) => mods.filter((m) => /node_modules[\\/](exceljs|@e965|jszip|docx|zod)[\\/]/.test(m));

  test('`programs` and `--help` load neither exceljs, SheetJS, jszip nor zod; `validate` loads exceljs only to write --out copies', () => {
    const programs = loaded('programs');
    expect(programs.some((m) => m.endsWith('programs-command.js'))).toBe(true);
    expect(heavy(programs)).toEqual([]);
    expect(heavy(loaded('--help'))).toEqual([]);
    const exceljs = (mods: string[]) => mods.some((m) => /node_modules[\\/]exceljs[\\/]/.test(m));
    const check = loaded('validate', jia, '--as-of', '2025-03-01');
    expect(check.some((m) => /node_modules[\\/]zod[\\/]/.test(m))).toBe(true);
    expect(exceljs(check)).toBe(false);
    expect(exceljs(loaded('validate', jia, '--as-of', '2025-03-01', '--out', '甲-标注.xlsx'))).toBe(true);
  });
});
