/**
 * What the 专家评分 and 培育跟踪 sections ask for: the CLI's own scoring and cultivation code, run on the
 * workbook a host supplies (WorkbookSource) and on files the user picks. Components and hooks talk only to this
 * interface; its one implementation (tools/workflows.ts, over the exceljs adapter) is loaded by tools/load.ts as
 * a chunk of its own, so the pane's first load carries neither exceljs nor jszip. Failures are HostErrors worded
 * for the pane's controls.
 */
import type { Localized } from '../../core/model/findings';
import type { SimpleDate } from '../../core/model/dates';
import type { Profile } from '../../core/profiles/schema';
import type { CandidateSource } from '../../core/scoring/candidates';
import type { RolloverReport } from '../../core/cultivation/rollover';
// Result shapes only (erased from the bundle): the adapter defines what it returns.
import type { ScoringPlan } from '../../adapters/exceljs/scoring/generate';
import type { ConsolidatedRound } from '../../adapters/exceljs/scoring/consolidate-files';
import type { CreateTrackingResult } from '../../adapters/exceljs/cultivation';
import type { WorkbookSource } from './workbook-host';

export type { ScoringPlan, ConsolidatedRound, RolloverReport };

/** A file the user picked (an expert list, returned score sheets, a tracking workbook). */
export interface NamedFile {
  name: string;
  bytes: Uint8Array;
  /** Milliseconds since 1970: orders an expert's files when a workbook records no save time. */
  lastModified?: number;
  /** The file could not be read (returned score sheets only): it is rejected alone, with this reason. */
  unreadable?: Localized;
}

export interface CandidateInfo {
  count: number;
  source: CandidateSource;
  /** The candidate table has a 组别 column. */
  hasGroups: boolean;
}

export interface ScoringOptions {
  profile: Profile;
  /** The open workbook, whose candidates are scored. */
  source: WorkbookSource;
  experts: NamedFile;
  round?: string;
  blind?: boolean;
  /** Assign candidates to the experts of their 组别. */
  groupBy?: boolean;
}

export interface ScoreSheetsZip {
  zip: Uint8Array;
  round: string;
  sheets: { name: string; expert: string; candidates: number }[];
  /** The organiser's 评分安排 workbook in the zip (never sent to experts). */
  keyName: string;
}

export interface ConsolidateOptions {
  profile: Profile;
  files: NamedFile[];
  round?: string;
  top?: number;
  onProgress?: (done: number, total: number, file: string) => void;
}

export interface TrackingOptions {
  /** The open workbook, whose nominees become the trainees. */
  source: WorkbookSource;
  year: number;
  start?: SimpleDate;
}

export type TrackingWorkbook = CreateTrackingResult & { profile: Profile };

export interface RolloverResult {
  bytes: Uint8Array;
  report: RolloverReport;
  year: number;
}

export interface WorkbookTools {
  /** Who the candidates of the open workbook are, before any expert list is picked. */
  candidateInfo(profile: Profile, source: WorkbookSource): Promise<CandidateInfo>;
  /** The assignment (who scores whom, conflicts of interest, problems) without writing anything. */
  planScoring(o: ScoringOptions): Promise<ScoringPlan>;
  /** Every expert's workbook and the organiser's key in one .zip. */
  scoreSheetsZip(o: ScoringOptions & { onProgress?: (done: number, total: number) => void }): Promise<ScoreSheetsZip>;
  /** Reads and checks every returned file and ranks the candidates. */
  consolidate(o: ConsolidateOptions): Promise<ConsolidatedRound>;
  /** The result workbook; `chart: false` where inserted sheets cannot keep a chart (Excel on the web). */
  resultWorkbook(round: ConsolidatedRound, opts?: { chart?: boolean }): Promise<Uint8Array>;
  /** The result workbook's sheets users read (what is inserted into an open workbook). */
  readonly resultSheetNames: readonly string[];
  /** A tracking workbook for the nominees of the open workbook. */
  trackingWorkbook(o: TrackingOptions): Promise<TrackingWorkbook>;
  /** Next year's tracking workbook from a filled one; without a year, the year after the workbook's own. */
  rollover(o: { file: NamedFile; year?: number }): Promise<RolloverResult>;
}
