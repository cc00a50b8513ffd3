/// <reference types="office-js" />
import { applyInputRules, checkWorkbook, clearMarks, selectCell, setupPrinting } from '../../../src/adapters/office';
import { CheckError } from '../../../src/core/check/failures';
import { builtinProfile } from '../../../src/core/profiles/builtin-profiles';
import { recognizeWorkbook } from '../../../src/core/recognition/recognize-tables';
import { validateWorkbook } from '../../../src/core/rules/validate-workbook';
import { SEVERITY_FILL_HEX } from '../../../src/core/report/colours';
import { asExcel, FakeWorkbook, NO_FILL } from './fake-excel';
import { fakeFromGrid, sampleGrid } from './helpers';

const AS_OF = { y: 2025, m: 3, d: 1 };

describe('checkWorkbook', () => {
  it('reads, detects the programme, validates and marks — the same findings as the file adapter', async () => {
    const fileGrid = await sampleGrid();
    const wb = fakeFromGrid(fileGrid);
    const ctx = wb.context();
    const spy = jest.spyOn(ctx, 'sync');
    const progress: string[] = [];
    const out = await checkWorkbook(asExcel(ctx), { lang: 'zh', asOf: AS_OF, resultsSheet: true, onProgress: (p) => progress.push(p.phase) });
    expect(out.profile.id).toBe('sqc-2025');
    expect(out.how).toBe('title');
    expect(out.evidence).toBeTruthy();
    const expected = validateWorkbook(fileGrid, builtinProfile('sqc-2025')!, { asOf: AS_OF });
    expect(out.result.findings).toEqual(expected.findings);
    expect(out.result.counts.error).toBeGreaterThan(5);
    expect(progress).toContain('values');
    // 3 reads + 5 marking syncs (first run: the state probe, then names/comments, fills/locations, writes, ids).
    expect(spy).toHaveBeenCalledTimes(8);

    for (const f of out.result.findings) {
      const fill = wb.sheet(f.sheet).fill(f.cell);
      expect(Object.values(SEVERITY_FILL_HEX)).toContain(fill.color);
    }
    expect(wb.sheets.map((s) => s.name).sort()).toEqual(['_jiangxuan_marks', '推荐汇总表', '校验结果', '申报信息'].sort());
    expect(wb.sheet('_jiangxuan_marks').visibility).toBe('VeryHidden');
    await clearMarks(asExcel(wb.context()));
    expect(wb.comments).toEqual([]);
    for (const s of wb.sheets) for (const cell of s.cells.values()) expect(cell.fill ?? NO_FILL).toEqual(NO_FILL);
    expect(wb.sheets.map((s) => s.name)).toEqual(['推荐汇总表', '申报信息']);
  });

  it('throws the core’s CheckError no-program / no-table / unknown-program with both languages', async () => {
    const wb = new FakeWorkbook();
    wb.addSheet('Sheet1', [['今天的菜单'], ['米饭', '青菜']]);
    const e1 = await checkWorkbook(asExcel(wb.context()), { lang: 'zh' }).catch((e: unknown) => e);
    expect(e1).toBeInstanceOf(CheckError);
    expect((e1 as CheckError).failure.code).toBe('no-program');
    expect((e1 as CheckError).localized.zh).toContain('评选项目');
    const e2 = await checkWorkbook(asExcel(wb.context()), { lang: 'en', programId: 'sqc-2025' }).catch((e: unknown) => e);
    expect((e2 as CheckError).failure.code).toBe('no-table');
    expect((e2 as CheckError).localized.en).toContain('no nomination table');
    const e3 = await checkWorkbook(asExcel(wb.context()), { lang: 'zh', programId: 'nope' }).catch((e: unknown) => e);
    expect((e3 as CheckError).failure.code).toBe('unknown-program');
  });
});

