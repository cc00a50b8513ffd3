/**
 * 专家评分: score sheets for every expert from the open workbook's candidates (one zip download), and the
 * consolidation of the returned files (problems per file, ranking, Kendall's W, the result workbook downloaded or
 * written into the open workbook). All the work is the CLI's own code, through the pane's WorkbookTools.
 */
import * as React from 'react';
import { Dropdown, Field, Option, Tab, TabList } from '@fluentui/react-components';
import type { Lang } from '../../../core/model/findings';
import type { Profile } from '../../../core/profiles/schema';
import type { Strings } from '../../i18n';
import type { WorkbookHost } from '../../hosts/workbook-host';
import { Card } from '../panel-parts/Card';
import { usePanelStyles } from '../panel-parts/panel-styles';
import { GenerateSection } from './GenerateSection';
import { ConsolidateSection } from './ConsolidateSection';

export interface ScoringPanelProps {
  host?: WorkbookHost;
  office: boolean;
  /** The programme chosen or detected in the pane (a selection programme is needed here). */
  profile?: Profile;
  profiles: readonly Profile[];
  onProgramme(id: string): void;
  t: Strings;
  lang: Lang;
}

/** What both sub-tabs get: the pane's workbook and language, and the selection programme (if one is chosen). */
export interface ScoringSectionProps {
  host?: WorkbookHost;
  office: boolean;
  profile?: Profile;
  t: Strings;
  lang: Lang;
}

type SubTab = 'generate' | 'consolidate';

export function ScoringPanel({ host, office, profile: chosen, profiles, onProgramme, t, lang }: ScoringPanelProps) {
  const [tab, setTab] = React.useState<SubTab>('generate');
  const s = usePanelStyles();
  const selection = profiles.filter((p) => p.kind !== 'cultivation');
  const profile = chosen && chosen.kind !== 'cultivation' ? chosen : undefined;
  const section: ScoringSectionProps = { host, office, profile, t, lang };
  return (
    <div className={s.root} data-testid="scoring">
      <Card>
        <Field label={t.programme} size="small" hint={chosen && !profile ? t.scSelectionOnly : profile ? undefined : t.scPickProgramme}>
          <Dropdown
            size="small"
            data-testid="scoring-programme"
            value={profile ? profile.shortName[lang] : ''}
            placeholder={t.programme}
            selectedOptions={profile ? [profile.id] : []}
            onOptionSelect={(_, d) => d.optionValue && onProgramme(d.optionValue)}
          >
            {selection.map((p) => (
              <Option key={p.id} value={p.id} text={p.shortName[lang]}>
                {p.shortName[lang]}
              </Option>
            ))}
          </Dropdown>
        </Field>
      </Card>
      <TabList selectedValue={tab} onTabSelect={(_, d) => setTab(d.value as SubTab)} size="small">
        <Tab value="generate" data-testid="tab-generate">
          {t.scGenerateTab}
        </Tab>
        <Tab value="consolidate" data-testid="tab-consolidate">
          {t.scConsolidateTab}
        </Tab>
      </TabList>
      {/* Both stay mounted: switching back keeps the chosen files and results. */}
      <div role="tabpanel" aria-label={t.scGenerateTab} hidden={tab !== 'generate'}>
        <GenerateSection {...section} />
      </div>
      <div role="tabpanel" aria-label={t.scConsolidateTab} hidden={tab !== 'consolidate'}>
        <ConsolidateSection {...section} />
      </div>
    </div>
  );
}
