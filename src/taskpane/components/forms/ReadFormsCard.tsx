/** 读取 Word 申报表: pick the forms, see what was read and what is wrong, keep the workbook made from them. */
import { Button, MessageBar, MessageBarBody, Spinner, Text } from '@fluentui/react-components';
import { ArrowDownload20Regular, DocumentText20Regular, ShieldCheckmark20Regular, TableAdd20Regular, WindowNew20Regular } from '../icons';
import type { Lang } from '../../../core/model/findings';
import type { Strings } from '../../i18n';
import type { FormStrings } from '../../forms-i18n';
import type { FormsModel } from '../../hooks/useForms';
import { Card, Muted } from '../panel-parts/Card';
import { FilePickButton } from '../panel-parts/FilePickButton';
import { HostErrorBar, NoticeBar } from '../panel-parts/MessageBars';
import { usePanelStyles } from '../panel-parts/panel-styles';
import { WORKBOOK_ACCEPT } from '../../file-name';
import { FormFindings } from './FormFindings';

/** Word forms, and workbooks laid out like them (every format the page reads). */
const FORM_ACCEPT = `.docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document,${WORKBOOK_ACCEPT}`;

export function ReadFormsCard({ model: m, f, t, lang, onOpenInCheck }: { model: FormsModel; f: FormStrings; t: Strings; lang: Lang; onOpenInCheck?: (bytes: Uint8Array, name: string) => void }) {
  const s = usePanelStyles();
  const r = m.read;
  return (
    <Card title={f.readTitle} testId="forms-read-card">
      <Muted>{f.readHint}</Muted>
      <div className={s.rowCenter}>
        <FilePickButton label={f.pickForms} testId="forms-input" multiple accept={FORM_ACCEPT} icon={<DocumentText20Regular />} appearance="primary" size="small" onFiles={(files) => void m.readFiles(files)} />
        {m.reading && <Spinner size="tiny" label={f.reading} labelPosition="after" />}
      </div>
      {m.readError && <HostErrorBar error={m.readError} lang={lang} t={t} testId="forms-read-error" />}
      {r && (
        <>
          <Text data-testid="forms-read-summary">{f.readSummary(r.forms, r.nominees, r.profile.shortName[lang])}</Text>
          {r.problems.map((p) => (
            <MessageBar key={p.file} intent="warning" layout="multiline">
              <MessageBarBody>
                {f.notRead}
                {t.colon}
                {p.file}
                {t.colon}
                {p.message[lang]}
              </MessageBarBody>
            </MessageBar>
          ))}
          <Text data-testid="forms-read-counts">
            {(['error', 'warning', 'info'] as const).map((sev) => t.countLabel(sev, r.counts[sev])).join(' · ')}
          </Text>
          {r.findings.length === 0 ? <Muted>{f.noFindings}</Muted> : <FormFindings findings={r.findings} f={f} lang={lang} testId="forms-read-findings" />}
          <div className={s.actions}>
            {m.place && (
              <Button appearance="primary" size="small" icon={m.place.kind === 'insert' ? <TableAdd20Regular /> : <WindowNew20Regular />} onClick={() => void m.place!.run()} data-testid="forms-place">
                {m.place.kind === 'insert' ? f.insertIntoWorkbook : f.openAsNew}
              </Button>
            )}
            {onOpenInCheck && (
              <Button appearance="primary" size="small" icon={<ShieldCheckmark20Regular />} onClick={() => onOpenInCheck(r.workbook, r.fileName)} data-testid="forms-open-check">
                {f.openInCheck}
              </Button>
            )}
            <Button size="small" icon={<ArrowDownload20Regular />} onClick={m.downloadWorkbook} data-testid="forms-download-workbook">
              {f.downloadWorkbook}
            </Button>
          </div>
          <NoticeBar notice={m.placed} />
        </>
      )}
    </Card>
  );
}
