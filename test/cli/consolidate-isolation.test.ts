/**
 * `jiangxuan consolidate` with one bad entry among good returned files (issue 10): a file that cannot be read
 * from disk, a link to nothing, a folder that cannot be opened, a file whose content makes the reader fail — each
 * is rejected alone with its reason, the good sheets still count, a result is written (exit 1), and the command
 * never ends in 「匠选内部错误」. Links are followed once: the same sheet reached twice is read once, a link loop
 * ends. Real files; the built CLI.
 */
import { spawnSync, SpawnSyncOptions } from 'node:child_process';
import { chmodSync, copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { candidatesWorkbook, even, expertsWorkbook, fillSheet } from '../scoring/helpers';

const ROOT = join(__dirname, '..', '..');
const base = mkdtempSync(join(tmpdir(), 'jx-isolation-'));
const ROUND = join(base, 'round');
const KEY = join(ROUND, 'key.xlsx');
// Root ignores file permissions: permission cases run the CLI as "nobody" (uid 65534), as a normal user would.
const asUser: SpawnSyncOptions = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};

function run(cwd: string, args: string[], options: SpawnSyncOptions = {}) {
  const r = spawnSync(process.execPath, [join(ROOT, 'dist', 'cli', 'main.js'), ...args], { encoding: 'utf8', cwd, ...options });
  return { code: r.status, out: String(r.stdout), err: String(r.stderr) };
}

/** A copy of the good round (three filled sheets; the key stays beside them) in a fresh folder the unprivileged user can use. */
function freshRound(): string {
  const d = mkdtempSync(join(base, 'case-'));
  chmodSync(d, 0o777);
  cpSync(join(ROUND, 'returned'), join(d, 'returned'), { recursive: true });
  return d;
}

interface Report {
  files: { file: string; status: string }[];
  problems: { file?: string; severity: string; message: string }[];
  candidates: { code: string; count: number }[];
  out: string | null;
}

function consolidate(d: string, options: SpawnSyncOptions = {}): { code: number | null; err: string; json: Report } {
  const r = run(d, ['consolidate', 'returned', KEY, '--program', 'sqc-2025', '--out', 'result.xlsx', '--format', 'json'], options);
  expect(r.err).not.toContain('匠选内部错误');
  expect(r.err.trimEnd().split('\n').filter(Boolean).length).toBeLessThanOrEqual(1);
  return { code: r.code, err: r.err, json: JSON.parse(r.out) as Report };
}

/** Problems reported against files whose name contains `part`. */
const problemsOf = (j: Report, part: string) => j.problems.filter((p) => p.file?.includes(part) && p.severity === 'error').map((p) => p.message);

beforeAll(async () => {
  mkdirSync(join(ROUND, 'returned'), { recursive: true });
  chmodSync(base, 0o755);
  writeFileSync(
    join(ROUND, 'candidates.xlsx'),
    await candidatesWorkbook([
      { name: '林晓', unit: '上海浦江电子科技有限公司' },
      { name: '王强', unit: '上海东海汽车零部件有限公司' },
      { name: '陈洁', unit: '上海华申生物医药股份有限公司' },
    ]),
  );
  writeFileSync(join(ROUND, 'experts.xlsx'), await expertsWorkbook([['张华', '复旦大学', null], ['李明', '同济大学', null], ['周涛', '上海交通大学', null]]));
  const r = run(ROUND, ['scoresheets', '--program', 'sqc-2025', '--candidates', 'candidates.xlsx', '--experts', 'experts.xlsx', '--out', 'sheets']);
  expect(r.code).toBe(0);
  // The sheets go out from sheets/评分表 and come back filled; the organiser's key stays in its own folder.
  for (const f of readdirSync(join(ROUND, 'sheets', '评分表'))) {
    const bytes = readFileSync(join(ROUND, 'sheets', '评分表', f));
    const fills = Object.fromEntries(['C001', 'C002', 'C003'].map((c, k) => [c, { criteria: even([80, 70, 90][k]), recommend: '推荐' }]));
    writeFileSync(join(ROUND, 'returned', f), await fillSheet(bytes, fills));
  }
  const keyDir = readdirSync(join(ROUND, 'sheets')).find((f) => f !== '评分表')!;
  copyFileSync(join(ROUND, 'sheets', keyDir, readdirSync(join(ROUND, 'sheets', keyDir))[0]), KEY);
});

test('the good round: every file used, exit 0 (the baseline of the cases below)', () => {
  const r = consolidate(freshRound());
  expect(r.code).toBe(0);
  expect(r.json.candidates.map((c) => c.count)).toEqual([3, 3, 3]);
});

test('a returned file the user may not read: rejected with that reason, the others count', () => {
  const d = freshRound();
  chmodSync(join(d, 'returned', '评分表-李明-书面初评.xlsx'), 0o000);
  const r = consolidate(d, asUser);
  expect(r.code).toBe(1);
  expect(problemsOf(r.json, '李明')).toEqual([expect.stringContaining('没有读取这个文件的权限')]);
  expect(r.json.candidates.map((c) => c.count)).toEqual([2, 2, 2]);
  expect(existsSync(join(d, 'result.xlsx'))).toBe(true);
});

test('a sub-folder that cannot be opened and a link to a deleted file: each listed, the others count', () => {
  const d = freshRound();
  mkdirSync(join(d, 'returned', '锁住的'));
  copyFileSync(join(d, 'returned', '评分表-张华-书面初评.xlsx'), join(d, 'returned', '锁住的', 'copy.xlsx'));
  chmodSync(join(d, 'returned', '锁住的'), 0o000);
  symlinkSync(join(d, 'gone.xlsx'), join(d, 'returned', '评分表-王五-书面初评.xlsx'));
  const r = consolidate(d, asUser);
  expect(r.code).toBe(1);
  expect(problemsOf(r.json, '锁住的')).toEqual([expect.stringContaining('无法打开这个文件夹')]);
  expect(problemsOf(r.json, '王五')).toEqual([expect.stringContaining('文件不存在')]);
  expect(r.json.candidates.map((c) => c.count)).toEqual([3, 3, 3]);
});

test('a score sheet whose sheet data is damaged (the reader itself fails): rejected alone, exit 1', async () => {
  const d = freshRound();
  const file = join(d, 'returned', '评分表-周涛-书面初评.xlsx');
  // Intact zip directory and workbook part, a damaged score-sheet part: the reader gets past the file's first
  // checks and fails only when it inflates the sheet.
  const bytes = readFileSync(file);
  const zip = await JSZip.loadAsync(bytes);
  const sheetPart = Object.keys(zip.files).find((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))!;
  const at = bytes.indexOf(Buffer.from(sheetPart)) + sheetPart.length;
  bytes.fill(0xa5, at + 20, at + 200);
  writeFileSync(file, bytes);
  const r = consolidate(d);
  expect(r.code).toBe(1);
  expect(problemsOf(r.json, '周涛')).toEqual([expect.stringContaining('已损坏')]);
  expect(r.json.candidates.map((c) => c.count)).toEqual([2, 2, 2]);
});

test('links: the same sheet reached twice is read once; a link back to a parent folder ends', () => {
  const d = freshRound();
  symlinkSync(join(d, 'returned', '评分表-张华-书面初评.xlsx'), join(d, 'returned', '张华-链接.xlsx'));
  symlinkSync(join(d, 'returned'), join(d, 'returned', 'loop'));
  const r = consolidate(d);
  expect(r.code).toBe(0);
  expect(r.json.candidates.map((c) => c.count)).toEqual([3, 3, 3]);
  expect(r.json.files.filter((f) => f.file.includes('张华'))).toHaveLength(1);
});
