/**
 * Number formats as the readers see them: the codes of Excel's built-in format ids (files store only the id),
 * and which codes show a date. Both readers — exceljs (through exceljs-patches.ts) and the fast reader — use these,
 * so a cell is a Date in one exactly when it is in the other. Part of the OOXML toolkit (this folder); browser-safe.
 */

/**
 * The built-in ids exceljs knows whatever the locale (its lib/xlsx/defaultnumformats.js entries with a plain `f`).
 * Ids missing here have no code: their cells read as numbers.
 */
const INVARIANT_BUILTIN_FORMATS: Readonly<Record<number, string>> = {
  0: 'General',
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  14: 'mm-dd-yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yy "h":mm',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00 ;(#,##0.00)',
  40: '#,##0.00 ;[Red](#,##0.00)',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
  48: '##0.0E+0',
  49: '@',
};

/**
 * Excel stores some date formats as built-in ids whose format code depends on the reader's locale, with no
 * <numFmt> entry in the file. These are the zh-CN codes of those ids (what Chinese Excel and WPS write): a birth
 * date formatted "1980年1月1日" is then a date, not the serial number 29221.
 */
export const ZH_CN_BUILTIN_FORMATS: Readonly<Record<number, string>> = (() => {
  const yearMonth = 'yyyy"年"m"月"';
  const monthDay = 'm"月"d"日"';
  const am = '上午/下午 h"时"mm"分"';
  const amSeconds = '上午/下午 h"时"mm"分"ss"秒"';
  return {
    27: yearMonth,
    28: monthDay,
    29: monthDay,
    30: 'm-d-yy',
    31: 'yyyy"年"m"月"d"日"',
    32: 'h"时"mm"分"',
    33: 'h"时"mm"分"ss"秒"',
    34: am,
    35: amSeconds,
    36: yearMonth,
    50: yearMonth,
    51: monthDay,
    52: yearMonth,
    53: monthDay,
    54: monthDay,
    55: am,
    56: amSeconds,
    57: yearMonth,
    58: monthDay,
  };
})();

/**
 * The code of a cell style's number format: what the file declares for the id, else the zh-CN code of a
 * locale-dependent built-in id, else the invariant built-in code (exceljs' order, with its patch installed).
 * Id 0 (General) has none.
 */
export function numberFormatCode(id: number, declared: ReadonlyMap<number, string>): string | undefined {
  if (!id) return undefined;
  return declared.get(id) || ZH_CN_BUILTIN_FORMATS[id] || INVARIANT_BUILTIN_FORMATS[id] || undefined;
}

/**
 * Whether a format code shows a date or time: after dropping [bracketed] parts and "quoted" text, it has one of
 * y m d h M s b (exactly exceljs' test, written as one linear pass: codes come from the file).
 */
export function isDateFormat(code: string | undefined): boolean {
  if (!code) return false;
  const noBrackets = dropDelimited(code, 91 /* [ */, 93 /* ] */);
  const plain = dropDelimited(noBrackets, 34, 34);
  for (let i = 0; i < plain.length; i++) {
    switch (plain.charCodeAt(i)) {
      case 121: // y
      case 109: // m
      case 100: // d
      case 104: // h
      case 77: // M
      case 115: // s
      case 98: // b
        return true;
    }
  }
  return false;
}

/** The text without each open…close group (an opener with no closer after it stays). */
function dropDelimited(s: string, open: number, close: number): string {
  let out = '';
  let from = 0;
  let noMoreClosers = false;
  for (let i = 0; i < s.length; i++) {
    if (s.charCodeAt(i) !== open || noMoreClosers) continue;
    const end = s.indexOf(String.fromCharCode(close), i + 1);
    if (end < 0) {
      noMoreClosers = true;
      continue;
    }
    out += s.slice(from, i);
    from = end + 1;
    i = end;
  }
  return from === 0 ? s : out + s.slice(from);
}
