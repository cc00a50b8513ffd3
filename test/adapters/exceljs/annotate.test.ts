import ExcelJS from 'exceljs';
import { annotateWorkbook, NOTE_SEPARATOR } from '../../../src/adapters/exceljs/annotate';
import { WorkbookReadError } from '../../../src/adapters/exceljs/read-workbook';
import { SEVERITY_FILL_ARGB } from '../../../src/core/report/colours';
import type { Finding, Severity } from '../../../src/core/model/findings';
import { parseCellAddress } from '../../../src/core/model/grid';
import { buildSampleWorkbook, builtinCjkDateWorkbook, JSZip, sampleBytes, toBuffer } from './fixtures';


const EXCELJS_DEFAULT_FONT = { size: 11, color: { theme: 1 }, name: 'Calibri', family: 2, scheme: 'minor' };

function finding(sheet: string, cell: string, severity: Severity, rule: string, zh: string, nominee?: string): Finding {
  const pos = parseCellAddress(cell)!;
  return { sheet, cell, row: pos.row, col: pos.col, severity, rule, message: { zh, en: `EN ${zh}` }, ...(nominee ? { nominee } : {}) };
}

const FINDINGS: Finding[] = [
  finding('推荐表', 'C3', 'warning', 'id.number-typed', '身份证号以数字形式录入，末位已丢失', '张三'),
  finding('推荐表', 'C3', 'error', 'id.checksum', '身份证号校验位错误', '张三'),
  finding('推荐表', 'D4', 'warning', 'birth.mismatch', '出生日期与身份证号不一致', '李四'),
  finding('推荐表', 'B4', 'info', 'name.note', '姓名含空格已忽略', '李四'),
  finding('推荐表', 'B5', 'error', 'doc.missing', '缺少身份证复印件', '王五'),
  finding('推荐表', 'B8', 'info', 'merge.inside', '合并单元格内的问题', '赵六'),
  finding('参数', 'B1', 'warning', 'deadline.past', '截止日期已过'),
  finding("It's \"odd\"", 'B2', 'info', 'odd.sheet', '工作表名含引号'),
  finding('不存在的表', 'A1', 'error', 'table.missing', '缺少工作表'),
];

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as Parameters<ExcelJS.Xlsx['load']>[0]);
  return wb;
}

function argbOf(cell: ExcelJS.Cell): string | undefined {
  const fill = cell.fill as ExcelJS.FillPattern | undefined;
  return fill && fill.type === 'pattern' ? fill.fgColor?.argb : undefined;
}

function noteText(cell: ExcelJS.Cell): string {
  const n = cell.note as string | ExcelJS.Comment | undefined;
  if (!n) return '';
  return typeof n === 'string' ? n : (n.texts ?? []).map((t) => t.text).join('');
}

