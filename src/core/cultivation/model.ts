/** What goes into a tracking workbook: rows by field key, per table (pure data, no exceljs). */
import { CellValue } from '../model/grid';
import { SimpleDate } from '../model/dates';
import { Profile } from '../profiles/schema';
import { HistoryTable } from './design';

/** One row of a table: field key → value (dates as Date at UTC midnight, as the adapters read them). */
export type Row = Record<string, CellValue>;

export interface HistoryRow {
  /** The cultivation year the row was recorded in. */
  year: number;
  values: Row;
}

export interface TrackingInput {
  /** A cultivation profile (sqc-cultivation-2026 or one that extends it). */
  profile: Profile;
  /** 培育年度. */
  year: number;
  /** Period start written for trainees that have none (default 1 January of `year`). */
  periodStart?: SimpleDate;
  /** Fixed statistics date on the dashboard; absent: =TODAY(). */
  asOf?: SimpleDate;
  /** Trainee list rows; a row without periodStart gets `periodStart`, without status 培育中. */
  trainees?: Row[];
  plans?: Row[];
  activities?: Row[];
  stageAssessments?: Row[];
  finalAssessments?: Row[];
  exits?: Row[];
  /** Earlier years' rows of carried trainees (rollover): written to the 历史· sheets. */
  history?: Partial<Record<HistoryTable, HistoryRow[]>>;
}
