/**
 * Why a file could not be read as a workbook. The reasons and their words are the core's (check/failures.ts),
 * so every front end says the same; this adapter only decides which reason applies. Browser-safe.
 */
import type { Lang } from '../../core/model/findings';
import { CheckError, checkFailureMessage, type ForeignKind, type ReadFailureCode } from '../../core/check/failures';

export type WorkbookReadErrorCode = ReadFailureCode;
export type { ForeignKind };

export function workbookReadMessage(code: WorkbookReadErrorCode, kind?: ForeignKind) {
  return checkFailureMessage(kind ? { code: 'unreadable', reason: code, kind } : { code: 'unreadable', reason: code });
}

/**
 * The file cannot be read: a CheckError whose failure is 'unreadable'. `code` says why; `localized` holds the
 * user-facing text in both languages.
 */
export class WorkbookReadError extends CheckError {
  override readonly name = 'WorkbookReadError';
  readonly code: WorkbookReadErrorCode;
  /** What the bytes look like instead, when known (only for 'not-a-workbook'). */
  readonly kind?: ForeignKind;

  constructor(code: WorkbookReadErrorCode, options: { kind?: ForeignKind; cause?: unknown } = {}) {
    // The cause is kept for debugging only; never shown to users.
    super(options.kind ? { code: 'unreadable', reason: code, kind: options.kind } : { code: 'unreadable', reason: code }, { cause: options.cause });
    this.code = code;
    if (options.kind) this.kind = options.kind;
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
