/**
 * Reads one nominee's form from a grid — a sheet an officer laid out like the paper form, or the table of a Word
 * 申报表 (adapters/docx turns it into the same grid) — into a FormRecord. Labels are the form's (the profile's
 * field labels and aliases, as the layout prints them); a value is the cell right of its label (skipping the
 * blank cells a merged area leaves), or the cell below it when nothing is to the right; labels and values may also
 * share a cell ("推荐单位：某某公司", "☑ 勇挑重担：……", "1.月工资实际到手收入：8000元/月", one per line).
 * Tick boxes are read by checkboxes.ts; long texts printed on an attached page (附页) are read from there.
 * Linear in the number of cells (label cells are a few dozen; every other cell is looked at a bounded number of times).
 */
import { CellValue, MergedRange, SheetGrid } from '../model/grid';
import { cellText, headerKey, isBlank } from '../text/normalize';
import type { FormItem, FormLayout } from './form-layout';
import type { FormPlace, FormRecord } from './form-record';
import { isChoiceField, readChoices } from './checkboxes';

const MAX_LABEL_LENGTH = 80;
const MARKS = '☑☒■√✓✔▣●◉⊠□☐○◯▢';
const TICKS = '☑☒■√✓✔▣●◉⊠';
const LEADING_MARK = new RegExp(`^[\\s\\u3000]*([${MARKS}])[\\s\\u3000]*`);
const NUMBERING = /^[\s\u3000]*(?:\d{1,2}[.、．]|[（(]\d{1,2}[)）])[\s\u3000]*/;
const BLANK_LINE = /^[\s\u3000_＿]*$/;
// [\s\S] rather than the s flag: the WPS build stays within ES2017.
const ATTACHMENT_HEADING = /^[\s\u3000]*附页[\s\u3000]*[:：]?[\s\u3000]*([\s\S]+)$/;
const SEE_ATTACHMENT = /^[（(]?\s*(?:详)?见附页\s*[)）]?$/;
/** The blank lines of a printed opinion block (“盖章：”, “年 月 日”), not part of what the unit wrote. */
const STAMP_TEMPLATE = /^[\s\u3000]*(?:盖章[:：]?|（?盖章）?|年[\s\u3000]*月[\s\u3000]*日)[\s\u3000]*$/;

interface LabelIndex {
  items: Map<string, FormItem[]>;
  structural: Set<string>;
  opinions: Set<FormItem>;
}

const indexes = new WeakMap<FormLayout, LabelIndex>();

function labelIndex(layout: FormLayout): LabelIndex {
  let index = indexes.get(layout);
  if (index) return index;
  const items = new Map<string, FormItem[]>();
  for (const item of layout.items) {
    for (const l of [item.label, item.field.label, ...item.field.aliases]) {
      const k = headerKey(l);
      if (!k) continue;
      const list = items.get(k) ?? [];
      if (!list.includes(item)) list.push(item);
      items.set(k, list);
    }
  }
  const opinions = new Set<FormItem>();
  for (const row of layout.rows) if (row.kind === 'opinion' && row.item) opinions.add(row.item);
  index = { items, structural: new Set(layout.structural.map(headerKey)), opinions };
  indexes.set(layout, index);
  return index;
}

/** A label's comparison key with a leading tick box and numbering removed. */
function keyOf(text: string): { key: string; ticked?: boolean } {
  const m = LEADING_MARK.exec(text);
  const rest = m ? text.slice(m[0].length) : text;
  const key = headerKey(rest.replace(NUMBERING, ''));
  return m ? { key, ticked: TICKS.includes(m[1]) } : { key };
}

interface LabelCell {
  row: number;
  col: number;
  right: number;
  bottom: number;
  item?: FormItem;
  ticked?: boolean;
}

interface Reading {
  text: string;
  cell?: CellValue;
  place: FormPlace;
  ticked?: boolean;
  /** Read from several cells or a line: only text. */
  composite: boolean;
}

export interface ReadFormOptions {
  /** Rows [from, to) of the sheet to read (several forms stacked on one sheet); default the whole sheet. */
  rows?: [number, number];
}

