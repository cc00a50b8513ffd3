/**
 * What the 专家评分 and 培育跟踪 sections ask for: the CLI's own scoring and cultivation code, run on the
 * workbook a host supplies (WorkbookSource) and on files the user picks. Components and hooks talk only to this
 * interface; its one implementation (tools/workflows.ts, over the exceljs adapter) is loaded by tools/load.ts as
 * a chunk of its own, so the pane's first load carries neither exceljs nor jszip. Failures are HostErrors worded
 * for the pane's controls.
 */
import type { SimpleDate } from '../../core/model/dates';
import type { FindingCounts, Lang, Localized, Severity } from '../../core/model/findings';
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
  /** A ranking ballot (会审答辩): each expert orders the candidates; Borda count. */
  ballot?: boolean;
}

export interface ScoreSheetsZip {
  zip: Uint8Array;
  round: string;
  /** Each expert's workbook, in the zip's 评分表 folder (`folder`). */
  sheets: { name: string; folder: string; expert: string; candidates: number }[];
  /** The organiser's 评分安排 workbook, in a folder of its own (never sent to experts). */
  keyName: string;
  keyFolder: string;
}

export interface ConsolidateOptions {
  profile: Profile;
  files: NamedFile[];
  round?: string;
  top?: number;
  /** Consolidate without the organiser's key file: nothing is verified and every output says so. */
  allowUnverified?: boolean;
  onProgress?: (done: number, total: number, file: string) => void;
}

/** A 定稿 copy: frozen, protected, with the SHA-256 of its contents. */
export interface FinalCopy {
  bytes: Uint8Array;
  hash: string;
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

/** A finding of the forms workflow as the pane lists it: where (a Word file and label, or a cell) and what. */
export interface FormFindingView {
  severity: Severity;
  /** "林晓.docx「身份证」", or "林晓!B5「身份证」" on a sheet. */
  where: string;
  message: Localized;
  /** The rule's name, as people read it. */
  rule: Localized;
  nominee?: string;
}

/** Word forms (and form sheets) read into a checked workbook. */
export interface FormsRead {
  profile: Profile;
  /** The workbook made from them: 推荐汇总表, 申报信息, 统计表. */
  workbook: Uint8Array;
  /** Its sheets (inserting them into the open workbook renames any that are taken). */
  sheetNames: string[];
  fileName: string;
  nominees: string[];
  /** How many nominees came from forms (the rest from tables). */
  forms: number;
  /** Files that could not be read, and why. */
  problems: { file: string; message: Localized }[];
  findings: FormFindingView[];
  counts: FindingCounts;
}

/** Printed forms, 汇总表 and 统计表 of the open workbook, as one zip. */
export interface PrintedForms {
  zip: Uint8Array;
  fileName: string;
  files: string[];
  /** Errors still in the nominations (the forms are printed anyway; the pane says so). */
  errors: number;
}

/** The e-mail package of the open workbook, or why it was not made. */
export interface PackView {
  name: string;
  fileName: string;
  zip?: Uint8Array;
  files: string[];
  counts: FindingCounts;
  /** Errors remain and packing anyway was not asked for. */
  refused: boolean;
  findings: FormFindingView[];
  /** Where it goes (the notice's e-mail and address). */
  email?: string;
}

/** The 申报表 section: the CLI's `forms read`, `forms write` and `pack`. */
export interface FormTools {
  readForms(o: { files: NamedFile[]; profile?: Profile; asOf?: string }): Promise<FormsRead>;
  printForms(o: { source: WorkbookSource; profile?: Profile }): Promise<PrintedForms>;
  pack(o: { source: WorkbookSource; profile?: Profile; force: boolean; lang: Lang }): Promise<PackView>;
}

export interface WorkbookTools {
  /** Word forms in, printed forms and the e-mail package out. */
  readonly forms: FormTools;
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
  /** The result workbook's sheets (what is inserted into an open workbook; the calculation sheets stay hidden). */
  readonly resultSheetNames: readonly string[];
  /** The 定稿 copy of a round's result workbook. */
  finalCopy(round: ConsolidatedRound): Promise<FinalCopy>;
  /** A tracking workbook for the nominees of the open workbook. */
  trackingWorkbook(o: TrackingOptions): Promise<TrackingWorkbook>;
  /** Next year's tracking workbook from a filled one; without a year, the year after the workbook's own. */
  rollover(o: { file: NamedFile; year?: number }): Promise<RolloverResult>;
}
