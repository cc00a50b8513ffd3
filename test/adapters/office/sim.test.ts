/// <reference types="office-js" />
/**
 * The strict simulation itself: it must refuse what Excel refuses (or the adapter tests prove nothing), and
 * behave as Microsoft documents where the add-in depends on it.
 */
import { ExcelSim, SimWorkbook, solid } from './sim';

function sim(api = 17, wb?: SimWorkbook): ExcelSim {
  const s = new ExcelSim({ api }, wb);
  if (!wb) s.wb.addSheet('表', [['a', 1], ['b', 2]]);
  return s;
}

describe('strict simulation: what Office.js refuses', () => {
  it('throws PropertyNotLoaded for a property read before load and sync, and for items and isNullObject', async () => {
    const s = sim();
    const ctx = s.context();
    const r = ctx.workbook.worksheets.getItem('表').getRange('A1');
    expect(() => r.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
    r.load('values');
    expect(() => r.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' })); // loaded, not yet synced
    await ctx.sync();
    expect(r.values).toEqual([['a']]);
    expect(() => r.address).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' })); // not asked for
    const sheets = ctx.workbook.worksheets;
    expect(() => sheets.items).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
    const used = sheets.getItem('表').getUsedRangeOrNullObject();
    expect(() => used.isNullObject).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
  });

  it('refuses members @types/office-js does not declare, and writes to read-only properties, at once', () => {
    const ctx = sim().context();
    const ws = ctx.workbook.worksheets.getItem('表');
    expect(() => (ws as unknown as { getRangeByAddress: unknown }).getRangeByAddress).toThrow(/Excel\.Worksheet\.getRangeByAddress is not declared in @types\/office-js/);
    expect(() => ws.getRange('A1').load('valuez')).toThrow(/Excel\.Range\.valuez is not declared/);
    expect(() => ((ws as unknown as { id: string }).id = 'x')).toThrow(/read-only property Excel\.Worksheet\.id/);
  });

  it('fails the sync with ApiNotFound for a member above the host’s ExcelApi, also through a load path', async () => {
    const old = sim(9);
    const a = old.context();
    a.workbook.worksheets.getItem('表').getRange('A1:B2').getMergedAreasOrNullObject().load('address');
    await expect(a.sync()).rejects.toMatchObject({ code: 'ApiNotFound', debugInfo: { errorLocation: 'Range.getMergedAreasOrNullObject' } });
    const b = old.context();
    b.workbook.load('protection/protected,comments/items/content');
    await expect(b.sync()).rejects.toMatchObject({ code: 'ApiNotFound' }); // comments: ExcelApi 1.10
    const c = sim(7).context();
    c.workbook.worksheets.getItem('表').visibility = 'Hidden'; // visibility: read 1.1, write 1.2
    await expect(c.sync()).resolves.toBeUndefined();
    // The same calls succeed where the host has them.
    const d = sim(13).context();
    const m = d.workbook.worksheets.getItem('表').getRange('A1:B2').getMergedAreasOrNullObject().load('address');
    await d.sync();
    expect(m.isNullObject).toBe(true);
  });

  it('hidden rows: rowHidden (ExcelApi 1.2) and the visible view (ExcelApi 1.3) only after load and sync, as Excel answers them', async () => {
    const s = sim(7);
    const sheet = s.wb.sheet('表');
    sheet.hiddenRows.add(1);
    const ctx = s.context();
    const ws = ctx.workbook.worksheets.getItem('表');
    const some = ws.getRange('A1:B2');
    expect(() => some.rowHidden).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
    some.load('rowHidden');
    const view = ws.getRange('A1:B2').getVisibleView();
    expect(() => view.cellAddresses).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
    view.load('cellAddresses');
    expect(() => view.cellAddresses).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' })); // loaded, not yet synced
    const none = ws.getRange('A1:B1').load('rowHidden');
    const all = ws.getRange('A2:B2').load('rowHidden');
    await ctx.sync();
    // "true if all rows in the current range are hidden, false if none are, null if some are".
    expect([none.rowHidden, some.rowHidden, all.rowHidden]).toEqual([false, null, true]);
    expect(view.cellAddresses).toEqual([["'表'!A1", "'表'!B1"]]);
    expect(() => view.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' })); // not asked for
    // A hidden column is left out of the view too; a row with no visible cell has no line.
    sheet.hiddenColumns.add(0);
    const c2 = s.context();
    const firstColumn = c2.workbook.worksheets.getItem('表').getRange('A1:A2').getVisibleView().load('cellAddresses');
    await c2.sync();
    expect(firstColumn.cellAddresses).toEqual([]);
    // Below the requirement sets the sync fails, as on an Excel that lacks them.
    const v11 = sim(1).context();
    v11.workbook.worksheets.getItem('表').getRange('A1:B2').load('rowHidden');
    await expect(v11.sync()).rejects.toMatchObject({ code: 'ApiNotFound' });
    const v12 = sim(2).context();
    v12.workbook.worksheets.getItem('表').getRange('A1:B2').getVisibleView().load('cellAddresses');
    await expect(v12.sync()).rejects.toMatchObject({ code: 'ApiNotFound', debugInfo: { errorLocation: 'Range.getVisibleView' } });
  });

  it('cell-edit mode: a batch fails with InvalidOperationInCellEditMode, unless it asked to wait on ExcelApi 1.11+', async () => {
    for (const api of [10, 11]) {
      const s = sim(api);
      s.host.enterCellEdit();
      const plain = s.context();
      plain.workbook.worksheets.load('items/name');
      await expect(plain.sync()).rejects.toMatchObject({ code: 'InvalidOperationInCellEditMode' });
      const waiting = s.run({ delayForCellEdit: true }, async (c) => {
        c.workbook.worksheets.load('items/name');
        await c.sync();
        return 'done';
      });
      setTimeout(() => s.host.exitCellEdit(), 10);
      if (api >= 11) await expect(waiting).resolves.toBe('done');
      else await expect(waiting).rejects.toMatchObject({ code: 'InvalidOperationInCellEditMode' });
    }
  });

  it('rejects requests and responses over 5 MB, with their own code or as GeneralException (Excel on the web)', async () => {
    for (const [payloadErrors, code] of [
      ['specific', 'RequestPayloadSizeLimitExceeded'],
      ['GeneralException', 'GeneralException'],
    ] as const) {
      const s = new ExcelSim({ api: 17, payloadErrors });
      s.wb.addSheet('表');
      const c = s.context();
      c.workbook.worksheets.getItem('表').getRange('A1:A6000').values = Array.from({ length: 6000 }, () => ['长'.repeat(400)]);
      await expect(c.sync()).rejects.toMatchObject({ code });
      expect(s.wb.sheet('表').value('A1')).toBeNull(); // nothing of a rejected request is applied
    }
  });

  it('protection: writes to a protected sheet, and sheet adds in a protected structure, fail with AccessDenied', async () => {
    const s = sim();
    s.wb.sheet('表').protection.protected = true;
    const c = s.context();
    c.workbook.worksheets.getItem('表').getRange('C1').values = [['x']];
    await expect(c.sync()).rejects.toMatchObject({ code: 'AccessDenied' });
    s.wb.protection.structure = true;
    const d = s.context();
    d.workbook.worksheets.add('新表');
    await expect(d.sync()).rejects.toMatchObject({ code: 'AccessDenied' });
  });

  it('a cell cannot have both a note and a threaded comment; notes need ExcelApi 1.18', async () => {
    const s = sim();
    s.wb.addNote('表', 'A1', '填表人的备注');
    const c = s.context();
    c.workbook.comments.add(c.workbook.worksheets.getItem('表').getRange('A1'), '批注');
    await expect(c.sync()).rejects.toMatchObject({ code: 'InvalidOperation' });
    const d = s.context();
    d.workbook.notes.load('items/content');
    await expect(d.sync()).rejects.toMatchObject({ code: 'ApiNotFound' });
    const e = new ExcelSim({ api: 18 }, s.wb).context();
    const notes = e.workbook.notes.load('items/content');
    await e.sync();
    expect(notes.items.map((n) => n.content)).toEqual(['填表人的备注']);
  });

  it('fires onChanged for the add-in’s own value writes (source Local), with newer fields only on newer hosts', async () => {
    for (const api of [7, 14]) {
      const s = sim(api);
      const seen: Record<string, unknown>[] = [];
      await s.run(async (c) => {
        c.workbook.worksheets.getItem('表').onChanged.add(async (e) => void seen.push({ ...e }));
        await c.sync();
      });
      await s.run(async (c) => {
        c.workbook.worksheets.getItem('表').getRange('C1').values = [['写入']];
        await c.sync();
      });
      s.wb.edit('表', 'A2', '改');
      await s.settle();
      expect(seen).toHaveLength(2);
      expect(seen[0]).toMatchObject({ address: 'C1', source: 'Local', changeType: 'RangeEdited' });
      expect('triggerSource' in seen[0]).toBe(api >= 14);
      expect('details' in seen[1]).toBe(api >= 9);
    }
  });

  it('counts the writes that clear the user’s undo history', async () => {
    const s = sim(17);
    await s.run(async (c) => {
      const r = c.workbook.worksheets.getItem('表').getRange('A1');
      r.load('values');
      await c.sync();
      r.format.fill.color = '#FFFF00';
      r.values = [['x']];
    });
    expect(s.host.undoClears).toEqual(['RangeFill.color', 'Range.values']);
  });
});

describe('strict simulation: what users do', () => {
  function marked(): SimWorkbook {
    const wb = new SimWorkbook();
    const s = wb.addSheet('表', [['姓名'], ['乙'], ['甲'], ['丙']]);
    s.ensure(1, 0).fill = solid('#FFFF00');
    wb.addNote('表', 'A2', '乙的备注');
    wb.addComment('表', 'A3', '甲的批注');
    s.cfs.push({ id: 'cf1', type: 'Custom', formula: '=ISTEXT("x")', fill: '#FFC7CE', stopIfTrue: false, areas: [{ top: 1, left: 0, bottom: 1, right: 0 }] });
    return wb;
  }

  it('sort moves values, fills, notes and comments with their rows; conditional formats keep their range', () => {
    const wb = marked();
    wb.sortRows('表', { top: 1, left: 0, bottom: 3, right: 0 }, 0);
    const s = wb.sheet('表');
    expect(['A2', 'A3', 'A4'].map((a) => s.value(a))).toEqual(['丙', '乙', '甲']);
    expect(s.fill('A3')).toEqual(solid('#FFFF00'));
    expect([...s.notes.keys()]).toEqual(['2,0']);
    expect(wb.commentAt('表', 'A4')?.content).toBe('甲的批注');
    expect(s.cfs[0].areas).toEqual([{ top: 1, left: 0, bottom: 1, right: 0 }]);
    expect(s.shownFill('A2')).toBe('#FFC7CE');
  });

  it('cut and paste moves everything of the cells, the conditional formats’ ranges too', () => {
    const wb = marked();
    wb.cutPaste('表', 'A2', 'C5');
    const s = wb.sheet('表');
    expect([s.value('A2'), s.value('C5')]).toEqual([null, '乙']);
    expect(s.fill('C5')).toEqual(solid('#FFFF00'));
    expect([...s.notes.keys()]).toEqual(['4,2']);
    expect(s.cfs[0].areas).toEqual([{ top: 4, left: 2, bottom: 4, right: 2 }]);
  });
});
