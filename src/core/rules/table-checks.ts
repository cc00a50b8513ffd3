/**
 * Rules over the rows of a table: duplicates (across every block and sheet of a kind: one unit's nominee may
 * be pasted again in another's block) and 序号 (per block; on a ranked summary per recommending unit).
 */
import type { Issue } from '../model/findings';
import type { Profile } from '../profiles/schema';
import type { RecognizedTable, TableBlock } from '../recognition/recognize-tables';
import { cellText, compareKey, personKey } from '../text/normalize';
import type { EarlierRow } from './catalogue/table';
import { report } from './catalogue';

/** What the table rules need of a checked row (the row facts themselves are reused row after row). */
export interface RowRecord {
  row: number;
  nominee: string;
  /** Normalised 18-character ID, when the ID could be read. */
  id?: string;
  serial?: number;
  /** personNameKey of the row. */
  nameKey?: string;
}

/**
 * The same name (compared across separators, width and script) in the same unit — unit ignored when the table has
 * no unit column: the duplicate.name key, within a file and across files (check/combine-files.ts).
 */
export function personNameKey(table: RecognizedTable, row: number): string | undefined {
  const nameCol = table.colOf.get('name');
  if (nameCol === undefined) return undefined;
  const cells = table.sheet.rows[row] ?? [];
  const name = personKey(cellText(cells[nameCol] ?? null));
  if (!name) return undefined;
  const unitCol = table.colOf.get('unit');
  return unitCol === undefined ? name : name + '|' + compareKey(cellText(cells[unitCol] ?? null));
}

export type PlaceFinding = (i: Issue, table: RecognizedTable, row: number, col: number, nominee?: string) => void;

export interface CheckedTable {
  table: RecognizedTable;
  records: RowRecord[];
}

function blockRef(b: TableBlock | undefined): EarlierRow['firstBlock'] {
  return b && { index: b.index, ...(b.label && { label: b.label }) };
}

/** Where an earlier row is, said relative to the row being reported. */
function earlier(first: { table: RecognizedTable; rec: RowRecord }, now: RecognizedTable): EarlierRow {
  const at: EarlierRow = { firstRow: first.rec.row + 1 };
  if (first.table.sheet.name !== now.sheet.name) at.firstSheet = first.table.sheet.name;
  else if (first.table !== now && first.table.block) at.firstBlock = blockRef(first.table.block);
  return at;
}

/** The same ID, or the same name in the same unit, twice among the tables of one kind. */
export function checkDuplicates(tables: readonly CheckedTable[], add: PlaceFinding): void {
  // First rows are remembered as numbers (table index × 2^22 + record index): no object per row.
  const seenIds = new Map<string, number>();
  const seenNames = new Map<string, number>();
  const firstOf = (at: number) => {
    const t = tables[Math.floor(at / 4194304)];
    return { table: t.table, rec: t.records[at % 4194304] };
  };
  tables.forEach(({ table, records }, ti) => {
    const idCol = table.colOf.get('residentId');
    const nameCol = table.colOf.get('name');
    const unitCol = table.colOf.get('unit');
    for (let i = 0; i < records.length; i++) {
      const rec = records[i];
      const at = ti * 4194304 + i;
      if (rec.id && idCol !== undefined) {
        const first = seenIds.get(rec.id);
        if (first === undefined) seenIds.set(rec.id, at);
        else {
          const f = firstOf(first);
          add(report('duplicate.id', { ...earlier(f, table), firstNominee: f.rec.nominee }), table, rec.row, idCol, rec.nominee);
        }
      }
      if (nameCol === undefined) continue;
      const key = rec.nameKey ?? personNameKey(table, rec.row);
      if (!key) continue;
      const first = seenNames.get(key);
      if (first === undefined) seenNames.set(key, at);
      else add(report('duplicate.name', { ...earlier(firstOf(first), table), withUnit: unitCol !== undefined }), table, rec.row, nameCol, rec.nominee);
    }
  });
}

/**
 * 序号: consecutive from 1 within a block; on a ranked summary (青浦) it is the rank: unique within each
 * recommending unit (the 推荐单位 column when the table has one, else the block). Where a 推荐单位 column splits
 * a block, numbering may run on across units or start again at 1 for each: either is fine.
 */
export function checkSerials(profile: Profile, table: RecognizedTable, records: readonly RowRecord[], add: PlaceFinding): void {
  const serialCol = table.colOf.get('serial');
  if (serialCol === undefined) return;
  const ranked = profile.rankedSummary && table.kind === 'summary';
  const unitCol = table.colOf.get('recommender');
  const groups = new Map<string, { unit: string; recs: RowRecord[] }>();
  for (const rec of records) {
    const unit = unitCol === undefined ? '' : cellText(table.sheet.rows[rec.row]?.[unitCol] ?? null).trim();
    const k = compareKey(unit);
    const g = groups.get(k) ?? { unit, recs: [] };
    g.recs.push(rec);
    groups.set(k, g);
  }
  const byUnit = groups.size > 1;
  for (const { unit, recs } of groups.values()) {
    const seen = new Map<number, number>();
    for (const rec of recs) {
      const n = rec.serial;
      if (n === undefined) continue;
      const first = seen.get(n);
      if (first === undefined) {
        seen.set(n, rec.row);
        continue;
      }
      const issue = ranked
        ? report('serial.rank-duplicate', { rank: n, firstRow: first + 1, ...(byUnit && unit && { unit }) })
        : report('serial.duplicate', { number: n, firstRow: first + 1 });
      add(issue, table, rec.row, serialCol, rec.nominee);
    }
  }
  const firstGap = (recs: readonly RowRecord[]) => {
    let expected = 1;
    const seen = new Set<number>();
    for (const rec of recs) {
      const n = rec.serial;
      if (n === undefined) continue;
      if (seen.has(n)) {
        expected++;
        continue;
      }
      seen.add(n);
      if (n !== expected) return { rec, expected, found: n };
      expected++;
    }
    return undefined;
  };
  const whole = firstGap(records);
  if (!whole) return;
  // Numbered again from 1 for each recommending unit: the gap is looked for unit by unit.
  const restarts = byUnit && [...groups.values()].every((g) => g.recs.find((r) => r.serial !== undefined)?.serial === 1);
  const gap = restarts ? [...groups.values()].map((g) => firstGap(g.recs)).find(Boolean) : whole;
  if (!gap) return;
  add(report('serial.sequence', { expected: gap.expected, found: gap.found }), table, gap.rec.row, serialCol, gap.rec.nominee);
}
