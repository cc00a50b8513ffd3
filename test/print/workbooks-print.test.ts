/**
 * Every workbook Jiangxuan writes, printed by LibreOffice headless to PDF and read back with poppler
 * (test/scoring/office-tools.ts): A4, a bounded number of pages per sheet, no page without content (beyond the
 * sheet name at the top and the page number at the bottom), the header row on every page of a table, and long
 * texts (check messages, the 说明 sheet) printed whole rather than cut at a column or page edge.
 * Skipped without LibreOffice or poppler (apt-get install libreoffice-calc poppler-utils).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { annotateWorkbook } from '../../src/adapters/exceljs/annotate';
import { rolloverTrackingWorkbook, writeTrackingWorkbook } from '../../src/adapters/exceljs/cultivation';
import { readWorkbookBytes } from '../../src/adapters/files/read-workbook';
import { checkWorkbook } from '../../src/core/check/check-workbook';
import { designWorkbook } from '../../src/core/cultivation/design';
import { MIN_PRINTED_TRAINEES } from '../../src/core/cultivation/print';
import { writeWorkbookBytes } from '../../src/adapters/exceljs/write-workbook';
import { guideSections } from '../../src/core/cultivation/guide';
import type { Finding } from '../../src/core/model/findings';
import { RULES, ruleName } from '../../src/core/rules/catalogue';
import { buildScenario, PROFILE } from '../cultivation/scenario';
import { poppler, printToPdf, PrintedPdf, soffice } from '../scoring/office-tools';

const maybe = soffice && poppler ? test : test.skip;
const A4 = /\(A4\)/;

/** Page text without whitespace, for comparing with texts that wrap over lines. */
const squash = (s: string) => s.replace(/\s+/g, '');

/** The sheet each page belongs to: the page header prints the sheet's name on the first line. */
function sheetOf(page: string): string {
  return page.split('\n').find((l) => l.trim())?.trim() ?? '';
}

/** Pages per sheet, in order. */
function pagesBySheet(pdf: PrintedPdf): Map<string, number[]> {
  const out = new Map<string, number[]>();
  pdf.text.forEach((t, i) => {
    const s = sheetOf(t);
    out.set(s, [...(out.get(s) ?? []), i]);
  });
  return out;
}

/** Every page holds more than its header (sheet name) and footer (page number). */
function expectNoEmptyPage(pdf: PrintedPdf): void {
  pdf.text.forEach((t, i) => {
    const body = t
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && l !== sheetOf(t) && !/^第 \d+ 页，共 \d+ 页$/.test(l));
    expect([i + 1, body.length > 0]).toEqual([i + 1, true]);
  });
}

