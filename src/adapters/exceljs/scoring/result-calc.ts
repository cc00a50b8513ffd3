/**
 * The result workbook's figures that go beyond one row of the 总分矩阵, as formulas: the experts' standard scores
 * (计算·标准分), each score beside the other experts' mean for the same candidate (计算·他人均分, for leniency
 * and correlation), Kendall's W's rank blocks (计算·一致性), and the 专家分析 sheet that reads them. The three
 * calculation sheets are hidden (they are not printed) and can be shown to trace a figure. Every formula carries
 * its computed result (core/scoring/result-figures.ts). Browser-safe.
 */
import type ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { EXPERT_FLAG_LABELS } from '../../../core/scoring/consolidate';
import type { ConsolidatedRound } from '../../../core/scoring/consolidate-round';
import { columnLetter } from '../../../core/scoring/metadata';
import { expertAnalysisLines } from '../../../core/scoring/result-content';
import { agreementBlock, expertZ, othersMeans } from '../../../core/scoring/result-figures';
import { describeW, LENIENCY_SHARE, LOW_CORRELATION, mean, MIN_SHARED_FOR_CORRELATION_FLAG, sampleSd } from '../../../core/scoring/statistics';
import { sheetRef } from '../../../core/model/sheet-refs';
import { appendRows, RawCell } from './sheet-rows';
import { styleHeaderRow, THIN } from './header-style';

/** Where the 总分矩阵 keeps things: candidate rows in code order from row 2, expert columns from M0. */
export interface MatrixPlace {
  sheet: string;
  /** Candidate code → matrix row. */
  row: Map<string, number>;
  lastRow: number;
  /** First expert column (1-based). */
  m0: number;
  count: number;
  mean: number;
  sd: number;
}

export const CALC_SHEETS = { z: '计算·标准分', others: '计算·他人均分', w: '计算·一致性' } as const;

type F = { f: string; v?: number | string };
const fv = (f: string, v: number | string | undefined): F => ({ f, v: v === undefined ? '' : v });

/** A text of flag labels joined by "；": each label has no space, so TRIM and SUBSTITUTE can join them. */
export function joinFlags(parts: { cond: string; label: string }[]): string {
  return `SUBSTITUTE(TRIM(${parts.map((p) => `IF(${p.cond},"${p.label} ","")`).join('&')})," ","；")`;
}

export interface CalcPlaces {
  /** Candidate code → the cell of its mean standard score (for 结果汇总). */
  zMean: (code: string) => string;
  /** Agreement index → where its W, χ², df and p are (for 专家分析). */
  w: Map<number, WPlace>;
}