describe('applyInputRules', () => {
  it('sets drop-down lists from the field options, length and count rules, in one sync, without touching values', async () => {
    const grid = await sampleGrid();
    const wb = fakeFromGrid(grid);
    const tables = recognizeWorkbook(grid, builtinProfile('sqc-2025')!);
    const details = tables.find((t) => t.kind === 'details')!;
    const before = JSON.stringify([...wb.sheet('申报信息').cells]);
    const ctx = wb.context();
    const spy = jest.spyOn(ctx, 'sync');
    const { columns } = await applyInputRules(asExcel(ctx), tables, 50);
    expect(spy).toHaveBeenCalledTimes(1);
    expect(columns).toBeGreaterThan(3);
    expect(JSON.stringify([...wb.sheet('申报信息').cells])).toBe(before);

    const vs = wb.sheet('申报信息').validations;
    const sexCol = details.colOf.get('sex')!;
    const sex = vs.find((v) => v.bounds.left === sexCol)!;
    expect(sex.rule).toEqual({ list: { inCellDropDown: true, source: '男,女' } });
    expect(sex.bounds.top).toBe(details.headerRow + 1);
    expect(sex.bounds.bottom).toBe(details.dataRows[details.dataRows.length - 1] + 50);
    expect(sex.errorAlert).toMatchObject({ showAlert: true, style: 'Stop' });
    expect(String((sex.prompt as { message: string }).message)).toContain('男、女');
    const spirit = vs.find((v) => v.bounds.left === details.colOf.get('spirit'))!;
    expect(spirit.rule).toEqual({ textLength: { operator: 'LessThanOrEqualTo', formula1: 100 } });
    const patents = vs.find((v) => v.bounds.left === details.colOf.get('inventionPatents'))!;
    expect(patents.rule).toEqual({ wholeNumber: { operator: 'GreaterThanOrEqualTo', formula1: 0 } });
    const hasPatent = vs.find((v) => v.bounds.left === details.colOf.get('hasPatent'))!;
    expect(hasPatent.rule).toEqual({ list: { inCellDropDown: true, source: '是,否' } });

    // The summary's rules stop above its footer lines.
    const summary = tables.find((t) => t.kind === 'summary')!;
    const footerTop = Math.min(...Object.values(summary.footer!).map((e) => e!.labelRow));
    for (const v of wb.sheet('推荐汇总表').validations) expect(v.bounds.bottom).toBeLessThan(footerTop);

    // Applying again replaces the rules (no error for an existing rule).
    await applyInputRules(asExcel(wb.context()), tables, 50);
    expect(wb.sheet('申报信息').validations).toHaveLength(vs.length);
  });
});

describe('setupPrinting / selectCell', () => {
  it('sets A4 landscape, one page wide, title rows, print area and the stamp footer', async () => {
    const grid = await sampleGrid();
    const wb = fakeFromGrid(grid);
    const profile = builtinProfile('sqc-2025')!;
    const summary = recognizeWorkbook(grid, profile).find((t) => t.kind === 'summary')!;
    const ctx = wb.context();
    const spy = jest.spyOn(ctx, 'sync');
    await setupPrinting(asExcel(ctx), summary, profile, 'zh');
    expect(spy).toHaveBeenCalledTimes(1);
    const pl = wb.sheet('推荐汇总表').pageLayout;
    expect(pl.orientation).toBe('Landscape');
    expect(pl.paperSize).toBe('A4');
    expect(pl.zoom).toEqual({ horizontalFitToPages: 1, verticalFitToPages: 0 });
    expect(pl.printTitleRows).toBe(`$1:$${summary.headerRow + 1}`);
    const lastFooterRow = Math.max(...Object.values(summary.footer!).map((e) => e!.row));
    expect(pl.printArea).toMatch(new RegExp(`^A1:[A-Z]+${lastFooterRow + 1}$`));
    expect(pl.centerFooter).toBe('推荐单位（加盖公章）：                日期：    年  月  日');
    await setupPrinting(asExcel(wb.context()), summary, profile, 'en');
    expect(String(wb.sheet('推荐汇总表').pageLayout.centerFooter)).toMatch(/^Nominating unit \(official seal\):\s+Date:/);
  });

  it('activates the sheet and selects the cell', async () => {
    const wb = new FakeWorkbook();
    wb.addSheet('A');
    wb.addSheet('申报信息', [['x']]);
    await selectCell(asExcel(wb.context()), '申报信息', 'D7');
    expect(wb.sheet('申报信息').selected).toBe('D7');
    expect(wb.sheet('申报信息').pageLayout.activated).toBe(true);
  });
});
