/// <reference types="office-js" />
import { checkWorkbook, clearMarks, LiveChecker } from '../../../src/adapters/office';
import type { ValidationResult } from '../../../src/core/rules/validate-workbook';
import { SEVERITY_FILL_HEX } from '../../../src/core/report/colours';
import { asExcel, FakeWorkbook, NO_FILL } from './fake-excel';
import { fakeFromGrid, sampleGrid } from './helpers';

const AS_OF = { y: 2025, m: 3, d: 1 };

async function setup() {
  const wb = fakeFromGrid(await sampleGrid());
  const out = await checkWorkbook(asExcel(wb.context()), { lang: 'zh', asOf: AS_OF });
  const results: ValidationResult[] = [];
  const live = new LiveChecker(wb.run, { grid: out.grid, profile: out.profile, asOf: AS_OF, lang: 'zh', resultsSheet: false }, (r) => results.push(r), 5);
  await live.start();
  wb.valueReads.length = 0;
  wb.syncs.length = 0;
  return { wb, out, live, results };
}

/** Values reads of the data sheets (the marks state is read too, by the marking). */
function dataReads(wb: FakeWorkbook): string[] {
  return wb.valueReads.filter((r) => !r.startsWith('_jiangxuan_marks!'));
}

function expectMarked(wb: FakeWorkbook, result: ValidationResult): void {
  const worst = new Map<string, string>();
  const rank = { error: 3, warning: 2, info: 1 };
  for (const f of result.findings) {
    const k = `${f.sheet}!${f.cell}`;
    const cur = worst.get(k) as keyof typeof rank | undefined;
    if (!cur || rank[f.severity] > rank[cur]) worst.set(k, f.severity);
  }
  for (const [k, sev] of worst) {
    const [sheet, cell] = k.split('!');
    expect([k, wb.sheet(sheet).fill(cell).color]).toEqual([k, SEVERITY_FILL_HEX[sev as keyof typeof SEVERITY_FILL_HEX]]);
  }
}

function phoneFinding(out: { result: ValidationResult }) {
  const f = out.result.findings.find((x) => x.rule.startsWith('phone.') && x.sheet === '申报信息');
  if (!f) throw new Error('the sample has no phone finding');
  return f;
}

