import type { Queryable } from '../db/database.js';
import { ageOut, applyChanges, liveReferrals, storeLapseCounts, type LapseCounts } from '../db/lifecycle.js';
import type { Calendar } from '../domain/calendar.js';
import type { RuleParameters } from '../rules/ruleset.js';
import { bornOnOrBefore } from './deadlines.js';
import { overdueChange } from './overdue.js';

export type { LapseCounts };

/**
 * Step 1 of a nightly run in one district, inside the district's
 * transaction: lapse or cancel what is overdue at `date` (seats back into the
 * pool for this same run), then let children at the age limit leave the
 * queue. `actor` is the run id.
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
  const agedOut = await ageOut(q, district, bornOnOrBefore(date, params.maxAgeYears), params.maxAgeYears, actor, date);
  const counts: LapseCounts = {
    lapsed: changes.filter((c) => c.referral?.to === 'lapsed').length,
    cancelled: changes.filter((c) => c.referral?.to === 'cancelled').length,
    agedOut,
    seatsReturned: changes.filter((c) => c.seatBack).length,
  };
  await storeLapseCounts(q, date, district, counts);
  return counts;
}
