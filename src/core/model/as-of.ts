import { compareDates, parseIsoDate, SimpleDate } from './dates';

/**
 * The date eligibility is judged at when the user gives none: today, but never after the programme's deadline
 * (a sheet re-checked after the deadline is judged as it stood then).
 */
export function defaultAsOf(deadline: string | null, today: SimpleDate): SimpleDate {
  const d = deadline ? parseIsoDate(deadline) : undefined;
  return d && compareDates(d, today) < 0 ? d : today;
}
