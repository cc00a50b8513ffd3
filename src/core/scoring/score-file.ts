/**
 * Checking a returned file, once the reader (src/adapters/exceljs/scoring/scoresheet-reader.ts) has turned its
 * bytes into a ScoreFileContent: is it one of ours (metadata present and intact), which expert, are the visible
 * rows still the candidates that were sent (codes, names unless blind, order; nothing deleted, added or renamed),
 * are the scores numbers, in range, on the step, complete, and the recommendations valid. Any error rejects the
 * whole file (its scores are not used); warnings let it count. Pure: content in, a ScoreFile record out.
 */
import type { CellValue } from '../model/grid';
import type { Localized } from '../model/findings';
import { toHalfWidth } from '../checks/halfwidth';
import { cellText, compareKey, isBlank } from '../text/normalize';
import type { Recusal, ScoreRecord } from './consolidate';
import {
  columnLetter,
  KeyMeta,
  ParsedMeta,
  ProgrammeRef,
  RECOMMEND_OPTIONS,
  Recommendation,
  RECUSAL_WORD,
  ScoreSheetLayout,
  ScoreSheetMeta,
  scoreSheetLayout,
  SHEETS,
  totalFormula,
} from './metadata';
import { problem, ProblemPlace, ScoringCodeOf, ScoringParams, ScoringProblem } from './problems';
import { formatPoints, isOnStep, Rubric, sameRubric } from './rubric';

/** The programme and rubric a returned file is checked against. */
export interface ReadContext {
  programme: ProgrammeRef;
  rubric: Rubric;
}

/** Cells of one sheet: 0-based rows (formula cells give their cached result), formula texts by row * 16384 + col. */
export interface SheetCells {
  rows: CellValue[][];
  formulas: ReadonlyMap<number, string>;
}

/** A sheet of a returned workbook as the reader found it. */
export interface ReturnedSheet {
  name: string;
  state: 'visible' | 'hidden' | 'veryHidden';
  /** Present on the sheets of a score sheet (the metadata sheet apart): the checks read them. */
  cells?: SheetCells;
}

/** What the reader found in a returned file: plain data, nothing judged yet. */
export type ScoreFileContent =
  | { kind: 'unreadable'; file: string; reason: Localized }
  | {
      kind: 'workbook';
      file: string;
      /** When the file was last saved (docProps), if recorded. */
      modified?: Date;
      sheets: ReturnedSheet[];
      /** The metadata sheet, parsed; `hashOk` tells whether a score sheet's or key's metadata matches its hash. */
      meta?: { parsed: ParsedMeta; hashOk: boolean };
    };

interface Base {
  file: string;
  /** When the file was last saved (docProps), if recorded. */
  modified?: Date;
}

/** A returned file, checked. */
export type ScoreFile =
  | (Base & { kind: 'unreadable'; problems: ScoringProblem[] })
  | (Base & { kind: 'foreign'; problems: ScoringProblem[] })
  | (Base & { kind: 'result'; programme: ProgrammeRef; round: string })
  | (Base & { kind: 'key'; meta: KeyMeta; problems: ScoringProblem[] })
  | (Base & {
      kind: 'scoresheet';
      meta: ScoreSheetMeta;
      /** Records of the scored rows (also when rejected: callers must look at `rejected`). */
      records: ScoreRecord[];
      recusals: Recusal[];
      problems: ScoringProblem[];
      /** An error was found: none of this file's scores may be used. */
      rejected: boolean;
      /** Nothing was filled in (the sheet as sent). */
      blank: boolean;
    });

const MAX_CELL_PROBLEMS = 50;
const NO_CELLS: SheetCells = { rows: [], formulas: new Map() };

