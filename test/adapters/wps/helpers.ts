/** Shared pieces of the WPS adapter tests: findings by address, and everything a user could see in a workbook. */
import type { Finding, Severity } from '../../../src/core/model/findings';
import { parseCellAddress } from '../../../src/core/model/grid';
import { NO_FILL, type FakeInterior, type FakeWorkbook } from './fake-et';

/** A cell without fill reads the same whether it never had one or had one removed. */
function fillOrNull(f: FakeInterior | undefined): FakeInterior | null {
  return !f || JSON.stringify(f) === JSON.stringify(NO_FILL) ? null : f;
}

export function finding(sheet: string, cell: string, severity: Severity = 'error', zh = `问题 ${cell}`): Finding {
  const { row, col } = parseCellAddress(cell)!;
  return { sheet, row, col, cell, severity, rule: 'test.rule', message: { zh, en: `problem ${cell}` } };
}

/** Every cell's value, fill, comment and validation, the sheets and their visibility: what clearing must restore. */
export function snapshot(wb: FakeWorkbook) {
  return wb.sheets.map((s) => ({
    name: s.name,
    visible: s.visible,
    cells: [...s.cells.entries()]
      .filter(([, c]) => c.v !== undefined || fillOrNull(c.fill) || c.comment || c.validation || c.fmt)
      .map(([k, c]) => [k, c.v ?? null, c.fmt ?? null, fillOrNull(c.fill), c.comment?.text ?? null, c.validation ?? null])
      .sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
  }));
}

/** Values only (the user's data, which nothing may change). */
export function values(wb: FakeWorkbook) {
  return wb.sheets
    .filter((s) => s.name !== '_jiangxuan_marks')
    .map((s) => [s.name, [...s.cells.entries()].filter(([, c]) => c.v !== undefined).map(([k, c]) => [k, c.v]).sort()]);
}
