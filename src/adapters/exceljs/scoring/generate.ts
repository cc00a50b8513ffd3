/**
 * Generating a round's score sheets from two workbooks (candidates, experts): bytes in, bytes out, no fs.
 * The CLI writes the files to a folder; the task pane offers them as one zip (zip.ts).
 */
import type { Profile } from '../../../core/profiles/schema';
import { Assignment, assignCandidates } from '../../../core/scoring/assignment';
import { Candidate, CandidateList, candidatesFromGrid } from '../../../core/scoring/candidates';
import { Expert, ExpertList, expertsFromGrid } from '../../../core/scoring/experts';
import { KeyExpert, keyFileName, rubricRef, scoreSheetFileName } from '../../../core/scoring/metadata';
import { ScoringInputError, ScoringProblem } from '../../../core/scoring/problems';
import { chooseRound, Rubric, rubricOf } from '../../../core/scoring/rubric';
import type { WorkbookGrid } from '../../../core/model/grid';
import { isWorkbookReadError } from '../errors';
import { readWorkbookBuffer, type WorkbookBytes } from '../read-workbook';
import { randomId, randomPassword } from './crypto';
import { buildKeyMeta, writeKeyWorkbook, writeScoreSheet } from './scoresheet-writer';

export interface NamedBytes {
  /** File name as the user knows it (for messages). */
  name: string;
  bytes: WorkbookBytes;
  /** Milliseconds since 1970 (File.lastModified, or the file's mtime), used when a workbook records no save time. */
  lastModified?: number;
}

/**
 * A workbook already read into a grid (the task pane in Excel reads the open workbook with the Office.js
 * adapter): used as it is, never re-serialised.
 */
export interface NamedGrid {
  name: string;
  grid: WorkbookGrid;
}

/** Input of the planning step: who scores whom, before anything is written. */
export interface PlanInput {
  profile: Profile;
  /** The candidates' nomination workbook: its bytes, or the grid of the workbook open in Excel. */
  candidates: NamedBytes | NamedGrid;
  experts: NamedBytes | NamedGrid;
  /** One of the rubric's rounds (default the first, 书面初评). */
  round?: string;
  /** Hide names and units from the experts' files (codes only). */
  blind?: boolean;
  /** Header of the column that assigns candidates to the experts of the same group (e.g. "组别"). */
  groupBy?: string;
}

export interface GenerateInput extends PlanInput {
  now?: Date;
  /** Called after each expert's workbook is written. */
  onProgress?: (done: number, total: number) => void;
}

export interface GeneratedFile {
  name: string;
  bytes: Uint8Array;
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

export interface GeneratedScoreSheets extends ScoringPlan {
  /** One workbook per expert who has candidates. */
  sheets: (GeneratedFile & { expert: Expert; candidates: number })[];
  /** The organiser's 评分安排 workbook (names, passwords, conflicts of interest): never sent to experts. */
  key: GeneratedFile;
  /** Unscorable candidates (error), thin panels and idle experts (warnings). */
  problems: ScoringProblem[];
}

function isNamedGrid(x: NamedBytes | NamedGrid): x is NamedGrid {
  return 'grid' in x && x.grid !== undefined;
}

async function readInput(input: NamedBytes | NamedGrid, what: string): Promise<WorkbookGrid> {
  if (isNamedGrid(input)) return input.grid;
  try {
    return await readWorkbookBuffer(input.bytes);
  } catch (e) {
    if (isWorkbookReadError(e)) throw new ScoringInputError({ zh: `${what} ${input.name}：${e.localized.zh}`, en: `${what} ${input.name}: ${e.localized.en}` });
    throw e;
  }
}

/**
 * Reads both lists and assigns candidates (conflicts of interest, groups) without writing anything: what the task
 * pane shows before the download. Throws ScoringInputError or RubricError, as generateScoreSheets does.
 */
export async function planScoreSheets(input: PlanInput): Promise<ScoringPlan> {
  const { profile } = input;
  const rubric = rubricOf(profile);
  const round = chooseRound(rubric, input.round);
  const blind = !!input.blind;
  const grouped = !!input.groupBy;
  const candGrid = await readInput(input.candidates, '候选人文件');
  const expertGrid = await readInput(input.experts, '专家名单');
  const candidates = candidatesFromGrid(candGrid, profile, { groupBy: input.groupBy });
  const experts = expertsFromGrid(expertGrid, { groupBy: input.groupBy });
  const assignment = assignCandidates(candidates.candidates, experts.experts, { grouped });
  return { round, rubric, blind, grouped, candidates, experts, assignment };
}

/**
 * Reads both lists, assigns candidates (conflicts of interest, groups) and writes every expert's workbook and the
 * key. Throws ScoringInputError (unusable input, with a one-line reason) or RubricError (bad rubric or round).
 * The candidates may be bytes (CLI, standalone page) or a grid (the workbook open in Excel).
 */
export async function generateScoreSheets(input: GenerateInput): Promise<GeneratedScoreSheets> {
  const { profile } = input;
  const { round, rubric, blind, grouped, candidates, experts, assignment } = await planScoreSheets(input);

  const batch = randomId(8);
  const generatedAt = (input.now ?? new Date()).toISOString();
  const programme = { id: profile.id, name: profile.name.zh };
  const byCode = new Map<string, Candidate>(candidates.candidates.map((c) => [c.code, c]));
  const nameCount = new Map<string, number>();
  for (const e of experts.experts) nameCount.set(e.name, (nameCount.get(e.name) ?? 0) + 1);

  const sheets: GeneratedScoreSheets['sheets'] = [];
  const keyExperts: KeyExpert[] = [];
  const withSheets = experts.experts.filter((e) => assignment.byExpert.has(e.code));
  for (const e of experts.experts) {
    const codes = assignment.byExpert.get(e.code);
    const password = randomPassword();
    if (!codes) {
      keyExperts.push({ ...e, file: '', password: '' });
      continue;
    }
    // Two experts of the same name: the code tells the files apart.
    const name = scoreSheetFileName(e.name, round, (nameCount.get(e.name) ?? 0) > 1 ? e.code : '');
    const { bytes } = await writeScoreSheet({
      programme,
      programmeTitle: profile.shortName.zh,
      round,
      rubric,
      expert: e,
      candidates: codes.map((c) => byCode.get(c)!),
      blind,
      batch,
      password,
      generatedAt,
    });
    sheets.push({ name, bytes, expert: e, candidates: codes.length });
    keyExperts.push({ ...e, file: name, password });
    input.onProgress?.(sheets.length, withSheets.length);
  }
  const keyMeta = await buildKeyMeta({
    batch,
    programme,
    round,
    blind,
    grouped,
    rubric: rubricRef(rubric),
    candidates: candidates.candidates,
    experts: keyExperts,
    assignment: Object.fromEntries(assignment.byExpert),
    exclusions: assignment.exclusions,
    generatedAt,
  });
  const src = candidates.source;
  const keyBytes = await writeKeyWorkbook({
    meta: keyMeta,
    programmeTitle: profile.shortName.zh,
    sourceNote: `${input.candidates.name} · 工作表“${src.sheet}”（${src.table.zh}）第 ${src.firstRow}–${src.lastRow} 行`,
    problems: assignment.problems,
  });
  return {
    round,
    rubric,
    blind,
    grouped,
    candidates,
    experts,
    assignment,
    sheets,
    key: { name: keyFileName(round), bytes: keyBytes },
    problems: assignment.problems,
  };
}