/** Checks one returned file. Never throws for bad content; every finding is a problem. */
export function checkScoreFile(content: ScoreFileContent, ctx: ReadContext): ScoreFile {
  const file = content.file;
  if (content.kind === 'unreadable') {
    return { kind: 'unreadable', file, problems: [problem('file.unreadable', { reason: content.reason }, { file })] };
  }
  const base: Base = { file };
  if (content.modified) base.modified = content.modified;
  const scoresSheet = content.sheets.find((s) => s.name === SHEETS.scores);
  if (!content.meta) {
    const looksLikeOurs = !!scoresSheet;
    return {
      ...base,
      kind: 'foreign',
      problems: [
        looksLikeOurs
          ? problem('sheet.no-metadata', {}, { file })
          : problem('sheet.foreign', {}, { file }),
      ],
    };
  }
  const parsed = content.meta.parsed;
  const hashOk = content.meta.hashOk;
  if (parsed.kind === 'result') return { ...base, kind: 'result', programme: parsed.programme, round: parsed.round };
  if (parsed.kind === 'damaged') {
    return {
      ...base,
      kind: 'foreign',
      problems: [problem('sheet.meta-damaged', {}, { file })],
    };
  }
  if (parsed.kind === 'key') {
    const problems: ScoringProblem[] = [];
    if (!hashOk) {
      problems.push(problem('key.hash', {}, { file }));
    }
    return { ...base, kind: 'key', meta: parsed.meta, problems };
  }
  const meta = parsed.meta;
  const problems: ScoringProblem[] = [];
  const expertLabel = `${meta.expert.name}（${meta.expert.code}）`;
  // err takes error codes only, warn warning codes: the catalogue decides the severity, the reader agrees.
  const err = <C extends ScoringCodeOf<'error'>>(code: C, params: ScoringParams<C>, extra: ProblemPlace = {}) =>
    problems.push(problem(code, params, { file, expert: expertLabel, ...extra }));
  const warn: Warn = (code, params, extra = {}) => problems.push(problem(code, params, { file, expert: expertLabel, ...extra }));
  const out = (records: ScoreRecord[] = [], recusals: Recusal[] = []): ScoreFile => ({
    ...base,
    kind: 'scoresheet',
    meta,
    records,
    recusals,
    problems,
    rejected: problems.some((p) => p.severity === 'error'),
    blank,
  });
  let blank = false;

  if (!hashOk) {
    err('sheet.meta-hash', {});
    return out();
  }
  if (meta.programme.id !== ctx.programme.id) {
    err('sheet.other-programme', { programme: meta.programme, current: ctx.programme.id });
    return out();
  }
  if (!sameRubric(meta.rubric, ctx.rubric)) {
    const sent = meta.rubric.criteria.map((c) => `${c.name}${formatPoints(c.max)}`).join('、');
    const now = ctx.rubric.criteria.map((c) => `${c.name}${formatPoints(c.max)}`).join('、');
    err('sheet.rubric-changed', { sent, sentStep: meta.rubric.step, current: now, currentStep: ctx.rubric.step });
    return out();
  }
  const layout = scoreSheetLayout(meta.rubric, meta.blind);
  const sheetInfo = scoresSheet ?? findRenamedSheet(content.sheets, layout);
  if (!sheetInfo) {
    err('sheet.missing', {});
    return out();
  }
  if (sheetInfo.name !== SHEETS.scores) warn('sheet.renamed', { name: sheetInfo.name });
  const sheet = sheetInfo.cells ?? NO_CELLS;
  const at = (row1: number, col1: number): CellValue => sheet.rows[row1 - 1]?.[col1 - 1] ?? null;
  const textAt = (row1: number, col1: number) => cellText(at(row1, col1)).trim();

  // Header: the columns must be where they were written.
  const badHeaders = layout.headers.filter((h, i) => compareKey(textAt(layout.headerRow, i + 1)) !== compareKey(h));
  if (badHeaders.length) {
    err('sheet.header-changed', { headers: badHeaders }, { cell: `A${layout.headerRow}` });
    return out();
  }

  // Rows: exactly the list as sent, in order.
  const rowIssues: Localized[] = [];
  meta.candidates.forEach((c, i) => {
    const r = layout.firstRow + i;
    const code = textAt(r, layout.code);
    if (code !== c.code) {
      rowIssues.push({ zh: `第 ${r} 行应为 ${c.code}，现为“${code || '空'}”`, en: `row ${r} should be ${c.code}, holds "${code}"` });
      return;
    }
    if (layout.name && c.name !== undefined && compareKey(textAt(r, layout.name)) !== compareKey(c.name)) {
      rowIssues.push({ zh: `${c.code} 的姓名应为“${c.name}”，现为“${textAt(r, layout.name)}”`, en: `${c.code}: name changed` });
    }
    if (layout.unit && c.unit !== undefined && compareKey(textAt(r, layout.unit)) !== compareKey(c.unit)) {
      rowIssues.push({ zh: `${c.code} 的单位被改为“${textAt(r, layout.unit)}”`, en: `${c.code}: unit changed` });
    }
  });
  const endRow = layout.firstRow + meta.candidates.length;
  const watched = [layout.code, layout.name, layout.unit, ...layout.criteria, layout.recommend].filter((x): x is number => x !== undefined);
  for (let r = endRow; r <= sheet.rows.length; r++) {
    if (watched.some((c) => !isBlank(at(r, c)))) {
      rowIssues.push({ zh: `名单之后多出第 ${r} 行（“${textAt(r, layout.code) || textAt(r, layout.name ?? layout.code)}”）`, en: `an extra row ${r} after the list` });
      break;
    }
  }
  if (rowIssues.length) {
    err('sheet.rows-changed', { differences: rowIssues });
    return out();
  }

  // Nothing filled in at all: the sheet as it was sent (one message, not one per row).
  const inputCols = [...layout.criteria, layout.comment, layout.recommend];
  if (meta.candidates.every((_, i) => inputCols.every((c) => isBlank(at(layout.firstRow + i, c))))) {
    blank = true;
    err('sheet.empty', {});
    return out();
  }

  // Scores.
  const records: ScoreRecord[] = [];
  const recusals: Recusal[] = [];
  let cellProblems = 0;
  const cellErr = <C extends ScoringCodeOf<'error'>>(code: C, params: ScoringParams<C>, cand: string, cell: string) => {
    if (++cellProblems <= MAX_CELL_PROBLEMS) err(code, params, { candidate: cand, cell });
  };
  meta.candidates.forEach((c, i) => {
    const r = layout.firstRow + i;
    const comment = textAt(r, layout.comment);
    const recText = textAt(r, layout.recommend).replace(/\s+/g, '');
    const values: (number | undefined)[] = [];
    const blanks: string[] = [];
    let bad = false;
    meta.rubric.criteria.forEach((crit, k) => {
      const col = layout.criteria[k];
      const addr = `${columnLetter(col)}${r}`;
      const v = at(r, col);
      if (isBlank(v)) {
        values.push(undefined);
        blanks.push(crit.name);
        return;
      }
      const n = toNumber(v);
      if (n === undefined) {
        bad = true;
        cellErr('score.not-a-number', { candidate: c.code, cell: addr, criterion: crit.name, text: cellText(v) }, c.code, addr);
      } else if (n < 0 || n > crit.max + 1e-9) {
        bad = true;
        cellErr('score.out-of-range', { candidate: c.code, cell: addr, criterion: crit.name, value: n, max: crit.max }, c.code, addr);
      } else if (!isOnStep(n, meta.rubric.step)) {
        bad = true;
        cellErr('score.off-step', { candidate: c.code, cell: addr, criterion: crit.name, value: n, step: meta.rubric.step }, c.code, addr);
      }
      values.push(n);
    });
    const filled = values.filter((v) => v !== undefined).length;
    if (filled === 0) {
      if (comment.includes(RECUSAL_WORD)) {
        recusals.push({ candidate: c.code, expert: meta.expert.code, file });
        warn('score.recusal', { candidate: c.code, comment }, { candidate: c.code });
      } else {
        cellErr('score.missing', { candidate: c.code, row: r }, c.code, `${columnLetter(layout.criteria[0])}${r}`);
      }
      return;
    }
    if (blanks.length) {
      bad = true;
      cellErr('score.incomplete', { candidate: c.code, row: r, missing: blanks }, c.code, `${columnLetter(layout.criteria[0])}${r}`);
    }
    let recommend: Recommendation | undefined;
    const recAddr = `${columnLetter(layout.recommend)}${r}`;
    if (!recText) {
      warn('recommend.missing', { candidate: c.code, cell: recAddr }, { candidate: c.code, cell: recAddr });
    } else if ((RECOMMEND_OPTIONS as readonly string[]).includes(recText)) {
      recommend = recText as Recommendation;
    } else {
      bad = true;
      cellErr('recommend.invalid', { candidate: c.code, cell: recAddr, text: recText }, c.code, recAddr);
    }
    if (bad) return;
    const criteria = values as number[];
    const total = criteria.reduce((s, x) => s + x, 0);
    checkTotal(sheet, layout, r, total, c.code, warn);
    const rec: ScoreRecord = { candidate: c.code, expert: meta.expert.code, criteria, total, file, row: r };
    if (recommend) rec.recommend = recommend;
    if (comment) rec.comment = comment;
    records.push(rec);
  });
  if (cellProblems > MAX_CELL_PROBLEMS) {
    err('score.more', { count: cellProblems - MAX_CELL_PROBLEMS });
  }
  return out(records, recusals);
}

