/**
 * Checking the page's files (the code the worker runs, here on the test's thread): real sample files give the
 * core's outcomes in file order, several files are combined, a newer check stops an older one, and everything
 * the worker sends survives structured cloning (the programme comes back as the page's own object).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readWorkbookBytes } from '../../src/adapters/files/read-workbook';
import { builtinProgrammes, checkWorkbook } from '../../src/core/check/check-workbook';
import { parseIsoDate } from '../../src/core/model/dates';
import { pageFileChecks, type FileCheck, type FileInput } from '../../src/taskpane/hosts/file-checks';
import { FileBatch } from '../../src/taskpane/hosts/file-batch';
import { isCheckCancelled } from '../../src/taskpane/hosts/workbook-host';
import { withOwnProgramme } from '../../src/taskpane/hosts/file-outcomes';
import { addSlice, gridSlices } from '../../src/taskpane/worker/grid-slices';

const SAMPLES = path.join(__dirname, '..', '..', 'samples');
const AS_OF = '2025-03-01';
const today = parseIsoDate(AS_OF)!;

function input(name: string, as = name): FileInput {
  return { name: as, bytes: new Uint8Array(fs.readFileSync(path.join(SAMPLES, name))) };
}

const outcomeOf = (r: FileCheck) => {
  if (!('outcome' in r)) throw new Error(`${r.name}: ${r.failure.localized.en}`);
  return r.outcome;
};

describe('pageFileChecks', () => {
  it('checks each file as the core does, in file order, and says why a file cannot be used', async () => {
    const files = [input('sqc-2025-有问题.xlsx'), { name: '推荐表.pdf', bytes: new TextEncoder().encode('%PDF-1.4\n') }, input('qingpu-2018-有问题.xlsx')];
    const progress: string[] = [];
    const out = await pageFileChecks(files).check({ asOf: AS_OF, today, withGrid: true }, { progress: (p) => progress.push(`${p.stage}:${p.index}/${p.total}`) });
    expect(out.files.map((r) => r.name)).toEqual(files.map((f) => f.name));
    for (const i of [0, 2]) {
      const grid = await readWorkbookBytes(files[i].bytes, { name: files[i].name });
      const expected = checkWorkbook(grid, { asOf: AS_OF, today });
      const got = outcomeOf(out.files[i]);
      expect(got.profile.id).toBe(expected.profile.id);
      expect(got.result.findings).toEqual(expected.result.findings);
      expect((out.files[i] as { grid?: unknown }).grid).toEqual(grid);
    }
    const bad = out.files[1];
    expect('failure' in bad && bad.failure.kind).toBe('unreadable');
    expect('failure' in bad && bad.failure.localized.zh).toMatch(/PDF/);
    expect(progress).toEqual(['read:0/3', 'check:0/3', 'read:1/3', 'read:2/3', 'check:2/3']);
    expect(out.combined).toBeUndefined();
  });

  it('a newer check stops the older one, whose promise rejects as cancelled; dispose stops the last', async () => {
    const checks = pageFileChecks([input('sqc-2025-有问题.xlsx')]);
    const first = checks.check({ asOf: AS_OF, today, withGrid: false });
    const second = checks.check({ programId: 'sqc-2024', asOf: AS_OF, today, withGrid: false });
    await expect(first.catch((e: unknown) => isCheckCancelled(e))).resolves.toBe(true);
    expect(outcomeOf((await second).files[0]).profile.id).toBe('sqc-2024');
    const third = checks.check({ asOf: AS_OF, today, withGrid: false });
    checks.dispose();
    await expect(third.catch((e: unknown) => isCheckCancelled(e))).resolves.toBe(true);
  });
});

describe('FileBatch', () => {
  it('combines several files: the same list sent twice is a cross-file duplicate of every nominee', async () => {
    const a = input('sqc-2025-有问题.xlsx');
    const b = input('sqc-2025-有问题.xlsx', '重发.xlsx');
    const files = [a, b, input('sqc-2025-正确.xlsx')].map((f) => new File([f.bytes as BlobPart], f.name));
    const batch = await FileBatch.fromFiles(files);
    const report = await batch.check({ asOf: AS_OF });
    expect(report.files.map((f) => f.name)).toEqual(['sqc-2025-有问题.xlsx', '重发.xlsx', 'sqc-2025-正确.xlsx']);
    expect(report.duplicates.length).toBeGreaterThan(0);
    expect(report.duplicates.every((d) => d.places.some((p) => p.file === 0) && d.places.some((p) => p.file === 1))).toBe(true);
    const single = checkWorkbook(await readWorkbookBytes(a.bytes), { asOf: AS_OF, today });
    expect(report.files[0].findings.length).toBeGreaterThan(single.result.findings.length);
    expect(report.files[0].findings.filter((f) => f.rule.endsWith('-other-file')).length).toBeGreaterThan(0);
    expect(report.totals.files).toBe(3);
  });
});

describe('what the worker sends', () => {
  it('survives structured cloning; the programme is the page’s own again', async () => {
    const out = await pageFileChecks([input('sqc-2025-有问题.xlsx')]).check({ asOf: AS_OF, today, withGrid: true });
    const clone = structuredClone(out);
    const o = withOwnProgramme(outcomeOf(clone.files[0]));
    expect(o.profile).toBe(builtinProgrammes().find((p) => p.id === o.profile.id));
    expect(o.result).toEqual(outcomeOf(out.files[0]).result);
  });

  it('a grid sent in slices is put together again as it was', async () => {
    const grid = await readWorkbookBytes(fs.readFileSync(path.join(SAMPLES, 'sqc-2025-有问题.xlsx')));
    // A tall sheet (several slices) with hidden rows and a row without values (a hole, as readers leave it), and
    // an empty hidden one.
    const tallRows = Array.from({ length: 700 }, (_, r) => Array.from({ length: 12 }, (__, c) => (c === 3 ? new Date(Date.UTC(2000, 0, r + 1)) : `${r}:${c}`)));
    delete (tallRows as unknown[])[1];
    const tall = { name: '长表', rows: tallRows, merges: [{ top: 0, left: 0, bottom: 0, right: 3 }], hiddenRows: [5, 6] };
    const whole = { sheets: [...grid.sheets, tall, { name: '空', rows: [], merges: [], hidden: true }] };
    const slices = [...gridSlices(4, whole)];
    expect(slices.filter((s) => s.sheet === whole.sheets.length - 2).length).toBeGreaterThan(1);
    const grids = new Map();
    for (const s of slices) addSlice(grids, structuredClone(s));
    expect(grids.get(4)).toEqual(whole);
    // Every row of every sheet arrived (toEqual alone would take a missing row for an empty one).
    expect(grids.get(4).sheets.map((s: { rows: unknown[] }) => s.rows.length)).toEqual(whole.sheets.map((s) => s.rows.length));
    expect(1 in grids.get(4).sheets[whole.sheets.length - 2].rows).toBe(false);
  });
});
