/**
 * Why a file could not be read as a workbook. The reasons and their words are the core's (check/failures.ts),
 * so every front end says the same; this adapter only decides which reason applies. Browser-safe.
 */
import type { Lang } from '../../core/model/findings';
import { CheckError, checkFailureMessage, type ForeignKind, type ReadFailureCode, type TooLarge } from '../../core/check/failures';

/** Why the bytes cannot be used: damaged or foreign (the core's 'unreadable' reasons), or over the reading budget. */
export type WorkbookReadErrorCode = ReadFailureCode | 'too-large';
export type { ForeignKind, TooLarge };

export function workbookReadMessage(code: ReadFailureCode, kind?: ForeignKind) {
  return checkFailureMessage(kind ? { code: 'unreadable', reason: code, kind } : { code: 'unreadable', reason: code });
}

/**
 * The file cannot be read: a CheckError whose failure is 'unreadable' (`code` says why) or 'too-large' (the
 * reading budget: `tooLarge` says which sheet and limit); `localized` holds the user-facing text in both languages.
 */
export class WorkbookReadError extends CheckError {
  override readonly name = 'WorkbookReadError';
  readonly code: WorkbookReadErrorCode;
  /** What the bytes look like instead, when known (only for 'not-a-workbook'). */
  readonly kind?: ForeignKind;

  constructor(code: ReadFailureCode, options?: { kind?: ForeignKind; cause?: unknown });
  constructor(code: 'too-large', options: { tooLarge: Omit<TooLarge, 'code'>; cause?: unknown });
  constructor(code: WorkbookReadErrorCode, options: { kind?: ForeignKind; cause?: unknown; tooLarge?: Omit<TooLarge, 'code'> } = {}) {
    // The cause is kept for debugging only; never shown to users.
    super(
      code === 'too-large'
        ? { code: 'too-large', ...options.tooLarge! }
        : options.kind
          ? { code: 'unreadable', reason: code, kind: options.kind }
          : { code: 'unreadable', reason: code },
      { cause: options.cause },
    );
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
