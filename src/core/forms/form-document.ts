/**
 * A filled form as a printable document, in the notice's layout (form-layout.ts): the same labels in the same
 * order, choices as ☑/□, each force's lines, opinion blocks with 盖章 and date lines, the notice's 注. Long texts
 * that would push the form beyond two A4 pages go to attached pages (附页), as the notices allow. Reading the
 * printed document back (read-form.ts) gives the same values: this file and the reader are two halves of one
 * format, and the round-trip test holds them together.
 */
import type { CellValue } from '../model/grid';
import type { FieldSpec } from '../profiles/schema';
import { cellText, isBlank } from '../text/normalize';
import { countChars } from '../checks/text-length';
import { isChoiceField, renderChoices, TICKED, UNTICKED, unprintedChoice } from './checkboxes';
import type { FormItem, FormLayout } from './form-layout';
import type { DocCell, DocParagraph, DocRow, PrintDocument } from './document-model';
import { paragraphsOf } from './document-model';

/** Label | value | label | value | label | value. */
export const FORM_COLUMNS = [14, 19, 13, 19, 13, 22];
/** A form with at most two pairs to a row (统计表) gives its long labels more room. */
const TWO_PAIR_COLUMNS = [22, 14, 14, 22, 14, 14];
const FULL = FORM_COLUMNS.length;
/** Where a value on a form is blank: a line to write on. */
export const BLANK = '＿＿＿＿＿＿';
export const SEE_ATTACHMENT = '（见附页）';

/** Points of height a blank block keeps for handwriting (long texts, opinions). */
const MIN_HEIGHT: Record<string, number> = { spirit: 56, selfStatement: 110, achievements: 110, honours: 70, deeds: 110, opinion: 72 };
/** Height budget (points) of the table on two A4 pages, set on the safe side of LibreOffice's rendering (test/forms). */
const TWO_PAGES = 1380;
const LINE = 15.5;

export interface FormValues {
  get(key: string): CellValue | undefined;
}

function text(values: FormValues, key: string): string {
  const v = values.get(key);
  return v === undefined || v === null || isBlank(v) ? '' : cellText(v).trim();
}

function label(t: string, extra?: string): DocCell {
  const paragraphs: DocParagraph[] = [{ text: t, align: 'center' }];
  if (extra) paragraphs.push({ text: extra, align: 'center', small: true });
  return { paragraphs, label: true };
}

/** A limited text over its limit says so beside its label (the checks explain it in full). */
function limitNote(field: FieldSpec, value: string): string | undefined {
  if (!value || !field.maxChars) return undefined;
  const n = countChars(value);
  return n > field.maxChars ? `（现 ${n} 字，超过 ${field.maxChars} 字）` : undefined;
}

/** What a value cell shows for a field: the options as boxes, the text, or a line to write on. */
function valueParagraphs(item: FormItem, values: FormValues): DocParagraph[] {
  const f = item.field;
  const v = text(values, f.key);
  if (isChoiceField(f)) {
    const unknown = unprintedChoice(f, v);
    return [{ text: renderChoices(f, v) + (unknown ? `  ${TICKED}${unknown}` : '') }];
  }
  if (!v) return [{ text: item.suffix ? `        ${item.suffix}` : '' }];
  return paragraphsOf(item.suffix ? `${v}${item.suffix}` : v);
}

/** "☑ 勇挑重担：……" / "是否获得专利：☑是  □否" / "发明专利数：2": one line of a force block or a question. */
function lineOf(item: FormItem, values: FormValues, prefix = '', plain = false): DocParagraph[] {
  const f = item.field;
  const v = text(values, f.key);
  if (f.type === 'indicator') {
    const claimed = v !== '';
    // A bare tick (√ / ☑ / ✓) means "claimed, nothing written": the box says it.
    const body = /^[√☑✓✔]$/.test(v) ? '' : v;
    const lines = (body || BLANK).split(/\r?\n/);
    return lines.map((t, i) => ({ text: i === 0 ? `${claimed ? TICKED : UNTICKED} ${prefix}${item.label}：${t}` : t }));
  }
  if (isChoiceField(f) && !plain) {
    const unknown = unprintedChoice(f, v);
    return [{ text: `${prefix}${item.label}：${renderChoices(f, v)}${unknown ? `  ${TICKED}${unknown}` : ''}` }];
  }
  const shown = v ? `${v}${item.suffix ?? ''}` : `${BLANK}${item.suffix ?? ''}`;
  const lines = shown.split(/\r?\n/);
  return lines.map((t, i) => ({ text: i === 0 ? `${prefix}${item.label}：${t}` : t }));
}

function pairsRow(items: readonly FormItem[], values: FormValues, attached: ReadonlySet<string>): DocRow {
  const spans = items.length === 3 ? [1, 1, 1] : items.length === 2 ? [2, 2] : [FULL - 1];
  const cells: DocCell[] = [];
  let minHeight: number | undefined;
  items.forEach((item, i) => {
    const v = text(values, item.field.key);
    cells.push(label(item.label, limitNote(item.field, v)));
    const paragraphs = attached.has(item.field.key) ? [{ text: SEE_ATTACHMENT }] : valueParagraphs(item, values);
    cells.push({ paragraphs, span: spans[i] });
    const h = MIN_HEIGHT[item.field.key] ?? (item.field.type === 'longText' ? 70 : undefined);
    if (h && items.length === 1) minHeight = h;
  });
  return minHeight ? { cells, minHeight } : { cells };
}

