/**
 * Year-end rollover: only trainees marked 继续培育 are carried, with a new period and their history on the
 * 历史· sheets; the input is not modified; the new workbook validates without the history getting in the way.
 */
import { readWorkbookBuffer } from '../../src/adapters/exceljs/read-workbook';
import { rolloverTrackingWorkbook, writeTrackingWorkbook } from '../../src/adapters/exceljs/cultivation';
import { planRollover } from '../../src/core/cultivation/rollover';
import { Row } from '../../src/core/cultivation/model';
import { WorkbookGrid } from '../../src/core/model/grid';
import { recognizeWorkbook } from '../../src/core/recognition/recognize-tables';
import { validateWorkbook } from '../../src/core/rules/validate-workbook';
import { validId } from '../support/grid';
import { PROFILE, U } from './scenario';

const d = (y: number, m: number, day: number) => U({ y, m, d: day });
const person = (name: string, n: number, status: string, extra: Row = {}): Row => ({
  name,
  residentId: validId(`3101041990010${n}01${n % 2}`), // born 1990-01-0n
  unit: '上海浦江电子科技有限公司',
  organiser: '徐汇区',
  mentor: '陈导师',
  periodStart: d(2026, 1, 1),
  cultivationStatus: status,
  ...extra,
});
const act = (trainee: string, date: Date, hours: number): Row => ({ trainee, activityDate: date, activityType: '培训', hours, forces: '实践力' });

function old2026(): Promise<Uint8Array> {
  return writeTrackingWorkbook({
    profile: PROFILE,
    year: 2026,
    trainees: [
      person('甲', 1, '继续培育'), // period 2026-01-01 … 2027-01-01
      person('乙', 2, '继续培育', { periodStart: d(2026, 4, 1), periodEnd: d(2027, 3, 31) }),
      person('丙', 3, '持续培育'), // an alias of 继续培育
      person('丁', 4, '已认定', { recognisedTitle: '上海质量工匠' }),
      person('戊', 5, '退出'),
      person('己', 6, '培育中'),
      person('庚', 7, '期满待考评'),
    ],
    plans: [
      { trainee: '甲', force: '实践力', goal: '取得技师', dueDate: d(2026, 6, 30), done: '是' },
      { trainee: '丁', force: '引领力', goal: '牵头攻关', dueDate: d(2026, 6, 30), done: '是' },
    ],
    activities: [act('甲', d(2026, 3, 1), 8), act('甲', d(2026, 5, 1), 4), act('乙', d(2026, 6, 1), 2), act('丁', d(2026, 3, 1), 6)],
    stageAssessments: [{ trainee: '乙', stageDate: d(2026, 9, 30), stage: '半年', overallGrade: '良好' }],
    finalAssessments: [
      { trainee: '甲', finalDate: d(2026, 12, 20), overallGrade: '合格', recommend: '否' },
      { trainee: '乙', finalDate: d(2027, 3, 20), overallGrade: '良好', recommend: '否' },
      { trainee: '丁', finalDate: d(2026, 12, 20), overallGrade: '优秀', recommend: '是' },
    ],
    // 甲 was already carried once: a 2025 activity on the history sheet; 丁's old history is dropped with 丁.
    history: { activities: [{ year: 2025, values: act('甲', d(2025, 6, 1), 3) }, { year: 2025, values: act('丁', d(2025, 7, 1), 5) }] },
  });
}

