/// <reference types="office-js" />
/**
 * Live re-checking against the strict simulation: only edited rows are read; by default nothing is written
 * (Undo stays); with marking on, only the sheets whose marks changed are re-marked; no edit is lost while the
 * user is in cell-edit mode (retried on ExcelApi 1.10, delayed by Excel from 1.11); the add-in's own writes and
 * co-authors' edits do not make it write; sorts are followed from ExcelApi 1.10.
 */
import { checkWorkbook, clearMarks, LiveChecker } from '../../../src/adapters/office';
import { FeatureUnavailableError } from '../../../src/adapters/office/requirements';
import type { ValidationResult } from '../../../src/core/rules/validate-workbook';
import { SEVERITY_FILL_HEX } from '../../../src/core/report/colours';
import { ExcelSim } from './sim';
import { sampleGrid, simFromGrid } from './helpers';

const AS_OF = { y: 2025, m: 3, d: 1 };
let undo: (() => void) | undefined;
afterEach(() => {
  undo?.();
  undo = undefined;
});

async function setup(opts: { api?: number; mark?: boolean; resultsSheet?: boolean } = {}) {
  const sim = simFromGrid(await sampleGrid(), { api: opts.api ?? 17 });
  undo = sim.install();
  const out = await sim.run((c) => checkWorkbook(c, { lang: 'zh', asOf: AS_OF, mark: !!opts.mark, resultsSheet: !!opts.resultsSheet }));
  const results: ValidationResult[] = [];
  const waiting: boolean[] = [];
  const errors: unknown[] = [];
  const live = new LiveChecker(sim.run, { grid: out.grid, profile: out.profile, asOf: AS_OF, lang: 'zh', resultsSheet: !!opts.resultsSheet, mark: !!opts.mark }, (r) => results.push(r), {
    debounceMs: 5,
    retryMs: 20,
    onWaiting: (w) => waiting.push(w),
    onError: (e) => errors.push(e),
  });
  await live.start();
  sim.host.valueReads.length = 0;
  sim.host.syncs.length = 0;
  sim.host.undoClears.length = 0;
  return { sim, out, live, results, waiting, errors };
}

/** Edits, then waits until Excel's events were handled and the re-check has finished. */
async function settle(sim: ExcelSim, live: LiveChecker): Promise<void> {
  await sim.settle();
  await live.whenIdle();
}

function expectMarked(sim: ExcelSim, result: ValidationResult): void {
  const worst = new Map<string, string>();
  const rank = { error: 3, warning: 2, info: 1 };
  for (const f of result.findings) {
    const k = `${f.sheet}!${f.cell}`;
    const cur = worst.get(k) as keyof typeof rank | undefined;
    if (!cur || rank[f.severity] > rank[cur]) worst.set(k, f.severity);
  }
  for (const [k, sev] of worst) {
    const [sheet, cell] = k.split('!');
    expect([k, sim.wb.sheet(sheet).shownFill(cell)]).toEqual([k, SEVERITY_FILL_HEX[sev as keyof typeof SEVERITY_FILL_HEX]]);
  }
}

function phoneFinding(out: { result: ValidationResult }) {
  const f = out.result.findings.find((x) => x.rule.startsWith('phone.') && x.sheet === '申报信息');
  if (!f) throw new Error('the sample has no phone finding');
  return f;
}

