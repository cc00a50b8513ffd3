/**
 * `jiangxuan scoresheets` and `jiangxuan consolidate` as a user runs them (the built CLI; npm test builds it):
 * files on disk, exit codes 0/1/2, one-line errors without stack traces, the JSON shape.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { candidatesWorkbook, even, expertsWorkbook, fillSheet } from './helpers';

const ROOT = join(__dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'jx-scoring-cli-'));

function run(...args: string[]) {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'jiangxuan.js'), ...args], { encoding: 'utf8', cwd: dir });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const CANDIDATES = [
  { name: '林晓', unit: '上海浦江电子科技有限公司' },
  { name: '王强', unit: '上海东海汽车零部件有限公司' },
  { name: '陈洁', unit: '上海华申生物医药股份有限公司' },
];
const EXPERTS = [
  ['张华', '复旦大学', 'zh@example.com'],
  ['李明', '同济大学', null],
  ['周涛', '上海浦江电子科技有限公司', null],
];

beforeAll(async () => {
  writeFileSync(join(dir, '推荐汇总表.xlsx'), await candidatesWorkbook(CANDIDATES));
  writeFileSync(join(dir, '专家.xlsx'), await expertsWorkbook(EXPERTS));
  writeFileSync(join(dir, 'notes.txt.xlsx'), 'just text');
});

describe('jiangxuan scoresheets', () => {
  test('writes one file per expert and the key; exit 0', () => {
    const r = run('scoresheets', '--program', 'sqc-2025', '--candidates', '推荐汇总表.xlsx', '--experts', '专家.xlsx', '--out', 'sheets');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(readdirSync(join(dir, 'sheets')).sort()).toEqual(['评分安排-书面初评（内部，勿发专家）.xlsx', '评分表-周涛-书面初评.xlsx', '评分表-张华-书面初评.xlsx', '评分表-李明-书面初评.xlsx'].sort());
    expect(r.out).toContain('候选人 3 名');
    expect(r.out).toContain('同单位回避 1 对');
    expect(r.out).toContain('评分表-周涛-书面初评.xlsx  2 名候选人');
    expect(r.out).toContain('→ zh@example.com');
  });

  test('refuses to overwrite sheets already sent (unless --force)', () => {
    const r = run('scoresheets', '--program', 'sqc-2025', '--candidates', '推荐汇总表.xlsx', '--experts', '专家.xlsx', '--out', 'sheets');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/已有 4 个同名文件.*--force/);
    expect(r.err.trim().split('\n')).toHaveLength(1);
  });

  test('unusable input: exit 2, one line, no stack trace', () => {
    const r = run('scoresheets', '--program', 'sqc-2025', '--candidates', '专家.xlsx', '--experts', '专家.xlsx', '--out', 'x');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^候选人文件中找不到“上海质量工匠 2025”的名单表格/);
    expect(r.err).not.toMatch(/\bat .*\.js:\d+/);
    const r2 = run('scoresheets', '--program', 'sqc-2025', '--candidates', '推荐汇总表.xlsx', '--experts', 'notes.txt.xlsx', '--out', 'x');
    expect(r2.code).toBe(2);
    expect(r2.err).toContain('专家名单 notes.txt.xlsx：这是文本文件');
    const r3 = run('scoresheets', '--candidates', '推荐汇总表.xlsx', '--experts', '专家.xlsx', '--out', 'x');
    expect(r3.code).toBe(2);
    expect(r3.err).toContain('请用 --program 指定项目');
    const r4 = run('scoresheets', '--program', 'sqc-2025', '--candidates', '推荐汇总表.xlsx', '--experts', '专家.xlsx', '--out', 'x', '--round', '终评');
    expect(r4.code).toBe(2);
    expect(r4.err).toContain('轮次“终评”不在项目配置的评审轮次中（可用：书面初评、会审答辩）');
    expect(existsSync(join(dir, 'x'))).toBe(false);
  });

  test('candidates nobody can score: files written, exit 1, the reason printed', async () => {
    writeFileSync(join(dir, 'one-expert.xlsx'), await expertsWorkbook([['周涛', '上海浦江电子科技有限公司']]));
    const r = run('scoresheets', '--program', 'sqc-2025', '--candidates', '推荐汇总表.xlsx', '--experts', 'one-expert.xlsx', '--out', 'thin');
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/错误 {2}C001 林晓（上海浦江电子科技有限公司）无人评分：专家（周涛）都与其同单位/);
    expect(existsSync(join(dir, 'thin', '评分表-周涛-书面初评.xlsx'))).toBe(true);
  });
});

describe('jiangxuan consolidate', () => {
  const totals: Record<string, Record<string, number>> = {
    张华: { C001: 80, C002: 70, C003: 90 },
    李明: { C001: 85, C002: 75, C003: 95 },
    周涛: { C002: 60, C003: 85 },
  };

  beforeAll(async () => {
    mkdirSync(join(dir, 'returned'));
    for (const [name, scores] of Object.entries(totals)) {
      const sent = readFileSync(join(dir, 'sheets', `评分表-${name}-书面初评.xlsx`));
      const fills = Object.fromEntries(Object.entries(scores).map(([code, t]) => [code, { criteria: even(t), recommend: '推荐' }]));
      writeFileSync(join(dir, 'returned', `评分表-${name}-书面初评.xlsx`), await fillSheet(sent, fills));
    }
    writeFileSync(join(dir, 'returned', '~$评分表-张华-书面初评.xlsx'), 'lock file');
  });

  test('every file usable → exit 0; the JSON shape', () => {
    const r = run('consolidate', 'returned', 'sheets/评分安排-书面初评（内部，勿发专家）.xlsx', '--program', 'sqc-2025', '--out', 'result.xlsx', '--format', 'json', '--top', '1');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(Object.keys(j)).toEqual(expect.arrayContaining(['candidates', 'experts', 'problems', 'program', 'round', 'agreement', 'files']));
    expect(j.program).toBe('sqc-2025');
    expect(j.round).toBe('书面初评');
    // C003: 90, 95, 85 → mean 90 (fewer than 5 scores: the trimmed mean is the mean); C001: 80, 85 → 82.5
    expect(j.candidates[0]).toMatchObject({ code: 'C003', name: '陈洁', scores: [90, 95, 85], count: 3, mean: 90, trimmedMean: 90, rank: 1, shortlisted: true });
    expect(j.candidates[1]).toMatchObject({ code: 'C001', scores: [80, 85], mean: 82.5, rank: 2, shortlisted: false, expected: 2 });
    expect(j.candidates[2]).toMatchObject({ code: 'C002', mean: 68.3333, rank: 3 });
    expect(j.experts.map((e: { code: string; name: string }) => `${e.code} ${e.name}`)).toEqual(['E01 张华', 'E02 李明', 'E03 周涛']);
    expect(j.experts[0]).toEqual(expect.objectContaining({ count: 3, mean: 80, leniency: expect.any(Number), flags: [] }));
    expect(j.problems).toEqual([]);
    expect(j.out).toBe('result.xlsx');
    expect(existsSync(join(dir, 'result.xlsx'))).toBe(true);
  });

  test('a rejected file → exit 1, results still written, problem listed per file', async () => {
    mkdirSync(join(dir, 'returned2'));
    for (const name of Object.keys(totals)) {
      const from = join(dir, 'returned', `评分表-${name}-书面初评.xlsx`);
      writeFileSync(join(dir, 'returned2', `评分表-${name}-书面初评.xlsx`), readFileSync(from));
    }
    const sent = readFileSync(join(dir, 'sheets', '评分表-李明-书面初评.xlsx'));
    writeFileSync(join(dir, 'returned2', '评分表-李明-书面初评.xlsx'), await fillSheet(sent, { C001: { criteria: [25, 20, 20, 20, 20], recommend: '推荐' } }));
    const r = run('consolidate', 'returned2', '--program', 'sqc-2025', '--out', 'result2.xlsx');
    expect(r.code).toBe(1);
    expect(r.out).toContain('有效 2 份，退回 1 份');
    expect(r.out).toMatch(/错误 {2}returned2\/评分表-李明-书面初评.xlsx：C001（D4）引领力 25 分超出范围 0～20/);
    expect(r.out).toContain('结果已保存：result2.xlsx');
    expect(existsSync(join(dir, 'result2.xlsx'))).toBe(true);
  });

  test('nothing usable → exit 2, no result file', () => {
    const r = run('consolidate', 'notes.txt.xlsx', '--program', 'sqc-2025', '--out', 'result3.xlsx', '--format', 'json');
    expect(r.code).toBe(2);
    const j = JSON.parse(r.out);
    expect(j.problems).toEqual([expect.objectContaining({ file: 'notes.txt.xlsx', severity: 'error', message: expect.stringContaining('文本文件') })]);
    expect(existsSync(join(dir, 'result3.xlsx'))).toBe(false);
  });

  test('bad usage → exit 2 with one line', () => {
    expect(run('consolidate', 'nowhere', '--program', 'sqc-2025', '--out', 'r.xlsx').err).toBe('找不到 nowhere：请检查路径和文件名\n');
    const empty = join(dir, 'empty');
    mkdirSync(empty);
    const r = run('consolidate', 'empty', '--program', 'sqc-2025', '--out', 'r.xlsx');
    expect(r.code).toBe(2);
    expect(r.err).toContain('没有找到评分表文件');
    expect(run('consolidate', 'returned', '--program', 'sqc-2025', '--out', 'r.xlsx', '--trim', 'x').err).toContain('--trim “x” 应为非负整数');
    expect(run('consolidate', 'returned/评分表-张华-书面初评.xlsx', '--program', 'sqc-2025', '--out', 'returned/评分表-张华-书面初评.xlsx').err).toContain('--out 不能是输入文件本身');
    expect(run('consolidate', 'returned', '--program', 'sqc-2025', '--out', 'returned/评分表-张华-书面初评.xlsx').err).toContain('不是匠选的汇总结果：匠选不会覆盖交回的文件');
    // An earlier result in the folder may be replaced, with --force (issue 10: no command replaces a file silently).
    const again = run('consolidate', '.', '--program', 'sqc-2025', '--out', 'result.xlsx', '--round', '书面初评');
    expect(again.code).toBe(2);
    expect(again.err).toContain('result.xlsx 已存在');
    expect(run('consolidate', '.', '--program', 'sqc-2025', '--out', 'result.xlsx', '--round', '书面初评', '--force').code).not.toBe(2);
  });
});
