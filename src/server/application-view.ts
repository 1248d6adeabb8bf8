import type { ApplicationCard } from '../db/application-card.js';
import { liveReferralOf } from '../db/application-card.js';
import { findApplication } from '../db/queue.js';
import { referralView, type ApplicationView } from '../online/application-view.js';
import { positionOf, type Position } from '../online/position.js';
import type { RequestContext } from './request-context.js';

/**
 * The view of one application at the request's date. A queued one's position
 * comes from its cohort's table (the same answer as positionOf: see
 * cohort-positions.ts), or from positionOf itself when the table does not
 * have it (it changed between the two reads); any other has none, and may
 * have a live referral.
 */
export async function applicationView(rc: RequestContext, card: ApplicationCard): Promise<ApplicationView> {
  const birthYear = Number(card.birthDate.slice(0, 4));
  const position: Position | null =
    card.status === 'queued'
      ? ((await rc.cohortPositions(card.district, birthYear, card.cohortToken)).get(card.id) ?? (await positionOf(rc.fresh, rc.rules, rc.evaluator, card.id, rc.date)))
      : null;
  const status = position === null ? card.status : position.state === 'not_queued' ? position.status : 'queued';
  const live = status === 'offered' || status === 'confirmed' ? await liveReferralOf(rc.db, card.id) : null;
  const referral = live ? referralView(live, rc.calendar, rc.rules.parameters) : null;
  // Refused at registration: the reasons, as the rules judge it at the date (as explain does).
  const refused = position?.state === 'refused' ? position.reasons : status === 'refused' ? await refusalReasons(rc, card.id) : null;
  const judged = position?.state === 'queued' || position?.state === 'waiting' ? position : null;
  return {
    id: card.id,
    district: card.district,
    status,
    birthYear,
    registeredAt: card.registeredAt,
    channel: card.channel,
    child: { ...card.child, birthDate: card.birthDate },
    applicant: card.applicant,
    date: rc.date,
    category: judged ? judged.category : (live?.category ?? null),
    rights: judged ? judged.rights : (live?.rights ?? []),
    queue: position?.state === 'queued' ? { number: position.queueNumber, of: position.cohortSize, ahead: position.ahead } : null,
    waiting: position?.state === 'waiting' ? { why: position.why, until: position.until } : null,
    refusal: refused ? { reasons: refused } : null,
    referral,
  };
}

async function refusalReasons(rc: RequestContext, id: string): Promise<string[]> {
  const app = await findApplication(rc.db, id);
  return app ? (await rc.evaluator.evaluate({ ...app, status: 'queued' }, rc.date)).reasons : [];
}
