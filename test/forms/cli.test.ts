/**
 * `jiangxuan forms read`, `jiangxuan forms write` and `jiangxuan pack` as an officer runs them: e-mailed Word forms
 * → a checked workbook (findings named by file and label) → printed forms read back identical → the e-mail
 * package, refused while errors remain. The built CLI, real files, exit codes, inputs never modified.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { builtinProfile } from '../../src/core/profiles/builtin-profiles';
import { applicationForm } from '../../src/core/forms/form-layout';
import { readForm } from '../../src/core/forms/read-form';
import { readDocxGrid } from '../../src/adapters/docx/read-docx';
import { withWrongCheckChar } from '../../src/samples/fake-nominees';
import { formValues, nomineesOf, wordForm } from './helpers';

const ROOT = join(__dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'jx-forms-cli-'));

function newest(path: string): number {
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((f) => newest(join(path, f))));
}

beforeAll(() => {
  const built = join(ROOT, 'dist', 'cli', 'forms-commands.js');
  const sources = ['src/cli', 'src/core', 'src/adapters'].map((p) => newest(join(ROOT, p)));
  if (!existsSync(built) || statSync(built).mtimeMs < Math.max(...sources)) {
    spawnSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(ROOT, 'tsconfig.json')], { cwd: ROOT, stdio: 'ignore' });
  }
  expect(existsSync(built)).toBe(true);
}, 120000);

function run(...args: string[]) {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'jiangxuan.js'), ...args], { encoding: 'utf8', cwd: dir });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
const sha = (f: string) => createHash('sha256').update(readFileSync(f)).digest('hex');

async function sheetRows(file: string, sheet: string): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet(sheet)!;
  const rows: unknown[][] = [];
  ws.eachRow((row, r) => (rows[r - 1] = (row.values as unknown[]).slice(1)));
  return rows;
}

/** In the order a folder is read (names sorted as people sort them: by pinyin, numbers by value). */
const sqc = nomineesOf('sqc-2025', 3, 'cli').sort((a, b) => a.name.localeCompare(b.name, 'zh-CN', { numeric: true }));
const FOOTER = ['--contact', '张华', '--phone', '021-62345678', '--email', 'zhanghua@126.com'];

beforeAll(async () => {
  mkdirSync(join(dir, 'mail'));
  for (const n of sqc) writeFileSync(join(dir, 'mail', `${n.name}.docx`), await wordForm('sqc-2025', n));
  // Word's lock file of an open document is not a form.
  writeFileSync(join(dir, 'mail', '~$lock.docx'), 'lock');
  mkdirSync(join(dir, 'mail-bad'));
  const bad = { ...sqc[1], values: { ...sqc[1].values, residentId: withWrongCheckChar(String(sqc[1].values.residentId)) } };
  for (const n of [sqc[0], bad]) writeFileSync(join(dir, 'mail-bad', `${n.name}.docx`), await wordForm('sqc-2025', n));
  writeFileSync(join(dir, 'mail-bad', '旧版.doc'), new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]));
});

