/**
 * Consolidating a round from the files that came back, already read and checked (score-file.ts): which files count
 * — the organiser's key of the round (required: without it the origin of the sheets cannot be verified, and the
 * round is only consolidated when the caller allows it, `--no-key`, and then says so everywhere), one file per
 * expert (the last saved that was not rejected; a blank copy never replaces a filled one), sheets of another
 * round set aside, sheets of another batch or whose lists disagree with the key rejected —, which experts were
 * expected and did not answer, and then the figures (consolidate.ts). Pure: records in, the round out; the
 * adapters read the bytes (src/adapters/exceljs/scoring/consolidate-files.ts) and write the result.
 */
import type { Localized } from '../model/findings';
import type { Profile } from '../profiles/schema';
import type { Candidate } from './candidates';
import { consolidate, ConsolidationResult, ExpertRef, Recusal, ScoreRecord } from './consolidate';
import { compareCodes, KeyMeta, looksLikeKeyFile, programmeRef, ProgrammeRef, RoundMode, ScoreSheetMeta } from './metadata';
import { problem, rejectsFile, ScoringInputError, ScoringProblem } from './problems';
import { chooseRound, Rubric, rubricOf } from './rubric';
import type { ReadContext, ScoreFile } from './score-file';
import { compareKey } from '../text/normalize';

export type FileStatus =
  /** A score sheet whose scores count. */
  | 'accepted'
  /** Unreadable, not ours, tampered, of another batch …: its scores are left out. */
  | 'rejected'
  /** An earlier file of an expert who sent a later one. */
  | 'superseded'
  /** A score sheet of another round (with --round). */
  | 'other-round'
  /** The organiser's 评分安排 workbook. */
  | 'key'
  /** An earlier result workbook, or a second key. */
  | 'ignored';

export interface FileReport {
  file: string;
  status: FileStatus;
  /** "张三（E03）" for score sheets. */
  expert?: string;
  round?: string;
  /** Last save time used to order an expert's files (ISO). */
  savedAt?: string;
  /** Scores the file contributes (accepted files). */
  scores?: number;
  /** Its errors and warnings (problems of one score included). */
  errors?: number;
  warnings?: number;
}

export interface ConsolidatedRound {
  programme: ProgrammeRef;
  programmeTitle: string;
  round: string;
  mode: RoundMode;
  rubric: Rubric;
  blind: boolean;
  grouped: boolean;
  /** The key used (organiser's side), if any. */
  key?: { file: string; meta: KeyMeta };
  /**
   * True when every counted sheet was checked against the key (MAC and protection password). False only when the
   * caller allowed a round without its key (--no-key): then every output says the origin was not verified.
   */
  verified: boolean;
  files: FileReport[];
  /** Every problem: per file, then about the round (missing experts, ties at the cut …). */
  problems: ScoringProblem[];
  result: ConsolidationResult;
  /** Records that count (for the 评分明细 sheet), in candidate then expert order. */
  records: ScoreRecord[];
  /** Conflicts the experts declared (回避声明) in the files that count. */
  recusals: Recusal[];
  /** Counts for the exit code: accepted files, rejected files. */
  accepted: number;
  rejected: number;
}

/** A returned file, read and checked, with the time the file system gave it (used when the workbook records none). */
export interface ReturnedFile {
  score: ScoreFile;
  /** Milliseconds since 1970 (File.lastModified, or the file's mtime). */
  lastModified?: number;
}

export interface ConsolidateRoundInput {
  profile: Profile;
  /** In the order they were given (ties between an expert's files go to the later one). */
  files: readonly ReturnedFile[];
  /** Which round (needed only when the files hold several). */
  round?: string;
  /** Scores dropped at each end (default 1; 0 for a ballot round). */
  trim?: number;
  top?: number;
  /** Consolidate without the organiser's key (--no-key): nothing can be verified, and every output says so. */
  allowUnverified?: boolean;
}

/**
 * What the returned files are checked against: the profile's programme and rubric. Throws a RubricError for a
 * round the rubric does not have (before any file is read).
 */
export function roundContext(profile: Profile, round?: string): ReadContext {
  const rubric = rubricOf(profile);
  if (round !== undefined) chooseRound(rubric, round);
  return { programme: programmeRef(profile), rubric };
}

function expertKey(m: ScoreSheetMeta): string {
  return m.expert.code + '|' + compareKey(m.expert.name);
}

type Read = { f: ScoreFile; input: ReturnedFile; order: number };
type SheetRead = Read & { f: Extract<ScoreFile, { kind: 'scoresheet' }> };
type KeyRead = Read & { f: Extract<ScoreFile, { kind: 'key' }> };

