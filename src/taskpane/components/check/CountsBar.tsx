import * as React from 'react';
import { Badge, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
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
  tileCompact: { padding: '2px 6px 2px 8px', gap: '4px' },
  label: { flexGrow: 1, fontSize: tokens.fontSizeBase300, color: tokens.colorNeutralForeground2, whiteSpace: 'nowrap' },
});

const BADGE_COLOUR: Record<Severity, 'danger' | 'warning' | 'brand'> = { error: 'danger', warning: 'warning', info: 'brand' };

/** The three counts; `compact` in a narrow pane (one short row, so the findings start higher). */
export function CountsBar({ counts, compact, t }: { counts: FindingCounts; compact?: boolean; t: Strings }) {
  const s = useStyles();
  return (
    <div className={s.bar} role="group" aria-label={t.tally(counts) || t.noFindings}>
      {SEVERITIES.map((sev) => (
        <div key={sev} className={mergeClasses(s.tile, compact && s.tileCompact)} title={t.countLabel(sev, counts[sev])}>
          <SeverityIcon severity={sev} size={compact ? 16 : 20} />
          <span className={s.label}>{t.severity[sev]}</span>
          <Badge
            data-testid={`count-${sev}`}
            size={compact ? 'medium' : 'large'}
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
