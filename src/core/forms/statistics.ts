/**
 * The other table of a notice, per recommending union (上海工匠 2024 附件3 “培养选树工作情况统计表”): what can be
 * counted from the checked details (申报“上海工匠”人数: the union's nominees) is counted, the rest is what the
 * officer typed into the statistics sheet (read like a form). Checked with the same cell checks as the tables.
 */
import type { Finding } from '../model/findings';
import { cellAddress, CellValue } from '../model/grid';
import type { SimpleDate } from '../model/dates';
import type { Profile } from '../profiles/schema';
import { cellText, isBlank } from '../text/normalize';
import { checkCell, newRowFacts } from '../rules/cell-checks';
import { statisticsForm } from './form-layout';
import type { FormRecord } from './form-record';

export interface StatisticsTable {
  /** The union the table is for (the details' 所属区局（产业）工会/社团), or "" when the details name none. */
  union: string;
  values: Map<string, CellValue>;
  /** Fields counted from the details, with the count (a typed value different from it is kept and noted). */
  counted: Map<string, number>;
  /** Counted fields whose typed value differs: key → { typed, counted }. */
  differs: Map<string, { typed: string; counted: number }>;
}

/**
 * One table per union of the nominees (one table when the details name no union). `typed` are statistics sheets
 * already filled in (read as forms), matched to a union by their 区局（产业）工会/社团.
 */
export function statisticsTables(profile: Profile, nominees: readonly { values: ReadonlyMap<string, CellValue> }[], typed: readonly FormRecord[] = []): StatisticsTable[] {
  const layout = statisticsForm(profile);
  if (!layout) return [];
  const unionOf = (v: ReadonlyMap<string, CellValue>) => (layout.groupBy ? cellText(v.get(layout.groupBy) ?? null).trim() : '');
  const unions: string[] = [];
  for (const n of nominees) {
    const u = unionOf(n.values);
    if (!unions.includes(u)) unions.push(u);
  }
  if (unions.length === 0) unions.push('');
  const unionKey = layout.items[0]?.field.key;
  return unions.map((union) => {
    const sheet = typed.find((t) => unionKey && cellText(t.values.get(unionKey) ?? null).trim() === union) ?? (unions.length === 1 ? typed[0] : undefined);
    const values = new Map<string, CellValue>(sheet?.values ?? []);
    if (unionKey && isBlank(values.get(unionKey) ?? null) && union) values.set(unionKey, union);
    const counted = new Map<string, number>();
    const differs = new Map<string, { typed: string; counted: number }>();
    for (const [key, what] of Object.entries(layout.counted)) {
      if (what !== 'nominees') continue;
      const n = nominees.filter((x) => unionOf(x.values) === union).length;
      counted.set(key, n);
      const typedValue = values.get(key);
      if (typedValue === undefined || isBlank(typedValue)) values.set(key, n);
      else if (cellText(typedValue).trim() !== String(n)) differs.set(key, { typed: cellText(typedValue).trim(), counted: n });
    }
    return { union, values, counted, differs };
  });
}

/** The cell checks of a statistics table (required, whole numbers, phone), placed on its sheet when it has one. */
export function checkStatistics(profile: Profile, table: StatisticsTable, asOf: SimpleDate, where?: FormRecord): Finding[] {
  const layout = statisticsForm(profile);
  if (!layout) return [];
  const out: Finding[] = [];
  const facts = newRowFacts();
  const sheet = where?.sheet ?? layout.name;
  for (const item of layout.items) {
    const place = where?.places.get(item.field.key) ?? where?.anchor ?? { row: 0, col: 0 };
    for (const issue of checkCell(item.field, table.values.get(item.field.key) ?? null, asOf, facts)) {
      out.push({ ...issue, sheet, row: place.row, col: place.col, cell: cellAddress(place.row, place.col), nominee: table.union || layout.name });
    }
  }
  return out;
}