/** Adds the three hidden calculation sheets (their bodies are appended as XML by `rows`, which is fast). */
export function addCalcSheets(wb: ExcelJS.Workbook, c: ConsolidatedRound, m: MatrixPlace): { places: CalcPlaces; rows: (zip: JSZip) => Promise<void> } {
  const experts = c.result.experts;
  const E = experts.length;
  const codes = [...m.row.keys()];
  const mref = (col: number, row: number | string) => sheetRef(m.sheet, `${columnLetter(col)}${row}`);
  const nameOf = new Map(c.result.candidates.map((x) => [x.code, x.name]));

  // 计算·标准分: each expert's mean and SD (rows 2 and 3), then z = (x − mean) ÷ SD per score (blank where
  // undefined: fewer than two scores, or no spread), and each candidate's mean of them.
  const zs = wb.addWorksheet(CALC_SHEETS.z, { state: 'hidden' });
  styleHeaderRow(zs.getRow(1), ['编号', '姓名', ...experts.map((e) => `${e.code}\n${e.name}`), '标准分均值'], 32);
  const zMeanCol = 3 + E;
  const z = expertZ(c.records);
  const totals = new Map<string, number[]>();
  for (const r of c.records) (totals.get(r.expert) ?? totals.set(r.expert, []).get(r.expert)!).push(r.total);
  const colRange = (j: number) => sheetRef(m.sheet, `${columnLetter(m.m0 + j)}$2:${columnLetter(m.m0 + j)}$${m.lastRow}`);
  const zRows: RawCell[][] = [
    ['（平均分）', '', ...experts.map((e, j) => fv(`IF(COUNT(${colRange(j)})>=2,AVERAGE(${colRange(j)}),"")`, (totals.get(e.code)?.length ?? 0) >= 2 ? mean(totals.get(e.code)!) : undefined))],
    [
      '（标准差）',
      '',
      ...experts.map((e, j) => {
        const sd = sampleSd(totals.get(e.code) ?? []);
        return fv(`IF(COUNT(${colRange(j)})>=2,IF(STDEV(${colRange(j)})>0,STDEV(${colRange(j)}),""),"")`, sd ? sd : undefined);
      }),
    ],
  ];
  const zRowOf = (code: string) => m.row.get(code)! + 2;
  for (const code of codes) {
    const r = zRowOf(code);
    const cells: RawCell[] = [code, nameOf.get(code) ?? ''];
    experts.forEach((e, j) => {
      const col = columnLetter(3 + j);
      const x = mref(m.m0 + j, m.row.get(code)!);
      cells.push(fv(`IF(AND(ISNUMBER(${x}),ISNUMBER(${col}$3)),(${x}-${col}$2)/${col}$3,"")`, z.get(e.code)?.get(code)));
    });
    const zsOf = experts.map((e) => z.get(e.code)?.get(code)).filter((v): v is number => v !== undefined);
    const range = `C${r}:${columnLetter(zMeanCol - 1)}${r}`;
    cells.push(E ? fv(`IF(COUNT(${range})=0,"",AVERAGE(${range}))`, mean(zsOf)) : '');
    zRows.push(cells);
  }

  // 计算·他人均分: per candidate the number and sum of scores; the expert's total where the candidate has
  // others' scores too, and beside it the others' mean.
  const os = wb.addWorksheet(CALC_SHEETS.others, { state: 'hidden' });
  styleHeaderRow(os.getRow(1), ['编号', '姓名', '评分份数', '总分之和', ...experts.map((e) => `${e.code} 本人`), ...experts.map((e) => `${e.code} 他人平均`)], 32);
  const others = othersMeans(c.records);
  const total = new Map(c.records.map((r) => [`${r.expert}|${r.candidate}`, r.total]));
  const oRows: RawCell[][] = codes.map((code) => {
    const r = m.row.get(code)!;
    const cand = c.result.candidates.find((x) => x.code === code);
    const cells: RawCell[] = [
      code,
      nameOf.get(code) ?? '',
      fv(mref(m.count, r), cand?.count),
      fv(`SUM(${sheetRef(m.sheet, `${columnLetter(m.m0)}${r}:${columnLetter(m.m0 + Math.max(0, E - 1))}${r}`)})`, cand ? cand.scores.reduce((s2, x) => s2 + x.total, 0) : 0),
    ];
    experts.forEach((e, j) => {
      const x = mref(m.m0 + j, r);
      cells.push(fv(`IF(AND(ISNUMBER(${x}),$C${r}>=2),${x},"")`, others.has(`${e.code}|${code}`) ? total.get(`${e.code}|${code}`) : undefined));
    });
    experts.forEach((e, j) => {
      const own = `${columnLetter(OWN0 + j)}${r}`;
      cells.push(fv(`IF(ISNUMBER(${own}),($D${r}-${own})/($C${r}-1),"")`, others.get(`${e.code}|${code}`)));
    });
    return cells;
  });

  const w = agreementSheet(wb, c, m);
  return {
    places: { zMean: (code) => sheetRef(CALC_SHEETS.z, `${columnLetter(zMeanCol)}${zRowOf(code)}`), w: w.places },
    rows: async (zip) => {
      if (E) {
        await appendRows(zip, CALC_SHEETS.z, 2, zRows, zMeanCol);
        await appendRows(zip, CALC_SHEETS.others, 2, oRows, OWN0 - 1 + 2 * E);
      }
      if (w.rows.length) await appendRows(zip, CALC_SHEETS.w, 1, w.rows, w.width);
    },
  };
}

/** 计算·他人均分: the first "本人" column (after 编号, 姓名, 评分份数, 总分之和). */
const OWN0 = 5;

/** Where a W block's results are, for 专家分析. */
interface WPlace {
  w: string;
  chi: string;
  df: string;
  p: string;
}

/**
 * 计算·一致性: for each group's complete block, the totals (references to 总分矩阵), each expert's average ranks,
 * the tie terms, the rank sums, and W = 12 S ÷ (m²(n³ − n) − m T), χ² = m(n − 1)W, p = CHIDIST(χ², n − 1).
 * Which candidates are in a block (scored by every expert of the group) is decided at consolidation.
 */
