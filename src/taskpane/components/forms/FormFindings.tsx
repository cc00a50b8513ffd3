/** The problems of forms read or packed, as a short list: where (a Word file and item, or a cell) and what. */
import { Text } from '@fluentui/react-components';
import type { Lang } from '../../../core/model/findings';
import type { FormFindingView } from '../../hosts/workbook-tools';
import type { FormStrings } from '../../forms-i18n';
import { SeverityIcon } from '../SeverityIcon';
import { usePanelStyles } from '../panel-parts/panel-styles';

const SHOWN = 30;

export function FormFindings({ findings, f, lang, testId }: { findings: readonly FormFindingView[]; f: FormStrings; lang: Lang; testId: string }) {
  const s = usePanelStyles();
  if (findings.length === 0) return null;
  return (
    <div className={s.tableWrap}>
      <ul className={s.lines} data-testid={testId} style={{ listStyle: 'none', paddingLeft: 0 }}>
        {findings.slice(0, SHOWN).map((x, i) => (
          <li key={i} style={{ display: 'flex', gap: 6, alignItems: 'flex-start' }}>
            <SeverityIcon severity={x.severity} />
            <Text size={200}>
              <b>{x.where}</b> {x.message[lang]}
              <span className={s.small}> [{x.rule[lang]}]</span>
            </Text>
          </li>
        ))}
      </ul>
      {findings.length > SHOWN && <Text className={s.small}>{f.moreFindings(findings.length - SHOWN)}</Text>}
    </div>
  );
}
