/**
 * 校验: the workbook's messages, the programme card, the counts and recognised tables, the Excel toolbar and the
 * result tabs; on a wide standalone page the sheet preview sits beside them.
 */
import { MessageBar, MessageBarBody, mergeClasses, Text } from '@fluentui/react-components';
import type { Lang, Localized } from '../../../core/model/findings';
import type { Profile } from '../../../core/profiles/schema';
import type { Strings } from '../../i18n';
import type { WorkbookHost } from '../../hosts/workbook-host';
import type { CheckSectionModel } from '../../hooks/useCheck';
import { CountsBar } from './CountsBar';
import { SheetPreview } from './SheetPreview';
import { WorkbookMessages } from './WorkbookMessages';
import { ProgrammeCard } from './ProgrammeCard';
import { OfficeToolbar } from './OfficeToolbar';
import { ResultTabs } from './ResultTabs';
import { useCheckStyles } from './check-styles';

export interface CheckSectionProps {
  check: CheckSectionModel;
  host?: WorkbookHost;
  office: boolean;
  /** A wide standalone page: the preview is shown beside the pane. */
  wide: boolean;
  hidden: boolean;
  info?: Localized;
  programmes: readonly Profile[];
  t: Strings;
  lang: Lang;
}

export function CheckSection({ check, host, office, wide, hidden, info, programmes, t, lang }: CheckSectionProps) {
  const s = useCheckStyles();
  const { outcome } = check;
  const preview = outcome ? (
    <SheetPreview grid={outcome.grid} findings={check.findings} selected={check.selectedCell} onCellClick={check.selectCell} t={t} lang={lang} />
  ) : (
    <Text className={s.how}>{t.previewEmpty}</Text>
  );

  return (
    <main className={mergeClasses(s.body, wide && s.bodyWide, hidden && s.hidden)} aria-label={t.sectionCheck}>
      <section className={mergeClasses(s.pane, wide && s.paneWide)} aria-label={t.appTagline}>
        <WorkbookMessages host={host} office={office} info={info} limits={office ? host?.capabilities?.().limits : undefined} notes={outcome?.notes} error={check.error} t={t} lang={lang} />
        <ProgrammeCard check={check} host={host} office={office} programmes={programmes} t={t} lang={lang} />
        {outcome && <CountsBar counts={outcome.result.counts} t={t} />}
        {outcome && outcome.result.tables.length > 0 && (
          <ul className={s.tables} data-testid="tables">
            {outcome.result.tables.map((tb) => (
              <li key={`${tb.sheet}:${tb.header}`}>{t.tablesLine(outcome.profile.tables[tb.kind]?.name[lang] ?? tb.kind, tb.sheet, tb.header, tb.nominees)}</li>
            ))}
          </ul>
        )}
        {office && host && <OfficeToolbar check={check} host={host} t={t} lang={lang} />}
        {check.notice && (
          <MessageBar intent={check.notice.intent} layout="multiline">
            <MessageBarBody>{check.notice.text}</MessageBarBody>
          </MessageBar>
        )}
        <ResultTabs check={check} previewTab={!wide && !office} preview={preview} office={office} t={t} lang={lang} />
      </section>
      {wide && (
        <section className={s.previewPane} aria-label={t.previewTitle}>
          {preview}
        </section>
      )}
    </main>
  );
}
