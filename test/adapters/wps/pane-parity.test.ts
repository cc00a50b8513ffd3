/**
 * The pane's WPS host over the simulated WPS 表格, for every sample workbook: the same findings as the
 * command line (`jiangxuan validate --format json`, the built CLI), marks on every placed finding, and
 * 清除标注 leaving the workbook exactly as it was opened.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { WpsHost } from '../../../src/taskpane/hosts/wps-host';
import { STATE_SHEET } from '../../../src/adapters/wps';
import { planMarks } from '../../../src/core/check/mark-plan';
import { readWorkbookFile } from '../../support/read-file';
import { bgr, FakeWorkbook } from './fake-et';
import { snapshot, values } from './helpers';

const ROOT = join(__dirname, '..', '..', '..');
const SAMPLES = readdirSync(join(ROOT, 'samples')).filter((f) => f.endsWith('.xlsx')).sort();
const AS_OF = '2025-03-01';

interface CliFinding {
  severity: string;
  sheet: string;
  cell: string;
  rule: string;
  message: string;
}

function cli(file: string): { program: string; findings: CliFinding[] } {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'jiangxuan.js'), 'validate', file, '--format', 'json', '--as-of', AS_OF], { encoding: 'utf8' });
  if (r.status !== 0 && r.status !== 1) throw new Error(`CLI failed (${r.status}): ${r.stderr}`);
  const out = JSON.parse(r.stdout) as { program: { id: string } | string; findings: CliFinding[] };
  return { program: typeof out.program === 'string' ? out.program : out.program.id, findings: out.findings };
}

const key = (f: CliFinding) => [f.sheet, f.cell, f.rule, f.severity, f.message].join(' | ');

describe('the pane over WPS: the same findings as the CLI for every sample', () => {
  it('has samples', () => expect(SAMPLES.length).toBeGreaterThanOrEqual(8));

  it.each(SAMPLES)('%s', async (file) => {
    const path = join(ROOT, 'samples', file);
    const expected = cli(path);
    const wb = FakeWorkbook.fromGrid(await readWorkbookFile(path), file);
    const before = snapshot(wb);
    const beforeValues = values(wb);
    const host = new WpsHost(wb.app());

    const outcome = await host.check({ lang: 'zh', asOf: AS_OF });
    expect(outcome.profile.id).toBe(expected.program);
    const got = outcome.result.findings.map((f) => key({ sheet: f.sheet, cell: f.cell, rule: f.rule, severity: f.severity, message: f.message.zh }));
    expect(got.sort()).toEqual(expected.findings.map(key).sort());
    if (file.includes('有问题')) expect(got.length).toBeGreaterThan(0);

    // Every placed finding's cell shows its severity colour and our comment (or keeps a user's comment).
    const merges = (s: string) => outcome.grid.sheets.find((x) => x.name === s)?.merges;
    for (const m of planMarks(outcome.result.findings, { lang: 'zh', merges }).cells) {
      const s = wb.sheet(m.sheet);
      expect(s.fill(m.a1).color).toBe(bgr(m.fillHex));
      // The samples carry no comments of their own, so every marked cell gets ours.
      expect(s.comment(m.a1)).toBe('【匠选】' + m.lines.join('\n'));
    }
    expect(values(wb)).toEqual(beforeValues);
    if (outcome.result.findings.length) expect(wb.sheet(STATE_SHEET).visible).toBe(2);

    await host.clearMarks();
    expect(snapshot(wb)).toEqual(before);
  }, 60_000);
});
