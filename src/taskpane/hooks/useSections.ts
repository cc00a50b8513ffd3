/** The pane's top-level tabs: which one is shown, and which were opened (those stay mounted, keeping their work). */
import * as React from 'react';

/** 校验 (the checker), 申报表, 专家评分, 培育跟踪. */
export type SectionId = 'check' | 'forms' | 'scoring' | 'cultivation';
export const SECTIONS: readonly SectionId[] = ['check', 'forms', 'scoring', 'cultivation'];

export interface Sections {
  section: SectionId;
  visited: ReadonlySet<SectionId>;
  select(id: SectionId): void;
}

export function useSections(): Sections {
  const [section, setSection] = React.useState<SectionId>('check');
  const [visited, setVisited] = React.useState<ReadonlySet<SectionId>>(() => new Set<SectionId>(['check']));
  const select = React.useCallback((id: SectionId) => {
    setSection(id);
    setVisited((v) => (v.has(id) ? v : new Set(v).add(id)));
  }, []);
  return { section, visited, select };
}
