/** The ranking: rank, code, name, group, scores counted, mean, median, trimmed mean, SD, 分歧 (sortable), shortlist and flags. */
import * as React from 'react';
import { Badge, Button } from '@fluentui/react-components';
import type { Strings } from '../../i18n';
import { fmt, sortRows, type RankingRow } from '../../scoring-view';
import { token } from '../css-vars';
import { NUM, TEXT, usePanelStyles } from '../panel-parts/panel-styles';

export function RankingTable({ rows, t }: { rows: RankingRow[]; t: Strings }) {
  const s = usePanelStyles();
  const [by, setBy] = React.useState<'rank' | 'range'>('rank');
  const hasGroups = rows.some((r) => r.group !== undefined);
  const shown = sortRows(rows, by);
  return (
    <div className={s.tableWrap}>
      <table className={s.table} data-testid="ranking">
        <thead>
          <tr>
            <th scope="col" className={NUM}>
              {t.scColRank}
            </th>
            <th scope="col">{t.scColCode}</th>
            <th scope="col" className={TEXT}>
              {t.scColName}
            </th>
            {hasGroups && <th scope="col">{t.scColGroup}</th>}
            <th scope="col" className={NUM}>
              {t.scColCount}
            </th>
            <th scope="col" className={NUM}>
              {t.scColMean}
            </th>
            <th scope="col" className={NUM}>
              {t.scColMedian}
            </th>
            <th scope="col" className={NUM}>
              {t.scColTrimmed}
            </th>
            <th scope="col" className={NUM}>
              {t.scColSd}
            </th>
            <th scope="col" className={NUM} aria-sort={by === 'range' ? 'descending' : 'none'}>
              <Button appearance="transparent" size="small" onClick={() => setBy(by === 'range' ? 'rank' : 'range')} title={t.scSortByRange} data-testid="sort-range" style={{ minWidth: 0, padding: 0, fontWeight: 'inherit' }}>
                {t.scColRange}
                {by === 'range' ? ' ▼' : ''}
              </Button>
            </th>
            <th scope="col" className={TEXT}>
              {t.scColFlags}
            </th>
          </tr>
        </thead>
        <tbody>
          {shown.map((r) => (
            <tr
              key={r.code}
              data-testid="ranking-row"
              data-code={r.code}
              data-rank={r.rank ?? ''}
              data-count={r.count}
              data-mean={r.mean ?? ''}
              data-trimmed={r.trimmedMean ?? ''}
              data-sd={r.sd ?? ''}
              data-median={r.median ?? ''}
              data-range={r.range ?? ''}
              data-shortlisted={r.shortlisted ? 'true' : 'false'}
              style={r.shortlisted ? { backgroundColor: token('colorPaletteGreenBackground1') } : undefined}
            >
              <td className={NUM}>{r.rank ?? <span className={s.muted}>{t.scNotRanked}</span>}</td>
              <td>{r.code}</td>
              <td className={TEXT}>
                {r.name || <span className={s.muted}>—</span>}
                {r.unit && <div className={s.small}>{r.unit}</div>}
              </td>
              {hasGroups && <td>{r.group ?? ''}</td>}
              <td className={NUM}>
                {r.count}
                {r.expected !== undefined && r.expected !== r.count ? <span className={s.muted}>/{r.expected}</span> : null}
              </td>
              <td className={NUM}>{fmt(r.mean)}</td>
              <td className={NUM}>{fmt(r.median)}</td>
              <td className={NUM}>
                <strong>{fmt(r.trimmedMean)}</strong>
              </td>
              <td className={NUM}>{fmt(r.sd)}</td>
              <td className={NUM}>{fmt(r.range, 1)}</td>
              <td className={TEXT}>
                <div style={{ display: 'flex', gap: '4px', flexWrap: 'wrap' }}>
                  {r.shortlisted && (
                    <Badge appearance="filled" color="success" size="small" data-testid="shortlisted">
                      {t.scShortlisted}
                    </Badge>
                  )}
                  {r.flags.map((f) => (
                    <Badge key={f.kind} appearance="tint" color={f.kind === 'no-scores' ? 'danger' : 'warning'} size="small" title={f.long}>
                      {f.short}
                    </Badge>
                  ))}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
