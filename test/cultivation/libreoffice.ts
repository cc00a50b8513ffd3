/**
 * Recalculates a workbook with LibreOffice headless (see ../shared/TOOLCHAIN.md): HOME and the user profile
 * in a temp folder, OOXMLRecalcMode 0 so formulas are always recalculated on load, saved back as .xlsx and
 * read with the exceljs adapter (formula cells then hold LibreOffice's results).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { normaliseValue, worksheetToGrid } from '../../src/adapters/exceljs/read-workbook';
import { loadExcelWorkbook } from '../../src/adapters/exceljs/load';
import { WorkbookGrid } from '../../src/core/model/grid';

/**
 * The adapter's grid, except that formula cells give cell.result: exceljs's cell.value drops falsy cached
 * results (0, FALSE, ""), so the adapter reads a formula that gave 0 as empty (reported to the lead).
 */
async function readWithResults(bytes: Uint8Array): Promise<WorkbookGrid> {
  const wb = await loadExcelWorkbook(bytes, { ignoreNodes: ['dataValidations'] });
  return {
    sheets: wb.worksheets.map((ws) => {
      const grid = worksheetToGrid(ws);
      ws.eachRow((row, r) =>
        row.eachCell((cell, c) => {
          if (cell.type === ExcelJS.ValueType.Formula) {
            while (grid.rows.length < r) grid.rows.push([]);
            grid.rows[r - 1][c - 1] = normaliseValue(cell.result);
          }
        }),
      );
      return grid;
    }),
  };
}

export function findSoffice(): string | undefined {
  const r = spawnSync('sh', ['-c', 'command -v soffice || command -v libreoffice'], { encoding: 'utf8' });
  const p = r.stdout.trim().split('\n')[0];
  return r.status === 0 && p ? p : undefined;
}

const RECALC_ALWAYS = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

export interface Recalculated {
  /** The workbook as LibreOffice saved it after recalculating: formula cells hold its results. */
  grid: WorkbookGrid;
  /** Every sheet as CSV (raw values), by sheet name. */
  csv: Map<string, string>;
}

export async function recalcWithLibreOffice(soffice: string, bytes: Uint8Array): Promise<Recalculated> {
  const dir = mkdtempSync(join(tmpdir(), 'jx-lo-'));
  try {
    mkdirSync(join(dir, 'lo', 'user'), { recursive: true });
    writeFileSync(join(dir, 'lo', 'user', 'registrymodifications.xcu'), RECALC_ALWAYS);
    writeFileSync(join(dir, 'in.xlsx'), bytes);
    const env = { ...process.env, HOME: dir };
    const profile = `-env:UserInstallation=file://${join(dir, 'lo')}`;
    const run = (filter: string, out: string) =>
      execFileSync(soffice, [profile, '--headless', '--convert-to', filter, '--outdir', join(dir, out), join(dir, 'in.xlsx')], { env, stdio: 'pipe', timeout: 120000 });
    run('xlsx:Calc MS Excel 2007 XML', 'xlsx');
    run('csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1', 'csv');
    const grid = await readWithResults(readFileSync(join(dir, 'xlsx', 'in.xlsx')));
    const csv = new Map<string, string>();
    for (const f of readdirSync(join(dir, 'csv'))) csv.set(f.replace(/^in-/, '').replace(/\.csv$/, ''), readFileSync(join(dir, 'csv', f), 'utf8'));
    return { grid, csv };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