function agreementSheet(wb: ExcelJS.Workbook, c: ConsolidatedRound, m: MatrixPlace): { places: Map<number, WPlace>; rows: RawCell[][]; width: number } {
  const ws = wb.addWorksheet(CALC_SHEETS.w, { state: 'hidden' });
  ws.getColumn(1).width = 26;
  const places = new Map<number, WPlace>();
  const expertCol = new Map(c.result.experts.map((e, j) => [e.code, m.m0 + j]));
  const rows: RawCell[][] = [];
  let width = 2;
  const ref = (cell: string) => sheetRef(CALC_SHEETS.w, cell);
  c.result.agreement.forEach((a, ai) => {
    if (!a.w) return;
    const b = agreementBlock(a, c.records);
    const mm = b.experts.length;
    const n = b.candidates.length;
    rows.push([`组别：${a.group ?? '全体'}（${mm} 位专家 × ${n} 名候选人，均由每位专家评过）`]);
    rows.push(['编号', ...b.experts.map((e) => `${e} 总分`), ...b.experts.map((e) => `${e} 名次`), ...b.experts.map((e) => `${e} 并列项`), '名次和']);
    const first = rows.length + 1;
    const last = rows.length + n;
    const tot = (j: number) => 2 + j;
    const rk = (j: number) => 2 + mm + j;
    const tie = (j: number) => 2 + 2 * mm + j;
    const sumCol = 2 + 3 * mm;
    width = Math.max(width, sumCol);
    b.candidates.forEach((code, ci) => {
      const r = first + ci;
      const cells: RawCell[] = [code];
      b.experts.forEach((e, j) => cells.push({ f: sheetRef(m.sheet, `${columnLetter(expertCol.get(e)!)}${m.row.get(code)}`), v: b.scores[ci][j] }));
      const col = (j: number) => `${columnLetter(tot(j))}$${first}:${columnLetter(tot(j))}$${last}`;
      // RANK.AVG (Excel 2010+, LibreOffice; "_xlfn." is how the file names it): ties share the mean rank.
      b.experts.forEach((_, j) => cells.push({ f: `_xlfn.RANK.AVG(${columnLetter(tot(j))}${r},${col(j)},1)`, v: b.ranks[ci][j] }));
      b.experts.forEach((_, j) => cells.push({ f: `COUNTIF(${col(j)},${columnLetter(tot(j))}${r})^2-1`, v: b.ties[ci][j] }));
      cells.push({ f: `SUM(${columnLetter(rk(0))}${r}:${columnLetter(rk(mm - 1))}${r})`, v: b.rankSums[ci] });
      rows.push(cells);
    });
    const put = (label: string, cell: RawCell): string => {
      rows.push([label, cell]);
      return `B${rows.length}`;
    };
    const mCell = put('专家数 m', mm);
    const nCell = put('候选人数 n', n);
    const s = put('S = 名次和的离差平方和', { f: `DEVSQ(${columnLetter(sumCol)}${first}:${columnLetter(sumCol)}${last})`, v: b.s });
    const t = put('T = Σ(t³ − t)', { f: `SUM(${columnLetter(tie(0))}${first}:${columnLetter(tie(mm - 1))}${last})`, v: b.t });
    const w = put('W', { f: `MIN(1,MAX(0,12*${s}/(${mCell}^2*(${nCell}^3-${nCell})-${mCell}*${t})))`, v: a.w.w });
    const chi = put('χ² = m(n − 1)W', { f: `${mCell}*(${nCell}-1)*${w}`, v: a.w.chiSquare });
    const df = put('自由度 n − 1', { f: `${nCell}-1`, v: a.w.df });
    const p = put('p 值', { f: `CHIDIST(${chi},${df})`, v: a.w.p });
    places.set(ai, { w: ref(w), chi: ref(chi), df: ref(df), p: ref(p) });
    rows.push([], []);
  });
  return { places, rows, width };
}

