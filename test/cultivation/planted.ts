/** A tracking workbook with one planted problem per workbook rule (shared by the validate and CLI tests). */
import { writeTrackingWorkbook } from '../../src/adapters/exceljs/cultivation';
import { Row } from '../../src/core/cultivation/model';
import { validId } from '../support/grid';
import { PROFILE, U } from './scenario';

export const d = (y: number, m: number, day: number) => U({ y, m, d: day });

export const trainee = (name: string, id17: string, start: unknown, status: string, extra: Row = {}): Row => ({
  name,
  sex: Number(id17[16]) % 2 ? '男' : '女',
  residentId: validId(id17),
  unit: '上海申江精密机械有限公司',
  organiserType: '区',
  organiser: '闵行区',
  mentor: '周导师',
  lecturer: '吴讲师',
  periodStart: start as Row[string],
  cultivationStatus: status,
  ...extra,
});

/** Rows 3… of each sheet, in order; comments give the expected finding. */
export function plantedWorkbook(): Promise<Uint8Array> {
  return writeTrackingWorkbook({
    profile: PROFILE,
    year: 2026,
    trainees: [
      trainee('王一', '31011219900305001', d(2026, 1, 1), '培育中'), // row 3: period to 2027-01-01
      trainee('李二', '31011219880611002', d(2025, 3, 1), '期满待考评'), // row 4: ended 2026-03-01, no final → M4
      trainee('张三', '31011219850120003', d(2025, 3, 1), '继续培育'), // row 5: ended, has a final assessment
      trainee('赵四', '31011219870909004', d(2025, 1, 1), '退出'), // row 6: ended but 退出
      trainee('钱五', '31011219920101005', d(2025, 6, 1), '推荐认定', { periodEnd: d(2026, 5, 31) }), // row 7: typed end, no final → M7
      trainee('孙六', '31011219950202006', '2026.3.1', '培育中'), // row 8: start as text → L8
    ],
    activities: [
      { trainee: '王一', activityDate: d(2026, 3, 5), activityType: '培训', hours: 8, forces: '实践力' }, // row 3: fine
      { trainee: '查无此人', activityDate: d(2026, 3, 5), activityType: '培训', hours: 8, forces: '实践力' }, // row 4 → A4
      { trainee: '王一', activityDate: d(2025, 12, 31), activityType: '培训', hours: 2, forces: '实践力' }, // row 5 → B5
      { trainee: '王一', activityDate: '2026.3.5', activityType: '培训', hours: 2, forces: '实践力' }, // row 6 → B6
      { trainee: '王一', activityDate: d(2026, 4, 1), activityType: '高师带徒', hours: '4小时', forces: '传承力' }, // row 7 → E7
      { trainee: '王一', activityDate: d(2026, 4, 2), activityType: '技能竞赛', hours: '4', forces: '攻关力' }, // row 8 → E8
    ],
    plans: [
      { trainee: '王一', force: '引领力', goal: '牵头一项攻关', dueDate: d(2026, 6, 30), done: '否' }, // row 3 → E3
      { trainee: '王一', force: '实践力', goal: '取得技师', dueDate: d(2026, 6, 30), done: '是' }, // row 4: done
      { trainee: '王一', force: '创新力', goal: '一项改进', dueDate: d(2026, 12, 31), done: '否' }, // row 5: not due yet
      { trainee: '王一', force: '攻关力', goal: '解决一项难题', dueDate: d(2026, 6, 30) }, // row 6 → E6 (done empty)
      { trainee: '王一', force: '传承力', goal: '带徒两名', dueDate: d(2027, 3, 1), done: '否' }, // row 7 → E7 after the period
      { trainee: '王一', force: '引领力', goal: '班组评优', dueDate: d(2026, 5, 1), done: '√' }, // row 8: √ means 是
    ],
    finalAssessments: [{ trainee: '张三', finalDate: d(2026, 3, 10), gradeLead: '良好', gradePractice: '良好', gradeInnovation: '合格', gradeTackle: '良好', gradeLegacy: '优秀', overallGrade: '良好', recommend: '否' }],
    exits: [
      { trainee: '赵四', exitDate: d(2026, 1, 15), exitDetail: '已调离本市', approval: '区质协 2026-01-20 批准' }, // row 3 → C3
      { trainee: '赵四', exitDate: d(2026, 1, 15), exitReason: '其他', approval: '区质协 2026-01-20 批准' }, // row 4 → D4 (其他 = 其他不适宜情况)
    ],
  });
}