describe('jiangxuan forms read', () => {
  test('a folder of e-mailed Word forms → the checked workbook; inputs untouched', async () => {
    const before = readdirSync(join(dir, 'mail')).map((f) => sha(join(dir, 'mail', f)));
    const r = run('forms', 'read', 'mail', '--out', '申报信息.xlsx', ...FOOTER);
    expect([r.code, r.err]).toEqual([0, '']);
    expect(r.out).toContain('项目：第三届（2025年度）“上海质量工匠”培养选树（从标题');
    expect(r.out).toContain('被推荐人：3 人（申报表 3 份）');
    expect(r.out).toContain('结果：错误 0 · 警告 0 · 提示 0');
    expect(readdirSync(join(dir, 'mail')).map((f) => sha(join(dir, 'mail', f)))).toEqual(before);
    const details = await sheetRows(join(dir, '申报信息.xlsx'), '申报信息');
    const labels = details[1] as string[];
    expect(details.slice(2).map((row) => row[labels.indexOf('姓名')])).toEqual(sqc.map((n) => n.name));
    expect(details.slice(2).map((row) => row[labels.indexOf('身份证')])).toEqual(sqc.map((n) => n.residentId));
    const summary = await sheetRows(join(dir, '申报信息.xlsx'), '推荐汇总表');
    expect(summary[1]).toEqual(['序号', '所在单位名称', '姓名', '所在岗位名称', '职务、职称/技能等级']);
    expect(summary.slice(2, 5).map((r) => r[2])).toEqual(sqc.map((n) => n.name));
    // The workbook checks clean with validate, the same engine.
    const v = run('validate', '申报信息.xlsx');
    expect([v.code, v.out]).toEqual([0, expect.stringContaining('结果：错误 0 · 警告 0 · 提示 0')]);
  });

  test('findings name the Word file and the label; a file that is not a form says why and the rest are read', () => {
    const r = run('forms', 'read', 'mail-bad', '--out', 'bad.xlsx', ...FOOTER);
    expect(r.code).toBe(1);
    expect(r.out).toContain('无法读取：旧版.doc：这是旧版 Word 97-2003（.doc）文件');
    expect(r.out).toMatch(new RegExp(`✗ 错误 ${sqc[1].name}\\.docx「身份证」  身份证号.*校验位`));
    const json = JSON.parse(run('forms', 'read', 'mail-bad', '--out', 'bad2.xlsx', '--format', 'json', ...FOOTER).out);
    expect(json.findings).toEqual([expect.objectContaining({ severity: 'error', sheet: `${sqc[1].name}.docx`, label: '身份证', rule: 'id.checksum', nominee: sqc[1].name })]);
    expect(json.problems).toEqual([expect.objectContaining({ file: '旧版.doc' })]);
    // The workbook it wrote, checked by validate, has the same problems (on its table instead of the Word file).
    const v = JSON.parse(run('validate', 'bad2.xlsx', '--format', 'json').out);
    expect(v.counts).toEqual(json.counts);
    expect(v.findings.map((f: { rule: string }) => f.rule)).toEqual(['id.checksum']);
  });

  test('nothing usable: exit 2 with one line', () => {
    writeFileSync(join(dir, 'notes.docx'), 'not a document');
    const r = run('forms', 'read', 'notes.docx', '--out', 'x.xlsx');
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')[0]).toBe('没有可以读取的申报表或工作簿。');
    expect(existsSync(join(dir, 'x.xlsx'))).toBe(false);
  });
});

describe('jiangxuan forms write', () => {
  test('from the workbook: one form per nominee that reads back identical, and the printed summary', async () => {
    const r = run('forms', 'write', '申报信息.xlsx', '--out', '打印');
    expect([r.code, r.err]).toEqual([0, '']);
    expect(r.out).toContain('申报表每份打印一式三份。');
    const files = readdirSync(join(dir, '打印', '申报表'));
    expect(files).toEqual(sqc.map((n, i) => `0${i + 1}-${n.name}-申报推荐表.docx`));
    expect(readdirSync(join(dir, '打印'))).toContain('第三届（2025年度）“上海质量工匠”培养选树推荐汇总表.docx');
    const layout = applicationForm(builtinProfile('sqc-2025')!);
    for (const [i, n] of sqc.entries()) {
      const { grid } = await readDocxGrid(readFileSync(join(dir, '打印', '申报表', files[i])), files[i]);
      const got = Object.fromEntries([...readForm(grid, layout).values].map(([k, v]) => [k, v === null ? null : String(v)]));
      expect(got).toEqual(Object.fromEntries(formValues('sqc-2025', n)));
    }
    // Printing again into the same folder does not overwrite without --force.
    const again = run('forms', 'write', '申报信息.xlsx', '--out', '打印');
    expect(again.code).toBe(2);
    expect(again.err).toMatch(/已存在：匠选不会覆盖已有的文件/);
  });
});

