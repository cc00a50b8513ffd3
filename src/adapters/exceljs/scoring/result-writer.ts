/**
 * The result workbook of a consolidated round. Browser-safe: bytes out.
 *
 * Every figure a reviewer may question can be traced with Excel's own formulas:
 * - 评分明细: every accepted score, one row per expert and candidate, 总分 = SUM of the criteria;
 * - 总分矩阵: candidates × experts, each cell a reference to its 评分明细 row (Ctrl+[ jumps there), then
 *   COUNT, AVERAGE, the trimmed mean (TRIMMEAN dropping exactly `trim` scores at each end), STDEV, MIN, MAX;
 * - 结果汇总: the ranking; its figures refer to 总分矩阵, 排名 is RANK() of the trimmed mean (ties share a rank),
 *   criterion means are AVERAGEIF over 评分明细; the first N are marked 候选人建议名单;
 * - 专家分析: per expert COUNT/AVERAGE/STDEV of their 总分矩阵 column, leniency and correlation, Kendall's W;
 * - 问题清单 and 文件清单: what was wrong with which file, and what happened to every file;
 * - 分数分布: lowest, trimmed mean and highest per candidate with a chart (chart.ts);
 * - 进度: each candidate through the review steps (形式审查 → … → 命名), later steps left for staff to fill.
 * Formulas carry their computed results, so viewers that do not recalculate still show the figures.
 */
import { writeWorkbookBytes } from '../write-workbook';
import ExcelJS from 'exceljs';
import { CANDIDATE_FLAG_LABELS, CandidateResult, EXPERT_FLAG_LABELS } from '../../../core/scoring/consolidate';
import { columnLetter, compareCodes, resultMetaRows } from '../../../core/scoring/metadata';
import { formatPoints } from '../../../core/scoring/rubric';
import { describeW } from '../../../core/scoring/statistics';
import type { ConsolidatedRound } from '../../../core/scoring/consolidate-round';
import { absentScoreNote, expertAnalysisLines, FILE_STATUS_TEXT, reviewProgress, summaryLines } from '../../../core/scoring/result-content';
import JSZip from 'jszip';
import { addSpreadChart } from './chart';
import { appendRows, RawCell } from './sheet-rows';
import { addMetaSheet } from './meta-sheet';
import { styleHeaderRow, THIN } from './header-style';
import { worksheetValidations } from '../ooxml/exceljs-patches';
import { columnRangeRef, sheetRef } from '../../../core/model/sheet-refs';

export const RESULT_SHEETS = {
  summary: '结果汇总',
  details: '评分明细',
  matrix: '总分矩阵',
  experts: '专家分析',
  problems: '问题清单',
  files: '文件清单',
  spread: '分数分布',
  progress: '进度',
} as const;

export interface ResultWorkbookOptions {
  /** ISO time shown in the header lines (default now). */
  generatedAt?: string;
  /** Add the chart (default true); without it the 分数分布 sheet has data bars only. */
  chart?: boolean;
}

const SHORTLIST_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE2EFDA' } };
const FLAG_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };
const ERROR_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFC7CE' } };

type Cached = string | number | undefined;

function f(formula: string, result: Cached): ExcelJS.CellFormulaValue {
  return { formula, result: result === undefined ? '' : result } as ExcelJS.CellFormulaValue;
}

function headerRow(ws: ExcelJS.Worksheet, rowNo: number, headers: string[]): void {
  styleHeaderRow(ws.getRow(rowNo), headers, 32);
}

function titleLines(ws: ExcelJS.Worksheet, lines: string[], width: number): void {
  lines.forEach((t, i) => {
    ws.mergeCells(i + 1, 1, i + 1, Math.max(1, width));
    const c = ws.getCell(i + 1, 1);
    c.value = t;
    c.alignment = { wrapText: true, vertical: 'middle' };
    c.font = i === 0 ? { bold: true, size: 14 } : { size: 10, color: { argb: 'FF595959' } };
    ws.getRow(i + 1).height = i === 0 ? 24 : 30;
  });
}

