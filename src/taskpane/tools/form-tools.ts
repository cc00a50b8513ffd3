/**
 * The pane's FormTools (hosts/workbook-tools.ts): `jiangxuan forms read`, `forms write` and `pack` as the CLI runs
 * them (src/adapters/forms), on files the user picks and on the open workbook. Part of the tools chunk
 * (tools/load.ts): the docx package and jszip load only when the 申报表 section is used.
 */
import type { Finding } from '../../core/model/findings';
import { countFindings } from '../../core/model/findings';
import { fromJsDate } from '../../core/model/dates';
import type { Profile } from '../../core/profiles/schema';
import { formLabelOf } from '../../core/forms/check-forms';
import { fillTitle } from '../../core/forms/form-layout';
import { ruleName } from '../../core/rules/catalogue';
import { cellText } from '../../core/text/normalize';
import { gatherNominations, loadNominations, NoNominationsError, type Nominations } from '../../adapters/forms/nominations';
import { nominationsWorkbook, packSubmission, printedForms, workbookFindings } from '../../adapters/forms/outputs';
import { SHEETS } from '../../adapters/forms/details-workbook';
import { zipFiles } from '../../adapters/exceljs/scoring/zip';
import { readWorkbookBytes } from '../../adapters/files/read-workbook';
import { asHostError, HostError, type WorkbookSource } from '../hosts/workbook-host';
import type { FormFindingView, FormsRead, FormTools, NamedFile, PackView, PrintedForms } from '../hosts/workbook-tools';

function today() {
  return fromJsDate(new Date());
}

function failure(e: unknown): HostError {
  if (e instanceof NoNominationsError) {
    const lines = e.problems.map((p) => p.file);
    return new HostError(
      'no-table',
      {
        zh: `${e.localized.zh}${lines.length ? `（${e.problems.map((p) => `${p.file}：${p.message.zh}`).join('；')}）` : ''}`,
        en: `${e.localized.en}${lines.length ? ` (${e.problems.map((p) => `${p.file}: ${p.message.en}`).join('; ')})` : ''}`,
      },
      { cause: e },
    );
  }
  return asHostError(e);
}

async function guard<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    throw failure(e);
  }
}

function view(f: Finding, n: Nominations): FormFindingView {
  const label = formLabelOf(f, n.outcome.forms ?? []);
  const where = /\.docx?$/i.test(f.sheet) ? `${f.sheet}${label ? `「${label}」` : ''}` : `${f.sheet}!${f.cell}${label ? `「${label}」` : ''}`;
  const out: FormFindingView = { severity: f.severity, where, message: f.message, rule: { zh: ruleName(f, 'zh'), en: ruleName(f, 'en') } };
  if (f.nominee !== undefined) out.nominee = f.nominee;
  return out;
}

function nameOf(v: ReadonlyMap<string, unknown>): string {
  const n = v.get('name');
  return n === null || n === undefined ? '' : cellText(n as never).trim();
}

/** The open workbook's nominations: its bytes on the page, its grid in Excel. */
async function fromSource(source: WorkbookSource, profile: Profile | undefined): Promise<Nominations> {
  if (source.bytes) return loadNominations([{ name: source.name, bytes: source.bytes }], { profile, today: today() });
  if (!source.grid) throw new HostError('failed', { zh: '没有打开的工作簿', en: 'No workbook is open' });
  return gatherNominations(source.grid, { profile, today: today() });
}

function noNominees(n: Nominations): void {
  if (n.nominees.length === 0) {
    throw new HostError('no-table', {
      zh: '当前工作簿中没有申报信息（每人一行的明细表）或申报表。',
      en: 'The open workbook has no nominee details (a row per nominee) and no forms.',
    });
  }
}

export function readForms(o: { files: NamedFile[]; profile?: Profile; asOf?: string }): Promise<FormsRead> {
  return guard(async () => {
    const n = await loadNominations(o.files, { profile: o.profile, asOf: o.asOf, today: today() });
    noNominees(n);
    const workbook = await nominationsWorkbook(n);
    // The forms' findings, and those of what the workbook adds (the 汇总表's footer, the 统计表).
    const made = (await workbookFindings(n, workbook, { today: today(), asOf: o.asOf })).filter((f) => f.sheet !== SHEETS.details);
    const findings = [...n.outcome.result.findings, ...made];
    const { sheets } = await readWorkbookBytes(workbook);
    return {
      profile: n.profile,
      workbook,
      sheetNames: sheets.map((x) => x.name),
      fileName: `${fillTitle('{programme}', n.profile).replace(/[“”"]/g, '')}申报信息.xlsx`,
      nominees: n.nominees.map((x) => nameOf(x.values)),
      forms: n.nominees.filter((x) => x.from === 'form').length,
      problems: n.problems,
      findings: findings.map((f) => view(f, n)),
      counts: countFindings(findings),
    };
  });
}

export function printForms(o: { source: WorkbookSource; profile?: Profile }): Promise<PrintedForms> {
  return guard(async () => {
    const n = await fromSource(o.source, o.profile);
    noNominees(n);
    const files = await printedForms(n);
    const folder = `${fillTitle('{programme}', n.profile).replace(/[“”"]/g, '')}申报表（打印）`;
    const zip = await zipFiles(files.map((f) => ({ name: f.path, bytes: f.bytes })), folder);
    return { zip, fileName: `${folder}.zip`, files: files.map((f) => f.path), errors: countFindings([...n.outcome.result.findings, ...n.statisticsFindings]).error };
  });
}

export function pack(o: { source: WorkbookSource; profile?: Profile; force: boolean; lang: 'zh' | 'en' }): Promise<PackView> {
  return guard(async () => {
    const n = await fromSource(o.source, o.profile);
    noNominees(n);
    const r = await packSubmission(n, { force: o.force, lang: o.lang, today: today() });
    const out: PackView = {
      name: r.name,
      fileName: `${r.name}.zip`,
      files: r.files.map((f) => f.path),
      counts: r.counts,
      refused: r.refused,
      findings: r.findings.map((f) => view(f, n)),
    };
    if (r.zip) out.zip = r.zip;
    if (n.profile.submission.email) out.email = n.profile.submission.email;
    return out;
  });
}

export const formTools: FormTools = { readForms, printForms, pack };
