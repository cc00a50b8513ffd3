/**
 * Trainees from a nominee workbook (a 培育对象清单, a 申报信息 details sheet, or a 推荐汇总表), recognised as
 * `validate` recognises tables. Pure: grid in, rows out.
 */
import { CellValue, WorkbookGrid } from '../model/grid';
import { Profile } from '../profiles/schema';
import { detectProgram } from '../recognition/detect-program';
import { RecognizedTable, recognizeWorkbook } from '../recognition/recognize-tables';
import { cellText, isBlank } from '../text/normalize';
import { Row } from './model';

/** No nominee table in the workbook (the CLI exits 2). */
export class NoTraineeTableError extends Error {
  constructor() {
    super('no nominee table');
    this.name = 'NoTraineeTableError';
  }
}

export interface TraineeSource {
  rows: Row[];
  /** Sheet the trainees were read from. */
  sheet: string;
  /** Profile whose table matched (the cultivation profile itself, or the nomination programme's). */
  profileId: string;
  tableKind: string;
}

/** A cell of a recognised table (merged areas in its body already read their value on every row). */
function valueAt(table: RecognizedTable, row: number, col: number): CellValue {
  return table.sheet.rows[row]?.[col] ?? null;
}

function rowsOf(table: RecognizedTable, keys: Set<string>): Row[] {
  const nameCol = table.colOf.get('name');
  if (nameCol === undefined) return [];
  const out: Row[] = [];
  for (const r of table.dataRows) {
    const name = cellText(valueAt(table, r, nameCol)).trim();
    if (!name) continue;
    const row: Row = {};
    for (const b of table.columns) {
      if (!keys.has(b.field.key)) continue;
      const v = valueAt(table, r, b.col);
      if (!isBlank(v)) row[b.field.key] = typeof v === 'string' ? v.trim() : v;
    }
    row.name = name;
    out.push(row);
  }
  return out;
}

function pick(tables: RecognizedTable[], kinds: string[]): RecognizedTable | undefined {
  for (const k of kinds) {
    const t = tables.find((x) => x.kind === k && x.colOf.has('name') && x.dataRows.length > 0);
    if (t) return t;
  }
  return undefined;
}

/**
 * The trainees of a nominee workbook: first with the cultivation profile's trainee table (`details`), then
 * with the nomination programme named in the titles, then with any other profile (details before summary).
 * Values are copied for the fields the cultivation trainee list has (姓名, 性别, 身份证号码, 单位 …).
 */
export function traineesFromGrid(grid: WorkbookGrid, cultivation: Profile, others: readonly Profile[]): TraineeSource {
  const keys = new Set((cultivation.tables.details?.fields ?? []).map((f) => f.key));
  const tryProfile = (p: Profile): TraineeSource | undefined => {
    const all = recognizeWorkbook(grid, p);
    const t = pick(all, ['details', 'summary']);
    if (!t) return undefined;
    // Several units' lists pasted one under another: every block of that table on its sheet.
    const rows = all.filter((x) => x.kind === t.kind && x.sheet.name === t.sheet.name).flatMap((x) => rowsOf(x, keys));
    return rows.length ? { rows, sheet: t.sheet.name, profileId: p.id, tableKind: t.kind } : undefined;
  };
  const own = tryProfile(cultivation);
  if (own) return own;
  const selection = others.filter((p) => p.kind === 'selection');
  const detected = detectProgram(grid, selection);
  const first = detected ? tryProfile(detected.profile) : undefined;
  if (first) return first;
  for (const p of selection) {
    const found = tryProfile(p);
    if (found) return found;
  }
  throw new NoTraineeTableError();
}
