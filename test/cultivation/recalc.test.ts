/**
 * The generated workbook recalculated by a real spreadsheet engine (LibreOffice headless): no error values
 * anywhere, and the dashboard, the trainee list's formula columns and the 助企行 roll-up equal what this test
 * computes from the rows it wrote. Skipped only locally when soffice is absent; with CI=true a missing
 * LibreOffice is a failure (CI installs it: apt-get install -y --no-install-recommends libreoffice-calc).
 */
import { addMonths, formatIsoDate } from '../../src/core/model/dates';
import { CellValue, isCellError, SheetGrid, WorkbookGrid } from '../../src/core/model/grid';
import { writeTrackingWorkbook } from '../../src/adapters/exceljs/cultivation';
import { userProfile } from '../../src/core/profiles/builtin-profiles';
import { findSoffice, recalcWithLibreOffice, Recalculated } from './libreoffice';
import { buildScenario, expectedDashboard, expectedService, expectedTargets, isYouth, PROFILE, Scenario } from './scenario';

const soffice = findSoffice();
const inCI = !!process.env.CI && process.env.CI !== 'false' && process.env.CI !== '0';
if (!soffice && !inCI) {
  console.warn('LibreOffice (soffice) not found: skipping the recalculation tests. Install: apt-get install -y --no-install-recommends libreoffice-calc');
}
const describeLo = soffice || inCI ? describe : describe.skip;

function sheet(grid: WorkbookGrid, name: string): SheetGrid {
  const s = grid.sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
}

/** Column B of the row whose column A is `label` (the dashboard's layout). */
function rightOf(s: SheetGrid, label: string, offset = 1): CellValue {
  const r = s.rows.findIndex((row) => row?.[0] === label); // empty rows are holes (core/model/grid.ts)
  if (r < 0) throw new Error(`no label ${label} on ${s.name}`);
  return s.rows[r][offset] ?? null;
}

