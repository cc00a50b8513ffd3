/**
 * Problems of a consolidation per file: the file, what happened to it (有效 / 退回 …) and its problems, errors
 * first. Files with errors, or with few problems, are open; a long list of warnings is folded (native
 * <details>: keyboard and screen readers work as they do everywhere).
 */
import { Badge, Caption1 } from '@fluentui/react-components';
import type { Lang } from '../../../core/model/findings';
import type { Strings } from '../../i18n';
import type { ProblemGroup } from '../../scoring-view';
import { FILE_STATUS_LABEL } from '../../scoring-view';
import { usePanelStyles } from '../panel-parts/panel-styles';
import { ProblemList } from './ProblemList';
import { useProblemStyles } from './problem-styles';

export function ProblemGroups({ groups, t, lang, empty }: { groups: ProblemGroup[]; t: Strings; lang: Lang; empty: string }) {
  const s = useProblemStyles();
  const p = usePanelStyles();
  if (!groups.length) return <Caption1 className={p.muted}>{empty}</Caption1>;
  const zh = lang === 'zh';
  return (
    <div className={s.groups} data-testid="scoring-problems">
      {groups.map((g, i) => (
        <details key={g.file ?? `round-${i}`} className={s.group} open={g.errors > 0 || g.problems.length <= 3} data-testid="problem-group" data-file={g.file ?? ''}>
          <summary className={s.summary}>
            <span className={s.groupFile}>{g.file ?? (zh ? '本轮整体' : 'The round as a whole')}</span>
            {g.status && (
              <Badge appearance="tint" size="small" color={g.status === 'rejected' ? 'danger' : g.status === 'accepted' || g.status === 'key' ? 'success' : 'informative'}>
                {FILE_STATUS_LABEL[g.status][lang]}
              </Badge>
            )}
            {g.errors > 0 && (
              <Badge appearance="filled" size="small" color="danger">
                {zh ? `${g.errors} 个错误` : `${g.errors} error${g.errors > 1 ? 's' : ''}`}
              </Badge>
            )}
            {g.warnings > 0 && (
              <Badge appearance="filled" size="small" color="warning">
                {zh ? `${g.warnings} 个警告` : `${g.warnings} warning${g.warnings > 1 ? 's' : ''}`}
              </Badge>
            )}
          </summary>
          <div className={s.groupBody}>
            <ProblemList problems={g.problems} t={t} testId="problem-group-list" showFile={false} />
          </div>
        </details>
      ))}
    </div>
  );
}
