import { addWorkingDays, type Calendar } from '../domain/calendar.js';
import { addDays } from '../domain/dates.js';
import type { RuleParameters } from '../rules/ruleset.js';
import type { ReferralState } from './types.js';

/**
 * The deadlines of lifecycle.md, each the last day on which the step may
 * still be taken; a step is overdue from the next day on.
 */
export const isPriority = (r: Pick<ReferralState, 'category'>): boolean => r.category !== 'general';

/** Last day to prove the priority right in person. */
export function proofBy(r: Pick<ReferralState, 'issuedOn'>, calendar: Calendar, p: RuleParameters): string {
  return addWorkingDays(calendar, r.issuedOn, p.proofWorkingDays);
}

/** Last day to enrol after confirming on `confirmedOn`. */
export function enrollByAfter(confirmedOn: string, calendar: Calendar, p: RuleParameters): string {
  return addWorkingDays(calendar, confirmedOn, p.enrollWorkingDays);
}

/** Last day an inactive application may be restored. */
export function restoreBy(inactiveSince: string, p: RuleParameters): string {
  return addDays(inactiveSince, p.restoreCalendarDays);
}

/** Last day on the stop list, counting the day of cancellation as the first of `stopListDays`. */
export function stopListUntil(cancelledOn: string, p: RuleParameters): string {
  return addDays(cancelledOn, p.stopListDays - 1);
}

/** Children born on or before this day have reached `years` at `date` (29 Feb → 28 Feb in common years). */
export function bornOnOrBefore(date: string, years: number): string {
  const y = Number(date.slice(0, 4)) - years;
  const md = date.slice(5);
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return `${String(y).padStart(4, '0')}-${md === '02-29' && !leap ? '02-28' : md}`;
}
