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

