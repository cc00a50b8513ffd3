/**
 * How each sheet of the tracking workbook prints (core/model/print-layout.ts): A4, title and header rows on every
 * page, wide tables over as many pages across as keeps the text readable.
 *
 * Only the trainee list and 助企行服务统计 get a fixed print area: their formulas are filled in ahead to the
 * table's capacity (so that a typed trainee gets them), and those formula cells would otherwise print as
 * hundreds of blank rows. The area covers the written trainees and at least one page of rows, so that the few
 * trainees a unit usually adds by hand print without resetting it. The other sheets hold only what was written
 * or typed, so they print their used cells and keep printing every row a unit adds during the year.
 */
import { PrintLayout, tablePrintLayout } from '../model/print-layout';
import { HEADER_ROW, TITLE_ROW, TrackingTable } from './design';
import { SERVICE_LAYOUT } from './formulas';
import type { ColumnPlan } from './sheets';

/** Column widths (characters) of the sheets that are not tables. */
export const GUIDE_WIDTHS: readonly number[] = [16, 90, 3, 30, 14, 40];
export const SERVICE_WIDTHS: readonly number[] = [14, 26, 20, 10, 10, 16];
export const DASHBOARD_WIDTHS: readonly number[] = [34, 14, 14, 12, 60];

/** Tables whose rows carry formulas filled in ahead (traineeFormulaCells): printed to a fixed area. */
const PREFILLED: ReadonlySet<TrackingTable> = new Set<TrackingTable>(['details']);

/** Trainee rows printed at least: one landscape page of the list (typed ones within it print as they come). */
export const MIN_PRINTED_TRAINEES = 25;

function printedTrainees(written: number): number {
  return Math.max(written, MIN_PRINTED_TRAINEES);
}

/** A table sheet (or a 历史· sheet) with `rows` written rows. */
export function tablePrint(key: TrackingTable | 'history', columns: readonly ColumnPlan[], rows: number): PrintLayout {
  const widths = columns.map((c) => c.width);
  const lastRow = key !== 'history' && PREFILLED.has(key) ? HEADER_ROW + printedTrainees(rows) : undefined;
  return tablePrintLayout(widths, lastRow, [TITLE_ROW, HEADER_ROW]);
}

/** 助企行服务统计: its rows mirror the trainee list's, formulas filled in to the list's capacity. */
export function servicePrint(trainees: number): PrintLayout {
  const { headerRow } = SERVICE_LAYOUT;
  return tablePrintLayout(SERVICE_WIDTHS, headerRow + printedTrainees(trainees), [headerRow, headerRow]);
}

export function guidePrint(): PrintLayout {
  return tablePrintLayout(GUIDE_WIDTHS, undefined);
}

export function dashboardPrint(): PrintLayout {
  return tablePrintLayout(DASHBOARD_WIDTHS, undefined);
}
