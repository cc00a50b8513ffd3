/**
 * Fluent UI design tokens as the CSS variables FluentProvider defines (`tokens.colorNeutralBackground1` is
 * "var(--colorNeutralBackground1)"). The lazily loaded scoring and cultivation panels use these instead of
 * importing the `tokens` object from the main chunk: exporting that object to another chunk would make the
 * minifier keep all of it (~29 KB) in the pane's first load.
 */
import type { tokens } from '@fluentui/react-components';

export type TokenName = keyof typeof tokens;

export function token(name: TokenName): string {
  return `var(--${name})`;
}
