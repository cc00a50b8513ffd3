/**
 * What the workbooks sent out for a round say, besides their metadata: the expert's score sheet (title, the
 * information line, what a score cell accepts, the 填写说明 sheet) and the organiser's key (its 说明 lines and its
 * tables). Pure; the exceljs writer lays them out (src/adapters/exceljs/scoring/scoresheet-writer.ts).
 */
import type { Candidate } from './candidates';
import type { Expert } from './experts';
import { expertLine, KeyMeta, POSITION_HEADER, RECOMMEND_OPTIONS, RECOMMEND_HEADER, RECUSAL_HEADER, RECUSAL_REASONS, RoundMode, SIGN_LABEL } from './metadata';
import type { ScoringProblem } from './problems';
import { formatPoints, Rubric } from './rubric';

/** What an expert's sheet is about. */
export interface ScoreSheetSubject {
  /** Short name for the title, e.g. "上海质量工匠 2025". */
  programmeTitle: string;
  round: string;
  rubric: Rubric;
  expert: Expert;
  /** In list order (conflicts of interest already removed). */
  candidates: Candidate[];
  blind: boolean;
  /** Scores, or a ranking ballot. */
  mode: RoundMode;
}

export function scoreSheetTitle(s: ScoreSheetSubject): string {
  return `${s.programmeTitle} · ${s.round} · ${s.mode === 'ballot' ? '专家名次投票表' : '专家评分表'}`;
}

/** The line under the title; it starts with the expert's name and unit, which the reader checks on return. */
export function scoreSheetInfo(s: ScoreSheetSubject): string {
  const what =
    s.mode === 'ballot'
      ? `在黄色单元格中填写名次（1 为最优，尽量不要并列）`
      : `在黄色单元格中打分（最小单位 ${formatPoints(s.rubric.step)} 分），总分自动计算`;
  return `${expertLine(s.expert)}　共 ${s.candidates.length} 名候选人${s.blind ? '（盲评，以编号表示）' : ''}　${what}；请勿增删行或改动编号${s.blind ? '' : '、姓名、单位'}。`;
}

/** The expert's signature line under the list: label, then 日期. */
export const SIGN_LINE = { label: SIGN_LABEL, date: '日期：' } as const;

/** A rule Excel enforces on input cells: a formula over the first cell of the range (custom), or a list. */
export interface SheetInputRule {
  formula?: string;
  options?: readonly string[];
  prompt?: { title: string; text: string };
  error: { title: string; text: string };
}

/**
 * What a score cell accepts: a number from 0 to the criterion's maximum, in whole steps of the rubric (ROUND guards
 * against 0.1-style binary fractions). `cell` is the first cell of the range.
 */
export function scoreInputRule(cell: string, max: number, step: number): SheetInputRule {
  const stepText = formatPoints(step);
  const maxText = formatPoints(max);
  return {
    formula: `AND(ISNUMBER(${cell}),${cell}>=0,${cell}<=${maxText},ROUND(${cell}/${stepText},6)=INT(ROUND(${cell}/${stepText},6)))`,
    prompt: { title: '评分', text: `0～${maxText} 分，最小单位 ${stepText} 分` },
    error: { title: '分数无效', text: `请填写 0 到 ${maxText} 之间的分数，最小单位 ${stepText} 分（如 ${formatPoints(Math.max(0, max - step))}）。` },
  };
}

export const RECOMMEND_INPUT_RULE: SheetInputRule = {
  options: RECOMMEND_OPTIONS,
  error: { title: RECOMMEND_HEADER, text: `请从下拉列表中选择“${RECOMMEND_OPTIONS.join('”或“')}”。` },
};

export const RECUSAL_INPUT_RULE: SheetInputRule = {
  options: RECUSAL_REASONS,
  prompt: { title: RECUSAL_HEADER, text: '与该候选人有利害关系时选择原因；该行不计分' },
  error: { title: RECUSAL_HEADER, text: `请从下拉列表中选择：${RECUSAL_REASONS.join('、')}。` },
};

