/// <reference types="office-js" />
/**
 * Excel's errors in words an officer can act on, and their debugInfo in the console for support staff.
 * OfficeExtension.Error carries `code` and `debugInfo` (code, message, errorLocation, statement,
 * surroundingStatements): logged once, never shown to the user.
 */
import type { Localized } from '../../core/model/findings';

export interface OfficeErrorInfo {
  code?: string;
  message?: string;
  debugInfo?: { code?: string; message?: string; errorLocation?: string; statement?: string; surroundingStatements?: unknown };
}

export function officeErrorCode(e: unknown): string | undefined {
  const c = (e as { code?: unknown } | null)?.code;
  return typeof c === 'string' ? c : undefined;
}

/** Logs an Office.js error with its debugInfo (where in the batch Excel stopped). Returns the error. */
export function logOfficeError<T>(e: T, where: string): T {
  const o = e as OfficeErrorInfo | null;
  if (o && typeof o === 'object' && (o.debugInfo || o.code)) {
    console.error(`[匠选] Excel error in ${where}: ${o.code ?? ''} ${o.message ?? ''}`, JSON.stringify(o.debugInfo ?? {}));
  }
  return e;
}

const WORDS: Record<string, Localized> = {
  InvalidOperationInCellEditMode: {
    zh: 'Excel 正在编辑单元格。请按 Enter 或 Esc 结束编辑，然后再试一次。',
    en: 'Excel is editing a cell. Press Enter or Esc to finish editing, then try again.',
  },
  AccessDenied: {
    zh: '工作簿或工作表受保护，匠选不能写入。可以在面板中查看问题；要标注或写入结果表，请先在“审阅”选项卡中撤销保护。',
    en: 'The workbook or sheet is protected, so Jiangxuan cannot write to it. Problems are still listed in the pane; to mark cells or write the results sheet, unprotect it on the Review tab first.',
  },
  ApiNotFound: {
    zh: '这台电脑上的 Excel 不支持这项操作，需要更新的 Excel（Excel 2021、Microsoft 365 或 Excel 网页版）。',
    en: 'This Excel does not support the operation; it needs a newer Excel (Excel 2021, Microsoft 365 or Excel on the web).',
  },
  RequestPayloadSizeLimitExceeded: {
    zh: '这次要写入 Excel 的内容超过了 Excel 单次请求 5 MB 的上限。请缩小范围后再试。',
    en: 'What would be written exceeds Excel’s 5 MB request limit. Try with fewer rows.',
  },
  ResponsePayloadSizeLimitExceeded: {
    zh: '要读取的内容超过了 Excel 单次请求 5 MB 的上限。请缩小范围后再试。',
    en: 'What would be read exceeds Excel’s 5 MB request limit. Try with fewer rows.',
  },
  ItemNotFound: {
    zh: '工作表或单元格已不存在（可能刚被删除或改名）。请重新校验。',
    en: 'A sheet or cell no longer exists (it may have been deleted or renamed). Check again.',
  },
  InvalidOperation: {
    zh: 'Excel 拒绝了这项操作。请重新校验后再试。',
    en: 'Excel refused the operation. Check again, then retry.',
  },
  GeneralException: {
    zh: 'Excel 处理请求时出错（Excel 网页版在内容过多时也这样报告）。请稍后再试；若仍失败，可改用匠选网页版校验文件。',
    en: 'Excel failed to process the request (Excel on the web also reports oversized requests this way). Try again later, or check the file with the Jiangxuan web page.',
  },
};

/** Words for an Office.js error, or undefined when it is not one. The code stays in the text for support. */
export function describeOfficeError(e: unknown): Localized | undefined {
  const code = officeErrorCode(e);
  if (!code) return undefined;
  const w = WORDS[code];
  if (!w) return undefined;
  return { zh: `${w.zh}（${code}）`, en: `${w.en} (${code})` };
}

/** An error the pane can show: `localized` is its message. */
export class OfficeActionError extends Error {
  constructor(
    readonly localized: Localized,
    readonly code?: string,
    options?: { cause?: unknown },
  ) {
    super(localized.en);
    this.name = 'OfficeActionError';
    if (options?.cause !== undefined) (this as { cause?: unknown }).cause = options.cause;
  }
}

/** Logs and rewraps an Office.js error (unknown errors pass through unchanged). */
export function asOfficeActionError(e: unknown, where: string): unknown {
  logOfficeError(e, where);
  const words = describeOfficeError(e);
  return words ? new OfficeActionError(words, officeErrorCode(e), { cause: e }) : e;
}
