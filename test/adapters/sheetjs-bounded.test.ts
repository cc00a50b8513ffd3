/**
 * Reading the formats SheetJS reads (.xls/.et, .ods, .xlsb, CSV, web tables) within the reading budget (issue #10):
 * a file with more content than its reader is given is refused with 「表格过大…」 before it is parsed, and long text
 * split across BIFF8 CONTINUE records is read in O(n log n) (src/adapters/sheetjs/continue-offsets.ts) with the
 * same result. Time is measured by bench/formats-bench.js, never here.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { detectFileFormat, readWorkbookBytes } from '../../src/adapters/files/read-workbook';
import { SortedOffsets, withSortedContinueOffsets } from '../../src/adapters/sheetjs/continue-offsets';
import { sheetJsContentBytes } from '../../src/adapters/sheetjs/parse';
import { READ_BUDGET } from '../../src/core/model/read-budget';
import { unzip, zip } from '../robustness/mutants';

const DIR = join(__dirname, '..', 'fixtures', 'real', 'formats');

describe('a file in another format than .xlsx, over the budget', () => {
  test('an .ods whose parts unzip to more than the budget: 表格过大, said before parsing', async () => {
    const entries = await unzip(readFileSync(join(DIR, 'sqc-2025-有问题.ods')));
    // Whitespace deflates to almost nothing: a small file that unzips past the budget (mimetype stays first).
    const padding = { name: 'Thumbnails/padding.xml', data: Buffer.alloc((READ_BUDGET.otherFormatMegabytes + 1) * 1048576, 0x20) };
    const bytes = zip([...entries, padding]);
    expect(bytes.length).toBeLessThan(2 * 1048576);
    expect(detectFileFormat(bytes, '推荐表.ods')).toEqual({ reader: 'sheetjs', format: 'ods' });
    expect(sheetJsContentBytes(bytes, 'ods')).toBeGreaterThan(READ_BUDGET.otherFormatMegabytes * 1048576);
    const err = await readWorkbookBytes(bytes, { name: '推荐表.ods' }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'too-large', failure: { code: 'too-large', reason: 'other-format', limit: READ_BUDGET.otherFormatMegabytes } });
    const { zh, en } = (err as { localized: { zh: string; en: string } }).localized;
    expect(zh).toBe(
      `表格过大：这个文件的内容超过 ${READ_BUDGET.otherFormatMegabytes} MB，超出匠选一次能读取的 .xls、.et、.ods、.xlsb、CSV 或网页表格的范围。请把名单拆成几个文件分别检查；.xls、.et、.ods 文件也可以在 Excel 或 WPS 中另存为 .xlsx 再检查（.xlsx 读取快得多，上限也高得多）。`,
    );
    expect(en).toMatch(/^The table is too large: this file holds more than \d+ MB/);
  });

  test('the same .ods within the budget is read (the padding is counted, not the file size)', async () => {
    const plain = readFileSync(join(DIR, 'sqc-2025-有问题.ods'));
    expect(sheetJsContentBytes(plain, 'ods')).toBeGreaterThan(plain.length);
    const grid = await readWorkbookBytes(plain, { name: 'sqc-2025-有问题.ods' });
    expect(grid.sheets.map((s) => s.name)).toContain('申报信息');
  });

  test('an .xls counts as its own size', () => {
    const xls = readFileSync(join(DIR, 'sqc-2025-有问题.xls'));
    expect(sheetJsContentBytes(xls, 'xls')).toBe(xls.length);
  });
});

describe('text split across CONTINUE records (.xls shared strings)', () => {
  test('the offsets list answers indexOf as an array does, duplicates included', () => {
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
    for (let round = 0; round < 50; round++) {
      const list = new SortedOffsets();
      const plain: number[] = [];
      let at = 0;
      for (let i = next() % 40; i > 0; i--) {
        at += next() % 3 === 0 ? 0 : next() % 9000;
        list.push(at);
        plain.push(at);
      }
      for (let probe = -1; probe <= at + 1; probe += 1 + (next() % 500)) expect(list.indexOf(probe)).toBe(plain.indexOf(probe));
      for (const v of plain) expect(list.indexOf(v)).toBe(plain.indexOf(v));
    }
  });

  // This fixture's shared strings are one SST record and 8 CONTINUE records (LibreOffice's .xls of the sample).
  test('a workbook whose shared strings span CONTINUE records reads as without the work-around; Uint8Array left clean', async () => {
    const bytes = readFileSync(join(DIR, 'sqc-2025-有问题.xls'));
    const X = await import('@e965/xlsx');
    const before = X.read(bytes, { type: 'array', dense: true });
    const after = withSortedContinueOffsets(() => X.read(bytes, { type: 'array', dense: true }));
    expect(Object.prototype.hasOwnProperty.call(Uint8Array.prototype, 'lens')).toBe(false);
    expect(after.SheetNames).toEqual(before.SheetNames);
    for (const name of before.SheetNames) expect(after.Sheets[name]['!data']).toEqual(before.Sheets[name]['!data']);
    const texts = (before.Sheets['申报信息']['!data'] as { v?: unknown }[][]).flat().filter((c) => typeof c?.v === 'string');
    expect(texts.length).toBeGreaterThan(100);
  });
});
