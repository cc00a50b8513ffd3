/**
 * Planning a round's score sheets from the two lists, before anything is written: the round, who the candidates
 * and experts are, who scores whom (conflicts of interest, groups), which file each expert gets, and what the
 * organiser's key records. Pure: grids in, a plan out; the exceljs adapter writes the workbooks from it
 * (src/adapters/exceljs/scoring/generate.ts) and adds what needs randomness (batch id, passwords).
 */
import type { WorkbookGrid } from '../model/grid';
import type { Profile } from '../profiles/schema';
import { Assignment, assignCandidates } from './assignment';
import { Candidate, CandidateList, candidatesFromGrid } from './candidates';
import { Expert, ExpertList, expertsFromGrid } from './experts';
import { KeyExpert, KeyMeta, keyFileName, ProgrammeRef, rubricRef, scoreSheetFileName } from './metadata';
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
}

/** The lists and the assignment of a round, from which the score sheets are written. */
export interface ScoringPlan {
  round: string;
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
  const candidates = candidatesFromGrid(input.candidates, profile, { groupBy: input.groupBy });
  const experts = expertsFromGrid(input.experts, { groupBy: input.groupBy });
  const assignment = assignCandidates(candidates.candidates, experts.experts, { grouped });
  return { round, rubric, blind, grouped, candidates, experts, assignment };
}

/** One expert's part of the round: the file to write and the candidates in it (none: no file). */
export interface ExpertSheetPlan {
  expert: Expert;
  /** 评分表-<姓名>-<轮次>.xlsx; absent for an expert without candidates. */
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

/** What the generation run adds: its batch id, the time, and each expert's file name and sheet password. */
export interface GenerationRun {
  programme: ProgrammeRef;
  batch: string;
  generatedAt: string;
  experts: KeyExpert[];
}

/** The key's metadata (without the hash, which the adapter computes): the whole round as sent. */
export function keyMetaOf(plan: ScoringPlan, run: GenerationRun): Omit<KeyMeta, 'hash' | 'format'> {
  return {
    batch: run.batch,
    programme: run.programme,
    round: plan.round,
    blind: plan.blind,
    grouped: plan.grouped,
    rubric: rubricRef(plan.rubric),
    candidates: plan.candidates.candidates,
    experts: run.experts,
    assignment: Object.fromEntries(plan.assignment.byExpert),
    exclusions: plan.assignment.exclusions,
    generatedAt: run.generatedAt,
  };
}

/** The key's file name and the line saying where the candidates came from. */
export function keyFile(plan: ScoringPlan, candidatesFile: string): { fileName: string; sourceNote: string } {
  const src = plan.candidates.source;
  return {
    fileName: keyFileName(plan.round),
    sourceNote: `${candidatesFile} · 工作表“${src.sheet}”（${src.table.zh}）第 ${src.firstRow}–${src.lastRow} 行`,
  };
}
