/**
 * Why a workbook could not be checked, as codes, and the one wording every front end shows (CLI line, pane
 * message, Excel notice, WPS). Front ends add only what is theirs (the file name before a CLI line).
 */
import type { Localized } from '../model/findings';
import type { Profile } from '../profiles/schema';

/** Why bytes are not a usable workbook (the file adapters decide; the words are here). */
export type ReadFailureCode =
  | 'empty'
  | 'not-a-workbook'
  | 'legacy-xls'
  | 'encrypted'
  /** The zip container is cut short or its bytes were damaged (a download or copy went wrong). */
  | 'truncated'
  /** The container is intact but the spreadsheet inside breaks the format (written by another program, or edited). */
  | 'malformed'
  /** Cells or merged ranges beyond Excel's 16,384 columns × 1,048,576 rows. */
  | 'beyond-grid';

/** What the bytes turned out to be when they are not a usable workbook (for a more precise message). */
export type ForeignKind = 'docx' | 'pptx' | 'opendocument' | 'xlsb' | 'html' | 'xml' | 'pdf' | 'text' | 'zip' | 'unknown';

export type CheckFailure =
  /** The bytes are not a workbook Jiangxuan can read. */
  | { code: 'unreadable'; reason: ReadFailureCode; kind?: ForeignKind }
  /** A programme id nobody knows (an old bookmark, a typo on the command line). */
  | { code: 'unknown-program'; id: string; known: readonly string[] }
  /** A date that is not a real YYYY-MM-DD date. */
  | { code: 'bad-date'; text: string }
  /** No programme was chosen and none could be detected: no title names one, no header matches a form. */
  | { code: 'no-program' }
  /** The chosen or detected programme's tables are not in the workbook. */
  | { code: 'no-table'; profile: Profile }
  /** Sheets with the form's labels that read neither as a table (one header row) nor as a form (src/core/forms). */
  | { code: 'unclear-layout'; profile: Profile; sheets: readonly string[] }
  /** The workbook holds more than Jiangxuan reads in one go (README, "表格大小"): counted, never timed. */
  | TooLarge;

/**
 * Why a workbook is too large: more cells holding data than the readers take (`cells`), rows and columns spread so
 * far apart that the grid would not fit (`extent`), more XML than the budget once unzipped (`size`), for the
 * annotated copy only, which needs the whole workbook model, more cells than that model takes (`annotate`); a
 * file in another format than .xlsx (.xls, .et, .ods, .xlsb, CSV, web tables) with more content than the reader of
 * those formats is given (`other-format`, refused before it is parsed); or — past every count — the reader ran out
 * of memory all the same (`memory`: V8's RangeError while loading).
 */
export type TooLargeReason = 'cells' | 'extent' | 'size' | 'annotate' | 'memory' | 'other-format';

export interface TooLarge {
  code: 'too-large';
  reason: TooLargeReason;
  /** The sheet that went over (absent when the workbook as a whole did, e.g. its shared text). */
  sheet?: string;
  /** The limit that was reached: cells for cells/extent/annotate, megabytes for size and other-format (0 for memory). */
  limit: number;
}

export type CheckFailureCode = CheckFailure['code'];

/** Thrown by the check use-case (and by file adapters for 'unreadable'); `failure` says why. */
export class CheckError extends Error {
  readonly localized: Localized;
  constructor(
    readonly failure: CheckFailure,
    options?: { cause?: unknown },
  ) {
    const localized = checkFailureMessage(failure);
    super(`${localized.zh} / ${localized.en}`);
    this.localized = localized;
    this.name = 'CheckError';
    if (options?.cause !== undefined) (this as { cause?: unknown }).cause = options.cause;
    Object.setPrototypeOf(this, CheckError.prototype);
  }
}

export function isCheckError(e: unknown): e is CheckError {
  return e instanceof CheckError;
}

