/**
 * "Only the latest run counts": a check, a consolidation or a rollover started again before the previous one
 * finished makes the previous one's progress, result and error stale — they must not overwrite what the newer
 * run shows. Each run takes a ticket; a ticket is the latest until the next run starts.
 */
import * as React from 'react';

export interface RunTicket {
  /** True until a later run of the same guard starts. */
  isLatest(): boolean;
}

export interface LatestRunGuard {
  /** Starts a run: every ticket handed out before this one stops being the latest. */
  start(): RunTicket;
}

export function latestRunGuard(): LatestRunGuard {
  let latest = 0;
  return {
    start() {
      const id = ++latest;
      return { isLatest: () => id === latest };
    },
  };
}

/** One guard per component instance, the same object on every render. */
export function useLatestRun(): LatestRunGuard {
  const [guard] = React.useState(latestRunGuard);
  return guard;
}
