import { isWorkingDay, type Calendar } from '../domain/calendar.js';
import { addDays } from '../domain/dates.js';
import { proofBy, restoreBy } from '../lifecycle/deadlines.js';
import type { RuleParameters } from '../rules/ruleset.js';
import type { ApplicationLife } from '../db/notices.js';
import type { StoredReferral } from '../db/explain.js';
import type { Position } from './position.js';

/**
 * Where a family stands at a date, in one word and its dates: what every
 * answer (explain, position, the documents) says first. Pure. A deadline is
 * the last day the step may be taken (lifecycle.md); a step whose deadline is
 * over but that no nightly run has closed yet is `expired`, not still open.
 */
export type Situation =
  /** In the queue with a number (the details are the position). */
  | { kind: 'queued' }
  /** Registered and eligible, but not a candidate at the date. */
  | { kind: 'waiting'; why: 'desired_from' | 'stop_list'; until: string }
  /** Registered, but the rules refuse a place at the date (e.g. too young yet): judged again every night. */
  | { kind: 'not_eligible'; reasons: string[] }
  /** Refused at registration. */
  | { kind: 'refused'; on: string; reasons: string[] }
  /** Left the queue at the age limit. */
  | { kind: 'aged_out'; on: string; reasons: string[] }
  /** A live offer in time; `proofBy` when a priority right is still to be proven. */
  | { kind: 'offered'; confirmBy: string; proofBy: string | null }
  | { kind: 'confirmed'; confirmedOn: string; enrollBy: string; proofBy: string | null }
  /** A live referral whose deadline is over: the next nightly run closes it. */
  | { kind: 'expired'; step: 'confirm' | 'enrol' | 'proof'; deadline: string }
  | { kind: 'enrolled'; on: string }
  /** The referral lapsed (no answer, or not enrolled in time): the application is inactive. */
  | { kind: 'lapsed'; on: string; step: 'confirm' | 'enrol'; deadline: string | null; restoreBy: string; restore: 'open' | 'used' | 'closed'; restoredOn: string | null }
  /** The priority right was not proven: the referral was cancelled; the application is back in the queue as general, on the stop list. */
  | { kind: 'cancelled'; on: string; proofBy: string; stopListUntil: string }
  | { kind: 'declined'; on: string }
  | { kind: 'withdrawn'; on: string }
  /** A status the lifecycle did not set (given by an import without its referral): said as it is recorded. */
  | { kind: 'recorded'; status: string };

export type SituationKind = Situation['kind'];

/** The documents a family receives (api.md): which one a situation calls for. */
export type NoticeKind = 'referral' | 'queue' | 'refusal' | 'lapse' | 'cancellation';

export function noticeKindOf(s: Situation): NoticeKind {
  switch (s.kind) {
    case 'offered':
    case 'confirmed':
    case 'expired':
    case 'enrolled':
      return 'referral';
    case 'queued':
    case 'waiting':
    case 'recorded':
      return 'queue';
    case 'refused':
    case 'aged_out':
    case 'not_eligible':
      return 'refusal';
    case 'lapsed':
      return 'lapse';
    case 'cancelled':
    case 'declined':
    case 'withdrawn':
      return 'cancellation';
  }
}

export interface SituationInput {
  date: string;
  life: ApplicationLife;
  /** The latest referral issued on or before the date. */
  referral: StoredReferral | null;
  position: Position;
  /** Why a refused or aged-out application was refused (its refusal). */
  refusalReasons: string[];
  calendar: Calendar;
  params: RuleParameters;
}

const isPriority = (r: StoredReferral) => r.category !== 'general';

/** The last day to prove the referral's priority right, or null when there is none to prove (by the date, when given). */
export function proofDeadline(r: StoredReferral, calendar: Calendar, params: RuleParameters, date?: string): string | null {
  const proven = r.rightProvenOn !== null && (date === undefined || r.rightProvenOn <= date);
  return isPriority(r) && !proven ? proofBy(r, calendar, params) : null;
}

/**
 * The application's status at the date, from what is recorded now: the
 * current status when it was set by then; else what the referral issued on or
 * before the date says (live then, or how it closed); else, without such a
 * referral, the application was still queued. Nightly referrals and imports
 * record no business day for the status they set, so the referral's own
 * dates tell instead.
 */
