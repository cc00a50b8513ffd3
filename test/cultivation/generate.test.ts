/**
 * Generating the tracking workbook: sheets in Chinese, headers that `validate` recognises, drop-down lists over
 * each table's capacity, real dates with a date format, formulas over fixed ranges, trainees read from a
 * nominee workbook.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { readWorkbookBuffer } from '../../src/adapters/exceljs/read-workbook';
import { createTrackingWorkbook, writeTrackingWorkbook } from '../../src/adapters/exceljs/cultivation';
import { CAPACITY, CultivationCapacityError, designWorkbook } from '../../src/core/cultivation/design';
import { NoTraineeTableError } from '../../src/core/cultivation/trainees';
import { builtinProfile } from '../../src/core/profiles/builtin-profiles';
import { recognizeWorkbook } from '../../src/core/recognition/recognize-tables';
import { buildNominees, writeNominationWorkbook } from '../../src/samples/fake-nominees';
import { buildScenario, PROFILE } from './scenario';

const SHEETS = ['说明', '培育对象清单', '培育计划', '培育档案', '阶段考核', '期满考评', '退出记录', '助企行服务统计', '仪表盘'];

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

/** The sheet XML of a sheet by name (data validations are checked in the file as Excel reads it). */
async function sheetXml(bytes: Uint8Array, name: string): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const book = await zip.file('xl/workbook.xml')!.async('string');
  const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
  const rid = new RegExp(`<sheet [^>]*name="${name}"[^>]*r:id="(rId\\d+)"`).exec(book)![1];
  const target = new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`Target="([^"]+)"[^>]*Id="${rid}"`).exec(rels)![1];
  return zip.file(`xl/${target.replace(/^\/?xl\//, '')}`)!.async('string');
}

interface Dv {
  type: string;
  sqref: string;
  formula1: string;
  errorStyle: string;
}

/** The data validations of a sheet as Excel reads them from the file. */
async function validationsOf(bytes: Uint8Array, name: string): Promise<Dv[]> {
  const xml = await sheetXml(bytes, name);
  const decode = (s: string) => s.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  return [...xml.matchAll(/<dataValidation ([^>]*)>\s*<formula1>([^<]*)<\/formula1>/g)].map((m) => {
    const attr = (a: string) => new RegExp(`${a}="([^"]*)"`).exec(m[1])?.[1] ?? '';
    return { type: attr('type'), sqref: attr('sqref'), formula1: decode(m[2]), errorStyle: attr('errorStyle') };
  });
}

