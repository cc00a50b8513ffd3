/**
 * The result workbook of a consolidated round. Browser-safe: bytes out.
 *
 * Every derived figure is a formula, so that correcting a score in 评分明细 updates everything that depends on it
 * (only which candidates enter Kendall's W and how many sheets were sent are fixed at consolidation, and the sheet
 * says so); every formula carries its computed result, so viewers that do not recalculate still show the figures:
 * - 结果汇总: the ranking and shortlist with the sign-off block (result-summary.ts);
 * - 评分明细: every accepted score, 总分 = SUM of the criteria (a ballot: 名次 → 名次分, Borda);
 * - 总分矩阵: candidates × experts, each cell a reference to its 评分明细 row (Ctrl+[ jumps there), then COUNT,
 *   AVERAGE, MEDIAN, the trimmed mean (TRIMMEAN dropping exactly `trim` scores at each end), STDEV, MIN, MAX, 极差;
 * - 专家分析 and the hidden 计算· sheets: leniency, correlation, standard scores, Kendall's W (result-calc.ts);
 * - 回避情况, 问题清单, 文件清单: conflicts of interest, what was wrong with which file, what happened to every file;
 * - 分数分布 (the table) and 分数分布图 (the chart, alone on one printed page; chart.ts);
 * - 进度: each candidate through the review steps (形式审查 → … → 命名), later steps left for staff to fill.
 * Every printed sheet fits one A4 page wide (the candidate columns on every page) with its header row repeated
 * (result-print.ts).
 */
import { writeWorkbookBytes } from '../write-workbook';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { CandidateResult } from '../../../core/scoring/consolidate';
import { columnLetter, compareCodes, resultMetaRows, ResultMeta } from '../../../core/scoring/metadata';
import { formatPoints } from '../../../core/scoring/rubric';
import type { ConsolidatedRound } from '../../../core/scoring/consolidate-round';
import { absentScoreNote, FILE_STATUS_TEXT, problemLevel, recusalRows, reviewProgress, verificationLine } from '../../../core/scoring/result-content';
import { sheetRef } from '../../../core/model/sheet-refs';
import { addSpreadChart } from './chart';
import { appendRows, RawCell } from './sheet-rows';
import { addMetaSheet } from './meta-sheet';
import { styleHeaderRow, THIN } from './header-style';
import { worksheetValidations } from '../ooxml/exceljs-patches';
import { addCalcSheets, CALC_SHEETS, MatrixPlace, writeExpertAnalysis } from './result-calc';
import { printSetup } from './result-print';
import { DetailPlace, HEADER_ROW, SHORTLIST_TEXT, writeSummary } from './result-summary';

export const RESULT_SHEETS = {
  summary: '结果汇总',
  details: '评分明细',
  matrix: '总分矩阵',
  experts: '专家分析',
  recusals: '回避情况',
  problems: '问题清单',
  files: '文件清单',
  spread: '分数分布',
  chart: '分数分布图',
  progress: '进度',
  zCalc: CALC_SHEETS.z,
  othersCalc: CALC_SHEETS.others,
  wCalc: CALC_SHEETS.w,
} as const;

export interface ResultWorkbookOptions {
  /** ISO time shown in the header lines (default now). */
  generatedAt?: string;
  /** Add the chart (default true); without it the 分数分布 sheet has data bars only. */
  chart?: boolean;
}

const FLAG_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };
const ERROR_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFC7CE' } };
const WARN_FONT: Partial<ExcelJS.Font> = { bold: true, color: { argb: 'FFC00000' } };

type Cached = string | number | undefined;

function f(formula: string, result: Cached): ExcelJS.CellFormulaValue {
  return { formula, result: result === undefined ? '' : result } as ExcelJS.CellFormulaValue;
}

function headerRow(ws: ExcelJS.Worksheet, rowNo: number, headers: string[]): void {
  styleHeaderRow(ws.getRow(rowNo), headers, 36);
}

