/**
 * Why a workbook could not be checked, as codes, and the one wording every front end shows (CLI line, pane
 * message, Excel notice, WPS). Front ends add only what is theirs (the file name before a CLI line).
 */
import type { Localized } from '../model/findings';
import type { Profile } from '../profiles/schema';

/** Why bytes are not a usable workbook (the file adapters decide; the words are here). */
export type ReadFailureCode = 'empty' | 'not-a-workbook' | 'legacy-xls' | 'encrypted' | 'truncated';

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
  | { code: 'no-table'; profile: Profile };

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

const READ: Record<ReadFailureCode, Localized> = {
  empty: {
    zh: '文件是空的（0 字节），请重新从邮件或网盘下载完整文件后再试。',
    en: 'The file is empty (0 bytes): download the complete file again from the e-mail or shared drive and retry.',
  },
  truncated: {
    zh: '文件不完整或已损坏，无法打开，请重新从邮件下载完整文件后再试。',
    en: 'The file is incomplete or damaged and cannot be opened: download the complete file again (e.g. from the e-mail) and retry.',
  },
  encrypted: {
    zh: '文件设置了打开密码，请在 Excel 中去掉打开密码（文件 → 信息 → 保护工作簿 → 用密码进行加密，清空密码）并保存后再试。',
    en: 'The file is protected by an opening password: remove it in Excel (File → Info → Protect Workbook → Encrypt with Password, clear it), save and retry.',
  },
  'legacy-xls': {
    zh: '这是旧版 Excel 97-2003（.xls）文件，请在 Excel 或 WPS 中打开后另存为 .xlsx 再试。',
    en: 'This is an old Excel 97-2003 (.xls) file: open it in Excel or WPS, save it as .xlsx and retry.',
  },
  'not-a-workbook': {
    zh: '这不是 Excel 工作簿（.xlsx）文件，请在 Excel 或 WPS 中打开推荐表后另存为 .xlsx 再试。',
    en: 'This is not an Excel workbook (.xlsx): open the nomination table in Excel or WPS, save it as .xlsx and retry.',
  },
};

const FOREIGN: Partial<Record<ForeignKind, Localized>> = {
  docx: {
    zh: '这是 Word 文档，不是 Excel 工作簿，请提交 .xlsx 格式的推荐表。',
    en: 'This is a Word document, not an Excel workbook: submit the nomination table as an .xlsx file.',
  },
  pptx: {
    zh: '这是 PowerPoint 演示文稿，不是 Excel 工作簿，请提交 .xlsx 格式的推荐表。',
    en: 'This is a PowerPoint presentation, not an Excel workbook: submit the nomination table as an .xlsx file.',
  },
  opendocument: {
    zh: '这是 OpenDocument（.ods 等）文件，请在 WPS 或 LibreOffice 中另存为 .xlsx 再试。',
    en: 'This is an OpenDocument file (.ods etc.): save it as .xlsx in WPS or LibreOffice and retry.',
  },
  xlsb: {
    zh: '这是 Excel 二进制工作簿（.xlsb），请在 Excel 中另存为 .xlsx 再试。',
    en: 'This is an Excel binary workbook (.xlsb): save it as .xlsx in Excel and retry.',
  },
  html: {
    zh: '这是网页（HTML）文件，只是扩展名像 Excel，请在 Excel 或 WPS 中打开后另存为 .xlsx 再试。',
    en: 'This is a web page (HTML) that only looks like an Excel file: open it in Excel or WPS, save it as .xlsx and retry.',
  },
  xml: {
    zh: '这是 XML 表格（如 Excel 2003 XML），请在 Excel 或 WPS 中打开后另存为 .xlsx 再试。',
    en: 'This is an XML spreadsheet (e.g. Excel 2003 XML): open it in Excel or WPS, save it as .xlsx and retry.',
  },
  pdf: {
    zh: '这是 PDF 文件，不是 Excel 工作簿，请提交 .xlsx 格式的推荐表。',
    en: 'This is a PDF file, not an Excel workbook: submit the nomination table as an .xlsx file.',
  },
  text: {
    zh: '这是文本文件（如 CSV），请在 Excel 或 WPS 中打开后另存为 .xlsx 再试。',
    en: 'This is a text file (e.g. CSV): open it in Excel or WPS, save it as .xlsx and retry.',
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
    case 'no-table':
      return {
        zh: `没有找到“${f.profile.shortName.zh}”的表格，需要含以下栏目的表头（在工作表的前 40 行内）：${describeTables(f.profile, 'zh')}。如项目选错了，请改选项目。`,
        en: `There is no nomination table of “${f.profile.shortName.en}” in the workbook: a header row with these columns is needed (within the first 40 rows of a sheet): ${describeTables(f.profile, 'en')}. If the programme is wrong, choose another.`,
      };
  }
}
