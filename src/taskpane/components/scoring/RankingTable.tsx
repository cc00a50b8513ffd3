/**
 * The ranking: rank, code, name, group, scores counted, mean, median, trimmed mean, SD, 分歧 (sortable), shortlist
 * and flags. In a narrow
 * pane only what decides the ranking is shown — rank, the candidate (with the 候选人建议名单 badge and flags) and
 * the trimmed mean — and 显示全部列 brings back the rest (the table then scrolls sideways, with a visible bar).
 */
import * as React from 'react';
import { Badge, Button } from '@fluentui/react-components';
import type { Strings } from '../../i18n';
import { fmt, sortRows, type RankingRow } from '../../scoring-view';
import { NARROW_QUERY, useMediaQuery } from '../../hooks/useMediaQuery';
import { token } from '../css-vars';
import { NUM, TEXT, usePanelStyles } from '../panel-parts/panel-styles';

function Badges({ r, t }: { r: RankingRow; t: Strings }) {
  if (!r.shortlisted && r.flags.length === 0) return null;
  return (
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
  );
}

export function RankingTable({ rows, t }: { rows: RankingRow[]; t: Strings }) {
  const s = usePanelStyles();
  const narrow = useMediaQuery(NARROW_QUERY);
  // Which columns the user asked for in a narrow pane (a wide one shows them all).
  const [allColumns, setAllColumns] = React.useState(false);
  const [by, setBy] = React.useState<'rank' | 'range'>('rank');
  const all = !narrow || allColumns;
  const hasGroups = rows.some((r) => r.group !== undefined);
  const shown = sortRows(rows, by);
  return (
    <>
      {narrow && (
        <Button size="small" appearance="subtle" style={{ alignSelf: 'flex-start' }} onClick={() => setAllColumns((v) => !v)} aria-pressed={allColumns} data-testid="ranking-columns">
          {allColumns ? t.scFewerColumns : t.scMoreColumns}
        </Button>
      )}
      <div className={s.tableWrap}>
        <table className={s.table} data-testid="ranking" data-columns={all ? 'all' : 'ranking'}>
          <thead>
            <tr>
              <th scope="col" className={NUM}>
                {t.scColRank}
              </th>
              {all && <th scope="col">{t.scColCode}</th>}
              <th scope="col" className={all ? TEXT : undefined}>
                {t.scColName}
              </th>
              {all && hasGroups && <th scope="col">{t.scColGroup}</th>}
              {all && (
                <th scope="col" className={NUM}>
                  {t.scColCount}
                </th>
              )}
              {all && (
                <th scope="col" className={NUM}>
                  {t.scColMean}
                </th>
              )}
              {all && (
                <th scope="col" className={NUM}>
                  {t.scColMedian}
                </th>
              )}
              <th scope="col" className={NUM} data-testid="ranking-trimmed-head">
                {t.scColTrimmed}
              </th>
              {all && (
                <th scope="col" className={NUM}>
                  {t.scColSd}
                </th>
              )}
              {all && (
                <th scope="col" className={NUM} aria-sort={by === 'range' ? 'descending' : 'none'}>
                  <Button appearance="transparent" size="small" onClick={() => setBy(by === 'range' ? 'rank' : 'range')} title={t.scSortByRange} data-testid="sort-range" style={{ minWidth: 0, padding: 0, fontWeight: 'inherit' }}>
                    {t.scColRange}
                    {by === 'range' ? ' ▼' : ''}
                  </Button>
                </th>
              )}
              {all && (
                <th scope="col" className={TEXT}>
                  {t.scColFlags}
                </th>
              )}
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
                {all && <td>{r.code}</td>}
                <td className={all ? TEXT : undefined}>
                  {r.name || <span className={s.muted}>{all ? '—' : r.code}</span>}
                  {r.unit && <div className={s.small}>{r.unit}</div>}
                  {!all && <Badges r={r} t={t} />}
                </td>
                {all && hasGroups && <td>{r.group ?? ''}</td>}
                {all && (
                  <td className={NUM}>
                    {r.count}
                    {r.expected !== undefined && r.expected !== r.count ? <span className={s.muted}>/{r.expected}</span> : null}
                  </td>
                )}
                {all && <td className={NUM}>{fmt(r.mean)}</td>}
                {all && <td className={NUM}>{fmt(r.median)}</td>}
                <td className={NUM} data-testid="ranking-trimmed">
                  <strong>{fmt(r.trimmedMean)}</strong>
                </td>
                {all && <td className={NUM}>{fmt(r.sd)}</td>}
                {all && <td className={NUM}>{fmt(r.range, 1)}</td>}
                {all && (
                  <td className={TEXT}>
                    <Badges r={r} t={t} />
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