/** Reads the form on a sheet (or a Word table's grid) with the programme's layout. */
export function readForm(sheet: SheetGrid, layout: FormLayout, opts: ReadFormOptions = {}): FormRecord {
  const index = labelIndex(layout);
  const [from, to] = opts.rows ?? [0, sheet.rows.length];
  const cover = coveredCells(sheet.merges);
  const owner = new Map<number, MergedRange>();
  for (const m of sheet.merges) owner.set(m.top * 16384 + m.left, m);
  const at = (r: number, c: number): CellValue => sheet.rows[r]?.[c] ?? null;
  const consumed = new Set<number>();
  const id = (r: number, c: number) => r * 16384 + c;

  const readings = new Map<FormItem, Reading>();
  const bound = new Set<FormItem>();
  const pick = (key: string): FormItem | undefined => index.items.get(key)?.find((i) => !bound.has(i));
  const labelRowSet = new Set<number>();

  // 附页: "附页：主要成绩与突出贡献（张三）" then the text, to the next heading or the end.
  const attachments = new Map<string, string>();
  for (let r = from; r < to; r++) {
    const first = firstText(sheet, r);
    const m = first && ATTACHMENT_HEADING.exec(first.text);
    if (!m) continue;
    const key = headerKey(m[1].split('\n')[0]);
    const lines: string[] = [];
    let k = r + 1;
    for (; k < to; k++) {
      const next = firstText(sheet, k);
      if (next && ATTACHMENT_HEADING.test(next.text)) break;
      const row = sheet.rows[k] ?? [];
      const texts = row.filter((v) => !isBlank(v)).map((v) => cellText(v));
      for (let c = 0; c < row.length; c++) consumed.add(id(k, c));
      if (texts.length) lines.push(texts.join(' '));
    }
    for (let c = 0; c < (sheet.rows[r]?.length ?? 0); c++) consumed.add(id(r, c));
    if (key && !attachments.has(key)) attachments.set(key, lines.join('\n').trim());
    r = k - 1;
  }

  // Label cells: a whole cell that is a label ("身份证", "是否曾获劳模称号", "☑勇挑重担", "推荐单位：").
  const labels: LabelCell[] = [];
  const labelAt = new Set<number>();
  for (let r = from; r < to; r++) {
    const row = sheet.rows[r] ?? [];
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (typeof v !== 'string' || v.length > MAX_LABEL_LENGTH || isBlank(v) || consumed.has(id(r, c))) continue;
      const { key, ticked } = keyOf(v);
      if (!key) continue;
      const m = owner.get(id(r, c));
      const cell: LabelCell = { row: r, col: c, right: m ? m.right : c, bottom: m ? m.bottom : r };
      if (index.structural.has(key)) {
        labels.push(cell);
        labelAt.add(id(r, c));
        continue;
      }
      const item = pick(key);
      if (!item) continue;
      bound.add(item);
      cell.item = item;
      if (ticked !== undefined) cell.ticked = ticked;
      labels.push(cell);
      labelAt.add(id(r, c));
      labelRowSet.add(r);
    }
  }

  // Values to the right of their labels (a choice may spread its boxes over several cells).
  const waiting: { label: LabelCell; empty?: number }[] = [];
  for (const l of labels) {
    if (!l.item) continue;
    const row = sheet.rows[l.row] ?? [];
    const cols: number[] = [];
    let empty: number | undefined;
    for (let c = l.right + 1; c < row.length; c++) {
      if (labelAt.has(id(l.row, c))) break;
      if (cover.has(id(l.row, c))) continue;
      if (consumed.has(id(l.row, c))) break;
      if (isBlank(row[c])) {
        if (empty === undefined && cols.length === 0) empty = c;
        continue;
      }
      cols.push(c);
      if (!isChoiceField(l.item.field)) break;
    }
    if (cols.length === 0) {
      waiting.push({ label: l, empty });
      continue;
    }
    for (const c of cols) consumed.add(id(l.row, c));
    const composite = cols.length > 1;
    const reading: Reading = {
      text: cols.map((c) => cellText(row[c])).join(' '),
      place: { row: l.row, col: cols[0] },
      composite,
    };
    if (!composite) reading.cell = row[cols[0]];
    if (l.ticked !== undefined) reading.ticked = l.ticked;
    readings.set(l.item, reading);
  }
  // Nothing to the right: the value below the label ("values below labels") when the label stands alone on its
  // row or on a row of labels — never under a tick-box line (the line below is the next indicator) — else the
  // empty cell to type in.
  const rowOfLabels = (r: number) => {
    const row = sheet.rows[r] ?? [];
    let labelsHere = 0;
    for (let c = 0; c < row.length; c++) {
      if (isBlank(row[c])) continue;
      if (!labelAt.has(id(r, c))) return false;
      labelsHere++;
    }
    return labelsHere >= 1;
  };
  const inlineLabelled = (v: CellValue) => typeof v === 'string' && (LEADING_MARK.test(v) || inlinePairs(v.split('\n')[0], index, (k) => index.items.get(k)?.[0]).length > 0);
  for (const { label: l, empty } of waiting) {
    const item = l.item!;
    const below = l.bottom + 1;
    const v = below < to ? at(below, l.col) : null;
    // Only where no blank value cell stands beside the label (labels side by side, or a label across the row).
    const mayBeBelow = empty === undefined && item.field.type !== 'indicator' && l.ticked === undefined && rowOfLabels(l.row);
    let reading: Reading;
    if (mayBeBelow && !isBlank(v) && !labelAt.has(id(below, l.col)) && !consumed.has(id(below, l.col)) && !inlineLabelled(v)) {
      consumed.add(id(below, l.col));
      reading = { text: cellText(v), cell: v, place: { row: below, col: l.col }, composite: false };
    } else {
      reading = { text: '', cell: null, place: empty !== undefined ? { row: l.row, col: empty } : { row: l.row, col: l.col }, composite: false };
    }
    if (l.ticked !== undefined) reading.ticked = l.ticked;
    readings.set(item, reading);
  }

  // Labels inside a cell, one or two to a line: "推荐单位：…", "☑ 勇挑重担：…", "发明专利数：2".
  for (let r = from; r < to; r++) {
    const row = sheet.rows[r] ?? [];
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (typeof v !== 'string' || isBlank(v) || consumed.has(id(r, c)) || labelAt.has(id(r, c))) continue;
      let current: Reading | undefined;
      for (const line of v.split(/\r?\n/)) {
        const pairs = inlinePairs(line, index, pick);
        if (pairs.length === 0) {
          // A line without a label continues the value above it (an indicator's text over two lines).
          if (current) current.text = `${current.text}\n${line}`;
          continue;
        }
        for (const p of pairs) {
          bound.add(p.item);
          labelRowSet.add(r);
          current = { text: p.rest, place: { row: r, col: c }, composite: true };
          if (p.ticked !== undefined) current.ticked = p.ticked;
          readings.set(p.item, current);
        }
      }
    }
  }

  const values = new Map<string, CellValue>();
  const places = new Map<string, FormPlace>();
  const printed = new Map<string, string>();
  for (const item of layout.items) {
    const reading = readings.get(item);
    if (!reading) continue;
    const key = item.field.key;
    places.set(key, reading.place);
    printed.set(key, item.label);
    values.set(key, finalValue(item, reading, index.opinions.has(item), attachments));
  }
  const title = findTitle(sheet, from, to, labelAt);
  const firstLabel = labels.find((l) => l.item);
  const anchor = title?.place ?? (firstLabel ? { row: firstLabel.row, col: firstLabel.col } : { row: from, col: 0 });
  const record: FormRecord = { sheet: sheet.name, values, places, labels: printed, anchor, labelRows: labelRowSet.size };
  if (title) record.title = title.text;
  return record;
}

