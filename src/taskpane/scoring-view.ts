/**
 * What the expert-scoring and cultivation tabs show, computed from the adapter's results. Pure (no DOM, no
 * exceljs): types only from the adapters, labels from the core, so the pane's first load stays small.
 */
import type { Lang, Localized } from '../core/model/findings';
import type { Assignment } from '../core/scoring/assignment';
import type { Expert } from '../core/scoring/experts';
import type { AgreementResult, CandidateFlag, CandidateResult } from '../core/scoring/consolidate';
import { CANDIDATE_FLAG_LABELS } from '../core/scoring/consolidate';
import type { ScoringProblem } from '../core/scoring/problems';
import { describeW } from '../core/scoring/statistics';
import type { FileStatus } from '../core/scoring/consolidate-round';
import { FILE_STATUS_TEXT, shortlistBasis, verificationLine } from '../core/scoring/result-content';
import type { ConsolidatedRound } from '../core/scoring/consolidate-round';
import type { RolloverReport } from '../core/cultivation/rollover';
import { displayFileName } from './file-name';

/** 82.5 → "82.50"; undefined → "—". */
export function fmt(x: number | undefined, digits = 2): string {
  return x === undefined || !Number.isFinite(x) ? '—' : (Math.round(x * 10 ** digits) / 10 ** digits).toFixed(digits);
}

// ---------------------------------------------------------------- assignment (生成评分表)

export interface AssignmentView {
  candidates: number;
  experts: number;
  /** Expert–candidate pairs left out for a conflict of interest. */
  exclusions: number;
  /** Fewest and most experts scoring one candidate (among candidates someone can score). */
  perCandidate?: { min: number; max: number };
  /** Candidates nobody can score. */
  unscorable: number;
  /** Score sheets that will be written. */
  sheets: number;
  perExpert: { code: string; name: string; unit: string; group?: string; candidates: number }[];
}

export function assignmentView(plan: { candidates: { candidates: unknown[] }; experts: { experts: Expert[] }; assignment: Assignment }): AssignmentView {
  const counts = [...plan.assignment.byCandidate.values()].map((e) => e.length);
  const scored = counts.filter((n) => n > 0);
  const view: AssignmentView = {
    candidates: plan.candidates.candidates.length,
    experts: plan.experts.experts.length,
    exclusions: plan.assignment.exclusions.length,
    unscorable: counts.length - scored.length,
    sheets: plan.assignment.byExpert.size,
    perExpert: plan.experts.experts.map((e) => ({
      code: e.code,
      name: e.name,
      unit: e.unit,
      ...(e.group !== undefined ? { group: e.group } : {}),
      candidates: plan.assignment.byExpert.get(e.code)?.length ?? 0,
    })),
  };
  if (scored.length) view.perCandidate = { min: Math.min(...scored), max: Math.max(...scored) };
  return view;
}

// ---------------------------------------------------------------- problems

export interface ProblemView {
  severity: 'error' | 'warning';
  /** File name without folders, when the problem is about one file. */
  file?: string;
  message: string;
  /** Candidate code and cell, when known ("C003 · E7"). */
  where?: string;
  code: string;
}

function problemView(p: ScoringProblem, lang: Lang): ProblemView {
  const v: ProblemView = { severity: p.severity, message: p.message[lang], code: p.code };
  if (p.file) v.file = displayFileName(p.file);
  const where = [p.candidate, p.cell].filter(Boolean).join(' · ');
  if (where) v.where = where;
  return v;
}

/** Errors first, then warnings, each in the adapter's order. */
function bySeverity(problems: readonly ScoringProblem[]): ScoringProblem[] {
  const order = { error: 0, warning: 1 } as const;
  return problems
    .map((p, i) => ({ p, i }))
    .sort((a, b) => order[a.p.severity] - order[b.p.severity] || a.i - b.i)
    .map(({ p }) => p);
}

