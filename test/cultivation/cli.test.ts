/**
 * `jiangxuan cultivation`, `jiangxuan cultivation rollover` and `jiangxuan validate` on a tracking workbook, as a
 * user runs them: the built CLI (rebuilt here when dist is older than the cultivation sources), real files,
 * exit codes 0 / 1 / 2, one Chinese line on stderr, inputs never modified.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { buildNominees, writeNominationWorkbook } from '../../src/samples/fake-nominees';
import { plantedWorkbook } from './planted';

const ROOT = join(__dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'jx-cultivation-cli-'));

function newest(path: string): number {
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((f) => newest(join(path, f))));
}

/** `npm test` builds the CLI first; `npx jest test/cultivation` may not have: build when dist is stale. */
beforeAll(() => {
  const built = join(ROOT, 'dist', 'cli', 'cultivation-commands.js');
  const sources = ['src/cli', 'src/core', 'src/adapters/exceljs'].map((p) => newest(join(ROOT, p)));
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
const oneLine = (err: string) => {
  expect(err.trim().split('\n')).toHaveLength(1);
  expect(err).not.toMatch(/\n\s+at /);
};
async function sheetNames(file: string): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb.worksheets.map((w) => w.name);
}

let nominees: string;
beforeAll(async () => {
  nominees = join(dir, '推荐名单.xlsx');
  writeFileSync(nominees, await writeNominationWorkbook('sqc-2025', buildNominees({ count: 4, seed: 'cli', programme: 'sqc-2025' })));
  writeFileSync(join(dir, 'planted.xlsx'), await plantedWorkbook());
  writeFileSync(join(dir, 'notes.xlsx'), '姓名,单位\n王一,某公司\n');
});

describe('jiangxuan cultivation', () => {
  test('from a nominee workbook → exit 0, the workbook is written, the input untouched', async () => {
    const before = sha(nominees);
    const r = run('cultivation', '--program', 'sqc-cultivation-2026', '--trainees', nominees, '--year', '2026', '--out', 'track.xlsx');
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(r.out).toContain('已生成2026年度培育跟踪工作簿：track.xlsx');
    expect(r.out).toContain('培育对象 4 人，来自 推荐名单.xlsx 的工作表“申报信息”');
    expect(sha(nominees)).toBe(before);
    expect(await sheetNames(join(dir, 'track.xlsx'))).toEqual(['说明', '培育对象清单', '培育计划', '培育档案', '阶段考核', '期满考评', '退出记录', '助企行服务统计', '仪表盘']);
  });

  test('without --trainees → an empty workbook', () => {
    const r = run('cultivation', '--out', 'empty.xlsx', '--start', '2026-04-01');
    expect(r.code).toBe(0);
    expect(r.out).toContain('培育对象 0 人（空白');
  });

  test('never overwrites: an existing --out needs --force; --out may not be the input', () => {
    writeFileSync(join(dir, 'keep.xlsx'), 'filled in all year');
    let r = run('cultivation', '--out', 'keep.xlsx');
    expect(r.code).toBe(2);
    oneLine(r.err);
    expect(r.err).toContain('keep.xlsx 已存在');
    expect(readFileSync(join(dir, 'keep.xlsx'), 'utf8')).toBe('filled in all year');
    expect(run('cultivation', '--out', 'keep.xlsx', '--force').code).toBe(0);
    r = run('cultivation', '--trainees', nominees, '--out', nominees, '--force');
    expect(r.code).toBe(2);
    expect(r.err).toContain('--out 不能是输入文件本身');
  });

  test.each([
    [['--out', 'x.xlsx', '--trainees', 'notes.xlsx'], 'notes.xlsx：'],
    [['--out', 'x.xlsx', '--trainees', 'missing.xlsx'], '找不到文件 missing.xlsx'],
    [['--out', 'x.xlsx', '--trainees', 'empty.xlsx'], '找不到培育对象名单'],
    [['--out', 'x.xlsx', '--year', '26'], '--year “26” 不是有效年度'],
    [['--out', 'x.xlsx', '--start', '2026-13-01'], '--start “2026-13-01” 不是有效日期'],
    [['--out', 'x.xlsx', '--program', 'sqc-2025'], '“sqc-2025”是评选项目，不是培育项目'],
    [['--out', 'x.xlsx', '--program', 'nope'], '没有项目配置 “nope”'],
    [[], '请用 --out 指定'],
  ])('unusable input %j → exit 2, one line', (args, message) => {
    const r = run('cultivation', ...args);
    expect(r.code).toBe(2);
    oneLine(r.err);
    expect(r.err).toContain(message);
    expect(existsSync(join(dir, 'x.xlsx'))).toBe(false);
  });
});

describe('jiangxuan validate on a tracking workbook', () => {
  test('planted problems → exit 1, found at their cells (programme detected from the titles too)', () => {
    for (const args of [['--program', 'sqc-cultivation-2026'], []]) {
      const r = run('validate', 'planted.xlsx', ...args, '--as-of', '2026-09-30', '--format', 'json');
      expect(r.code).toBe(1);
      const j = JSON.parse(r.out);
      expect(j.program).toBe('sqc-cultivation-2026');
      const at = (j.findings as { rule: string; sheet: string; cell: string }[]).map((f) => `${f.rule} @ ${f.sheet}!${f.cell}`);
      expect(at).toEqual(expect.arrayContaining(['cultivation.unknown-trainee @ 培育档案!A4', 'cultivation.final-missing @ 培育对象清单!M4', 'cultivation.exit-reason @ 退出记录!C3', 'cultivation.plan-overdue @ 培育计划!E3']));
    }
  });
});

describe('jiangxuan cultivation rollover', () => {
  test('→ exit 0, report on stdout, input untouched', async () => {
    const before = sha(join(dir, 'planted.xlsx'));
    const r = run('cultivation', 'rollover', 'planted.xlsx', '--year', '2027', '--out', 'next.xlsx', '--as-of', '2027-01-15');
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(r.out).toContain('已结转到2027年度：next.xlsx');
    expect(r.out).toContain('“继续培育” 1 人结转：张三（自 2027-01-01）');
    expect(r.out).toMatch(/未结转 5 人：/);
    expect(sha(join(dir, 'planted.xlsx'))).toBe(before);
    expect(await sheetNames(join(dir, 'next.xlsx'))).toContain('历史·期满考评');
  });

  test.each([
    [['planted.xlsx', '--out', 'y.xlsx'], '请用 --year 指定新的培育年度'],
    [['planted.xlsx', '--year', '2026', '--out', 'y.xlsx'], '--year 2026 应晚于原工作簿的培育年度 2026'],
    [['planted.xlsx', '--year', '2027', '--out', 'planted.xlsx'], '--out 不能是输入文件本身'],
    [['planted.xlsx', '--year', '2027', '--out', 'y.xlsx', '--trainees', 'x.xlsx'], '结转不需要 --trainees'],
    [['推荐名单.xlsx', '--year', '2027', '--out', 'y.xlsx'], '不是培育跟踪工作簿'],
    [['notes.xlsx', '--year', '2027', '--out', 'y.xlsx'], 'notes.xlsx：'],
  ])('unusable input %j → exit 2, one line', (args, message) => {
    const r = run('cultivation', 'rollover', ...args);
    expect(r.code).toBe(2);
    oneLine(r.err);
    expect(r.err).toContain(message);
    expect(existsSync(join(dir, 'y.xlsx'))).toBe(false);
  });
});
