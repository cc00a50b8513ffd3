/**
 * Forms ⇄ the details table: the records of many forms become one details table (a header of the profile's
 * details labels, a row per nominee) — the table the engine checks and the workbook an officer keeps — and the
 * rows of a checked details table become records again, to print their forms. The 推荐汇总表 row of a nominee is
 * derived from the same values (所在岗位名称 from 工种; 职务、职称/技能等级 from 职务, 职称 and 技能等级).
 */
import { CellValue, SheetGrid } from '../model/grid';
import type { FieldSpec, Profile } from '../profiles/schema';
import type { RecognizedTable } from '../recognition/recognize-tables';
import { cellText, isBlank } from '../text/normalize';
import type { FormRecord } from './form-record';

/** The fields of the details table (the columns, in order). */
export function detailsFields(profile: Profile): FieldSpec[] {
  return profile.tables.details?.fields ?? [];
}

/** One details row: the record's values in the details table's column order (blank where the form has none). */
export function detailsRow(values: ReadonlyMap<string, CellValue>, fields: readonly FieldSpec[]): CellValue[] {
  return fields.map((f) => values.get(f.key) ?? null);
}

/** A details table of the records, as a sheet: the header (each field's label) in row 1, a nominee per row. */
export function detailsSheet(records: readonly { values: ReadonlyMap<string, CellValue> }[], profile: Profile, name: string): SheetGrid {
  const fields = detailsFields(profile);
  return { name, rows: [fields.map((f) => f.label), ...records.map((r) => detailsRow(r.values, fields))], merges: [] };
}

/** The rows of a recognised details table as records (sheet and cells kept, to point back at the table). */
export function recordsFromTable(table: RecognizedTable): FormRecord[] {
  const header = table.headerRow;
  return table.dataRows.map((row) => {
    const values = new Map<string, CellValue>();
    const places = new Map<string, { row: number; col: number }>();
    const labels = new Map<string, string>();
    for (const b of table.columns) {
      const v = table.sheet.rows[row]?.[b.col] ?? null;
      values.set(b.field.key, isBlank(v) ? null : v);
      places.set(b.field.key, { row, col: b.col });
      labels.set(b.field.key, b.header);
    }
    return { sheet: table.sheet.name, values, places, labels, anchor: { row, col: table.columns[0]?.col ?? 0 }, labelRows: header };
  });
}

function text(values: ReadonlyMap<string, CellValue>, key: string): string {
  const v = values.get(key);
  return v === undefined || isBlank(v) ? '' : cellText(v).trim();
}

/** "班组长、高级职称/高级技师": the 汇总表's 职务、职称/技能等级 from the form's 职务, 职称 and 技能等级 (无 left out). */
export function titleSummaryOf(values: ReadonlyMap<string, CellValue>): string {
  const post = text(values, 'post');
  const grades = [text(values, 'proTitle'), text(values, 'skillLevel')].filter((t) => t && t !== '无');
  if (!post) return grades.join('/');
  return grades.length ? `${post}、${grades.join('/')}` : post;
}

/** The 推荐汇总表 values of a nominee (序号 is the position; the unit's own ranking when the summary is ranked). */
export function summaryValues(values: ReadonlyMap<string, CellValue>, serial: number): Map<string, CellValue> {
  const out = new Map<string, CellValue>();
  out.set('serial', serial);
  out.set('unit', values.get('unit') ?? null);
  out.set('name', values.get('name') ?? null);
  out.set('postName', values.get('postName') ?? (text(values, 'trade') || null));
  out.set('titleSummary', values.get('titleSummary') ?? (titleSummaryOf(values) || null));
  return out;
}

/** The recommending unit the records name (推荐单位, else 所属工会/社团), the most frequent one. */
export function recommendingUnit(records: readonly { values: ReadonlyMap<string, CellValue> }[]): string | undefined {
  const tally = new Map<string, number>();
  for (const r of records) {
    const u = text(r.values, 'recommender') || text(r.values, 'unionOrSociety');
    if (u) tally.set(u, (tally.get(u) ?? 0) + 1);
  }
  let best: string | undefined;
  for (const [u, n] of tally) if (!best || n > tally.get(best)!) best = u;
  return best;
}
