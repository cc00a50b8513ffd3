/**
 * `jiangxuan scoresheets`, `jiangxuan consolidate` and `jiangxuan finalize` as a user runs them (the built CLI;
 * npm test builds it): files on disk, exit codes 0/1/2, one-line errors without stack traces, the JSON shape.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { candidatesWorkbook, even, expertsWorkbook, fillSheet } from './helpers';

const ROOT = join(__dirname, '..', '..');
const KEY_DIR = '评分安排（内部，勿外发）';
const KEY = `sheets/${KEY_DIR}/评分安排-书面初评（内部，勿外发）.xlsx`;
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
  test('writes one file per expert in 评分表/ and the key in a folder of its own; exit 0', () => {
    const r = run('scoresheets', '--program', 'sqc-2025', '--candidates', '推荐汇总表.xlsx', '--experts', '专家.xlsx', '--out', 'sheets');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(readdirSync(join(dir, 'sheets')).sort()).toEqual([KEY_DIR, '评分表'].sort());
    expect(readdirSync(join(dir, 'sheets', '评分表')).sort()).toEqual(['评分表-周涛-书面初评.xlsx', '评分表-张华-书面初评.xlsx', '评分表-李明-书面初评.xlsx'].sort());
    expect(readdirSync(join(dir, 'sheets', KEY_DIR))).toEqual(['评分安排-书面初评（内部，勿外发）.xlsx']);
    expect(r.out).toContain('切勿发给专家');
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
    expect(existsSync(join(dir, 'thin', '评分表', '评分表-周涛-书面初评.xlsx'))).toBe(true);
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
      const sent = readFileSync(join(dir, 'sheets', '评分表', `评分表-${name}-书面初评.xlsx`));
      const fills = Object.fromEntries(Object.entries(scores).map(([code, t]) => [code, { criteria: even(t), recommend: '推荐' }]));
      writeFileSync(join(dir, 'returned', `评分表-${name}-书面初评.xlsx`), await fillSheet(sent, fills));
    }
    writeFileSync(join(dir, 'returned', '~$评分表-张华-书面初评.xlsx'), 'lock file');
  });

  test('every file usable → exit 0; the JSON shape', () => {
    const r = run('consolidate', 'returned', KEY, '--program', 'sqc-2025', '--out', 'result.xlsx', '--format', 'json', '--top', '1');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(Object.keys(j)).toEqual(expect.arrayContaining(['candidates', 'experts', 'problems', 'program', 'round', 'agreement', 'files']));
    expect(j.program).toBe('sqc-2025');
    expect(j.round).toBe('书面初评');
    expect(j).toMatchObject({ verified: true, mode: 'scores' });
    // C003: 90, 95, 85 → mean 90 (fewer than 5 scores: the trimmed mean is the mean); C001: 80, 85 → 82.5
    expect(j.candidates[0]).toMatchObject({ code: 'C003', name: '陈洁', scores: [90, 95, 85], count: 3, mean: 90, trimmedMean: 90, rank: 1, shortlisted: true });
    // C001 has 2 scores, fewer than the round's 3: ranked, never shortlisted.
    expect(j.candidates[1]).toMatchObject({ code: 'C001', scores: [80, 85], mean: 82.5, rank: 2, shortlisted: false, eligible: false, expected: 2 });
    expect(j.candidates[2]).toMatchObject({ code: 'C002', mean: 68.3333, rank: 3 });
    expect(j.experts.map((e: { code: string; name: string }) => `${e.code} ${e.name}`)).toEqual(['E01 张华', 'E02 李明', 'E03 周涛']);
    expect(j.experts[0]).toEqual(expect.objectContaining({ count: 3, mean: 80, leniency: expect.any(Number), flags: [] }));
    expect(j.problems).toEqual([expect.objectContaining({ severity: 'warning', code: 'result.too-few-scores', candidate: 'C001', message: 'C001 林晓 只有 2 份有效评分，少于本轮要求的 3 份，不列入建议名单' })]);
    expect(j.out).toBe('result.xlsx');
    expect(j.basis).toBe('依据 3 份有效评分表（发出 3 份）；有效评分少于 3 份的候选人不列入建议名单。');
    expect(existsSync(join(dir, 'result.xlsx'))).toBe(true);
  });

  test('a rejected file → exit 1, results still written, problem listed per file', async () => {
    mkdirSync(join(dir, 'returned2'));
    for (const name of Object.keys(totals)) {
      const from = join(dir, 'returned', `评分表-${name}-书面初评.xlsx`);
      writeFileSync(join(dir, 'returned2', `评分表-${name}-书面初评.xlsx`), readFileSync(from));
    }
    const sent = readFileSync(join(dir, 'sheets', '评分表', '评分表-李明-书面初评.xlsx'));
    writeFileSync(
      join(dir, 'returned2', '评分表-李明-书面初评.xlsx'),
      await fillSheet(sent, { C001: { criteria: [25, 20, 20, 20, 20], recommend: '推荐' } }, { mutate: (ws) => void (ws.getCell('B4').value = '林小晓') }),
    );
    const r = run('consolidate', 'returned2', KEY, '--program', 'sqc-2025', '--out', 'result2.xlsx');
    expect(r.code).toBe(1);
    expect(r.out).toContain('有效 2 份，退回 1 份');
    expect(r.out).toMatch(/错误 {2}returned2\/评分表-李明-书面初评.xlsx：候选人行被增删、改动或调换顺序（C001 的姓名应为“林晓”，现为“林小晓”）/);
    expect(r.out).toContain('结果已保存：result2.xlsx');
    expect(existsSync(join(dir, 'result2.xlsx'))).toBe(true);
  });

  test('a bad cell costs one score: the file counts, the cell is named', async () => {
    mkdirSync(join(dir, 'returned4'));
    for (const name of ['张华', '周涛']) writeFileSync(join(dir, 'returned4', `评分表-${name}-书面初评.xlsx`), readFileSync(join(dir, 'returned', `评分表-${name}-书面初评.xlsx`)));
    const sent = readFileSync(join(dir, 'sheets', '评分表', '评分表-李明-书面初评.xlsx'));
    writeFileSync(join(dir, 'returned4', '评分表-李明-书面初评.xlsx'), await fillSheet(sent, { C001: { criteria: ['18分', 20, 20, 20, 20], recommend: '推荐' }, C002: { criteria: even(75), recommend: '推荐' }, C003: { criteria: even(95), recommend: '推荐' } }));
    const r = run('consolidate', 'returned4', KEY, '--program', 'sqc-2025', '--out', 'result4.xlsx');
    expect(r.code).toBe(0);
    expect(r.out).toContain('有效 3 份，退回 0 份');
    expect(r.out).toMatch(/不计 {2}returned4\/评分表-李明-书面初评.xlsx：C001（E4）引领力“18分”是文字，不是数字/);
  });

  test('without the key file: refused (exit 2, one line); with --no-key every output says the origin is not verified', () => {
    const r = run('consolidate', 'returned', '--program', 'sqc-2025', '--out', 'result5.xlsx');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^没有本轮的评分安排文件.*--no-key/);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(existsSync(join(dir, 'result5.xlsx'))).toBe(false);
    const t = run('consolidate', 'returned', '--program', 'sqc-2025', '--out', 'result5.xlsx', '--no-key');
    expect(t.code).toBe(0);
    expect(t.out.split('\n')[1]).toMatch(/^来源未核实/);
    expect(t.out.trim().split('\n').pop()).toMatch(/^来源未核实/);
    const j = JSON.parse(run('consolidate', 'returned', '--program', 'sqc-2025', '--out', 'result5.xlsx', '--no-key', '--format', 'json', '--force').out);
    expect(j).toMatchObject({ verified: false, verification: expect.stringMatching(/^来源未核实/) });
  });

  test('nothing usable → exit 2, no result file', () => {
    const r = run('consolidate', 'notes.txt.xlsx', '--program', 'sqc-2025', '--out', 'result3.xlsx', '--format', 'json', '--no-key');
    expect(r.code).toBe(2);
    const j = JSON.parse(r.out);
    expect(j.problems).toEqual(expect.arrayContaining([expect.objectContaining({ file: 'notes.txt.xlsx', severity: 'error', message: expect.stringContaining('文本文件') })]));
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

describe('jiangxuan finalize', () => {
  test('writes a frozen, protected copy with its content hash; --check finds it unchanged, then changed', async () => {
    expect(run('consolidate', 'returned', KEY, '--program', 'sqc-2025', '--out', 'final-src.xlsx', '--top', '1').code).toBe(0);
    const before = statSync(join(dir, 'final-src.xlsx')).mtimeMs;
    const r = run('finalize', 'final-src.xlsx');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const hash = /内容校验码（SHA-256）：([0-9a-f]{64})/.exec(r.out)![1];
    expect(r.out).toContain('定稿已保存：final-src-定稿.xlsx');
    expect(statSync(join(dir, 'final-src.xlsx')).mtimeMs).toBe(before);
    // No formula left, every sheet protected, the hash on the sign-off block.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'final-src-定稿.xlsx'));
    let formulas = 0;
    for (const ws of wb.worksheets) {
      expect([ws.name, (ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet]).toEqual([ws.name, true]);
      ws.eachRow((row) => row.eachCell((cell) => void (cell.type === ExcelJS.ValueType.Formula && formulas++)));
    }
    expect(formulas).toBe(0);
    const texts = wb.getWorksheet('结果汇总')!.getSheetValues().flat().filter((v): v is string => typeof v === 'string');
    expect(texts.find((t) => t.startsWith('定稿：'))).toContain(hash);
    expect(wb.getWorksheet('结果汇总')!.getCell('A6').value).toBe(1);
    const check = run('finalize', '--check', 'final-src-定稿.xlsx');
    expect(check.code).toBe(0);
    expect(check.out).toContain(`定稿内容未被改动：内容校验码 ${hash}`);
    // A figure edited in the copy (protection lifted by someone who knows how): --check says so.
    const ws = wb.getWorksheet('结果汇总')!;
    ws.unprotect();
    ws.getCell('G6').value = 99;
    await wb.xlsx.writeFile(join(dir, 'final-edited.xlsx'));
    const changed = run('finalize', '--check', 'final-edited.xlsx');
    expect(changed.code).toBe(1);
    expect(changed.out).toMatch(/^定稿内容已被改动：记录的校验码 [0-9a-f]{64}，现在的内容算得 [0-9a-f]{64}/);
    // Refusals: the copy again, a file that is not a result, an existing output.
    expect(run('finalize', 'final-src-定稿.xlsx', '--out', 'x.xlsx').err).toMatch(/这已经是定稿/);
    expect(run('finalize', '推荐汇总表.xlsx').err).toMatch(/^推荐汇总表.xlsx：这不是匠选的评分结果工作簿/);
    const again = run('finalize', 'final-src.xlsx');
    expect(again.code).toBe(2);
    expect(again.err).toMatch(/final-src-定稿.xlsx 已存在/);
  });
});
