/** Rules shared by the candidate and the expert lists: both need a name and a unit (回避 compares units). */
import type { Localized } from '../model/findings';
import { compareKey } from '../text/normalize';

/**
 * True when the row's person can be used: has a name and a unit and is not listed twice (by name and unit).
 * Otherwise pushes the reason, naming the 1-based sheet row, and returns false.
 */
export function acceptPerson(name: string, unit: string, row: number, seen: Map<string, number>, errors: Localized[]): boolean {
  if (!name) {
    errors.push({ zh: `第 ${row} 行没有姓名`, en: `row ${row} has no name` });
    return false;
  }
  if (!unit) {
    errors.push({ zh: `第 ${row} 行（${name}）没有单位，无法做同单位回避`, en: `row ${row} (${name}) has no unit` });
    return false;
  }
  const key = compareKey(name) + '|' + compareKey(unit);
  const before = seen.get(key);
  if (before !== undefined) {
    errors.push({ zh: `${name}（${unit}）出现了两次（第 ${before}、${row} 行）`, en: `${name} (${unit}) appears twice (rows ${before} and ${row})` });
    return false;
  }
  seen.set(key, row);
  return true;
}
