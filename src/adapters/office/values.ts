/**
 * Office.js cell data (values + valueTypes + numberFormat) → the core's CellValue contract (see
 * core/model/grid.ts). Pure: tested without Excel.
 */
import type { CellValue } from '../../core/model/grid';
import { excelSerialToDate } from '../../core/model/dates';

const DATE_FORMAT_CACHE = new Map<string, boolean>();

/**
 * True when an Excel number format shows a date (yyyy/m/d, yyyy"年"m"月"d"日", [$-804]aaaa, d-mmm-yy…).
 * Only the first section counts (the one for positive numbers). Quoted text, escaped characters, padding
 * (_x, *x), colours and locale tags ([Red], [$-804], [DBNum1]) are ignored. Time-only formats (h:mm, mm:ss)
 * and elapsed times ([h]:mm) are not dates: they stay numbers.
 */
export function isDateFormat(format: string): boolean {
  const cached = DATE_FORMAT_CACHE.get(format);
  if (cached !== undefined) return cached;
  const result = computeIsDateFormat(format);
  if (DATE_FORMAT_CACHE.size < 2000) DATE_FORMAT_CACHE.set(format, result);
  return result;
}

function computeIsDateFormat(format: string): boolean {
  if (!format) return false;
  // First section, split on ";" outside quotes and escapes.
  let section = '';
  let inQuote = false;
  for (let i = 0; i < format.length; i++) {
    const ch = format[i];
    if (ch === '"') inQuote = !inQuote;
    else if (ch === '\\' && !inQuote) {
      section += ch + (format[i + 1] ?? '');
      i++;
      continue;
    } else if (ch === ';' && !inQuote) break;
    section += ch;
  }
  let f = section
    .replace(/"[^"]*"?/g, '')
    .replace(/\\./g, '')
    .replace(/[_*]./g, '');
  if (/^\s*general\s*$/i.test(f)) return false;
  if (/\[(h+|m+|s+)\]/i.test(f)) return false; // elapsed time
  f = f.replace(/\[[^\]]*\]/g, '');
  f = f.replace(/E[+-]/gi, ''); // scientific notation
  if (/[yd]/i.test(f)) return true;
  if (/aaa/i.test(f)) return true; // Chinese weekday (星期一)
  if (/e/i.test(f)) return true; // era year
  return /m/i.test(f) && !/[hs]/i.test(f);
}

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
