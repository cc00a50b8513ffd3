/**
 * Checking a returned file, once the reader (src/adapters/exceljs/scoring/scoresheet-reader.ts) has turned its
 * bytes into a ScoreFileContent and, when the organiser's key was given, the adapter has checked the file's MAC and
 * sheet-protection password against it (the binding):
 * - the whole file is rejected when it cannot be trusted: not ours, written by an earlier version, a MAC that does
 *   not match (the hidden list, batch or expert edited, or another expert's key), the protection removed or set
 *   with another password, the visible "评审专家：…" line edited, the header or the candidate rows changed;
 * - otherwise one bad cell costs one score: a text, out-of-range or off-step score, a missing or incomplete row,
 *   a candidate of the expert's own unit leave out that candidate's score from that expert, and the rest counts;
 * - a declared conflict (the 回避声明 drop-down, or an empty row with 回避 in the comment) leaves the score out of
 *   every figure and is listed;
 * - a ballot (mode 'ballot') gives each candidate a position; it becomes a Borda score (0–100) here.
 * Pure: content in, a ScoreFile record out.
 */
import type { CellValue } from '../model/grid';
import type { Localized } from '../model/findings';
import { cellText, compareKey, isBlank } from '../text/normalize';
import { sameUnitKey, unitKey } from './assignment';
import type { Recusal, ScoreRecord } from './consolidate';
import {
  columnLetter,
  expertLine,
  KeyMeta,
  ParsedMeta,
  ProgrammeRef,
  RECOMMEND_OPTIONS,
  Recommendation,
  RECUSAL_REASONS,
  RECUSAL_WORD,
  ResultMeta,
  ScoreSheetLayout,
  ScoreSheetMeta,
  scoreSheetLayout,
  SHEETS,
  SIGN_LABEL,
  totalFormula,
} from './metadata';
import { problem, ProblemPlace, rejectsFile, ScoringCodeOf, ScoringParams, ScoringProblem } from './problems';
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

/** A sheet's <sheetProtection>, as found: on (sheet="1"), and the password hash it carries (modern or legacy). */
export interface SheetProtection {
  sheet: boolean;
  algorithmName?: string;
  hashValue?: string;
  saltValue?: string;
  spinCount?: number;
  /** Legacy 16-bit password hash (hex), written by older programs. */
  password?: string;
}

/** A sheet of a returned workbook as the reader found it. */
export interface ReturnedSheet {
  name: string;
  state: 'visible' | 'hidden' | 'veryHidden';
  /** Present on the sheets of a score sheet (the metadata sheet apart): the checks read them. */
  cells?: SheetCells;
  /**
   * The sheet's protection; null when the sheet is not protected at all; absent when it cannot be read (a score
   * sheet re-saved as .xls or .ods: only an .xlsx package carries the hash we check).
   */
  protection?: SheetProtection | null;
}

/**
 * What the adapter found when it checked a score sheet against the key of its batch: the key's file, whether the
 * MAC matches, and whether the 评分表 sheet is protected with the password the key gives this expert.
 */