/** Errors first, then warnings, each in the adapter's order. */
export function problemViews(problems: readonly ScoringProblem[], lang: Lang): ProblemView[] {
  return bySeverity(problems).map((p) => problemView(p, lang));
}

export type FileStatusName = FileStatus;

/** What happened to a file, in the core's short wording. */
export const FILE_STATUS_LABEL = Object.fromEntries(Object.entries(FILE_STATUS_TEXT).map(([k, t]) => [k, t.label])) as Record<FileStatusName, Localized>;

export interface ProblemGroup {
  /** The file (without folders); undefined for problems of the round as a whole. */
  file?: string;
  /** What happened to the file (absent for a file that was expected but not returned, or the round). */
  status?: FileStatusName;
  errors: number;
  warnings: number;
  problems: ProblemView[];
}

/**
 * Problems per file, the way staff follow them up (one e-mail per expert): files with errors first, then files
 * with warnings, in the order the files were given; problems of the round as a whole (a tie at the cut …) last.
 */
export function problemGroups(problems: readonly ScoringProblem[], files: readonly { file: string; status: string }[], lang: Lang): ProblemGroup[] {
  const order = new Map(files.map((f, i) => [f.file, i]));
  const status = new Map(files.map((f) => [f.file, f.status as FileStatusName]));
  const groups = new Map<string, ProblemGroup>();
  for (const p of bySeverity(problems)) {
    const v = problemView(p, lang);
    const raw = p.file;
    const key = raw ?? '';
    let g = groups.get(key);
    if (!g) {
      g = { errors: 0, warnings: 0, problems: [] };
      if (raw !== undefined) {
        g.file = displayFileName(raw);
        const st = status.get(raw);
        if (st) g.status = st;
      }
      groups.set(key, g);
    }
    g.problems.push(v);
    if (v.severity === 'error') g.errors++;
    else g.warnings++;
  }
  const rank = (k: string) => (k === '' ? Number.MAX_SAFE_INTEGER : order.get(k) ?? Number.MAX_SAFE_INTEGER - 1);
  return [...groups.entries()].sort(([a, ga], [b, gb]) => (a === '' ? 1 : 0) - (b === '' ? 1 : 0) || (gb.errors > 0 ? 1 : 0) - (ga.errors > 0 ? 1 : 0) || rank(a) - rank(b)).map(([, g]) => g);
}

// ---------------------------------------------------------------- ranking (汇总评分)

export interface RankingRow {
  code: string;
  name: string;
  unit: string;
  group?: string;
  rank?: number;
  count: number;
  expected?: number;
  mean?: number;
  median?: number;
  trimmedMean?: number;
  sd?: number;
  /** Highest − lowest: the 分歧 column. */
  range?: number;
  shortlisted: boolean;
  /** Short labels for the table, long ones for the tooltip. */
  flags: { kind: CandidateFlag; short: string; long: string }[];
}

const SHORT_FLAG: Record<CandidateFlag, { zh: string; en: string }> = {
  'disagreement-sd': { zh: '分歧大', en: 'disagreement' },
  'disagreement-range': { zh: '分歧大', en: 'disagreement' },
  'no-scores': { zh: '无有效评分', en: 'no scores' },
  'fewer-than-expected': { zh: '份数不足', en: 'missing scores' },
  'too-few-scores': { zh: '不足最低份数', en: 'below minimum' },
};

export function rankingRows(candidates: readonly CandidateResult[], lang: Lang): RankingRow[] {
  return candidates.map((c) => {
    const flags: RankingRow['flags'] = [];
    for (const kind of c.flags) {
      const short = SHORT_FLAG[kind][lang];
      const long = CANDIDATE_FLAG_LABELS[kind][lang];
      const same = flags.find((f) => f.short === short);
      if (same) same.long += lang === 'zh' ? '；' + long : '; ' + long;
      else flags.push({ kind, short, long });
    }
    const row: RankingRow = { code: c.code, name: c.name, unit: c.unit, count: c.count, shortlisted: c.shortlisted, flags };
    if (c.group !== undefined) row.group = c.group;
    if (c.rank !== undefined) row.rank = c.rank;
    if (c.expected !== undefined) row.expected = c.expected;
    if (c.mean !== undefined) row.mean = c.mean;
    if (c.trimmedMean !== undefined) row.trimmedMean = c.trimmedMean;
    if (c.median !== undefined) row.median = c.median;
    if (c.sd !== undefined) row.sd = c.sd;
    if (c.range !== undefined) row.range = c.range;
    return row;
  });
}

