/** 打印申报表 and 打包报送材料: the open workbook's forms as Word documents, and the e-mail package. */
import { Button, Checkbox, Spinner } from '@fluentui/react-components';
import { FolderZip20Regular, Print20Regular } from '../icons';
import type { Lang } from '../../../core/model/findings';
import type { Profile } from '../../../core/profiles/schema';
import type { FormStrings } from '../../forms-i18n';
import type { FormsModel } from '../../hooks/useForms';
import { Card, Muted } from '../panel-parts/Card';
import { NoticeBar } from '../panel-parts/MessageBars';
import { usePanelStyles } from '../panel-parts/panel-styles';
import { FormFindings } from './FormFindings';

export function SubmissionCards({ model: m, f, lang, profile, hasWorkbook }: { model: FormsModel; f: FormStrings; lang: Lang; profile?: Profile; hasWorkbook: boolean }) {
  const s = usePanelStyles();
  return (
    <>
      <Card title={f.printTitle} testId="forms-print-card">
        <Muted>{f.printHint(profile?.forms?.copies ?? 3)}</Muted>
        {!hasWorkbook && <Muted>{f.noWorkbook}</Muted>}
        <div className={s.actions}>
          <Button appearance="primary" size="small" icon={m.printing ? <Spinner size="tiny" /> : <Print20Regular />} disabled={!hasWorkbook || m.printing} onClick={() => void m.print()} data-testid="forms-print">
            {f.printButton}
          </Button>
        </div>
        <NoticeBar notice={m.printed} />
      </Card>
      <Card title={f.packTitle} testId="forms-pack-card">
        <Muted>{f.packHint(profile?.submission.email)}</Muted>
        <Checkbox label={f.packForce} checked={m.force} onChange={(_, d) => m.setForce(d.checked === true)} data-testid="forms-pack-force" />
        <div className={s.actions}>
          <Button appearance="primary" size="small" icon={m.packing ? <Spinner size="tiny" /> : <FolderZip20Regular />} disabled={!hasWorkbook || m.packing} onClick={() => void m.pack()} data-testid="forms-pack">
            {f.packButton}
          </Button>
        </div>
        <NoticeBar notice={m.packed} />
        <FormFindings findings={m.packFindings} f={f} lang={lang} testId="forms-pack-findings" />
      </Card>
    </>
  );
}
