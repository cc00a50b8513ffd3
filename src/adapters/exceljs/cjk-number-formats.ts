/**
 * Excel stores some date formats as built-in ids whose format code depends on the reader's locale
 * (27–36 and 50–58: "yyyy年m月d日", "m月d日", "h时mm分"… in zh-CN). exceljs knows their codes only per
 * locale and gives such a cell no number format at all, so a birth date formatted "1980年1月1日" loads as
 * the serial number 29221 and an exceljs round trip writes it back as "General" (the date shows as a
 * number). Giving these ids their zh-CN codes fixes both: the cell loads as a Date and is written back
 * with the same format as an explicit code.
 *
 * This patches exceljs's table of built-in formats once per process (Node). In a browser bundle exceljs
 * is a prebuilt file whose table cannot be reached, and this does nothing.
 */

// Module-scoped so this file also compiles where Node's types are absent (browser builds).
declare const require: (id: string) => unknown;

type BuiltinFormats = Record<string, { f?: string; 'zh-cn'?: string } | undefined>;

let patched = false;

export function patchCjkBuiltinNumberFormats(): void {
  if (patched) return;
  patched = true;
  let table: BuiltinFormats | undefined;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    table = require('exceljs/lib/xlsx/defaultnumformats') as BuiltinFormats;
  } catch {
    return;
  }
  if (!table || typeof table !== 'object') return;
  for (const id of Object.keys(table)) {
    const entry = table[id];
    if (entry && typeof entry === 'object' && entry.f === undefined && typeof entry['zh-cn'] === 'string') {
      entry.f = entry['zh-cn'];
    }
  }
}
