import * as React from 'react';
import { Badge, makeStyles, tokens } from '@fluentui/react-components';
import type { FindingCounts, Severity } from '../../../core/model/findings';
import { SEVERITIES } from '../../../core/model/findings';
import type { Strings } from '../../i18n';
import { SeverityIcon } from '../SeverityIcon';

const useStyles = makeStyles({
  bar: { display: 'grid', gridTemplateColumns: 'repeat(3, 1fr)', gap: '8px' },
  tile: {
    display: 'flex',
    alignItems: 'center',
    gap: '6px',
    padding: '8px 10px',
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    minWidth: 0,
  },
  label: { flexGrow: 1, fontSize: tokens.fontSizeBase300, color: tokens.colorNeutralForeground2, whiteSpace: 'nowrap' },
});

const BADGE_COLOUR: Record<Severity, 'danger' | 'warning' | 'brand'> = { error: 'danger', warning: 'warning', info: 'brand' };

export function CountsBar({ counts, t }: { counts: FindingCounts; t: Strings }) {
  const s = useStyles();
  return (
    <div className={s.bar} role="group" aria-label={t.tally(counts) || t.noFindings}>
      {SEVERITIES.map((sev) => (
        <div key={sev} className={s.tile} title={t.countLabel(sev, counts[sev])}>
          <SeverityIcon severity={sev} size={20} />
          <span className={s.label}>{t.severity[sev]}</span>
          <Badge
            data-testid={`count-${sev}`}
            size="large"
            shape="rounded"
            appearance={counts[sev] ? 'filled' : 'tint'}
            color={counts[sev] ? BADGE_COLOUR[sev] : 'subtle'}
            aria-label={t.countLabel(sev, counts[sev])}
          >
            {counts[sev]}
          </Badge>
        </div>
      ))}
    </div>
  );
}