describe('the generated workbook', () => {
  let bytes: Uint8Array;
  let wb: ExcelJS.Workbook;
  const scenario = buildScenario();
  beforeAll(async () => {
    bytes = await writeTrackingWorkbook(scenario.input);
    wb = await load(bytes);
  });

  test('has the sheets of the issue, in order, with the fields’ labels as headers', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(SHEETS);
    for (const key of ['details', 'plans', 'activities', 'stageAssessments', 'finalAssessments', 'exits'] as const) {
      const spec = PROFILE.tables[key]!;
      const ws = wb.getWorksheet(spec.name.zh)!;
      const header = spec.fields.map((_, i) => ws.getRow(2).getCell(i + 1).value);
      expect(header).toEqual(spec.fields.map((f) => f.label));
      expect(String(ws.getCell('A1').value)).toMatch(/质量工匠.*（2026年度）/);
    }
    const list = wb.getWorksheet('培育对象清单')!;
    expect(list.getRow(2).values).toEqual(expect.arrayContaining(['组织单位类别', '组织单位', '导师', '讲师', '培育开始日期', '培育结束日期', '培育状态', '青年', '巾帼', '累计学时', '近期活动次数']));
  });

  test('validate recognises exactly the six tables, each on its own sheet', async () => {
    const grid = await readWorkbookBuffer(bytes);
    const tables = recognizeWorkbook(grid, PROFILE);
    expect(tables.map((t) => `${t.kind}@${t.sheet.name}:${t.columns.length}/${t.dataRows.length}`)).toEqual([
      `details@培育对象清单:${PROFILE.tables.details!.fields.length}/${scenario.trainees.length}`,
      `plans@培育计划:7/${scenario.plans.length}`,
      `activities@培育档案:9/${scenario.activities.length}`,
      'stageAssessments@阶段考核:11/1',
      `finalAssessments@期满考评:11/${scenario.finalGrades.length}`,
      'exits@退出记录:5/1',
    ]);
    expect(tables.every((t) => t.missing.length === 0)).toBe(true);
  });

  test('dates are real dates with a date format; IDs are text', () => {
    const list = wb.getWorksheet('培育对象清单')!;
    const start = list.getCell('L3');
    expect(start.value).toEqual(new Date(Date.UTC(2026, 0, 1)));
    expect(start.numFmt).toBe('yyyy-mm-dd');
    expect(list.getColumn('L').numFmt).toBe('yyyy-mm-dd');
    const end = list.getCell('M3').value as ExcelJS.CellFormulaValue;
    expect(end.formula).toBe(`IF($L3="","",EDATE($L3,'说明'!$E$4))`);
    expect(end.result).toEqual(new Date(Date.UTC(2027, 0, 1)));
    expect(list.getCell('C3').value).toBe(scenario.trainees[0].nominee.residentId);
    expect(list.getCell('C3').numFmt).toBe('@');
    const act = wb.getWorksheet('培育档案')!;
    expect(act.getCell('B3').value).toBeInstanceOf(Date);
    expect(act.getColumn('B').numFmt).toBe('yyyy-mm-dd');
    const guide = wb.getWorksheet('说明')!;
    expect([guide.getCell('D3').value, guide.getCell('E3').value]).toEqual(['培育年度', 2026]);
    expect(guide.getCell('E11').value).toEqual(new Date(Date.UTC(2026, 7, 25)));
  });

  test('speaks to a cultivation unit, not to a developer: no command lines anywhere in the workbook', () => {
    const texts: string[] = [];
    for (const ws of wb.worksheets) ws.eachRow((row) => row.eachCell((c) => typeof c.value === 'string' && texts.push(c.value)));
    expect(texts.length).toBeGreaterThan(50);
    expect(texts.filter((t) => /jiangxuan|npx |--[a-z]/.test(t))).toEqual([]);
    expect(texts.some((t) => t.includes('校验本表'))).toBe(true);
  });

  test('formulas cover each table’s capacity (rows added later are counted)', () => {
    const list = wb.getWorksheet('培育对象清单')!;
    const last = 2 + CAPACITY.details;
    expect((list.getCell(`P${last}`).value as ExcelJS.CellFormulaValue).formula).toContain(`$C${last}`);
    expect((list.getCell(`Q${last}`).value as ExcelJS.CellFormulaValue).formula).toMatch(/MOD\(VALUE\(MID\(\$C\d+,17,1\)\),2\)=0/);
    expect((list.getCell(`T${last}`).value as ExcelJS.CellFormulaValue).formula).toContain(`'培育档案'!$B$3:$B$${2 + CAPACITY.activities}`);
    const dash = wb.getWorksheet('仪表盘')!;
    const labels = dash.getColumn(1).values as unknown[];
    const total = labels.indexOf('培育对象总数');
    expect(total).toBeGreaterThan(0);
    expect(dash.getCell(total, 2).value).toEqual({ formula: `COUNTA('培育对象清单'!$A$3:$A$${2 + CAPACITY.details})` });
    // Every figure is a formula (the statistics date is a fixed date here: the scenario sets asOf).
    for (let r = 3; r <= dash.rowCount; r++) {
      const a = dash.getCell(r, 1).value;
      const b = dash.getCell(r, 2).value;
      if (typeof a === 'string' && b !== null && !['本单位已达成'].includes(String(b))) expect([a, typeof b === 'object' && b !== null && 'formula' in b]).toEqual([a, true]);
    }
    const service = wb.getWorksheet('助企行服务统计')!;
    expect((service.getCell(`D${7 + CAPACITY.details}`).value as ExcelJS.CellFormulaValue).formula).toContain('"质量工匠助企行"');
  });

  test('drop-down lists for status, forces, activity types, exit reasons, grades and trainees', async () => {
    const d = designWorkbook(PROFILE);
    const list = await validationsOf(bytes, '培育对象清单');
    const status = d.tables.details.col.cultivationStatus;
    expect(list).toContainEqual({ type: 'list', sqref: `${status}3:${status}502`, formula1: '"培育中,期满待考评,推荐认定,已认定,继续培育,退出"', errorStyle: 'stop' });
    expect(list).toContainEqual({ type: 'list', sqref: 'H3:H502', formula1: '"区,行业,产业集团"', errorStyle: 'stop' });
    expect(list).toContainEqual({ type: 'date', sqref: 'L3:L502', formula1: '36526', errorStyle: 'stop' });
    // Formula columns (青年, 巾帼) have no drop-down: choosing a value would overwrite the formula.
    expect(list.map((v) => v.sqref)).not.toContain('P3:P502');
    const act = await validationsOf(bytes, '培育档案');
    expect(act).toContainEqual({ type: 'list', sqref: 'A3:A5002', formula1: "'培育对象清单'!$A$3:$A$502", errorStyle: 'warning' });
    expect(act).toContainEqual({ type: 'list', sqref: 'C3:C5002', formula1: '"培训,质量管理小组活动,标准化活动,质量创新活动,高师带徒,技能竞赛,质量工匠助企行,创新工作室,其他"', errorStyle: 'stop' });
    expect(act).toContainEqual({ type: 'list', sqref: 'F3:F5002', formula1: '"引领力,实践力,创新力,攻关力,传承力"', errorStyle: 'information' });
    expect(act).toContainEqual({ type: 'decimal', sqref: 'E3:E5002', formula1: '0', errorStyle: 'stop' });
    expect(await validationsOf(bytes, '退出记录')).toContainEqual({ type: 'list', sqref: 'C3:C502', formula1: '"长期工作离岗,弄虚作假,违纪违法,其他不适宜情况"', errorStyle: 'stop' });
    expect(await validationsOf(bytes, '期满考评')).toContainEqual({ type: 'list', sqref: 'H3:H502', formula1: '"优秀,良好,合格,不合格"', errorStyle: 'stop' });
    expect(await validationsOf(bytes, '培育计划')).toContainEqual({ type: 'list', sqref: 'F3:F2002', formula1: '"是,否"', errorStyle: 'stop' });
  });
});

