/**
 * The 提交前清单 (before-you-submit checklist): deadline countdown and, for each material the notice asks for,
 * whether the sheet itself says it is ready (a details column such as 身份证复印件 = 是). Pure.
 */
import type { SimpleDate } from '../core/model/dates';
import { daysBetween, parseIsoDate } from '../core/model/dates';
import type { Profile } from '../core/profiles/schema';
import type { RecognizedTable } from '../core/recognition/recognize-tables';
import { matchOption } from '../core/rules/options';
import { cellText, isBlank } from '../core/text/normalize';

export type DeadlineStatus =
  | { kind: 'none' }
  | { kind: 'past'; deadline: string; daysAgo: number }
  | { kind: 'today'; deadline: string }
  | { kind: 'left'; deadline: string; days: number };

export function deadlineStatus(deadline: string | null | undefined, today: SimpleDate): DeadlineStatus {
  const d = deadline ? parseIsoDate(deadline) : undefined;
  if (!d || !deadline) return { kind: 'none' };
  const days = daysBetween(today, d);
  if (days < 0) return { kind: 'past', deadline, daysAgo: -days };
  if (days === 0) return { kind: 'today', deadline };
  return { kind: 'left', deadline, days };
}

export interface NomineeReadiness {
  nominee: string;
  /** 0-based row of the details table, and the A1 address of the tracking cell. */
  row: number;
  col: number;
  /** The cell as typed ("是", "√", "", "否"). */
  value: string;
  ready: boolean;
}

export interface MaterialStatus {
  id: string;
  label: { zh: string; en: string };
  perNominee: boolean;
  copies?: number;
  /** Present when the details table has the material's tracking column. */
  tracked?: {
    sheet: string;
    /** Header as typed in the sheet. */
    header: string;
    nominees: NomineeReadiness[];
    ready: number;
  };
}

function nomineeName(table: RecognizedTable, row: number): string {
  const c = table.colOf.get('name');
  const name = c === undefined ? '' : cellText(table.sheet.rows[row]?.[c] ?? null).trim();
  return name || `第 ${row + 1} 行`;
}

/** One entry per material of the profile, in the notice's order. */
export function materialStatuses(profile: Profile, tables: readonly RecognizedTable[]): MaterialStatus[] {
  const details = tables.find((t) => t.kind === 'details');
  return profile.materials.map((m) => {
    const status: MaterialStatus = { id: m.id, label: m.label, perNominee: m.perNominee };
    if (m.copies !== undefined) status.copies = m.copies;
    if (!m.perNominee || !m.trackedBy || !details) return status;
    const col = details.colOf.get(m.trackedBy);
    if (col === undefined) return status;
    const binding = details.columns.find((b) => b.col === col)!;
    // Several units' details pasted on one sheet: every block's nominees, each read in its own columns.
    const blocks = tables.filter((t) => t.kind === 'details' && t.sheet.name === details.sheet.name);
    const nominees: NomineeReadiness[] = blocks.flatMap((t) => {
      const c = t.colOf.get(m.trackedBy!);
      if (c === undefined) return [];
      const field = t.columns.find((b) => b.col === c)!.field;
      return t.dataRows.map((row) => {
        const v = t.sheet.rows[row]?.[c] ?? null;
        const text = isBlank(v) ? '' : cellText(v).trim();
        const ready = text !== '' && (matchOption(field, text) === '是' || /^(是|已提交|已交|齐|有)$/.test(text));
        return { nominee: nomineeName(t, row), row, col: c, value: text, ready };
      });
    });
    status.tracked = { sheet: details.sheet.name, header: binding.header, nominees, ready: nominees.filter((n) => n.ready).length };
    return status;
  });
}