export function statusAt(life: ApplicationLife, r: StoredReferral | null, date: string): string {
  const current = life.status;
  if (life.statusSince !== null && life.statusSince <= date) return current;
  if (!r) return ['offered', 'confirmed', 'enrolled', 'inactive'].includes(current) || life.statusSince !== null ? 'queued' : current;
  if (!r.closedOn || r.closedOn > date) return r.confirmedOn && r.confirmedOn <= date ? 'confirmed' : 'offered';
  const closed: Record<string, string> = { lapsed: 'inactive', enrolled: 'enrolled', declined: 'annulled', cancelled: 'queued' };
  if (r.status === 'lapsed' && life.restoredOn && life.restoredOn >= r.closedOn && life.restoredOn <= date) return 'queued';
  return closed[r.status] ?? current;
}

export function situationOf(x: SituationInput): Situation {
  const { date, life, referral: r, position: p, calendar, params } = x;
  const since = life.statusSince ?? life.registeredOn;
  const status = statusAt(life, r, date);
  switch (status) {
    case 'queued': {
      if (r && r.status === 'cancelled' && r.closedOn && life.stopListUntil && date <= life.stopListUntil)
        return { kind: 'cancelled', on: r.closedOn, proofBy: proofBy(r, calendar, params), stopListUntil: life.stopListUntil };
      if (p.state === 'waiting') return { kind: 'waiting', why: p.why, until: p.until };
      if (p.state === 'refused') return { kind: 'not_eligible', reasons: p.reasons };
      return { kind: 'queued' };
    }
    case 'offered':
    case 'confirmed': {
      if (!r) return { kind: 'recorded', status };
      const proof = proofDeadline(r, calendar, params, date);
      // The order of step 1 (src/lifecycle/overdue.ts): the unanswered offer first, then the proof, then enrolment.
      if (status === 'offered' && r.confirmBy < date) return { kind: 'expired', step: 'confirm', deadline: r.confirmBy };
      if (proof && proof < date) return { kind: 'expired', step: 'proof', deadline: proof };
      if (status === 'confirmed' && r.enrollBy && r.enrollBy < date) return { kind: 'expired', step: 'enrol', deadline: r.enrollBy };
      if (status === 'confirmed') return { kind: 'confirmed', confirmedOn: r.confirmedOn ?? since, enrollBy: r.enrollBy ?? date, proofBy: proof };
      return { kind: 'offered', confirmBy: r.confirmBy, proofBy: proof };
    }
    case 'enrolled':
      return r ? { kind: 'enrolled', on: r.closedOn ?? since } : { kind: 'recorded', status };
    case 'inactive': {
      const on = r?.status === 'lapsed' && r.closedOn ? r.closedOn : (life.inactiveSince ?? since);
      const by = restoreBy(on, params);
      const step = r?.confirmedOn ? 'enrol' : 'confirm';
      const restoredOn = life.restoredOn && life.restoredOn <= date ? life.restoredOn : null;
      return {
        kind: 'lapsed',
        on,
        step,
        deadline: r ? (step === 'enrol' ? r.enrollBy : r.confirmBy) : null,
        restoreBy: by,
        restore: restoredOn ? 'used' : date > by ? 'closed' : 'open',
        restoredOn,
      };
    }
    case 'annulled':
      return r && r.status === 'declined' ? { kind: 'declined', on: r.closedOn ?? since } : { kind: 'withdrawn', on: since };
    case 'aged_out':
      return { kind: 'aged_out', on: since, reasons: x.refusalReasons };
    case 'refused':
      return { kind: 'refused', on: since, reasons: x.refusalReasons };
    default:
      return { kind: 'recorded', status };
  }
}

/** How many working days after `from` the day `to` is (the n of "n working days after"), 0 when not after. */
export function workingDaysAfter(calendar: Calendar, from: string, to: string): number {
  let n = 0;
  for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (isWorkingDay(calendar, d)) n++;
  return n;
}

/** The deadlines a referral's family is told, with their counts. */
export interface ReferralDeadlines {
  confirmBy: string;
  /** Working days from the day of issue to confirmBy. */
  confirmWorkingDays: number;
  /** Null when there is no priority right to prove (general, or already proven). */
  proofBy: string | null;
  enrollBy: string | null;
}

export function referralDeadlines(r: StoredReferral, calendar: Calendar, params: RuleParameters): ReferralDeadlines {
  return {
    confirmBy: r.confirmBy,
    confirmWorkingDays: workingDaysAfter(calendar, r.issuedOn, r.confirmBy),
    proofBy: proofDeadline(r, calendar, params),
    enrollBy: r.enrollBy,
  };
}
