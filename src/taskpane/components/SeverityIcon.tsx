import * as React from 'react';
import { tokens } from '@fluentui/react-components';
import { ErrorCircle16Filled, Info16Filled, Warning16Filled, ErrorCircle20Filled, Info20Filled, Warning20Filled } from './icons';
import type { Severity } from '../../core/model/findings';

export const SEVERITY_COLOUR: Record<Severity, string> = {
  error: tokens.colorPaletteRedForeground1,
  warning: tokens.colorPaletteDarkOrangeForeground1,
  info: tokens.colorPaletteBlueForeground2,
};

/** A coloured icon for a severity; decorative unless `label` is given. */
export function SeverityIcon({ severity, size = 16, label }: { severity: Severity; size?: 16 | 20; label?: string }) {
  const props = {
    style: { color: SEVERITY_COLOUR[severity], flexShrink: 0 },
    'aria-hidden': label ? undefined : true,
    'aria-label': label,
    role: label ? 'img' : undefined,
  } as const;
  if (size === 20) {
    if (severity === 'error') return <ErrorCircle20Filled {...props} />;
    if (severity === 'warning') return <Warning20Filled {...props} />;
    return <Info20Filled {...props} />;
  }
  if (severity === 'error') return <ErrorCircle16Filled {...props} />;
  if (severity === 'warning') return <Warning16Filled {...props} />;
  return <Info16Filled {...props} />;
}
