import type { Queryable } from '../db/database.js';
import { applyChanges, liveReferrals } from '../db/changes.js';
import type { LapseCounts } from '../domain/outcomes.js';
import type { Calendar } from '../domain/calendar.js';
import type { RuleParameters } from '../rules/ruleset.js';
import { overdueChange } from '../lifecycle/overdue.js';

export type { LapseCounts };

/**
 * Step 1 of a nightly run in one district, inside the district's
 * transaction: lapse or cancel what is overdue at `date` (seats back into the
 * pool for this same run). `actor` is the run id. Children at the age limit
 * leave the queue after the allocation (they are refused with `age_limit`
 * in this run's refusals first); the caller stores the counts.
 */
export async function lapseDistrict(
  q: Queryable,
  district: string,
  date: string,
  calendar: Calendar,
  params: RuleParameters,
  actor: string,
): Promise<LapseCounts> {
  const changes = (await liveReferrals(q, district)).flatMap((r) => {
    const c = overdueChange(r, date, calendar, params);
    return c ? [c] : [];
  });
  await applyChanges(q, changes, actor, date);
  return {
    lapsed: changes.filter((c) => c.referral?.to === 'lapsed').length,
    cancelled: changes.filter((c) => c.referral?.to === 'cancelled').length,
    agedOut: 0,
    seatsReturned: changes.filter((c) => c.seatBack).length,
  };
}
