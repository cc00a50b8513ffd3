/**
 * Findings are read nominee by nominee in the order of the summary sheet (the list the unit submits), then
 * nominees only the details sheet has, then table-level findings: in the pane and in the CLI's text report.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { readWorkbookBuffer } from '../../../src/adapters/exceljs/read-workbook';
import type { Finding } from '../../../src/core/model/findings';
import { parseIsoDate } from '../../../src/core/model/dates';
import { builtinProfile } from '../../../src/core/profiles/builtin-profiles';
import { groupByNominee, nomineeOrder } from '../../../src/core/report/nominee-groups';
import { formatTextReport } from '../../../src/core/report/text-report';
import { validateWorkbook } from '../../../src/core/rules/validate-workbook';
import { groupFindings } from '../../../src/taskpane/findings-view';

const SAMPLE = join(__dirname, '..', '..', '..', 'samples', 'sqc-2025-有问题.xlsx');

function f(row: number, nominee?: string, sheet = '申报信息'): Finding {
  const out: Finding = { severity: 'error', rule: 'field.required', message: { zh: 'x', en: 'x' }, sheet, row, col: 1, cell: `B${row + 1}` };
  if (nominee !== undefined) out.nominee = nominee;
  return out;
}

describe('nominee order', () => {
  it('puts the summary sheet first, then the details, without repeating a name', () => {
    expect(
      nomineeOrder([
        { kind: 'details', labels: ['乙', '甲', '丁'] },
        { kind: 'summary', labels: ['甲', '乙', '丙'] },
      ]),
    ).toEqual(['甲', '乙', '丙', '丁']);
  });

  it('groups findings in that order, unknown nominees after, table-level findings last', () => {
    const findings = [f(0), f(2, '乙', '推荐汇总表'), f(3, '甲'), f(4, '戊'), f(5, '乙'), f(9)];
    const groups = groupByNominee(findings, ['甲', '乙', '丙']);
    expect(groups.map((g) => g.nominee)).toEqual(['甲', '乙', '戊', undefined]);
    // A nominee's findings on both sheets are one group, in sheet order.
    expect(groups[1].findings.map((x) => x.sheet)).toEqual(['推荐汇总表', '申报信息']);
    expect(groups[3].findings).toHaveLength(2);
    // Without an order: as the findings first name them.
    expect(groupByNominee(findings).map((g) => g.nominee)).toEqual(['乙', '甲', '戊', undefined]);
    expect(groupFindings(findings, ['甲', '乙']).map((g) => g.nominee)).toEqual(['甲', '乙', '戊', undefined]);
  });

  it('reads the sample workbook in the order of its summary sheet, in the result, the pane and the text report', async () => {
    const bytes = readFileSync(SAMPLE);
    // The summary sheet's names, read independently of the engine.
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
    const summary = book.getWorksheet('推荐汇总表')!;
    const header = (summary.getRow(2).values as unknown[]).map((v) => String(v ?? ''));
    const nameCol = header.indexOf('姓名');
    const summaryNames: string[] = [];
    summary.eachRow((row, r) => {
      const serial = row.getCell(1).value;
      if (r > 2 && typeof serial === 'number') summaryNames.push(String(row.getCell(nameCol).value ?? '').trim());
    });
    expect(summaryNames.length).toBeGreaterThan(10);

    const grid = await readWorkbookBuffer(bytes);
    const result = validateWorkbook(grid, builtinProfile('sqc-2025')!, { asOf: parseIsoDate('2025-03-01')! });
    expect(result.nomineeOrder.slice(0, summaryNames.length)).toEqual(summaryNames);

    const groups = groupFindings(result.findings, result.nomineeOrder);
    const named = groups.filter((g) => g.nominee !== undefined).map((g) => g.nominee!);
    expect(named).toEqual(summaryNames.filter((n) => named.includes(n)));
    // A summary-sheet finding (the serial number) sits in its nominee's group, not at the top.
    const serial = groups.findIndex((g) => g.findings.some((x) => x.rule === 'serial.sequence'));
    expect(serial).toBe(named.indexOf(groups[serial].nominee!));
    expect(serial).toBeGreaterThan(0);
    expect(groups[groups.length - 1].nominee).toBeUndefined();

    const text = formatTextReport(result, { file: 'sqc-2025-有问题.xlsx' }, 'zh');
    const titles = [...text.matchAll(/^■ (.+?)（/gm)].map((m) => m[1]);
    expect(titles).toEqual([...named, '表格整体']);
  });
});
