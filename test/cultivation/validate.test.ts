/**
 * `validate` on a filled tracking workbook goes through the same engine: each planted problem is found by its
 * workbook rule at its cell, and nothing else is reported.
 */
import { readWorkbookBuffer } from '../../src/adapters/exceljs/read-workbook';
import { writeTrackingWorkbook } from '../../src/adapters/exceljs/cultivation';
import { SimpleDate } from '../../src/core/model/dates';
import { validateWorkbook, ValidationResult } from '../../src/core/rules/validate-workbook';
import { readCellDate } from '../../src/core/rules/workbook-rules';
import { PROFILE } from './scenario';
import { d, plantedWorkbook, trainee } from './planted';

const AS_OF: SimpleDate = { y: 2026, m: 9, d: 30 };

const EXPECTED = [
  'warning cultivation.final-missing @ 培育对象清单!M4',
  'warning cultivation.final-missing @ 培育对象清单!M7',
  'error cultivation.date-format @ 培育对象清单!L8',
  'warning cultivation.plan-overdue @ 培育计划!E3',
  'warning cultivation.plan-overdue @ 培育计划!E6',
  'warning cultivation.date-outside-period @ 培育计划!E7',
  'error cultivation.unknown-trainee @ 培育档案!A4',
  'warning cultivation.date-outside-period @ 培育档案!B5',
  'error cultivation.date-format @ 培育档案!B6',
  'error cultivation.hours-format @ 培育档案!E7',
  'error cultivation.hours-format @ 培育档案!E8',
  'error cultivation.exit-reason @ 退出记录!C3',
  'warning cultivation.exit-detail @ 退出记录!D4',
];

describe('validate on a filled tracking workbook', () => {
  let result: ValidationResult;
  beforeAll(async () => {
    result = validateWorkbook(await readWorkbookBuffer(await plantedWorkbook()), PROFILE, { asOf: AS_OF });
  });

  test('each planted problem is found at its cell, and nothing else (the empty 阶段考核 table is optional)', () => {
    const found = result.findings.map((f) => `${f.severity} ${f.rule} @ ${f.sheet}!${f.cell}`);
    expect(found).toEqual(EXPECTED);
  });

  test('messages say what to change', () => {
    const msg = (cell: string, sheet: string) => result.findings.find((f) => f.cell === cell && f.sheet === sheet)!.message.zh;
    expect(msg('A4', '培育档案')).toBe('“查无此人”不在培育对象清单（工作表“培育对象清单”）中：培育档案只记录培育对象清单中的人员：请核对姓名是否与清单一致，或先在“培育对象清单”中添加此人');
    expect(msg('B5', '培育档案')).toMatch(/^「活动日期」2025-12-31 在“王一”的培育期（2026-01-01 至 2027-01-01）之前：请核对日期/);
    expect(msg('B6', '培育档案')).toMatch(/“2026\.3\.5”是文字，不是日期：请把单元格格式设为日期后重新输入 2026-03-05/);
    expect(msg('E7', '培育档案')).toMatch(/「学时」“4小时”不是数字：请只填写数字/);
    expect(msg('E8', '培育档案')).toMatch(/文字格式的数字/);
    expect(msg('M4', '培育对象清单')).toMatch(/^“李二”的培育期已于 2026-03-01 结束，但期满考评（工作表“期满考评”）中没有其记录：请补填期满考评；如不需要（已退出），请把「培育状态」改为“退出”/);
    expect(msg('E3', '培育计划')).toMatch(/^「完成时限」2026-06-30 已过（校验日期 2026-09-30），「是否完成」为“否”：已完成请把「是否完成」改为“是”/);
    expect(msg('E6', '培育计划')).toContain('「是否完成」未填写');
    expect(msg('C3', '退出记录')).toMatch(/^退出记录未填写「退出原因」：请填写，可选：长期工作离岗 \/ 弄虚作假 \/ 违纪违法 \/ 其他不适宜情况；细则第十四条/);
    expect(msg('D4', '退出记录')).toMatch(/^「退出原因」为“其他不适宜情况”时须填写「情况说明」/);
  });

  test('a clean workbook (the rows above without the planted problems) has no cultivation finding', async () => {
    const r = validateWorkbook(
      await readWorkbookBuffer(
        await writeTrackingWorkbook({
          profile: PROFILE,
          year: 2026,
          trainees: [trainee('王一', '31011219900305001', d(2026, 1, 1), '培育中')],
          activities: [{ trainee: '王一', activityDate: d(2026, 3, 5), activityType: '培训', hours: 1.5, forces: '实践力、创新力' }],
          plans: [{ trainee: '王一', force: '引领力', goal: '牵头一项攻关', dueDate: d(2026, 10, 30), done: '否' }],
        }),
      ),
      PROFILE,
      { asOf: AS_OF },
    );
    expect(r.findings).toEqual([]);
  });
});

