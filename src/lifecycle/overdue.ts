import type { Calendar } from '../domain/calendar.js';
import type { RuleParameters } from '../rules/ruleset.js';
import { isPriority, proofBy, stopListUntil } from './deadlines.js';
import type { Change, ReferralState } from './types.js';

/**
 * Step 1 of a run, pure: what happens at date D to a live referral whose
 * deadline is over (the deadline day itself is still in time).
 * - offered, no answer by confirmBy → lapsed, application inactive;
 * - priority right not proven by proofBy → cancelled, application back to
 *   the queue as general (rights set aside), on the stop list;
 * - confirmed, not enrolled by enrollBy (with its extension) → lapsed, inactive.
 * The seat goes back in every case.
 */
export function overdueChange(r: ReferralState, date: string, calendar: Calendar, params: RuleParameters): Change | null {
  const seatBack = { kindergarten: r.kindergarten, group: r.group };
  const appFrom = r.status === 'confirmed' ? 'confirmed' : 'offered';
  const lapse = (why: string): Change => ({
    referral: { id: r.id, from: r.status, to: 'lapsed', reason: why, closedOn: date },
    application: { id: r.application, from: appFrom, to: 'inactive', reason: `referral ${r.id} lapsed`, inactiveSince: date },
    seatBack,
  });
  if (r.status === 'offered' && r.confirmBy < date) return lapse(`no answer by ${r.confirmBy}`);
  if (r.status !== 'offered' && r.status !== 'confirmed') return null;
  if (isPriority(r) && !r.rightProvenOn) {
    const by = proofBy(r, calendar, params);
    if (by < date)
      return {
        referral: { id: r.id, from: r.status, to: 'cancelled', reason: `${r.category} right not proven by ${by}`, closedOn: date },
        application: {
          id: r.application,
          from: appFrom,
          to: 'queued',
          reason: `referral ${r.id} cancelled: right not proven; back in the queue as general`,
          setAsideRights: true,
          stopListUntil: stopListUntil(date, params),
        },
        seatBack,
      };
  }
  if (r.status === 'confirmed' && r.enrollBy && r.enrollBy < date) return lapse(`not enrolled by ${r.enrollBy}`);
  return null;
}
