/**
 * The exceljs work-arounds apply on both builds: the CLI reads workbooks with exceljs' Node build, the page with
 * its prebuilt browser bundle (dist/exceljs.min.js, what webpack bundles). A date in a built-in Chinese format
 * must read the same through both.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { annotateWorkbook } from '../../../src/adapters/exceljs/annotate';
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

/** The sample with its details sheet renamed in xl/workbook.xml, as LibreOffice or another tool may write it. */
async function sampleWithSheetName(name: string): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(fs.readFileSync(SAMPLE));
  const xml = await zip.file('xl/workbook.xml')!.async('string');
  zip.file('xl/workbook.xml', xml.replace('name="申报信息"', `name="${name}"`));
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

describe('sheet names exceljs would refuse or cut are read as the file has them, silently, on both builds', () => {
  const LONG = '申报信息（2025年度第三届上海质量工匠培养选树推荐对象明细表）';
  test.each([
    ['over 31 characters', LONG],
    ['characters Excel does not allow in a name', '申报/信息[1]'],
    ['the name Excel reserves', 'History'],
  ])('%s', async (_what, name) => {
    expect(name.length > 31 || /[/[\]]/.test(name) || name === 'History').toBe(true);
    const bytes = await sampleWithSheetName(name);
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      const node = await readWorkbookBuffer(bytes);
      expect(node.sheets.map((s) => s.name)).toEqual(['推荐汇总表', name]);
      let browser: WorkbookGrid | undefined;
      await jest.isolateModulesAsync(async () => {
        const bundle = jest.requireActual<typeof ExcelJS>('exceljs/dist/exceljs.min.js');
        jest.doMock('exceljs', () => bundle);
        const { readWorkbookBuffer: readInBrowser } = require('../../../src/adapters/exceljs/read-workbook') as typeof import('../../../src/adapters/exceljs/read-workbook');
        browser = await readInBrowser(bytes);
      });
      expect(browser!.sheets.map((s) => s.name)).toEqual(['推荐汇总表', name]);
      expect(browser!.sheets[1].rows).toEqual(node.sheets[1].rows);
      expect(warn).not.toHaveBeenCalled();
    } finally {
      warn.mockRestore();
    }
  });

  test('the annotated copy keeps the name; two sheets of the same name are still a broken file', async () => {
    const bytes = await sampleWithSheetName(LONG);
    const grid = await readWorkbookBuffer(bytes);
    const annotated = await annotateWorkbook(bytes, [], { lang: 'zh', programName: 'x' });
    expect((await readWorkbookBuffer(annotated)).sheets.map((s) => s.name)).toEqual([...grid.sheets.map((s) => s.name), '校验结果']);
    await expect(readWorkbookBuffer(await sampleWithSheetName('推荐汇总表'))).rejects.toMatchObject({ code: 'malformed' });
  });

  test('sheets Jiangxuan itself creates are still checked the way exceljs checks them', () => {
    const wb = new ExcelJS.Workbook();
    expect(() => wb.addWorksheet('a/b')).toThrow();
  });
});

test("a print area is written with absolute rows (LibreOffice ignores exceljs' $A1:$F20), also the user's own in an annotated copy", async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('推荐表');
  ws.getCell('A1').value = '姓名';
  ws.pageSetup.printArea = 'A1:F20';
  const own = new Uint8Array(await wb.xlsx.writeBuffer());
  const names = async (bytes: Uint8Array) => {
    const xml = await (await JSZip.loadAsync(bytes)).file('xl/workbook.xml')!.async('string');
    return [...xml.matchAll(/<definedName name="_xlnm\.Print_Area"[^>]*>([^<]*)</g)].map((m) => m[1].replace(/&apos;/g, "'"));
  };
  // exceljs on its own: relative rows.
  expect(await names(own)).toEqual(["'推荐表'!$A1:$F20"]);
  const annotated = await annotateWorkbook(own, [], { lang: 'zh' });
  expect(await names(annotated)).toEqual(["'推荐表'!$A$1:$F$20", "'校验结果'!$A$1:$F$2"]);
});
