/**
 * The 结果汇总 sheet: the ranking (within each group when the round is grouped), every figure a formula over the
 * 总分矩阵, 评分明细 and 计算·标准分 sheets — rank, shortlist and 提示 included, so that correcting a score in 评分明细
 * updates them —, the shortlist coloured by conditional formatting, and the sign-off block (评审组长、成员签字、日期,
 * and the line a 定稿 copy fills with its content hash). Browser-safe.
 */
import ExcelJS from 'exceljs';
import { CANDIDATE_FLAG_LABELS } from '../../../core/scoring/consolidate';
import type { ConsolidatedRound } from '../../../core/scoring/consolidate-round';
import { columnLetter } from '../../../core/scoring/metadata';
import { SIGN_OFF, summaryLines } from '../../../core/scoring/result-content';
import { DISAGREEMENT_RANGE_SHARE, DISAGREEMENT_SD_SHARE } from '../../../core/scoring/statistics';
import { columnRangeRef, sheetRef } from '../../../core/model/sheet-refs';
import { styleHeaderRow, THIN } from './header-style';
import { CalcPlaces, joinFlags, MatrixPlace } from './result-calc';

export const SHORTLIST_TEXT = '候选人建议名单';
const SHORTLIST_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE2EFDA' }, bgColor: { argb: 'FFE2EFDA' } };
const FLAG_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' }, bgColor: { argb: 'FFFFF2CC' } };

/** Where 评分明细 keeps the columns the summary counts over. */
export interface DetailPlace {
  sheet: string;
  lastRow: number;
  code: number;
  recommend?: number;
  crit0?: number;
}

/** What the other sheets need from the summary: its rows (in ranking order), columns and the 定稿 line's cell. */
export interface SummaryPlace {
  firstRow: number;
  lastRow: number;
  col: Record<string, number>;
  /** The cell a 定稿 copy fills with its time and content hash. */
  finalCell: string;
}

type Title = (ws: ExcelJS.Worksheet, lines: string[], width: number) => void;

export const HEADER_ROW = 5;