function errorsIn(grid: WorkbookGrid): string[] {
  const out: string[] = [];
  for (const s of grid.sheets) {
    s.rows.forEach((row, r) =>
      row.forEach((v, c) => {
        if (isCellError(v) || (typeof v === 'string' && /^(#(NAME\?|VALUE!|REF!|N\/A|DIV\/0!|NUM!|NULL!)|Err:\d+)/.test(v))) out.push(`${s.name}!${r + 1}:${c + 1} ${JSON.stringify(v)}`);
      }),
    );
  }
  return out;
}

describeLo('LibreOffice recalculation of the tracking workbook', () => {
  let scenario: Scenario;
  let filled: Recalculated;
  let empty: Recalculated;

  beforeAll(async () => {
    if (!soffice) throw new Error('CI is set but LibreOffice (soffice) is not installed: apt-get install -y --no-install-recommends libreoffice-calc');
    scenario = buildScenario();
    filled = await recalcWithLibreOffice(soffice, await writeTrackingWorkbook(scenario.input));
    empty = await recalcWithLibreOffice(soffice, await writeTrackingWorkbook({ profile: PROFILE, year: 2026 }));
  }, 180000);

  test('no error values anywhere (filled and empty workbook, every sheet)', () => {
    expect(errorsIn(filled.grid)).toEqual([]);
    expect(errorsIn(empty.grid)).toEqual([]);
    for (const [name, text] of [...filled.csv, ...empty.csv]) expect(`${name}: ${text.match(/(#(NAME\?|VALUE!|REF!|N\/A|DIV\/0!|NUM!|NULL!)|Err:\d+)/)?.[0] ?? 'none'}`).toBe(`${name}: none`);
    expect(filled.csv.size).toBe(9);
  });

  test('dashboard figures equal what the rows say', () => {
    const d = sheet(filled.grid, '仪表盘');
    expect(rightOf(d, '统计日期')).toEqual(new Date(Date.UTC(2026, 8, 30)));
    const expected = expectedDashboard(scenario);
    const actual: Record<string, number> = {};
    for (const label of Object.keys(expected)) actual[label] = Number(rightOf(d, label));
    expect(actual).toEqual(expected);
    // Non-trivial data: every figure family has something to count.
    expect(expected['青年培育对象']).toBeGreaterThan(0);
    expect(expected['逾期未完成']).toBeGreaterThan(0);
    expect(expected['近90天无活动的培育对象']).toBeGreaterThan(0);
    for (const [label, n] of Object.entries(expectedTargets(scenario))) {
      expect([label, rightOf(d, label, 1)]).toEqual([label, n]);
    }
    expect(rightOf(d, '上海质量工匠', 2)).toBe(150);
    expect(rightOf(d, '上海工匠', 2)).toBe(10);
    expect(rightOf(d, '高水平质量技能型人才', 2)).toBe(2000);
    expect(rightOf(d, '上海工匠', 3)).toBeCloseTo(1 / 10);
  });

  test('the empty workbook counts zeros and dates the dashboard today', () => {
    const d = sheet(empty.grid, '仪表盘');
    expect(rightOf(d, '培育对象总数')).toBe(0);
    expect(rightOf(d, '逾期未完成')).toBe(0);
    const today = rightOf(d, '统计日期') as Date;
    expect(Math.abs(today.getTime() - Date.now())).toBeLessThan(2 * 86400000);
  });

  test('trainee list: period end, 青年, 巾帼 and per-trainee figures', () => {
    const s = sheet(filled.grid, '培育对象清单');
    const header = s.rows[1];
    const col = (label: string) => header.indexOf(label);
    scenario.trainees.forEach((t, i) => {
      const row = s.rows[2 + i];
      expect(row[col('姓名')]).toBe(t.nominee.name);
      expect((row[col('培育结束日期')] as Date).toISOString().slice(0, 10)).toBe(formatIsoDate(addMonths(t.start, 12)));
      expect([t.nominee.name, row[col('青年')]]).toEqual([t.nominee.name, isYouth(t) ? '是' : '否']);
      expect([t.nominee.name, row[col('巾帼')]]).toEqual([t.nominee.name, t.nominee.sex === '女' ? '是' : '否']);
      const hours = scenario.activities.filter((a) => a.trainee === t.nominee.name).reduce((n, a) => n + a.hours, 0);
      expect([t.nominee.name, row[col('累计学时')]]).toEqual([t.nominee.name, hours]);
    });
    // The two edge cases: 36 on the first day is not 青年, 35 is.
    expect(s.rows[2][col('青年')]).toBe('否');
    expect(s.rows[3][col('青年')]).toBe('是');
    // Rows below the list stay empty (formulas give "").
    expect(s.rows[2 + scenario.trainees.length]?.some((v) => v !== null && v !== '') ?? false).toBe(false);
  });

  test('助企行服务统计 counts services from 1 January to 25 August', () => {
    const s = sheet(filled.grid, '助企行服务统计');
    const expected = expectedService(scenario);
    let people = 0;
    let total = 0;
    let hours = 0;
    scenario.trainees.forEach((t, i) => {
      const row = s.rows[7 + i];
      const e = expected.get(t.nominee.name)!;
      expect([row[0], row[3], row[4], row[5]]).toEqual([t.nominee.name, e.count, e.hours, e.enterprises]);
      if (e.count > 0) people++;
      total += e.count;
      hours += e.hours;
    });
    expect(total).toBeGreaterThan(0);
    expect(rightOf(s, '参与服务人数')).toBe(people);
    expect(rightOf(s, '服务次数合计')).toBe(total);
    expect(rightOf(s, '服务学时合计')).toBe(hours);
    expect(rightOf(s, '报送截止日期')).toEqual(new Date(Date.UTC(2026, 7, 25)));
  });

  test('a profile with other targets and another service period: the dashboard and the roll-up follow it', async () => {
    const c = JSON.parse(JSON.stringify(PROFILE.cultivation)) as NonNullable<typeof PROFILE.cultivation>;
    c.targets.qualityCraftsmen = 200;
    c.targets.shanghaiCraftsmen = 20;
    c.service.due = '09-30';
    const profile = userProfile({ id: 'sqc-cultivation-more', extends: PROFILE.id, cultivation: c }, 'more.json');
    const other = await recalcWithLibreOffice(soffice!, await writeTrackingWorkbook({ ...scenario.input, profile }));
    const d = sheet(other.grid, '仪表盘');
    expect(rightOf(d, '上海质量工匠', 2)).toBe(200);
    expect(rightOf(d, '上海工匠', 2)).toBe(20);
    expect(rightOf(d, '高水平质量技能型人才', 2)).toBe(2000);
    // The same rows, counted against the new targets.
    for (const [label, n] of Object.entries(expectedTargets(scenario))) expect([label, rightOf(d, label, 1)]).toEqual([label, n]);
    expect(rightOf(sheet(other.grid, '助企行服务统计'), '报送截止日期')).toEqual(new Date(Date.UTC(2026, 8, 30)));
  }, 120000);
});
