/**
 * Writes one expert's score sheet and the organiser's 评分安排 workbook (the "key"). Browser-safe: bytes out, no fs.
 *
 * The expert's workbook:
 * - 评分表 (visible, active): title, an information line, the header 编号 | 姓名 | 单位 | 引领力（20分）… | 总分（100分）|
 *   评语 | 推荐意见, one row per candidate. Only the score, comment and recommendation cells are unlocked (pale
 *   yellow); the sheet is protected with a per-file password (kept in the key). Each score cell validates
 *   0 ≤ x ≤ max in steps of the rubric's step; 推荐意见 is a 推荐/不推荐 drop-down; 总分 is a formula.
 *   Blind mode (--blind) leaves out 姓名 and 单位 entirely.
 * - 填写说明: how to fill in, the criteria with their indicators, 回避, confidentiality.
 * - jx_meta (very hidden): programme, round, expert, rubric, the candidate list as sent (codes only when
 *   blind) and its SHA-256.
 */
import { writeWorkbookBytes } from '../write-workbook';
import ExcelJS from 'exceljs';
import type { Candidate } from '../../../core/scoring/candidates';
import type { Expert } from '../../../core/scoring/experts';
import {
  columnLetter,
  KEY_FORMAT,
  KeyMeta,
  keyMetaRows,
  ProgrammeRef,
  RECOMMEND_OPTIONS,
  RECUSAL_WORD,
  rubricRef,
  SCORESHEET_FORMAT,
  ScoreSheetMeta,
  scoreSheetLayout,
  scoreSheetMetaRows,
  sheetCandidate,
  SHEETS,
  totalFormula,
} from '../../../core/scoring/metadata';
import { formatPoints, Rubric } from '../../../core/scoring/rubric';
import type { ScoringProblem } from '../../../core/scoring/problems';
import { SheetProtectionHash, sheetProtectionHash } from './crypto';
import { addMetaSheet, metaHash } from './meta-sheet';
import { HEADER_FILL, styleHeaderRow, THIN } from './header-style';
import { setSheetProtection, worksheetValidations } from '../ooxml/exceljs-patches';

const INPUT_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF9DB' } };
const LOCKED_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };

export interface ScoreSheetParams {
  programme: ProgrammeRef;
  /** Short name for the title, e.g. "上海质量工匠 2025". */
  programmeTitle: string;
  round: string;
  rubric: Rubric;
  expert: Expert;
  /** The expert's candidates, in list order (conflicts of interest already removed). */
  candidates: Candidate[];
  blind: boolean;
  batch: string;
  password: string;
  generatedAt: string;
}

/** A score cell's validation: a number from 0 to max, in whole steps (ROUND guards against 0.1-style binary fractions). */
function scoreValidation(cell: string, max: number, step: number): ExcelJS.DataValidation {
  const stepText = formatPoints(step);
  const maxText = formatPoints(max);
  return {
    type: 'custom',
    allowBlank: true,
    formulae: [`AND(ISNUMBER(${cell}),${cell}>=0,${cell}<=${maxText},ROUND(${cell}/${stepText},6)=INT(ROUND(${cell}/${stepText},6)))`],
    showInputMessage: true,
    promptTitle: '评分',
    prompt: `0～${maxText} 分，最小单位 ${stepText} 分`,
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: '分数无效',
    error: `请填写 0 到 ${maxText} 之间的分数，最小单位 ${stepText} 分（如 ${formatPoints(Math.max(0, max - step))}）。`,
  };
}

function protect(ws: ExcelJS.Worksheet, hash: SheetProtectionHash): void {
  setSheetProtection(ws, { sheet: true, ...hash, formatColumns: true, formatRows: true, objects: false, scenarios: false });
}

export async function buildScoreSheetMeta(p: ScoreSheetParams): Promise<ScoreSheetMeta> {
  const base: Omit<ScoreSheetMeta, 'hash'> = {
    format: SCORESHEET_FORMAT,
    batch: p.batch,
    programme: p.programme,
    round: p.round,
    expert: { code: p.expert.code, name: p.expert.name, unit: p.expert.unit },
    blind: p.blind,
    rubric: rubricRef(p.rubric),
    candidates: p.candidates.map((c) => sheetCandidate(c, p.blind)),
    generatedAt: p.generatedAt,
  };
  return { ...base, hash: await metaHash(base) };
}

