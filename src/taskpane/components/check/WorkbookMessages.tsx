/**
 * What the 校验 section says about the workbook above its controls: that the sample is open, an information
 * bar (fallback from Office, missing sample), what this Excel cannot do, the file's name, what the last check
 * could not do (a protected sheet not marked…), and why it could not be read or checked.
 */
import { MessageBar, MessageBarBody, MessageBarTitle, Text } from '@fluentui/react-components';
import type { Lang, Localized } from '../../../core/model/findings';
import type { Strings } from '../../i18n';
import type { HostError, WorkbookHost } from '../../hosts/workbook-host';
import { SAMPLE_FILE } from '../../hooks/useWorkbookFile';
import { displayFileName } from '../../file-name';
import { useCheckStyles } from './check-styles';
import { Info16Filled } from '../icons';

export interface WorkbookMessagesProps {
  host?: WorkbookHost;
  office: boolean;
  info?: Localized;
  /** Excel: what this Excel cannot do (shown once, before anything is tried). */
  limits?: readonly Localized[];
  /** What the last check could not do. */
  notes?: readonly Localized[];
  error?: HostError;
  t: Strings;
  lang: Lang;
}

export function WorkbookMessages({ host, office, info, limits, notes, error, t, lang }: WorkbookMessagesProps) {
  const s = useCheckStyles();
  return (
    <>
      {host?.isSample && !error && (
        // A line, not a bar: in a 350 px pane a bar would push the first finding below the fold.
        <Text className={s.sampleNote} data-testid="sample-note">
          <Info16Filled className={s.sampleIcon} aria-hidden />
          <span>{t.sampleNote(host.fileName ?? SAMPLE_FILE)}</span>
        </Text>
      )}
      {info && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{info[lang]}</MessageBarBody>
        </MessageBar>
      )}
      {limits?.map((m) => (
        <MessageBar key={m.zh} intent="info" layout="multiline" data-testid="excel-limits">
          <MessageBarBody>{m[lang]}</MessageBarBody>
        </MessageBar>
      ))}
      {notes?.map((m) => (
        <MessageBar key={m.zh} intent="warning" layout="multiline" data-testid="check-notes">
          <MessageBarBody>{m[lang]}</MessageBarBody>
        </MessageBar>
      ))}
      {!office && host?.fileName && !host.isSample && (
        <Text className={s.fileName} title={host.fileName} data-testid="file-name">
          {t.fileLabel}
          {t.colon}
          {displayFileName(host.fileName)}
        </Text>
      )}
      {error && (
        <MessageBar intent={error.kind === 'failed' ? 'error' : 'warning'} data-testid="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{error.kind === 'no-table' ? t.noTableTitle : error.kind === 'unreadable' ? t.unreadableTitle : t.errorTitle}</MessageBarTitle>
            {error.localized[lang]}
          </MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}
