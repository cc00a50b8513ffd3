/**
 * What Jiangxuan records inside the workbooks it sends out, so a returned file can be recognised and checked:
 * - every expert's score sheet carries a very hidden sheet with the programme, the round, the expert, the
 *   rubric and the candidate list exactly as sent, plus a SHA-256 of all that (canonical JSON);
 * - the organiser's 评分安排 workbook (the "key") carries the full list: names, units, groups, who scores whom.
 *
 * Blind mode: the expert's metadata lists candidate codes only; names and units exist on the organiser's side
 * (the key) and nowhere in the expert's file, not even in hidden sheets.
 *
 * The metadata is stored as rows of text (a tag in column A, values to the right), never as one long JSON cell:
 * Excel limits a cell to 32,767 characters. This module converts between those rows and typed objects; the
 * adapters write and read the rows, and compute the hash (Web Crypto) over hashInput().
 */
import { columnLetters } from '../model/grid';
import type { Candidate } from './candidates';
import type { Expert } from './experts';
import type { Exclusion } from './assignment';
import type { Criterion, Rubric } from './rubric';

export const SCORESHEET_FORMAT = 'jiangxuan-scoresheet/1';
export const KEY_FORMAT = 'jiangxuan-score-key/1';
export const RESULT_FORMAT = 'jiangxuan-score-result/1';

/** Sheet names. The metadata sheet name is ASCII so that no locale or converter renames it. */
export const SHEETS = {
  scores: '评分表',
  instructions: '填写说明',
  meta: 'jx_meta',
} as const;

export const RECOMMEND_OPTIONS = ['推荐', '不推荐'] as const;
export type Recommendation = (typeof RECOMMEND_OPTIONS)[number];
/** An expert who leaves a row's scores empty and writes this in the comment declares a conflict of interest. */
export const RECUSAL_WORD = '回避';

export interface ProgrammeRef {
  id: string;
  name: string;
}

/** How the files of a profile's programme name it (its id and Chinese name). */
export function programmeRef(profile: { id: string; name: { zh: string } }): ProgrammeRef {
  return { id: profile.id, name: profile.name.zh };
}

/** A candidate as listed in an expert's sheet: code only in blind mode. */
export interface SheetCandidate {
  code: string;
  name?: string;
  unit?: string;
}

export interface RubricRef {
  criteria: Pick<Criterion, 'id' | 'name' | 'max'>[];
  step: number;
}

export interface ScoreSheetMeta {
  format: typeof SCORESHEET_FORMAT;
  /** Random id of the generation run; the key carries the same. */
  batch: string;
  programme: ProgrammeRef;
  round: string;
  expert: { code: string; name: string; unit: string };
  blind: boolean;
  rubric: RubricRef;
  candidates: SheetCandidate[];
  /** ISO timestamp of generation (not part of the hash). */
  generatedAt: string;
  /** SHA-256 (hex) of hashInput(this). */
  hash: string;
}

export interface KeyExpert extends Expert {
  /** File name the expert's sheet was written to, and its sheet-protection password. */
  file: string;
  password: string;
}

export interface KeyMeta {
  format: typeof KEY_FORMAT;
  batch: string;
  programme: ProgrammeRef;
  round: string;
  blind: boolean;
  grouped: boolean;
  rubric: RubricRef;
  candidates: Candidate[];
  experts: KeyExpert[];
  /** Expert code → candidate codes, as sent. */
  assignment: Record<string, string[]>;
  exclusions: Exclusion[];
  generatedAt: string;
  hash: string;
}

export function rubricRef(r: Pick<Rubric, 'criteria' | 'step'>): RubricRef {
  return { criteria: r.criteria.map((c) => ({ id: c.id, name: c.name, max: c.max })), step: r.step };
}

/** Sheet-list entry for a candidate: code only when blind. */
export function sheetCandidate(c: Candidate, blind: boolean): SheetCandidate {
  return blind ? { code: c.code } : { code: c.code, name: c.name, unit: c.unit };
}

/** Order of codes (C001 < C002 < C1000, E09 < E10): shorter first, then by character. */
export function compareCodes(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}

/** JSON with object keys sorted at every level: the same data always gives the same text (and hash). */
export function canonicalJson(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v ?? null);
  if (Array.isArray(v)) return '[' + v.map(canonicalJson).join(',') + ']';
  const o = v as Record<string, unknown>;
  const keys = Object.keys(o)
    .filter((k) => o[k] !== undefined)
    .sort();
  return '{' + keys.map((k) => JSON.stringify(k) + ':' + canonicalJson(o[k])).join(',') + '}';
}

/** The text the hash covers: everything except the hash itself and the generation time. */
export function hashInput(meta: Omit<ScoreSheetMeta, 'hash'> | Omit<KeyMeta, 'hash'>): string {
  const { generatedAt: _g, ...rest } = meta as unknown as Record<string, unknown>;
  delete rest.hash;
  return canonicalJson(rest);
}