function opinionRow(labelText: string, item: FormItem | undefined, values: FormValues): DocRow {
  const v = item ? text(values, item.field.key) : '';
  const paragraphs: DocParagraph[] = [...(v ? paragraphsOf(v) : [{ text: '' }]), { text: '' }, { text: '盖章：', align: 'right' }, { text: '年    月    日', align: 'right' }];
  return { cells: [label(labelText), { paragraphs, span: FULL - 1 }], minHeight: MIN_HEIGHT.opinion };
}

/** Rough printed height of a row (points): enough to decide what goes to 附页. */
function estimate(row: DocRow, columns: readonly number[]): number {
  const total = columns.reduce((a, b) => a + b, 0);
  let col = 0;
  let tallest = 1;
  for (const cell of row.cells) {
    const span = cell.span ?? 1;
    const share = columns.slice(col, col + span).reduce((a, b) => a + b, 0) / total;
    col += span;
    // About 44 characters of 10.5 pt fit across the text width (16 cm).
    const perLine = Math.max(4, Math.floor(44 * share));
    const lines = cell.paragraphs.reduce((n, p) => n + Math.max(1, Math.ceil(countChars(p.text) / perLine)), 0);
    tallest = Math.max(tallest, lines);
  }
  return Math.max(row.minHeight ?? 0, tallest * LINE + 6);
}

export interface BuiltForm {
  document: PrintDocument;
  /** Fields printed on 附页 instead of in their cell. */
  attached: string[];
}

/**
 * The printable form of one nominee. `attachAbove`: texts longer than this go to 附页; more go there (longest
 * first) while the form would run past two pages.
 */
export function formDocument(layout: FormLayout, values: FormValues, opts: { attachAbove: number; nominee?: string }): BuiltForm {
  const longTexts = layout.rows.flatMap((r) => (r.kind === 'pairs' && r.items.length === 1 && r.items[0].field.type === 'longText' ? [r.items[0]] : []));
  const attached = new Set(longTexts.filter((i) => countChars(text(values, i.field.key)) > opts.attachAbove).map((i) => i.field.key));
  let rows = buildRows(layout, values, attached);
  const byLength = [...longTexts].sort((a, b) => countChars(text(values, b.field.key)) - countChars(text(values, a.field.key)));
  for (const item of byLength) {
    if (rows.reduce((h, r) => h + estimate(r, FORM_COLUMNS), 0) <= TWO_PAGES) break;
    if (attached.has(item.field.key) || countChars(text(values, item.field.key)) < 150) continue;
    attached.add(item.field.key);
    rows = buildRows(layout, values, attached);
  }
  const above: DocParagraph[] = [];
  // Header lines are written in, not ticked (组别 names one of eleven groups listed in the notes).
  const header = layout.header.map((i) => lineOf(i, values, '', true)[0].text);
  if (header.length) above.push({ text: header.join('        ') });
  const below: DocParagraph[] = layout.notes.map((n) => ({ text: n, small: true }));
  const who = opts.nominee ? `（${opts.nominee}）` : '';
  const attachments = longTexts
    .filter((i) => attached.has(i.field.key))
    .map((i) => ({ heading: `附页：${i.field.label}${who}`, paragraphs: text(values, i.field.key).split(/\r?\n/) }));
  const columns = layout.rows.some((r) => r.kind === 'pairs' && r.items.length === 3) || layout.rows.some((r) => r.kind === 'forces') ? FORM_COLUMNS : TWO_PAIR_COLUMNS;
  return { document: { title: layout.title, above, table: { columns, rows }, below, attachments }, attached: [...attached] };
}

function buildRows(layout: FormLayout, values: FormValues, attached: ReadonlySet<string>): DocRow[] {
  const rows: DocRow[] = [];
  for (const row of layout.rows) {
    switch (row.kind) {
      case 'pairs':
        rows.push(pairsRow(row.items, values, attached));
        break;
      case 'forces': {
        const span = row.blocks.length === 2 ? 2 : FULL - 1;
        const cells: DocCell[] = [];
        for (const b of row.blocks) {
          cells.push(label(b.force));
          cells.push({ paragraphs: b.lines.flatMap((l) => lineOf(l, values)), span });
        }
        rows.push({ cells });
        break;
      }
      case 'questions':
        if (row.intro) rows.push({ cells: [{ paragraphs: [{ text: row.intro }], span: FULL }] });
        row.items.forEach((item, i) => rows.push({ cells: [{ paragraphs: lineOf(item, values, `${i + 1}.`), span: FULL }] }));
        break;
      case 'opinion':
        rows.push(opinionRow(row.label, row.item, values));
        break;
      case 'heading':
        rows.push({ cells: [{ paragraphs: [{ text: row.text, bold: true }], span: FULL }] });
        break;
    }
  }
  return rows;
}
