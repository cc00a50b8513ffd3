/** Outcomes that came back from the checking worker, made whole again for the pane. */
import type { CheckOutcome } from '../../core/check/check-workbook';
import { builtinProgrammes } from '../../core/check/check-workbook';

/**
 * A cloned outcome carries a copy of its programme: the pane's pickers compare programmes with their own list,
 * so the built-in programme of the same id takes the copy's place (a copy stays where there is none).
 */
export function withOwnProgramme<T extends CheckOutcome>(o: T): T {
  const own = builtinProgrammes().find((p) => p.id === o.profile.id);
  return own && own !== o.profile ? { ...o, profile: own } : o;
}
