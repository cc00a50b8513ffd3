/**
 * The pane's 申报表 tools (WorkbookTools.forms) as the page and the Excel pane call them: Word files picked in the
 * browser, the open workbook as bytes (page) or as the grid Excel gives (task pane).
 */
import JSZip from 'jszip';
import { readWorkbookBytes } from '../../src/adapters/files/read-workbook';
import { workbookTools } from '../../src/taskpane/tools/workflows';
import { HostError } from '../../src/taskpane/hosts/workbook-host';
import { withWrongCheckChar } from '../../src/samples/fake-nominees';
import { nomineesOf, wordForm } from './helpers';

const forms = workbookTools.forms;

test('Word forms picked in the page: the workbook, who was read, each problem as file「item」', async () => {
  const [a, b] = nomineesOf('sqc-2025', 2, 'pane');
  const bad = { ...b, values: { ...b.values, residentId: withWrongCheckChar(String(b.values.residentId)) } };
  const r = await forms.readForms({ files: [{ name: `${a.name}.docx`, bytes: await wordForm('sqc-2025', a) }, { name: `${bad.name}.docx`, bytes: await wordForm('sqc-2025', bad) }] });
  expect([r.profile.id, r.forms, r.nominees]).toEqual(['sqc-2025', 2, [a.name, bad.name]]);
  expect(r.sheetNames).toEqual(['推荐汇总表', '申报信息']);
  expect(r.findings.filter((f) => f.severity === 'error').map((f) => f.where)).toEqual([`${bad.name}.docx「身份证」`, '推荐汇总表!A7', '推荐汇总表!A8', '推荐汇总表!A9']);
  expect(r.findings[0].rule).toEqual({ zh: '身份证校验位', en: expect.any(String) });
  expect((await readWorkbookBytes(r.workbook)).sheets[1].rows.slice(2).map((row) => row[1])).toEqual([a.name, bad.name]);
});

test('printing the open workbook: from its bytes (page) and from the grid Excel reads (pane), the same files', async () => {
  const ns = nomineesOf('sqc-2025', 2, 'pane-print');
  const read = await forms.readForms({ files: await Promise.all(ns.map(async (n) => ({ name: `${n.name}.docx`, bytes: await wordForm('sqc-2025', n) }))) });
  const fromBytes = await forms.printForms({ source: { name: '申报信息.xlsx', bytes: read.workbook } });
  const fromGrid = await forms.printForms({ source: { name: '当前工作簿', grid: await readWorkbookBytes(read.workbook) } });
  expect(fromGrid.files).toEqual(fromBytes.files);
  expect(fromBytes.files).toEqual(['第三届（2025年度）“上海质量工匠”培养选树推荐汇总表.docx', ...ns.map((n, i) => `申报表/0${i + 1}-${n.name}-申报推荐表.docx`)]);
  const zip = await JSZip.loadAsync(fromBytes.zip);
  expect(Object.keys(zip.files).filter((f) => f.endsWith('.docx'))).toHaveLength(3);
  expect(fromBytes.fileName).toBe('第三届（2025年度）上海质量工匠申报表（打印）.zip');
  // The summary's footer is still empty: 3 errors, so the pane warns before printing.
  expect(fromBytes.errors).toBe(3);
  const pack = await forms.pack({ source: { name: '申报信息.xlsx', bytes: read.workbook }, force: false, lang: 'zh' });
  expect([pack.refused, pack.zip, pack.counts.error, pack.email]).toEqual([true, undefined, 3, 'huoshaofang@saq.org.cn']);
});

test('nothing to print: a HostError the pane shows', async () => {
  const empty = { name: 'x.xlsx', grid: { sheets: [{ name: 'Sheet1', rows: [['会议纪要']], merges: [] }] } };
  await expect(forms.printForms({ source: empty })).rejects.toBeInstanceOf(HostError);
});