export function writeSummary(ws: ExcelJS.Worksheet, c: ConsolidatedRound, m: MatrixPlace, d: DetailPlace, calc: CalcPlaces, generatedAt: string, titleLines: Title): SummaryPlace {
  const res = c.result;
  const crit = c.mode === 'ballot' ? [] : res.rubric.criteria;
  const trim = res.options.trim;
  const grouped = c.grouped;
  const S: Record<string, number> = {};
  const headers: string[] = [];
  const add = (key: string, header: string) => {
    headers.push(header);
    S[key] = headers.length;
  };
  const unit = c.mode === 'ballot' ? '名次分' : '分';
  add('rank', grouped ? '组内排名' : '排名');
  add('code', '编号');
  add('name', '姓名');
  add('unit', '单位');
  if (grouped) add('group', '组别');
  add('count', '评分份数');
  if (c.key) add('expected', '发出份数');
  add('trimmed', trim > 0 ? `去极值平均${unit}` : `平均${unit}（排名依据）`);
  add('mean', `平均${unit}`);
  add('median', '中位数');
  add('sd', '标准差');
  add('min', `最低${unit}`);
  add('max', `最高${unit}`);
  add('range', '分歧（极差）');
  add('z', '标准分均值');
  if (c.mode !== 'ballot') {
    add('yes', '推荐票');
    add('no', '不推荐票');
  }
  crit.forEach((x, i) => add(`crit${i}`, `${x.name}均分`));
  add('flags', '提示');
  add('advice', '建议');
  titleLines(ws, summaryLines(c, generatedAt), headers.length);
  styleHeaderRow(ws.getRow(HEADER_ROW), headers, 36);
  const first = HEADER_ROW + 1;
  const last = first + Math.max(0, res.candidates.length - 1);
  const L = (key: string) => columnLetter(S[key]);
  const abs = (key: string) => `$${L(key)}$${first}:$${L(key)}$${last}`;
  const detailRange = (col: number) => columnRangeRef(d.sheet, columnLetter(col), 2, Math.max(2, d.lastRow));
  const top = res.options.top;
  const min = res.options.minScores;
  const max = res.maxTotal;

  res.candidates.forEach((cand, i) => {
    const r = first + i;
    const row = ws.getRow(r);
    const mr = m.row.get(cand.code)!;
    const ref = (col: number, v: number | undefined) => f(sheetRef(m.sheet, `${columnLetter(col)}${mr}`), v);
    const at = (key: string) => `${L(key)}${r}`;
    const sameGroup = grouped ? `(${abs('group')}=${at('group')})*` : '';
    const higher = `${sameGroup}ISNUMBER(${abs('trimmed')})*(${abs('trimmed')}>${at('trimmed')})`;
    row.getCell(S.rank).value = f(`IF(ISNUMBER(${at('trimmed')}),SUMPRODUCT(${higher})+1,"")`, cand.rank);
    row.getCell(S.code).value = cand.code;
    row.getCell(S.name).value = cand.name;
    row.getCell(S.unit).value = cand.unit;
    if (grouped) row.getCell(S.group).value = cand.group ?? '';
    row.getCell(S.count).value = ref(m.count, cand.count);
    if (S.expected) row.getCell(S.expected).value = cand.expected ?? 0;
    row.getCell(S.trimmed).value = ref(m.count + 3, cand.trimmedMean);
    row.getCell(S.mean).value = ref(m.count + 1, cand.mean);
    row.getCell(S.median).value = ref(m.count + 2, cand.median);
    row.getCell(S.sd).value = ref(m.count + 4, cand.sd);
    row.getCell(S.min).value = ref(m.count + 5, cand.min);
    row.getCell(S.max).value = ref(m.count + 6, cand.max);
    row.getCell(S.range).value = ref(m.count + 7, cand.range);
    row.getCell(S.z).value = f(calc.zMean(cand.code), cand.zMean);
    const codeCell = `$${L('code')}${r}`;
    if (S.yes && d.recommend) {
      row.getCell(S.yes).value = f(`COUNTIFS(${detailRange(d.code)},${codeCell},${detailRange(d.recommend)},"推荐")`, cand.recommend.yes);
      row.getCell(S.no).value = f(`COUNTIFS(${detailRange(d.code)},${codeCell},${detailRange(d.recommend)},"不推荐")`, cand.recommend.no);
    }
    crit.forEach((_, j) => {
      row.getCell(S[`crit${j}`]).value = f(`IFERROR(AVERAGEIF(${detailRange(d.code)},${codeCell},${detailRange(d.crit0! + j)}),"")`, cand.criteria[j]);
    });
    const n = at('count');
    const flags = joinFlags([
      { cond: `AND(${n}>=2,${at('sd')}>${DISAGREEMENT_SD_SHARE * max})`, label: CANDIDATE_FLAG_LABELS['disagreement-sd'].zh },
      { cond: `AND(${n}>=2,${at('range')}>${DISAGREEMENT_RANGE_SHARE * max})`, label: CANDIDATE_FLAG_LABELS['disagreement-range'].zh },
      { cond: `${n}=0`, label: CANDIDATE_FLAG_LABELS['no-scores'].zh },
      ...(S.expected ? [{ cond: `AND(${n}>0,${n}<${at('expected')})`, label: CANDIDATE_FLAG_LABELS['fewer-than-expected'].zh }] : []),
      { cond: `AND(${n}>0,${n}<${min})`, label: CANDIDATE_FLAG_LABELS['too-few-scores'].zh },
    ]);
    row.getCell(S.flags).value = f(flags, flagText(cand.flags));
    const eligibleHigher = `${sameGroup}ISNUMBER(${abs('trimmed')})*(${abs('count')}>=${min})*(${abs('trimmed')}>${at('trimmed')})`;
    row.getCell(S.advice).value = top
      ? f(`IF(AND(ISNUMBER(${at('trimmed')}),${n}>=${min}),IF(SUMPRODUCT(${eligibleHigher})+1<=${top},"${SHORTLIST_TEXT}",""),"")`, cand.shortlisted ? SHORTLIST_TEXT : '')
      : '';
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      if (col <= headers.length) cell.border = THIN;
    });
    for (const key of ['trimmed', 'mean', 'median', 'sd', 'range', ...crit.map((_, j) => `crit${j}`)]) row.getCell(S[key]).numFmt = '0.00';
    row.getCell(S.z).numFmt = '0.000';
    row.getCell(S.trimmed).font = { bold: true };
    row.getCell(S.flags).alignment = { wrapText: true, vertical: 'top' };
  });
  if (res.candidates.length) {
    // The colours follow the formulas: a corrected score moves the shortlist and its colour together.
    const all = `A${first}:${columnLetter(headers.length)}${last}`;
    ws.addConditionalFormatting({ ref: all, rules: [{ type: 'expression', priority: 2, formulae: [`$${L('advice')}${first}="${SHORTLIST_TEXT}"`], style: { fill: SHORTLIST_FILL } }] });
    ws.addConditionalFormatting({ ref: `${L('flags')}${first}:${L('flags')}${last}`, rules: [{ type: 'expression', priority: 1, formulae: [`ISNUMBER(SEARCH("分歧",${L('flags')}${first}))`], style: { fill: FLAG_FILL } }] });
    ws.autoFilter = { from: { row: HEADER_ROW, column: 1 }, to: { row: last, column: headers.length } };
  }
  const widths: Record<string, number> = { rank: 6, code: 7, name: 9, unit: 22, group: 12, count: 6, expected: 6, trimmed: 9, mean: 8, median: 8, sd: 7, min: 7, max: 7, range: 8, z: 8, yes: 6, no: 6, flags: 22, advice: 13 };
  for (const [key, col] of Object.entries(S)) ws.getColumn(col).width = widths[key] ?? 8;
  const finalCell = signOff(ws, last + 3, headers.length);
  return { firstRow: first, lastRow: last, col: S, finalCell };
}

