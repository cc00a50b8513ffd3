/** The check's result in tabs: 问题 (findings), 预览 (a narrow page only; a wide one shows it beside), 材料清单. */
import * as React from 'react';
import { Tab, TabList, Text } from '@fluentui/react-components';
import type { Lang } from '../../../core/model/findings';
import type { Strings } from '../../i18n';
import type { CheckSectionModel } from '../../hooks/useCheck';
import type { ResultTab } from '../../hooks/check-state';
import { FindingsPanel } from '../FindingsPanel';
import { ChecklistPanel } from './ChecklistPanel';
import { useCheckStyles } from './check-styles';

export interface ResultTabsProps {
  check: CheckSectionModel;
  /** The preview has a tab of its own. */
  previewTab: boolean;
  preview: React.ReactNode;
  office: boolean;
  t: Strings;
  lang: Lang;
}

export function ResultTabs({ check, previewTab, preview, office, t, lang }: ResultTabsProps) {
  const s = useCheckStyles();
  const tabs: ResultTab[] = previewTab ? ['findings', 'preview', 'checklist'] : ['findings', 'checklist'];
  const activeTab = tabs.includes(check.tab) ? check.tab : 'findings';
  const tabLabel: Record<ResultTab, string> = { findings: t.tabFindings, preview: t.tabPreview, checklist: t.tabChecklist };
  return (
    <>
      <TabList selectedValue={activeTab} onTabSelect={(_, d) => check.setTab(d.value as ResultTab)} size="small">
        {tabs.map((id) => (
          <Tab key={id} value={id} data-testid={`tab-${id}`}>
            {tabLabel[id]}
          </Tab>
        ))}
      </TabList>
      <div className={s.tabPanel} role="tabpanel" aria-label={tabLabel[activeTab]}>
        {activeTab === 'findings' &&
          (check.outcome ? (
            <FindingsPanel findings={check.findings} nomineeOrder={check.nomineeOrder} selected={check.selected} onSelect={check.selectFinding} t={t} lang={lang} />
          ) : (
            <Text className={s.how}>{check.busy ? t.checking : office ? t.notCheckedOffice : t.notChecked}</Text>
          ))}
        {activeTab === 'preview' && <div style={{ height: '60vh', minHeight: 320 }}>{preview}</div>}
        {activeTab === 'checklist' && (
          <ChecklistPanel
            profile={check.programme.profile}
            tables={check.outcome?.result.recognized ?? []}
            t={t}
            lang={lang}
            onReveal={check.selectCell}
            ticked={check.ticked}
            onTick={check.tick}
          />
        )}
      </div>
    </>
  );
}
