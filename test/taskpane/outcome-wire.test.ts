/**
 * A check's outcome crossing between a worker and the page or pane (worker/outcome-wire.ts): structured-cloned as
 * postMessage clones it, the recognised tables come back on the receiver's own sheets, a sheet recognition derived
 * (merged body cells filled in) travels whole, and nothing a user sees changes.
 */
import * as path from 'node:path';
import { checkWorkbook } from '../../src/core/check/check-workbook';
import type { WorkbookGrid } from '../../src/core/model/grid';
import { attachSheets, detachSheets } from '../../src/taskpane/worker/outcome-wire';
import { readWorkbookFile } from '../support/read-file';

const SAMPLE = path.join(__dirname, '..', '..', 'samples', 'sqc-2025-有问题.xlsx');
const REQ = { asOf: '2025-03-01', today: { y: 2025, m: 3, d: 1 } };

/** The outcome through detach → clone (the message) → attach on the receiver's own copy of the grid. */
function across(grid: WorkbookGrid) {
  const sent = checkWorkbook(grid, REQ);
  const wire = structuredClone(detachSheets(sent, grid));
  const receiverGrid = structuredClone(grid);
  return { sent, wire, receiverGrid, received: attachSheets(wire, receiverGrid) };
}

describe('outcome-wire', () => {
  it('sends none of the rows the receiver has and rebuilds the sheets from its own grid', async () => {
    const { sent, wire, receiverGrid, received } = across(await readWorkbookFile(SAMPLE));
    expect(sent.result.recognized.length).toBeGreaterThan(1);
    // The sample's merged titles make recognition copy its sheets, but no row differs from the grid's.
    for (const t of wire.result.recognized) expect(Object.keys(t.sheet.rows)).toEqual([]);
    expect(JSON.stringify(wire.result.recognized.map((t) => t.sheet)).length).toBeLessThan(1000);
    received.result.recognized.forEach((t, i) => {
      expect(t.sheet).toEqual(sent.result.recognized[i].sheet);
      const own = receiverGrid.sheets.find((s) => s.name === t.sheet.name)!;
      t.sheet.rows.forEach((row, r) => expect(row).toBe(own.rows[r]));
    });
    expect(received.result.findings).toEqual(sent.result.findings);
    expect(received.result.counts).toEqual(sent.result.counts);
    expect(received.result.recognized.map((t) => [t.sheet.name, t.dataRows])).toEqual(sent.result.recognized.map((t) => [t.sheet.name, t.dataRows]));
  });

  it('a sheet with merged cells over data rows sends the rows recognition filled in, and only those', async () => {
    const grid = await readWorkbookFile(SAMPLE);
    const first = checkWorkbook(grid, REQ).result.recognized.find((t) => t.kind === 'details')!;
    const unit = first.colOf.get('unit')!;
    const [a, b] = first.dataRows;
    const sheet = grid.sheets.find((s) => s.name === first.sheet.name)!;
    sheet.merges = [...sheet.merges, { top: a, left: unit, bottom: b, right: unit }];
    sheet.rows[b][unit] = null;
    const { sent, wire, receiverGrid, received } = across(grid);
    const derived = received.result.recognized.find((t) => t.sheet.name === sheet.name)!;
    expect(derived.sheet.rows[b][unit]).toBe(sheet.rows[a][unit]);
    expect(receiverGrid.sheets.find((s) => s.name === sheet.name)!.rows[b][unit]).toBeNull();
    expect(Object.keys(wire.result.recognized.find((t) => t.sheet.name === sheet.name)!.sheet.rows)).toEqual([String(b)]);
    expect(derived.sheet).toEqual(sent.result.recognized.find((t) => t.sheet.name === sheet.name)!.sheet);
    expect(received.result.findings).toEqual(sent.result.findings);
  });

  it('refuses to put back a sheet the receiver does not have', async () => {
    const grid = await readWorkbookFile(SAMPLE);
    const wire = structuredClone(detachSheets(checkWorkbook(grid, REQ), grid));
    expect(() => attachSheets(wire, { sheets: [] })).toThrow(/has no sheet/);
  });
});