/** What a ballot's position cell accepts: a whole number from 1 to the number of candidates on the sheet. */
export function positionInputRule(cell: string, n: number): SheetInputRule {
  return {
    formula: `AND(ISNUMBER(${cell}),${cell}=INT(${cell}),${cell}>=1,${cell}<=${n})`,
    prompt: { title: '名次', text: `1～${n}，1 为最优` },
    error: { title: '名次无效', text: `请填写 1 到 ${n} 之间的整数名次（1 为最优）。` },
  };
}

/** Number format of score cells: as many decimals as the step has. */
export function scoreFormat(step: number): string {
  return Number.isInteger(step) ? '0' : step * 10 === Math.round(step * 10) ? '0.0' : '0.00';
}

/** A line of the 填写说明 sheet, or the rubric's table. */
export type InstructionItem = { text: string; heading?: 'title' | 'section' } | { table: { headers: string[]; rows: (string | number)[][]; total: (string | number)[] } };

/** The 填写说明 sheet, top to bottom. */
export function instructions(s: ScoreSheetSubject): InstructionItem[] {
  const step = formatPoints(s.rubric.step);
  const text = (t: string, heading?: 'title' | 'section'): InstructionItem => (heading ? { text: t, heading } : { text: t });
  const recusal = `回避：如与某位候选人有利害关系，在该行“${RECUSAL_HEADER}”中选择原因（${RECUSAL_REASONS.join(' / ')}），该行不必${s.mode === 'ballot' ? '填名次' : '打分'}，也不计入任何结果。同单位的候选人已经回避，不在本表中。`;
  const keep = '请勿插入或删除行，勿修改编号' + (s.blind ? '' : '、姓名、单位') + '，勿改动工作表名称；本表已设保护，只有黄色单元格可以填写。';
  const send = '填写完毕在表格下方“评审专家签字”处签名并写上日期，保存为 .xlsx（不要另存为 .xls、.et 或 PDF），文件名保持不变，通过电子邮件发回。如需修改，再发一份即可，以最后保存的一份为准。';
  const method =
    s.mode === 'ballot'
      ? [
          text('二、填写方法（名次投票）', 'section'),
          text(`1. 在“${POSITION_HEADER}”列为每名候选人填写名次：1 为最优，依次为 2、3……，最大为 ${s.candidates.length}。请尽量不要并列；并列者平分相应的名次分。`),
          text('2. 汇总时每张名次票换算为 0～100 的名次分（第一名 100、最后一名 0，中间按名次均分），再对各位专家取平均（Borda 计数）。'),
          text(`3. ${recusal}`),
          text(`4. ${keep}`),
          text(`5. ${send}`),
        ]
      : [
          text('二、填写方法', 'section'),
          text(`1. 在“评分表”中黄色单元格内填写各项得分：0 至该项满分，最小单位 ${step} 分（如 17、17.5）。不符合要求的数字 Excel 会拒绝。请直接输入数字，不要写成“18分”等文字：文字不计入总分，也不会被汇总。`),
          text('2. “总分”自动计算，无需填写。'),
          text(`3. “${RECOMMEND_HEADER}”请从下拉列表选择“${RECOMMEND_OPTIONS.join('”或“')}”；“评语”可选填。`),
          text(`4. ${recusal}`),
          text(`5. ${keep}`),
          text(`6. ${send}`),
        ];
  return [
    text(`${s.programmeTitle} · ${s.round} · ${s.mode === 'ballot' ? '名次投票说明' : '评分说明'}`, 'title'),
    text(`${expertLine(s.expert)}。本表共 ${s.candidates.length} 名候选人${s.blind ? '，以编号表示（盲评），请勿尝试识别候选人身份' : ''}。`),
    text(''),
    text(s.mode === 'ballot' ? '一、评价要点（综合比较后排出名次）' : '一、评分标准（各项得分相加为总分）', 'section'),
    {
      table: {
        headers: ['评分项目', '满分', '考察要点'],
        rows: s.rubric.criteria.map((c) => [c.name, c.max, c.indicators.length ? c.indicators.join('、') : '—']),
        total: ['合计', s.rubric.maxTotal, ''],
      },
    },
    text(''),
    ...method,
    text(''),
    text('三、保密', 'section'),
    text('本表及其中的候选人信息仅用于本次评审，请勿转发或外传；评审结束后请删除。本文件只属于您本人：文件中记录了发给哪位专家，换人填写或转给他人填写的评分表不予采用。'),
  ];
}