// No message advises saving a CSV or web export "as .xlsx": Excel turns an 18-digit ID in such a file into a
// number on opening, and the last digits are lost. Those formats are read as they are.
const READ: Record<ReadFailureCode, Localized> = {
  empty: {
    zh: '文件是空的（0 字节），请重新从邮件或网盘下载完整文件后再试。',
    en: 'The file is empty (0 bytes): download the complete file again from the e-mail or shared drive and retry.',
  },
  truncated: {
    zh: '文件不完整或已损坏，无法打开，请重新从邮件下载完整文件后再试。',
    en: 'The file is incomplete or damaged and cannot be opened: download the complete file again (e.g. from the e-mail) and retry.',
  },
  malformed: {
    zh: '文件是完整的，但其中的表格内容不符合 Excel 格式（可能由其他软件生成或被改动过），匠选无法读取。请在 Excel 或 WPS 中打开后另存为新的 .xlsx 文件再试。',
    en: 'The file is complete, but the spreadsheet inside does not follow the Excel format (written by another program, or edited), so it cannot be read: open it in Excel or WPS, save it as a new .xlsx file and retry.',
  },
  'beyond-grid': {
    zh: '工作簿中有超出 Excel 表格范围的单元格或合并区域（超过 16384 列或 1048576 行），可能由其他软件生成，匠选无法读取。请在 Excel 或 WPS 中打开后另存为 .xlsx 再试。',
    en: 'The workbook has cells or merged ranges beyond Excel’s grid (over 16,384 columns or 1,048,576 rows), probably written by another program: open it in Excel or WPS, save it as .xlsx and retry.',
  },
  encrypted: {
    zh: '文件设置了打开密码，匠选无法读取。请用密码打开文件，去掉打开密码后保存，再试：Excel 中为“文件 → 信息 → 保护工作簿 → 用密码进行加密”，清空密码；WPS 中为“文件 → 文档加密 → 密码加密”，清空打开密码。',
    en: 'The file is protected by an opening password, which Jiangxuan cannot read. Open it with the password, remove the password and save, then retry: in Excel File → Info → Protect Workbook → Encrypt with Password (clear it); in WPS File → Document Encryption → Password Encryption (clear the opening password).',
  },
  'legacy-xls': {
    zh: '这是旧版 Office 97-2003 格式的文件，但读不出其中的工作表：文件可能已损坏，或不是 Excel/WPS 表格。请确认发来的是推荐表，重新从邮件下载后再试。',
    en: 'This is an Office 97-2003 file, but no worksheet can be read from it: it may be damaged or not a spreadsheet. Check that it is the nomination table and download it again.',
  },
  'not-a-workbook': {
    zh: '这不是表格文件。匠选可读取 Excel（.xlsx、.xls）、WPS（.et）、OpenDocument（.ods）表格和 CSV 文件，请确认发来的是推荐表。',
    en: 'This is not a spreadsheet. Jiangxuan reads Excel (.xlsx, .xls), WPS (.et), OpenDocument (.ods) spreadsheets and CSV files: check that this is the nomination table.',
  },
};

