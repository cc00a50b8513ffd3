/**
 * Summary ⇄ details, across every block of both (units' summaries pasted one under another, details on
 * several sheets): every nominee on both, with the same unit and a title that agrees. Names match whatever the
 * width, the spaces, the separators inside them and the script; two names of one unit that differ by one
 * character, each without a match, are one finding ("probably the same person"), not two.
 */
import type { Issue } from '../model/findings';
import type { FieldSpec } from '../profiles/schema';
import { fieldText, RecognizedTable } from '../recognition/recognize-tables';
import { cellText, compareKey, fold, personFoldKey, personKey } from '../text/normalize';
import { matchOption } from './options';
import { report } from './catalogue';

export type PlaceFinding = (i: Issue, table: RecognizedTable, row: number, col: number, nominee?: string) => void;

interface PersonRow {
  table: RecognizedTable;
  row: number;
  /** Name as typed, trimmed. */
  name: string;
  key: string;
}

function people(tables: readonly RecognizedTable[]): PersonRow[] {
  const out: PersonRow[] = [];
  for (const table of tables) {
    const c = table.colOf.get('name');
    if (c === undefined) continue;
    for (const row of table.dataRows) {
      const name = cellText(table.sheet.rows[row]?.[c] ?? null).trim();
      const key = personKey(name);
      if (key) out.push({ table, row, name, key });
    }
  }
  return out;
}

/** Looks a person up by personKey, then (built on the first miss) by the script-folded key. */
class PersonIndex {
  private readonly byKey = new Map<string, PersonRow>();
  private byFold?: Map<string, PersonRow>;
  constructor(private readonly rows: readonly PersonRow[]) {
    for (const p of rows) if (!this.byKey.has(p.key)) this.byKey.set(p.key, p);
  }
  find(p: PersonRow): PersonRow | undefined {
    const hit = this.byKey.get(p.key);
    if (hit) return hit;
    if (!this.byFold) {
      this.byFold = new Map();
      for (const q of this.rows) {
        const k = personFoldKey(q.name);
        if (!this.byFold.has(k)) this.byFold.set(k, q);
      }
    }
    return this.byFold.get(personFoldKey(p.name));
  }
}

function unitOf(p: PersonRow): string | undefined {
  const c = p.table.colOf.get('unit');
  return c === undefined ? undefined : cellText(p.table.sheet.rows[p.row]?.[c] ?? null).trim();
}

/** Same unit name as people see it: width, spaces, brackets and traditional characters do not count. */
export function sameText(a: string, b: string): boolean {
  if (a === b) return true;
  const strip = (k: string) => k.replace(/[()]/g, '');
  return strip(compareKey(a)) === strip(compareKey(b)) || strip(fold(a)) === strip(fold(b));
}

