/**
 * `jiangxuan validate` on the formats offices send besides .xlsx (the corpus in test/fixtures/real/formats): the
 * same report and exit codes as for the .xlsx, an annotated copy that is an .xlsx workbook (and says so), the input
 * never written, unusable files refused in one line. Runs the built CLI, in Shanghai's time zone like the users.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';

const ROOT = join(__dirname, '..', '..');
const FORMATS = join(ROOT, 'test', 'fixtures', 'real', 'formats');
const SAMPLE = join(ROOT, 'samples', 'sqc-2025-有问题.xlsx');
const dir = mkdtempSync(join(tmpdir(), 'jx-formats-cli-'));

function run(...args: string[]) {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'jiangxuan.js'), ...args], { encoding: 'utf8', cwd: dir, env: { ...process.env, TZ: 'Asia/Shanghai' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
const json = (file: string) => {
  const r = run('validate', file, '--as-of', '2025-03-01', '--format', 'json');
  return { code: r.code, report: JSON.parse(r.out) as { program: string; counts: object; findings: { cell: string; sheet: string; rule: string }[] } };
};
const sha = (f: string) => createHash('sha256').update(readFileSync(f)).digest('hex');
const fixture = (name: string) => {
  const to = join(dir, name);
  copyFileSync(join(FORMATS, name), to);
  return to;
};

describe('validate reads .xls, .et, .ods, CSV and web exports like the .xlsx', () => {
  const xlsx = json(SAMPLE);

  test.each(['sqc-2025-有问题.xls', 'sqc-2025-有问题.et', 'sqc-2025-有问题.ods'])('%s: same findings, exit 1', (name) => {
    const r = json(join(FORMATS, name));
    expect(r.code).toBe(1);
    expect(r.report.program).toBe('sqc-2025');
    expect(r.report.findings).toEqual(xlsx.report.findings);
  });

  test('a GB18030 CSV: the details sheet’s findings, named after the file', () => {
    const r = json(join(FORMATS, '申报信息-GBK.csv'));
    expect(r.code).toBe(1);
    const details = xlsx.report.findings.filter((f) => f.sheet === '申报信息').map((f) => `${f.cell} ${f.rule}`);
    expect(r.report.findings.map((f) => `${f.cell} ${f.rule}`)).toEqual(details);
    expect(new Set(r.report.findings.map((f) => f.sheet))).toEqual(new Set(['申报信息-GBK']));
  });

  test('the text report of a web page saved as .xls names the sheet after the file', () => {
    const r = run('validate', join(FORMATS, '网页导出.xls'), '--as-of', '2025-03-01');
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/网页导出!H7 .*\[身份证校验位\]/);
  });
});

describe('the annotated copy of a non-xlsx file is an .xlsx workbook', () => {
  test('--out x.xlsx for an .xls: converted, annotated, said so; the .xls untouched', async () => {
    const input = fixture('sqc-2025-有问题.xls');
    const before = sha(input);
    const out = join(dir, '标注版.xlsx');
    const r = run('validate', input, '--as-of', '2025-03-01', '--out', out);
    expect(r.code).toBe(1);
    expect(r.out).toContain(`标注版已保存：${out}（sqc-2025-有问题.xls 不是 .xlsx 文件，标注版另存为 .xlsx 工作簿；原文件未改动）`);
    expect(sha(input)).toBe(before);
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['推荐汇总表', '申报信息', '校验结果']);
    const id = wb.getWorksheet('申报信息')!.getCell('H3');
    expect(id.value).toBe('310110197703319487');
    expect(JSON.stringify(id.note)).toContain('最后一位应为');
    expect(wb.getWorksheet('申报信息')!.getCell('H4').value).toBe(310101198503070000);
  });

  test('a CSV’s copy keeps every ID as text', async () => {
    const out = join(dir, 'csv-标注.xlsx');
    const r = run('validate', join(FORMATS, '申报信息.csv'), '--as-of', '2025-03-01', '--out', out, '--lang', 'en');
    expect(r.code).toBe(1);
    expect(r.out).toContain('so the copy is an .xlsx workbook; the original is unchanged');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet('申报信息')!;
    for (let row = 3; row <= 14; row++) expect(typeof ws.getCell(`H${row}`).value).toBe('string');
    expect(ws.getCell('H6').value).toBe('31011419750608153x');
  });

  test('--out with another extension is refused before anything is written', () => {
    const r = run('validate', join(FORMATS, 'sqc-2025-有问题.xls'), '--out', join(dir, '标注版.xls'));
    expect(r.code).toBe(2);
    expect(r.err.trim()).toBe(`--out ${join(dir, '标注版.xls')}：标注版总是 .xlsx 工作簿，请用以 .xlsx 结尾的文件名，如 ${join(dir, '标注版.xlsx')}`);
    expect(existsSync(join(dir, '标注版.xls'))).toBe(false);
  });
});

describe('unusable files: exit 2, one line, the reason', () => {
  test.each([
    ['加密-RC4.xls', /^加密-RC4\.xls：文件设置了打开密码.*WPS 中为“文件 → 文档加密 → 密码加密”/],
    ['加密-XOR.xls', /^加密-XOR\.xls：文件设置了打开密码/],
    ['不完整.xls', /^不完整\.xls：文件不完整或已损坏/],
  ])('%s', (name, message) => {
    const r = run('validate', join(FORMATS, name));
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(message);
    expect(r.err).not.toMatch(/另存为 \.xlsx|\n\s+at /);
  });
});
