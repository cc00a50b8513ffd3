/** 文件: every file given and what happened to it — counted (with its scores), rejected, superseded, the key. */
import { Badge, Text } from '@fluentui/react-components';
import type { Lang } from '../../../core/model/findings';
import type { Strings } from '../../i18n';
import type { ConsolidatedRound } from '../../hosts/workbook-tools';
import { fileRows, fileTally } from '../../scoring-view';
import { Card } from '../panel-parts/Card';
import { NUM, TEXT, usePanelStyles } from '../panel-parts/panel-styles';

const COLOUR = { accepted: 'success', key: 'brand', rejected: 'danger' } as const;

export function FilesCard({ result, t, lang }: { result: ConsolidatedRound; t: Strings; lang: Lang }) {
  const s = usePanelStyles();
  const rows = fileRows(result.files, lang);
  return (
    <Card title={t.scFiles} testId="files-card">
      <Text data-testid="file-tally">{fileTally(result, lang)}</Text>
      <div className={s.tableWrap}>
        <table className={s.table} data-testid="files">
          <tbody>
            {rows.map((f, i) => (
              <tr key={i} data-testid="file-row" data-file={f.file} data-status={f.status}>
                <td className={TEXT}>
                  {f.file}
                  {f.expert && <div className={s.small}>{f.expert}</div>}
                </td>
                <td>
                  <Badge appearance="tint" size="small" color={COLOUR[f.status as keyof typeof COLOUR] ?? 'informative'}>
                    {f.label}
                  </Badge>
                </td>
                <td className={NUM}>
                  {f.scores !== undefined && t.scFileScores(f.scores)}
                  {f.status === 'accepted' && f.errors > 0 && <div className={s.small}>{t.scFileLeftOut(f.errors)}</div>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Card>
  );
}
