/** Whether a CSS media query matches now, updated when it changes (e.g. the window is resized). */
import * as React from 'react';

export function useMediaQuery(query: string): boolean {
  const get = () => typeof window !== 'undefined' && typeof window.matchMedia === 'function' && window.matchMedia(query).matches;
  const [matches, setMatches] = React.useState(get);
  React.useEffect(() => {
    if (typeof window.matchMedia !== 'function') return;
    const mq = window.matchMedia(query);
    const on = () => setMatches(mq.matches);
    mq.addEventListener('change', on);
    on();
    return () => mq.removeEventListener('change', on);
  }, [query]);
  return matches;
}

/** A task-pane-wide window: Excel's and WPS's pane opens 350 px wide; the page is designed for it first. */
export const NARROW_QUERY = '(max-width: 599px)';
