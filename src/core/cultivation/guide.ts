/**
 * Texts and parameters of the 说明 sheet: the purpose of each sheet, the yearly cycle, how to use the workbook,
 * and the parameter block the formulas refer to. The programme's words and figures (rules, titles, activity kinds,
 * targets, period) come from the profile's `cultivation` section.
 */
import type { Profile } from '../profiles/schema';
import { monthDayOf } from '../profiles/cultivation-schema';
import { CAPACITY, ParamKey, PARAM_KEYS, SHEET, TrackingTable, utcDate, WorkbookDesign, YEAR_PARAM_LABEL } from './design';
import { MIN_PRINTED_TRAINEES } from './print';

export interface GuideSection {
  title: string;
  /** Column A (a sheet's name, or empty) and column B (the text). */
  lines: [string, string][];
}

function optionsOf(d: WorkbookDesign, table: TrackingTable, key: string): string[] {
  return d.tables[table].fields.find((f) => f.key === key)?.options ?? [];
}

/** The 说明 sheet's first line. */
export function guideTitle(year: number): string {
  return `质量工匠培育跟踪工作簿（${year}年度）`;
}

/** The sections of the 说明 sheet, top to bottom. */
export function guideSections(profile: Profile, d: WorkbookDesign): GuideSection[] {
  const p = d.params;
  const sheet = (k: TrackingTable) => d.tables[k].sheet;
  const kinds = p.activityKinds.filter((k) => k !== '其他').join('、');
  const exitReasons = optionsOf(d, 'exits', 'exitReason').join('、');
  const organisers = optionsOf(d, 'details', 'organiserType').map((o) => `各${o}`).join('、');
  const { qualityCraftsman: quality, shanghaiCraftsman: shanghai } = p.titles;
  return [
    {
      title: '工作表',
      lines: [
        [SHEET.guide, '本页：各工作表的用途、年度工作流程和参数（右侧“参数”可按本单位情况修改，公式会随之更新）。'],
        [sheet('details'), `每位培育对象一行：工作单位、组织单位（区/行业/产业集团）、导师和讲师、培育期、培育状态。“培育结束日期”按开始日期加培育期（月）自动计算，可直接改写；“青年”“巾帼”由身份证号自动判断；“累计学时”“近期活动次数”由培育档案自动统计（最多 ${CAPACITY.details} 人）。`],
        [sheet('plans'), '每位培育对象围绕“工匠五力”（引领力、实践力、创新力、攻关力、传承力）分别制定培育目标、措施和完成时限；完成后“是否完成”选“是”。'],
        [sheet('activities'), `培育活动逐条记录：${kinds}等，写明日期、学时、对应五力（可多选，用顿号分隔）和佐证材料（最多 ${CAPACITY.activities} 条）。`],
        [sheet('stageAssessments'), '培育期间的阶段考核：按五力分别评定等次（优秀/良好/合格/不合格），并给出综合等次。'],
        [sheet('finalAssessments'), `培育期满后的考核评价：五力等次、综合等次；“是否推荐认定”选“是”的，择优推荐参加“${quality}”评审认定。`],
        [sheet('exits'), `经审核批准撤销的培育对象：退出日期、退出原因（${exitReasons}）和情况说明；同时把其培育状态改为“退出”。`],
        [SHEET.service, `“${p.service.activity}”专项服务按人汇总（次数、学时、服务企业家次），按要求报送（${p.service.dueSource}）。统计期间见右侧参数。`],
        [SHEET.dashboard, `全部为公式：按状态统计人数、逾期未完成的计划、各力学时、长期无活动的培育对象、${p.targets.year}年目标进度。`],
      ],
    },
    {
      title: `年度工作流程（${p.rules}${profile.noticeNo ? profile.noticeNo : ''}）`,
      lines: [
        `1. ${profile.organiser.zh}发布培育认定工作通知，明确推荐范围和要求（${p.periodSource}）。`,
        `2. ${organisers || '各组织单位'}确定培育对象清单，制定培育计划（填“${sheet('details')}”“${sheet('plans')}”）。`,
        `3. 培育实施：开展${kinds}等培育活动，建立培育档案（填“${sheet('activities')}”，定期做“${sheet('stageAssessments')}”）。`,
        `4. 培育期满：考核评价（填“${sheet('finalAssessments')}”），择优推荐参加“${quality}”评审认定（培育状态改为“推荐认定”，认定后改为“已认定”并填“认定称号”）。`,
        '5. 未入选的可继续培育：培育状态改为“继续培育”，下一年度在匠选“培育跟踪”中点“年度结转”，生成新一年的工作簿（连同培育档案和考核记录）。',
        `6. 退出：${exitReasons}的，经审核批准予以撤销（填“${sheet('exits')}”，状态改为“退出”）。`,
        `7. 认定后：组建“${quality}创新工作室”，开展“${p.service.activity}”专项服务（记入培育档案，汇总见“${SHEET.service}”）；从“${quality}”中择优推荐“${shanghai}”。`,
      ].map((t): [string, string] => ['', t]),
    },
    {
      title: '使用提示',
      lines: [
        '新的记录直接接着表格往下填：下拉列表、日期格式和公式已预先覆盖到各表的最大行数，不要改动表头文字。',
        '日期请按日期输入（如 2026-03-15），不要输入“2026.3.15”之类的文字，否则统计不到。',
        '检查填写情况：在匠选（Excel 或 WPS 加载项，或匠选网页）中打开本文件，点“校验本表”；有问题的单元格会标出并说明怎么改。',
        `打印：各表已设为 A4、每页重复标题行。“${d.tables.details.sheet}”和“${SHEET.service}”预先填好了公式，打印区域为生成时的培育对象、至少 ${MIN_PRINTED_TRAINEES} 行；培育对象超过打印区域时，选中要打印的行，在“页面布局 → 打印区域 → 设置打印区域”中重设（WPS 相同）。`,
      ].map((t): [string, string] => ['', t]),
    },
  ];
}

