/**
 * The "latest run" guard shared by the check, the consolidation and the rollover: a run's progress, result and
 * error count only while no later run has started, whatever order the runs finish in.
 */
import * as React from 'react';
import { renderToString } from 'react-dom/server';
import { latestRunGuard, useLatestRun, type LatestRunGuard } from '../../src/taskpane/hooks/useLatestRun';

/** A promise settled by the test, to finish runs in a chosen order. */
function deferred<T>(): { promise: Promise<T>; resolve(v: T): void; reject(e: unknown): void } {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** What a section does with a run: shows its result, or its error, only if it is still the latest. */
async function run(guard: LatestRunGuard, work: Promise<string>, shown: string[]): Promise<void> {
  const ticket = guard.start();
  try {
    const r = await work;
    if (ticket.isLatest()) shown.push(r);
  } catch (e) {
    if (ticket.isLatest()) shown.push(`error: ${(e as Error).message}`);
  }
}

describe('latestRunGuard', () => {
  it('keeps a ticket the latest until the next run starts', () => {
    const guard = latestRunGuard();
    const a = guard.start();
    expect(a.isLatest()).toBe(true);
    expect(a.isLatest()).toBe(true);
    const b = guard.start();
    expect([a.isLatest(), b.isLatest()]).toEqual([false, true]);
    const c = guard.start();
    expect([a.isLatest(), b.isLatest(), c.isLatest()]).toEqual([false, false, true]);
  });

  it('shows only the later run when an earlier, slower one finishes last', async () => {
    const guard = latestRunGuard();
    const shown: string[] = [];
    const slow = deferred<string>();
    const fast = deferred<string>();
    const first = run(guard, slow.promise, shown);
    const second = run(guard, fast.promise, shown);
    fast.resolve('top 2');
    await second;
    slow.resolve('top 5');
    await first;
    expect(shown).toEqual(['top 2']);
  });

  it('drops a superseded run’s failure, and shows the latest one’s', async () => {
    const guard = latestRunGuard();
    const shown: string[] = [];
    const failing = deferred<string>();
    const first = run(guard, failing.promise, shown);
    const later = deferred<string>();
    const second = run(guard, later.promise, shown);
    failing.reject(new Error('unreadable'));
    await first;
    later.reject(new Error('no table'));
    await second;
    expect(shown).toEqual(['error: no table']);
  });

  it('guards of different sections do not interfere', () => {
    const check = latestRunGuard();
    const rollover = latestRunGuard();
    const c = check.start();
    rollover.start();
    expect(c.isLatest()).toBe(true);
  });
});

describe('useLatestRun', () => {
  it('gives a component the same guard on every render, and each component its own', () => {
    const seen: { who: string; guard: LatestRunGuard }[] = [];
    function Section({ who }: { who: string }) {
      const guard = useLatestRun();
      const [renders, setRenders] = React.useState(1);
      seen.push({ who, guard });
      // Re-render twice (an update during rendering re-runs the component with its state kept).
      if (renders < 3) setRenders(renders + 1);
      return null;
    }
    renderToString(React.createElement(React.Fragment, null, React.createElement(Section, { who: 'a' }), React.createElement(Section, { who: 'b' })));
    const a = seen.filter((x) => x.who === 'a').map((x) => x.guard);
    const b = seen.filter((x) => x.who === 'b').map((x) => x.guard);
    expect([a.length, b.length]).toEqual([3, 3]);
    expect(new Set(a).size).toBe(1);
    expect(new Set(b).size).toBe(1);
    expect(a[0]).not.toBe(b[0]);
    // A ticket taken on the first render is superseded by a run started after the last one.
    const ticket = a[0].start();
    a[2].start();
    expect(ticket.isLatest()).toBe(false);
  });
});
