/** A section whose panel is loaded on first opening (专家评分, 培育跟踪); hidden, not unmounted, when left. */
import * as React from 'react';
import { makeStyles, mergeClasses, Spinner } from '@fluentui/react-components';

const useStyles = makeStyles({
  body: { flexGrow: 1, minHeight: 0, overflowY: 'auto', padding: '12px 14px 24px' },
  column: { maxWidth: '900px', margin: '0 auto' },
  hidden: { display: 'none' },
});

export function ToolSection({ label, hidden, loading, children }: { label: string; hidden: boolean; loading: string; children: React.ReactNode }) {
  const s = useStyles();
  return (
    <main className={mergeClasses(s.body, hidden && s.hidden)} aria-label={label}>
      <div className={s.column}>
        <React.Suspense fallback={<Spinner size="small" label={loading} />}>{children}</React.Suspense>
      </div>
    </main>
  );
}
