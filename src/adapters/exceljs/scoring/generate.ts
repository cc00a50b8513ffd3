/**
 * Generating a round's score sheets from two workbooks (candidates, experts): bytes in, bytes out, no fs. The
 * lists are read here; who scores whom and which file each expert gets is the core's plan
 * (src/core/scoring/round-plan.ts); this file adds the batch id and secret, the passwords and the blind codes'
 * order, and writes the workbooks. The experts' sheets go in one folder (评分表), the organiser's key in another
 * (评分安排（内部，勿外发）), so that nobody sends the key by mistake: the CLI writes the two folders, the task pane
 * offers them as one zip (zip.ts).
 */
import type { Profile } from '../../../core/profiles/schema';
import type { Expert } from '../../../core/scoring/experts';
import { FOLDERS, KeyExpert, programmeRef } from '../../../core/scoring/metadata';
import { ScoringInputError, ScoringProblem } from '../../../core/scoring/problems';
import { expertSheets, keyFile, keyMetaOf, planRound, ScoringPlan } from '../../../core/scoring/round-plan';
import type { WorkbookGrid } from '../../../core/model/grid';
import { isWorkbookReadError } from '../errors';
import type { WorkbookBytes } from '../read-workbook';
import { readWorkbookBytes } from '../../files/read-workbook';
import { randomId, randomPassword } from './crypto';
import { blindSeed, newSecret } from './binding';
import { buildKeyMeta, writeKeyWorkbook, writeScoreSheet } from './scoresheet-writer';

export type { ScoringPlan } from '../../../core/scoring/round-plan';

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
  /** A ranking ballot (each expert orders the candidates; Borda count) instead of scores. */
  ballot?: boolean;
}

export interface GenerateInput extends PlanInput {
  now?: Date;
  /** Called after each expert's workbook is written. */
  onProgress?: (done: number, total: number) => void;
}

export interface GeneratedFile {
  name: string;
  /** The folder it belongs in: 评分表 (the experts' sheets) or 评分安排（内部，勿外发）(the key). */
  folder: string;
  bytes: Uint8Array;
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
    return await readWorkbookBytes(input.bytes, { name: input.name });
  } catch (e) {
    if (isWorkbookReadError(e)) throw new ScoringInputError({ zh: `${what} ${input.name}：${e.localized.zh}`, en: `${what} ${input.name}: ${e.localized.en}` });
    throw e;
  }
}

/**
 * Reads both lists and assigns candidates (conflicts of interest, groups) without writing anything: what the task
 * pane shows before the download. Throws ScoringInputError or RubricError, as generateScoreSheets does.
 */
export async function planScoreSheets(input: PlanInput, blindSeed?: Uint8Array): Promise<ScoringPlan> {
  const candidates = await readInput(input.candidates, '候选人文件');
  const experts = await readInput(input.experts, '专家名单');
  return planRound({ profile: input.profile, candidates, experts, round: input.round, blind: input.blind, groupBy: input.groupBy, ballot: input.ballot, blindSeed });
}

/**
 * Reads both lists, assigns candidates (conflicts of interest, groups) and writes every expert's workbook and the
 * key. Throws ScoringInputError (unusable input, with a one-line reason) or RubricError (bad rubric or round).
 * The candidates may be bytes (CLI, standalone page) or a grid (the workbook open in Excel).
 */
export async function generateScoreSheets(input: GenerateInput): Promise<GeneratedScoreSheets> {
  const { profile } = input;
  const batch = randomId(8);
  const secret = newSecret();
  const plan = await planScoreSheets(input, input.blind ? await blindSeed(secret, batch) : undefined);
  const { round, rubric, blind, mode } = plan;
  const generatedAt = (input.now ?? new Date()).toISOString();
  const programme = programmeRef(profile);

  const sheets: GeneratedScoreSheets['sheets'] = [];
  const keyExperts: KeyExpert[] = [];
  const parts = expertSheets(plan);
  const total = parts.filter((p) => p.fileName).length;
  for (const { expert, fileName, candidates } of parts) {
    if (!fileName) {
      keyExperts.push({ ...expert, file: '', password: '' });
      continue;
    }
    const password = randomPassword();
    const { bytes } = await writeScoreSheet({ programme, programmeTitle: profile.shortName.zh, round, mode, rubric, expert, candidates, blind, batch, secret, password, generatedAt });
    sheets.push({ name: fileName, folder: FOLDERS.sheets, bytes, expert, candidates: candidates.length });
    keyExperts.push({ ...expert, file: fileName, password });
    input.onProgress?.(sheets.length, total);
  }
  const keyMeta = await buildKeyMeta(keyMetaOf(plan, { programme, batch, secret, generatedAt, experts: keyExperts }));
  const key = keyFile(plan, input.candidates.name);
  const keyBytes = await writeKeyWorkbook({ meta: keyMeta, programmeTitle: profile.shortName.zh, sourceNote: key.sourceNote, problems: plan.assignment.problems });
  return { ...plan, sheets, key: { name: key.fileName, folder: key.folder, bytes: keyBytes }, problems: plan.assignment.problems };
}
