/**
 * `jiangxuan consolidate` over a folder as the organiser receives it: one expert returned the sheet as sent (.xlsx),
 * one re-saved it as .xls and one as .ods (LibreOffice headless stands in for WPS/LibreOffice "save as"), plus a
 * PDF and a CSV that are not score sheets. Every returned sheet counts (the very hidden metadata and its signature
 * survive the round trip; the sheet protection of an .xls or .ods cannot be read, which is said), the ranking equals
 * the all-.xlsx one, and the other files are named with the reason they were not read — never "未收到专家…的评分表"
 * for a file that is in the folder. Skipped when LibreOffice is not installed.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { candidatesWorkbook, even, expertsWorkbook, fillSheet } from './helpers';

const ROOT = join(__dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'jx-scoring-formats-'));
const soffice = spawnSync('sh', ['-c', 'command -v soffice'], { encoding: 'utf8' }).stdout.trim();
const maybe = soffice ? describe : describe.skip;

function run(...args: string[]) {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'jiangxuan.js'), ...args], { encoding: 'utf8', cwd: dir });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** LibreOffice "save as" into `outDir` (a private profile in the temp folder). */
function saveAs(file: string, format: 'xls' | 'ods', outDir: string): void {
  const r = spawnSync(soffice, [`-env:UserInstallation=file://${join(dir, 'lo')}`, '--headless', '--convert-to', format, '--outdir', outDir, file], {
    encoding: 'utf8',
    env: { ...process.env, HOME: dir },
    timeout: 90000,
  });
  if (r.status !== 0) throw new Error(`soffice failed: ${r.stderr}`);
}

const KEY = '评分安排-书面初评（内部，勿外发）.xlsx';
const KEY_PATH = join('sheets', '评分安排（内部，勿外发）', KEY);

const TOTALS: Record<string, Record<string, number>> = {
  张华: { C001: 80, C002: 70, C003: 90 },
  李明: { C001: 85, C002: 75, C003: 95 },
  周涛: { C001: 60, C002: 65, C003: 85 },
};

maybe('consolidate: score sheets re-saved as .xls and .ods', () => {
  beforeAll(async () => {
    writeFileSync(join(dir, '推荐汇总表.xlsx'), await candidatesWorkbook([
      { name: '林晓', unit: '上海浦江电子科技有限公司' },
      { name: '王强', unit: '上海东海汽车零部件有限公司' },
      { name: '陈洁', unit: '上海华申生物医药股份有限公司' },
    ]));
    writeFileSync(join(dir, '专家.xlsx'), await expertsWorkbook([['张华', '复旦大学'], ['李明', '同济大学'], ['周涛', '华东理工大学']]));
    const g = run('scoresheets', '--program', 'sqc-2025', '--candidates', '推荐汇总表.xlsx', '--experts', '专家.xlsx', '--out', 'sheets');
    expect(g.code).toBe(0);
    mkdirSync(join(dir, 'filled'));
    for (const [name, scores] of Object.entries(TOTALS)) {
      const sent = readFileSync(join(dir, 'sheets', '评分表', `评分表-${name}-书面初评.xlsx`));
      const fills = Object.fromEntries(Object.entries(scores).map(([code, t]) => [code, { criteria: even(t), recommend: '推荐' }]));
      writeFileSync(join(dir, 'filled', `评分表-${name}-书面初评.xlsx`), await fillSheet(sent, fills));
    }
    mkdirSync(join(dir, 'returned'));
    copyFileSync(join(dir, 'filled', '评分表-张华-书面初评.xlsx'), join(dir, 'returned', '评分表-张华-书面初评.xlsx'));
    saveAs(join(dir, 'filled', '评分表-李明-书面初评.xlsx'), 'xls', join(dir, 'returned'));
    saveAs(join(dir, 'filled', '评分表-周涛-书面初评.xlsx'), 'ods', join(dir, 'returned'));
    copyFileSync(join(dir, KEY_PATH), join(dir, 'returned', KEY));
    writeFileSync(join(dir, 'returned', '评分说明.pdf'), '%PDF-1.4\n');
    writeFileSync(join(dir, 'returned', '李明的分数.csv'), '编号,总分\nC001,85\n');
  }, 240000);

  test('the folder holds what the organiser received', () => {
    expect(readdirSync(join(dir, 'returned')).sort()).toEqual(
      ['李明的分数.csv', KEY, '评分表-周涛-书面初评.ods', '评分表-张华-书面初评.xlsx', '评分表-李明-书面初评.xls', '评分说明.pdf'].sort(),
    );
  });

  test('every returned sheet counts; the ranking equals the all-.xlsx one; the other files are named', () => {
    const r = run('consolidate', 'returned', '--program', 'sqc-2025', '--out', 'result.xlsx', '--format', 'json');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.verified).toBe(true);
    // Bound by their signatures; only the protection of the .xls and the .ods cannot be checked.
    expect(j.problems.map((p: { file: string; code: string }) => [p.file, p.code])).toEqual([
      ['returned/评分表-周涛-书面初评.ods', 'sheet.protection-unknown'],
      ['returned/评分表-李明-书面初评.xls', 'sheet.protection-unknown'],
    ]);
    expect(j.skipped).toEqual([
      { file: 'returned/李明的分数.csv', reason: expect.stringContaining('不能作为评分表') },
      { file: 'returned/评分说明.pdf', reason: expect.stringContaining('PDF') },
    ]);
    const all = run('consolidate', 'filled', KEY_PATH, '--program', 'sqc-2025', '--out', 'result-xlsx.xlsx', '--format', 'json');
    expect(all.code).toBe(0);
    const strip = (c: { code: string; scores: number[]; rank: number; trimmedMean: number }) => ({ code: c.code, scores: c.scores, rank: c.rank, trimmedMean: c.trimmedMean });
    expect(j.candidates.map(strip)).toEqual(JSON.parse(all.out).candidates.map(strip));
    // C003: 90, 95, 85 from the .xlsx, the .xls and the .ods.
    expect(j.candidates[0]).toMatchObject({ code: 'C003', scores: [90, 95, 85], count: 3 });
  });

  test('the text report lists the files not read before the results, and no expert as missing', () => {
    const r = run('consolidate', 'returned', '--program', 'sqc-2025', '--out', 'result2.xlsx');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^未读取 2 个文件（不是评分表的格式）：\n {2}returned\/李明的分数\.csv：.*\n {2}returned\/评分说明\.pdf：PDF 文件不能汇总/);
    expect(r.out).toContain('评分表：有效 3 份，退回 0 份');
    expect(r.out).not.toContain('未收到');
  });

  test('a folder with no score sheet at all says which files it found', () => {
    mkdirSync(join(dir, 'only-pdf'));
    writeFileSync(join(dir, 'only-pdf', '扫描件.pdf'), '%PDF-1.4\n');
    const r = run('consolidate', 'only-pdf', '--program', 'sqc-2025', '--out', 'r.xlsx');
    expect(r.code).toBe(2);
    expect(r.err.trim()).toBe('only-pdf 中没有找到评分表文件（.xlsx，或 WPS、LibreOffice 另存的 .xls、.et、.ods）（另有 1 个其他文件：only-pdf/扫描件.pdf）');
  });
});
