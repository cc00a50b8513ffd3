/** The panels' message bars: a failure (HostError) with its title, and a one-line notice. */
import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { Lang } from '../../../core/model/findings';
import type { Strings } from '../../i18n';
import type { HostError } from '../../hosts/workbook-host';
import type { Notice } from '../../hooks/notice';

export function HostErrorBar({ error, lang, t, testId = 'scoring-error', title }: { error: HostError; lang: Lang; t: Strings; testId?: string; title?: string }) {
  return (
    <MessageBar intent={error.kind === 'failed' ? 'error' : 'warning'} layout="multiline" data-testid={testId}>
      <MessageBarBody>
        <MessageBarTitle>{error.kind === 'unreadable' ? t.unreadableTitle : title ?? t.errorTitle}</MessageBarTitle>
        {error.localized[lang]}
      </MessageBarBody>
    </MessageBar>
  );
}

export function NoticeBar({ notice, testId }: { notice?: Notice; testId?: string }) {
  if (!notice) return null;
  return (
    <MessageBar intent={notice.intent} layout="multiline" data-testid={notice.testId ?? testId}>
      <MessageBarBody>{notice.text}</MessageBarBody>
    </MessageBar>
  );
}
