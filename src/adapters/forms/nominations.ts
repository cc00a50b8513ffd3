/**
 * From the files an officer has — Word 申报表 e-mailed by nominees (.docx), workbooks of form sheets or of the
 * summary and details tables (.xlsx) — to the nominees of one checked submission: every file becomes grid sheets
 * (adapters/docx for Word, the one file entry for workbooks), the sheets go through the one door (checkWorkbook:
 * form sheets are read as forms, tables as tables), and the nominees, the summary rows and footer, and the
 * statistics tables (上海工匠 附件3) come out, ready to be written as a workbook, as printed forms, or packed.
 * Browser-safe: the CLI and the pane both call this.
 */
import type { Finding, Localized } from '../../core/model/findings';
import type { CellValue, SheetGrid, WorkbookGrid } from '../../core/model/grid';
import type { SimpleDate } from '../../core/model/dates';
import { parseIsoDate } from '../../core/model/dates';
import { defaultAsOf } from '../../core/model/as-of';
import type { Profile } from '../../core/profiles/schema';
import { checkWorkbook, chosenProgramme, detectProgramme, type CheckOutcome } from '../../core/check/check-workbook';
import { isCheckError } from '../../core/check/failures';
import type { FormRecord } from '../../core/forms/form-record';
import { recommendingUnit, recordsFromTable } from '../../core/forms/form-details';
import { statisticsForm } from '../../core/forms/form-layout';
import { readForm } from '../../core/forms/read-form';
import { checkStatistics, statisticsTables, type StatisticsTable } from '../../core/forms/statistics';
import type { SummaryFooter } from '../../core/forms/submission';
import { zipDirectory } from '../exceljs/ooxml/zip';
import { readWorkbookBytes } from '../files/read-workbook';
import { readDocxGrid } from '../docx/read-docx';
import { isDocxReadError } from '../docx/errors';

export interface InputFile {
  name: string;
  bytes: Uint8Array;
}

/** A file that could not be used, and why (the others are still read). */
export interface FileProblem {
  file: string;
  message: Localized;
}

export interface Nominee {
  values: Map<string, CellValue>;
  /** Where the nominee was read: a form (sheet or Word file) or a details row. */
  record: FormRecord;
  from: 'form' | 'table';
}

export interface Nominations {
  profile: Profile;
  /** The check of every sheet read (findings on the forms' own cells). */
  outcome: CheckOutcome;
  nominees: Nominee[];
  /** The summary as typed (when an input had one); absent: derived from the nominees. */
  summaryRows?: Map<string, CellValue>[];
  footer: SummaryFooter;
  statistics: StatisticsTable[];
  /** Findings of the statistics tables (blank figures, not whole numbers). */
  statisticsFindings: Finding[];
  problems: FileProblem[];
  /** The one workbook the nominees came from as tables, kept byte for byte (never rewritten). */
  workbook?: InputFile;
  /** Some nominees came from forms: their workbook has to be made. */
  fromForms: boolean;
}

/** Word documents are zips with a word/ folder (the extension may be wrong; the bytes decide). */
export function isDocx(file: InputFile): boolean {
  if (/\.docx?$/i.test(file.name)) return true;
  const dir = zipDirectory(file.bytes);
  return !!dir && dir.some((e) => e.name.startsWith('word/'));
}

function uniqueName(name: string, taken: Set<string>): string {
  let n = name;
  for (let k = 2; taken.has(n); k++) n = `${name} (${k})`;
  taken.add(n);
  return n;
}

export interface LoadOptions {
  profile?: Profile;
  programId?: string;
  profiles?: readonly Profile[];
  asOf?: string;
  today: SimpleDate;
  /** Footer lines of the summary (推荐单位, 联系人, 联系电话, 邮箱), over what the input's summary says. */
  footer?: SummaryFooter;
}

/** Thrown when none of the files holds a form or a table (each file's problem is in `problems`). */
export class NoNominationsError extends Error {
  constructor(
    readonly problems: FileProblem[],
    readonly localized: Localized,
  ) {
    super(localized.zh);
    this.name = 'NoNominationsError';
  }
}

