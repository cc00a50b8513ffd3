/// <reference types="office-js" />
import * as path from 'node:path';
import { applyInputRules, checkWorkbook, clearMarks, selectCell, setupPrinting } from '../../../src/adapters/office';
import { CheckError } from '../../../src/core/check/failures';
import { builtinProfile } from '../../../src/core/profiles/builtin-profiles';
import { recognizeWorkbook } from '../../../src/core/recognition/recognize-tables';
import { validateWorkbook } from '../../../src/core/rules/validate-workbook';
import { SEVERITY_FILL_HEX } from '../../../src/core/report/colours';
import { ExcelSim } from './sim';
import { sampleGrid, simFromGrid, withHost } from './helpers';
import { readWorkbookFile } from '../../support/read-file';

const AS_OF = { y: 2025, m: 3, d: 1 };

describe('checkWorkbook', () => {
  it('reads, detects the programme and validates — the same findings as the file adapter — and writes nothing unless asked', async () => {
    const fileGrid = await sampleGrid();
    const sim = simFromGrid(fileGrid, { api: 17 });
    const before = sim.wb.snapshot();
    const ctx = sim.context();
    const spy = jest.spyOn(ctx, 'sync');
    const progress: string[] = [];
    const out = await withHost(sim, () => checkWorkbook(ctx, { lang: 'zh', asOf: AS_OF, onProgress: (p) => progress.push(p.phase) }));
    expect(out.profile.id).toBe('sqc-2025');
    expect(out.how).toBe('title');
    expect(out.evidence).toBeTruthy();
    const expected = validateWorkbook(fileGrid, builtinProfile('sqc-2025')!, { asOf: AS_OF });
    expect(out.result.findings).toEqual(expected.findings);
    expect(out.result.counts.error).toBeGreaterThan(5);
    expect(progress).toContain('values');
    // Sheets and setting, used ranges, values, merged areas; no writes.
    expect(spy).toHaveBeenCalledTimes(4);
    expect(out.office).toEqual({ merges: 'excel' });
    expect(sim.wb.snapshot()).toEqual(before);
    expect(sim.host.undoClears).toEqual([]);
  });

  it('marks every finding and writes the results sheet when asked; clearMarks removes both', async () => {
    const sim = simFromGrid(await sampleGrid(), { api: 17 });
    const before = sim.wb.snapshot();
    const ctx = sim.context();
    const spy = jest.spyOn(ctx, 'sync');
    const out = await withHost(sim, () => checkWorkbook(ctx, { lang: 'zh', asOf: AS_OF, mark: true, resultsSheet: true }));
    // 4 reads + 3 marking syncs (no rules of ours yet: no formulas to read).
    expect(spy).toHaveBeenCalledTimes(7);
    expect(out.office.marks).toMatchObject({ resultsSheet: 'written' });
    for (const f of out.result.findings) expect(Object.values(SEVERITY_FILL_HEX)).toContain(sim.wb.sheet(f.sheet).shownFill(f.cell));
    expect(sim.wb.sheets.map((s) => s.name)).toEqual(['推荐汇总表', '申报信息', '校验结果']);
    expect(sim.wb.comments).toEqual([]);
    await withHost(sim, () => sim.run((c) => clearMarks(c)));
    expect(sim.wb.snapshot()).toEqual(before);
  });

  it('a workbook with hidden rows and a hidden sheet: the same findings as the file, saying what is hidden, in the findings and the results sheet', async () => {
    const file = path.join(__dirname, '../../fixtures/real/layouts/sqc-2025-隐藏行.xlsx');
    const fileGrid = await readWorkbookFile(file);
    expect(fileGrid.sheets.find((s) => s.name === '申报信息')?.hiddenRows?.length).toBeGreaterThan(0);
    const sim = simFromGrid(fileGrid, { api: 17 });
    const ctx = sim.context();
    const out = await withHost(sim, () => checkWorkbook(ctx, { lang: 'zh', asOf: AS_OF, mark: true, resultsSheet: true }));
    // Read through rowHidden and the visible view, not from the file: the same findings as the CLI's.
    expect(out.office.merges).toBe('excel');
    expect(out.result.findings).toEqual(validateWorkbook(fileGrid, builtinProfile('sqc-2025')!, { asOf: AS_OF }).findings);
    const byRule = (id: string) => out.result.findings.filter((f) => f.rule === id);
    const [rows] = byRule('table.hidden-rows');
    expect(rows.message.zh).toMatch(/第 [\d、]+ 行被隐藏，已一并校验/);
    const [id] = byRule('id.checksum');
    expect(id).toMatchObject({ sheet: '申报信息', cell: 'H5', hidden: 'row' });
    expect(id.message.zh).toContain('（此行已隐藏）');
    expect(id.message.en).toContain('(this row is hidden)');
    expect(byRule('table.hidden-sheet')[0].message.zh).toContain('被隐藏');
    // The results sheet the officer reads carries the same words; the hidden row's cell is filled all the same.
    const results = sim.wb.sheet('校验结果');
    const texts = [...results.cells.values()].map((c) => String(c.value ?? ''));
    expect(texts.some((t) => t.includes('（此行已隐藏）'))).toBe(true);
    expect(sim.wb.sheet('申报信息').shownFill('H5')).toBe(SEVERITY_FILL_HEX.error);
  });

  it('a hidden first column: the visible view cannot tell the rows apart, none is said hidden and the check goes on', async () => {
    const fileGrid = await readWorkbookFile(path.join(__dirname, '../../fixtures/real/layouts/sqc-2025-隐藏行.xlsx'));
    const sim = simFromGrid(fileGrid, { api: 17 });
    sim.wb.sheet('申报信息').hiddenColumns.add(0);
    const out = await withHost(sim, () => checkWorkbook(sim.context(), { lang: 'zh', asOf: AS_OF }));
    expect(out.result.findings.filter((f) => f.hidden === 'row')).toEqual([]);
    expect(out.result.findings.map((f) => f.rule)).toContain('id.checksum');
  });

  it('throws the core’s CheckError no-program / no-table / unknown-program with both languages', async () => {
    const sim = new ExcelSim({ api: 17 });
    const wb = sim.wb;
    const asExcel = (_: unknown) => sim.context();
    wb.addSheet('Sheet1', [['今天的菜单'], ['米饭', '青菜']]);
    const e1 = await checkWorkbook(asExcel(wb), { lang: 'zh' }).catch((e: unknown) => e);
    expect(e1).toBeInstanceOf(CheckError);
    expect((e1 as CheckError).failure.code).toBe('no-program');
    expect((e1 as CheckError).localized.zh).toContain('评选项目');
    const e2 = await checkWorkbook(asExcel(wb), { lang: 'en', programId: 'sqc-2025' }).catch((e: unknown) => e);
    expect((e2 as CheckError).failure.code).toBe('no-table');
    expect((e2 as CheckError).localized.en).toContain('no nomination table');
    const e3 = await checkWorkbook(asExcel(wb), { lang: 'zh', programId: 'nope' }).catch((e: unknown) => e);
    expect((e3 as CheckError).failure.code).toBe('unknown-program');
  });
});