export async function writeResultWorkbook(c: ConsolidatedRound, opts: ResultWorkbookOptions = {}): Promise<Uint8Array> {
  const res = c.result;
  const generatedAt = opts.generatedAt ?? new Date().toISOString();
  const crit = res.rubric.criteria;
  const k = crit.length;
  const trim = res.options.trim;
  const minTrim = res.options.minCountForTrim;
  const wb = new ExcelJS.Workbook();
  wb.creator = '匠选 Jiangxuan';
  wb.calcProperties = { fullCalcOnLoad: true };
  const grouped = res.candidates.some((x) => x.group !== undefined);
  const byCode = new Map(res.candidates.map((x) => [x.code, x]));
  const candidateOrder = [...res.candidates].sort((a, b) => compareCodes(a.code, b.code));
  const experts = res.experts;

  // Sheets in the order users read them; filled below.
  const summary = wb.addWorksheet(RESULT_SHEETS.summary, { views: [{ state: 'frozen', ySplit: 4, xSplit: 3 }] });
  const details = wb.addWorksheet(RESULT_SHEETS.details, { views: [{ state: 'frozen', ySplit: 1 }] });
  const matrix = wb.addWorksheet(RESULT_SHEETS.matrix, { views: [{ state: 'frozen', ySplit: 1, xSplit: 2 }] });
  const expertSheet = wb.addWorksheet(RESULT_SHEETS.experts, { views: [{ state: 'frozen', ySplit: 3 }] });
  const problemSheet = wb.addWorksheet(RESULT_SHEETS.problems, { views: [{ state: 'frozen', ySplit: 1 }] });
  const fileSheet = wb.addWorksheet(RESULT_SHEETS.files, { views: [{ state: 'frozen', ySplit: 1 }] });
  const spread = wb.addWorksheet(RESULT_SHEETS.spread, { views: [{ state: 'frozen', ySplit: 1 }] });
  const progress = wb.addWorksheet(RESULT_SHEETS.progress, { views: [{ state: 'frozen', ySplit: 3, xSplit: 2 }] });

  // ---------------------------------------------------------------- 评分明细
  const D = { code: 1, name: 2, expertCode: 3, expert: 4, crit0: 5, total: 5 + k, rec: 6 + k, comment: 7 + k, file: 8 + k, row: 9 + k };
  headerRow(details, 1, ['候选人编号', '姓名', '专家编号', '专家', ...crit.map((x) => `${x.name}（${formatPoints(x.max)}分）`), '总分', '推荐意见', '评语', '来源文件', '原表行号']);
  const expertName = new Map(experts.map((e) => [e.code, e.name]));
  const detailRow = new Map<string, number>();
  // The rows themselves are written as XML after exceljs (sheet-rows.ts): 15,000 rows in milliseconds.
  const detailRows: RawCell[][] = c.records.map((r, i) => {
    const rowNo = i + 2;
    detailRow.set(`${r.candidate}|${r.expert}`, rowNo);
    const a = columnLetter(D.crit0) + rowNo;
    const b = columnLetter(D.crit0 + k - 1) + rowNo;
    return [
      r.candidate,
      byCode.get(r.candidate)?.name ?? '',
      r.expert,
      expertName.get(r.expert) ?? '',
      ...r.criteria,
      { f: `SUM(${a}:${b})`, v: r.total },
      r.recommend ?? '',
      r.comment ?? '',
      r.file,
      r.row,
    ];
  });
  [12, 10, 10, 10, ...crit.map(() => 12), 10, 10, 30, 34, 9].forEach((w, i) => (details.getColumn(i + 1).width = w));
  const lastDetail = c.records.length + 1;
  if (c.records.length) details.autoFilter = { from: { row: 1, column: 1 }, to: { row: lastDetail, column: D.row } };

  // ---------------------------------------------------------------- 总分矩阵
  const M0 = 3; // first expert column
  const mCount = M0 + experts.length;
  const M = { count: mCount, mean: mCount + 1, trimmed: mCount + 2, sd: mCount + 3, min: mCount + 4, max: mCount + 5 };
  const trimmedHeader = trim > 0 ? `去极值平均分（≥${minTrim}份时去掉最高、最低各${trim}个）` : '平均分（不去极值）';
  headerRow(matrix, 1, ['编号', '姓名', ...experts.map((e) => `${e.code}\n${e.name}`), '评分份数', '平均分', trimmedHeader, '标准差', '最低分', '最高分']);
  const noteFor = absentScoreNote(c);
  const matrixRow = new Map<string, number>();
  const lastMatrix = candidateOrder.length + 1;
  // Row 2 is written by exceljs (with its styles); the other rows copy those styles as XML (sheet-rows.ts).
  const matrixCells = (cand: CandidateResult, rowNo: number): RawCell[] => {
    const cells: RawCell[] = [cand.code, cand.name];
    experts.forEach((e) => {
      const dr = detailRow.get(`${cand.code}|${e.code}`);
      if (dr) {
        const rec = cand.scores.find((s) => s.expert === e.code);
        cells.push({ f: sheetRef(RESULT_SHEETS.details, `${columnLetter(D.total)}${dr}`), v: rec?.total });
      } else {
        cells.push(noteFor(cand.code, e.code));
      }
    });
    if (!experts.length) return [...cells, 0];
    const range = `${columnLetter(M0)}${rowNo}:${columnLetter(M0 + experts.length - 1)}${rowNo}`;
    const n = `${columnLetter(M.count)}${rowNo}`;
    const v = (x: number | undefined) => (x === undefined ? '' : x);
    cells.push(
      { f: `COUNT(${range})`, v: cand.count },
      { f: `IF(${n}=0,"",AVERAGE(${range}))`, v: v(cand.mean) },
      trim > 0
        ? { f: `IF(${n}=0,"",IF(${n}>=${minTrim},TRIMMEAN(${range},${2 * trim + 0.5}/${n}),AVERAGE(${range})))`, v: v(cand.trimmedMean) }
        : { f: `IF(${n}=0,"",AVERAGE(${range}))`, v: v(cand.trimmedMean) },
      { f: `IF(${n}>=2,STDEV(${range}),"")`, v: v(cand.sd) },
      { f: `IF(${n}=0,"",MIN(${range}))`, v: v(cand.min) },
      { f: `IF(${n}=0,"",MAX(${range}))`, v: v(cand.max) },
    );
    return cells;
  };
  const matrixRows: RawCell[][] = [];
  candidateOrder.forEach((cand, i) => {
    const rowNo = i + 2;
    matrixRow.set(cand.code, rowNo);
    const cells = matrixCells(cand, rowNo);
    if (i > 0) {
      matrixRows.push(cells);
      return;
    }
    const row = matrix.getRow(rowNo);
    cells.forEach((x, j) => {
      const cell = row.getCell(j + 1);
      if (x !== null && x !== undefined) cell.value = typeof x === 'object' ? f(x.f, x.v) : x;
      if (j + 1 >= M0 && j + 1 < M.count) cell.alignment = { horizontal: 'center' };
      if (j + 1 === M.mean || j + 1 === M.trimmed || j + 1 === M.sd) cell.numFmt = '0.00';
    });
  });
  matrix.getColumn(1).width = 8;
  matrix.getColumn(2).width = 10;
  experts.forEach((_, j) => (matrix.getColumn(M0 + j).width = 8));
  [9, 9, 16, 9, 8, 8].forEach((w, i) => (matrix.getColumn(M.count + i).width = w));

  // ---------------------------------------------------------------- 结果汇总
  const S: Record<string, number> = {};
  const sHeaders: string[] = [];
  const addCol = (key: string, header: string) => {
    sHeaders.push(header);
    S[key] = sHeaders.length;
  };
  addCol('rank', '排名');
  addCol('code', '编号');
  addCol('name', '姓名');
  addCol('unit', '单位');
  if (grouped) addCol('group', '组别');
  addCol('count', '评分份数');
  addCol('trimmed', trim > 0 ? '去极值平均分' : '平均分（排名依据）');
  addCol('mean', '平均分');
  addCol('sd', '标准差');
  addCol('min', '最低分');
  addCol('max', '最高分');
  addCol('z', '标准分均值');
  addCol('yes', '推荐票');
  addCol('no', '不推荐票');
  crit.forEach((x, i) => addCol(`crit${i}`, `${x.name}均分`));
  addCol('flags', '提示');
  addCol('advice', '建议');
  titleLines(summary, summaryLines(c, generatedAt), sHeaders.length);
  headerRow(summary, 4, sHeaders);
  const firstS = 5;
  const lastS = firstS + res.candidates.length - 1;
  const detailRange = (col: number) => columnRangeRef(RESULT_SHEETS.details, columnLetter(col), 2, Math.max(2, lastDetail));
  res.candidates.forEach((cand, i) => {
    const rowNo = firstS + i;
    const row = summary.getRow(rowNo);
    const mr = matrixRow.get(cand.code)!;
    const ref = (col: number, v: Cached) => f(sheetRef(RESULT_SHEETS.matrix, `${columnLetter(col)}${mr}`), v);
    const tCell = `${columnLetter(S.trimmed)}${rowNo}`;
    row.getCell(S.rank).value = f(`IF(ISNUMBER(${tCell}),RANK(${tCell},$${columnLetter(S.trimmed)}$${firstS}:$${columnLetter(S.trimmed)}$${lastS}),"")`, cand.rank);
    row.getCell(S.code).value = cand.code;
    row.getCell(S.name).value = cand.name;
    row.getCell(S.unit).value = cand.unit;
    if (grouped) row.getCell(S.group).value = cand.group ?? '';
    row.getCell(S.count).value = ref(M.count, cand.count);
    row.getCell(S.trimmed).value = ref(M.trimmed, cand.trimmedMean);
    row.getCell(S.mean).value = ref(M.mean, cand.mean);
    row.getCell(S.sd).value = ref(M.sd, cand.sd);
    row.getCell(S.min).value = ref(M.min, cand.min);
    row.getCell(S.max).value = ref(M.max, cand.max);
    if (cand.zMean !== undefined) row.getCell(S.z).value = cand.zMean;
    const codeCell = `$${columnLetter(S.code)}${rowNo}`;
    if (c.records.length) {
      row.getCell(S.yes).value = f(`COUNTIFS(${detailRange(D.code)},${codeCell},${detailRange(D.rec)},"推荐")`, cand.recommend.yes);
      row.getCell(S.no).value = f(`COUNTIFS(${detailRange(D.code)},${codeCell},${detailRange(D.rec)},"不推荐")`, cand.recommend.no);
      crit.forEach((_, j) => {
        row.getCell(S[`crit${j}`]).value = f(`IFERROR(AVERAGEIF(${detailRange(D.code)},${codeCell},${detailRange(D.crit0 + j)}),"")`, cand.criteria[j]);
      });
    }
    row.getCell(S.flags).value = flagText(cand);
    row.getCell(S.advice).value = cand.shortlisted ? '候选人建议名单' : '';
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      if (col > sHeaders.length) return;
      cell.border = THIN;
      if (cand.shortlisted) cell.fill = SHORTLIST_FILL;
    });
    if (cand.flags.some((x) => x.startsWith('disagreement'))) row.getCell(S.flags).fill = FLAG_FILL;
    for (const key of ['trimmed', 'mean', 'sd', ...crit.map((_, j) => `crit${j}`)]) row.getCell(S[key]).numFmt = '0.00';
    row.getCell(S.z).numFmt = '0.000';
    row.getCell(S.trimmed).font = { bold: true };
  });
  const sWidths: Record<string, number> = { rank: 6, code: 8, name: 10, unit: 28, group: 14, count: 8, trimmed: 11, mean: 9, sd: 8, min: 8, max: 8, z: 10, yes: 7, no: 8, flags: 30, advice: 15 };
  for (const [key, col] of Object.entries(S)) summary.getColumn(col).width = sWidths[key] ?? 10;
  summary.pageSetup = { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '4:4' };

  // ---------------------------------------------------------------- 专家分析
  titleLines(expertSheet, expertAnalysisLines(c), 12);
  headerRow(expertSheet, 3, ['编号', '姓名', '单位', '组别', '评分份数', '平均分', '标准差', '宽严度', '相关系数', '共同评分人数', '提示', '来源文件']);
  experts.forEach((e, j) => {
    const rowNo = 4 + j;
    const row = expertSheet.getRow(rowNo);
    const col = columnLetter(M0 + j);
    const range = sheetRef(RESULT_SHEETS.matrix, `${col}$2:${col}$${Math.max(2, lastMatrix)}`);
    row.values = [
      e.code,
      e.name,
      e.unit,
      e.group ?? '',
      f(`COUNT(${range})`, e.count),
      f(`IF(COUNT(${range})=0,"",AVERAGE(${range}))`, e.mean),
      f(`IF(COUNT(${range})>=2,STDEV(${range}),"")`, e.sd),
      e.leniency ?? '',
      e.correlation ?? '',
      e.shared,
      e.flags.map((x) => EXPERT_FLAG_LABELS[x].zh).join('；'),
      e.file ?? '',
    ] as ExcelJS.CellValue[];
    for (const c2 of [6, 7, 8, 9]) row.getCell(c2).numFmt = '0.00';
    row.eachCell({ includeEmpty: true }, (cell, cc) => {
      if (cc <= 12) cell.border = THIN;
    });
    if (e.flags.length) row.getCell(11).fill = FLAG_FILL;
  });
  [8, 10, 28, 12, 9, 9, 9, 9, 9, 11, 36, 34].forEach((w, i) => (expertSheet.getColumn(i + 1).width = w));
  let at = 4 + experts.length + 2;
  expertSheet.getCell(at, 1).value = '专家一致性：肯德尔和谐系数 W（Kendall’s W，已作同分校正）';
  expertSheet.getCell(at, 1).font = { bold: true };
  at++;
  headerRow(expertSheet, at, ['组别', '专家数', '候选人数', '未计入候选人', 'W', 'χ²', '自由度', 'p 值', '解读']);
  for (const a of res.agreement) {
    at++;
    const w = a.w;
    expertSheet.getRow(at).values = [
      a.group ?? '全体',
      a.experts,
      a.candidates,
      a.excluded,
      w ? w.w : '无法计算',
      w ? w.chiSquare : '',
      w ? w.df : '',
      w ? w.p : '',
      w ? `${describeW(w.w).zh}${w.p < 0.05 ? '（显著，p<0.05）' : '（不显著）'}` : '专家或候选人不足 2 个',
    ] as ExcelJS.CellValue[];
    expertSheet.getCell(at, 5).numFmt = '0.000';
    expertSheet.getCell(at, 6).numFmt = '0.00';
    expertSheet.getCell(at, 8).numFmt = '0.0000';
  }
  at += 2;
  for (const line of [
    'W 只用“每位专家都评了”的候选人计算（同单位回避、声明回避的候选人不计入，见“未计入候选人”）。',
    'W 越接近 1，专家们对候选人的排序越一致；p 值小于 0.05 说明这种一致不是偶然的。W 低时，排名更依赖个别专家，应结合会审讨论。',
  ]) {
    expertSheet.getCell(at++, 1).value = line;
  }

  // ---------------------------------------------------------------- 问题清单, 文件清单
  headerRow(problemSheet, 1, ['级别', '文件', '专家', '候选人', '位置', '说明']);
  const sorted = [...c.problems].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
  sorted.forEach((p, i) => {
    const row = problemSheet.getRow(i + 2);
    row.values = [p.severity === 'error' ? '错误（文件未使用）' : '警告', p.file ?? '', p.expert ?? '', p.candidate ?? '', p.cell ?? '', p.message.zh];
    row.getCell(1).fill = p.severity === 'error' ? ERROR_FILL : FLAG_FILL;
    row.getCell(6).alignment = { wrapText: true, vertical: 'top' };
  });
  if (!sorted.length) problemSheet.getCell(2, 1).value = '没有发现问题。';
  [16, 34, 14, 9, 8, 90].forEach((w, i) => (problemSheet.getColumn(i + 1).width = w));

  headerRow(fileSheet, 1, ['文件', '状态', '专家', '轮次', '最后保存时间', '计入分数']);
  c.files.forEach((x, i) => {
    const row = fileSheet.getRow(i + 2);
    row.values = [x.file, FILE_STATUS_TEXT[x.status].detail.zh, x.expert ?? '', x.round ?? '', x.savedAt ? x.savedAt.replace('T', ' ').slice(0, 19) : '', x.scores ?? ''];
    if (x.status === 'rejected') row.getCell(2).fill = ERROR_FILL;
  });
  [40, 30, 16, 10, 20, 9].forEach((w, i) => (fileSheet.getColumn(i + 1).width = w));

  // ---------------------------------------------------------------- 分数分布
  const ranked = res.candidates.filter((x) => x.count > 0);
  headerRow(spread, 1, ['排名', '编号', '姓名', '最低分', trim > 0 ? '去极值平均分' : '平均分', '最高分', '极差']);
  ranked.forEach((x, i) => {
    spread.getRow(i + 2).values = [x.rank ?? '', x.code, x.name, x.min ?? '', x.trimmedMean ?? '', x.max ?? '', f(`F${i + 2}-D${i + 2}`, (x.max ?? 0) - (x.min ?? 0))];
    spread.getCell(i + 2, 5).numFmt = '0.00';
  });
  [6, 8, 10, 8, 12, 8, 8].forEach((w, i) => (spread.getColumn(i + 1).width = w));
  const useChart = opts.chart !== false && ranked.length > 0;
  if (!useChart && ranked.length) {
    // Without a chart: data bars show the spread (conditional formatting).
    spread.addConditionalFormatting({
      ref: `D2:F${ranked.length + 1}`,
      rules: [{ type: 'dataBar', priority: 1, cfvo: [{ type: 'num', value: 0 }, { type: 'num', value: res.maxTotal }], color: { argb: 'FF5B9BD5' } } as unknown as ExcelJS.ConditionalFormattingRule],
    });
  }

  // ---------------------------------------------------------------- 进度
  const { steps, current, cells: stepCells } = reviewProgress(c);
  const pHeaders = ['编号', '姓名', '单位', ...(grouped ? ['组别'] : []), ...steps, '备注'];
  titleLines(progress, [`${c.programmeTitle} · 评审进度`, `本次汇总：${c.round}。此前各步记为“通过”，之后各步请工作人员在审定后填写（通过 / 未通过 / 待定）。`], pHeaders.length);
  headerRow(progress, 3, pHeaders);
  const stepCol0 = grouped ? 5 : 4;
  res.candidates.forEach((x, i) => {
    const rowNo = 4 + i;
    const row = progress.getRow(rowNo);
    row.values = [x.code, x.name, x.unit, ...(grouped ? [x.group ?? ''] : []), ...stepCells(x), ''];
    row.eachCell({ includeEmpty: true }, (cell, cc) => {
      if (cc <= pHeaders.length) cell.border = THIN;
    });
    if (x.shortlisted) row.getCell(stepCol0 + current).fill = SHORTLIST_FILL;
  });
  if (res.candidates.length && current + 1 < steps.length) {
    const from = columnLetter(stepCol0 + current + 1);
    const to = columnLetter(stepCol0 + steps.length - 1);
    worksheetValidations(progress).add(`${from}4:${to}${3 + res.candidates.length}`, { type: 'list', allowBlank: true, formulae: ['"通过,未通过,待定"'] });
  }
  [8, 10, 28, ...(grouped ? [14] : []), ...steps.map((_, j) => (j === current ? 26 : 10)), 24].forEach((w, i) => (progress.getColumn(i + 1).width = w));

  addMetaSheet(wb, resultMetaRows(c.programme, c.round, generatedAt));
  // Stored, not deflated: the package is re-zipped once below, after the rows and the chart are added.
  const zip = await JSZip.loadAsync(await writeWorkbookBytes(wb, { zip: { compression: 'STORE' } } as ExcelJS.XlsxWriteOptions));
  await appendRows(zip, RESULT_SHEETS.details, 2, detailRows, D.row);
  await appendRows(zip, RESULT_SHEETS.matrix, 3, matrixRows, M.max, { styleRow: 2 });
  if (useChart) {
    await addSpreadChart(zip, {
      sheet: RESULT_SHEETS.spread,
      firstRow: 2,
      lastRow: ranked.length + 1,
      categoryCol: 'B',
      categories: ranked.map((x) => x.code),
      low: { name: '最低分', col: 'D', values: ranked.map((x) => x.min) },
      range: { name: '最低分至最高分', col: 'G', values: ranked.map((x) => (x.max ?? 0) - (x.min ?? 0)) },
      mark: { name: trim > 0 ? '去极值平均分' : '平均分', col: 'E', values: ranked.map((x) => x.trimmedMean) },
      title: `各候选人得分分布（柱：最低分至最高分；◆：${trim > 0 ? '去极值平均分' : '平均分'}；按排名）`,
      max: res.maxTotal,
      at: { col: 8, row: 1, cols: Math.min(250, Math.max(12, Math.ceil((ranked.length * 16 + 120) / 64))), rows: 24 },
    });
  }
  // Level 3: a third faster than the default 6 for a few per cent more bytes.
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 3 } });
}

function flagText(c: CandidateResult): string {
  return c.flags.map((x) => CANDIDATE_FLAG_LABELS[x].zh).join('；');
}
