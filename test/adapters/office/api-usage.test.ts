/**
 * The requirement-set table: the simulation's API table is what @types/office-js declares, docs/office-api-usage.md
 * is what the code uses, and no code uses an API above the requirement set its function declares or checks.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const { readExcelApi, serialize, OUT: API_JSON } = require('../../../scripts/office-sim/excel-api.js');
const { apiUsage, violations, render, readFeatures, OUT: USAGE_MD } = require('../../../scripts/office-sim/api-usage.js');

describe('Excel API table (generated from @types/office-js)', () => {
  it('is up to date with the installed declarations', () => {
    const fresh = serialize(readExcelApi());
    expect(fs.readFileSync(API_JSON, 'utf8')).toBe(fresh);
    const table = JSON.parse(fresh).classes;
    // Spot checks against Microsoft's documentation.
    expect(table.Range.members.getMergedAreasOrNullObject.set).toBe('ExcelApi 1.13');
    expect(table.Worksheet.members.visibility.set).toEqual({ get: 'ExcelApi 1.1', set: 'ExcelApi 1.2' });
    expect(table.RunOptions.members.delayForCellEdit.set).toBe('ExcelApi 1.11');
    expect(table.RunOptions.members.mergeUndoGroup.set).toBe('ExcelApi 1.20');
    expect(table.Range.members.format.type).toBe('RangeFormat');
  });
});

describe('API usage of the add-in', () => {
  const uses = apiUsage();

  it('keeps every API within its declared or checked requirement set, and the table is current', () => {
    expect(violations(uses)).toEqual([]);
    const md = render(uses);
    if (fs.readFileSync(USAGE_MD, 'utf8') !== md) console.log('docs/office-api-usage.md is stale: run node scripts/office-sim/api-usage.js');
    expect(fs.readFileSync(USAGE_MD, 'utf8')).toBe(md);
    const feats = readFeatures();
    expect(feats.base).toBe(7);
    // The manifest asks for what the ungated code needs.
    const manifest = fs.readFileSync(path.join(__dirname, '../../../manifest.xml'), 'utf8');
    expect(manifest).toMatch(new RegExp(`<bt:Set Name="ExcelApi" MinVersion="1\\.${feats.base}"/>`));
    const ungated = uses.filter((u: { requires?: unknown; guard?: string }) => !u.requires && !u.guard);
    expect(Math.max(...ungated.map((u: { minor: number }) => u.minor))).toBeLessThanOrEqual(feats.base);
    // Load paths are looked at too.
    expect(uses.some((u: { api: string; mode: string }) => u.api === 'Excel.WorksheetProtection.protected' && u.mode === 'load')).toBe(true);
  }, 120_000);

  it('fails for code that uses an API above what its function declares or checks', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jx-api-'));
    const file = path.join(dir, 'probe.ts');
    fs.writeFileSync(
      file,
      `/// <reference types="office-js" />
declare function supports(f: string): boolean;
export function bare(r: Excel.Range) { return r.getMergedAreasOrNullObject(); }
/** @requires ExcelApi 1.9 (marks) */
export function tooLow(r: Excel.Range) { return r.getMergedAreasOrNullObject(); }
/** @requires ExcelApi 1.9 (marks) */
export function checked(r: Excel.Range) { if (supports('merges')) r.getMergedAreasOrNullObject(); }
export function loads(w: Excel.Worksheet) { w.load('items/name'); return w.load('protection/protected,tabColor'); }
`,
    );
    const found = violations(apiUsage({ files: [file], root: dir }));
    expect(found).toEqual([
      'probe.ts bare: Excel.Range.getMergedAreasOrNullObject needs ExcelApi 1.13, above the manifest\u2019s ExcelApi 1.7'.replace('\u2019', "'"),
      "probe.ts tooLow: Excel.Range.getMergedAreasOrNullObject needs ExcelApi 1.13, above its @requires ExcelApi 1.9",
    ]);
  }, 120_000);
});