function f(formula: string, result: number | string | undefined): ExcelJS.CellFormulaValue {
  return { formula, result: result === undefined ? '' : result } as ExcelJS.CellFormulaValue;
}

function flagText(flags: readonly (keyof typeof CANDIDATE_FLAG_LABELS)[]): string {
  const order: (keyof typeof CANDIDATE_FLAG_LABELS)[] = ['disagreement-sd', 'disagreement-range', 'no-scores', 'fewer-than-expected', 'too-few-scores'];
  return order.filter((x) => flags.includes(x)).map((x) => CANDIDATE_FLAG_LABELS[x].zh).join('；');
}

/** 评审组长（签字）、评审组成员（签字）、日期, each with room to sign; then the 定稿 line. Returns that line's cell. */
function signOff(ws: ExcelJS.Worksheet, row: number, width: number): string {
  const heading = ws.getCell(row, 1);
  heading.value = SIGN_OFF.heading;
  heading.font = { bold: true, size: 12 };
  let r = row + 1;
  for (const line of SIGN_OFF.lines) {
    ws.mergeCells(r, 1, r, Math.min(4, width));
    ws.getCell(r, 1).value = line;
    ws.getCell(r, 1).alignment = { vertical: 'bottom' };
    if (width > 4) {
      ws.mergeCells(r, 5, r, width);
      ws.getCell(r, 5).border = { bottom: { style: 'thin' } };
    }
    ws.getRow(r).height = 30;
    r++;
  }
  r++;
  ws.mergeCells(r, 1, r, width);
  const fin = ws.getCell(r, 1);
  fin.value = SIGN_OFF.finalPending;
  fin.font = { size: 9, color: { argb: 'FF595959' } };
  return `A${r}`;
}