export interface KeyTable {
  sheet: string;
  headers: string[];
  rows: (string | number | null)[][];
  widths: number[];
}

/** The organiser's key workbook: the 说明 lines (the first is the title) and its tables; names stay here. */
export function keyWorkbookContent(m: KeyMeta, programmeTitle: string, sourceNote: string, problems: readonly ScoringProblem[]): { intro: string[]; tables: KeyTable[] } {
  const expertsOf = new Map<string, string[]>();
  for (const [e, codes] of Object.entries(m.assignment)) for (const c of codes) (expertsOf.get(c) ?? expertsOf.set(c, []).get(c)!).push(e);
  const expertName = new Map(m.experts.map((e) => [e.code, e.name]));
  const excludedOf = new Map<string, string[]>();
  for (const x of m.exclusions) (excludedOf.get(x.candidate) ?? excludedOf.set(x.candidate, []).get(x.candidate)!).push(expertName.get(x.expert) ?? x.expert);
  const candidate = new Map(m.candidates.map((c) => [c.code, c]));
  const expert = new Map(m.experts.map((e) => [e.code, e]));

  const intro = [
    `${programmeTitle} · ${m.round} · 评分安排（内部资料，切勿外发）`,
    `生成时间：${m.generatedAt}　批次：${m.batch}　${m.mode === 'ballot' ? '名次投票（Borda 计数）。' : ''}${m.blind ? '盲评：专家评分表中只有候选人编号（随机编排），编号与姓名的对照只在本文件中。' : ''}`,
    `候选人来源：${sourceNote}`,
    `候选人 ${m.candidates.length} 名，专家 ${m.experts.length} 位，同单位回避 ${m.exclusions.length} 对${m.grouped ? '，按组别分配' : ''}。`,
    '本文件含本批次的密钥：每份评分表都带有用它算出的签名，汇总时匠选用本文件核实每份评分表确由对应专家交回、隐藏的名单和批次未被改动。任何人拿到本文件就能伪造签名，所以它只能留在组织方，切勿发给专家或随评分表转发。',
    '每位专家的评分表已设工作表保护，密码各不相同，见“专家”表；汇总时也核对保护密码。仅在确需解除保护时使用。',
    '汇总时把本文件与交回的评分表一并给出（可以放在同一文件夹，也可以另行列出）；没有本文件时匠选拒绝汇总，除非明确选择“无法核实来源”。',
  ];
  const tables: KeyTable[] = [
    {
      sheet: '候选人',
      headers: ['编号', '姓名', '单位', '组别', '评分专家数', '评分专家', '同单位回避的专家'],
      rows: m.candidates.map((c) => [
        c.code,
        c.name,
        c.unit,
        c.group ?? '',
        (expertsOf.get(c.code) ?? []).length,
        (expertsOf.get(c.code) ?? []).map((e) => expertName.get(e) ?? e).join('、'),
        (excludedOf.get(c.code) ?? []).join('、'),
      ]),
      widths: [8, 10, 32, 14, 10, 40, 24],
    },
    {
      sheet: '专家',
      headers: ['编号', '姓名', '单位', '组别', '邮箱', '候选人数', '评分表文件', '保护密码'],
      rows: m.experts.map((e) => [e.code, e.name, e.unit, e.group ?? '', e.email ?? '', (m.assignment[e.code] ?? []).length, e.file || '（无候选人，未生成）', e.password]),
      widths: [8, 10, 30, 14, 26, 10, 36, 12],
    },
    {
      sheet: '回避',
      headers: ['候选人编号', '候选人', '候选人单位', '专家', '专家单位', '原因'],
      rows: m.exclusions.map((x) => [
        x.candidate,
        candidate.get(x.candidate)?.name ?? '',
        candidate.get(x.candidate)?.unit ?? '',
        expert.get(x.expert)?.name ?? x.expert,
        expert.get(x.expert)?.unit ?? '',
        '同单位',
      ]),
      widths: [10, 10, 32, 10, 32, 10],
    },
  ];
  if (problems.length) {
    tables.push({ sheet: '问题', headers: ['级别', '说明'], rows: problems.map((x) => [x.severity === 'error' ? '错误' : '警告', x.message.zh]), widths: [8, 100] });
  }
  return { intro, tables };
}