test('readCellDate: real dates, text dates and serial numbers are told apart', () => {
  expect(readCellDate(d(2026, 3, 5))).toEqual({ date: { y: 2026, m: 3, d: 5 }, how: 'date' });
  expect(readCellDate('２０２６年3月5日')).toEqual({ date: { y: 2026, m: 3, d: 5 }, how: 'text' });
  expect(readCellDate('2026/3/5')).toEqual({ date: { y: 2026, m: 3, d: 5 }, how: 'text' });
  expect(readCellDate(46086)).toEqual({ date: { y: 2026, m: 3, d: 5 }, how: 'serial' });
  expect(readCellDate('2026-02-30')).toBeUndefined();
  expect(readCellDate('下周')).toBeUndefined();
  expect(readCellDate(2026 * 1000)).toBeUndefined();
});

describe('status, records and recognition agree (培育状态 ⇄ 退出记录, 认定称号, 期满考评)', () => {
  let result: ValidationResult;
  beforeAll(async () => {
    const bytes = await writeTrackingWorkbook({
      profile: PROFILE,
      year: 2026,
      trainees: [
        trainee('王一', '31011219900305001', d(2026, 1, 1), '培育中', { recognisedTitle: '上海质量工匠' }), // row 3 → O3: title while 培育中
        trainee('李二', '31011219880611002', d(2026, 1, 1), '退出'), // row 4 → N4: 退出 without an exit record
        trainee('张三', '31011219850120003', d(2026, 1, 1), '培育中'), // row 5 → N5: an exit record while 培育中
        trainee('赵四', '31011219870909004', d(2025, 3, 1), '已认定', { recognisedTitle: '上海质量工匠' }), // row 6: fine
        trainee('钱五', '31011219920101005', d(2026, 1, 1), '退出'), // row 7: exited, with its record: fine
      ],
      plans: [
        { trainee: '钱五', force: '引领力', goal: '牵头一项攻关', dueDate: d(2026, 6, 30), done: '否' }, // row 3: past due, but 钱五 exited
      ],
      finalAssessments: [
        { trainee: '赵四', finalDate: d(2026, 3, 10), gradeLead: '不合格', gradePractice: '合格', gradeInnovation: '合格', gradeTackle: '合格', gradeLegacy: '合格', overallGrade: '不合格', recommend: '是' }, // row 3 → I3
      ],
      exits: [
        { trainee: '张三', exitDate: d(2026, 5, 1), exitReason: '长期工作离岗', approval: '区质协审核同意' }, // row 3
        { trainee: '钱五', exitDate: d(2026, 5, 1), exitReason: '违纪违法' }, // row 4 → E4: no approval
      ],
    });
    result = validateWorkbook(await readWorkbookBuffer(bytes), PROFILE, { asOf: AS_OF });
  });

  test('each contradiction is found once, where it is to be corrected, and nothing else', () => {
    const found = result.findings.map((f) => `${f.severity} ${f.rule} @ ${f.sheet}!${f.cell}`);
    expect(found).toEqual([
      'warning cultivation.title-before-recognition @ 培育对象清单!O3',
      'warning cultivation.exit-record-missing @ 培育对象清单!N4',
      'warning cultivation.exit-while-active @ 培育对象清单!N5',
      'error cultivation.fail-but-recommended @ 期满考评!I3',
      'warning cultivation.exit-approval @ 退出记录!E4',
    ]);
  });

  test('messages say which record and what to change', () => {
    const msg = (rule: string) => result.findings.find((f) => f.rule === rule)!.message.zh;
    expect(msg('cultivation.exit-record-missing')).toMatch(/^“李二”的「培育状态」为“退出”，但退出记录（工作表“退出记录”）中没有其记录：请补填记录，或更正「培育状态」；细则第十四条/);
    expect(msg('cultivation.exit-while-active')).toMatch(/^“张三”的「培育状态」为“培育中”，但退出记录（工作表“退出记录”第 3 行）中有其记录：请更正「培育状态」，或删除该记录/);
    expect(msg('cultivation.title-before-recognition')).toMatch(/^「培育状态」为“培育中”时，「认定称号」不应为“上海质量工匠”：请核对这两栏/);
    expect(msg('cultivation.fail-but-recommended')).toMatch(/^「综合等次」为“不合格”时，「是否推荐认定」不应为“是”/);
  });
});