export async function writeScoreSheet(p: ScoreSheetParams): Promise<{ bytes: Uint8Array; meta: ScoreSheetMeta }> {
  const meta = await buildScoreSheetMeta(p);
  const layout = scoreSheetLayout(meta.rubric, p.blind);
  const wb = new ExcelJS.Workbook();
  wb.creator = '匠选 Jiangxuan';
  wb.title = `${p.programmeTitle} ${p.round} 评分表`;
  wb.calcProperties = { fullCalcOnLoad: true };
  const ws = wb.addWorksheet(SHEETS.scores, {
    views: [{ state: 'frozen', xSplit: p.blind ? 1 : 3, ySplit: layout.headerRow, activeCell: `${columnLetter(layout.criteria[0])}${layout.firstRow}` }],
    pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  const lastCol = layout.recommend;
  const step = p.rubric.step;

  ws.mergeCells(layout.titleRow, 1, layout.titleRow, lastCol);
  const title = ws.getCell(layout.titleRow, 1);
  title.value = `${p.programmeTitle} · ${p.round} · 专家评分表`;
  title.font = { bold: true, size: 15 };
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(layout.titleRow).height = 28;

  ws.mergeCells(layout.infoRow, 1, layout.infoRow, lastCol);
  const info = ws.getCell(layout.infoRow, 1);
  info.value =
    `评审专家：${p.expert.name}（${p.expert.unit}）　共 ${p.candidates.length} 名候选人${p.blind ? '（盲评，以编号表示）' : ''}　` +
    `在黄色单元格中打分（最小单位 ${formatPoints(step)} 分），总分自动计算；请勿增删行或改动编号${p.blind ? '' : '、姓名、单位'}。`;
  info.alignment = { wrapText: true, vertical: 'middle' };
  info.font = { size: 10, color: { argb: 'FF595959' } };
  ws.getRow(layout.infoRow).height = 32;

  styleHeaderRow(ws.getRow(layout.headerRow), layout.headers, 34);

  const widths: Record<number, number> = { [layout.code]: 8, [layout.total]: 12, [layout.comment]: 32, [layout.recommend]: 11 };
  if (layout.name) widths[layout.name] = 10;
  if (layout.unit) widths[layout.unit] = 30;
  for (const c of layout.criteria) widths[c] = 13;
  for (const [col, w] of Object.entries(widths)) ws.getColumn(Number(col)).width = w;

  const scoreFmt = Number.isInteger(step) ? '0' : step * 10 === Math.round(step * 10) ? '0.0' : '0.00';
  p.candidates.forEach((cand, i) => {
    const r = layout.firstRow + i;
    const row = ws.getRow(r);
    const put = (col: number, value: ExcelJS.CellValue, locked: boolean) => {
      const cell = row.getCell(col);
      if (value !== null) cell.value = value;
      cell.border = THIN;
      cell.fill = locked ? LOCKED_FILL : INPUT_FILL;
      if (!locked) cell.protection = { locked: false };
      return cell;
    };
    put(layout.code, cand.code, true).alignment = { horizontal: 'center' };
    if (layout.name) put(layout.name, cand.name, true);
    if (layout.unit) put(layout.unit, cand.unit, true).alignment = { wrapText: true, vertical: 'top' };
    layout.criteria.forEach((col) => {
      const cell = put(col, null, false);
      cell.numFmt = scoreFmt;
      cell.alignment = { horizontal: 'center' };
    });
    const total = put(layout.total, { formula: totalFormula(layout, r) } as ExcelJS.CellFormulaValue, true);
    total.font = { bold: true };
    total.numFmt = scoreFmt;
    total.alignment = { horizontal: 'center' };
    put(layout.comment, null, false).alignment = { wrapText: true, vertical: 'top' };
    put(layout.recommend, null, false).alignment = { horizontal: 'center' };
  });
  const last = layout.firstRow + p.candidates.length - 1;
  if (p.candidates.length) {
    p.rubric.criteria.forEach((c, k) => {
      const col = columnLetter(layout.criteria[k]);
      worksheetValidations(ws).add(`${col}${layout.firstRow}:${col}${last}`, scoreValidation(`${col}${layout.firstRow}`, c.max, step));
    });
    const rc = columnLetter(layout.recommend);
    worksheetValidations(ws).add(`${rc}${layout.firstRow}:${rc}${last}`, {
      type: 'list',
      allowBlank: true,
      formulae: [`"${RECOMMEND_OPTIONS.join(',')}"`],
      showErrorMessage: true,
      errorStyle: 'stop',
      errorTitle: '推荐意见',
      error: '请从下拉列表中选择“推荐”或“不推荐”。',
    });
  }
  ws.pageSetup.printTitlesRow = `${layout.headerRow}:${layout.headerRow}`;
  const hash = await sheetProtectionHash(p.password);
  protect(ws, hash);

  writeInstructions(wb.addWorksheet(SHEETS.instructions), p);
  const metaSheet = addMetaSheet(wb, scoreSheetMetaRows(meta));
  protect(metaSheet, hash);
  wb.views = [{ activeTab: 0, firstSheet: 0, visibility: 'visible', x: 0, y: 0, width: 20000, height: 12000 }];
  return { bytes: await writeWorkbookBytes(wb), meta };
}

function writeInstructions(ws: ExcelJS.Worksheet, p: ScoreSheetParams): void {
  ws.getColumn(1).width = 16;
  ws.getColumn(2).width = 10;
  ws.getColumn(3).width = 80;
  const line = (text: string, opts: { bold?: boolean; size?: number } = {}) => {
    const row = ws.addRow([text]);
    ws.mergeCells(row.number, 1, row.number, 3);
    const c = row.getCell(1);
    c.font = { bold: opts.bold, size: opts.size };
    c.alignment = { wrapText: true, vertical: 'top' };
    row.height = Math.max(18, Math.ceil(text.length / 48) * 16);
  };
  const step = formatPoints(p.rubric.step);
  line(`${p.programmeTitle} · ${p.round} · 评分说明`, { bold: true, size: 14 });
  line(`评审专家：${p.expert.name}（${p.expert.unit}）。本评分表共 ${p.candidates.length} 名候选人${p.blind ? '，以编号表示（盲评），请勿尝试识别候选人身份' : ''}。`);
  line('');
  line('一、评分标准（各项得分相加为总分）', { bold: true });
  const head = ws.addRow(['评分项目', '满分', '考察要点']);
  head.eachCell((c) => {
    c.font = { bold: true };
    c.fill = HEADER_FILL;
    c.border = THIN;
  });
  for (const c of p.rubric.criteria) {
    const row = ws.addRow([c.name, c.max, c.indicators.length ? c.indicators.join('、') : '—']);
    row.eachCell((cell) => {
      cell.border = THIN;
      cell.alignment = { wrapText: true, vertical: 'top' };
    });
  }
  const total = ws.addRow(['合计', p.rubric.maxTotal, '']);
  total.eachCell((cell) => {
    cell.border = THIN;
    cell.font = { bold: true };
  });
  line('');
  line('二、填写方法', { bold: true });
  line(`1. 在“评分表”中黄色单元格内填写各项得分：0 至该项满分，最小单位 ${step} 分（如 17、17.5）。不符合要求的数字 Excel 会拒绝。`);
  line('2. “总分”自动计算，无需填写。');
  line(`3. “推荐意见”请从下拉列表选择“${RECOMMEND_OPTIONS.join('”或“')}”；“评语”可选填。`);
  line(`4. 回避：如与某位候选人有利害关系（亲属、师徒、合作等），该行各项得分请留空，并在“评语”中写“${RECUSAL_WORD}”。同单位的候选人已经回避，不在本表中。`);
  line('5. 请勿插入或删除行，勿修改编号' + (p.blind ? '' : '、姓名、单位') + '，勿改动工作表名称；本表已设保护，只有黄色单元格可以填写。');
  line('6. 填写完毕保存为 .xlsx（不要另存为 .xls、.et 或 PDF），文件名保持不变，通过电子邮件发回。如需修改，再发一份即可，以最后保存的一份为准。');
  line('');
  line('三、保密', { bold: true });
  line('本评分表及其中的候选人信息仅用于本次评审，请勿转发或外传；评审结束后请删除。');
}

// ------------------------------------------------------------------ organiser's key workbook

export interface KeyWorkbookParams {
  meta: KeyMeta;
  programmeTitle: string;
  /** Where the candidates came from, for the 说明 sheet. */
  sourceNote: string;
  problems: ScoringProblem[];
}

export async function buildKeyMeta(base: Omit<KeyMeta, 'hash' | 'format'>): Promise<KeyMeta> {
  const withFormat: Omit<KeyMeta, 'hash'> = { format: KEY_FORMAT, ...base };
  return { ...withFormat, hash: await metaHash(withFormat) };
}

function table(ws: ExcelJS.Worksheet, headers: string[], rows: (string | number | null)[][], widths: number[]): void {
  const h = ws.addRow(headers);
  h.eachCell((c) => {
    c.font = { bold: true };
    c.fill = HEADER_FILL;
    c.border = THIN;
    c.alignment = { vertical: 'middle', wrapText: true };
  });
  for (const r of rows) {
    const row = ws.addRow(r);
    row.eachCell({ includeEmpty: true }, (c) => {
      c.border = THIN;
      c.alignment = { vertical: 'top', wrapText: true };
    });
  }
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  if (rows.length) ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: rows.length + 1, column: headers.length } };
}

