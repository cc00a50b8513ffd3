/**
 * Planning a round's score sheets from the two lists, before anything is written: the round and its mode (scores
 * or a ranking ballot), who the candidates and experts are, who scores whom (conflicts of interest, groups), which
 * file each expert gets and in which folder, and what the organiser's key records. Pure: grids in, a plan out; the
 * exceljs adapter writes the workbooks from it (src/adapters/exceljs/scoring/generate.ts) and adds what needs
 * randomness (batch id and secret, passwords, the blind codes' order).
 */
import type { WorkbookGrid } from '../model/grid';
import type { Profile } from '../profiles/schema';
import { Assignment, assignCandidates } from './assignment';
import { Candidate, CandidateList, candidatesFromGrid, shuffleCodes } from './candidates';
import { Expert, ExpertList, expertsFromGrid } from './experts';
import { FOLDERS, KeyExpert, KeyMeta, keyFileName, ProgrammeRef, RoundMode, rubricRef, scoreSheetFileName } from './metadata';
import { chooseRound, Rubric, rubricOf } from './rubric';

export interface RoundPlanInput {
  profile: Profile;
  /** The candidates' nomination workbook, read. */
  candidates: WorkbookGrid;
  experts: WorkbookGrid;
  /** One of the rubric's rounds (default the first, 书面初评). */
  round?: string;
  /** Hide names and units from the experts' files (codes only). */
  blind?: boolean;
  /** Header of the column that assigns candidates to the experts of the same group (e.g. "组别"). */
  groupBy?: string;
  /** A ranking ballot (each expert orders the candidates; Borda count) instead of scores. */
  ballot?: boolean;
  /**
   * Blind rounds: random bytes derived from the batch secret that deal the codes in a random order (shuffleCodes).
   * Absent when only planning (the page's preview): codes then follow the list, which changes no count.
   */
  blindSeed?: Uint8Array;
}

/** The lists and the assignment of a round, from which the score sheets are written. */
export interface ScoringPlan {
  round: string;
  mode: RoundMode;
  rubric: Rubric;
  blind: boolean;
  grouped: boolean;
  candidates: CandidateList;
  experts: ExpertList;
  assignment: Assignment;
}

/**
 * Reads both lists and assigns candidates. Throws ScoringInputError (unusable lists, with a one-line reason) or
 * RubricError (bad rubric or round).
 */
export function planRound(input: RoundPlanInput): ScoringPlan {
  const { profile } = input;
  const rubric = rubricOf(profile);
  const round = chooseRound(rubric, input.round);
  const blind = !!input.blind;
  const grouped = !!input.groupBy;
  const read = candidatesFromGrid(input.candidates, profile, { groupBy: input.groupBy });
  const candidates = blind && input.blindSeed ? { ...read, candidates: shuffleCodes(read.candidates, input.blindSeed) } : read;
  const experts = expertsFromGrid(input.experts, { groupBy: input.groupBy });
  const assignment = assignCandidates(candidates.candidates, experts.experts, { grouped });
  return { round, mode: input.ballot ? 'ballot' : 'scores', rubric, blind, grouped, candidates, experts, assignment };
}

/** One expert's part of the round: the file to write and the candidates in it (none: no file). */
export interface ExpertSheetPlan {
  expert: Expert;
  /** 评分表-<姓名>-<轮次>.xlsx (in the 评分表 folder); absent for an expert without candidates. */
  fileName?: string;
  candidates: Candidate[];
}

/** Every expert, in list order, with their file name and candidates. Two experts of the same name: the code tells the files apart. */
export function expertSheets(plan: ScoringPlan): ExpertSheetPlan[] {
  const byCode = new Map<string, Candidate>(plan.candidates.candidates.map((c) => [c.code, c]));
  const nameCount = new Map<string, number>();
  for (const e of plan.experts.experts) nameCount.set(e.name, (nameCount.get(e.name) ?? 0) + 1);
  return plan.experts.experts.map((expert) => {
    const codes = plan.assignment.byExpert.get(expert.code);
    if (!codes) return { expert, candidates: [] };
    const fileName = scoreSheetFileName(expert.name, plan.round, (nameCount.get(expert.name) ?? 0) > 1 ? expert.code : '');
    return { expert, fileName, candidates: codes.map((c) => byCode.get(c)!) };
  });
}

/** What the generation run adds: its batch id and secret, the time, and each expert's file name and sheet password. */
export interface GenerationRun {
  programme: ProgrammeRef;
  batch: string;
  /** The batch secret (hex). */
  secret: string;
  generatedAt: string;
  experts: KeyExpert[];
}

/** The key's metadata (without its MAC, which the adapter computes): the whole round as sent. */
export function keyMetaOf(plan: ScoringPlan, run: GenerationRun): Omit<KeyMeta, 'mac' | 'format'> {
  return {
    batch: run.batch,
    programme: run.programme,
    round: plan.round,
    mode: plan.mode,
    blind: plan.blind,
    grouped: plan.grouped,
    rubric: rubricRef(plan.rubric),
    candidates: plan.candidates.candidates,
    experts: run.experts,
    assignment: Object.fromEntries(plan.assignment.byExpert),
    exclusions: plan.assignment.exclusions,
    generatedAt: run.generatedAt,
    secret: run.secret,
  };
}

/** The key's file name, its folder, and the line saying where the candidates came from. */
export function keyFile(plan: ScoringPlan, candidatesFile: string): { fileName: string; folder: string; sourceNote: string } {
  const src = plan.candidates.source;
  return {
    fileName: keyFileName(plan.round),
    folder: FOLDERS.key,
    sourceNote: `${candidatesFile} · 工作表“${src.sheet}”（${src.table.zh}）第 ${src.firstRow}–${src.lastRow} 行`,
  };
}