describe('cultivation rollover', () => {
  let input: Uint8Array;
  let before: Uint8Array;
  let grid: WorkbookGrid;
  let report: Awaited<ReturnType<typeof rolloverTrackingWorkbook>>['report'];

  beforeAll(async () => {
    input = await old2026();
    before = input.slice();
    const r = await rolloverTrackingWorkbook(input, { profile: PROFILE, year: 2027 });
    report = r.report;
    grid = await readWorkbookBuffer(r.bytes);
  });

  test('only 继续培育 trainees are carried; counts are reported; the input is untouched', () => {
    expect(Buffer.from(input).equals(Buffer.from(before))).toBe(true);
    expect(report).toEqual({
      fromYear: 2026,
      toYear: 2027,
      trainees: 7,
      carried: [
        { name: '甲', start: '2027-01-01' },
        { name: '乙', start: '2027-03-31' },
        { name: '丙', start: '2027-01-01' },
      ],
      notCarried: { 已认定: 1, 退出: 1, 培育中: 1, 期满待考评: 1 },
      history: { plans: 1, activities: 4, stageAssessments: 1, finalAssessments: 2 },
    });
  });

  test('carried trainees start a new period as 培育中, keeping their details', () => {
    const list = recognizeWorkbook(grid, PROFILE).find((t) => t.kind === 'details')!;
    const at = (r: number, key: string) => list.sheet.rows[r][list.colOf.get(key)!];
    expect(list.dataRows.map((r) => at(r, 'name'))).toEqual(['甲', '乙', '丙']);
    expect(list.dataRows.map((r) => at(r, 'cultivationStatus'))).toEqual(['培育中', '培育中', '培育中']);
    expect(list.dataRows.map((r) => at(r, 'periodStart'))).toEqual([d(2027, 1, 1), d(2027, 3, 31), d(2027, 1, 1)]);
    expect(list.dataRows.map((r) => at(r, 'periodEnd'))).toEqual([d(2028, 1, 1), d(2028, 3, 31), d(2028, 1, 1)]);
    expect(at(list.dataRows[0], 'mentor')).toBe('陈导师');
    expect(at(list.dataRows[0], 'residentId')).toBe(validId('31010419900101011'));
    expect(at(list.dataRows[1], 'remarks')).toBe('2026年度继续培育结转（原培育期 2026-04-01 至 2027-03-31）');
    expect(grid.sheets.find((s) => s.name === '说明')!.rows[2][4]).toBe(2027);
  });

  test('history is on the 历史· sheets, older rows first, and this year’s tables start empty', () => {
    expect(grid.sheets.map((s) => s.name).filter((n) => n.startsWith('历史·'))).toEqual(['历史·培育计划', '历史·培育档案', '历史·阶段考核', '历史·期满考评']);
    const hist = grid.sheets.find((s) => s.name === '历史·培育档案')!;
    expect(hist.rows[1].slice(0, 3)).toEqual(['培育年度', '往期·培育对象', '往期·活动日期']);
    expect(hist.rows.slice(2).map((r) => [r[0], r[1], r[2], r[5]])).toEqual([
      [2025, '甲', d(2025, 6, 1), 3],
      [2026, '甲', d(2026, 3, 1), 8],
      [2026, '甲', d(2026, 5, 1), 4],
      [2026, '乙', d(2026, 6, 1), 2],
    ]);
    const tables = recognizeWorkbook(grid, PROFILE);
    expect(tables.map((t) => t.sheet.name)).toEqual(['培育对象清单', '培育计划', '培育档案', '阶段考核', '期满考评', '退出记录']);
    expect(tables.filter((t) => t.kind !== 'details').every((t) => t.dataRows.length === 0)).toBe(true);
  });

  test('the new workbook validates: the history does not count as this year’s records', () => {
    const r = validateWorkbook(grid, PROFILE, { asOf: { y: 2027, m: 2, d: 1 } });
    expect(r.findings.filter((f) => f.rule !== 'table.empty').map((f) => `${f.rule} @ ${f.sheet}!${f.cell}`)).toEqual([]);
  });

  test('a second rollover keeps the older history of those carried again', () => {
    const list = recognizeWorkbook(grid, PROFILE).find((t) => t.kind === 'details')!;
    const statusCol = list.colOf.get('cultivationStatus')!;
    const edited: WorkbookGrid = { sheets: grid.sheets.map((s) => (s === list.sheet ? { ...s, rows: s.rows.map((row) => row.slice()) } : s)) };
    const sheet = edited.sheets.find((s) => s.name === list.sheet.name)!;
    sheet.rows[list.dataRows[0]][statusCol] = '继续培育'; // 甲 again
    sheet.rows[list.dataRows[1]][statusCol] = '已认定'; // 乙 recognised
    const plan = planRollover(edited, PROFILE, 2028);
    expect(plan.report.carried).toEqual([{ name: '甲', start: '2028-01-01' }]);
    expect(plan.history.activities.map((h) => [h.year, h.values.trainee, h.values.hours])).toEqual([
      [2025, '甲', 3],
      [2026, '甲', 8],
      [2026, '甲', 4],
    ]);
    expect(plan.report.history).toEqual({ plans: 1, activities: 3, stageAssessments: 0, finalAssessments: 1 });
  });
});