/** The organiser's workbook: who scores whom, files and passwords, conflicts of interest; names stay here. */
export async function writeKeyWorkbook(p: KeyWorkbookParams): Promise<Uint8Array> {
  const m = p.meta;
  const wb = new ExcelJS.Workbook();
  wb.creator = '匠选 Jiangxuan';
  const expertsOf = new Map<string, string[]>();
  for (const [e, codes] of Object.entries(m.assignment)) for (const c of codes) (expertsOf.get(c) ?? expertsOf.set(c, []).get(c)!).push(e);
  const expertName = new Map(m.experts.map((e) => [e.code, e.name]));
  const excludedOf = new Map<string, string[]>();
  for (const x of m.exclusions) (excludedOf.get(x.candidate) ?? excludedOf.set(x.candidate, []).get(x.candidate)!).push(expertName.get(x.expert) ?? x.expert);

  const intro = wb.addWorksheet('说明');
  intro.getColumn(1).width = 100;
  const lines = [
    `${p.programmeTitle} · ${m.round} · 评分安排（内部资料，请勿发给专家）`,
    `生成时间：${m.generatedAt}　批次：${m.batch}　${m.blind ? '盲评：专家评分表中只有候选人编号，编号与姓名的对照只在本文件中。' : ''}`,
    `候选人来源：${p.sourceNote}`,
    `候选人 ${m.candidates.length} 名，专家 ${m.experts.length} 位，同单位回避 ${m.exclusions.length} 对${m.grouped ? '，按组别分配' : ''}。`,
    '每位专家的评分表已设工作表保护，密码见“专家”表（仅在需要解除保护时使用）。',
    '汇总时把本文件与交回的评分表放在同一文件夹（或一并列出）：匠选据此核对每份评分表是否按本安排发出，并在盲评时还原姓名。',
  ];
  lines.forEach((t, i) => {
    const c = intro.getCell(i + 1, 1);
    c.value = t;
    c.alignment = { wrapText: true };
    if (i === 0) c.font = { bold: true, size: 14 };
  });

  table(
    wb.addWorksheet('候选人'),
    ['编号', '姓名', '单位', '组别', '评分专家数', '评分专家', '同单位回避的专家'],
    m.candidates.map((c) => [
      c.code,
      c.name,
      c.unit,
      c.group ?? '',
      (expertsOf.get(c.code) ?? []).length,
      (expertsOf.get(c.code) ?? []).map((e) => expertName.get(e) ?? e).join('、'),
      (excludedOf.get(c.code) ?? []).join('、'),
    ]),
    [8, 10, 32, 14, 10, 40, 24],
  );
  table(
    wb.addWorksheet('专家'),
    ['编号', '姓名', '单位', '组别', '邮箱', '候选人数', '评分表文件', '保护密码'],
    m.experts.map((e) => [e.code, e.name, e.unit, e.group ?? '', e.email ?? '', (m.assignment[e.code] ?? []).length, e.file || '（无候选人，未生成）', e.password]),
    [8, 10, 30, 14, 26, 10, 36, 12],
  );
  const candName = new Map(m.candidates.map((c) => [c.code, c]));
  const expertBy = new Map(m.experts.map((e) => [e.code, e]));
  table(
    wb.addWorksheet('回避'),
    ['候选人编号', '候选人', '候选人单位', '专家', '专家单位', '原因'],
    m.exclusions.map((x) => [x.candidate, candName.get(x.candidate)?.name ?? '', candName.get(x.candidate)?.unit ?? '', expertBy.get(x.expert)?.name ?? x.expert, expertBy.get(x.expert)?.unit ?? '', '同单位']),
    [10, 10, 32, 10, 32, 10],
  );
  if (p.problems.length) {
    table(
      wb.addWorksheet('问题'),
      ['级别', '说明'],
      p.problems.map((x) => [x.severity === 'error' ? '错误' : '警告', x.message.zh]),
      [8, 100],
    );
  }
  addMetaSheet(wb, keyMetaRows(m));
  return writeWorkbookBytes(wb);
}
