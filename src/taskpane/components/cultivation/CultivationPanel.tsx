/**
 * 培育跟踪: a tracking workbook from the open workbook's nominees (downloaded, or opened as a new workbook in
 * Excel), next year's workbook from a filled one (rollover), and where checking a filled workbook happens (校验,
 * with the cultivation programme detected). The CLI's own code, through the pane's WorkbookTools.
 */
import { Link } from '@fluentui/react-components';
import { ShieldCheckmark20Regular } from '../icons';
import type { Lang } from '../../../core/model/findings';
import type { Profile } from '../../../core/profiles/schema';
import type { Strings } from '../../i18n';
import type { WorkbookHost } from '../../hosts/workbook-host';
import { useTrackingWorkbook } from '../../hooks/useTrackingWorkbook';
import { useRollover } from '../../hooks/useRollover';
import { Card, Muted } from '../panel-parts/Card';
import { usePanelStyles } from '../panel-parts/panel-styles';
import { TrackingWorkbookCard } from './TrackingWorkbookCard';
import { RolloverCard } from './RolloverCard';

export interface CultivationPanelProps {
  host?: WorkbookHost;
  office: boolean;
  /** The built-in cultivation programme (质量工匠培育 2026). */
  profile?: Profile;
  t: Strings;
  lang: Lang;
  /** Switch to 校验. */
  onGoCheck(): void;
}

export function CultivationPanel({ host, office, profile, t, lang, onGoCheck }: CultivationPanelProps) {
  const s = usePanelStyles();
  const tracking = useTrackingWorkbook({ host, office, profile, t, lang });
  const rollover = useRollover({ host, t, lang });
  return (
    <div className={s.root} data-testid="cultivation" data-busy={tracking.creating || rollover.rolling ? 'true' : 'false'}>
      <TrackingWorkbookCard model={tracking} host={host} office={office} t={t} />
      <RolloverCard model={rollover} canOpen={tracking.canOpen} t={t} lang={lang} />
      <Card title={t.cuCheckTitle}>
        <Muted testId="cultivation-check-hint">{t.cuCheckHint(profile?.shortName[lang] ?? '质量工匠培育 2026')}</Muted>
        <div>
          <Link as="button" onClick={onGoCheck} data-testid="go-check">
            <ShieldCheckmark20Regular style={{ verticalAlign: 'middle', marginRight: 4 }} aria-hidden />
            {t.cuGoCheck}
          </Link>
        </div>
      </Card>
    </div>
  );
}
