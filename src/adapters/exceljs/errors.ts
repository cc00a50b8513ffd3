/**
 * Why a file could not be read as a workbook, with a one-line bilingual message that tells the user what
 * to do. Browser-safe (no Node imports): the standalone page shows the same messages.
 */
import type { Lang, Localized } from '../../core/model/findings';

export type WorkbookReadErrorCode = 'empty' | 'not-a-workbook' | 'legacy-xls' | 'encrypted' | 'truncated';

/** What the bytes turned out to be when they are not a usable .xlsx (only for a more precise message). */
export type ForeignKind = 'docx' | 'pptx' | 'opendocument' | 'xlsb' | 'html' | 'xml' | 'pdf' | 'text' | 'zip' | 'unknown';

const MESSAGES: Record<WorkbookReadErrorCode, Localized> = {
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

export function workbookReadMessage(code: WorkbookReadErrorCode, kind?: ForeignKind): Localized {
  if (code === 'not-a-workbook' && kind) return FOREIGN[kind] ?? MESSAGES[code];
  return MESSAGES[code];
}

/**
 * The file cannot be read. `code` says why; `localized` holds the user-facing text in both languages;
 * `message` (for logs and generic handlers) is both on one line, Chinese first.
 */
export class WorkbookReadError extends Error {
  override readonly name = 'WorkbookReadError';
  readonly code: WorkbookReadErrorCode;
  readonly localized: Localized;
  /** What the bytes look like instead, when known (only for 'not-a-workbook'). */
  readonly kind?: ForeignKind;

  constructor(code: WorkbookReadErrorCode, options: { kind?: ForeignKind; cause?: unknown } = {}) {
    const localized = workbookReadMessage(code, options.kind);
    super(`${localized.zh} / ${localized.en}`);
    this.code = code;
    this.localized = localized;
    if (options.kind) this.kind = options.kind;
    // Kept for debugging only; never shown to users.
    if (options.cause !== undefined) (this as { cause?: unknown }).cause = options.cause;
    Object.setPrototypeOf(this, WorkbookReadError.prototype);
  }

  /** The message in one language. */
  text(lang: Lang): string {
    return this.localized[lang];
  }
}

export function isWorkbookReadError(e: unknown): e is WorkbookReadError {
  return e instanceof WorkbookReadError;
}