const FOREIGN: Partial<Record<ForeignKind, Localized>> = {
  docx: {
    zh: '这是 Word 文档，不是表格，请提交推荐表的 Excel 或 WPS 表格文件。',
    en: 'This is a Word document, not a spreadsheet: submit the nomination table as an Excel or WPS spreadsheet.',
  },
  pptx: {
    zh: '这是 PowerPoint 演示文稿，不是表格，请提交推荐表的 Excel 或 WPS 表格文件。',
    en: 'This is a PowerPoint presentation, not a spreadsheet: submit the nomination table as an Excel or WPS spreadsheet.',
  },
  opendocument: {
    zh: '这是 OpenDocument 文字或演示文档（如 .odt），不是表格，请提交推荐表的表格文件。',
    en: 'This is an OpenDocument text or presentation (e.g. .odt), not a spreadsheet: submit the nomination table as a spreadsheet.',
  },
  xlsb: {
    zh: '这是 Excel 二进制工作簿（.xlsb），但读不出其中的工作表，文件可能已损坏，请重新从邮件下载后再试。',
    en: 'This is an Excel binary workbook (.xlsb), but no worksheet can be read from it: it may be damaged; download it again.',
  },
  html: {
    zh: '这是网页（HTML）文件，其中没有表格，请确认发来的是推荐表。',
    en: 'This is a web page (HTML) with no table in it: check that this is the nomination table.',
  },
  xml: {
    zh: '这是 XML 文件，但不是能读取的表格（如 Excel 2003 XML 表格），请确认发来的是推荐表。',
    en: 'This is an XML file but not a spreadsheet that can be read (such as Excel 2003 XML): check that this is the nomination table.',
  },
  pdf: {
    zh: '这是 PDF 文件，不是表格，请提交推荐表的 Excel 或 WPS 表格文件。',
    en: 'This is a PDF file, not a spreadsheet: submit the nomination table as an Excel or WPS spreadsheet.',
  },
  text: {
    zh: '这是文本文件，但扩展名不是 .csv 或 .txt。如果它是逗号或制表符分隔的表格，请把扩展名改为 .csv 后再打开；请不要在 Excel 中另存为 .xlsx，否则身份证号码会变成数字而丢失末几位。',
    en: 'This is a text file, but its name does not end in .csv or .txt. If it is a comma- or tab-separated table, rename it to .csv and open it again; do not re-save it as .xlsx in Excel, which turns resident IDs into numbers and loses their last digits.',
  },
};

/** The headers a profile's tables need, for messages: "推荐汇总表（序号 | 所在单位名称 | 姓名 | …）；或 …". */
export function describeTables(profile: Profile, lang: 'zh' | 'en' = 'zh'): string {
  const tables = Object.values(profile.tables).filter((t) => t !== undefined);
  return lang === 'zh'
    ? tables.map((t) => `${t.name.zh}（${t.fields.slice(0, 5).map((f) => f.label).join(' | ')} …）`).join('；或 ')
    : tables.map((t) => `${t.name.en} (${t.fields.slice(0, 5).map((f) => f.label).join(' | ')} …)`).join('; or ');
}

/** The one wording of each failure, in both languages. */
export function checkFailureMessage(f: CheckFailure): Localized {
  switch (f.code) {
    case 'unreadable':
      return (f.reason === 'not-a-workbook' && f.kind ? FOREIGN[f.kind] : undefined) ?? READ[f.reason];
    case 'unknown-program':
      return {
        zh: `没有项目配置 “${f.id}”${f.known.length ? `；可用：${f.known.join('、')}` : ''}`,
        en: `There is no programme “${f.id}”${f.known.length ? `; available: ${f.known.join(', ')}` : ''}`,
      };
    case 'bad-date':
      return {
        zh: `“${f.text}”不是有效日期，请写成 YYYY-MM-DD，如 2025-03-28`,
        en: `“${f.text}” is not a real date: write it as YYYY-MM-DD, e.g. 2025-03-28`,
      };
    case 'no-program':
      return {
        zh: '找不到可识别的表格，也无法判断这份工作簿属于哪个评选项目。需要一行表头，如推荐汇总表“序号 | 所在单位名称 | 姓名 | 所在岗位名称 | 职务、职称/技能等级”，或申报信息表“姓名 | 性别 | 身份证 | …”；如是某个项目的表格，请选择该项目后再校验。',
        en: 'No recognisable table, and no way to tell which programme this workbook is for. A header row is needed, such as the summary sheet’s “序号 | 所在单位名称 | 姓名 | 所在岗位名称 | 职务、职称/技能等级” or the details’ “姓名 | 性别 | 身份证 | …”; if it is a programme’s table, choose that programme and check again.',
      };
    case 'unclear-layout': {
      const names = f.sheets.map((n) => `“${n}”`).join('、');
      return {
        zh: `工作表${names}既不是一行表头的表格，也不像“${f.profile.shortName.zh}”的申报表，没有校验：表格需要一行表头（如“姓名 | 性别 | 身份证 | …”，每人一行）；申报表需要像通知附件那样逐项填写（“姓名”“性别”“身份证”等栏目名的右边或下面是所填内容）。请按其中一种整理后再校验。`,
        en: `Sheet ${names} is neither a table with one header row nor laid out like the “${f.profile.shortName.en}” application form, so it was not checked: a table needs one header row (e.g. “姓名 | 性别 | 身份证 | …”, one nominee per row); a form needs each item as on the notice’s form (the value right of or below labels such as “姓名”, “性别”, “身份证”). Arrange it one way or the other and check again.`,
      };
    }
    case 'too-large':
      return tooLargeMessage(f);
    case 'no-table':
      return {
        zh: `没有找到“${f.profile.shortName.zh}”的表格，需要含以下栏目的表头（在工作表的前 40 行内）：${describeTables(f.profile, 'zh')}。如项目选错了，请改选项目。`,
        en: `There is no nomination table of “${f.profile.shortName.en}” in the workbook: a header row with these columns is needed (within the first 40 rows of a sheet): ${describeTables(f.profile, 'en')}. If the programme is wrong, choose another.`,
      };
  }
}