export interface ParameterRow {
  key: ParamKey;
  label: string;
  /** A number, or a date at UTC midnight. */
  value: number | Date;
  note: string;
}

/** The parameter block (说明 D:F, rows from PARAM_FIRST_ROW in PARAM_KEYS order): what the formulas refer to. */
export function parameterRows(d: WorkbookDesign, year: number): ParameterRow[] {
  const p = d.params;
  const t = p.targets;
  const [fromM, fromD] = monthDayOf(p.service.from);
  const [dueM, dueD] = monthDayOf(p.service.due);
  const rows: Record<ParamKey, Omit<ParameterRow, 'key'>> = {
    year: { label: YEAR_PARAM_LABEL, value: year, note: '本工作簿的培育年度' },
    periodMonths: { label: '培育期（月）', value: p.periodMonths, note: `${p.periodSource}；“培育结束日期”未填写时按此计算` },
    youthMaxAge: { label: '青年年龄上限（周岁，含）', value: p.youthMaxAge, note: '培育开始日不超过此年龄（周岁）的计为青年' },
    inactivityDays: { label: '无活动提醒天数', value: p.inactivityDays, note: '仪表盘列出超过此天数没有培育活动的培育对象' },
    targetQuality: {
      label: `${t.year}年目标：${p.titles.qualityCraftsman}`,
      value: t.qualityCraftsmen,
      note: `${t.source}：到${t.year}年培养造就${t.qualityCraftsmen}名左右“${p.titles.qualityCraftsman}”（全市目标）`,
    },
    targetShanghai: { label: `${t.year}年目标：${p.titles.shanghaiCraftsman}`, value: t.shanghaiCraftsmen, note: `${t.source}：${t.shanghaiCraftsmen}名左右“${p.titles.shanghaiCraftsman}”（全市目标）` },
    targetTalents: {
      label: `${t.year}年目标：${t.talentsName}`,
      value: t.talents,
      note: `${t.source}：带动新增${t.talents}名${t.talentsName}（全市目标）；本表以期满考评${p.talentGrades.join('、')}计`,
    },
    serviceFrom: { label: '助企行统计起始日期', value: utcDate({ y: year, m: fromM, d: fromD }), note: `“${SHEET.service}”从此日期起计` },
    serviceDue: { label: '助企行报送截止日期', value: utcDate({ y: year, m: dueM, d: dueD }), note: `报送截止日期（${p.service.dueSource}）；统计到此日期` },
  };
  return PARAM_KEYS.map((key) => ({ key, ...rows[key] }));
}
