/** Data validations as Excel reads them from the written XML: no overlapping ranges, every cell covered. */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { writeWorkbookBytes } from '../../../src/adapters/exceljs/write-workbook';
import { annotateWorkbook } from '../../../src/adapters/exceljs/annotate';
import { parseCellAddress } from '../../../src/core/model/grid';

async function sqrefs(bytes: Uint8Array): Promise<string[]> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
  return [...xml.matchAll(/<dataValidation [^>]*sqref="([^"]*)"/g)].flatMap((m) => m[1].split(' '));
}

/** Every cell of every range, failing on a cell covered twice. */
function coveredCells(ranges: string[]): Set<string> {
  const seen = new Set<string>();
  for (const r of ranges) {
    const [a, b = a] = r.split(':');
    const p = parseCellAddress(a)!;
    const q = parseCellAddress(b)!;
    for (let row = p.row; row <= q.row; row++) {
      for (let col = p.col; col <= q.col; col++) {
        const key = `${row},${col}`;
        if (seen.has(key)) throw new Error(`cell ${key} is in two ranges: ${ranges.join(' ')}`);
        seen.add(key);
      }
    }
  }
  return seen;
}

function sheetWithDropDowns(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('S');
  for (let r = 3; r <= 2002; r++) {
    ws.getCell(`A${r}`).dataValidation = { type: 'list', allowBlank: true, formulae: ['"男,女"'] };
    ws.getCell(`B${r}`).dataValidation = { type: 'whole', operator: 'greaterThanOrEqual', allowBlank: true, formulae: [0] };
  }
  ws.getCell('A10').value = '男'; // a value inside the range is what made exceljs write two overlapping ranges
  ws.getCell('B100').value = 3;
  return wb;
}

test('generated workbooks: one range per column, no overlap, all 2,000 rows covered', async () => {
  const ranges = await sqrefs(await writeWorkbookBytes(sheetWithDropDowns()));
  expect(ranges.sort()).toEqual(['A3:A2002', 'B3:B2002']);
  expect(coveredCells(ranges).size).toBe(4000);
});

test('the annotated copy of a workbook with drop-downs keeps them, without overlap', async () => {
  const original = await sheetWithDropDowns().xlsx.writeBuffer();
  const out = await annotateWorkbook(new Uint8Array(original as ArrayBuffer), [{ severity: 'error', rule: 'x', message: { zh: '说明', en: 'm' }, sheet: 'S', row: 9, col: 0, cell: 'A10' }], { lang: 'zh' });
  const ranges = await sqrefs(out);
  expect(coveredCells(ranges).size).toBe(4000);
});
