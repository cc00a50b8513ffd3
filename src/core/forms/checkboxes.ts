/**
 * Tick boxes on a form: "☑全国劳模 □上海市劳模 □否" printed from a value, and read back from what people make of
 * them — ☑ / √ / ■ / ✓ / ✔ / ☒ before or after an option, a box filled in Word, "农业户口（是）" — into the value a
 * details table holds ("全国劳模", or "全国劳模、上海市劳模" for a multiple choice). Pure string work, linear in the
 * text (choice cells are short; longer texts are left as typed).
 */
import type { FieldSpec } from '../profiles/schema';
import { fieldOptions, matchOption, matchOptions } from '../rules/options';
import { optionKey } from '../text/normalize';

export const TICKED = '☑';
export const UNTICKED = '□';

/** Marks people use for a ticked box, and for an empty one. */
const TICK_CHARS = new Set(['☑', '☒', '■', '√', '✓', '✔', '▣', '●', '◉', '⊠', '✅', '🗹']);
const BOX_CHARS = new Set(['□', '☐', '○', '◯', '▢', '◻', '⬜']);
/** Between an option and its mark: spaces, brackets, colons. */
const FILLER = /^[\s\u3000:：()（）[\]【】_＿]*$/;
const MAX_CHOICE_TEXT = 600;

/** Fields whose form value is a row of tick boxes. */
export function isChoiceField(f: FieldSpec): boolean {
  return f.type === 'enum' || f.type === 'multiEnum' || f.type === 'flag';
}

/** "☑高级技师  □技师  □无": every option of the field, ticked as the value says (nothing ticked when blank). */
export function renderChoices(field: FieldSpec, value: string): string {
  const ticked = new Set(value.trim() ? matchOptions(field, value).values : []);
  return fieldOptions(field)
    .map((o) => `${ticked.has(o) ? TICKED : UNTICKED}${o}`)
    .join('  ');
}

/** The options a value ticks that the printed boxes cannot show (an unknown answer), so nothing is lost on paper. */
export function unprintedChoice(field: FieldSpec, value: string): string | undefined {
  if (!value.trim()) return undefined;
  const { unknown } = matchOptions(field, value);
  return unknown.length ? unknown.join('、') : undefined;
}

interface Mark {
  at: number;
  end: number;
  ticked: boolean;
}

/** Tick and box characters (and, for fields without 是/否 options, a standalone 是 / 否) in the text. */
function findMarks(text: string, yesNoAreMarks: boolean): Mark[] {
  const marks: Mark[] = [];
  let i = 0;
  for (const ch of text) {
    const len = ch.length;
    if (TICK_CHARS.has(ch)) marks.push({ at: i, end: i + len, ticked: true });
    else if (BOX_CHARS.has(ch)) marks.push({ at: i, end: i + len, ticked: false });
    else if (yesNoAreMarks && (ch === '是' || ch === '否')) marks.push({ at: i, end: i + len, ticked: ch === '是' });
    i += len;
  }
  return marks;
}

/** Candidate spellings of the options (options and their aliases), longest first, as comparison keys. */
function spellings(field: FieldSpec): { key: string; option: string }[] {
  const options = fieldOptions(field);
  const out = options.map((o) => ({ key: optionKey(o), option: o }));
  for (const [alias, target] of Object.entries(field.optionAliases ?? {})) {
    if (options.includes(target) && alias.length > 1) out.push({ key: optionKey(alias), option: target });
  }
  return out.filter((s) => s.key).sort((a, b) => b.key.length - a.key.length);
}

/** The option a piece of text begins with (or ends with), e.g. "全国劳模 上海市劳模" → 全国劳模. */
function optionAtEdge(field: FieldSpec, text: string, edge: 'start' | 'end'): string | undefined {
  const whole = matchOption(field, text.trim());
  if (whole) return whole;
  const key = optionKey(text).replace(/[_＿:：]+$/, '');
  for (const s of spellings(field)) if (edge === 'start' ? key.startsWith(s.key) : key.endsWith(s.key)) return s.option;
  return undefined;
}

/**
 * What a choice cell says: the ticked options as a details value ("全国劳模、上海市劳模"), "" when boxes are
 * printed but none is ticked, or undefined when the text has no boxes at all (a plain value, kept as typed).
 */
export function readChoices(field: FieldSpec, text: string): string | undefined {
  if (text.length > MAX_CHOICE_TEXT) return undefined;
  const options = fieldOptions(field);
  const yesNo = !options.includes('是') && !options.includes('否');
  let marks = findMarks(text, false);
  if (marks.length === 0 && yesNo) marks = findMarks(text, true).filter((m) => isStandalone(text, m));
  if (marks.length === 0) return undefined;
  const trimmed = text.trim();
  const leading = text.length - text.trimStart().length;
  const style = marks[0].at === leading ? 'before' : marks[marks.length - 1].end === leading + trimmed.length ? 'after' : 'nearest';
  const ticked: string[] = [];
  const add = (o: string | undefined, raw: string) => {
    const v = o ?? raw.trim().replace(/^[:：_＿\s]+|[:：_＿\s]+$/g, '');
    if (v && !ticked.includes(v)) ticked.push(v);
  };
  marks.forEach((m, k) => {
    if (!m.ticked) return;
    if (style === 'before') {
      const seg = text.slice(m.end, k + 1 < marks.length ? marks[k + 1].at : text.length);
      add(optionAtEdge(field, seg, 'start'), seg);
    } else if (style === 'after') {
      const seg = text.slice(k > 0 ? marks[k - 1].end : 0, m.at);
      add(optionAtEdge(field, seg, 'end'), seg);
    } else {
      const left = text.slice(k > 0 ? marks[k - 1].end : 0, m.at);
      const right = text.slice(m.end, k + 1 < marks.length ? marks[k + 1].at : text.length);
      const l = optionAtEdge(field, left, 'end');
      const r = optionAtEdge(field, right, 'start');
      // The mark belongs to the option it touches (fewer spaces between); a tie goes to the one after it, except
      // for a mark in brackets after an option ("农业户口（是）").
      const bracketed = /[（(]\s*$/.test(left);
      const gapL = l ? (bracketed ? -1 : left.length - left.trimEnd().length) : Infinity;
      const gapR = r ? right.length - right.trimStart().length : Infinity;
      add(gapL < gapR ? l : r ?? l, '');
    }
  });
  return ticked.join('、');
}

/** A 是/否 read as a mark only when it stands apart from option words ("农业户口（是）", "全国劳模 是"). */
function isStandalone(text: string, m: Mark): boolean {
  const before = text.slice(Math.max(0, m.at - 1), m.at);
  const after = text.slice(m.end, m.end + 1);
  return (before === '' || FILLER.test(before)) && (after === '' || FILLER.test(after));
}
