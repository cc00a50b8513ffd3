/**
 * The cultivation profile: its tables describe the tracking sheets, its workbook rules name real fields, and its
 * cultivation section (the notice's figures) drives the generated workbook.
 */
import ExcelJS from 'exceljs';
import { builtinProfile, userProfile } from '../../src/core/profiles/builtin-profiles';
import { columnIndex } from '../../src/core/model/grid';
import { workbookRuleProblems } from '../../src/core/rules/workbook-rules';
import { readWorkbookBuffer } from '../../src/adapters/exceljs/read-workbook';
import { writeTrackingWorkbook } from '../../src/adapters/exceljs/cultivation';

test('sqc-cultivation-2026 resolves with the tracking tables and consistent workbook rules', () => {
  const p = builtinProfile('sqc-cultivation-2026')!;
  expect(Object.keys(p.tables)).toEqual(['details', 'plans', 'activities', 'stageAssessments', 'finalAssessments', 'exits']);
  expect(p.tables.details!.name.zh).toBe('培育对象清单');
  expect(p.tables.exits!.fields.find((f) => f.key === 'exitReason')!.options).toEqual(['长期工作离岗', '弄虚作假', '违纪违法', '其他不适宜情况']);
  expect(workbookRuleProblems(p)).toEqual([]);
  expect(new Set(p.workbookRules.map((r) => r.kind))).toEqual(new Set(['reference', 'valueFormat', 'dateInPeriod', 'requiredWhenFinished', 'requiredInRow', 'overdue', 'keyPresence', 'rowConflict']));
});

test('a typo in a workbook rule is named', () => {
  const p = builtinProfile('sqc-cultivation-2026')!;
  const broken = { ...p, workbookRules: [{ ...p.workbookRules[0], from: { table: 'plans', field: 'trainer' } }] };
  expect(workbookRuleProblems(broken as typeof p)).toEqual(['workbookRules[0].from: 表格 “plans” 没有字段 “trainer”']);
});

describe('the cultivation section (the notice’s figures)', () => {
  const base = builtinProfile('sqc-cultivation-2026')!;
  /** A user's profile: the built-in one with its cultivation section changed. */
  const changed = (edit: (c: Record<string, unknown>) => void, extra: Record<string, unknown> = {}) => {
    const cultivation = JSON.parse(JSON.stringify(base.cultivation)) as Record<string, unknown>;
    edit(cultivation);
    return userProfile({ id: 'sqc-cultivation-test', extends: 'sqc-cultivation-2026', cultivation, ...extra }, 'test.json');
  };

  test('the built-in profile carries the 2030 targets and the one-year period of 沪质协（2026）12号', () => {
    const c = base.cultivation!;
    expect(c.targets).toMatchObject({ year: 2030, shanghaiCraftsmen: 10, qualityCraftsmen: 150, talents: 2000, talentsName: '高水平质量技能型人才' });
    expect(c.periodMonths).toBe(12);
    expect(c.titles).toEqual({ qualityCraftsman: '上海质量工匠', shanghaiCraftsman: '上海工匠' });
    // The activity kinds are the 活动类型 options; the period is the workbook rules' period.
    expect(base.tables.activities!.fields.find((f) => f.key === 'activityType')!.options).toEqual(c.activityKinds);
    const periods = base.workbookRules.flatMap((r) => (r.kind === 'dateInPeriod' || r.kind === 'requiredWhenFinished' ? [r.period.defaultMonths] : []));
    expect(periods.length).toBeGreaterThan(0);
    expect(new Set(periods)).toEqual(new Set([12]));
  });

  test('a profile that changes a target changes the generated workbook’s dashboard target', async () => {
    const more = changed((c) => ((c.targets as Record<string, unknown>).qualityCraftsmen = 200));
    for (const [profile, expected] of [
      [base, 150],
      [more, 200],
    ] as const) {
      const bytes = await writeTrackingWorkbook({ profile, year: 2026 });
      const grid = await readWorkbookBuffer(bytes);
      const dashboard = grid.sheets.find((s) => s.name === '仪表盘')!;
      const row = dashboard.rows.findIndex((r) => r?.[0] === '上海质量工匠');
      // The target cell refers to the parameter on the 说明 sheet, which holds the profile's figure.
      const target = (await formulaAt(bytes, '仪表盘', row, 2))!;
      const m = /^'(.+)'!\$([A-Z]+)\$(\d+)$/.exec(target)!;
      const sheet = grid.sheets.find((s) => s.name === m[1])!;
      expect(sheet.rows[Number(m[3]) - 1][columnIndex(m[2])]).toBe(expected);
      expect(sheet.rows[Number(m[3]) - 1][columnIndex(m[2]) - 1]).toBe('2030年目标：上海质量工匠');
    }
  });

  test('the period length drives the workbook rules and the period end the workbook caches', async () => {
    const half = changed((c) => (c.periodMonths = 6));
    for (const r of half.workbookRules) if (r.kind === 'dateInPeriod' || r.kind === 'requiredWhenFinished') expect(r.period.defaultMonths).toBe(6);
    const bytes = await writeTrackingWorkbook({ profile: half, year: 2026, trainees: [{ name: '张三', residentId: '310101199001011234' }] });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const list = wb.getWorksheet('培育对象清单')!;
    const end = list.getCell(3, half.tables.details!.fields.findIndex((f) => f.key === 'periodEnd') + 1).value as ExcelJS.CellFormulaValue;
    expect(end.result).toEqual(new Date(Date.UTC(2026, 6, 1)));
  });

  test('mistakes in the section are named', () => {
    expect(() => changed((c) => ((c.service as Record<string, unknown>).activity = '助企行动'))).toThrow(/cultivation\.service\.activity: “助企行动” 不在 activityKinds 中/);
    expect(() => changed((c) => ((c.titles as Record<string, unknown>).shanghaiCraftsman = '上海市工匠'))).toThrow(/cultivation\.titles: “上海市工匠” 不是 tables\.details 字段 recognisedTitle 的选项/);
    expect(() => changed((c) => (c.talentGrades = ['优秀', '及格']))).toThrow(/“及格” 不是 tables\.finalAssessments 字段 overallGrade 的选项/);
    expect(() => changed((c) => ((c.service as Record<string, unknown>).due = '02-30'))).toThrow(/cultivation\.service\.due: 没有这一天/);
    expect(() => changed((c) => (c.periodMonths = 0))).toThrow(/cultivation\.periodMonths/);
    expect(() => changed((c) => (c.targetz = 1))).toThrow(/cultivation/);
    const rules = base.workbookRules.map((r) => (r.kind === 'dateInPeriod' ? { ...r, period: { ...r.period, defaultMonths: 24 } } : r));
    expect(() => changed(() => undefined, { workbookRules: rules })).toThrow(/defaultMonths: 24 与 cultivation\.periodMonths（12）不一致/);
    expect(() => userProfile({ id: 'no-section', extends: 'sqc-cultivation-2026', cultivation: undefined }, 'x.json')).toThrow(/cultivation: 培育项目需要 cultivation 一节/);
  });
});

/** A cell's formula (0-based row, col) in a written workbook. */
async function formulaAt(bytes: Uint8Array, sheet: string, row: number, col: number): Promise<string | undefined> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const v = wb.getWorksheet(sheet)!.getCell(row + 1, col + 1).value as ExcelJS.CellFormulaValue | null;
  return v?.formula;
}