/** The 专家分析 sheet: per expert figures from 总分矩阵 and 计算·他人均分, flags as formulas, then Kendall's W. */
export function writeExpertAnalysis(
  ws: ExcelJS.Worksheet,
  c: ConsolidatedRound,
  m: MatrixPlace,
  places: CalcPlaces,
  titleLines: (ws: ExcelJS.Worksheet, lines: string[], width: number) => void,
): void {
  const experts = c.result.experts;
  const E = experts.length;
  const max = c.result.maxTotal;
  titleLines(ws, expertAnalysisLines(c), 12);
  styleHeaderRow(ws.getRow(3), ['编号', '姓名', '单位', '组别', '评分份数', '平均分', '标准差', '宽严度', '相关系数', '共同评分人数', '提示', '来源文件'], 32);
  const oRange = (col: number) => sheetRef(CALC_SHEETS.others, `${columnLetter(col)}$2:${columnLetter(col)}$${m.lastRow}`);
  experts.forEach((e, j) => {
    const rowNo = 4 + j;
    const row = ws.getRow(rowNo);
    const col = columnLetter(m.m0 + j);
    const range = sheetRef(m.sheet, `${col}$2:${col}$${Math.max(2, m.lastRow)}`);
    const own = oRange(OWN0 + j);
    const oth = oRange(OWN0 + E + j);
    const L = `H${rowNo}`;
    const R = `I${rowNo}`;
    const flags = joinFlags([
      { cond: `AND(ISNUMBER(${L}),${L}>${LENIENCY_SHARE * max})`, label: EXPERT_FLAG_LABELS.lenient.zh },
      { cond: `AND(ISNUMBER(${L}),${L}<${-LENIENCY_SHARE * max})`, label: EXPERT_FLAG_LABELS.severe.zh },
      { cond: `AND(ISNUMBER(${R}),J${rowNo}>=${MIN_SHARED_FOR_CORRELATION_FLAG},${R}<${LOW_CORRELATION})`, label: EXPERT_FLAG_LABELS['low-correlation'].zh },
      { cond: `IF(E${rowNo}>=2,G${rowNo}=0,FALSE)`, label: EXPERT_FLAG_LABELS['no-spread'].zh },
    ]);
    row.values = [
      e.code,
      e.name,
      e.unit,
      e.group ?? '',
      fv(`COUNT(${range})`, e.count),
      fv(`IF(COUNT(${range})=0,"",AVERAGE(${range}))`, e.mean),
      fv(`IF(COUNT(${range})>=2,STDEV(${range}),"")`, e.sd),
      fv(`IF(COUNT(${oth})=0,"",AVERAGE(${own})-AVERAGE(${oth}))`, e.leniency),
      fv(`IF(COUNT(${oth})>=3,IFERROR(PEARSON(${own},${oth}),""),"")`, e.correlation),
      fv(`COUNT(${oth})`, e.shared),
      fv(flags, e.flags.map((x) => EXPERT_FLAG_LABELS[x].zh).join('；')),
      e.file ?? '',
    ].map((x) => (x && typeof x === 'object' && 'f' in x ? ({ formula: x.f, result: x.v } as ExcelJS.CellFormulaValue) : x)) as ExcelJS.CellValue[];
    for (const c2 of [6, 7, 8, 9]) row.getCell(c2).numFmt = '0.00';
    row.eachCell({ includeEmpty: true }, (cell, cc) => {
      if (cc <= 12) cell.border = THIN;
    });
  });
  [8, 10, 28, 12, 9, 9, 9, 9, 9, 11, 36, 34].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  let at = 4 + E + 2;
  ws.getCell(at, 1).value = '专家一致性：肯德尔和谐系数 W（Kendall’s W，已作同分校正）';
  ws.getCell(at, 1).font = { bold: true };
  at++;
  styleHeaderRow(ws.getRow(at), ['组别', '专家数', '候选人数', '未计入候选人', 'W', 'χ²', '自由度', 'p 值', '解读'], 32);
  c.result.agreement.forEach((a, ai) => {
    at++;
    const w = a.w;
    const pl = places.w.get(ai);
    const wCell = `E${at}`;
    const pCell = `H${at}`;
    const reading = `IF(${wCell}>=0.9,"极强一致",IF(${wCell}>=0.7,"强一致",IF(${wCell}>=0.5,"中等一致",IF(${wCell}>=0.3,"较弱一致",IF(${wCell}>=0.1,"很弱一致","几乎不一致")))))&IF(${pCell}<0.05,"（显著，p<0.05）","（不显著）")`;
    ws.getRow(at).values = [
      a.group ?? '全体',
      a.experts,
      a.candidates,
      a.excluded,
      w && pl ? ({ formula: pl.w, result: w.w } as ExcelJS.CellFormulaValue) : '无法计算',
      w && pl ? ({ formula: pl.chi, result: w.chiSquare } as ExcelJS.CellFormulaValue) : '',
      w && pl ? ({ formula: pl.df, result: w.df } as ExcelJS.CellFormulaValue) : '',
      w && pl ? ({ formula: pl.p, result: w.p } as ExcelJS.CellFormulaValue) : '',
      w && pl ? ({ formula: reading, result: `${describeW(w.w).zh}${w.p < 0.05 ? '（显著，p<0.05）' : '（不显著）'}` } as ExcelJS.CellFormulaValue) : '专家或候选人不足 2 个',
    ] as ExcelJS.CellValue[];
    ws.getCell(at, 5).numFmt = '0.000';
    ws.getCell(at, 6).numFmt = '0.00';
    ws.getCell(at, 8).numFmt = '0.0000';
  });
  at += 2;
  for (const line of [
    'W 只用“每位专家都评了”的候选人计算（同单位回避、声明回避的候选人不计入，见“未计入候选人”）；计算过程在隐藏的“计算·一致性”工作表中。',
    'W 越接近 1，专家们对候选人的排序越一致；p 值小于 0.05 说明这种一致不是偶然的。W 低时，排名更依赖个别专家，应结合会审讨论。',
  ]) {
    ws.getCell(at++, 1).value = line;
  }
}