function savedTime(f: ScoreFile, input: ReturnedFile): number | undefined {
  return f.modified?.getTime() ?? input.lastModified;
}

/** Why a round cannot be consolidated without --no-key: no key, or only damaged ones (named). */
function keyRequired(damaged: readonly string[]): Localized {
  const howZh = '请把它与交回的评分表一起给出；确实无法取得时加 --no-key（结果将注明来源未核实）';
  const howEn = 'give it with the returned sheets, or add --no-key (the result will say its origin was not verified)';
  if (damaged.length) {
    const list = damaged.slice(0, 3).join('、');
    return {
      zh: `评分安排文件 ${list} 已损坏或被改动，不能用它核实评分表的来源：请使用组织方保存的原文件（评分安排（内部，勿外发）文件夹中）；${howZh}`,
      en: `the key file ${list} is damaged or was edited and cannot verify the sheets: use the organiser's original; or ${howEn}`,
    };
  }
  return {
    zh: `没有本轮的评分安排文件（生成评分表时写在“评分安排（内部，勿外发）”文件夹中）：匠选需要它核实每份评分表是否由对应的专家交回、是否被改动；${howZh}`,
    en: `no key file of this round (written to the 评分安排（内部，勿外发） folder when the sheets were generated): it is needed to verify each sheet; ${howEn}`,
  };
}

/**
 * Decides which files count and consolidates them. Throws ScoringInputError when the round cannot be decided
 * (files of several rounds and no round given) or has no usable key and unverified rounds are not allowed, or a
 * RubricError for an unknown round; everything else is a problem in the result.
 */
