/**
 * A work-around for SheetJS reading large .xls files in quadratic time. A BIFF8 record longer than 8,224 bytes
 * (the shared strings of a workbook with much text) is split into CONTINUE records; SheetJS joins them into one
 * blob and lists where each piece starts in `blob.lens`, then, for every character of every string it reads from
 * that blob, asks `blob.lens.indexOf(offset)` whether a piece starts there: characters × pieces. A 28 MB .xls of
 * 5,000 nominees spent 92 of its 95 s in that lookup (bench/formats-bench.js).
 *
 * SheetJS pushes the offsets in increasing order, so `indexOf` can be a binary search. While SheetJS parses (a
 * synchronous call), `lens` assigned to any byte array becomes such a list: an accessor on Uint8Array.prototype
 * (Buffer is a Uint8Array) that replaces the assigned empty array with a SortedOffsets and then gets out of the
 * way (an own property on that blob). Nothing else reads or writes `lens`; the accessor is removed afterwards.
 * Browser-safe.
 */

/** Offsets pushed in increasing order (equal neighbours allowed); `indexOf` in O(log n). */
export class SortedOffsets extends Array<number> {
  override indexOf(value: number): number {
    let lo = 0;
    let hi = this.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const v = this[mid];
      if (v === value) {
        // The first of equal offsets, as Array.prototype.indexOf would answer.
        let first = mid;
        while (first > 0 && this[first - 1] === value) first--;
        return first;
      }
      if (v < value) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }
}

/** Runs `work` (a synchronous SheetJS parse) with blobs' `lens` lists searched in O(log n). */
export function withSortedContinueOffsets<T>(work: () => T): T {
  const proto = Uint8Array.prototype as unknown as Record<string, unknown>;
  // Leave a prototype that already has `lens` (not SheetJS's doing, not ours to replace) alone.
  if (Object.prototype.hasOwnProperty.call(proto, 'lens')) return work();
  Object.defineProperty(proto, 'lens', {
    configurable: true,
    get: () => undefined,
    set(this: Uint8Array, value: unknown) {
      const list = Array.isArray(value) && value.length === 0 ? new SortedOffsets() : value;
      Object.defineProperty(this, 'lens', { value: list, writable: true, configurable: true, enumerable: true });
    },
  });
  try {
    return work();
  } finally {
    delete proto.lens;
  }
}
