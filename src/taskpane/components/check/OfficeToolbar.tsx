/**
 * Excel only: clear the marks, set input rules, set up printing, the 标注 and 校验结果表 switches (both write to
 * the workbook, which clears Excel's undo history on most Excel versions: said right under them), live checking.
 * What this Excel cannot do is disabled, with the reason as its tooltip.
 */
import { Button, Caption1, Switch, Tooltip } from '@fluentui/react-components';
import { Eraser20Regular, Print20Regular, TableSettings20Regular } from '../icons';
import type { Lang } from '../../../core/model/findings';
import type { Strings } from '../../i18n';
import type { WorkbookHost } from '../../hosts/workbook-host';
import type { CheckSectionModel } from '../../hooks/useCheck';
import { useCheckStyles } from './check-styles';

export function OfficeToolbar({ check, host, t, lang }: { check: CheckSectionModel; host: WorkbookHost; t: Strings; lang: Lang }) {
  const s = useCheckStyles();
  const { outcome, officeAction } = check;
  const caps = host.capabilities?.();
  const can = (ok: boolean | undefined) => ok !== false;
  const why = (ok: boolean | undefined) => (can(ok) ? undefined : t.unsupportedHere);
  const writes = check.markCells || check.writeResults;
  return (
    <>
      <div className={s.officeBar}>
        <Button size="small" icon={<Eraser20Regular />} disabled={!host.clearMarks} onClick={() => void officeAction(t.clearMarks, () => host.clearMarks!())}>
          {t.clearMarks}
        </Button>
        <Tooltip content={why(caps?.inputRules) ?? t.inputRules} relationship="description">
          <Button
            size="small"
            icon={<TableSettings20Regular />}
            disabled={!outcome || !host.applyInputRules || !can(caps?.inputRules)}
            onClick={() => outcome && void officeAction(t.inputRules, () => host.applyInputRules!(outcome))}
          >
            {t.inputRules}
          </Button>
        </Tooltip>
        <Tooltip content={why(caps?.printing) ?? t.printing} relationship="description">
          <Button
            size="small"
            icon={<Print20Regular />}
            disabled={!outcome || !host.setupPrinting || !can(caps?.printing)}
            onClick={() => outcome && void officeAction(t.printing, () => host.setupPrinting!(outcome, lang))}
          >
            {t.printing}
          </Button>
        </Tooltip>
        <Switch checked={check.markCells} disabled={!can(caps?.mark)} onChange={(_, d) => check.setMarkCells(d.checked)} label={t.markCells} data-testid="mark-cells" />
        <Switch checked={check.writeResults} disabled={!can(caps?.resultsSheet)} onChange={(_, d) => check.setWriteResults(d.checked)} label={t.writeResults} />
      </div>
      {writes && caps?.writesClearUndo && (
        <Caption1 className={s.how} data-testid="undo-warning">
          {t.undoWarning}
        </Caption1>
      )}
      {check.live && (
        <Caption1 className={s.how} data-testid="live-status">
          {check.markCells ? t.liveOnMarks : t.liveOn}
          {caps && !caps.liveFollowsSorts ? ` ${t.liveNoSorts}` : ''}
          {check.liveWaiting ? ` ${t.liveWaiting}` : ''}
        </Caption1>
      )}
    </>
  );
}
