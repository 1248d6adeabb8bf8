import type { ApplicationCard, LiveReferral } from '../db/application-card.js';
import { liveReferralOf } from '../db/application-card.js';
import { findApplication } from '../db/queue.js';
import { provisionalYears, type Calendar } from '../domain/calendar.js';
import type { Category } from '../domain/types.js';
import { isPriority, proofBy } from '../lifecycle/deadlines.js';
import { positionOf, type Position } from '../online/position.js';
import type { RuleParameters } from '../rules/ruleset.js';
import type { RequestContext } from './request-context.js';

/** An application as the portal and the offices see it: where it stands today and the live referral with its deadlines. */
export interface ApplicationView {
  id: string;
  district: string;
  status: string;
  birthYear: number;
  registeredAt: string;
  channel: string;
  child: { iin: string; name: string | null; birthDate: string };
  applicant: { iin: string; name: string | null; relation: string | null };
  date: string;
  category: Category | null;
  rights: string[];
  queue: { number: number; of: number; ahead: Record<Category, number> } | null;
  waiting: { why: 'desired_from' | 'stop_list'; until: string } | null;
  refusal: { reasons: string[] } | null;
  referral: ReferralView | null;
}

export interface ReferralView extends LiveReferral {
  proofBy: string | null;
  /** The step the family (or the office) must take next, and its last day. */
  nextDeadline: { step: 'confirm' | 'enroll' | 'prove_right'; by: string } | null;
  provisionalYears: number[];
}

/** A referral with its deadlines (lifecycle.md), each the last day the step may be taken. */
export function referralView(r: LiveReferral, calendar: Calendar, params: RuleParameters): ReferralView {
  const live = r.status === 'offered' || r.status === 'confirmed';
  const proof = live && isPriority(r) && !r.rightProvenOn ? proofBy(r, calendar, params) : null;
  const step: ReferralView['nextDeadline'] = !live ? null : r.status === 'offered' ? { step: 'confirm', by: r.confirmBy } : r.enrollBy ? { step: 'enroll', by: r.enrollBy } : null;
  // The proof's deadline comes first when it is earlier than the step's.
  const next = proof && (!step || proof < step.by) ? { step: 'prove_right' as const, by: proof } : step;
  const last = [step?.by, proof].filter((d): d is string => !!d).sort().at(-1);
  return { ...r, proofBy: proof, nextDeadline: next, provisionalYears: last ? provisionalYears(calendar, r.issuedOn, last) : [] };
}

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