function titleLines(ws: ExcelJS.Worksheet, lines: string[], width: number): void {
  lines.forEach((t, i) => {
    ws.mergeCells(i + 1, 1, i + 1, Math.max(1, width));
    const c = ws.getCell(i + 1, 1);
    c.value = t;
    c.alignment = { wrapText: true, vertical: 'middle' };
    c.font = i === 0 ? { bold: true, size: 14 } : { size: 10, color: { argb: 'FF595959' } };
    ws.getRow(i + 1).height = i === 0 ? 24 : Math.max(30, Math.ceil(t.length / 110) * 15);
  });
}

export async function writeResultWorkbook(c: ConsolidatedRound, opts: ResultWorkbookOptions = {}): Promise<Uint8Array> {
  const res = c.result;
  const generatedAt = opts.generatedAt ?? new Date().toISOString();
  const ballot = c.mode === 'ballot';
  const crit = ballot ? [] : res.rubric.criteria;
  const k = crit.length;
  const trim = res.options.trim;
  const minTrim = res.options.minCountForTrim;
  const title = `${c.programmeTitle} · ${c.round}${c.verified ? '' : ' · 来源未核实'}`;
  const wb = new ExcelJS.Workbook();
  wb.creator = '匠选 Jiangxuan';
  wb.calcProperties = { fullCalcOnLoad: true };
  const grouped = c.grouped;
  const byCode = new Map(res.candidates.map((x) => [x.code, x]));
  const candidateOrder = [...res.candidates].sort((a, b) => compareCodes(a.code, b.code));
  const experts = res.experts;

  // Sheets in the order users read them; filled below.
  const summary = wb.addWorksheet(RESULT_SHEETS.summary, { views: [{ state: 'frozen', ySplit: HEADER_ROW, xSplit: 3 }] });
  const details = wb.addWorksheet(RESULT_SHEETS.details, { views: [{ state: 'frozen', ySplit: 1 }] });
  const matrix = wb.addWorksheet(RESULT_SHEETS.matrix, { views: [{ state: 'frozen', ySplit: 1, xSplit: 2 }] });
  const expertSheet = wb.addWorksheet(RESULT_SHEETS.experts, { views: [{ state: 'frozen', ySplit: 3 }] });
  const recusalSheet = wb.addWorksheet(RESULT_SHEETS.recusals, { views: [{ state: 'frozen', ySplit: 1 }] });
  const problemSheet = wb.addWorksheet(RESULT_SHEETS.problems, { views: [{ state: 'frozen', ySplit: 1 }] });
  const fileSheet = wb.addWorksheet(RESULT_SHEETS.files, { views: [{ state: 'frozen', ySplit: 2 }] });
  const spread = wb.addWorksheet(RESULT_SHEETS.spread, { views: [{ state: 'frozen', ySplit: 1 }] });
  const chartSheet = wb.addWorksheet(RESULT_SHEETS.chart);
  const progress = wb.addWorksheet(RESULT_SHEETS.progress, { views: [{ state: 'frozen', ySplit: 3, xSplit: 2 }] });

  // ---------------------------------------------------------------- 评分明细
  const D = ballot
    ? { code: 1, name: 2, expertCode: 3, expert: 4, position: 5, size: 6, total: 7, comment: 8, file: 9, row: 10, crit0: 0, rec: 0 }
    : { code: 1, name: 2, expertCode: 3, expert: 4, crit0: 5, total: 5 + k, rec: 6 + k, comment: 7 + k, file: 8 + k, row: 9 + k, position: 0, size: 0 };
  headerRow(details, 1, [
    '候选人编号',
    '姓名',
    '专家编号',
    '专家',
    ...(ballot ? ['名次', '本票人数', '名次分（0–100）'] : [...crit.map((x) => `${x.name}（${formatPoints(x.max)}分）`), '总分', '推荐意见']),
    '评语',
    '来源文件',
    '原表行号',
  ]);
  const expertName = new Map(experts.map((e) => [e.code, e.name]));
  const detailRow = new Map<string, number>();
  const lastDetail = c.records.length + 1;
  // The rows themselves are written as XML after exceljs (sheet-rows.ts): 15,000 rows in milliseconds.
  const detailRows: RawCell[][] = c.records.map((r, i) => {
    const rowNo = i + 2;
    detailRow.set(`${r.candidate}|${r.expert}`, rowNo);
    const head: RawCell[] = [r.candidate, byCode.get(r.candidate)?.name ?? '', r.expert, expertName.get(r.expert) ?? ''];
    const tail: RawCell[] = [r.comment ?? '', r.file, r.row];
    if (ballot) {
      const ex = `$C$2:$C$${lastDetail}`;
      const pos = `$E$2:$E$${lastDetail}`;
      const borda = `IF(F${rowNo}>=2,(SUMPRODUCT((${ex}=C${rowNo})*(${pos}>E${rowNo}))+(SUMPRODUCT((${ex}=C${rowNo})*(${pos}=E${rowNo}))-1)/2)/(F${rowNo}-1)*100,"")`;
      return [...head, r.position ?? null, { f: `COUNTIF(${ex},C${rowNo})`, v: r.ballotSize ?? 0 }, { f: borda, v: r.total }, ...tail];
    }
    const a = columnLetter(D.crit0) + rowNo;
    const b = columnLetter(D.crit0 + k - 1) + rowNo;
    return [...head, ...r.criteria, { f: `SUM(${a}:${b})`, v: r.total }, r.recommend ?? '', ...tail];
  });
  [10, 9, 8, 9, ...(ballot ? [7, 8, 10] : [...crit.map(() => 9), 8, 8]), 28, 30, 7].forEach((w, i) => (details.getColumn(i + 1).width = w));
  if (c.records.length) details.autoFilter = { from: { row: 1, column: 1 }, to: { row: lastDetail, column: D.row } };
  printSetup(details, { title, titleRows: '1:1' });

  // ---------------------------------------------------------------- 总分矩阵
  const M0 = 3; // first expert column
  const mCount = M0 + experts.length;
  const M = { count: mCount, mean: mCount + 1, median: mCount + 2, trimmed: mCount + 3, sd: mCount + 4, min: mCount + 5, max: mCount + 6, range: mCount + 7 };
  const trimmedHeader = trim > 0 ? `去极值平均（≥${minTrim}份时去掉最高、最低各${trim}个）` : '平均（不去极值）';
  headerRow(matrix, 1, ['编号', '姓名', ...experts.map((e) => `${e.code}\n${e.name}`), '评分份数', '平均分', '中位数', trimmedHeader, '标准差', '最低分', '最高分', '分歧（极差）']);
  const noteFor = absentScoreNote(c);
  const matrixRow = new Map<string, number>();
  const lastMatrix = candidateOrder.length + 1;
  const v = (x: number | undefined) => (x === undefined ? '' : x);
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
    cells.push(
      { f: `COUNT(${range})`, v: cand.count },
      { f: `IF(${n}=0,"",AVERAGE(${range}))`, v: v(cand.mean) },
      { f: `IF(${n}=0,"",MEDIAN(${range}))`, v: v(cand.median) },
      trim > 0
        ? { f: `IF(${n}=0,"",IF(${n}>=${minTrim},TRIMMEAN(${range},${2 * trim + 0.5}/${n}),AVERAGE(${range})))`, v: v(cand.trimmedMean) }
        : { f: `IF(${n}=0,"",AVERAGE(${range}))`, v: v(cand.trimmedMean) },
      { f: `IF(${n}>=2,STDEV(${range}),"")`, v: v(cand.sd) },
      { f: `IF(${n}=0,"",MIN(${range}))`, v: v(cand.min) },
      { f: `IF(${n}=0,"",MAX(${range}))`, v: v(cand.max) },
      { f: `IF(${n}>=2,MAX(${range})-MIN(${range}),"")`, v: v(cand.range) },
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
      if (j + 1 > M.count) cell.numFmt = '0.00';
    });
  });
  matrix.getColumn(1).width = 7;
  matrix.getColumn(2).width = 9;
  experts.forEach((_, j) => (matrix.getColumn(M0 + j).width = 8));
  [7, 8, 8, 14, 8, 7, 7, 8].forEach((w, i) => (matrix.getColumn(M.count + i).width = w));
  // Up to 12 experts fit one page wide; a larger panel prints in bands, each repeating the candidate columns.
  printSetup(matrix, { title, titleRows: '1:1', titleColumns: 'A:B', fitWidth: experts.length <= 12 });
  const place: MatrixPlace = { sheet: RESULT_SHEETS.matrix, row: matrixRow, lastRow: Math.max(2, lastMatrix), m0: M0, count: M.count, mean: M.mean, sd: M.sd };

  // ---------------------------------------------------------------- calculation sheets, 结果汇总, 专家分析
  const calc = addCalcSheets(wb, c, place);
  const detailPlace: DetailPlace = { sheet: RESULT_SHEETS.details, lastRow: lastDetail, code: D.code, ...(ballot ? {} : { recommend: D.rec, crit0: D.crit0 }) };
  const S = writeSummary(summary, c, place, detailPlace, calc.places, generatedAt, titleLines);
  printSetup(summary, { title, titleRows: `${HEADER_ROW}:${HEADER_ROW}` });
  writeExpertAnalysis(expertSheet, c, place, calc.places, titleLines);
  printSetup(expertSheet, { title, titleRows: '3:3' });

  // ---------------------------------------------------------------- 回避情况, 问题清单, 文件清单
  headerRow(recusalSheet, 1, ['候选人编号', '候选人', '专家编号', '专家', '类型', '原因', '来源文件']);
  const recusals = recusalRows(c);
  recusals.forEach((x, i) => {
    recusalSheet.getRow(i + 2).values = [x.candidate, x.name, x.expert, x.expertName, x.kind, x.reason, x.file];
  });
  if (!recusals.length) recusalSheet.getCell(2, 1).value = '没有回避。';
  [10, 10, 9, 10, 24, 30, 34].forEach((w, i) => (recusalSheet.getColumn(i + 1).width = w));
  printSetup(recusalSheet, { title, titleRows: '1:1' });

  headerRow(problemSheet, 1, ['级别', '文件', '专家', '候选人', '位置', '说明']);
  const order = (p: (typeof c.problems)[number]) => (p.severity === 'warning' ? 2 : p.scope === 'score' ? 1 : 0);
  const sorted = [...c.problems].sort((a, b) => order(a) - order(b));
  sorted.forEach((p, i) => {
    const row = problemSheet.getRow(i + 2);
    row.values = [problemLevel(p), p.file ?? '', p.expert ?? '', p.candidate ?? '', p.cell ?? '', p.message.zh];
    row.getCell(1).fill = p.severity === 'error' ? ERROR_FILL : FLAG_FILL;
    row.getCell(6).alignment = { wrapText: true, vertical: 'top' };
  });
  if (!sorted.length) problemSheet.getCell(2, 1).value = '没有发现问题。';
  [16, 30, 12, 8, 7, 80].forEach((w, i) => (problemSheet.getColumn(i + 1).width = w));
  printSetup(problemSheet, { title, titleRows: '1:1' });

  fileSheet.mergeCells(1, 1, 1, 8);
  fileSheet.getCell(1, 1).value = verificationLine(c).zh;
  fileSheet.getCell(1, 1).alignment = { wrapText: true };
  if (!c.verified) fileSheet.getCell(1, 1).font = WARN_FONT;
  fileSheet.getRow(1).height = 32;
  headerRow(fileSheet, 2, ['文件', '状态', '专家', '轮次', '最后保存时间', '计入分数', '错误', '警告']);
  c.files.forEach((x, i) => {
    const row = fileSheet.getRow(i + 3);
    row.values = [x.file, FILE_STATUS_TEXT[x.status].detail.zh, x.expert ?? '', x.round ?? '', x.savedAt ? x.savedAt.replace('T', ' ').slice(0, 19) : '', x.scores ?? '', x.errors ?? '', x.warnings ?? ''];
    if (x.status === 'rejected') row.getCell(2).fill = ERROR_FILL;
  });
  [36, 26, 14, 9, 17, 8, 6, 6].forEach((w, i) => (fileSheet.getColumn(i + 1).width = w));
  printSetup(fileSheet, { title, titleRows: '2:2' });

  // ---------------------------------------------------------------- 分数分布 (table) and 分数分布图 (chart)
  const ranked = res.candidates.filter((x) => x.count > 0);
  const markName = trim > 0 ? '去极值平均分' : '平均分';
  headerRow(spread, 1, [grouped ? '组内排名' : '排名', '编号', '姓名', '最低分', markName, '最高分', '极差', ...(grouped ? ['组别'] : [])]);
  const summaryRowOf = new Map(res.candidates.map((x, i) => [x.code, S.firstRow + i]));
  ranked.forEach((x, i) => {
    const r = i + 2;
    const mr = matrixRow.get(x.code)!;
    const mref = (col: number, val: number | undefined) => f(sheetRef(RESULT_SHEETS.matrix, `${columnLetter(col)}${mr}`), val);
    spread.getRow(r).values = [
      f(sheetRef(RESULT_SHEETS.summary, `${columnLetter(S.col.rank)}${summaryRowOf.get(x.code)}`), x.rank),
      x.code,
      x.name,
      mref(M.min, x.min),
      mref(M.trimmed, x.trimmedMean),
      mref(M.max, x.max),
      f(`F${r}-D${r}`, (x.max ?? 0) - (x.min ?? 0)),
      ...(grouped ? [x.group ?? ''] : []),
    ];
    spread.getCell(r, 5).numFmt = '0.00';
  });
  [7, 8, 10, 8, 12, 8, 8, 12].forEach((w, i) => (spread.getColumn(i + 1).width = w));
  printSetup(spread, { title, titleRows: '1:1', landscape: false });
  const useChart = opts.chart !== false && ranked.length > 0;
  if (!useChart && ranked.length) {
    // Without a chart: data bars show the spread (conditional formatting).
    spread.addConditionalFormatting({
      ref: `D2:F${ranked.length + 1}`,
      rules: [{ type: 'dataBar', priority: 1, cfvo: [{ type: 'num', value: 0 }, { type: 'num', value: res.maxTotal }], color: { argb: 'FF5B9BD5' } } as unknown as ExcelJS.ConditionalFormattingRule],
    });
  }
  const chartTitle = `各候选人得分分布（柱：最低分至最高分；◆：${markName}；按排名）`;
  chartSheet.getCell(1, 1).value = useChart ? '' : '（没有图表：见“分数分布”表中的数据条）';
  printSetup(chartSheet, { title, onePage: true });

  // ---------------------------------------------------------------- 进度
  const { steps, current, cells: stepCells } = reviewProgress(c);
  const pHeaders = ['编号', '姓名', '单位', ...(grouped ? ['组别'] : []), ...steps, '备注'];
  titleLines(progress, [`${c.programmeTitle} · 评审进度`, `本次汇总：${c.round}。此前各步记为“通过”，之后各步请工作人员在审定后填写（通过 / 未通过 / 待定）。`], pHeaders.length);
  headerRow(progress, 3, pHeaders);
  const stepCol0 = grouped ? 5 : 4;
  res.candidates.forEach((x, i) => {
    const rowNo = 4 + i;
    const row = progress.getRow(rowNo);
    const sr = S.firstRow + i;
    const at = (key: string) => sheetRef(RESULT_SHEETS.summary, `${columnLetter(S.col[key])}${sr}`);
    const text = `IF(ISNUMBER(${at('rank')}),"${grouped ? '组内' : ''}第 "&${at('rank')}&" 名（"&ROUND(${at('trimmed')},2)&" 分）"&IF(${at('advice')}="${SHORTLIST_TEXT}","，建议入围",""),"无有效评分")`;
    const values: ExcelJS.CellValue[] = [x.code, x.name, x.unit, ...(grouped ? [x.group ?? ''] : []), ...stepCells(x), ''];
    values[stepCol0 - 1 + current] = f(text, stepCells(x)[current]);
    row.values = values;
    row.eachCell({ includeEmpty: true }, (cell, cc) => {
      if (cc <= pHeaders.length) cell.border = THIN;
    });
  });
  if (res.candidates.length && current + 1 < steps.length) {
    const from = columnLetter(stepCol0 + current + 1);
    const to = columnLetter(stepCol0 + steps.length - 1);
    worksheetValidations(progress).add(`${from}4:${to}${3 + res.candidates.length}`, { type: 'list', allowBlank: true, formulae: ['"通过,未通过,待定"'] });
  }
  [7, 9, 24, ...(grouped ? [12] : []), ...steps.map((_, j) => (j === current ? 24 : 9)), 18].forEach((w, i) => (progress.getColumn(i + 1).width = w));
  printSetup(progress, { title, titleRows: '3:3' });

  const chart: ResultMeta['chart'] = useChart
    ? { sheet: RESULT_SHEETS.chart, dataSheet: RESULT_SHEETS.spread, firstRow: 2, lastRow: ranked.length + 1, title: chartTitle, max: res.maxTotal, mark: markName }
    : undefined;
  const finalLine = { sheet: RESULT_SHEETS.summary, cell: S.finalCell };
  addMetaSheet(wb, resultMetaRows({ programme: c.programme, round: c.round, generatedAt, finalLine, ...(chart ? { chart } : {}) }));
  // Stored, not deflated: the package is re-zipped once below, after the rows and the chart are added.
  const zip = await JSZip.loadAsync(await writeWorkbookBytes(wb, { zip: { compression: 'STORE' } } as ExcelJS.XlsxWriteOptions));
  await appendRows(zip, RESULT_SHEETS.details, 2, detailRows, D.row);
  await appendRows(zip, RESULT_SHEETS.matrix, 3, matrixRows, M.range, { styleRow: 2 });
  await calc.rows(zip);
  if (chart) {
    await addSpreadChart(zip, {
      sheet: chart.sheet,
      dataSheet: chart.dataSheet,
      firstRow: 2,
      lastRow: chart.lastRow,
      categoryCol: 'B',
      categories: ranked.map((x) => x.code),
      low: { name: '最低分', col: 'D', values: ranked.map((x) => x.min) },
      range: { name: '最低分至最高分', col: 'G', values: ranked.map((x) => (x.max ?? 0) - (x.min ?? 0)) },
      mark: { name: markName, col: 'E', values: ranked.map((x) => x.trimmedMean) },
      title: chartTitle,
      max: res.maxTotal,
      at: chartAnchor(ranked.length),
    });
  }
  // Level 3: a third faster than the default 6 for a few per cent more bytes.
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 3 } });
}

/** The chart's size in cells: wide enough for its bars, shaped like a landscape page (it prints on one page). */
export function chartAnchor(bars: number): { col: number; row: number; cols: number; rows: number } {
  const cols = Math.min(250, Math.max(14, Math.ceil((bars * 16 + 120) / 64)));
  return { col: 0, row: 0, cols, rows: Math.max(30, Math.round(cols * 2.2)) };
}