describe('jiangxuan pack', () => {
  test('refused while errors remain; --force packs with a loud warning and the annotated findings', async () => {
    const refused = run('pack', 'mail-bad', '--out', '报送-有错', ...FOOTER);
    expect(refused.code).toBe(1);
    expect(refused.out).toContain('没有打包：还有 1 个错误');
    expect(existsSync(join(dir, '报送-有错'))).toBe(false);
    const forced = run('pack', 'mail-bad', '--out', '报送-有错', '--force', ...FOOTER);
    expect(forced.code).toBe(1);
    expect(forced.out).toMatch(/!!!!!! 警告：仍有 1 个错误/);
    const zips = readdirSync(join(dir, '报送-有错')).filter((f) => f.endsWith('.zip'));
    expect(zips).toHaveLength(1);
    const zip = await JSZip.loadAsync(readFileSync(join(dir, '报送-有错', zips[0])));
    expect(Object.keys(zip.files).some((f) => f.endsWith('校验问题（尚未改正）.xlsx'))).toBe(true);
  });

  test('a clean submission: the folder and zip named as the profile says, with every file the notice asks for', async () => {
    const r = run('pack', '申报信息.xlsx', '--out', '报送');
    expect([r.code, r.err]).toEqual([0, '']);
    const name = '上海市质量协会会员单位联络处-第三届（2025年度）“上海质量工匠”推荐材料';
    expect(readdirSync(join(dir, '报送')).sort()).toEqual([name, `${name}.zip`].sort());
    const zip = await JSZip.loadAsync(readFileSync(join(dir, '报送', `${name}.zip`)));
    const entries = Object.keys(zip.files).filter((f) => !f.endsWith('/'));
    expect(entries.sort()).toEqual(
      [
        '推荐汇总表及申报信息.xlsx',
        '第三届（2025年度）“上海质量工匠”培养选树推荐汇总表.docx',
        ...sqc.map((n, i) => `申报表/0${i + 1}-${n.name}-申报推荐表.docx`),
        '报送清单.docx',
        '报送邮件.txt',
      ]
        .map((f) => `${name}/${f}`)
        .sort(),
    );
    // The input workbook is packed byte for byte; the mail names the organiser's address.
    expect(sha(join(dir, '报送', name, '推荐汇总表及申报信息.xlsx'))).toBe(sha(join(dir, '申报信息.xlsx')));
    const mail = await zip.file(`${name}/报送邮件.txt`)!.async('string');
    expect(mail).toContain('收件人：huoshaofang@saq.org.cn');
    expect(mail).toContain(`共 3 人：${sqc.map((n) => n.name).join('、')}`);
    const { grid } = await readDocxGrid(await zip.file(`${name}/报送清单.docx`)!.async('uint8array'), '报送清单.docx');
    const text = grid.rows.flat().join('\n');
    expect(text).toContain('纸质材料报送：上海市长宁区泰安路74号 上海市质量协会会员与质量推进部（邮编 200050）');
    expect(text).toContain('身份证复印件（正反面复印在一张纸上）（3份）');
  });

  test('上海工匠: the statistics table is counted per union, typed in the workbook, and checked before packing', async () => {
    const sh = nomineesOf('sh-craftsman-2024', 2, 'cli-sh').map((n) => ({ ...n, values: { ...n.values, unionOrSociety: '上海市某某区总工会' } }));
    mkdirSync(join(dir, 'sh'));
    for (const n of sh) writeFileSync(join(dir, 'sh', `${n.name}.docx`), await wordForm('sh-craftsman-2024', n));
    const read = run('forms', 'read', 'sh', '--out', 'sh.xlsx');
    expect(read.out).toContain('统计表中匠选无法统计的数字，请在工作簿的“统计表”中填写。');
    const refused = run('pack', 'sh.xlsx', '--out', 'sh-报送');
    expect(refused.code).toBe(1);
    expect(refused.out).toMatch(/「联系人」未填写/);
    // The officer fills the statistics sheet (its counted figure is already there).
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'sh.xlsx'));
    const ws = wb.getWorksheet('统计表')!;
    const typed: Record<string, string | number> = {
      联系人: '李明',
      联系方式: '021-63211939',
      何时起开展工匠培养选树命名活动: 2016,
      活动参与总人数: 1200,
      '本地区、本系统工匠选树总人数': 80,
      '申报“上海工匠”总人数': 30,
      '获得“上海工匠”总人数': 6,
      是否有下属工会开展工匠培养选树命名活动: '是',
      '是否开展本地区、本系统工匠培养选树命名活动（附方案）': '是',
      活动参与人数: 300,
      '本地区、本系统工匠选树人数': 10,
      参与活动职工月平均可支配收入: 9800,
    };
    let counted: unknown;
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        const label = String(cell.value ?? '');
        const valueCell = row.getCell(Number(cell.col) + 1);
        if (label in typed) valueCell.value = typed[label];
        if (label === '申报“上海工匠”人数') counted = valueCell.value;
      }),
    );
    expect(counted).toBe(2);
    await wb.xlsx.writeFile(join(dir, 'sh-filled.xlsx'));
    const packed = run('pack', 'sh-filled.xlsx', '--out', 'sh-报送');
    expect([packed.code, packed.err]).toEqual([0, '']);
    const name = '上海市某某区总工会-2024年度“上海工匠”申报材料';
    expect(readdirSync(join(dir, 'sh-报送', name))).toEqual(expect.arrayContaining(['培养选树工作情况统计表.docx', '申报表', '报送清单.docx']));
    const { grid } = await readDocxGrid(readFileSync(join(dir, 'sh-报送', name, '培养选树工作情况统计表.docx')), 's.docx');
    const cells = grid.rows.flat().filter((v) => v !== null);
    expect(cells).toEqual(expect.arrayContaining(['上海市某某区总工会', '李明', '2016年', '9800']));
  });
});
