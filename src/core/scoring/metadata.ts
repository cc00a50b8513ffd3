/**
 * What Jiangxuan records inside the workbooks it sends out, so that a returned file can be recognised, bound to its
 * expert and checked:
 * - every expert's score sheet carries a very hidden sheet with the programme, the round, the expert, the rubric
 *   and the candidate list exactly as sent, and a keyed MAC of all that (HMAC-SHA-256, sheetMacMessage below). The
 *   MAC key is derived from a random per-batch secret and the expert's code (expertKeyInfo); the secret exists only
 *   in the organiser's key file. An expert can read and edit their own metadata but cannot compute a MAC for edited
 *   data, nor for another expert: with the key file, any change to the list, the batch or the expert is caught;
 * - the organiser's 评分安排 workbook (the "key") carries the secret, the full list (names, units, groups), who
 *   scores whom, every expert's sheet-protection password, and a MAC of its own content under the same secret.
 *   That MAC only shows the key file was not damaged or edited since it was written (whoever holds the key file holds
 *   the secret).
 *
 * Blind mode: the expert's metadata lists candidate codes only; names and units exist on the organiser's side (the
 * key) and nowhere in the expert's file, not even in hidden sheets.
 *
 * The metadata is stored as rows of text (a tag in column A, values to the right), never as one long JSON cell:
 * Excel limits a cell to 32,767 characters. This module converts between those rows and typed objects and defines,
 * canonically, the messages the MACs cover; the adapters compute the MACs (Web Crypto) and write and read the rows.
 */
import { columnLetters } from '../model/grid';
import type { Candidate } from './candidates';
import type { Expert } from './experts';
import type { Exclusion } from './assignment';
import type { Criterion, Rubric } from './rubric';

export const SCORESHEET_FORMAT = 'jiangxuan-scoresheet/2';
export const KEY_FORMAT = 'jiangxuan-score-key/2';
export const RESULT_FORMAT = 'jiangxuan-score-result/1';
/** Formats of earlier versions (unkeyed SHA-256): recognised, never trusted. */
const OUTDATED_FORMATS = ['jiangxuan-scoresheet/1', 'jiangxuan-score-key/1'];

/** Sheet names. The metadata sheet name is ASCII so that no locale or converter renames it. */
export const SHEETS = {
  scores: '评分表',
  instructions: '填写说明',
  meta: 'jx_meta',
} as const;

/** Where a round's files are written: the experts' sheets in one folder, the key in another, named so nobody sends it. */
export const FOLDERS = {
  sheets: '评分表',
  key: '评分安排（内部，勿外发）',
} as const;

export const RECOMMEND_OPTIONS = ['推荐', '不推荐'] as const;
export type Recommendation = (typeof RECOMMEND_OPTIONS)[number];
/** What an expert may declare in the 回避声明 column (a drop-down). */
export const RECUSAL_REASONS = ['同单位', '师徒或亲属', '合作关系', '其他'] as const;
/** Still understood: a row left empty with this word in the comment (how earlier sheets asked for it). */
export const RECUSAL_WORD = '回避';

/**
 * A round is scored (criteria, a total per candidate) or a ranking ballot (each expert orders the candidates;
 * Borda count), the latter for a 会审答辩 where the panel compares candidates directly.
 */
export type RoundMode = 'scores' | 'ballot';

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
  mode: RoundMode;
  /** The expert's group (with --group-by): every candidate on the sheet belongs to it. */
  expert: { code: string; name: string; unit: string; group?: string };
  blind: boolean;
  rubric: RubricRef;
  candidates: SheetCandidate[];
  /** ISO timestamp of generation (not covered by the MAC). */
  generatedAt: string;
  /** HMAC-SHA-256 (hex) of sheetMacMessage(this) under the expert's key. */
  mac: string;
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
  mode: RoundMode;
  blind: boolean;
  grouped: boolean;
  rubric: RubricRef;
  candidates: Candidate[];
  experts: KeyExpert[];
  /** Expert code → candidate codes, as sent. */
  assignment: Record<string, string[]>;
  exclusions: Exclusion[];
  generatedAt: string;
  /** The batch secret (hex): the experts' MAC keys, the blind codes' order. Never leaves the key file. */
  secret: string;
  /** HMAC-SHA-256 (hex) of keyMacMessage(this) under keyMacKeyInfo: the key file as written. */
  mac: string;
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