function coveredCells(merges: readonly MergedRange[]): Set<number> {
  const out = new Set<number>();
  for (const m of merges) {
    for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) out.add(r * 16384 + c);
  }
  return out;
}

function firstText(sheet: SheetGrid, r: number): { text: string; col: number } | undefined {
  const row = sheet.rows[r] ?? [];
  for (let c = 0; c < row.length; c++) if (!isBlank(row[c])) return typeof row[c] === 'string' ? { text: row[c] as string, col: c } : undefined;
  return undefined;
}

interface InlinePair {
  item: FormItem;
  rest: string;
  ticked?: boolean;
}

const SECOND_LABEL = /[\s\u3000]{2,}([^:：\s\u3000][^:：\n]{0,39})[:：]/g;

/** The labelled values on one line of a cell: "所属区局（产业）工会/社团：某工会    组别：仪电" gives two. */
function inlinePairs(line: string, index: LabelIndex, pick: (key: string) => FormItem | undefined): InlinePair[] {
  const mark = LEADING_MARK.exec(line);
  const ticked = mark ? TICKS.includes(mark[1]) : undefined;
  const t = (mark ? line.slice(mark[0].length) : line).replace(NUMBERING, '');
  const colon = t.search(/[:：]/);
  if (colon < 0 || colon > 40) {
    // A line that is only a label: "☑ 勇挑重担" (ticked, nothing written), or "个人自述" above its text.
    const item = t.length <= MAX_LABEL_LENGTH ? pick(headerKey(t)) : undefined;
    if (!item) return [];
    return [ticked === undefined ? { item, rest: '' } : { item, rest: '', ticked }];
  }
  const item = pick(headerKey(t.slice(0, colon)));
  if (!item) return [];
  let rest = t.slice(colon + 1);
  const out: InlinePair[] = [ticked === undefined ? { item, rest } : { item, rest, ticked }];
  SECOND_LABEL.lastIndex = 0;
  for (let m = SECOND_LABEL.exec(rest); m; m = SECOND_LABEL.exec(rest)) {
    const key = headerKey(m[1]);
    if (!index.items.has(key)) continue;
    const second = index.items.get(key)!.find((i) => i !== item);
    if (!second) continue;
    out[0].rest = rest.slice(0, m.index);
    rest = rest.slice(m.index + m[0].length);
    out.push({ item: second, rest });
    break;
  }
  return out;
}

