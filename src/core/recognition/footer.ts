/**
 * The footer lines of a summary sheet (推荐单位（加盖公章）· 联系人 · 联系电话 · 邮箱) as people type them: one
 * line per cell ("联系人：林晓"), a label and its value in the cells to its right ("联系人：" | "林晓"), several
 * labels in one cell ("联系人：林晓 电话：021-55885591 邮箱：…"), label synonyms (电话 / 手机 / 联系方式;
 * 电子邮箱 / E-mail), spaced-out labels ("联 系 人："), Traditional characters.
 */
import type { SheetGrid } from '../model/grid';
import type { Profile } from '../profiles/schema';
import { toHalfWidth } from '../checks/halfwidth';
import { cellText, headerKey, isBlank, simplify } from '../text/normalize';

export type FooterKey = 'unit' | 'contact' | 'phone' | 'email';
export const FOOTER_KEYS: readonly FooterKey[] = ['unit', 'contact', 'phone', 'email'];

export interface FooterEntry {
  /** Label cell. */
  labelRow: number;
  labelCol: number;
  /** Where the value is (the label cell itself for "联系人：林晓"). */
  row: number;
  col: number;
  value: string;
}

export type Footer = Partial<Record<FooterKey, FooterEntry>>;

/** Labels people write for each line, besides the profile's own. A bracketed note after any label is allowed. */
const SYNONYMS: Record<FooterKey, readonly string[]> = {
  unit: ['推荐单位', '推荐单位名称', '推荐单位盖章', '报送单位', '填报单位', '单位盖章', '单位名称'],
  contact: ['联系人', '联系人姓名', '经办人'],
  phone: ['联系电话', '联系人电话', '电话', '手机', '手机号', '手机号码', '联系手机', '联系方式', '办公电话', '固定电话', '座机'],
  email: ['邮箱', '电子邮箱', '邮箱地址', '电子邮件', '邮件', '电子信箱', 'e-mail', 'email', 'mail'],
};
/** "联系人及电话：林晓 13812345678": a contact and a phone under one label. */
const CONTACT_AND_PHONE = /^(联系人)(?:及|和|与|\/|、)(联系电话|电话|手机|联系方式)$/;

interface LabelMatch {
  key: FooterKey | 'contactPhone';
  start: number;
  end: number;
}

const cache = new WeakMap<Profile['footer'], { re: RegExp; keyOf: Map<string, FooterKey> }>();

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function labelPattern(footer: Profile['footer']): { re: RegExp; keyOf: Map<string, FooterKey> } {
  let c = cache.get(footer);
  if (c) return c;
  const keyOf = new Map<string, FooterKey>();
  for (const key of FOOTER_KEYS) for (const l of [footer[key], ...SYNONYMS[key]]) if (!keyOf.has(headerKey(l))) keyOf.set(headerKey(l), key);
  // Longest first, each character may be followed by spaces ("联 系 人").
  const words = [...keyOf.keys()].sort((a, b) => b.length - a.length);
  const spaced = (w: string) => [...w].map(escape).join('\\s*');
  const label = `(?:${spaced('联系人')}\\s*(?:及|和|与|/|、)\\s*(?:${['联系电话', '电话', '手机', '联系方式'].map(spaced).join('|')})|${words.map(spaced).join('|')})`;
  // A label opens the cell or follows a space or a separator, may carry a bracketed note, and is followed by
  // a colon, or (at the start of the cell) by spaces or the end of the cell.
  const re = new RegExp(`(^|[\\s,，;；、。])(${label})\\s*(?:\\([^()]{0,12}\\))?\\s*(?:[:：]|(?=\\s)|$)`, 'gi');
  c = { re, keyOf };
  cache.set(footer, c);
  return c;
}

/** A cell's text with full-width forms and Traditional characters folded, when that keeps its length. */
function matchText(v: string): string {
  const t = simplify(toHalfWidth(v));
  return t.length === v.length ? t : toHalfWidth(v);
}

function labelsIn(text: string, footer: Profile['footer']): LabelMatch[] {
  const { re, keyOf } = labelPattern(footer);
  const out: LabelMatch[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    // A label in the middle of a text needs its colon ("上海电话机厂" names no label).
    const start = m.index + m[1].length;
    if (start > 0 && !/[:：]\s*$/.test(m[0])) continue;
    const word = headerKey(m[2]);
    const key = CONTACT_AND_PHONE.test(word) ? 'contactPhone' : keyOf.get(word);
    if (key) out.push({ key, start, end: m.index + m[0].length });
    if (m[0].length === 0) re.lastIndex++;
  }
  return out;
}

const VALUE_EDGES = /^[\s,，;；、:：]+|[\s,，;；、]+$/g;
const PHONE_RUN = /(?:\+?86[-\s]?)?(?:\d[\d\s\-－—()（）]{5,}\d)(?:\s*(?:转|-|－)\s*\d{1,5})?/;

export interface FooterScan {
  footer: Footer;
  /** First row not read: a label already found appears again (the next block's lines), or `to`. */
  stop: number;
}

/**
 * The footer lines in rows [from, to): each line once, the first occurrence wins; a label seen again ends the
 * scan (it belongs to the next block). `only` limits the lines looked for (the lines a block lacks below its
 * table, looked for above its header).
 */
export function parseFooter(sheet: SheetGrid, from: number, to: number, profile: Profile, only: readonly FooterKey[] = FOOTER_KEYS): FooterScan {
  const found: Footer = {};
  const last = Math.min(sheet.rows.length, to);
  for (let r = from; r < last; r++) {
    const cells = sheet.rows[r] ?? [];
    for (let c = 0; c < cells.length; c++) {
      const v = cells[c];
      if (typeof v !== 'string' || isBlank(v) || v.length > 200) continue;
      const text = matchText(v);
      const labels = labelsIn(text, profile.footer);
      if (labels.length === 0) continue;
      for (let i = 0; i < labels.length; i++) {
        const l = labels[i];
        const keys: FooterKey[] = l.key === 'contactPhone' ? ['contact', 'phone'] : [l.key];
        if (keys.some((k) => found[k] && only.includes(k))) return { footer: found, stop: r };
        const inline = v.slice(l.end, i + 1 < labels.length ? labels[i + 1].start : v.length).replace(VALUE_EDGES, '');
        const row = r;
        let col = c;
        let value = inline;
        // "联系人：" alone (the cell holds nothing after its last label): the value is in a cell to the right.
        if (!inline && i === labels.length - 1) {
          for (let k = c + 1; k < Math.min(cells.length, c + 7); k++) {
            const w = cells[k];
            if (isBlank(w ?? null)) continue;
            // The next cell may be another label ("联系人：" | "联系电话："): then this label has no value.
            if (typeof w === 'string' && labelsIn(matchText(w), profile.footer).some((x) => x.start === 0)) break;
            col = k;
            value = cellText(w).trim();
            break;
          }
        }
        if (l.key === 'contactPhone') {
          const phone = PHONE_RUN.exec(value);
          const entry = { labelRow: r, labelCol: c, row, col };
          if (only.includes('contact') && !found.contact) found.contact = { ...entry, value: (phone ? value.replace(phone[0], '') : value).replace(VALUE_EDGES, '') };
          if (only.includes('phone') && !found.phone) found.phone = { ...entry, value: phone ? phone[0].trim() : '' };
          continue;
        }
        const key = l.key;
        if (!only.includes(key) || found[key]) continue;
        found[key] = { labelRow: r, labelCol: c, row, col, value };
      }
    }
  }
  return { footer: found, stop: last };
}
