/**
 * What the forms workflow writes from checked nominations: the workbook (汇总表 + 申报信息 + 统计表), one printed
 * form per nominee (.docx, the notice's layout), the printed 汇总表 and 统计表, and the e-mail package with its
 * checklist — the same bytes for the CLI and the pane. Browser-safe.
 */
import JSZip from 'jszip';
import type { Finding, Lang } from '../../core/model/findings';
import { countFindings } from '../../core/model/findings';
import type { CellValue } from '../../core/model/grid';
import { parseIsoDate, type SimpleDate } from '../../core/model/dates';
import { checkWorkbook } from '../../core/check/check-workbook';
import { applicationForm, formsSettings, statisticsForm } from '../../core/forms/form-layout';
import { formDocument } from '../../core/forms/form-document';
import { summaryValues } from '../../core/forms/form-details';
import { readForm } from '../../core/forms/read-form';
import { checkStatistics, statisticsTables } from '../../core/forms/statistics';
import { checklistDocument, emailText, formFileName, packName, safeFileName, summaryDocument } from '../../core/forms/submission';
import { cellText } from '../../core/text/normalize';
import { writeDocx } from '../docx/write-docx';
import { annotateWorkbook } from '../exceljs/annotate';
import { readWorkbookBytes } from '../files/read-workbook';
import { SHEETS, writeDetailsWorkbook } from './details-workbook';
import type { Nominations } from './nominations';

export interface OutputFile {
  /** Path inside the output folder, "/"-separated ("申报表/01-林晓-申报推荐表.docx"). */
  path: string;
  bytes: Uint8Array;
}

const FORMS_FOLDER = '申报表';

function nameOf(values: ReadonlyMap<string, CellValue>): string {
  const v = values.get('name');
  return v === undefined || v === null ? '' : cellText(v).trim();
}

/** The workbook of the nominations: 推荐汇总表 (as typed, or derived), 申报信息, 统计表. */
export function nominationsWorkbook(n: Nominations): Promise<Uint8Array> {
  return writeDetailsWorkbook({ profile: n.profile, nominees: n.nominees.map((x) => x.values), summaryRows: n.summaryRows, footer: n.footer, statistics: n.statistics });
}

/** The 汇总表's rows: as typed when the input had a summary, else one per nominee. */
function summaryRows(n: Nominations): ReadonlyMap<string, CellValue>[] {
  return n.summaryRows ?? n.nominees.map((x, i) => summaryValues(x.values, i + 1));
}

/** Every printed document: a form per nominee, the 汇总表 (with its stamp block), the 统计表 per union. */
export async function printedForms(n: Nominations): Promise<OutputFile[]> {
  const { profile } = n;
  const layout = applicationForm(profile);
  const settings = formsSettings(profile);
  const out: OutputFile[] = [];
  if (profile.tables.summary) {
    out.push({ path: `${safeFileName(settings.summary?.title ?? '推荐汇总表')}.docx`, bytes: await writeDocx(summaryDocument(profile, summaryRows(n), n.footer)) });
  }
  const stats = statisticsForm(profile);
  if (stats) {
    for (const t of n.statistics) {
      const name = n.statistics.length > 1 && t.union ? `${stats.name}-${t.union}` : stats.name;
      out.push({ path: `${safeFileName(name)}.docx`, bytes: await writeDocx(formDocument(stats, t.values, { attachAbove: 100000 }).document) });
    }
  }
  const used = new Set<string>();
  for (const [i, x] of n.nominees.entries()) {
    const built = formDocument(layout, x.values, { attachAbove: settings.attachAbove, nominee: nameOf(x.values) });
    let file = formFileName(profile, i, nameOf(x.values));
    while (used.has(file)) file = file.replace(/\.docx$/, '-2.docx');
    used.add(file);
    out.push({ path: `${FORMS_FOLDER}/${file}`, bytes: await writeDocx(built.document) });
  }
  return out;
}

export interface PackOptions {
  force?: boolean;
  lang: Lang;
  today: SimpleDate;
  asOf?: string;
}