/** JSON with object keys sorted at every level: the same data always gives the same text (and MAC). */
export function canonicalJson(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v ?? null);
  if (Array.isArray(v)) return '[' + v.map(canonicalJson).join(',') + ']';
  const o = v as Record<string, unknown>;
  const keys = Object.keys(o)
    .filter((k) => o[k] !== undefined)
    .sort();
  return '{' + keys.map((k) => JSON.stringify(k) + ':' + canonicalJson(o[k])).join(',') + '}';
}

// ------------------------------------------------------------------ what the MACs cover

/**
 * The text an expert's MAC covers: format, batch, programme, round, mode, the expert (code, name, unit, group),
 * blind, the rubric and the candidate list as sent (codes, and names and units unless blind). Fields are picked by
 * name, so a field added later is not covered by accident; the generation time is left out.
 */
export function sheetMacMessage(m: Omit<ScoreSheetMeta, 'mac' | 'generatedAt'> & { mac?: string; generatedAt?: string }): string {
  const expert = { code: m.expert.code, name: m.expert.name, unit: m.expert.unit, group: m.expert.group ?? null };
  const candidates = m.candidates.map((c) => (m.blind ? { code: c.code } : { code: c.code, name: c.name ?? '', unit: c.unit ?? '' }));
  return (
    'jiangxuan/scoresheet-mac/2\n' +
    canonicalJson({ format: m.format, batch: m.batch, programme: m.programme, round: m.round, mode: m.mode, expert, blind: m.blind, rubric: m.rubric, candidates })
  );
}

/** The text the key file's own MAC covers: everything it records except the secret, the MAC and the time. */
export function keyMacMessage(m: Omit<KeyMeta, 'mac' | 'generatedAt' | 'secret'>): string {
  const { format, batch, programme, round, mode, blind, grouped, rubric, candidates, experts, assignment, exclusions } = m;
  return (
    'jiangxuan/score-key-mac/2\n' +
    canonicalJson({ format, batch, programme, round, mode, blind, grouped, rubric, candidates, experts, assignment: { ...assignment }, exclusions })
  );
}