/** The rows by 分歧 (largest spread first, candidates without one last), or as ranked. */
export function sortRows(rows: readonly RankingRow[], by: 'rank' | 'range'): RankingRow[] {
  if (by === 'rank') return [...rows];
  return [...rows].sort((a, b) => (b.range ?? -1) - (a.range ?? -1));
}

export interface FileRow {
  /** The file (without folders). */
  file: string;
  status: FileStatusName;
  label: string;
  expert?: string;
  scores?: number;
  errors: number;
  warnings: number;
}

/** Every file given, accepted ones included, in the order given: what happened to it and why. */
export function fileRows(files: readonly { file: string; status: FileStatusName; expert?: string; scores?: number; errors?: number; warnings?: number }[], lang: Lang): FileRow[] {
  return files.map((f) => {
    const row: FileRow = { file: displayFileName(f.file), status: f.status, label: FILE_STATUS_LABEL[f.status][lang], errors: f.errors ?? 0, warnings: f.warnings ?? 0 };
    if (f.expert) row.expert = f.expert;
    if (f.scores !== undefined) row.scores = f.scores;
    return row;
  });
}

/** Default size of the shortlist: the top half, at most 10 (the user changes it). */
export function defaultTop(ranked: number): number {
  return ranked <= 0 ? 0 : Math.min(10, Math.ceil(ranked / 2));
}

/** One line per group (or the whole panel) on Kendall's W, worded as `jiangxuan consolidate` prints it. */
export function agreementLines(agreement: readonly AgreementResult[], lang: Lang): string[] {
  const zh = lang === 'zh';
  return agreement.map((a) => {
    const who = a.group ? (zh ? `组别“${a.group}”` : `group ${a.group}`) : zh ? '全体专家' : 'whole panel';
    if (!a.w) {
      return zh
        ? `专家一致性（${who}）：无法计算（需要至少 2 位专家共同评过至少 2 名候选人）`
        : `Agreement (${who}): not computable (at least 2 experts must have scored the same 2 candidates)`;
    }
    const p = a.w.p < 0.001 ? '< 0.001' : '= ' + fmt(a.w.p, 3);
    return zh
      ? `专家一致性（${who}）：Kendall W = ${fmt(a.w.w, 3)}，${describeW(a.w.w).zh}，p ${p}（${a.experts} 位专家 × ${a.candidates} 名候选人${a.excluded ? `，${a.excluded} 名因回避未计入` : ''}）`
      : `Agreement (${who}): Kendall’s W = ${fmt(a.w.w, 3)}, ${describeW(a.w.w).en}, p ${p} (${a.experts} experts × ${a.candidates} candidates${a.excluded ? `, ${a.excluded} left out for recusals` : ''})`;
  });
}

/** Whether the round's sheets were verified against the key file, worded as every output words it. */
export function verificationText(round: Pick<ConsolidatedRound, 'verified' | 'key'>, lang: Lang): string {
  return verificationLine(round)[lang];
}

/** What the shortlist rests on: sheets counted, sent and rejected, and the round's minimum of scores. */
export function shortlistBasisText(round: Pick<ConsolidatedRound, 'accepted' | 'rejected' | 'key' | 'result'>, lang: Lang): string {
  return shortlistBasis(round)[lang];
}

