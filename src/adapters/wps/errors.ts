/** Failures of the WPS adapter, each with the words the pane and the ribbon show. */
import type { Localized } from '../../core/model/findings';

export type WpsFailure = 'no-workbook' | 'not-et';

const WORDS: Record<WpsFailure, Localized> = {
  'no-workbook': { zh: '请先在 WPS 表格中打开要校验的工作簿。', en: 'Open the workbook to check in WPS Spreadsheets first.' },
  'not-et': { zh: '匠选只能在 WPS 表格中使用（WPS 文字、演示中没有工作表）。', en: 'Jiangxuan works in WPS Spreadsheets only.' },
};

export class WpsError extends Error {
  readonly localized: Localized;
  constructor(readonly code: WpsFailure) {
    super(WORDS[code].en);
    this.name = 'WpsError';
    this.localized = WORDS[code];
    Object.setPrototypeOf(this, WpsError.prototype);
  }
}

export function isWpsError(e: unknown): e is WpsError {
  return e instanceof WpsError;
}