/** HKDF-style labels: HMAC(secret, label) gives each use of the batch secret a key of its own. */
export function expertKeyLabel(batch: string, expertCode: string): string {
  return `jiangxuan/expert-key/2|${batch}|${expertCode}`;
}
export function keyMacLabel(batch: string): string {
  return `jiangxuan/key-mac/2|${batch}`;
}
export function blindOrderLabel(batch: string): string {
  return `jiangxuan/blind-order/2|${batch}`;
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

function commonRows(m: { format: string; batch: string; programme: ProgrammeRef; round: string; mode: RoundMode; blind: boolean; rubric: RubricRef; generatedAt: string; mac: string }): MetaRows {
  const rows: MetaRows = [
    ['note', NOTE],
    ['format', m.format],
    ['batch', m.batch],
    ['programme', m.programme.id, m.programme.name],
    ['round', m.round],
    ['mode', m.mode],
    ['blind', m.blind ? '1' : '0'],
    ['step', String(m.rubric.step)],
    ['generatedAt', m.generatedAt],
    ['mac', m.mac],
  ];
  for (const c of m.rubric.criteria) rows.push(['criterion', c.id, c.name, String(c.max)]);
  return rows;
}

export function scoreSheetMetaRows(m: ScoreSheetMeta): MetaRows {
  const rows = commonRows(m);
  rows.push(['expert', m.expert.code, m.expert.name, m.expert.unit, m.expert.group ?? '']);
  for (const c of m.candidates) rows.push(m.blind ? ['candidate', c.code] : ['candidate', c.code, c.name ?? '', c.unit ?? '']);
  return rows;
}

export function keyMetaRows(m: KeyMeta): MetaRows {
  const rows = commonRows(m);
  rows.push(['grouped', m.grouped ? '1' : '0'], ['secret', m.secret]);
  for (const c of m.candidates) rows.push(['candidate', c.code, c.name, c.unit, c.group ?? '']);
  for (const e of m.experts) rows.push(['expert', e.code, e.name, e.unit, e.group ?? '', e.email ?? '', e.file, e.password]);
  for (const [expert, codes] of Object.entries(m.assignment)) rows.push(['assign', expert, ...chunks(codes.join(' '))]);
  for (const x of m.exclusions) rows.push(['exclude', x.candidate, x.expert, x.reason]);
  return rows;
}

/** What a result workbook records: its round, the chart to redraw when it is finalised, and the final copy's hash. */
export interface ResultMeta {
  programme: ProgrammeRef;
  round: string;
  generatedAt: string;
  /** The score-spread chart: its sheet, the data rows on the 分数分布 sheet, the title, the axis maximum, the mark's name. */
  chart?: { sheet: string; dataSheet: string; firstRow: number; lastRow: number; title: string; max: number; mark: string };
  /** The cell of the sign-off block that a 定稿 copy fills with its time and content hash. */
  finalLine?: { sheet: string; cell: string };
  /** Set on a 定稿 copy: when it was frozen, the SHA-256 of its contents and the cell holding that line. */
  final?: { at: string; hash: string; sheet: string; cell: string };
}

/** Result workbooks are marked too, so that a folder of returned files may contain an earlier result. */
export function resultMetaRows(m: ResultMeta): MetaRows {
  const rows: MetaRows = [
    ['note', NOTE],
    ['format', RESULT_FORMAT],
    ['programme', m.programme.id, m.programme.name],
    ['round', m.round],
    ['generatedAt', m.generatedAt],
  ];
  const c = m.chart;
  if (c) rows.push(['chart', c.sheet, c.dataSheet, String(c.firstRow), String(c.lastRow), c.title, String(c.max), c.mark]);
  if (m.finalLine) rows.push(['finalLine', m.finalLine.sheet, m.finalLine.cell]);
  if (m.final) rows.push(['final', m.final.at, m.final.hash, m.final.sheet, m.final.cell]);
  return rows;
}

export type ParsedMeta =
  | { kind: 'scoresheet'; meta: ScoreSheetMeta }
  | { kind: 'key'; meta: KeyMeta }
  | { kind: 'result'; meta: ResultMeta }
  /** Written by an earlier version of Jiangxuan (unkeyed checksum): cannot be bound to an expert. */
  | { kind: 'outdated'; what: 'scoresheet' | 'key' }
  /** The sheet is there but cannot be understood (edited by hand, cut short). */
  | { kind: 'damaged'; reason: string };

function num(s: string | undefined): number {
  const n = Number(s);
  return s !== undefined && s.trim() !== '' && Number.isFinite(n) ? n : NaN;
}

const LIST_TAGS = new Set(['criterion', 'candidate', 'expert', 'assign', 'exclude']);
const HEX = /^[0-9a-f]+$/;

function unique(codes: readonly string[]): boolean {
  return codes.every((c) => c !== '') && new Set(codes).size === codes.length;
}

/** Reads metadata rows back; never throws (any oddity is `damaged`, with the reason for developers). */
export function parseMetaRows(rows: readonly (readonly string[])[]): ParsedMeta {
  const one = new Map<string, readonly string[]>();
  const many = new Map<string, (readonly string[])[]>();
  for (const r of rows) {
    const tag = (r[0] ?? '').trim();
    if (!tag) continue;
    if (LIST_TAGS.has(tag)) {
      let l = many.get(tag);
      if (!l) many.set(tag, (l = []));
      l.push(r);
    } else if (one.has(tag)) return { kind: 'damaged', reason: `${tag} twice` };
    else one.set(tag, r);
  }
  const v = (tag: string, i = 1) => one.get(tag)?.[i] ?? '';
  const format = v('format');
  const programme = { id: v('programme'), name: v('programme', 2) };
  const round = v('round');
  if (format === RESULT_FORMAT) return parseResult(one, programme, round);
  if (OUTDATED_FORMATS.includes(format)) return { kind: 'outdated', what: format.includes('key') ? 'key' : 'scoresheet' };
  if (format !== SCORESHEET_FORMAT && format !== KEY_FORMAT) return { kind: 'damaged', reason: format ? `unknown format ${format}` : 'no format' };
  const criteria = (many.get('criterion') ?? []).map((r) => ({ id: r[1] ?? '', name: r[2] ?? '', max: num(r[3]) }));
  const rubric: RubricRef = { criteria, step: num(v('step')) };
  if (!criteria.length || !unique(criteria.map((c) => c.id)) || criteria.some((c) => !(c.max > 0)) || !(rubric.step > 0)) return { kind: 'damaged', reason: 'rubric' };
  const mode = v('mode');
  if (mode !== 'scores' && mode !== 'ballot') return { kind: 'damaged', reason: 'mode' };
  if (!programme.id || !round || !v('batch') || !HEX.test(v('mac'))) return { kind: 'damaged', reason: 'fields' };
  const base = { batch: v('batch'), programme, round, mode: mode as RoundMode, blind: v('blind') === '1', rubric, generatedAt: v('generatedAt'), mac: v('mac') };
  if (format === SCORESHEET_FORMAT) {
    const experts = many.get('expert') ?? [];
    const ex = experts[0];
    if (experts.length !== 1 || !ex[1]) return { kind: 'damaged', reason: 'expert' };
    const candidates: SheetCandidate[] = (many.get('candidate') ?? []).map((r) =>
      base.blind ? { code: r[1] ?? '' } : { code: r[1] ?? '', name: r[2] ?? '', unit: r[3] ?? '' },
    );
    if (!unique(candidates.map((c) => c.code))) return { kind: 'damaged', reason: 'candidates' };
    const expert: ScoreSheetMeta['expert'] = { code: ex[1], name: ex[2] ?? '', unit: ex[3] ?? '' };
    if (ex[4]) expert.group = ex[4];
    return { kind: 'scoresheet', meta: { format, ...base, expert, candidates } };
  }
  if (!HEX.test(v('secret')) || v('secret').length < 32) return { kind: 'damaged', reason: 'secret' };
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
  if (!unique(candidates.map((c) => c.code)) || !unique(experts.map((e) => e.code))) return { kind: 'damaged', reason: 'lists' };
  const known = new Set(candidates.map((c) => c.code));
  const expertCodes = new Set(experts.map((e) => e.code));
  // A plain object without a prototype: an expert code such as "__proto__" stays a key.
  const assignment = Object.create(null) as Record<string, string[]>;
  for (const r of many.get('assign') ?? []) {
    const codes = r.slice(2).join('').split(' ').filter(Boolean);
    const e = r[1] ?? '';
    if (!expertCodes.has(e) || e in assignment || !unique(codes) || codes.some((c) => !known.has(c))) return { kind: 'damaged', reason: 'assignment' };
    assignment[e] = codes;
  }
  const exclusions: Exclusion[] = (many.get('exclude') ?? []).map((r) => ({ candidate: r[1] ?? '', expert: r[2] ?? '', reason: 'same-unit' }));
  return { kind: 'key', meta: { format, ...base, grouped: v('grouped') === '1', candidates, experts, assignment, exclusions, secret: v('secret') } };
}

function parseResult(one: Map<string, readonly string[]>, programme: ProgrammeRef, round: string): ParsedMeta {
  const meta: ResultMeta = { programme, round, generatedAt: one.get('generatedAt')?.[1] ?? '' };
  const c = one.get('chart');
  if (c) {
    const firstRow = num(c[3]);
    const lastRow = num(c[4]);
    const max = num(c[6]);
    if (c[1] && c[2] && Number.isInteger(firstRow) && Number.isInteger(lastRow) && firstRow >= 1 && lastRow >= firstRow && max > 0) {
      meta.chart = { sheet: c[1], dataSheet: c[2], firstRow, lastRow, title: c[5] ?? '', max, mark: c[7] ?? '' };
    }
  }
  const fl = one.get('finalLine');
  if (fl && fl[1] && /^[A-Z]{1,3}[1-9]\d{0,6}$/.test(fl[2] ?? '')) meta.finalLine = { sheet: fl[1], cell: fl[2] };
  const f = one.get('final');
  if (f && f[1] && f[2] && f[3] && f[4]) meta.final = { at: f[1], hash: f[2], sheet: f[3], cell: f[4] };
  return { kind: 'result', meta };
}

// ------------------------------------------------------------------ score sheet layout

/** Where things are on the 评分表 sheet (1-based rows and columns, as Excel numbers them). */
export interface ScoreSheetLayout {
  mode: RoundMode;
  titleRow: number;
  /** The visible line naming the expert ("评审专家：张华（复旦大学）…"), checked on return. */
  infoRow: number;
  headerRow: number;
  firstRow: number;
  code: number;
  name?: number;
  unit?: number;
  /** 回避声明: a drop-down of RECUSAL_REASONS. */
  recusal: number;
  /** Scores: one column per criterion, in rubric order (empty for a ballot). */
  criteria: number[];
  /** Scores: the total's formula. */
  total?: number;
  /** Ballot: the position the expert gives the candidate (1 = best). */
  position?: number;
  comment: number;
  /** Scores: 推荐 / 不推荐. */
  recommend?: number;
  /** The last column. */
  lastCol: number;
  /** Columns in order with their header texts. */
  headers: string[];
}

export const RECUSAL_HEADER = '回避声明';
export const COMMENT_HEADER = '评语';
/**
 * Not "推荐意见": LibreOffice's AutoInput completes what is typed from the column's other texts, header included,
 * so "推" became "推荐意见" and the drop-down refused it. No header starts with one of its column's options.
 */
export const RECOMMEND_HEADER = '是否推荐';
export const POSITION_HEADER = '名次（1为最优）';
export const SIGN_LABEL = '评审专家签字：';

export function totalHeader(maxTotal: number): string {
  return `总分（${Math.round(maxTotal * 1e6) / 1e6}分）`;
}

export function scoreSheetLayout(rubric: RubricRef, blind: boolean, mode: RoundMode = 'scores'): ScoreSheetLayout {
  const headers = blind ? ['编号'] : ['编号', '姓名', '单位'];
  headers.push(RECUSAL_HEADER);
  const recusal = headers.length;
  const first = headers.length + 1;
  const layout: ScoreSheetLayout = { mode, titleRow: 1, infoRow: 2, headerRow: 3, firstRow: 4, code: 1, recusal, criteria: [], comment: 0, lastCol: 0, headers };
  if (!blind) {
    layout.name = 2;
    layout.unit = 3;
  }
  if (mode === 'ballot') {
    headers.push(POSITION_HEADER, COMMENT_HEADER);
    layout.position = first;
    layout.comment = first + 1;
  } else {
    for (const c of rubric.criteria) headers.push(`${c.name}（${Math.round(c.max * 1e6) / 1e6}分）`);
    const maxTotal = rubric.criteria.reduce((s, c) => s + c.max, 0);
    headers.push(totalHeader(maxTotal), COMMENT_HEADER, RECOMMEND_HEADER);
    const n = rubric.criteria.length;
    layout.criteria = rubric.criteria.map((_, i) => first + i);
    layout.total = first + n;
    layout.comment = first + n + 1;
    layout.recommend = first + n + 2;
  }
  layout.lastCol = headers.length;
  return layout;
}

/** The expert's signature and date line: one empty row below the list. */
export function signRow(layout: ScoreSheetLayout, candidates: number): number {
  return layout.firstRow + candidates + 1;
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

/** The visible line's start: who the sheet is for. The reader checks that it still names the expert the MAC covers. */
export function expertLine(expert: { name: string; unit: string }): string {
  return `评审专家：${expert.name}（${expert.unit}）`;
}

/** File name of an expert's sheet: 评分表-<专家姓名>-<轮次>.xlsx (characters file systems reject are replaced). */
export function scoreSheetFileName(expertName: string, round: string, suffix = ''): string {
  return `评分表-${safeFilePart(expertName)}${suffix ? '-' + safeFilePart(suffix) : ''}-${safeFilePart(round)}.xlsx`;
}

export function keyFileName(round: string): string {
  return `评分安排-${safeFilePart(round)}（内部，勿外发）.xlsx`;
}

/** A file name that looks like a key (used to word the refusal when such a file cannot be read). */
export function looksLikeKeyFile(name: string): boolean {
  return /评分安排/.test(name);
}

export function safeFilePart(s: string): string {
  return s.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').replace(/\s+/g, '').slice(0, 60) || '_';
}