/** Levenshtein distance of at most one (one character changed, added or left out). */
function oneApart(a: string, b: string): boolean {
  if (a === b || Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1);
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/** A details row's 职务, 职称 or 技能等级 as typed (raw) and as compared (key). */
interface TitleClaim {
  field: FieldSpec;
  raw: string;
  key: string;
}

/** The summary's 职务、职称/技能等级 says what the details' 职务, 职称 and 技能等级 say, in any of their spellings. */
function titleAgrees(text: string, claims: readonly TitleClaim[]): boolean {
  const plain = compareKey(text);
  let folded: string | undefined;
  let parts: string[] | undefined;
  for (const c of claims) {
    const k = c.key;
    if (plain.includes(k) || k.includes(plain)) return true;
    folded ??= fold(text);
    const f = fold(c.raw);
    if (folded.includes(f) || f.includes(folded)) return true;
    const want = c.field.options ? matchOption(c.field, c.raw) : undefined;
    if (!want) continue;
    parts ??= text.split(/[、,，;；/／|｜\s]+/).filter(Boolean);
    if (parts.some((p) => matchOption(c.field, p) === want)) return true;
  }
  return false;
}

const NO_CLAIM = new Set(['无', '/', '-', '—', '／', '无职务', '无职称']);
const CLAIM_KEYS = ['post', 'proTitle', 'skillLevel'];

/** The details table's title columns, worked out once per table rather than once per nominee. */
const claimFieldsOf = new WeakMap<RecognizedTable, FieldSpec[]>();
function claimFields(details: RecognizedTable): FieldSpec[] {
  let fields = claimFieldsOf.get(details);
  if (!fields) {
    fields = [];
    for (const key of CLAIM_KEYS) {
      const field = details.spec.fields.find((f) => f.key === key);
      if (field && details.colOf.has(key)) fields.push(field);
    }
    claimFieldsOf.set(details, fields);
  }
  return fields;
}

function checkPair(s: PersonRow, d: PersonRow, add: PlaceFinding): void {
  const summary = s.table;
  const details = d.table;
  const su = summary.colOf.get('unit');
  if (su !== undefined && details.colOf.has('unit')) {
    const a = unitOf(s) ?? '';
    const b = unitOf(d) ?? '';
    if (a && b && !sameText(a, b)) {
      add(report('cross.unit-mismatch', { summaryUnit: a, detailsUnit: b, detailsSheet: details.sheet.name, detailsRow: d.row + 1 }), summary, s.row, su, s.name);
    }
  }
  const st = summary.colOf.get('titleSummary');
  if (st === undefined) return;
  const text = fieldText(summary, s.row, 'titleSummary').trim();
  if (!text) return;
  const claims: TitleClaim[] = [];
  for (const field of claimFields(details)) {
    const raw = fieldText(details, d.row, field.key).trim();
    if (!raw) continue;
    const key = compareKey(raw);
    if (!NO_CLAIM.has(key)) claims.push({ field, raw, key });
  }
  if (claims.length && !titleAgrees(text, claims)) {
    add(report('cross.title-mismatch', { claims: claims.map((c) => c.key) }), summary, s.row, st, s.name);
  }
}

export function crossCheck(summaries: readonly RecognizedTable[], details: readonly RecognizedTable[], add: PlaceFinding): void {
  const sRows = people(summaries);
  const dRows = people(details);
  if (sRows.length === 0 && dRows.length === 0) return;
  if (!summaries.some((t) => t.colOf.has('name')) || !details.some((t) => t.colOf.has('name'))) return;
  const dIndex = new PersonIndex(dRows);
  const sIndex = new PersonIndex(sRows);
  const lonelySummary: PersonRow[] = [];
  for (const s of sRows) {
    const d = dIndex.find(s);
    if (d) checkPair(s, d, add);
    else lonelySummary.push(s);
  }
  const lonelyDetails = dRows.filter((d) => !sIndex.find(d));

  // One character apart in the same unit, and only one such name: the same person spelt two ways.
  const paired = new Map<PersonRow, PersonRow>();
  const taken = new Set<PersonRow>();
  for (const s of lonelySummary) {
    const sk = personFoldKey(s.name);
    if (sk.length < 2) continue;
    const su = unitOf(s);
    const near = lonelyDetails.filter((d) => {
      const du = unitOf(d);
      return !taken.has(d) && oneApart(sk, personFoldKey(d.name)) && (su === undefined || du === undefined || (su !== '' && du !== '' && sameText(su, du)));
    });
    if (near.length !== 1) continue;
    paired.set(s, near[0]);
    taken.add(near[0]);
  }
  const firstDetails = details.find((t) => t.colOf.has('name'))!;
  const firstSummary = summaries.find((t) => t.colOf.has('name'))!;
  for (const s of lonelySummary) {
    const col = s.table.colOf.get('name')!;
    const d = paired.get(s);
    if (d) {
      add(report('cross.name-differs', { summaryName: s.name, detailsName: d.name, detailsSheet: d.table.sheet.name, detailsRow: d.row + 1 }), s.table, s.row, col, s.name);
      checkPair(s, d, add);
    } else {
      add(report('cross.missing-details', { nominee: s.name, detailsSheet: firstDetails.sheet.name }), s.table, s.row, col, s.name);
    }
  }
  for (const d of lonelyDetails) {
    if (taken.has(d)) continue;
    add(report('cross.missing-summary', { nominee: d.name, summarySheet: firstSummary.sheet.name }), d.table, d.row, d.table.colOf.get('name')!, d.name);
  }
}