describe('LiveChecker', () => {
  it('by default re-checks only the edited row and writes nothing (Excel’s undo history is kept)', async () => {
    const { sim, out, live, results } = await setup();
    const f = phoneFinding(out);
    const before = sim.wb.snapshot();
    sim.wb.edit(f.sheet, f.cell, '13812345678');
    await settle(sim, live);
    // Rows are ragged (core/model/grid.ts): the sheet's width is its longest row.
    const width = out.grid.sheets.find((s) => s.name === f.sheet)!.rows.reduce((w, r) => Math.max(w, r?.length ?? 0), 0);
    expect(width).toBe(51);
    expect(sim.host.valueReads).toEqual([`${f.sheet}!A${f.row + 1}:AY${f.row + 1}`]);
    expect(results).toHaveLength(1);
    expect(results[0].findings.some((x) => x.sheet === f.sheet && x.cell === f.cell)).toBe(false);
    expect(results[0].findings).toHaveLength(out.result.findings.length - 1);
    expect(sim.host.undoClears).toEqual([]);
    // Only the typed value differs from before: nothing was written by the add-in.
    const after = sim.wb.snapshot() as { sheets: { cells: [string, { value?: unknown }][] }[] };
    const was = before as typeof after;
    const i = sim.wb.sheets.findIndex((s) => s.name === f.sheet);
    expect(after.sheets[i].cells.filter(([k]) => k !== `${f.row},${f.col}`)).toEqual(was.sheets[i].cells.filter(([k]) => k !== `${f.row},${f.col}`));
    await live.stop();
    expect(sim.host.handlers).toHaveLength(0);
  });

  it('with marking on, un-marks the fixed cell and marks it again when it breaks; other marks stay', async () => {
    const { sim, out, live, results } = await setup({ mark: true });
    const f = phoneFinding(out);
    const sheet = sim.wb.sheet(f.sheet);
    const otherRules = () => sim.wb.sheets.filter((s) => s.name !== f.sheet).flatMap((s) => s.cfs.map((cf) => cf.id));
    const othersBefore = otherRules();
    expect(othersBefore.length).toBeGreaterThan(0);
    expect(sheet.shownFill(f.cell)).toBe(SEVERITY_FILL_HEX[f.severity]);
    sim.wb.edit(f.sheet, f.cell, '13812345678');
    await settle(sim, live);
    expect(sheet.shownFill(f.cell)).toBe('none');
    expectMarked(sim, results[0]);
    expect(sim.host.undoClears.length).toBeGreaterThan(0); // marking clears Undo before ExcelApi 1.20

    sim.wb.edit(f.sheet, f.cell, '138');
    await settle(sim, live);
    expect(sheet.shownFill(f.cell)).toBe(SEVERITY_FILL_HEX.error);
    expectMarked(sim, results[1]);
    // Only the edited sheet was re-marked: the other sheets keep the very same rules.
    expect(otherRules()).toEqual(othersBefore);
    await live.stop();
    await sim.run((c) => clearMarks(c));
    for (const s of sim.wb.sheets) expect(s.cfs).toEqual([]);
  });

  it('debounces several edits into one read of just those rows', async () => {
    const { sim, live, results } = await setup();
    const id = sim.wb.sheet('申报信息').id;
    // Pastes over three cells with what they already hold (no single-cell details: each is read back).
    for (const a of ['B3', 'C3', 'B5']) sim.host.deliver('changed', { type: 'WorksheetChanged', worksheetId: id, address: a, changeType: 'RangeEdited', source: 'Local' });
    await settle(sim, live);
    expect(sim.host.valueReads.map((r) => r.replace(/:.*?(\d+)$/, ':$1'))).toEqual(['申报信息!A3:3', '申报信息!A5:5']);
    expect(results).toHaveLength(0); // nothing changed: no result
    await live.stop();
  });

  it('ignores format-only changes and the add-in’s own writes (the results sheet), with marking and the results sheet on', async () => {
    const { sim, out, live, results } = await setup({ mark: true, resultsSheet: true });
    const f = phoneFinding(out);
    sim.wb.edit(f.sheet, f.cell, '13812345678');
    await settle(sim, live);
    expect(results).toHaveLength(1);
    // The results sheet was rewritten (its writes fire onChanged, source Local): no second re-check followed.
    expect(sim.host.syncs.some((x) => x.ops.includes('Range.formulas'))).toBe(true);
    const reads = sim.host.valueReads.length;
    await settle(sim, live);
    expect(sim.host.valueReads.length).toBe(reads);
    expect(results).toHaveLength(1);
    sim.host.deliver('changed', { type: 'WorksheetChanged', worksheetId: sim.wb.sheet('申报信息').id, address: 'D6', changeType: 'RangeEdited', source: 'Local', details: { valueBefore: 'x', valueAfter: 'x', valueTypeBefore: 'String', valueTypeAfter: 'String' } });
    await settle(sim, live);
    expect(sim.host.valueReads.length).toBe(reads);
    await live.stop();
  });

  it('a co-author’s edit updates the pane but does not make this copy write', async () => {
    const { sim, out, live, results } = await setup({ mark: true });
    const f = phoneFinding(out);
    const cfs = JSON.stringify(sim.wb.sheet(f.sheet).cfs);
    sim.wb.edit(f.sheet, f.cell, '13812345678', 'Remote');
    await settle(sim, live);
    expect(results).toHaveLength(1);
    expect(results[0].findings.some((x) => x.cell === f.cell && x.sheet === f.sheet)).toBe(false);
    expect(sim.host.undoClears).toEqual([]);
    expect(JSON.stringify(sim.wb.sheet(f.sheet).cfs)).toBe(cfs);
    // This user's next change re-marks the sheet, the co-author's fix included.
    sim.wb.edit(f.sheet, 'AY3', '备注');
    await settle(sim, live);
    expect(sim.wb.sheet(f.sheet).shownFill(f.cell)).toBe('none');
    await live.stop();
  });

  it('ExcelApi 1.10: an edit met in cell-edit mode waits and is retried, never lost', async () => {
    const { sim, out, live, results, waiting, errors } = await setup({ api: 10 });
    const f = phoneFinding(out);
    sim.wb.edit(f.sheet, f.cell, '13812345678');
    sim.host.enterCellEdit(); // the user starts typing in another cell before the re-check runs
    await settle(sim, live);
    expect(sim.host.syncs.some((x) => x.failed === 'InvalidOperationInCellEditMode')).toBe(true);
    expect(live.waitingForCellEdit).toBe(true);
    expect(waiting).toEqual([true]);
    expect(results).toHaveLength(0);
    expect(errors).toEqual([]);
    sim.host.exitCellEdit();
    await new Promise((r) => setTimeout(r, 60));
    await settle(sim, live);
    expect(waiting).toEqual([true, false]);
    expect(results).toHaveLength(1);
    expect(results[0].findings.some((x) => x.sheet === f.sheet && x.cell === f.cell)).toBe(false);
    await live.stop();
  });

  it('ExcelApi 1.14: batches wait in cell-edit mode (delayForCellEdit) instead of failing', async () => {
    const { sim, out, live, results } = await setup({ api: 14 });
    const f = phoneFinding(out);
    sim.wb.edit(f.sheet, f.cell, '13812345678');
    sim.host.enterCellEdit();
    await sim.settle();
    const pending = live.whenIdle();
    await new Promise((r) => setTimeout(r, 30));
    expect(results).toHaveLength(0);
    sim.host.exitCellEdit();
    await pending;
    expect(results).toHaveLength(1);
    expect(sim.host.syncs.some((x) => x.failed)).toBe(false);
    await live.stop();
  });

  it('ExcelApi 1.10: follows a sort (onRowSorted) and moves the marks with the values', async () => {
    const { sim, out, live, results } = await setup({ api: 10, mark: true });
    const table = out.result.recognized.find((t) => t.sheet.name === '申报信息')!;
    const first = table.dataRows[0];
    const last = table.dataRows[table.dataRows.length - 1];
    const width = out.grid.sheets.find((s) => s.name === '申报信息')!.rows.reduce((w, r) => Math.max(w, r?.length ?? 0), 0);
    sim.wb.sortRows('申报信息', { top: first, left: 0, bottom: last, right: width - 1 }, 2, true);
    await settle(sim, live);
    expect(sim.host.valueReads).toHaveLength(1);
    expect(results).toHaveLength(1);
    expectMarked(sim, results[0]);
    await live.stop();
  });

  it('ExcelApi 1.9: sorts are not seen (no onRowSorted); the pane is told to check again', async () => {
    const { sim, out, live, results } = await setup({ api: 9 });
    expect(LiveChecker.followsSorts()).toBe(false);
    const table = out.result.recognized.find((t) => t.sheet.name === '申报信息')!;
    sim.wb.sortRows('申报信息', { top: table.dataRows[0], left: 0, bottom: table.dataRows[table.dataRows.length - 1], right: 50 }, 2, true);
    await settle(sim, live);
    expect(results).toHaveLength(0);
    expect(sim.host.valueReads).toEqual([]);
    await live.stop();
  });

  it('ExcelApi 1.7: live checking is not available, in words', async () => {
    const sim = simFromGrid(await sampleGrid(), { api: 7 });
    undo = sim.install();
    const out = await sim.run((c) => checkWorkbook(c, { lang: 'zh', asOf: AS_OF }));
    const live = new LiveChecker(sim.run, { grid: out.grid, profile: out.profile, asOf: AS_OF, lang: 'zh', resultsSheet: false }, () => undefined);
    const e = await live.start().catch((x: unknown) => x);
    expect(e).toBeInstanceOf(FeatureUnavailableError);
    expect((e as FeatureUnavailableError).localized.zh).toMatch(/修改后自动复查.*ExcelApi 1\.9/);
  });

  it('follows inserted rows without re-reading the sheet; the marks (ranges) move with them', async () => {
    const { sim, out, live, results } = await setup({ mark: true });
    sim.wb.insertRows('申报信息', 3, 2);
    await settle(sim, live);
    expect(sim.host.valueReads).toEqual([]); // inserted rows are empty: nothing to read
    const moved = results[results.length - 1];
    expect(moved.findings).toHaveLength(out.result.findings.length);
    expectMarked(sim, moved);
    await live.stop();
    await sim.run((c) => clearMarks(c));
    for (const s of sim.wb.sheets) expect(s.cfs).toEqual([]);
  });

  it('re-reads from the edited row down when cells were shifted (CellDeleted)', async () => {
    const { sim, out, live, results } = await setup({ mark: true });
    const height = out.grid.sheets.find((s) => s.name === '申报信息')!.rows.length;
    sim.wb.deleteCellsShiftUp('申报信息', 'B10');
    await settle(sim, live);
    const reads = sim.host.valueReads;
    expect(reads).toHaveLength(1);
    expect(reads[0]).toMatch(new RegExp(`^申报信息!A10:[A-Z]+${height}$`));
    expect(results).toHaveLength(1);
    expectMarked(sim, results[0]);
    await live.stop();
  });

  it('uses a constant number of syncs per edit', async () => {
    const { sim, out, live } = await setup({ mark: true });
    const f = phoneFinding(out);
    const counts: number[] = [];
    for (const v of ['13812345678', '138', '13812345678']) {
      const before = sim.host.syncs.length;
      sim.wb.edit(f.sheet, f.cell, v);
      await settle(sim, live);
      counts.push(sim.host.syncs.length - before);
    }
    // readRows, then the marking: sheets and setting, rules, their formulas, the writes.
    expect(counts).toEqual([5, 5, 5]);
    await live.stop();
  });
});