describe('annotateWorkbook', () => {
  let original: Buffer;
  let originalCopy: Buffer;
  let out: Uint8Array;
  let before: ExcelJS.Workbook;
  let after: ExcelJS.Workbook;

  beforeAll(async () => {
    original = await sampleBytes();
    originalCopy = Buffer.from(original);
    out = await annotateWorkbook(original, FINDINGS, { lang: 'zh', programName: '2025 年度上海工匠', generatedAt: '2025-03-01 10:00' });
    before = await load(originalCopy);
    after = await load(out);
  });

  test('returns a new xlsx and leaves the input untouched', () => {
    expect(out).toBeInstanceOf(Uint8Array);
    expect(out.length).toBeGreaterThan(1000);
    expect(Buffer.compare(original, originalCopy)).toBe(0);
  });

  test('every original cell keeps its value, formula, number format, font and border', () => {
    let compared = 0;
    for (const ws of before.worksheets) {
      const ws2 = after.getWorksheet(ws.name);
      expect(ws2).toBeDefined();
      expect(ws2!.state).toBe(ws.state);
      ws.eachRow({ includeEmpty: true }, (row, r) => {
        row.eachCell({ includeEmpty: true }, (cell, c) => {
          const cell2 = ws2!.getCell(r, c);
          expect({ at: `${ws.name}!${cell.address}`, v: cell2.value }).toEqual({ at: `${ws.name}!${cell.address}`, v: cell.value });
          expect(cell2.type).toBe(cell.type);
          const at = `${ws.name}!${cell.address}`;
          // exceljs reads an unstyled cell's font and border as undefined; once the cell has a fill of its
          // own they read back as the default font and the empty border: the same thing.
          const font = cell.font === undefined && cell2.font !== undefined ? EXCELJS_DEFAULT_FONT : cell.font;
          const border = cell.border === undefined && cell2.border !== undefined ? {} : cell.border;
          expect({ at, numFmt: cell2.numFmt, font: cell2.font, border: cell2.border }).toEqual({ at, numFmt: cell.numFmt, font, border });
          compared++;
        });
      });
      expect(Object.keys((ws2 as unknown as { _merges: object })._merges).sort()).toEqual(
        Object.keys((ws as unknown as { _merges: object })._merges).sort(),
      );
    }
    expect(compared).toBeGreaterThan(40);
  });

  test('drop-downs, conditional formatting, frozen panes and defined names survive', () => {
    const ws = after.getWorksheet('推荐表')!;
    expect(ws.getCell('F6').dataValidation).toEqual(before.getWorksheet('推荐表')!.getCell('F6').dataValidation);
    expect(ws.getCell('F6').dataValidation).toMatchObject({ type: 'list', formulae: ['"是,否"'] });
    expect((ws as unknown as { conditionalFormattings: unknown[] }).conditionalFormattings).toHaveLength(1);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(after.definedNames.getRanges('身份证号列').ranges).toEqual(["'推荐表'!$C$3:$C$8"]);
    expect(after.getWorksheet('参数')!.state).toBe('hidden');
    expect(after.getWorksheet('内部')!.state).toBe('veryHidden');
  });

  test('problem cells get the fill of their worst severity; cells sharing their style do not', () => {
    const ws = after.getWorksheet('推荐表')!;
    expect(argbOf(ws.getCell('C3'))).toBe(SEVERITY_FILL_ARGB.error);
    expect(argbOf(ws.getCell('D4'))).toBe(SEVERITY_FILL_ARGB.warning);
    expect(argbOf(ws.getCell('B4'))).toBe(SEVERITY_FILL_ARGB.info);
    expect(argbOf(ws.getCell('B7'))).toBe(SEVERITY_FILL_ARGB.info); // B8 is inside the B7:B8 merge
    for (const a of ['C4', 'C5', 'C6', 'A3', 'E3']) expect(argbOf(ws.getCell(a))).toBeUndefined();
    expect(argbOf(after.getWorksheet('参数')!.getCell('B1'))).toBe(SEVERITY_FILL_ARGB.warning);
    expect(argbOf(after.getWorksheet("It's \"odd\"")!.getCell('B2'))).toBe(SEVERITY_FILL_ARGB.info);
  });

  test('notes list every message on the cell with its severity label, worst first', () => {
    const ws = after.getWorksheet('推荐表')!;
    expect(noteText(ws.getCell('C3'))).toBe(`${NOTE_SEPARATOR}\n错误：身份证号校验位错误\n警告：身份证号以数字形式录入，末位已丢失`);
    expect(noteText(ws.getCell('D4'))).toBe(`${NOTE_SEPARATOR}\n警告：出生日期与身份证号不一致`);
    expect(noteText(ws.getCell('B7'))).toContain('提示：合并单元格内的问题');
    expect(ws.getCell('A3').note).toBeUndefined();
  });

  test("a user's note is kept first, ours follows the separator", () => {
    const ws = after.getWorksheet('推荐表')!;
    expect(noteText(ws.getCell('B4'))).toBe(`用户备注：请核实学历\n${NOTE_SEPARATOR}\n提示：姓名含空格已忽略`);
    // A formatted note keeps its runs (bold author line) and gets ours appended.
    const rich = ws.getCell('B5').note as ExcelJS.Comment;
    expect(typeof rich).toBe('object');
    expect(rich.texts![0]).toMatchObject({ text: '审核员:', font: { bold: true } });
    expect(noteText(ws.getCell('B5'))).toBe(`审核员:\n身份证复印件缺失\n${NOTE_SEPARATOR}\n错误：缺少身份证复印件`);
  });

  test('the results sheet lists one row per finding with working links', () => {
    const ws = after.getWorksheet('校验结果')!;
    expect(ws).toBeDefined();
    expect(after.worksheets[after.worksheets.length - 1].name).toBe('校验结果');
    const summary = String(ws.getCell('A1').value);
    expect(summary).toContain('2025 年度上海工匠');
    expect(summary).toContain('错误 3 · 警告 3 · 提示 3');
    expect(summary).toContain('2025-03-01 10:00');
    expect((ws.getRow(2).values as unknown[]).slice(1)).toEqual(['级别', '工作表', '单元格', '规则', '说明', '被推荐人']);
    expect(ws.getCell('A2').font?.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(ws.autoFilter).toBeDefined();
    expect(ws.actualRowCount).toBe(2 + FINDINGS.length);

    const rows: { level: string; sheet: string; cell: ExcelJS.CellValue; rule: string; msg: string; nominee: string }[] = [];
    for (let r = 3; r <= 2 + FINDINGS.length; r++) {
      const row = ws.getRow(r);
      rows.push({
        level: String(row.getCell(1).value),
        sheet: String(row.getCell(2).value),
        cell: row.getCell(3).value,
        rule: String(row.getCell(4).value),
        msg: String(row.getCell(5).value),
        nominee: String(row.getCell(6).value ?? ''),
      });
    }
    // The 规则 column names the rule; an id the catalogue does not know is shown as it is.
    expect(rows.map((r) => r.rule).sort()).toEqual(FINDINGS.map((f) => (f.rule === 'id.checksum' ? '身份证校验位' : f.rule)).sort());
    // Errors first, then warnings, then info.
    expect(rows.map((r) => r.level)).toEqual(['错误', '错误', '错误', '警告', '警告', '警告', '提示', '提示', '提示']);
    const checksum = rows.find((r) => r.rule === '身份证校验位')!;
    expect(checksum).toMatchObject({ sheet: '推荐表', msg: '身份证号校验位错误', nominee: '张三' });
    expect(checksum.cell).toEqual({ formula: `HYPERLINK("#'推荐表'!C3","C3")`, result: 'C3' });
    const odd = rows.find((r) => r.rule === 'odd.sheet')!;
    expect(odd.cell).toEqual({ formula: `HYPERLINK("#'It''s ""odd""'!B2","B2")`, result: 'B2' });
    const merged = rows.find((r) => r.rule === 'merge.inside')!;
    expect((merged.cell as ExcelJS.CellFormulaValue).formula).toContain("#'推荐表'!B8");
    // No such sheet: listed, without a link.
    expect(rows.find((r) => r.rule === 'table.missing')!.cell).toBe('A1');
    // Level cells carry the severity colour.
    expect(argbOf(ws.getCell('A3'))).toBe(SEVERITY_FILL_ARGB.error);
  });

  test('the link formula is written with its cached text, and notes get a box big enough to read', async () => {
    const zip = await JSZip.loadAsync(out);
    const names = Object.keys(zip.files);
    const sheetXml = await Promise.all(names.filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n)).map((n) => zip.file(n)!.async('string')));
    const results = sheetXml.find((x) => x.includes('HYPERLINK'))!;
    expect(results).toContain('<f>HYPERLINK(&quot;#&apos;推荐表&apos;!C3&quot;,&quot;C3&quot;)</f><v>C3</v>');
    const vml = await Promise.all(names.filter((n) => /vmlDrawing\d*\.vml$/.test(n)).map((n) => zip.file(n)!.async('string')));
    const anchors = vml.join('').match(/<x:Anchor>([^<]*)<\/x:Anchor>/g) ?? [];
    expect(anchors.length).toBeGreaterThanOrEqual(6);
    for (const a of anchors) {
      const [l, , t, , r, , b] = a.replace(/<\/?x:Anchor>/g, '').split(',').map((x) => Number(x.trim()));
      expect(r - l).toBe(5); // exceljs alone: 2 columns × 4 rows
      expect(b - t).toBeGreaterThanOrEqual(4);
    }
  });

  test('English labels and headers', async () => {
    const en = await load(await annotateWorkbook(original, FINDINGS.slice(0, 3), { lang: 'en' }));
    const ws = en.getWorksheet('Check results')!;
    expect((ws.getRow(2).values as unknown[]).slice(1)).toEqual(['Severity', 'Sheet', 'Cell', 'Rule', 'Message', 'Nominee']);
    expect(String(ws.getCell('A1').value)).toContain('Errors 1 · Warnings 2 · Info 0');
    expect(noteText(en.getWorksheet('推荐表')!.getCell('C3'))).toBe(`${NOTE_SEPARATOR}\nError: EN 身份证号校验位错误\nWarning: EN 身份证号以数字形式录入，末位已丢失`);
  });

  test('an existing 校验结果 sheet is kept and ours becomes 校验结果 (2)', async () => {
    const wb = buildSampleWorkbook();
    wb.addWorksheet('校验结果').getCell('A1').value = '用户自己的表';
    const res = await load(await annotateWorkbook(await toBuffer(wb), FINDINGS, { lang: 'zh' }));
    expect(res.getWorksheet('校验结果')!.getCell('A1').value).toBe('用户自己的表');
    expect(res.getWorksheet('校验结果 (2)')!.actualRowCount).toBe(2 + FINDINGS.length);
  });

  test('annotating an annotated copy replaces our note section instead of stacking it', async () => {
    const again = await load(await annotateWorkbook(out, FINDINGS, { lang: 'zh' }));
    const ws = again.getWorksheet('推荐表')!;
    expect(noteText(ws.getCell('B4'))).toBe(`用户备注：请核实学历\n${NOTE_SEPARATOR}\n提示：姓名含空格已忽略`);
    expect(noteText(ws.getCell('C3'))).toBe(`${NOTE_SEPARATOR}\n错误：身份证号校验位错误\n警告：身份证号以数字形式录入，末位已丢失`);
  });

  test('no findings: values untouched and a results sheet saying so', async () => {
    const res = await load(await annotateWorkbook(new Uint8Array(original), [], { lang: 'zh' }));
    const ws = res.getWorksheet('校验结果')!;
    expect(String(ws.getCell('A1').value)).toContain('错误 0 · 警告 0 · 提示 0');
    expect(ws.actualRowCount).toBe(2);
  });

  test('a date in a built-in Chinese format keeps its format (exceljs alone would write it as General)', async () => {
    const res = await load(await annotateWorkbook(await builtinCjkDateWorkbook(), [finding('S', 'A2', 'warning', 'x', 'y')], { lang: 'zh' }));
    const cell = res.getWorksheet('S')!.getCell('A2');
    expect(cell.value).toEqual(new Date(Date.UTC(1980, 0, 1)));
    expect(cell.numFmt).toBe('yyyy"年"m"月"d"日"');
  });

  test('unusable input gives WorkbookReadError', async () => {
    await expect(annotateWorkbook(Buffer.alloc(0), FINDINGS, { lang: 'zh' })).rejects.toBeInstanceOf(WorkbookReadError);
    await expect(annotateWorkbook(original.subarray(0, 100), FINDINGS, { lang: 'zh' })).rejects.toMatchObject({ code: 'truncated' });
  });
});
