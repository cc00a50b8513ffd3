/** Problems of a generation or a consolidation: severity, file, message (errors first); long lists cut at 100. */
import * as React from 'react';
import { Button, Caption1 } from '@fluentui/react-components';
import type { Strings } from '../../i18n';
import type { ProblemView } from '../../scoring-view';
import { SeverityIcon } from '../SeverityIcon';
import { usePanelStyles } from '../panel-parts/panel-styles';
import { useProblemStyles } from './problem-styles';

const SHOWN = 100;

export function ProblemList({
  problems,
  t,
  empty,
  testId = 'scoring-problems',
  showFile = true,
}: {
  problems: ProblemView[];
  t: Strings;
  empty?: string;
  testId?: string;
  showFile?: boolean;
}) {
  const s = useProblemStyles();
  const p = usePanelStyles();
  const [all, setAll] = React.useState(false);
  if (!problems.length) return empty ? <Caption1 className={p.muted}>{empty}</Caption1> : null;
  const shown = all ? problems : problems.slice(0, SHOWN);
  return (
    <>
      <ul className={s.list} data-testid={testId} aria-label={t.scProblems}>
        {shown.map((x, i) => (
          <li key={i} className={s.item} data-testid="scoring-problem" data-severity={x.severity} data-code={x.code}>
            <span className={s.icon}>
              <SeverityIcon severity={x.severity} label={t.scSeverity[x.severity]} />
            </span>
            <span className={s.message}>
              {showFile && x.file && <span className={s.file}>{x.file}</span>}
              {x.message}
            </span>
          </li>
        ))}
      </ul>
      {!all && problems.length > SHOWN && (
        <Button size="small" appearance="subtle" onClick={() => setAll(true)}>
          {t.showMore(problems.length - SHOWN)}
        </Button>
      )}
    </>
  );
}