export interface PackResult {
  /** The package's name: the folder inside the zip and the zip's name without .zip. */
  name: string;
  files: OutputFile[];
  /** The zip of the folder (absent when refused). */
  zip?: Uint8Array;
  /** Findings still in the submitted workbook and statistics tables. */
  findings: Finding[];
  counts: { error: number; warning: number; info: number };
  /** Errors remain and `force` was not given: nothing was packed. */
  refused: boolean;
}

/** The file names of a package, for its checklist and e-mail (folders first, as Explorer lists them). */
function fileList(files: readonly { path: string }[]): string[] {
  return files.map((f) => f.path);
}

/**
 * The findings of the workbook that is submitted (the input as is, or the one made from the forms): the one
 * door's check, and the statistics tables' blanks (on the workbook's own 统计表 sheet when Jiangxuan made it).
 */
export async function workbookFindings(n: Nominations, workbookBytes: Uint8Array, opts: { today: SimpleDate; asOf?: string }): Promise<Finding[]> {
  const { profile } = n;
  const asOf = opts.asOf && parseIsoDate(opts.asOf) ? opts.asOf : undefined;
  const grid = await readWorkbookBytes(workbookBytes);
  const checked = checkWorkbook(grid, { profile, asOf, today: opts.today });
  const stats = statisticsForm(profile);
  if (!stats || n.workbook) return [...checked.result.findings, ...n.statisticsFindings];
  const typed = grid.sheets.filter((s) => s.name.startsWith(SHEETS.statistics)).map((s) => readForm(s, stats));
  const tables = statisticsTables(profile, n.nominees, typed);
  const date = parseIsoDate(checked.result.asOf)!;
  return [...checked.result.findings, ...tables.flatMap((t, i) => checkStatistics(profile, t, date, typed[i]))];
}

/**
 * The e-mail package: printed 汇总表 and 统计表, every form, the workbook (the input as is, or made from the
 * forms), the annotated findings when some remain, the 报送清单 and the e-mail text; a folder and its zip.
 * Refuses while errors remain unless `force`.
 */
export async function packSubmission(n: Nominations, opts: PackOptions): Promise<PackResult> {
  const { profile } = n;
  const workbookBytes = n.workbook?.bytes ?? (await nominationsWorkbook(n));
  const findings = await workbookFindings(n, workbookBytes, opts);
  const counts = countFindings(findings);
  const name = packName(profile, n.footer.unit);
  if (counts.error > 0 && !opts.force) return { name, files: [], findings, counts, refused: true };

  const files: OutputFile[] = [];
  const workbookName = `${safeFileName(profile.tables.summary ? '推荐汇总表及申报信息' : '申报信息')}.xlsx`;
  files.push({ path: workbookName, bytes: workbookBytes });
  files.push(...(await printedForms(n)));
  if (findings.length) {
    const annotated = await annotateWorkbook(workbookBytes, findings, { lang: opts.lang, programName: profile.name[opts.lang] });
    files.push({ path: counts.error ? '校验问题（尚未改正）.xlsx' : '校验提示.xlsx', bytes: annotated });
  }
  const nomineeNames = n.nominees.map((x) => nameOf(x.values));
  const listed = [...fileList(files), '报送清单.docx', '报送邮件.txt'];
  const checklist = checklistDocument(profile, n.nominees.map((x) => x.values), { unit: n.footer.unit, files: listed, date: opts.today });
  files.push({ path: '报送清单.docx', bytes: await writeDocx(checklist) });
  const mail = emailText(profile, { unit: n.footer.unit, nominees: nomineeNames, files: listed, contact: n.footer.contact, phone: n.footer.phone });
  files.push({ path: '报送邮件.txt', bytes: new TextEncoder().encode(mail.replace(/\n/g, '\r\n')) });

  const zip = new JSZip();
  const folder = zip.folder(name)!;
  for (const f of files) folder.file(f.path, f.bytes, { binary: true, compression: /\.(xlsx|docx)$/.test(f.path) ? 'STORE' : 'DEFLATE' });
  const bytes = await zip.generateAsync({ type: 'uint8array', platform: 'UNIX' });
  return { name, files, zip: bytes, findings, counts, refused: false };
}

