/** A titled card of the scoring and cultivation panels, and the muted hint text inside one. */
import * as React from 'react';
import { mergeClasses, Text } from '@fluentui/react-components';
import { usePanelStyles } from './panel-styles';

export function Card({ title, children, className, testId }: { title?: string; children: React.ReactNode; className?: string; testId?: string }) {
  const s = usePanelStyles();
  const id = React.useId();
  return (
    <section className={mergeClasses(s.card, className)} aria-labelledby={title ? id : undefined} data-testid={testId}>
      {title && (
        <h3 id={id} className={s.heading}>
          {title}
        </h3>
      )}
      {children}
    </section>
  );
}

export function Muted({ children, testId }: { children: React.ReactNode; testId?: string }) {
  const s = usePanelStyles();
  return (
    <Text className={s.small} data-testid={testId}>
      {children}
    </Text>
  );
}
