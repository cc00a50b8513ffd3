/** Excel only: clear the marks, set input rules, set up printing, the 校验结果 sheet switch, live checking. */
import { Button, Caption1, Switch } from '@fluentui/react-components';
import { Eraser20Regular, Print20Regular, TableSettings20Regular } from '../icons';
import type { Lang } from '../../../core/model/findings';
import type { Strings } from '../../i18n';
import type { WorkbookHost } from '../../hosts/workbook-host';
import type { CheckSectionModel } from '../../hooks/useCheck';
import { useCheckStyles } from './check-styles';

export function OfficeToolbar({ check, host, t, lang }: { check: CheckSectionModel; host: WorkbookHost; t: Strings; lang: Lang }) {
  const s = useCheckStyles();
  const { outcome, officeAction } = check;
  return (
    <div className={s.officeBar}>
      <Button size="small" icon={<Eraser20Regular />} disabled={!host.clearMarks} onClick={() => void officeAction(t.clearMarks, () => host.clearMarks!())}>
        {t.clearMarks}
      </Button>
      <Button
        size="small"
        icon={<TableSettings20Regular />}
        disabled={!outcome || !host.applyInputRules}
        onClick={() => outcome && void officeAction(t.inputRules, () => host.applyInputRules!(outcome))}
      >
        {t.inputRules}
      </Button>
      <Button
        size="small"
        icon={<Print20Regular />}
        disabled={!outcome || !host.setupPrinting}
        onClick={() => outcome && void officeAction(t.printing, () => host.setupPrinting!(outcome, lang))}
      >
        {t.printing}
      </Button>
      <Switch checked={check.writeResults} onChange={(_, d) => check.setWriteResults(d.checked)} label={t.writeResults} />
      {check.live && <Caption1 className={s.how}>{t.liveOn}</Caption1>}
    </div>
  );
}