export function consolidateRound(input: ConsolidateRoundInput): ConsolidatedRound {
  const { profile } = input;
  const { programme, rubric } = roundContext(profile, input.round);
  const read: Read[] = input.files.map((x, i) => ({ f: x.score, input: x, order: i }));

  const reports = new Map<number, FileReport>();
  const problems: ScoringProblem[] = [];
  const report = (r: Read, status: FileStatus, extra: Partial<FileReport> = {}) => {
    const rep: FileReport = { file: r.f.file, status, ...extra };
    const t = savedTime(r.f, r.input);
    if (t !== undefined) rep.savedAt = new Date(t).toISOString();
    reports.set(r.order, rep);
  };

  // Rounds present among score sheets and keys of this programme.
  const sheets = read.filter((r): r is SheetRead => r.f.kind === 'scoresheet');
  const keys = read.filter((r): r is KeyRead => r.f.kind === 'key' && r.f.meta.programme.id === programme.id);
  const roundCounts = new Map<string, number>();
  // A sheet whose MAC failed says nothing trustworthy about its round: it is rejected in this one.
  const forged = (s: SheetRead) => s.f.problems.some((p) => p.code === 'sheet.mac');
  for (const s of sheets) if (s.f.meta.programme.id === programme.id && !forged(s)) roundCounts.set(s.f.meta.round, (roundCounts.get(s.f.meta.round) ?? 0) + 1);
  let round = input.round?.trim();
  if (!round) {
    if (roundCounts.size > 1) {
      const list = [...roundCounts].map(([r, n]) => `${r} ${n} 份`).join('、');
      throw new ScoringInputError({ zh: `文件来自多个评审轮次（${list}），请用 --round 指定要汇总的轮次`, en: `the files belong to several rounds (${list}); choose one with --round` });
    }
    round = roundCounts.size === 1 ? [...roundCounts.keys()][0] : keys.length === 1 ? keys[0].f.meta.round : rubric.rounds[0];
  }

  // The key: an intact one of this round, the one most sheets were generated with.
  let key: { file: string; meta: KeyMeta } | undefined;
  const roundKeys = keys.filter((k) => k.f.meta.round === round);
  const usable = roundKeys.filter((k) => k.f.usable);
  if (usable.length) {
    const score = (k: KeyMeta) => sheets.filter((s) => s.f.meta.batch === k.batch).length;
    const best = [...usable].sort((a, b) => score(b.f.meta) - score(a.f.meta) || (savedTime(b.f, b.input) ?? 0) - (savedTime(a.f, a.input) ?? 0))[0];
    key = { file: best.f.file, meta: best.f.meta };
    report(best, 'key');
    for (const k of usable) {
      if (k === best) continue;
      report(k, 'ignored');
      problems.push(problem('key.extra', { batch: k.f.meta.batch, used: best.f.file }, { file: k.f.file }));
    }
  }
  for (const k of read) {
    if (k.f.kind !== 'key' || reports.has(k.order)) continue;
    if (!k.f.usable) {
      report(k, 'rejected');
      problems.push(...k.f.problems);
    } else {
      report(k, 'ignored');
      problems.push(problem('key.other', { programme: k.f.meta.programme.name, round: k.f.meta.round }, { file: k.f.file }));
    }
  }
  if (!key && !input.allowUnverified) {
    const damaged = [
      ...roundKeys.filter((k) => !k.f.usable).map((k) => k.f.file),
      ...read.filter((r) => (r.f.kind === 'unreadable' || r.f.kind === 'foreign') && looksLikeKeyFile(r.f.file)).map((r) => r.f.file),
    ];
    throw new ScoringInputError(keyRequired(damaged));
  }

  // Files that are not score sheets of this round.
  for (const r of read) {
    const f = r.f;
    if (f.kind === 'unreadable' || f.kind === 'foreign') {
      report(r, 'rejected');
      problems.push(...f.problems);
    } else if (f.kind === 'result') {
      report(r, 'ignored');
    }
  }

  // Score sheets of this round; sheets of other rounds are set aside (not rejected).
  const inRound: SheetRead[] = [];
  for (const s of sheets) {
    const m = s.f.meta;
    if (m.programme.id === programme.id && m.round !== round && !forged(s)) {
      report(s, 'other-round', { expert: `${m.expert.name}（${m.expert.code}）`, round: m.round });
      problems.push(problem('sheet.other-round', { round: m.round, current: round }, { file: s.f.file }));
      continue;
    }
    inRound.push(s);
  }
  const ours = inRound.filter((s) => s.f.meta.programme.id === programme.id);
  const modeVotes = ours.reduce((n, s) => n + (s.f.meta.mode === 'ballot' ? 1 : -1), 0);
  const mode: RoundMode = key ? key.meta.mode : modeVotes > 0 ? 'ballot' : 'scores';

  // Checks against the key (or, without one, the files against each other).
  const local = new Map<number, ScoringProblem[]>();
  const addLocal = (order: number, p: ScoringProblem) => (local.get(order) ?? local.set(order, []).get(order)!).push(p);
  const isRejected = (s: SheetRead) => s.f.rejected || (local.get(s.order) ?? []).some(rejectsFile);
  for (const s of ours) {
    if (s.f.meta.mode !== mode) addLocal(s.order, problem('sheet.other-mode', { mode: s.f.meta.mode }, { file: s.f.file, expert: s.f.meta.expert.name }));
  }
  if (key) {
    const k = key.meta;
    const keyExperts = new Map(k.experts.map((e) => [e.code, e]));
    const keyCands = new Map(k.candidates.map((c) => [c.code, c]));
    for (const s of ours) {
      const m = s.f.meta;
      // A file already rejected (its MAC, say) is not compared further: one reason is enough.
      if (s.f.rejected) continue;
      if (m.batch !== k.batch || !s.f.bound) {
        addLocal(s.order, problem('sheet.other-batch', { key: key.file }, { file: s.f.file, expert: m.expert.name }));
        continue;
      }
      const ke = keyExperts.get(m.expert.code);
      const sent = k.assignment[m.expert.code] ?? [];
      const listOk = sent.length === m.candidates.length && sent.every((c, i) => c === m.candidates[i].code);
      const namesOk = m.blind || m.candidates.every((c) => keyCands.get(c.code)?.name === c.name && keyCands.get(c.code)?.unit === c.unit);
      if (!ke || ke.name !== m.expert.name || ke.unit !== m.expert.unit || !listOk || !namesOk) {
        addLocal(s.order, problem('sheet.not-as-sent', {}, { file: s.f.file, expert: m.expert.name }));
      }
    }
  } else {
    problems.push(problem('result.unverified', {}));
    const batches = new Set(ours.map((s) => s.f.meta.batch));
    if (batches.size > 1) problems.push(problem('sheet.mixed-batches', { batches: batches.size }));
    // Non-blind lists must agree on who each code is (the majority decides).
    const votes = new Map<string, Map<string, number>>();
    for (const s of ours) {
      if (s.f.meta.blind) continue;
      for (const c of s.f.meta.candidates) {
        const v = `${c.name}|${c.unit}`;
        const m = votes.get(c.code) ?? votes.set(c.code, new Map()).get(c.code)!;
        m.set(v, (m.get(v) ?? 0) + 1);
      }
    }
    sharedProtection(ours, addLocal);
    const majority = new Map([...votes].map(([code, m]) => [code, [...m].sort((a, b) => b[1] - a[1])[0][0]]));
    for (const s of ours) {
      if (s.f.meta.blind) continue;
      const bad = s.f.meta.candidates.filter((c) => majority.get(c.code) !== `${c.name}|${c.unit}`);
      if (bad.length) addLocal(s.order, problem('sheet.list-conflict', { conflicts: bad }, { file: s.f.file, expert: s.f.meta.expert.name }));
    }
  }

  // One file per expert: the last saved that can be used counts. A rejected file (perhaps a forgery in the
  // expert's name) never supersedes a usable one, and a blank copy never supersedes a filled one.
  const byExpert = new Map<string, SheetRead[]>();
  for (const s of ours) {
    const k = expertKey(s.f.meta);
    (byExpert.get(k) ?? byExpert.set(k, []).get(k)!).push(s);
  }
  const counted: SheetRead[] = [];
  const when = (s: SheetRead) => {
    const t = savedTime(s.f, s.input);
    return t === undefined ? '' : `（${new Date(t).toISOString().replace('T', ' ').slice(0, 16)}）`;
  };
  for (const all of byExpert.values()) {
    const filled = all.filter((s) => !s.f.blank);
    const usable = filled.filter((s) => !isRejected(s));
    const list = usable.length ? usable : filled.length ? filled : all;
    if (filled.length) {
      for (const s of all.filter((x) => x.f.blank)) {
        report(s, 'superseded', { expert: `${s.f.meta.expert.name}（${s.f.meta.expert.code}）`, round: s.f.meta.round });
        problems.push(problem('sheet.blank-copy', { expert: s.f.meta.expert.name }, { file: s.f.file, expert: s.f.meta.expert.name }));
      }
    }
    list.sort(
      (a, b) =>
        (a.f.modified?.getTime() ?? 0) - (b.f.modified?.getTime() ?? 0) ||
        (a.input.lastModified ?? 0) - (b.input.lastModified ?? 0) ||
        a.order - b.order,
    );
    const last = list[list.length - 1];
    if (list.length > 1) {
      const m = last.f.meta;
      for (const s of list.slice(0, -1)) {
        report(s, 'superseded', { expert: `${m.expert.name}（${m.expert.code}）`, round: m.round });
        problems.push(
          problem('sheet.duplicate', { expert: m.expert.name, files: list.length, kept: last.f.file, keptSaved: when(last), thisSaved: when(s) }, { file: s.f.file, expert: m.expert.name }),
        );
      }
    }
    counted.push(last);
    // Rejected files of an expert who has a usable one: reported as rejected (below), never counted.
    if (list === usable) for (const s of filled) if (!usable.includes(s)) counted.push(s);
  }
  // Problems of sheets that were looked at (other programme included), in input order.
  for (const s of [...inRound].sort((a, b) => a.order - b.order)) {
    if (reports.get(s.order)?.status === 'superseded') continue;
    problems.push(...s.f.problems, ...(local.get(s.order) ?? []));
  }

  // Who the candidates are.
  let candidates: Candidate[];
  const blind = key ? key.meta.blind : ours.some((s) => s.f.meta.blind);
  const grouped = key ? key.meta.grouped : ours.some((s) => s.f.meta.expert.group !== undefined);
  if (key) candidates = key.meta.candidates;
  else {
    const seen = new Map<string, Candidate>();
    for (const s of counted) {
      if (isRejected(s)) continue;
      for (const c of s.f.meta.candidates) {
        if (seen.has(c.code)) continue;
        const cand: Candidate = { code: c.code, name: c.name ?? '', unit: c.unit ?? '' };
        if (s.f.meta.expert.group !== undefined) cand.group = s.f.meta.expert.group;
        seen.set(c.code, cand);
      }
    }
    candidates = [...seen.values()].sort((a, b) => compareCodes(a.code, b.code));
    if (blind && candidates.length) problems.push(problem('result.blind-without-key', {}));
  }
  const candidateSet = new Set(candidates.map((c) => c.code));

  const records: ScoreRecord[] = [];
  const recusals: Recusal[] = [];
  const experts: ExpertRef[] = [];
  const keyExperts = new Map((key?.meta.experts ?? []).map((e) => [e.code, e]));
  let accepted = 0;
  const tally = (s: SheetRead) => {
    const mine = [...s.f.problems, ...(local.get(s.order) ?? [])];
    return { errors: mine.filter((p) => p.severity === 'error').length, warnings: mine.filter((p) => p.severity === 'warning').length };
  };
  for (const s of counted.sort((a, b) => compareCodes(a.f.meta.expert.code, b.f.meta.expert.code) || a.order - b.order)) {
    const m = s.f.meta;
    const label = `${m.expert.name}（${m.expert.code}）`;
    if (isRejected(s)) {
      report(s, 'rejected', { expert: label, round: m.round, ...tally(s) });
      continue;
    }
    const recs = s.f.records.filter((r) => candidateSet.has(r.candidate));
    report(s, 'accepted', { expert: label, round: m.round, scores: recs.length, ...tally(s) });
    accepted++;
    records.push(...recs);
    recusals.push(...s.f.recusals.filter((r) => candidateSet.has(r.candidate)));
    const ref: ExpertRef = { code: m.expert.code, name: m.expert.name, unit: m.expert.unit, file: s.f.file };
    const group = keyExperts.get(m.expert.code)?.group ?? m.expert.group;
    if (group) ref.group = group;
    experts.push(ref);
  }
  // Sheets of another programme were rejected by the reader: report them.
  for (const s of sheets) if (!reports.has(s.order)) report(s, 'rejected', { expert: `${s.f.meta.expert.name}（${s.f.meta.expert.code}）`, round: s.f.meta.round, ...tally(s) });

  // Experts the key expected and nobody heard from.
  if (key) {
    const returned = new Set(ours.filter((s) => s.f.meta.batch === key!.meta.batch).map((s) => s.f.meta.expert.code));
    for (const e of key.meta.experts) {
      if (!e.file || returned.has(e.code)) continue;
      problems.push(problem('expert.missing', { expert: e.name, code: e.code, file: e.file }, { file: e.file, expert: e.name }));
    }
  }

  const expected = key ? countExpected(key.meta) : undefined;
  const trim = input.trim ?? (mode === 'ballot' ? 0 : 1);
  const result = consolidate({
    rubric: { criteria: rubric.criteria, step: rubric.step },
    round,
    mode,
    candidates,
    experts,
    records,
    recusals,
    expected,
    options: { trim, top: input.top, grouped, minScores: rubric.minScores[round] ?? 1 },
  });
  problems.push(...result.problems);
  records.sort((a, b) => compareCodes(a.candidate, b.candidate) || compareCodes(a.expert, b.expert));
  const files = read.map((r) => reports.get(r.order)!).filter(Boolean);
  return {
    programme,
    programmeTitle: profile.shortName.zh,
    round,
    mode,
    rubric,
    blind,
    grouped,
    ...(key ? { key } : {}),
    verified: !!key,
    files,
    problems,
    result,
    records,
    recusals,
    accepted,
    rejected: files.filter((f) => f.status === 'rejected').length,
  };
}