describe('LiveChecker', () => {
  it('after an edit reads only the changed row, re-validates and un-marks the fixed cell', async () => {
    const { wb, out, live, results } = await setup();
    const f = phoneFinding(out);
    const sheet = wb.sheet(f.sheet);
    expect(sheet.fill(f.cell).color).toBe(SEVERITY_FILL_HEX[f.severity]);
    expect(wb.commentAt(f.sheet, f.cell)!.content).toMatch(/^【匠选】/);

    sheet.set(f.cell, '13812345678');
    await wb.fire({ worksheetId: sheet.id, address: f.cell, changeType: 'RangeEdited', source: 'Local' });
    await live.whenIdle();

    const width = out.grid.sheets.find((s) => s.name === f.sheet)!.rows[0].length;
    expect(width).toBe(51);
    expect(dataReads(wb)).toEqual([`${f.sheet}!A${f.row + 1}:AY${f.row + 1}`]);
    expect(results).toHaveLength(1);
    expect(results[0].findings.some((x) => x.sheet === f.sheet && x.cell === f.cell)).toBe(false);
    expect(results[0].findings).toHaveLength(out.result.findings.length - 1);
    expect(sheet.fill(f.cell)).toEqual(NO_FILL);
    expect(wb.commentAt(f.sheet, f.cell)).toBeUndefined();
    expectMarked(wb, results[0]); // every other mark is still there

    // Break it again: the cell is marked again.
    sheet.set(f.cell, '138');
    await wb.fire({ worksheetId: sheet.id, address: f.cell, changeType: 'RangeEdited', source: 'Local' });
    await live.whenIdle();
    expect(sheet.fill(f.cell).color).toBe(SEVERITY_FILL_HEX.error);
    expect(wb.commentAt(f.sheet, f.cell)!.content).toMatch(/^【匠选】/);
    await live.stop();
    expect(wb.handlers).toHaveLength(0);
  });

  it('debounces several edits into one read of just those rows', async () => {
    const { wb, live, results } = await setup();
    const sheet = wb.sheet('申报信息');
    for (const a of ['B3', 'C3', 'B5']) await wb.fire({ worksheetId: sheet.id, address: a, changeType: 'RangeEdited' });
    await live.whenIdle();
    expect(dataReads(wb).map((r) => r.replace(/:.*?(\d+)$/, ':$1'))).toEqual(['申报信息!A3:3', '申报信息!A5:5']);
    expect(results).toHaveLength(0); // nothing changed: no re-marking, no result
    await live.stop();
  });

  it('ignores our own sheets and format-only changes', async () => {
    const { wb, live } = await setup();
    const state = wb.sheet('_jiangxuan_marks');
    await wb.fire({ worksheetId: state.id, address: 'A1:A20', changeType: 'RangeEdited' });
    const sheet = wb.sheet('申报信息');
    await wb.fire({
      worksheetId: sheet.id,
      address: 'D6',
      changeType: 'RangeEdited',
      details: { valueBefore: 'x', valueAfter: 'x', valueTypeBefore: 'String', valueTypeAfter: 'String' },
    });
    await live.whenIdle();
    expect(wb.valueReads).toEqual([]);
    expect(wb.syncs).toEqual([]);
    await live.stop();
  });

  it('follows inserted rows without re-reading the sheet, and the marks still clear exactly', async () => {
    const { wb, out, live, results } = await setup();
    const sheet = wb.sheet('申报信息');
    // Insert two rows above data row 4 (Excel rows 4-5): cells, comments and marks move down in Excel;
    // the new rows take the formats (our fills) of row 3.
    wb.insertRows('申报信息', 3, 2);
    await wb.fire({ worksheetId: sheet.id, address: '4:5', changeType: 'RowInserted' });
    await live.whenIdle();
    expect(dataReads(wb)).toEqual([]); // inserted rows are empty: nothing to read
    const moved = results[results.length - 1];
    expect(moved.findings).toHaveLength(out.result.findings.length);
    expectMarked(wb, moved);
    // The inserted rows inherited row 3's fills; they were put back.
    for (let c = 0; c < 60; c++) {
      expect(sheet.get(3, c)?.fill ?? NO_FILL).toEqual(NO_FILL);
      expect(sheet.get(4, c)?.fill ?? NO_FILL).toEqual(NO_FILL);
    }
    await live.stop();
    await clearMarks(asExcel(wb.context()));
    expect(wb.comments).toEqual([]);
    for (const s of wb.sheets) for (const cell of s.cells.values()) expect(cell.fill ?? NO_FILL).toEqual(NO_FILL);
  });

  it('re-reads from the edited row down when cells were shifted (CellDeleted), then re-marks everything', async () => {
    const { wb, out, live, results } = await setup();
    const sheet = wb.sheet('申报信息');
    const height = out.grid.sheets.find((s) => s.name === '申报信息')!.rows.length;
    await wb.fire({ worksheetId: sheet.id, address: 'B10', changeType: 'CellDeleted' });
    await live.whenIdle();
    const reads = dataReads(wb);
    expect(reads).toHaveLength(1);
    expect(reads[0]).toMatch(new RegExp(`^申报信息!A10:[A-Z]+${height}$`));
    expect(results).toHaveLength(1); // nothing moved in the fake: same findings, marks intact
    expectMarked(wb, results[0]);
    await live.stop();
  });

  it('uses a constant number of syncs per edit', async () => {
    const { wb, out, live } = await setup();
    const f = phoneFinding(out);
    const sheet = wb.sheet(f.sheet);
    const counts: number[] = [];
    for (const v of ['13812345678', '138', '13812345678']) {
      const before = wb.syncs.length;
      sheet.set(f.cell, v);
      await wb.fire({ worksheetId: sheet.id, address: f.cell, changeType: 'RangeEdited' });
      await live.whenIdle();
      counts.push(wb.syncs.length - before);
    }
    // readRows, then names/comments/state, fills/locations, writes (+ ids when a comment was added).
    expect(counts).toEqual([4, 5, 4]);
    await live.stop();
  });
});

describe('FakeWorkbook sanity', () => {
  it('rejects reading a property that was not loaded', async () => {
    const wb = new FakeWorkbook();
    wb.addSheet('S', [['a']]);
    const ctx = wb.context();
    const r = ctx.workbook.worksheets.getItem('S').getRange('A1');
    expect(() => r.values).toThrow(/not loaded/);
  });
});
