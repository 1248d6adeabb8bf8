import type { Queryable } from '../db/database.js';
import { applyChanges, liveReferrals } from '../db/changes.js';
import { restoredBefore } from '../db/lapses.js';
import { compareIds } from '../domain/ids.js';
import type { LapseCounts } from '../domain/outcomes.js';
import type { Calendar } from '../domain/calendar.js';
import type { RuleParameters } from '../rules/ruleset.js';
import { proofBy, restoreBy } from '../lifecycle/deadlines.js';
import { overdueChange } from '../lifecycle/overdue.js';
import type { Change, ReferralState } from '../lifecycle/types.js';

export type { LapseCounts };

/** What happened to an application that night, as lapses.ndjson says it. */
export type LapseEvent = 'lapsed' | 'cancelled' | 'aged_out';
/** Why: no answer to the offer, not enrolled in time, priority right not proven, the age limit. */
export type LapseReason = 'no_answer' | 'not_enrolled' | 'right_not_proven' | 'age_limit';

/**
 * One line of lapses.ndjson: a family the operator must reach. `deadline` is
 * the one that was missed; `restoreBy` the last day the application may be
 * restored (lapsed, and not restored before), else null; `stopListUntil` the
 * last day on the stop list of a cancelled priority referral, else null.
 */
export interface LapseEntry {
  application: string;
  district: string;
  referral: string | null;
  event: LapseEvent;
  reason: LapseReason;
  deadline: string | null;
  restoreBy: string | null;
  stopListUntil: string | null;
}

/** A line with a fixed key order, so the same night always gives the same bytes. */
export function lapseLine(e: LapseEntry): string {
  return JSON.stringify({
    application: e.application,
    district: e.district,
    referral: e.referral,
    event: e.event,
    reason: e.reason,
    deadline: e.deadline,
    restoreBy: e.restoreBy,
    stopListUntil: e.stopListUntil,
  });
}

export function lapseLines(entries: readonly LapseEntry[]): string {
  let out = '';
  for (const e of entries) out += lapseLine(e) + '\n';
  return out;
}

/**
 * Step 1 of a nightly run in one district, inside the district's
 * transaction: lapse or cancel what is overdue at `date` (seats back into the
 * pool for this same run). `actor` is the run id. Children at the age limit
 * leave the queue after the allocation (they are refused with `age_limit`
 * in this run's refusals first, see agedOutEntries); the caller stores the
 * counts and the lines.
 */
export async function lapseDistrict(
  q: Queryable,
  district: string,
  date: string,
  calendar: Calendar,
  params: RuleParameters,
  actor: string,
): Promise<{ counts: LapseCounts; entries: LapseEntry[] }> {
  const decided = (await liveReferrals(q, district)).flatMap((r) => {
    const c = overdueChange(r, date, calendar, params);
    return c ? [{ referral: r, change: c }] : [];
  });
  const changes = decided.map((d) => d.change);
  await applyChanges(q, changes, actor, date);
  const lapsedApps = decided.filter((d) => d.change.referral?.to === 'lapsed').map((d) => d.referral.application);
  const restored = await restoredBefore(q, district, lapsedApps);
  return {
    counts: {
      lapsed: changes.filter((c) => c.referral?.to === 'lapsed').length,
      cancelled: changes.filter((c) => c.referral?.to === 'cancelled').length,
      agedOut: 0,
      seatsReturned: changes.filter((c) => c.seatBack).length,
    },
    // In referral id order (liveReferrals' order): the order the offers were made.
    entries: decided.map(({ referral, change }) => lapseEntry(referral, change, district, date, calendar, params, restored)),
  };
}

function lapseEntry(
  r: ReferralState,
  c: Change,
  district: string,
  date: string,
  calendar: Calendar,
  params: RuleParameters,
  restored: ReadonlySet<string>,
): LapseEntry {
  const base = { application: r.application, district, referral: r.id };
  if (c.referral?.to === 'cancelled')
    return { ...base, event: 'cancelled', reason: 'right_not_proven', deadline: proofBy(r, calendar, params), restoreBy: null, stopListUntil: c.application?.stopListUntil ?? null };
  const noAnswer = r.status === 'offered';
  return {
    ...base,
    event: 'lapsed',
    reason: noAnswer ? 'no_answer' : 'not_enrolled',
    deadline: noAnswer ? r.confirmBy : r.enrollBy,
    // Inactive from today; a second lapse after a restore is final.
    restoreBy: restored.has(r.application) ? null : restoreBy(date, params),
    stopListUntil: null,
  };
}

/** Children who left the queue at the age limit tonight, in id order. */
export function agedOutEntries(ids: readonly string[], district: string): LapseEntry[] {
  return [...ids]
    .sort(compareIds)
    .map((application) => ({ application, district, referral: null, event: 'aged_out', reason: 'age_limit', deadline: null, restoreBy: null, stopListUntil: null }));
}