/** Reads, checks and gathers the nominees of the files. Throws CheckError (the one door's failures) or NoNominationsError. */
export async function loadNominations(files: readonly InputFile[], opts: LoadOptions): Promise<Nominations> {
  const problems: FileProblem[] = [];
  const sheets: SheetGrid[] = [];
  const names = new Set<string>();
  const workbooks = files.filter((f) => !isDocx(f));
  let workbook: InputFile | undefined;
  for (const file of files) {
    try {
      if (isDocx(file)) {
        const { grid } = await readDocxGrid(file.bytes, file.name);
        sheets.push({ ...grid, name: uniqueName(file.name, names) });
        continue;
      }
      const grid: WorkbookGrid = await readWorkbookBytes(file.bytes, { name: file.name });
      for (const s of grid.sheets) {
        const name = workbooks.length > 1 ? `${file.name} ${s.name}` : s.name;
        sheets.push({ ...s, name: uniqueName(name, names) });
      }
      if (workbooks.length === 1) workbook = file;
    } catch (e) {
      if (isDocxReadError(e) || isCheckError(e)) problems.push({ file: file.name, message: e.localized });
      else throw e;
    }
  }
  if (sheets.length === 0) {
    throw new NoNominationsError(problems, {
      zh: files.length ? '没有可以读取的申报表或工作簿。' : '没有选择文件：请选择 Word 申报表（.docx）或工作簿（.xlsx）。',
      en: files.length ? 'None of the files could be read as a form or a workbook.' : 'No files chosen: choose Word forms (.docx) or workbooks (.xlsx).',
    });
  }
  return gatherNominations({ sheets }, opts, { problems, workbook });
}

/**
 * The nominations of a grid already read (the workbook open in Excel, or the sheets of the files): checked
 * through the one door, nominees gathered from its forms and tables, statistics sheets read on their own.
 */
export function gatherNominations(grid: WorkbookGrid, opts: LoadOptions, from: { problems?: FileProblem[]; workbook?: InputFile } = {}): Nominations {
  const problems = from.problems ?? [];
  const workbook = from.workbook;
  const statisticsSheets: SheetGrid[] = [];
  // Statistics sheets (上海工匠 附件3) are read on their own, not as nominations: find the programme first.
  const probe = chosenProgramme(opts) ?? detectProgramme(grid, opts.profiles)?.profile;
  const outcome = checkWorkbook(removeStatistics(grid, statisticsSheets, probe), { profile: opts.profile, programId: opts.programId, profiles: opts.profiles, asOf: opts.asOf, today: opts.today });
  const profile = outcome.profile;

  const formsBySheet = new Map((outcome.forms ?? []).map((r) => [r.sheet, r]));
  const details = outcome.result.recognized.find((t) => t.kind === 'details');
  const summary = outcome.result.recognized.find((t) => t.kind === 'summary');
  const nominees: Nominee[] = [];
  for (const s of grid.sheets) {
    const form = formsBySheet.get(s.name);
    if (form) nominees.push({ values: new Map(form.values), record: form, from: 'form' });
    else if (details && details.sheet.name === s.name) for (const r of recordsFromTable(details)) nominees.push({ values: new Map(r.values), record: r, from: 'table' });
  }
  if (nominees.length === 0 && summary) for (const r of recordsFromTable(summary)) nominees.push({ values: new Map(r.values), record: r, from: 'table' });

  const typedFooter = summary?.footer ?? {};
  const footer: SummaryFooter = {
    unit: opts.footer?.unit ?? (typedFooter.unit?.value || recommendingUnit(nominees)),
    contact: opts.footer?.contact ?? (typedFooter.contact?.value || undefined),
    phone: opts.footer?.phone ?? (typedFooter.phone?.value || undefined),
    email: opts.footer?.email ?? (typedFooter.email?.value || undefined),
  };
  const stats = statisticsForm(profile);
  const typed = stats ? statisticsSheets.map((s) => readForm(s, stats)) : [];
  const statistics = statisticsTables(profile, nominees, typed);
  const asOf = (opts.asOf ? parseIsoDate(opts.asOf) : undefined) ?? defaultAsOf(profile.deadline, opts.today);
  const statisticsFindings = statistics.flatMap((t) => {
    const where = typed.find((r) => [...r.values.values()].some((v) => v === t.union)) ?? (statistics.length === 1 ? typed[0] : undefined);
    return checkStatistics(profile, t, asOf, where);
  });
  const out: Nominations = {
    profile,
    outcome,
    nominees,
    footer,
    statistics,
    statisticsFindings,
    problems,
    fromForms: nominees.some((n) => n.from === 'form'),
  };
  if (summary) out.summaryRows = recordsFromTable(summary).map((r) => new Map(r.values));
  if (workbook && !out.fromForms) out.workbook = workbook;
  return out;
}

/** The grid without the sheets that are the programme's statistics table (collected into `into`). */
function removeStatistics(grid: WorkbookGrid, into: SheetGrid[], profile: Profile | undefined): WorkbookGrid {
  const layout = profile && statisticsForm(profile);
  if (!layout) return grid;
  const kept: SheetGrid[] = [];
  for (const s of grid.sheets) {
    if (s.rows.length <= 200) {
      const r = readForm(s, layout);
      if (r.places.size >= 5 && r.labelRows >= 4) {
        into.push(s);
        continue;
      }
    }
    kept.push(s);
  }
  return kept.length ? { sheets: kept } : grid;
}