/**
 * Without the key: files claiming different experts but carrying the same sheet protection are one sheet under two
 * names (every generated sheet has its own random salt). The expert all of whose files carry it owns it; the files
 * claiming anyone else are rejected. When that cannot be told, every file carrying it is.
 */
function sharedProtection(sheets: readonly SheetRead[], addLocal: (order: number, p: ScoringProblem) => void): void {
  const byPrint = new Map<string, SheetRead[]>();
  for (const s of sheets) if (s.f.protection) (byPrint.get(s.f.protection) ?? byPrint.set(s.f.protection, []).get(s.f.protection)!).push(s);
  const printsOf = new Map<string, Set<string>>();
  for (const s of sheets) {
    const k = expertKey(s.f.meta);
    (printsOf.get(k) ?? printsOf.set(k, new Set()).get(k)!).add(s.f.protection ?? '');
  }
  for (const files of byPrint.values()) {
    const claimed = new Set(files.map((s) => expertKey(s.f.meta)));
    if (claimed.size < 2) continue;
    const owners = [...claimed].filter((e) => printsOf.get(e)!.size === 1);
    const owner = owners.length === 1 ? owners[0] : undefined;
    for (const s of files) {
      if (expertKey(s.f.meta) === owner) continue;
      const other = files.find((x) => expertKey(x.f.meta) !== expertKey(s.f.meta))!.f.meta.expert;
      addLocal(s.order, problem('sheet.protection-shared', { other: `${other.name}（${other.code}）` }, { file: s.f.file, expert: s.f.meta.expert.name }));
    }
  }
}

function countExpected(k: KeyMeta): Map<string, number> {
  const m = new Map<string, number>();
  for (const codes of Object.values(k.assignment)) for (const c of codes) m.set(c, (m.get(c) ?? 0) + 1);
  return m;
}

/** Exit status of a consolidation: 0 every file usable, 1 some file rejected, 2 nothing usable. */
export function consolidationExitCode(r: Pick<ConsolidatedRound, 'accepted' | 'rejected'>): 0 | 1 | 2 {
  if (r.accepted === 0) return 2;
  return r.rejected > 0 ? 1 : 0;
}
