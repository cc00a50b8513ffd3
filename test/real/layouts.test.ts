/**
 * The layout corpus (test/fixtures/real/layouts/, built by make-layouts.js): each workbook, read the way every
 * front end reads a file (readWorkbookBytes) and checked through the one door (checkWorkbook, programme detected
 * from the titles), gives exactly the findings planted in it, as (sheet, cell, rule). False errors are worse than
 * misses: the clean variants of the layouts and the clean samples give no error at all.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkWorkbook } from '../../src/core/check/check-workbook';
import { parseIsoDate } from '../../src/core/model/dates';
import { readWorkbookFile } from '../support/read-file';

const ROOT = join(__dirname, '..', '..');
const LAYOUTS = join(ROOT, 'test', 'fixtures', 'real', 'layouts');
const CLEAN = join(LAYOUTS, 'clean');

interface Expected {
  program: string;
  asOf: string;
  writtenBy: string;
  findings: [string, string, string][];
}

function corpus(dir: string): { name: string; file: string; expected: Expected }[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.xlsx'))
    .sort()
    .map((f) => ({ name: f, file: join(dir, f), expected: JSON.parse(readFileSync(join(dir, f.replace(/\.xlsx$/, '.expected.json')), 'utf8')) as Expected }));
}

async function check(file: string, asOf: string) {
  const grid = await readWorkbookFile(file);
  const today = parseIsoDate(asOf)!;
  return checkWorkbook(grid, { asOf, today });
}

const triples = (fs: { sheet: string; cell: string; rule: string }[]) => fs.map((f) => [f.sheet, f.cell, f.rule]).sort((a, b) => a.join('|').localeCompare(b.join('|')));

describe('layout corpus: exactly the planted findings', () => {
  const files = corpus(LAYOUTS);
  test('the corpus is there (10 layouts)', () => {
    expect(files.length).toBeGreaterThanOrEqual(10);
  });
  test.each(files.map((f) => [f.name, f] as const))('%s', async (_, { file, expected }) => {
    const o = await check(file, expected.asOf);
    expect(o.profile.id).toBe(expected.program);
    expect(o.how).toBe('title');
    expect(triples(o.result.findings)).toEqual(expected.findings);
  });
});

describe('false errors are worse than misses: clean rows never get an error', () => {
  const clean = corpus(CLEAN);
  test.each(clean.map((f) => [f.name, f] as const))('clean layout %s: exactly its expected findings, none an error', async (_, { file, expected }) => {
    const o = await check(file, expected.asOf);
    expect(o.result.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(triples(o.result.findings)).toEqual(expected.findings);
  });

  const samples = readdirSync(join(ROOT, 'samples')).filter((f) => f.endsWith('-正确.xlsx'));
  // The dates of samples/README.md: each programme's sample is checked before its deadline.
  const asOf: Record<string, string> = { 'sqc-2025': '2025-03-01', 'sqc-2024': '2024-03-01', 'sh-craftsman-2024': '2024-07-01', 'qingpu-2018': '2018-09-01' };
  test.each(samples)('clean sample %s', async (name) => {
    const id = Object.keys(asOf).find((k) => name.startsWith(k))!;
    const o = await check(join(ROOT, 'samples', name), asOf[id]);
    expect(o.profile.id).toBe(id);
    expect(o.result.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });
});

describe('the same from the command line (jiangxuan validate, the built CLI)', () => {
  test.each(['sqc-2025-三个单位合并.xlsx', 'qingpu-2018-各镇排序.xlsx'])('%s: the JSON report lists exactly the planted findings; exit 1', (name) => {
    const expected = corpus(LAYOUTS).find((f) => f.name === name)!.expected;
    const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'jiangxuan.js'), 'validate', join(LAYOUTS, name), '--format', 'json', '--as-of', expected.asOf], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    const report = JSON.parse(r.stdout) as { program: string; findings: { sheet: string; cell: string; rule: string }[]; tables: { block?: { index: number; count: number } }[] };
    expect(report.program).toBe(expected.program);
    expect(triples(report.findings)).toEqual(expected.findings);
  });

  test('the text report names each block of a sheet', () => {
    const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'jiangxuan.js'), 'validate', join(LAYOUTS, 'sqc-2025-三个单位合并.xlsx'), '--as-of', '2025-03-01'], { encoding: 'utf8' });
    expect(r.stdout).toContain('推荐汇总表（第 1/3 块：上海市浦东新区市场监督管理局）');
    expect(r.stdout).toContain('推荐汇总表（第 3/3 块：闵行区总工会）');
    expect(r.stdout).toContain('第 2 块（上海电气集团股份有限公司）汇总表下方缺少“邮箱”一栏');
  });
});
