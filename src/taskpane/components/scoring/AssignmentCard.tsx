/** 评分分配: how many candidates each expert scores, conflicts of interest left out, and the plan's problems. */
import { Spinner, Text } from '@fluentui/react-components';
import type { Lang } from '../../../core/model/findings';
import type { Strings } from '../../i18n';
import type { HostError } from '../../hosts/workbook-host';
import type { AssignmentView, ProblemView } from '../../scoring-view';
import { token } from '../css-vars';
import { Card, Muted } from '../panel-parts/Card';
import { HostErrorBar } from '../panel-parts/MessageBars';
import { NUM, TEXT, usePanelStyles } from '../panel-parts/panel-styles';
import { ProblemList } from './ProblemList';

export function AssignmentCard({
  busy,
  error,
  view,
  problems,
  t,
  lang,
}: {
  busy: boolean;
  error?: HostError;
  view?: AssignmentView;
  problems: ProblemView[];
  t: Strings;
  lang: Lang;
}) {
  const s = usePanelStyles();
  const groups = !!view?.perExpert.some((e) => e.group);
  return (
    <Card title={t.scAssignment} testId="assignment">
      {busy && <Spinner size="tiny" label={t.working} labelPosition="after" />}
      {error && <HostErrorBar error={error} lang={lang} t={t} testId="assignment-error" title={t.scListsUnusable} />}
      {view && (
        <>
          <Text data-testid="assignment-summary" weight="semibold">
            {t.scAssignmentLine(view.candidates, view.experts, view.exclusions)}
          </Text>
          {view.perCandidate && <Muted>{t.scPerCandidate(view.perCandidate.min, view.perCandidate.max)}</Muted>}
          {view.unscorable > 0 && (
            <Text style={{ color: token('colorPaletteRedForeground1') }} data-testid="unscorable">
              {t.scUnscorable(view.unscorable)}
            </Text>
          )}
          <div className={s.tableWrap}>
            <table className={s.table} data-testid="assignment-table">
              <thead>
                <tr>
                  <th scope="col">{t.scColExpert}</th>
                  <th scope="col" className={TEXT}>
                    {t.scColUnit}
                  </th>
                  {groups && <th scope="col">{t.scColGroup}</th>}
                  <th scope="col" className={NUM}>
                    {t.scColCandidates}
                  </th>
                </tr>
              </thead>
              <tbody>
                {view.perExpert.map((e) => (
                  <tr key={e.code} data-testid="assignment-row">
                    <td>
                      {e.name} <span className={s.muted}>{e.code}</span>
                    </td>
                    <td className={TEXT}>{e.unit}</td>
                    {groups && <td>{e.group ?? ''}</td>}
                    <td className={NUM}>{e.candidates || <span className={s.muted}>{t.scNoSheet}</span>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <ProblemList problems={problems} t={t} empty={t.scNoProblems} showFile={false} />
        </>
      )}
    </Card>
  );
}