// ------------------------------------------------------------------ rows

export type MetaRows = string[][];

/** Excel's cell limit is 32,767 characters; long lists are split over several cells. */
const CHUNK = 30000;

function chunks(s: string): string[] {
  if (s.length <= CHUNK) return [s];
  const out: string[] = [];
  for (let i = 0; i < s.length; i += CHUNK) out.push(s.slice(i, i + CHUNK));
  return out;
}

const NOTE = '匠选评分元数据：用于核对交回的文件，请勿修改 / Jiangxuan scoring metadata: do not edit';

function commonRows(m: { format: string; batch: string; programme: ProgrammeRef; round: string; blind: boolean; rubric: RubricRef; generatedAt: string; hash: string }): MetaRows {
  const rows: MetaRows = [
    ['note', NOTE],
    ['format', m.format],
    ['batch', m.batch],
    ['programme', m.programme.id, m.programme.name],
    ['round', m.round],
    ['blind', m.blind ? '1' : '0'],
    ['step', String(m.rubric.step)],
    ['generatedAt', m.generatedAt],
    ['hash', m.hash],
  ];
  for (const c of m.rubric.criteria) rows.push(['criterion', c.id, c.name, String(c.max)]);
  return rows;
}

export function scoreSheetMetaRows(m: ScoreSheetMeta): MetaRows {
  const rows = commonRows(m);
  rows.push(['expert', m.expert.code, m.expert.name, m.expert.unit]);
  for (const c of m.candidates) rows.push(m.blind ? ['candidate', c.code] : ['candidate', c.code, c.name ?? '', c.unit ?? '']);
  return rows;
}

export function keyMetaRows(m: KeyMeta): MetaRows {
  const rows = commonRows(m);
  rows.push(['grouped', m.grouped ? '1' : '0']);
  for (const c of m.candidates) rows.push(['candidate', c.code, c.name, c.unit, c.group ?? '']);
  for (const e of m.experts) rows.push(['expert', e.code, e.name, e.unit, e.group ?? '', e.email ?? '', e.file, e.password]);
  for (const [expert, codes] of Object.entries(m.assignment)) rows.push(['assign', expert, ...chunks(codes.join(' '))]);
  for (const x of m.exclusions) rows.push(['exclude', x.candidate, x.expert, x.reason]);
  return rows;
}

/** Result workbooks are marked too, so that a folder of returned files may contain an earlier result. */
export function resultMetaRows(programme: ProgrammeRef, round: string, generatedAt: string): MetaRows {
  return [
    ['note', NOTE],
    ['format', RESULT_FORMAT],
    ['programme', programme.id, programme.name],
    ['round', round],
    ['generatedAt', generatedAt],
  ];
}

export type ParsedMeta =
  | { kind: 'scoresheet'; meta: ScoreSheetMeta }
  | { kind: 'key'; meta: KeyMeta }
  | { kind: 'result'; programme: ProgrammeRef; round: string }
  /** The sheet is there but cannot be understood (edited by hand, cut short). */
  | { kind: 'damaged'; reason: string };

function num(s: string | undefined): number {
  const n = Number(s);
  return Number.isFinite(n) ? n : NaN;
}

