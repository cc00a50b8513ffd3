/// <reference types="office-js" />
/**
 * Merged areas for scoring and cultivation: a unit merged down over its nominees must read in Excel as it reads
 * from the file (the CLI), in one extra sync; without ExcelApi 1.13, or beyond Excel's 512 areas, no merges.
 */
import ExcelJS from 'exceljs';
import { addMergedAreas, readMergedAreas, readWorkbookGrid } from '../../../src/adapters/office';
import { readWorkbookBuffer } from '../../../src/adapters/exceljs/read-workbook';
import { builtinProfile } from '../../../src/core/profiles/builtin-profiles';
import { candidatesFromGrid } from '../../../src/core/scoring/candidates';
import type { WorkbookGrid } from '../../../src/core/model/grid';
import { asExcel, FakeWorkbook } from './fake-excel';
import { fakeFromGrid } from './helpers';

/** A 2025 summary sheet whose unit column is merged over each unit's nominees. */
async function mergedSummary(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('推荐汇总表');
  ws.mergeCells('A1:E1');
  ws.getCell('A1').value = '第三届（2025年度）“上海质量工匠”培养选树推荐汇总表';
  ws.addRow(['序号', '所在单位名称', '姓名', '所在岗位名称', '职务、职称/技能等级']);
  ws.addRow([1, '上海电气集团股份有限公司', '张三', '钳工', '技师']);
  ws.addRow([2, null, '李四', '焊工', '高级技师']);
  ws.addRow([3, null, '王五', '电工', '技师']);
  ws.addRow([4, '上海华谊集团', '赵六', '化工', '技师']);
  ws.addRow([5, null, '钱七', '检验', '技师']);
  ws.mergeCells('B3:B5');
  ws.mergeCells('B6:B7');
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

function open(grid: WorkbookGrid): FakeWorkbook {
  const wb = fakeFromGrid(grid);
  for (const s of grid.sheets) wb.sheet(s.name).merges = s.merges.map((m) => ({ ...m }));
  return wb;
}

function withExcelApi(minor: number, run: () => Promise<void>): Promise<void> {
  const g = globalThis as Record<string, unknown>;
  g.Office = { context: { requirements: { isSetSupported: (set: string, v: string) => set === 'ExcelApi' && Number(v.split('.')[1]) <= minor } } };
  return run().finally(() => delete g.Office);
}

const profile = builtinProfile('sqc-2025')!;

describe('merged areas', () => {
  it('reads the merges in one sync: the same candidates (units) in Excel as from the file', async () => {
    const file = await readWorkbookBuffer(await mergedSummary());
    expect(file.sheets[0].merges).toHaveLength(3);
    const fromFile = candidatesFromGrid(file, profile);
    expect(fromFile.candidates.map((c) => c.unit)).toEqual(['上海电气集团股份有限公司', '上海电气集团股份有限公司', '上海电气集团股份有限公司', '上海华谊集团', '上海华谊集团']);

    await withExcelApi(13, async () => {
      const wb = open(file);
      const ctx = wb.context();
      const grid = await readWorkbookGrid(asExcel(ctx));
      expect(ctx.syncCount).toBe(3);
      const withMerges = await addMergedAreas(asExcel(ctx), grid);
      expect(ctx.syncCount).toBe(4);
      expect(withMerges.sheets[0].merges).toEqual(expect.arrayContaining(file.sheets[0].merges));
      expect(candidatesFromGrid(withMerges, profile)).toEqual(fromFile);
    });
  });

  it('without ExcelApi 1.13 the grid has no merges (and says which rows lack a unit)', async () => {
    const file = await readWorkbookBuffer(await mergedSummary());
    await withExcelApi(12, async () => {
      const ctx = open(file).context();
      const grid = await addMergedAreas(asExcel(ctx), await readWorkbookGrid(asExcel(ctx)));
      expect(ctx.syncCount).toBe(3);
      expect(grid.sheets[0].merges).toEqual([]);
      expect(() => candidatesFromGrid(grid, profile)).toThrow(/第 4 行（李四）没有单位/);
    });
  });

  it('a sheet with more merged areas than Excel lists gives none, without failing', async () => {
    const wb = new FakeWorkbook();
    const rows = Array.from({ length: 1100 }, (_, r) => [`a${r}`, 'b']);
    const sheet = wb.addSheet('很多合并', rows);
    sheet.merges = Array.from({ length: 550 }, (_, i) => ({ top: i * 2, left: 1, bottom: i * 2 + 1, right: 1 }));
    wb.addSheet('少量合并', [['x', 'y']]).merges = [{ top: 0, left: 0, bottom: 0, right: 1 }];
    const ctx = wb.context();
    await expect(readMergedAreas(asExcel(ctx), ['很多合并', '少量合并'])).resolves.toEqual(new Map());
    expect(ctx.syncCount).toBe(1);
    const ok = await readMergedAreas(asExcel(wb.context()), ['少量合并']);
    expect(ok.get('少量合并')).toEqual([{ top: 0, left: 0, bottom: 0, right: 1 }]);
  });
});
