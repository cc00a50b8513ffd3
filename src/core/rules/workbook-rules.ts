/** Rules across the tables of a workbook (profile.workbookRules). */
import { Issue, issue } from '../model/findings';
import { SimpleDate } from '../model/dates';
import { Profile } from '../profiles/schema';
import { WorkbookRule } from '../profiles/workbook-rule-schema';
import { RecognizedTable } from '../recognition/recognize-tables';
import { cellText, compareKey, isBlank } from '../text/normalize';

/** Reports a finding at (table, row, field); the engine places it on the cell. */
export type AddFinding = (i: Issue, table: RecognizedTable, row: number, fieldKey: string) => void;

function applyReference(rule: Extract<WorkbookRule, { kind: 'reference' }>, tables: RecognizedTable[], add: AddFinding): void {
  const from = tables.find((t) => t.kind === rule.from.table);
  const to = tables.find((t) => t.kind === rule.to.table);
  const fromCol = from?.colOf.get(rule.from.field);
  const toCol = to?.colOf.get(rule.to.field);
  if (!from || !to || fromCol === undefined || toCol === undefined) return;
  const known = new Set(to.dataRows.map((r) => compareKey(cellText(to.sheet.rows[r]?.[toCol] ?? null))));
  for (const r of from.dataRows) {
    const v = from.sheet.rows[r]?.[fromCol] ?? null;
    if (isBlank(v) || known.has(compareKey(cellText(v)))) continue;
    add(
      issue(rule.severity, rule.id, `“${cellText(v).trim()}”不在${to.spec.name.zh}（工作表“${to.sheet.name}”）中：${rule.reason.zh}`, `"${cellText(v).trim()}" is not in the ${to.spec.name.en}: ${rule.reason.en}`),
      from,
      r,
      rule.from.field,
    );
  }
}

export function applyWorkbookRules(profile: Profile, tables: RecognizedTable[], _asOf: SimpleDate, add: AddFinding): void {
  for (const rule of profile.workbookRules) {
    switch (rule.kind) {
      case 'reference':
        applyReference(rule, tables, add);
        break;
    }
  }
}