describe('trainees from a nominee workbook', () => {
  const profile = builtinProfile('sqc-cultivation-2026')!;

  test('a 申报信息 details sheet of the selection programme (with its 推荐汇总表)', async () => {
    const nominees = buildNominees({ count: 5, seed: 'from-sqc', programme: 'sqc-2025' });
    const file = await writeNominationWorkbook('sqc-2025', nominees);
    const r = await createTrackingWorkbook({ profile, nominees: file, year: 2026, periodStart: { y: 2026, m: 4, d: 1 } });
    expect(r.trainees).toBe(5);
    expect(r.source).toMatchObject({ sheet: '申报信息', tableKind: 'details' });
    const wb = await load(r.bytes);
    const list = wb.getWorksheet('培育对象清单')!;
    expect(list.getCell('A3').value).toBe(nominees[0].name);
    expect(list.getCell('C3').value).toBe(nominees[0].residentId);
    expect(list.getCell('E3').value).toBe(nominees[0].values.unit);
    expect(list.getCell('L3').value).toEqual(new Date(Date.UTC(2026, 3, 1)));
    expect(list.getCell('N3').value).toBe('培育中');
    expect(list.getCell('A8').value).toBeNull();
  });

  test('only a 推荐汇总表 (names and units)', async () => {
    const nominees = buildNominees({ count: 3, seed: 'summary-only', programme: 'sqc-2025' });
    const file = await writeNominationWorkbook('sqc-2025', nominees);
    const grid = await readWorkbookBuffer(file);
    grid.sheets = grid.sheets.filter((s) => s.name === '推荐汇总表');
    const r = await createTrackingWorkbook({ profile, nominees: grid });
    expect(r).toMatchObject({ trainees: 3, year: 2026, source: { sheet: '推荐汇总表', tableKind: 'summary', profileId: 'sqc-2025' } });
  });

  test('a workbook without a nominee table is refused', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1').addRow(['随便', '什么']);
    const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    await expect(createTrackingWorkbook({ profile, nominees: bytes })).rejects.toBeInstanceOf(NoTraineeTableError);
  });

  test('without nominees: an empty workbook for the profile’s year', async () => {
    const r = await createTrackingWorkbook({ profile });
    expect(r.trainees).toBe(0);
    expect(r.source).toBeUndefined();
    const wb = await load(r.bytes);
    expect(wb.worksheets.map((w) => w.name)).toEqual(SHEETS);
    expect(wb.getWorksheet('仪表盘')!.getCell('B2').value).toEqual({ formula: 'TODAY()' });
  });
});

test('more trainees than the list holds is refused with a clear message', async () => {
  const trainees = Array.from({ length: CAPACITY.details + 1 }, (_, i) => ({ name: `培育对象${i}` }));
  await expect(writeTrackingWorkbook({ profile: PROFILE, year: 2026, trainees })).rejects.toThrow(new CultivationCapacityError('培育对象清单', 500, 501));
});

test('browser-safe: no Node built-in anywhere in the import graph of the cultivation API', () => {
  const seen = new Set<string>();
  const nodeImports: string[] = [];
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/(?:from|import|require\()\s*['"]([^'"]+)['"]/g)) {
      const spec = m[1];
      if (spec.startsWith('node:') || ['fs', 'path', 'os', 'child_process', 'fs/promises'].includes(spec)) nodeImports.push(`${file}: ${spec}`);
      if (!spec.startsWith('.')) continue;
      const base = resolve(dirname(file), spec);
      const next = [`${base}.ts`, join(base, 'index.ts'), base].find((p) => existsSync(p) && p.endsWith('.ts'));
      if (next) visit(next);
    }
  };
  visit(join(__dirname, '../../src/adapters/exceljs/cultivation/index.ts'));
  visit(join(__dirname, '../../src/core/cultivation/index.ts'));
  expect(seen.size).toBeGreaterThan(15);
  expect(nodeImports).toEqual([]);
});
