/**
 * The exceljs work-arounds apply on both builds: the CLI reads workbooks with exceljs' Node build, the page with
 * its prebuilt browser bundle (dist/exceljs.min.js, what webpack bundles). A date in a built-in Chinese format
 * must read the same through both.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import type { WorkbookGrid } from '../../../src/core/model/grid';
import { readWorkbookBuffer } from '../../../src/adapters/exceljs/read-workbook';
import { builtinCjkDateWorkbook } from './fixtures';

const SAMPLE = path.join(__dirname, '..', '..', '..', 'samples', 'sqc-2025-正确.xlsx');
const BIRTH = new Date(Date.UTC(1980, 0, 1));

/** A sample nomination workbook with one more sheet, "S", holding a date in built-in format 31. */
async function sampleWithCjkDate(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(fs.readFileSync(SAMPLE) as unknown as ArrayBuffer);
  return new Uint8Array(await builtinCjkDateWorkbook(wb));
}

const sheetS = (g: WorkbookGrid) => g.sheets.find((s) => s.name === 'S')!.rows;

test('a date in a built-in Chinese format reads as the same Date through the Node build and the browser host', async () => {
  const bytes = await sampleWithCjkDate();
  const node = await readWorkbookBuffer(bytes);
  expect(sheetS(node)).toEqual([['出生日期'], [BIRTH]]);

  let browser: WorkbookGrid | undefined;
  await jest.isolateModulesAsync(async () => {
    const bundle = jest.requireActual<typeof ExcelJS>('exceljs/dist/exceljs.min.js');
    jest.doMock('exceljs', () => bundle);
    const { BrowserHost } = require('../../../src/taskpane/hosts/browser-host') as typeof import('../../../src/taskpane/hosts/browser-host');
    // The page's code path really runs on the browser bundle here.
    expect(jest.requireMock('exceljs')).toBe(bundle);
    const host = new BrowserHost(bytes, 'sample.xlsx');
    browser = (await host.check({ lang: 'zh', asOf: '2025-03-01' })).grid;
  });
  expect(sheetS(browser!)).toEqual(sheetS(node));
  expect(browser!.sheets.map((s) => s.name)).toEqual(node.sheets.map((s) => s.name));
});