describe('applyInputRules', () => {
  it('sets drop-down lists from the field options, length and count rules, in one sync, without touching values', async () => {
    const grid = await sampleGrid();
    const sim = simFromGrid(grid, { api: 17 });
    const wb = sim.wb;
    const tables = recognizeWorkbook(grid, builtinProfile('sqc-2025')!);
    const details = tables.find((t) => t.kind === 'details')!;
    const before = JSON.stringify([...wb.sheet('申报信息').cells]);
    const ctx = sim.context();
    const spy = jest.spyOn(ctx, 'sync');
    const { columns } = await applyInputRules(ctx, tables, 50);
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
    await applyInputRules(sim.context(), tables, 50);
    expect(wb.sheet('申报信息').validations).toHaveLength(vs.length);
  });

  it('below ExcelApi 1.8 says in words that this Excel cannot, before writing anything', async () => {
    const grid = await sampleGrid();
    const sim = simFromGrid(grid, { api: 7 });
    const tables = recognizeWorkbook(grid, builtinProfile('sqc-2025')!);
    const e = await withHost(sim, () => sim.run((c) => applyInputRules(c, tables))).catch((x: unknown) => x);
    expect((e as { localized: { zh: string } }).localized.zh).toMatch(/设置输入规则.*ExcelApi 1\.8/);
    expect(sim.host.syncs).toEqual([]);
  });
});

describe('setupPrinting / selectCell', () => {
  it('sets A4 landscape, one page wide, title rows, print area and the stamp footer', async () => {
    const grid = await sampleGrid();
    const sim = simFromGrid(grid, { api: 17 });
    const wb = sim.wb;
    const profile = builtinProfile('sqc-2025')!;
    const summary = recognizeWorkbook(grid, profile).find((t) => t.kind === 'summary')!;
    const ctx = sim.context();
    const spy = jest.spyOn(ctx, 'sync');
    await setupPrinting(ctx, summary, profile, 'zh');
    expect(spy).toHaveBeenCalledTimes(1);
    const pl = wb.sheet('推荐汇总表').pageLayout;
    expect(pl.orientation).toBe('Landscape');
    expect(pl.paperSize).toBe('A4');
    expect(pl.zoom).toEqual({ horizontalFitToPages: 1, verticalFitToPages: 0 });
    expect(pl.printTitleRows).toBe(`$1:$${summary.headerRow + 1}`);
    const lastFooterRow = Math.max(...Object.values(summary.footer!).map((e) => e!.row));
    expect(pl.printArea).toMatch(new RegExp(`^A1:[A-Z]+${lastFooterRow + 1}$`));
    expect(pl.centerFooter).toBe('推荐单位（加盖公章）：                日期：    年  月  日');
    await setupPrinting(sim.context(), summary, profile, 'en');
    expect(String(wb.sheet('推荐汇总表').pageLayout.centerFooter)).toMatch(/^Nominating unit \(official seal\):\s+Date:/);
  });

  it('activates the sheet and selects the cell', async () => {
    const sim = new ExcelSim({ api: 7 });
    const wb = sim.wb;
    wb.addSheet('A');
    wb.addSheet('申报信息', [['x']]);
    await selectCell(sim.context(), '申报信息', 'D7');
    expect(wb.sheet('申报信息').selected).toBe('D7');
    expect(wb.sheet('申报信息').activated).toBe(true);
  });
});
