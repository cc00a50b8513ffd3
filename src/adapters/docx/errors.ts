/** Why a file could not be read as a Word 申报表, in both languages (the pane, the CLI and the reports say the same). */
import type { Localized } from '../../core/model/findings';

export type DocxReadErrorCode = 'empty' | 'legacy-doc' | 'not-docx' | 'truncated' | 'no-table' | 'too-large';

const MESSAGES: Record<DocxReadErrorCode, Localized> = {
  empty: { zh: '文件是空的（0 字节），请重新下载完整的文件。', en: 'The file is empty (0 bytes): download the complete file again.' },
  'legacy-doc': {
    zh: '这是旧版 Word 97-2003（.doc）文件，或设置了打开密码：请在 Word 或 WPS 中打开（去掉密码），另存为 .docx 后再试。',
    en: 'This is an old Word 97-2003 (.doc) file, or it has an opening password: open it in Word or WPS (remove the password), save it as .docx and retry.',
  },
  'not-docx': { zh: '这不是 Word 文档（.docx）：申报表请用 Word 或 WPS 保存为 .docx。', en: 'This is not a Word document (.docx): save the form as .docx in Word or WPS.' },
  truncated: { zh: '文件不完整或已损坏，无法打开：请重新从邮件下载完整的文件后再试。', en: 'The file is incomplete or damaged: download it again (e.g. from the e-mail) and retry.' },
  'no-table': {
    zh: '文档中没有表格：申报表应是通知附件中的表格（姓名、性别、身份证……逐项填写），请用通知附件的表格填写。',
    en: 'The document has no table: the application form is the notice’s table (姓名, 性别, 身份证 …); fill in that table.',
  },
  'too-large': { zh: '文档过大（超过 50 MB 文字），不像一份申报表。', en: 'The document is too large (over 50 MB of text) to be an application form.' },
};

export class DocxReadError extends Error {
  readonly localized: Localized;
  constructor(
    readonly code: DocxReadErrorCode,
    options?: { cause?: unknown },
  ) {
    super(MESSAGES[code].zh);
    this.name = 'DocxReadError';
    this.localized = MESSAGES[code];
    if (options?.cause !== undefined) (this as { cause?: unknown }).cause = options.cause;
    Object.setPrototypeOf(this, DocxReadError.prototype);
  }
}

export function isDocxReadError(e: unknown): e is DocxReadError {
  return e instanceof DocxReadError;
}