function tooLargeMessage(f: TooLarge): Localized {
  const n = f.limit.toLocaleString('en-US');
  const where = { zh: f.sheet === undefined ? '工作簿' : `工作表“${f.sheet}”`, en: f.sheet === undefined ? 'the workbook' : `sheet “${f.sheet}”` };
  const split = {
    zh: '请删去名单以外的内容（如拉满整行整列的数据或公式），或把名单拆成几个文件分别检查。',
    en: 'Delete what is not part of the list (e.g. values or formulas filled down whole columns or across whole rows), or split the list into several files and check each.',
  };
  switch (f.reason) {
    case 'cells':
      return {
        zh: `表格过大：${where.zh}填写的单元格超过 ${n} 个，超出匠选一次能检查的范围。${split.zh}`,
        en: `The table is too large: ${where.en} has more than ${n} filled cells, more than Jiangxuan checks at once. ${split.en}`,
      };
    case 'extent':
      return {
        zh: `表格过大：${where.zh}的内容分布过广（行列跨度超过 ${n} 个单元格），超出匠选一次能检查的范围。${split.zh}`,
        en: `The table is too large: ${where.en} spreads over more than ${n} cells of rows and columns, more than Jiangxuan checks at once. ${split.en}`,
      };
    case 'size':
      return {
        zh: `表格过大：${where.zh}解压后超过 ${n} MB，超出匠选一次能检查的范围。${split.zh}`,
        en: `The table is too large: ${where.en} is over ${n} MB once unzipped, more than Jiangxuan checks at once. ${split.en}`,
      };
    case 'memory':
      return {
        zh: `表格过大：读取${where.zh}时内存不足，超出匠选一次能检查的范围。${split.zh}`,
        en: `The table is too large: reading ${where.en} ran out of memory, more than Jiangxuan checks at once. ${split.en}`,
      };
    case 'other-format':
      return {
        zh: `表格过大：这个文件的内容超过 ${n} MB，超出匠选一次能读取的 .xls、.et、.ods、.xlsb、CSV 或网页表格的范围。请把名单拆成几个文件分别检查；.xls、.et、.ods 文件也可以在 Excel 或 WPS 中另存为 .xlsx 再检查（.xlsx 读取快得多，上限也高得多）。`,
        en: `The table is too large: this file holds more than ${n} MB, more than Jiangxuan reads at once from an .xls, .et, .ods, .xlsb, CSV or web-table file. Split the list into several files and check each; an .xls, .et or .ods file can also be saved as .xlsx in Excel or WPS and checked as such (.xlsx is read much faster, with a much higher limit).`,
      };
    case 'annotate':
      return {
        zh: `表格过大，无法生成标注版：${where.zh}的单元格超过 ${n} 个。校验结果不受影响；如需标注版，请把名单拆成几个文件分别检查。`,
        en: `The table is too large for an annotated copy: ${where.en} has more than ${n} cells. The check itself is not affected; for annotated copies, split the list into several files and check each.`,
      };
  }
}
