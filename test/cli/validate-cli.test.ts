/**
 * The `jiangxuan` command as a user runs it: real .xlsx files, the built CLI (npm test builds it first),
 * exit codes, stdout/stderr. These tests never look inside the process.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync, existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { validId } from '../support/grid';

const ROOT = join(__dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'jx-cli-'));

function run(...args: string[]) {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'jiangxuan.js'), ...args], { encoding: 'utf8', cwd: dir });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const sha = (f: string) => createHash('sha256').update(readFileSync(f)).digest('hex');

async function writeSqcWorkbook(file: string, opts: { badId?: boolean; title?: string } = {}) {
  const wb = new ExcelJS.Workbook();
  const s = wb.addWorksheet('汇总表');
  s.mergeCells('A1:E1');
  s.getCell('A1').value = opts.title ?? '第三届（2025年度）“上海质量工匠”培养选树推荐汇总表';
  s.addRow(['序号', '所在单位名称', '姓名', '所在岗位名称', '职务、职称/技能等级']);
  s.addRow([1, '上海申江精密机械有限公司', '林晓', '质量部', '高级技师']);
  s.addRow([]);
  s.addRow(['推荐单位（加盖公章）：上海市某区市场监督管理局']);
  s.addRow(['联系人：陈洁']);
  s.addRow(['联系电话：021-55885591']);
  s.addRow(['邮箱：chenjie@example.com']);
  const d = wb.addWorksheet('申报信息');
  d.addRow(['姓名', '性别', '身份证号码', '手机号码', '工作单位', '技能等级']);
  const id = validId('31010119850307002');
  d.addRow(['林晓', '女', opts.badId ? id.slice(0, 17) + (id[17] === '1' ? '2' : '1') : id, '13812345678', '上海申江精密机械有限公司', '高级技师']);
  d.getCell('C2').note = '用户自己的批注';
  await wb.xlsx.writeFile(file);
}

let clean: string;
let bad: string;
beforeAll(async () => {
  clean = join(dir, 'clean.xlsx');
  bad = join(dir, 'bad.xlsx');
  await writeSqcWorkbook(clean);
  await writeSqcWorkbook(bad, { badId: true });
});

describe('jiangxuan validate', () => {
  test('no errors → exit 0, report names the programme and how it was found', () => {
    const r = run('validate', clean, '--as-of', '2025-03-01');
    expect(r.code).toBe(0);
    expect(r.out).toContain('第三届（2025年度）“上海质量工匠”培养选树');
    expect(r.out).toContain('从标题');
    expect(r.out).toMatch(/错误 0 · 警告 1 · 提示 0/); // the details table lacks many form columns
  });

  test('errors → exit 1; JSON has the documented shape', () => {
    const r = run('validate', bad, '--as-of', '2025-03-01', '--format', 'json');
    expect(r.code).toBe(1);
    const j = JSON.parse(r.out);
    expect(j.program).toBe('sqc-2025');
    expect(j.counts).toEqual({ error: 1, warning: 1, info: 0 });
    expect(j.findings).toContainEqual({ severity: 'error', sheet: '申报信息', cell: 'C2', rule: 'id.checksum', ruleName: '身份证校验位', message: expect.stringContaining('最后一位应为'), nominee: '林晓' });
    const header = j.findings.find((f: { rule: string }) => f.rule === 'table.missing-column');
    expect(header).toMatchObject({ sheet: '申报信息', cell: 'A1', severity: 'warning' });
  });

  test('--lang en prints English', () => {
    const r = run('validate', bad, '--as-of', '2025-03-01', '--lang', 'en');
    expect(r.code).toBe(1);
    expect(r.out).toContain('Programme: 3rd (2025) Shanghai Quality Craftsman selection');
    expect(r.out).toMatch(/last character should be/);
    expect(r.out).toMatch(/申报信息!C2 .*\[ID check character\]\n/);
  });

  test('the text report names each rule, not its id', () => {
    const r = run('validate', bad, '--as-of', '2025-03-01');
    expect(r.out).toMatch(/✗ 错误 申报信息!C2 .*最后一位应为.*\[身份证校验位\]\n/);
    expect(r.out).toContain('[表头缺少栏目]');
    expect(r.out).not.toContain('[id.checksum]');
  });

  test('--out writes an annotated copy; the input file is untouched', async () => {
    const before = sha(bad);
    const out = join(dir, 'bad-标注.xlsx');
    const r = run('validate', bad, '--as-of', '2025-03-01', '--out', out);
    expect(r.code).toBe(1);
    expect(r.out).toContain('标注版已保存');
    expect(sha(bad)).toBe(before);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const c2 = wb.getWorksheet('申报信息')!.getCell('C2');
    const original = new ExcelJS.Workbook();
    await original.xlsx.readFile(bad);
    expect(c2.value).toBe(original.getWorksheet('申报信息')!.getCell('C2').value);
    expect(JSON.stringify(c2.note)).toContain('用户自己的批注');
    expect(JSON.stringify(c2.note)).toContain('最后一位应为');
    expect(wb.getWorksheet('校验结果')).toBeDefined();
  });

  test('--out equal to the input is refused', () => {
    const before = sha(bad);
    const r = run('validate', bad, '--out', bad);
    expect(r.code).toBe(2);
    expect(r.err).toContain('不能是输入文件本身');
    expect(sha(bad)).toBe(before);
  });

  test('--program overrides detection; --as-of must be a real date', () => {
    const r = run('validate', clean, '--program', 'sqc-2024', '--as-of', '2024-03-01', '--format', 'json');
    expect(JSON.parse(r.out).program).toBe('sqc-2024');
    const d = run('validate', clean, '--as-of', '2025-02-30');
    expect(d.code).toBe(2);
    expect(d.err).toContain('不是有效日期');
  });
});

describe('unusable input: exit 2, one clear line, no stack trace', () => {
  const expectOneLine = (r: ReturnType<typeof run>, text: RegExp) => {
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(text);
    expect(r.err).not.toMatch(/\n\s+at |Error:/);
  };

  test('missing file, folder', () => {
    expectOneLine(run('validate', join(dir, 'nope.xlsx')), /找不到文件/);
    mkdirSync(join(dir, 'folder.xlsx'), { recursive: true });
    expectOneLine(run('validate', join(dir, 'folder.xlsx')), /是文件夹/);
  });

  test('not a workbook, empty, truncated', () => {
    writeFileSync(join(dir, 'text.xlsx'), 'this is not a workbook');
    // Text under an .xlsx name is not read as CSV; the advice never says "save as .xlsx" (IDs would become numbers).
    const text = run('validate', join(dir, 'text.xlsx'));
    expectOneLine(text, /文本文件.*扩展名改为 \.csv/);
    expect(text.err).not.toMatch(/另存为 \.xlsx 再试/);
    expect(text.err).toContain('请不要在 Excel 中另存为 .xlsx');
    writeFileSync(join(dir, 'empty.xlsx'), '');
    expectOneLine(run('validate', join(dir, 'empty.xlsx')), /空/);
    const bytes = readFileSync(clean);
    writeFileSync(join(dir, 'half.xlsx'), bytes.subarray(0, Math.floor(bytes.length / 2)));
    expectOneLine(run('validate', join(dir, 'half.xlsx')), /不完整|损坏/);
  });

  test('a workbook with no recognisable table', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1').addRow(['会议纪要']);
    await wb.xlsx.writeFile(join(dir, 'prose.xlsx'));
    expectOneLine(run('validate', join(dir, 'prose.xlsx')), /找不到可识别的表格/);
    expectOneLine(run('validate', join(dir, 'prose.xlsx'), '--program', 'qingpu-2018'), /没有找到“青浦工匠 2018”的表格/);
  });

  test('unknown programme, malformed profile file, bad option', () => {
    expectOneLine(run('validate', clean, '--program', 'sqc-2099'), /没有项目配置 “sqc-2099”/);
    writeFileSync(join(dir, 'p.json'), JSON.stringify({ id: 'sqc-2026', extends: 'sqc-2025', deadline: '27 March' }));
    expectOneLine(run('validate', clean, '--profile', join(dir, 'p.json')), /deadline/);
    writeFileSync(join(dir, 'broken.json'), '{ "id": ');
    expectOneLine(run('validate', clean, '--profile', join(dir, 'broken.json')), /不是有效的 JSON/);
    expect(run('validate', clean, '--format', 'xml').code).toBe(2);
  });

  test('a user profile for next year works', () => {
    writeFileSync(join(dir, 'next.json'), JSON.stringify({ id: 'sqc-2026', extends: 'sqc-2025', year: 2026, deadline: '2026-03-27' }));
    const r = run('validate', clean, '--profile', join(dir, 'next.json'), '--as-of', '2026-03-01', '--format', 'json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).program).toBe('sqc-2026');
  });
});

describe('header synonyms of a user profile', () => {
  test('a column headed with the office’s own word is found once the profile names it; the parent’s synonyms stay', async () => {
    const file = join(dir, '就业单位.xlsx');
    const wb = new ExcelJS.Workbook();
    const d = wb.addWorksheet('申报信息');
    d.addRow(['姓名', '性别', '身份证号码', '联系电话', '就业单位', '技能等级']);
    d.addRow(['林晓', '女', validId('31010119850307002'), '021-55885591', '上海申江精密机械有限公司', '高级技师']);
    await wb.xlsx.writeFile(file);
    const missing = (out: string) =>
      (JSON.parse(out).findings as { rule: string; message: string }[]).filter((f) => f.rule === 'table.missing-column').map((f) => f.message);
    const builtin = run('validate', file, '--program', 'sqc-2025', '--as-of', '2025-03-01', '--format', 'json');
    expect(missing(builtin.out).some((m) => m.includes('「工作单位」'))).toBe(true);
    writeFileSync(join(dir, 'own-words.json'), JSON.stringify({ id: 'sqc-2025-own', extends: 'sqc-2025', headerSynonyms: [['工作单位', '就业单位']] }));
    const own = run('validate', file, '--profile', join(dir, 'own-words.json'), '--as-of', '2025-03-01', '--format', 'json');
    expect(missing(own.out).some((m) => m.includes('「工作单位」'))).toBe(false);
    // 联系电话 is still the 手机号码 column (the parent's synonym): no column is said missing for it.
    expect(missing(own.out).some((m) => m.includes('「手机号码」'))).toBe(false);
  });
});

describe('jiangxuan programs', () => {
  test('lists every built-in profile with its deadline', () => {
    const r = run('programs', '--format', 'json');
    expect(r.code).toBe(0);
    const ids = JSON.parse(r.out).programs.map((p: { id: string; deadline: string | null }) => `${p.id}:${p.deadline}`);
    expect(ids).toEqual(['sqc-2025:2025-03-28', 'sqc-2024:2024-03-25', 'sh-craftsman-2024:2024-07-15', 'qingpu-2018:2018-09-10', 'sqc-cultivation-2026:null']);
    expect(run('programs').out).toContain('截止 2025-03-28（已过）');
  });
});

test('fixtures stay in the temp folder', () => {
  expect(existsSync(join(ROOT, 'bad-标注.xlsx'))).toBe(false);
});