function findTitle(sheet: SheetGrid, from: number, to: number, labelAt: Set<number>): { text: string; place: FormPlace } | undefined {
  for (let r = from; r < Math.min(to, from + 4); r++) {
    const row = sheet.rows[r] ?? [];
    const filled = row.map((v, c) => ({ v, c })).filter(({ v }) => !isBlank(v));
    if (filled.length === 0) continue;
    const { v, c } = filled[0];
    if (filled.length === 1 && typeof v === 'string' && !labelAt.has(r * 16384 + c) && /表/.test(v) && !/[:：]/.test(v)) return { text: v.trim(), place: { row: r, col: c } };
    return undefined;
  }
  return undefined;
}

/** The value a details table gets: choices as options, indicators as their text (√ when only ticked), no suffix. */
function finalValue(item: FormItem, reading: Reading, opinion: boolean, attachments: Map<string, string>): CellValue {
  const field = item.field;
  if (!reading.composite && reading.cell !== undefined && typeof reading.cell !== 'string' && reading.cell !== null) {
    return reading.cell;
  }
  let text = reading.text.trim();
  if (SEE_ATTACHMENT.test(text)) {
    text = attachments.get(headerKey(item.label)) ?? attachments.get(headerKey(field.label)) ?? '';
  }
  if (item.suffix && text.endsWith(item.suffix)) text = text.slice(0, -item.suffix.length).trim();
  if (opinion) {
    const lines = text.split('\n');
    while (lines.length && (STAMP_TEMPLATE.test(lines[lines.length - 1]) || BLANK_LINE.test(lines[lines.length - 1]))) lines.pop();
    text = lines.join('\n').trim();
  }
  if (BLANK_LINE.test(text)) text = '';
  if (isChoiceField(field)) {
    const chosen = readChoices(field, text);
    if (chosen !== undefined) text = chosen;
  }
  if (field.type === 'indicator' && !text && reading.ticked) text = '√';
  if (!text) return null;
  // A whole cell keeps what it holds, spaces included (the checks see what the officer typed).
  if (!reading.composite && typeof reading.cell === 'string' && reading.cell.trim() === text) return reading.cell;
  return text;
}
