/**
 * What the CLI prints (issue 10): a reader that goes away (`| head`) ends the output quietly, and names or values
 * from a file never reach the terminal as control characters. The built CLI on real files.
 */
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';

const ROOT = join(__dirname, '..', '..');
const CLI = join(ROOT, 'dist', 'cli', 'main.js');
const SAMPLE = join(ROOT, 'samples', 'sqc-2025-有问题.xlsx');
const dir = mkdtempSync(join(tmpdir(), 'jx-output-'));

function run(args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd: dir });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** Runs the CLI with its stdout closed by the reader before anything is written (what `| head -c 100` does). */
function runWithClosedStdout(args: string[]): Promise<{ code: number | null; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy();
    let err = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
    child.on('close', (code) => resolve({ code, err }));
  });
}

const RAW_CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/;

describe('a closed pipe ends the output quietly', () => {
  test.each([
    ['JSON', ['--format', 'json']],
    ['text', []],
  ])('validate %s: no "Unhandled \'error\' event", the exit code of the check', async (_f, extra) => {
    const r = await runWithClosedStdout(['validate', SAMPLE, '--as-of', '2025-03-01', ...extra]);
    expect(r.err).toBe('');
    expect(r.code).toBe(1); // the sample has errors: the same exit code as when the report is read
  });

  test('the shell pipeline users type: validate … --format json | head -c 100', () => {
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${CLI}" validate "${SAMPLE}" --format json | head -c 100`], { cwd: dir });
    expect(r.stderr.toString()).toBe('');
    expect(r.stdout.length).toBe(100);
  });
});

describe('control characters from file names, sheet names and values are escaped', () => {
  const NAME = '推荐表\x1b[2J\u202egpj.xlsx';

  test('a file name with an ESC sequence and a bidi override, in the report and in a one-line error', () => {
    copyFileSync(SAMPLE, join(dir, NAME));
    const r = run(['validate', NAME, '--as-of', '2025-03-01']);
    expect(r.code).toBe(1);
    expect(r.out).not.toMatch(RAW_CONTROL);
    expect(r.out).toContain('匠选校验报告：推荐表\\x1b[2J\\u202egpj.xlsx');
    const missing = run(['validate', '不存在\x1b[31m.xlsx']);
    expect(missing.code).toBe(2);
    expect(missing.err).toBe('找不到文件 不存在\\x1b[31m.xlsx：请检查路径和文件名\n');
  });

  test('a sheet name with a C1 CSI and a right-to-left override: text escaped, JSON parses to the real name', async () => {
    const zip = await JSZip.loadAsync(readFileSync(SAMPLE));
    const xml = await zip.file('xl/workbook.xml')!.async('string');
    zip.file('xl/workbook.xml', xml.replace('name="申报信息"', 'name="申报&#x9b;31m信息&#x202e;"'));
    writeFileSync(join(dir, 'sheet.xlsx'), await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
    const text = run(['validate', 'sheet.xlsx', '--as-of', '2025-03-01']);
    expect(text.code).toBe(1);
    expect(text.out).not.toMatch(RAW_CONTROL);
    expect(text.out).toContain('工作表“申报\\x9b31m信息\\u202e”');
    const json = run(['validate', 'sheet.xlsx', '--as-of', '2025-03-01', '--format', 'json']);
    expect(json.out).not.toMatch(RAW_CONTROL);
    const findings = JSON.parse(json.out).findings as { sheet: string }[];
    expect(findings.some((f) => f.sheet === '申报\x9b31m信息\u202e')).toBe(true);
  });
});
