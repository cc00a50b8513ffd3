/** Showing a finding's cell: its sheet activated, the cell selected (hidden sheets cannot be shown: false). */
import { activeWorkbook, EtApp, XL_SHEET_VISIBLE } from './et';
import { WpsError } from './errors';

export function selectCell(app: EtApp, sheet: string, a1: string): boolean {
  const wb = activeWorkbook(app);
  if (!wb) throw new WpsError('no-workbook');
  const ws = wb.Worksheets.Item(sheet);
  if (ws.Visible !== XL_SHEET_VISIBLE) return false;
  ws.Activate();
  ws.Range(a1).Select();
  return true;
}
