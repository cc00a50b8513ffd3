/**
 * Work done in steps: a generator whose every `yield` is a point where a host may let its page or pane take a turn
 * (the check of a large workbook on a pane that has no worker). The core only yields; when and how long to pause
 * is the host's (it passes its clock and its pause here: the core has no timers).
 */
export type Steps<T> = Generator<void, T, void>;

/** Runs the steps to the end at once: the synchronous API (CLI, worker, ribbon). */
export function runAtOnce<T>(steps: Steps<T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/** Runs the steps, awaiting `pause()` whenever `every` ms of `now()` have gone by since the last one. */
export async function runWithPauses<T>(steps: Steps<T>, pause: () => Promise<void>, now: () => number, every = 30): Promise<T> {
  let since = now();
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    if (now() - since >= every) {
      await pause();
      since = now();
    }
  }
}