/** "有效 5 份 · 退回 1 份 · 被替代 1 份 · 来源已核实：评分安排-…xlsx". */
export function fileTally(
  round: { accepted: number; rejected: number; files: readonly { status: string }[]; key?: { file: string } },
  lang: Lang,
): string {
  const superseded = round.files.filter((f) => f.status === 'superseded').length;
  const zh = lang === 'zh';
  const parts = zh ? [`有效 ${round.accepted} 份`, `退回 ${round.rejected} 份`] : [`${round.accepted} accepted`, `${round.rejected} rejected`];
  if (superseded) parts.push(zh ? `被替代 ${superseded} 份` : `${superseded} superseded`);
  if (round.key) parts.push(zh ? `来源已核实：${displayFileName(round.key.file)}` : `verified with ${displayFileName(round.key.file)}`);
  else parts.push(zh ? '没有评分安排文件：来源未核实' : 'no key file: origin not verified');
  return parts.join(' · ');
}

// ---------------------------------------------------------------- file names

export function scoreZipName(round: string, blind: boolean): string {
  return `评分表-${round}${blind ? '（盲评）' : ''}.zip`;
}

export function resultFileName(round: string): string {
  return `评分结果-${round}.xlsx`;
}

export function finalFileName(round: string): string {
  return `评分结果-${round}-定稿.xlsx`;
}

/** Prefix of the result sheets inserted into the open workbook: both rounds can live side by side. */
export function resultSheetPrefix(round: string): string {
  return `${round}·`;
}

export function trackingFileName(year: number): string {
  return `培育跟踪${year}.xlsx`;
}

// ---------------------------------------------------------------- cultivation

/** "2026-01-01": the default period start of a year. */
export function yearStart(year: number): string {
  return `${year}-01-01`;
}

/** A four-digit year between 2000 and 2100, else undefined. */
export function parseYear(text: string): number | undefined {
  const t = text.trim();
  if (!/^\d{4}$/.test(t)) return undefined;
  const y = Number(t);
  return y >= 2000 && y <= 2100 ? y : undefined;
}

/** What a rollover did, worded as `jiangxuan cultivation rollover` prints it. */
export function rolloverLines(r: RolloverReport, lang: Lang): string[] {
  const zh = lang === 'zh';
  const lines: string[] = [];
  const carried = r.carried.map((c) => (zh ? `${c.name}（自 ${c.start}）` : `${c.name} (from ${c.start})`));
  lines.push(
    zh
      ? `原培育对象清单 ${r.trainees} 人，其中“继续培育” ${r.carried.length} 人结转${carried.length ? `：${carried.join('、')}` : ''}`
      : `${r.trainees} trainees on the old list; ${r.carried.length} marked 继续培育 carried${carried.length ? `: ${carried.join(', ')}` : ''}`,
  );
  const left = Object.entries(r.notCarried);
  if (left.length) {
    const n = left.reduce((s, [, c]) => s + c, 0);
    lines.push(zh ? `未结转 ${n} 人：${left.map(([s, c]) => `${s} ${c}`).join('、')}` : `${n} not carried: ${left.map(([s, c]) => `${s} ${c}`).join(', ')}`);
  }
  const pending = (r.notCarried['培育中'] ?? 0) + (r.notCarried['期满待考评'] ?? 0) + (r.notCarried['未填'] ?? 0);
  if (pending) {
    lines.push(
      zh
        ? `注意：${pending} 人状态为“培育中”“期满待考评”或未填，没有结转；如需继续培育，请在原工作簿中把状态改为“继续培育”后重新结转`
        : `Note: ${pending} trainee(s) still 培育中, 期满待考评 or without a status were not carried; set 继续培育 in the old workbook and roll over again to carry them`,
    );
  }
  const h = r.history;
  lines.push(
    zh
      ? `历史记录（“历史·”工作表）：培育计划 ${h.plans} 条、培育档案 ${h.activities} 条、阶段考核 ${h.stageAssessments} 条、期满考评 ${h.finalAssessments} 条`
      : `History (历史· sheets): ${h.plans} plans, ${h.activities} activities, ${h.stageAssessments} stage and ${h.finalAssessments} final assessments`,
  );
  return lines;
}
