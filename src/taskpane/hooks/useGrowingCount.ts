/**
 * How many of a long list to draw: `first` at once, then `step` more each animation frame, until `total`. A list
 * drawn whole in one go (a 500-row preview, a hundred files' reports) kept the page busy for one long task — React's
 * work and the layout after it; drawn in frames, the page paints and answers in between. Starts again at `first`
 * when any of `keys` changes (another sheet, another batch).
 */
import * as React from 'react';

export function useGrowingCount(keys: readonly unknown[], total: number, first: number, step: number): number {
  const [drawn, setDrawn] = React.useState({ keys, count: first });
  const stale = drawn.keys.length !== keys.length || drawn.keys.some((k, i) => k !== keys[i]);
  // Adjusted during render: React draws again at once with the restarted state.
  if (stale) setDrawn({ keys, count: first });
  const count = stale ? first : drawn.count;
  React.useEffect(() => {
    if (count >= total) return;
    const id = requestAnimationFrame(() => setDrawn((d) => (d === drawn ? { ...d, count: d.count + step } : d)));
    return () => cancelAnimationFrame(id);
  }, [drawn, count, total, step]);
  return Math.min(total, count);
}
