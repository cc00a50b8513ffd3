/**
 * What a row under a header is, as a person reading the sheet would tell: a nominee, or one of the rows people
 * put in and around a table that are not nominees (totals, notes, footer and signature lines, a block's title,
 * a one-cell section label, blank separators). Only nominee rows get nominee checks.
 *
 * Runs on every row of every table: a row is decided on its first filled cells, and text is folded only when
 * the first character could start one of the words below.
 */
import type { CellValue } from '../model/grid';
import { fold, isBlank } from '../text/normalize';

export type RowKind =
  /** Nothing typed. */
  | 'blank'
  /** Ends the table's data: 推荐单位（盖章）, 联系人, 联系电话, 邮箱, 填表人, 审核人, 日期 and signature lines. */
  | 'footer'
  /** 注：…, 说明：…, and the numbered lines of a note; the table may go on below. */
  | 'note'
  /** 合计, 小计, 共 N 人, （以下空白）. */
  | 'total'
  /** A date alone ("2025年3月20日", "    年   月   日"): the date of the signature; an activity log's half-typed row may look the same, so the table goes on. */
  | 'date'
  /** One cell naming a table (“…推荐汇总表”): the title of the next block. */
  | 'title'
  /** One cell outside the name column (a unit's name above its nominees, a stray number). */
  | 'section'
  | 'data';

/** First characters of the words below (simplified and traditional), and of brackets and stars before them. */
const MAY_START = /^[\s\u3000*＊※]*[推联聯邮郵电電注註说說填审審合总總小共计計累签簽盖蓋日制经經负負以备備附单單报報手此空座办辦固(（ＥEe]/;
const FOOTER_LABEL =
  /^(?:推荐单位|报送单位|填报单位|联系人|联系电话|联系方式|联系手机|手机|电话|办公电话|固定电话|座机|邮箱|电子邮箱|电子邮件|电子信箱|e-?mail|填表人|制表人|审核人|审批人|负责人|单位负责人|主要负责人|经办人|签字|签名|签章|盖章|\(?盖章\)?|\(?公章\)?|单位盖章|单位\(盖章\)|日期|填表日期|填报日期|报送日期|制表日期)/;
const NOTE = /^(?:注|备注|附注|说明|填表说明|填报说明|注意事项?)\s*\d*\s*[:：、.．]|^注$|^[*※]/;
const TOTAL = /^(?:合计|总计|小计|共计|累计|总人数|人数合计|以下空白|以下无|此处空白|空白)|^共[\d一二三四五六七八九十百]+(?:人|名|位|项)/;
const TITLE = /汇总表|推荐表|申报表|审批表|名单|名册|一览表|统计表|明细表|信息表/;
/** Numbered note lines under a 注： ("2、身份证号请以文本格式填写", "（3）…"). */
const NUMBERED = /^\s*(?:\d{1,2}\s*[、.．)）]|[(（]\s*\d{1,2}\s*[)）]|[一二三四五六七八九十]{1,2}\s*、)/;
const DATE_LINE =
  /^(?:(?:19|20)\d{2}|[〇○零一二两三四五六七八九]{4})?\s*年\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})?\s*月\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})?\s*日?$/;
const LONE_DATE = /^(?:19|20)\d{2}\s*[-/.]\s*\d{1,2}\s*[-/.]\s*\d{1,2}$/;

/** Folded start of a text that may be one of the words above; '' when its first character rules that out. */
function leadKey(v: string): string {
  return MAY_START.test(v) ? fold(v.slice(0, 16)).toLowerCase().replace(/^[*＊(]+/, '') : '';
}

/** A date typed as text; a real date cell alone is left as data (an activity log's row with only its date typed). */
function isDateText(v: CellValue, lone: boolean): boolean {
  if (typeof v !== 'string') return false;
  const t = v.trim();
  return DATE_LINE.test(t) || (lone && LONE_DATE.test(t));
}

/**
 * The kind of one row. `nameCol`: the table's name column, if any (a one-cell row elsewhere is a section
 * label, not a nominee whose every other cell is empty).
 */
export function classifyRow(cells: readonly CellValue[] | undefined, nameCol?: number): RowKind {
  if (!cells) return 'blank';
  let first = -1;
  let second = -1;
  let filled = 0;
  // Counted up to 9 only when the first cell may start a footer label; else 5 is enough to decide.
  let limit = 5;
  for (let c = 0; c < cells.length; c++) {
    if (isBlank(cells[c] ?? null)) continue;
    filled++;
    if (first < 0) {
      first = c;
      const v = cells[c];
      if (typeof v === 'string' && MAY_START.test(v)) limit = 9;
    } else if (second < 0) second = c;
    if (filled >= limit) break;
  }
  if (filled === 0) return 'blank';
  const v = cells[first];
  if (typeof v === 'string') {
    const k = leadKey(v);
    if (k) {
      if (FOOTER_LABEL.test(k) && filled <= 8) return 'footer';
      if (NOTE.test(k)) return 'note';
      if (TOTAL.test(k)) return 'total';
    }
  }
  if (filled <= 2 && isDateText(v, filled === 1) && (second < 0 || isDateText(cells[second], false))) return 'date';
  if (second >= 0 && filled <= 4) {
    const w = cells[second];
    if (typeof w === 'string' && TOTAL.test(leadKey(w))) return 'total';
  }
  if (filled === 1 && typeof v === 'string') {
    if (NUMBERED.test(v) || v.trim().length > 30) return 'note';
    if (v.trim().length >= 6 && TITLE.test(v)) return 'title';
  }
  // A date alone is a record half typed (an activity's date), not a label: it stays a row to check.
  if (filled === 1 && nameCol !== undefined && first !== nameCol && !(v instanceof Date)) return 'section';
  return 'data';
}
