/// <reference types="office-js" />
/**
 * Merged areas: a unit merged down over its nominees must read in Excel as it reads from the file (the CLI), for
 * checking as for scoring. ExcelApi 1.13 lists them in one sync; below it, and beyond Excel's 512 areas, they are
 * read from the workbook's own file (getFileAsync). Without either, no merges (and the pane says so).
 */
import ExcelJS from 'exceljs';
import { checkWorkbook, readMergedAreas, readWorkbook, readWorkbookGrid } from '../../../src/adapters/office';
import { setWorkbookFileReader } from '../../../src/adapters/office/merges';
import { readWorkbookBuffer } from '../../../src/adapters/exceljs/read-workbook';
import { builtinProfile } from '../../../src/core/profiles/builtin-profiles';
import { candidatesFromGrid } from '../../../src/core/scoring/candidates';
import { ExcelSim } from './sim';
import { simFromGrid, withHost } from './helpers';

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

const profile = builtinProfile('sqc-2025')!;

describe('merged areas', () => {
  it.each([17, 14, 10, 7])('ExcelApi 1.%i: the same candidates (units) in Excel as from the file', async (api) => {
    const file = await readWorkbookBuffer(await mergedSummary());
    expect(file.sheets[0].merges).toHaveLength(3);
    const fromFile = candidatesFromGrid(file, profile);
    expect(fromFile.candidates.map((c) => c.unit)).toEqual(['上海电气集团股份有限公司', '上海电气集团股份有限公司', '上海电气集团股份有限公司', '上海华谊集团', '上海华谊集团']);

    const sim = simFromGrid(file, { api });
    const ctx = sim.context();
    const read = await withHost(sim, () => readWorkbook(ctx));
    // 1.13 and later: Excel lists them (one more sync); before: read from the workbook file.
    expect(read.merges).toBe(api >= 13 ? 'excel' : 'file');
    expect(ctx.sync).toBeDefined();
    expect(read.grid.sheets[0].merges).toEqual(expect.arrayContaining(file.sheets[0].merges));
    expect(candidatesFromGrid(read.grid, profile)).toEqual(fromFile);
  });

  it('the check no longer reports the lower rows of a merged unit as blank', async () => {
    const file = await readWorkbookBuffer(await mergedSummary());
    for (const api of [10, 17]) {
      const sim = simFromGrid(file, { api });
      const out = await withHost(sim, () => sim.run((c) => checkWorkbook(c, { lang: 'zh', asOf: { y: 2025, m: 3, d: 1 } })));
      const unitCol = out.result.recognized[0].colOf.get('unit');
      expect(unitCol).toBe(1);
      expect(out.result.findings.filter((f) => f.col === unitCol && f.row >= 2)).toEqual([]);
    }
    // What it was before: without merges, the rows under a merged unit have no unit.
    const sim = simFromGrid(file, { api: 10 });
    const without = await sim.with(async () => {
      setWorkbookFileReader(undefined);
      return sim.run((c) => checkWorkbook(c, { lang: 'zh', asOf: { y: 2025, m: 3, d: 1 } }));
    });
    expect(without.office.merges).toBe('none');
    expect(without.result.findings.filter((f) => f.col === 1 && f.row >= 2).map((f) => f.cell)).toEqual(['B4', 'B5', 'B7']);
  });

  it('without merges (no file reader) the grid has none and the source says so', async () => {
    const file = await readWorkbookBuffer(await mergedSummary());
    const sim = simFromGrid(file, { api: 10 });
    await sim.with(async () => {
      setWorkbookFileReader(undefined);
      const read = await readWorkbook(sim.context());
      expect(read.merges).toBe('none');
      expect(read.grid.sheets[0].merges).toEqual([]);
      expect(() => candidatesFromGrid(read.grid, profile)).toThrow(/第 4 行（李四）没有单位/);
    });
  });

  it('a sheet with more merged areas than Excel lists is read from the file instead, without failing', async () => {
    const sim = new ExcelSim({ api: 17 });
    const rows = Array.from({ length: 1100 }, (_, r) => [`a${r}`, 'b']);
    const sheet = sim.wb.addSheet('很多合并', rows);
    sheet.merges = Array.from({ length: 550 }, (_, i) => ({ top: i * 2, left: 1, bottom: i * 2 + 1, right: 1 }));
    sim.wb.addSheet('少量合并', [['标题', null], ['x', 'y']]).merges = [{ top: 0, left: 0, bottom: 0, right: 1 }];
    const ctx = sim.context();
    await expect(readMergedAreas(ctx, ['很多合并', '少量合并'])).resolves.toBeUndefined();
    expect(sim.host.syncs.at(-1)!.failed).toBe('GeneralException');
    const ok = await readMergedAreas(sim.context(), ['少量合并']);
    expect(ok!.get('少量合并')).toEqual([{ top: 0, left: 0, bottom: 0, right: 1 }]);
    const grid = await withHost(sim, () => readWorkbookGrid(sim.context()));
    expect(grid.sheets[0].merges).toHaveLength(550);
    expect(grid.sheets[1].merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 1 }]);
  });
});