/** A numeric cell, or text that is clearly a number ("18", "１７．５", " 16 "). */
function toNumber(v: CellValue): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (typeof v !== 'string') return undefined;
  const t = toHalfWidth(v).replace(/\s+/g, '').replace(/分$/, '');
  return /^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(t) ? Number(t) : undefined;
}

/** The total is recomputed from the criteria; a changed formula or a typed-over total is worth a warning. */
type Warn = <C extends ScoringCodeOf<'warning'>>(code: C, params: ScoringParams<C>, extra?: ProblemPlace) => void;

function checkTotal(sheet: SheetCells, layout: ScoreSheetLayout, r: number, total: number, code: string, warn: Warn): void {
  const key = (r - 1) * 16384 + (layout.total - 1);
  const formula = sheet.formulas.get(key);
  const cell = `${columnLetter(layout.total)}${r}`;
  const norm = (f: string) => f.replace(/\s+/g, '').replace(/^=/, '').replace(/\$/g, '').toUpperCase();
  if (formula !== undefined) {
    if (norm(formula) !== norm(totalFormula(layout, r))) {
      warn('sheet.total-formula-changed', { candidate: code, cell, total }, { candidate: code, cell });
    }
    return;
  }
  const cached = sheet.rows[r - 1]?.[layout.total - 1] ?? null;
  if (typeof cached === 'number' && Math.abs(cached - total) > 1e-9) {
    warn('sheet.total-overwritten', { candidate: code, cell, typed: cached, total }, { candidate: code, cell });
  }
}

/** A visible sheet holding our header at the expected row (the 评分表 sheet under another name). */
function findRenamedSheet(sheets: readonly ReturnedSheet[], layout: ScoreSheetLayout): ReturnedSheet | undefined {
  for (const s of sheets) {
    if (s.state !== 'visible' || s.name === SHEETS.instructions) continue;
    const row = s.cells?.rows[layout.headerRow - 1] ?? [];
    if (layout.headers.every((h, i) => compareKey(cellText(row[i] ?? null)) === compareKey(h))) return s;
  }
  return undefined;
}