export interface Binding {
  key: string;
  mac: boolean;
  /** 'unknown': the file's format does not let the protection be read (re-saved as .xls or .ods). */
  password: 'match' | 'mismatch' | 'none' | 'unknown';
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
      /**
       * The metadata sheet, parsed. For a score sheet whose batch has a usable key: the binding. For a key: whether
       * its own MAC matches (`keyIntact`).
       */
      meta?: { parsed: ParsedMeta; binding?: Binding; keyIntact?: boolean };
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
  | (Base & { kind: 'result'; meta: ResultMeta })
  /** A key file: `usable` when intact (its MAC matches). */
  | (Base & { kind: 'key'; meta: KeyMeta; usable: boolean; problems: ScoringProblem[] })
  | (Base & {
      kind: 'scoresheet';
      meta: ScoreSheetMeta;
      /** Records of the scores that count (also when rejected: callers must look at `rejected`). */
      records: ScoreRecord[];
      recusals: Recusal[];
      problems: ScoringProblem[];
      /** An error about the whole file was found: none of its scores may be used. */
      rejected: boolean;
      /** Nothing was filled in (the sheet as sent). */
      blank: boolean;
      /** Checked against the key of its batch (MAC and password). */
      bound: boolean;
      /**
       * The 评分表 sheet's protection hash and salt: random for every file generated, kept by every re-save, so
       * two files claiming different experts with the same one are one expert's sheet under two names.
       */
      protection?: string;
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
    return { ...base, kind: 'foreign', problems: [scoresSheet ? problem('sheet.no-metadata', {}, { file }) : problem('sheet.foreign', {}, { file })] };
  }
  const parsed = content.meta.parsed;
  if (parsed.kind === 'result') return { ...base, kind: 'result', meta: parsed.meta };
  if (parsed.kind === 'damaged') return { ...base, kind: 'foreign', problems: [problem('sheet.meta-damaged', {}, { file })] };
  if (parsed.kind === 'outdated') {
    return { ...base, kind: 'foreign', problems: [parsed.what === 'key' ? problem('key.outdated', {}, { file }) : problem('sheet.outdated', {}, { file })] };
  }
  if (parsed.kind === 'key') {
    const usable = content.meta.keyIntact === true;
    return { ...base, kind: 'key', meta: parsed.meta, usable, problems: usable ? [] : [problem('key.damaged', {}, { file })] };
  }
  return checkSheet(base, parsed.meta, content.sheets, content.meta.binding, ctx);
}

type Err = <C extends ScoringCodeOf<'error'>>(code: C, params: ScoringParams<C>, extra?: ProblemPlace) => void;
type Warn = <C extends ScoringCodeOf<'warning'>>(code: C, params: ScoringParams<C>, extra?: ProblemPlace) => void;

function checkSheet(base: Base, meta: ScoreSheetMeta, sheets: readonly ReturnedSheet[], binding: Binding | undefined, ctx: ReadContext): ScoreFile {
  const file = base.file;
  const problems: ScoringProblem[] = [];
  const expertLabel = `${meta.expert.name}（${meta.expert.code}）`;
  // err takes error codes only, warn warning codes: the catalogue decides the severity, the reader agrees.
  const err: Err = (code, params, extra = {}) => problems.push(problem(code, params, { file, expert: expertLabel, ...extra }));
  const warn: Warn = (code, params, extra = {}) => problems.push(problem(code, params, { file, expert: expertLabel, ...extra }));
  let blank = false;
  const out = (records: ScoreRecord[] = [], recusals: Recusal[] = []): ScoreFile => ({
    ...base,
    kind: 'scoresheet',
    meta,
    records,
    recusals,
    problems,
    rejected: problems.some(rejectsFile),
    blank,
    bound: !!binding,
    ...(fingerprint ? { protection: fingerprint } : {}),
  });
  let fingerprint: string | undefined;

  if (binding && !binding.mac) {
    err('sheet.mac', { key: binding.key });
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
  const layout = scoreSheetLayout(meta.rubric, meta.blind, meta.mode);
  const sheetInfo = sheets.find((s) => s.name === SHEETS.scores) ?? findRenamedSheet(sheets, layout);
  if (!sheetInfo) {
    err('sheet.missing', {});
    return out();
  }
  if (sheetInfo.name !== SHEETS.scores) warn('sheet.renamed', { name: sheetInfo.name });

  // Protection: present and, with the key, set with this expert's password.
  const prot = sheetInfo.protection;
  if (prot === undefined) {
    warn('sheet.protection-unknown', {});
  } else {
    if (prot?.hashValue) fingerprint = `${prot.saltValue ?? ''}|${prot.hashValue}`;
    const protectedAtAll = !!prot && prot.sheet && !!(prot.hashValue || prot.password);
    if (!protectedAtAll || binding?.password === 'none') {
      err('sheet.unprotected', {});
      return out();
    }
    if (binding?.password === 'mismatch') {
      err('sheet.password', {});
      return out();
    }
  }

  const sheet = sheetInfo.cells ?? NO_CELLS;
  const at = (row1: number, col1: number): CellValue => sheet.rows[row1 - 1]?.[col1 - 1] ?? null;
  const textAt = (row1: number, col1: number) => cellText(at(row1, col1)).trim();

  // The visible line naming the expert: whoever opens the file sees it; it must name the expert the MAC covers.
  const expected = expertLine(meta.expert);
  const found = textAt(layout.infoRow, 1);
  if (!compareKey(found).startsWith(compareKey(expected))) {
    err('sheet.expert-line', { expected, found });
    return out();
  }

  // Header: the columns must be where they were written.
  const badHeaders = layout.headers.filter((h, i) => compareKey(textAt(layout.headerRow, i + 1)) !== compareKey(h));
  if (badHeaders.length) {
    err('sheet.header-changed', { headers: badHeaders }, { cell: `A${layout.headerRow}` });
    return out();
  }

  // Rows: exactly the list as sent, in order; below it only the signature line.
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
  const watched = [layout.code, layout.name, layout.unit, ...layout.criteria, layout.position, layout.recommend].filter((x): x is number => x !== undefined);
  for (let r = endRow; r <= sheet.rows.length; r++) {
    // The signature line (what the expert types there is theirs).
    if (textAt(r, 1) === SIGN_LABEL) continue;
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
  const inputCols = [layout.recusal, ...layout.criteria, layout.position, layout.comment, layout.recommend].filter((x): x is number => x !== undefined);
  if (meta.candidates.every((_, i) => inputCols.every((c) => isBlank(at(layout.firstRow + i, c))))) {
    blank = true;
    err('sheet.empty', {});
    return out();
  }

  const rows = new RowChecker(meta, layout, at, textAt, err, warn, file);
  return meta.mode === 'ballot' ? out(...rows.ballot()) : out(...rows.scores(sheet));
}

/** The candidate rows of a sheet whose frame (protection, expert, header, list) is intact. */
class RowChecker {
  private cellProblems = 0;
  private readonly recusals: Recusal[] = [];

  constructor(
    private readonly meta: ScoreSheetMeta,
    private readonly layout: ScoreSheetLayout,
    private readonly at: (row1: number, col1: number) => CellValue,
    private readonly textAt: (row1: number, col1: number) => string,
    private readonly err: Err,
    private readonly warn: Warn,
    private readonly file: string,
  ) {}

  /** One problem per bad cell, up to MAX_CELL_PROBLEMS (then a count). */
  private cellErr<C extends ScoringCodeOf<'error'>>(code: C, params: ScoringParams<C>, cand: string, cell: string): void {
    if (++this.cellProblems <= MAX_CELL_PROBLEMS) this.err(code, params, { candidate: cand, cell });
  }

  private finishCells(): void {
    if (this.cellProblems > MAX_CELL_PROBLEMS) this.err('score.more', { count: this.cellProblems - MAX_CELL_PROBLEMS });
  }

  /**
   * A declared conflict on row r: the 回避声明 drop-down, or (as earlier sheets asked) an empty row with 回避 in the
   * comment. Records it and says whether the row is one.
   */
  private recusal(code: string, r: number, inputs: readonly number[]): boolean {
    const declared = this.textAt(r, this.layout.recusal);
    const comment = this.textAt(r, this.layout.comment);
    const filled = inputs.some((c) => !isBlank(this.at(r, c)));
    let reason: string | undefined;
    if (declared) reason = (RECUSAL_REASONS as readonly string[]).includes(declared) ? declared : `其他：${declared}`;
    else if (!filled && comment.includes(RECUSAL_WORD)) reason = `评语：${comment}`;
    if (reason === undefined) return false;
    this.recusals.push({ candidate: code, expert: this.meta.expert.code, file: this.file, reason });
    this.warn('score.recusal', { candidate: code, reason }, { candidate: code, cell: `${columnLetter(this.layout.recusal)}${r}` });
    if (declared && filled) this.warn('score.recusal-with-scores', { candidate: code, reason }, { candidate: code });
    return true;
  }

  private expertUnitKey?: string;

  /** A candidate of the expert's own unit (only when the sheet shows units): never counted. */
  private ownUnit(c: { code: string; unit?: string }, r: number): boolean {
    const unit = c.unit;
    if (this.meta.blind || !unit) return false;
    this.expertUnitKey ??= unitKey(this.meta.expert.unit);
    if (!sameUnitKey(unitKey(unit), this.expertUnitKey)) return false;
    this.cellErr('score.same-unit', { candidate: c.code, unit, expertUnit: this.meta.expert.unit }, c.code, `A${r}`);
    return true;
  }

  scores(sheet: SheetCells): [ScoreRecord[], Recusal[]] {
    const { meta, layout } = this;
    const records: ScoreRecord[] = [];
    const inputs = [...layout.criteria, layout.recommend!];
    meta.candidates.forEach((c, i) => {
      const r = layout.firstRow + i;
      if (this.recusal(c.code, r, inputs)) return;
      const values: (number | undefined)[] = [];
      const blanks: string[] = [];
      let bad = false;
      meta.rubric.criteria.forEach((crit, k) => {
        const col = layout.criteria[k];
        const addr = `${columnLetter(col)}${r}`;
        const v = this.at(r, col);
        if (isBlank(v)) {
          values.push(undefined);
          blanks.push(crit.name);
          return;
        }
        // Only a number counts: the sheet's own total (SUM) leaves text out, so "18分" or "18" typed as text would
        // make our total differ from the one the expert saw and signed.
        if (typeof v !== 'number' || !Number.isFinite(v)) {
          bad = true;
          this.cellErr('score.not-a-number', { candidate: c.code, cell: addr, criterion: crit.name, text: cellText(v) }, c.code, addr);
        } else if (v < 0 || v > crit.max + 1e-9) {
          bad = true;
          this.cellErr('score.out-of-range', { candidate: c.code, cell: addr, criterion: crit.name, value: v, max: crit.max }, c.code, addr);
        } else if (!isOnStep(v, meta.rubric.step)) {
          bad = true;
          this.cellErr('score.off-step', { candidate: c.code, cell: addr, criterion: crit.name, value: v, step: meta.rubric.step }, c.code, addr);
        }
        values.push(typeof v === 'number' ? v : undefined);
      });
      if (blanks.length === meta.rubric.criteria.length) {
        this.cellErr('score.missing', { candidate: c.code, row: r }, c.code, `${columnLetter(layout.criteria[0])}${r}`);
        return;
      }
      if (blanks.length) {
        bad = true;
        this.cellErr('score.incomplete', { candidate: c.code, row: r, missing: blanks }, c.code, `${columnLetter(layout.criteria[0])}${r}`);
      }
      if (bad || this.ownUnit(c, r)) return;
      const recommend = this.recommendation(c.code, r);
      const criteria = values as number[];
      const total = criteria.reduce((s, x) => s + x, 0);
      checkTotal(sheet, layout, r, total, c.code, this.warn);
      const rec: ScoreRecord = { candidate: c.code, expert: meta.expert.code, criteria, total, file: this.file, row: r };
      if (recommend) rec.recommend = recommend;
      const comment = this.textAt(r, layout.comment);
      if (comment) rec.comment = comment;
      records.push(rec);
    });
    this.finishCells();
    return [records, this.recusals];
  }

  private recommendation(code: string, r: number): Recommendation | undefined {
    const col = this.layout.recommend!;
    const text = this.textAt(r, col).replace(/\s+/g, '');
    const cell = `${columnLetter(col)}${r}`;
    if (!text) this.warn('recommend.missing', { candidate: code, cell }, { candidate: code, cell });
    else if ((RECOMMEND_OPTIONS as readonly string[]).includes(text)) return text as Recommendation;
    else this.warn('recommend.invalid', { candidate: code, cell, text }, { candidate: code, cell });
    return undefined;
  }

  /**
   * A ranking ballot: each candidate a position (1 = best). Positions become Borda points, normalised so that
   * ballots of different lengths weigh the same: points = candidates placed below + half of those tied,
   * score = points / (k − 1) × 100 with k the valid positions on the ballot (first 100, last 0).
   */
  ballot(): [ScoreRecord[], Recusal[]] {
    const { meta, layout } = this;
    const col = layout.position!;
    const n = meta.candidates.length;
    const valid: { code: string; row: number; position: number; comment?: string }[] = [];
    meta.candidates.forEach((c, i) => {
      const r = layout.firstRow + i;
      if (this.recusal(c.code, r, [col])) return;
      const v = this.at(r, col);
      const addr = `${columnLetter(col)}${r}`;
      if (isBlank(v)) {
        this.cellErr('score.missing', { candidate: c.code, row: r }, c.code, addr);
        return;
      }
      if (typeof v !== 'number' || !Number.isInteger(v) || v < 1 || v > n) {
        this.cellErr('ballot.position', { candidate: c.code, cell: addr, text: cellText(v), n }, c.code, addr);
        return;
      }
      if (this.ownUnit(c, r)) return;
      const comment = this.textAt(r, layout.comment);
      valid.push({ code: c.code, row: r, position: v, ...(comment ? { comment } : {}) });
    });
    this.finishCells();
    const k = valid.length;
    if (k < 2) {
      if (k === 1) this.warn('ballot.too-few', {});
      return [[], this.recusals];
    }
    const count = new Map<number, number>();
    for (const x of valid) count.set(x.position, (count.get(x.position) ?? 0) + 1);
    const tied = [...count].filter(([, t]) => t > 1).map(([p, t]) => `第 ${p} 名 ${t} 人`);
    if (tied.length) this.warn('ballot.ties', { positions: tied });
    const records = valid.map((x): ScoreRecord => {
      const below = valid.filter((y) => y.position > x.position).length;
      const points = below + ((count.get(x.position) ?? 1) - 1) / 2;
      const rec: ScoreRecord = { candidate: x.code, expert: meta.expert.code, criteria: [], total: (points / (k - 1)) * 100, file: this.file, row: x.row, position: x.position, ballotSize: k };
      if (x.comment) rec.comment = x.comment;
      return rec;
    });
    return [records, this.recusals];
  }
}

/** The total is recomputed from the criteria; a changed formula or a typed-over total is worth a warning. */
function checkTotal(sheet: SheetCells, layout: ScoreSheetLayout, r: number, total: number, code: string, warn: Warn): void {
  const col = layout.total!;
  const key = (r - 1) * 16384 + (col - 1);
  const formula = sheet.formulas.get(key);
  const cell = `${columnLetter(col)}${r}`;
  const norm = (f: string) => f.replace(/\s+/g, '').replace(/^=/, '').replace(/\$/g, '').toUpperCase();
  if (formula !== undefined) {
    if (norm(formula) !== norm(totalFormula(layout, r))) {
      warn('sheet.total-formula-changed', { candidate: code, cell, total }, { candidate: code, cell });
    }
    return;
  }
  const cached = sheet.rows[r - 1]?.[col - 1] ?? null;
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
