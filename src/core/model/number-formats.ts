/**
 * Number formats as spreadsheets store them ("yyyy/m/d", "0.00", "[$-804]aaaa"): does a format show a date?
 * Hosts that hand over a cell as number + format (Office.js values/numberFormat, WPS Value2/NumberFormat) turn
 * date-formatted numbers into Dates with this and excelSerialToDate (dates.ts), so every reader gives the core
 * the same CellValue. Pure.
 */

const DATE_FORMAT_CACHE = new Map<string, boolean>();

/**
 * True when a number format shows a date (yyyy/m/d, yyyy"年"m"月"d"日", [$-804]aaaa, d-mmm-yy…). Only the first
 * section counts (the one for positive numbers). Quoted text, escaped characters, padding (_x, *x), colours and
 * locale tags ([Red], [$-804], [DBNum1]) are ignored. Time-only formats (h:mm, mm:ss) and elapsed times ([h]:mm)
 * are not dates: they stay numbers.
 */
export function isDateNumberFormat(format: string): boolean {
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
  if (/^\s*general\s*$/i.test(f) || /^\s*G\/通用格式\s*$/.test(f)) return false;
  if (/\[(h+|m+|s+)\]/i.test(f)) return false; // elapsed time
  f = f.replace(/\[[^\]]*\]/g, '');
  f = f.replace(/E[+-]/gi, ''); // scientific notation
  if (/[yd]/i.test(f)) return true;
  if (/aaa/i.test(f)) return true; // Chinese weekday (星期一)
  if (/e/i.test(f)) return true; // era year
  return /m/i.test(f) && !/[hs]/i.test(f);
}