describe('printing what Jiangxuan writes (LibreOffice → PDF)', () => {
  maybe(
    'the blank tracking workbook: A4, at most 12 pages, none empty, every sheet with its header, the 说明 texts whole',
    async () => {
      const pdf = printToPdf(await writeTrackingWorkbook({ profile: PROFILE, year: 2026 }));
      expect(pdf.size).toMatch(A4);
      // Before: 80 Letter pages, ~45 of them blank (formula rows to row 502 printed, columns split in three).
      expect(pdf.pages).toBeLessThanOrEqual(12);
      expectNoEmptyPage(pdf);
      const by = pagesBySheet(pdf);
      expect([...by.keys()]).toEqual(['说明', '培育对象清单', '培育计划', '培育档案', '阶段考核', '期满考评', '退出记录', '助企行服务统计', '仪表盘']);
      // Tables: one page each, the trainee list two pages across (its name column on both), the service roll-up one.
      for (const s of ['培育计划', '培育档案', '阶段考核', '期满考评', '退出记录', '助企行服务统计', '说明']) expect([s, by.get(s)!.length]).toEqual([s, 1]);
      expect(by.get('培育对象清单')!.length).toBe(2);
      for (const p of by.get('培育对象清单')!) expect(pdf.text[p]).toContain('姓名');
      // The 说明 sheet's long lines are printed whole (they were cut at the page edge).
      const guide = squash(by.get('说明')!.map((p) => pdf.plain[p]).join(''));
      const d = designWorkbook(PROFILE);
      for (const section of guideSections(PROFILE, d)) for (const [, line] of section.lines) expect(guide).toContain(squash(line));

      // Trainees typed into the blank list (within its printed rows) print, with the formulas filled in ahead.
      const typed = new ExcelJS.Workbook();
      await typed.xlsx.load((await writeTrackingWorkbook({ profile: PROFILE, year: 2026 })) as unknown as ArrayBuffer);
      const list = typed.getWorksheet('培育对象清单')!;
      const names = Array.from({ length: MIN_PRINTED_TRAINEES }, (_, i) => `手填学员${i + 1}`);
      names.forEach((n, i) => (list.getCell(3 + i, 1).value = n));
      const after = printToPdf(await writeWorkbookBytes(typed));
      const printed = squash(pagesBySheet(after).get('培育对象清单')!.map((p) => after.plain[p]).join(''));
      for (const n of names) expect(printed).toContain(n);
      const service = squash(pagesBySheet(after).get('助企行服务统计')!.map((p) => after.plain[p]).join(''));
      expect(pagesBySheet(after).get('助企行服务统计')!.length).toBe(1);
      for (const n of names) expect(service).toContain(n);
    },
    240000,
  );

  maybe(
    'a filled tracking workbook and its rollover: every trainee and activity printed, header rows on every page, no empty page',
    async () => {
      const scenario = buildScenario();
      const filled = await writeTrackingWorkbook(scenario.input);
      const pdf = printToPdf(filled);
      expect(pdf.size).toMatch(A4);
      expectNoEmptyPage(pdf);
      const by = pagesBySheet(pdf);
      const list = squash(by.get('培育对象清单')!.map((p) => pdf.plain[p]).join(''));
      for (const t of scenario.trainees) expect(list).toContain(t.nominee.name);
      // 14 trainees on one page length, two pages across; the service roll-up lists them on one page.
      expect(by.get('培育对象清单')!.length).toBe(2);
      expect(by.get('助企行服务统计')!.length).toBe(1);
      const service = squash(pdf.plain[by.get('助企行服务统计')![0]]);
      for (const t of scenario.trainees) expect(service).toContain(t.nominee.name);
      // Typed rows without formulas filled ahead (activities) print as far as they go, header on every page.
      const activityPages = by.get('培育档案')!;
      expect(activityPages.length).toBeGreaterThanOrEqual(1);
      for (const p of activityPages) expect(pdf.text[p]).toContain('活动日期');
      expect(pdf.pages).toBeLessThanOrEqual(16);

      const { bytes } = await rolloverTrackingWorkbook(filled, { profile: PROFILE, year: 2027 });
      const next = printToPdf(bytes);
      expect(next.size).toMatch(A4);
      expectNoEmptyPage(next);
      const history = [...pagesBySheet(next).keys()].filter((s) => s.startsWith('历史·'));
      expect(history.length).toBeGreaterThan(0);
      expect(next.pages).toBeLessThanOrEqual(20);
    },
    240000,
  );

  maybe(
    'the annotated copy: 校验结果 on one landscape A4 page, every message whole, human rule names (no rule ids)',
    async () => {
      const bytes = new Uint8Array(readFileSync(join(__dirname, '..', '..', 'samples', 'sqc-2025-有问题.xlsx')));
      const outcome = checkWorkbook(await readWorkbookBytes(bytes), { today: { y: 2025, m: 3, d: 1 } });
      const long: Finding = {
        severity: 'warning',
        rule: 'cross.missing-details',
        message: { zh: `这是一条很长的说明：${'每一句都要完整地打印出来，不能在列边或页边被截断；'.repeat(8)}到此结束。`, en: 'long' },
        sheet: outcome.result.findings[0].sheet,
        row: 3,
        col: 2,
        cell: 'C4',
      };
      const findings = [...outcome.result.findings, long];
      const annotated = await annotateWorkbook(bytes, findings, { lang: 'zh', programName: outcome.profile.name.zh });

      // In the workbook: the 规则 column holds the catalogue's human names.
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(annotated as unknown as ArrayBuffer);
      const results = wb.getWorksheet('校验结果')!;
      // Catalogue ids and the programme's own rule ids (e.g. sqc.already-local-craftsman).
      const ids = new Set([...Object.keys(RULES), ...findings.map((f) => f.rule)]);
      const names = new Set(findings.map((f) => ruleName(f, 'zh')));
      for (let r = 3; r <= 2 + findings.length; r++) {
        const rule = String(results.getCell(r, 4).value);
        expect(names.has(rule)).toBe(true);
        expect(ids.has(rule)).toBe(false);
      }

      const pdf = printToPdf(annotated);
      expect(pdf.size).toMatch(A4);
      expectNoEmptyPage(pdf);
      const pages = pagesBySheet(pdf).get('校验结果')!;
      // Before: three portrait pages with the messages cut at the column edge.
      expect(pages.length).toBe(1);
      const text = pdf.plain[pages[0]];
      // A wrapped message's lines stay together in reading order, except that the nominee beside its first line
      // may come between them: take the nominees out before comparing.
      const nominees = [...new Set(findings.map((f) => f.nominee).filter((n): n is string => !!n))].sort((a, b) => b.length - a.length);
      const withoutNominees = (s: string) => nominees.reduce((t, n) => t.split(n).join(''), squash(s));
      const body = withoutNominees(text);
      for (const f of findings) {
        expect(body).toContain(withoutNominees(f.message.zh));
        expect(text).toContain(ruleName(f, 'zh'));
      }
      for (const id of ids) expect(text).not.toContain(id);
      // Landscape: wider than tall.
      const [w, h] = pdf.size.split(' x ').map((x) => parseFloat(x));
      expect(w).toBeGreaterThan(h);
    },
    180000,
  );
});