/** Reads metadata rows back; never throws. */
export function parseMetaRows(rows: readonly (readonly string[])[]): ParsedMeta {
  const one = new Map<string, readonly string[]>();
  const many = new Map<string, (readonly string[])[]>();
  for (const r of rows) {
    const tag = (r[0] ?? '').trim();
    if (!tag) continue;
    if (['criterion', 'candidate', 'expert', 'assign', 'exclude'].includes(tag)) {
      let l = many.get(tag);
      if (!l) many.set(tag, (l = []));
      l.push(r);
    } else one.set(tag, r);
  }
  const v = (tag: string, i = 1) => one.get(tag)?.[i] ?? '';
  const format = v('format');
  const programme = { id: v('programme'), name: v('programme', 2) };
  const round = v('round');
  if (format === RESULT_FORMAT) return { kind: 'result', programme, round };
  if (format !== SCORESHEET_FORMAT && format !== KEY_FORMAT) return { kind: 'damaged', reason: format ? `unknown format ${format}` : 'no format' };
  const criteria = (many.get('criterion') ?? []).map((r) => ({ id: r[1] ?? '', name: r[2] ?? '', max: num(r[3]) }));
  const rubric: RubricRef = { criteria, step: num(v('step')) };
  if (!criteria.length || criteria.some((c) => !c.id || !Number.isFinite(c.max)) || !Number.isFinite(rubric.step)) return { kind: 'damaged', reason: 'rubric' };
  if (!programme.id || !round || !v('batch') || !v('hash')) return { kind: 'damaged', reason: 'fields' };
  const base = { batch: v('batch'), programme, round, blind: v('blind') === '1', rubric, generatedAt: v('generatedAt'), hash: v('hash') };
  if (format === SCORESHEET_FORMAT) {
    const ex = many.get('expert')?.[0];
    if (!ex || !ex[1]) return { kind: 'damaged', reason: 'expert' };
    const candidates: SheetCandidate[] = (many.get('candidate') ?? []).map((r) =>
      base.blind ? { code: r[1] ?? '' } : { code: r[1] ?? '', name: r[2] ?? '', unit: r[3] ?? '' },
    );
    return { kind: 'scoresheet', meta: { format, ...base, expert: { code: ex[1], name: ex[2] ?? '', unit: ex[3] ?? '' }, candidates } };
  }
  const candidates: Candidate[] = (many.get('candidate') ?? []).map((r) => {
    const c: Candidate = { code: r[1] ?? '', name: r[2] ?? '', unit: r[3] ?? '' };
    if (r[4]) c.group = r[4];
    return c;
  });
  const experts: KeyExpert[] = (many.get('expert') ?? []).map((r) => {
    const e: KeyExpert = { code: r[1] ?? '', name: r[2] ?? '', unit: r[3] ?? '', file: r[6] ?? '', password: r[7] ?? '' };
    if (r[4]) e.group = r[4];
    if (r[5]) e.email = r[5];
    return e;
  });
  const assignment: Record<string, string[]> = {};
  for (const r of many.get('assign') ?? []) {
    const codes = r.slice(2).join('').split(' ').filter(Boolean);
    assignment[r[1] ?? ''] = codes;
  }
  const exclusions: Exclusion[] = (many.get('exclude') ?? []).map((r) => ({ candidate: r[1] ?? '', expert: r[2] ?? '', reason: 'same-unit' }));
  return { kind: 'key', meta: { format, ...base, grouped: v('grouped') === '1', candidates, experts, assignment, exclusions } };
}

// ------------------------------------------------------------------ score sheet layout

/** Where things are on the 评分表 sheet (1-based rows and columns, as Excel numbers them). */
export interface ScoreSheetLayout {
  titleRow: number;
  infoRow: number;
  headerRow: number;
  firstRow: number;
  code: number;
  name?: number;
  unit?: number;
  /** One column per criterion, in rubric order. */
  criteria: number[];
  total: number;
  comment: number;
  recommend: number;
  /** Columns in order with their header texts. */
  headers: string[];
}

export const COMMENT_HEADER = '评语';
export const RECOMMEND_HEADER = '推荐意见';

export function totalHeader(maxTotal: number): string {
  return `总分（${Math.round(maxTotal * 1e6) / 1e6}分）`;
}

export function scoreSheetLayout(rubric: RubricRef, blind: boolean): ScoreSheetLayout {
  const headers = blind ? ['编号'] : ['编号', '姓名', '单位'];
  const first = headers.length + 1;
  for (const c of rubric.criteria) headers.push(`${c.name}（${Math.round(c.max * 1e6) / 1e6}分）`);
  const maxTotal = rubric.criteria.reduce((s, c) => s + c.max, 0);
  headers.push(totalHeader(maxTotal), COMMENT_HEADER, RECOMMEND_HEADER);
  const n = rubric.criteria.length;
  const layout: ScoreSheetLayout = {
    titleRow: 1,
    infoRow: 2,
    headerRow: 3,
    firstRow: 4,
    code: 1,
    criteria: rubric.criteria.map((_, i) => first + i),
    total: first + n,
    comment: first + n + 1,
    recommend: first + n + 2,
    headers,
  };
  if (!blind) {
    layout.name = 2;
    layout.unit = 3;
  }
  return layout;
}

/** 1-based column number → letters (1 → A). */
export function columnLetter(col1: number): string {
  return columnLetters(col1 - 1);
}

/** The total's formula on a row: empty until a score is typed, then the sum of the criteria. */
export function totalFormula(layout: ScoreSheetLayout, row: number): string {
  const a = columnLetter(layout.criteria[0]) + row;
  const b = columnLetter(layout.criteria[layout.criteria.length - 1]) + row;
  return `IF(COUNT(${a}:${b})=0,"",SUM(${a}:${b}))`;
}

/** File name of an expert's sheet: 评分表-<专家姓名>-<轮次>.xlsx (characters file systems reject are replaced). */
export function scoreSheetFileName(expertName: string, round: string, suffix = ''): string {
  return `评分表-${safeFilePart(expertName)}${suffix ? '-' + safeFilePart(suffix) : ''}-${safeFilePart(round)}.xlsx`;
}

export function keyFileName(round: string): string {
  return `评分安排-${safeFilePart(round)}（内部，勿发专家）.xlsx`;
}

export function safeFilePart(s: string): string {
  return s.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').replace(/\s+/g, '').slice(0, 60) || '_';
}
