/**
 * The printed forms as a word processor prints them: every document Jiangxuan writes (each programme's 申报表, the
 * 推荐汇总表, the 上海工匠 统计表, the 报送清单) is converted to PDF by LibreOffice headless without error, on A4, and
 * one nominee's form — the pages before its 附页 — fits on two pages. Skipped when LibreOffice is not installed
 * (apt-get install -y --no-install-recommends libreoffice-writer poppler-utils; see ../shared/TOOLCHAIN.md).
 */
import { builtinProfile } from '../../src/core/profiles/builtin-profiles';
import { statisticsForm } from '../../src/core/forms/form-layout';
import { formDocument } from '../../src/core/forms/form-document';
import { summaryValues } from '../../src/core/forms/form-details';
import { statisticsTables } from '../../src/core/forms/statistics';
import { checklistDocument, summaryDocument } from '../../src/core/forms/submission';
import { writeDocx } from '../../src/adapters/docx/write-docx';
import { findSoffice, nomineesOf, renderPdfs, wordForm } from './helpers';

const soffice = findSoffice();
const maybe = soffice ? test : test.skip;
const A4 = /^595(\.\d+)? x 84[12](\.\d+)?$/;

/** Pages before the 附页 (the form itself). */
function formPages(text: readonly string[]): number {
  const k = text.findIndex((t) => /^附页：/m.test(t));
  return k < 0 ? text.length : k;
}

maybe(
  'every programme’s forms, the summary, the statistics table and the checklist print on A4; a form takes at most two pages',
  async () => {
    const docs: { name: string; bytes: Uint8Array; programme: string; nominee?: string }[] = [];
    for (const programme of ['sqc-2025', 'sh-craftsman-2024', 'qingpu-2018']) {
      const profile = builtinProfile(programme)!;
      const nominees = nomineesOf(programme, 3, `print-${programme}`);
      for (const [i, n] of nominees.entries()) docs.push({ name: `${programme}-${i}.docx`, bytes: await wordForm(programme, n), programme, nominee: n.name });
      const values = nominees.map((n) => new Map(Object.entries(n.values)));
      if (profile.tables.summary) {
        const summary = summaryDocument(profile, values.map((v, i) => summaryValues(v, i + 1)), { unit: '上海市某某区总工会', contact: '张华', phone: '021-62345678', email: 'zhanghua@126.com' });
        docs.push({ name: `${programme}-summary.docx`, bytes: await writeDocx(summary), programme });
      }
      const stats = statisticsForm(profile);
      if (stats) {
        for (const [k, t] of statisticsTables(profile, values.map((v) => ({ values: v }))).entries()) {
          docs.push({ name: `${programme}-statistics-${k}.docx`, bytes: await writeDocx(formDocument(stats, t.values, { attachAbove: 100000 }).document), programme });
        }
      }
      docs.push({ name: `${programme}-checklist.docx`, bytes: await writeDocx(checklistDocument(profile, values, { unit: '上海市某某区总工会', files: ['推荐汇总表.docx'] })), programme });
    }
    const pdfs = renderPdfs(soffice!, docs);
    for (const d of docs) {
      const pdf = pdfs.get(d.name)!;
      expect([d.name, pdf.size]).toEqual([d.name, expect.stringMatching(A4)]);
      const all = pdf.text.join('\n');
      if (d.nominee) {
        // The form: its title, the nominee, every box drawn; within two pages before any 附页.
        expect([d.name, formPages(pdf.text)]).toEqual([d.name, expect.any(Number)]);
        expect(formPages(pdf.text)).toBeLessThanOrEqual(2);
        expect(formPages(pdf.text)).toBeGreaterThanOrEqual(1);
        expect(all).toContain(d.nominee);
        expect(all).toMatch(/申报(推荐|审批)表/);
        expect(all).toMatch(/☑/);
        expect(all).toContain('盖章');
      } else if (d.name.endsWith('-summary.docx')) {
        expect(pdf.pages).toBe(1);
        expect(all).toContain('推荐单位（加盖公章）：上海市某某区总工会');
        expect(all).toMatch(/年\s+月\s+日/);
      } else if (d.name.includes('-statistics-')) {
        expect(pdf.pages).toBe(1);
        expect(all).toContain('“上海工匠”培养选树工作情况统计表');
        expect(all).toContain('2024 年上海工匠培养选树工作情况');
      } else {
        expect(pdf.pages).toBe(1);
        expect(all).toContain('报送清单');
      }
    }
  },
  300000,
);
