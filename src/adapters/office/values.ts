/**
 * Office.js cell data (values + valueTypes + numberFormat) → the core's CellValue contract (see
 * core/model/grid.ts). Pure: tested without Excel.
 */
import type { CellValue } from '../../core/model/grid';
import { excelSerialToDate } from '../../core/model/dates';
import { isDateNumberFormat } from '../../core/model/number-formats';

/** Excel's number formats are read by the core's one date-format test (shared with WPS). */
export const isDateFormat = isDateNumberFormat;

/** Excel serial → Date: the core's excelSerialToDate, under the name this adapter's tests use. */
export const serialToDate = excelSerialToDate;

/**
 * One cell. valueTypes decides: Error → {error}, Empty → null, Boolean → boolean, Integer/Double → number
 * (a Date when the number format is a date format), String → the text as is. Unknown / RichValue (linked data
 * types, images) fall back on the JavaScript type of the value.
 */
export function convertCell(value: unknown, type: string | undefined, format: unknown): CellValue {
  switch (type) {
    case 'Empty':
      return null;
    case 'Error':
      return { error: typeof value === 'string' && value ? value : '#VALUE!' };
    case 'Boolean':
      return typeof value === 'boolean' ? value : String(value).toUpperCase() === 'TRUE';
    case 'Integer':
    case 'Double':
      if (typeof value === 'number') return numberValue(value, format);
      return typeof value === 'string' ? value : null;
    case 'String':
      return typeof value === 'string' ? value : value === null || value === undefined ? null : String(value);
    default:
      if (value === null || value === undefined || value === '') return null;
      if (typeof value === 'number') return numberValue(value, format);
      if (typeof value === 'boolean' || typeof value === 'string') return value;
      return null;
  }
}

function numberValue(n: number, format: unknown): CellValue {
  if (Number.isNaN(n)) return null;
  if (typeof format === 'string' && isDateFormat(format)) return serialToDate(n) ?? n;
  return n;
}

/** A block of loaded arrays → rows of CellValue (missing arrays or cells read as empty). */
export function convertRows(values: unknown[][], types: string[][] | undefined, formats: unknown[][] | undefined): CellValue[][] {
  const out: CellValue[][] = new Array(values.length);
  for (let r = 0; r < values.length; r++) {
    const vr = values[r] ?? [];
    const tr = types?.[r];
    const fr = formats?.[r];
    const row: CellValue[] = new Array(vr.length);
    for (let c = 0; c < vr.length; c++) row[c] = convertCell(vr[c], tr?.[c], fr?.[c]);
    out[r] = row;
  }
  return out;
}
