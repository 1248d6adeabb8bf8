import type { Calendar } from '../domain/calendar.js';
import { addDays } from '../domain/dates.js';
import { TransitionError } from '../errors.js';
import type { RuleParameters } from '../rules/ruleset.js';
import { enrollByAfter, isPriority, proofBy, restoreBy } from './deadlines.js';
import type { ApplicationState, Change, ReferralState } from './types.js';

/**
 * The operator's transitions of lifecycle.md, pure: each takes the current
 * states and the business date and returns the Change to store, or refuses
 * with a TransitionError saying why.
 */
export interface Ctx {
  date: string;
  calendar: Calendar;
  params: RuleParameters;
}

const refuse = (message: string, r?: { id: string; status: string }): never => {
  throw new TransitionError(message, r ? { id: r.id, status: r.status } : {});
};

function expectStatus(r: ReferralState, allowed: readonly string[], action: string): void {
  if (!allowed.includes(r.status)) refuse(`cannot ${action} referral ${r.id}: it is ${r.status}`, r);
}

function notBeforeIssue(r: ReferralState, date: string): void {
  if (date < r.issuedOn) refuse(`referral ${r.id} was issued on ${r.issuedOn}, after ${date}`, r);
}

/** The parent confirms the offer within confirmBy. */
export function confirmReferral(r: ReferralState, app: ApplicationState, c: Ctx): Change {
  expectStatus(r, ['offered'], 'confirm');
  notBeforeIssue(r, c.date);
  if (c.date > r.confirmBy) refuse(`cannot confirm referral ${r.id}: the answer was due by ${r.confirmBy}`, r);
  const enrollBy = enrollByAfter(c.date, c.calendar, c.params);
  return {
    referral: { id: r.id, from: 'offered', to: 'confirmed', reason: `confirmed by the parent; enrol by ${enrollBy}`, confirmedOn: c.date, enrollBy },
    application: { id: app.id, from: app.status, to: 'confirmed', reason: `referral ${r.id} confirmed` },
  };
}

/** The parent declines: the application leaves the queue, the seat goes back. */
export function declineReferral(r: ReferralState, app: ApplicationState, c: Ctx, reason?: string): Change {
  expectStatus(r, ['offered', 'confirmed'], 'decline');
  notBeforeIssue(r, c.date);
  if (r.status === 'offered' && c.date > r.confirmBy) refuse(`cannot decline referral ${r.id}: the answer was due by ${r.confirmBy}; it lapses`, r);
  if (r.status === 'confirmed' && r.enrollBy && c.date > r.enrollBy) refuse(`cannot decline referral ${r.id}: enrolment was due by ${r.enrollBy}; it lapses`, r);
  const why = reason ? `declined by the parent: ${reason}` : 'declined by the parent';
  return {
    referral: { id: r.id, from: r.status, to: 'declined', reason: why, closedOn: c.date },
    application: { id: app.id, from: app.status, to: 'annulled', reason: `referral ${r.id} declined` },
    seatBack: { kindergarten: r.kindergarten, group: r.group },
  };
}

/** Documents and contract done: the child is enrolled and leaves the queue. */
export function enrollReferral(r: ReferralState, app: ApplicationState, c: Ctx): Change {
  expectStatus(r, ['confirmed'], 'enrol');
  if (r.confirmedOn && c.date < r.confirmedOn) refuse(`referral ${r.id} was confirmed on ${r.confirmedOn}, after ${c.date}`, r);
  if (r.enrollBy && c.date > r.enrollBy) refuse(`cannot enrol on referral ${r.id}: enrolment was due by ${r.enrollBy}`, r);
  if (isPriority(r) && !r.rightProvenOn) refuse(`cannot enrol on referral ${r.id}: its ${r.category} right is not proven yet (kezek referral confirm-right)`, r);
  return {
    referral: { id: r.id, from: 'confirmed', to: 'enrolled', reason: 'enrolled: documents and contract done', closedOn: c.date },
    application: { id: app.id, from: app.status, to: 'enrolled', reason: `enrolled on referral ${r.id}` },
    seatFilled: { kindergarten: r.kindergarten, group: r.group },
  };
}

/** The enrolment deadline moves once, by up to extensionCalendarDays. */
export function extendReferral(r: ReferralState, c: Ctx, days: number, reason?: string): Change {
  expectStatus(r, ['confirmed'], 'extend');
  if (r.extendedDays !== null) refuse(`referral ${r.id} was already extended once (by ${r.extendedDays} days)`, r);
  if (!Number.isInteger(days) || days < 1 || days > c.params.extensionCalendarDays)
    refuse(`an extension is 1 to ${c.params.extensionCalendarDays} calendar days, not ${days}`, r);
  if (!r.enrollBy || c.date > r.enrollBy) refuse(`cannot extend referral ${r.id}: enrolment was due by ${r.enrollBy}`, r);
  const enrollBy = addDays(r.enrollBy!, days);
  return {
    referral: { id: r.id, from: 'confirmed', to: 'confirmed', reason: `enrolment extended by ${days} days to ${enrollBy}${reason ? `: ${reason}` : ''}`, enrollBy, extendedDays: days },
  };
}

/** The priority right was confirmed in person within proofWorkingDays. */
export function confirmRight(r: ReferralState, c: Ctx): Change {
  expectStatus(r, ['offered', 'confirmed'], 'confirm the right of');
  notBeforeIssue(r, c.date);
  if (!isPriority(r)) refuse(`referral ${r.id} is general: there is no priority right to prove`, r);
  if (r.rightProvenOn) refuse(`the right of referral ${r.id} was already proven on ${r.rightProvenOn}`, r);
  const by = proofBy(r, c.calendar, c.params);
  if (c.date > by) refuse(`cannot prove the right of referral ${r.id}: it was due by ${by}`, r);
  return { referral: { id: r.id, from: r.status, to: r.status, reason: `${r.category} right proven in person`, rightProvenOn: c.date } };
}

/** An inactive application back to the queue, once, within restoreCalendarDays, keeping its registeredAt. */
export function restoreApplication(app: ApplicationState, c: Ctx, reason?: string): Change {
  if (app.status !== 'inactive') refuse(`cannot restore application ${app.id}: it is ${app.status}, not inactive`, app);
  if (app.restoredOn) refuse(`application ${app.id} was already restored once (on ${app.restoredOn})`, app);
  const by = restoreBy(app.inactiveSince ?? c.date, c.params);
  if (c.date > by) refuse(`cannot restore application ${app.id}: inactive since ${app.inactiveSince}, restorable until ${by}`, app);
  if (app.inactiveSince && c.date < app.inactiveSince) refuse(`application ${app.id} went inactive on ${app.inactiveSince}, after ${c.date}`, app);
  return { application: { id: app.id, from: 'inactive', to: 'queued', reason: reason ? `restored: ${reason}` : 'restored to the queue', restoredOn: c.date } };
}

/** The parent asks to leave the queue. With a live referral, decline it instead. */
export function withdrawApplication(app: ApplicationState, reason?: string): Change {
  if (app.status === 'offered' || app.status === 'confirmed')
    refuse(`application ${app.id} has a live referral: decline it (kezek referral decline) to leave the queue`, app);
  if (app.status !== 'queued' && app.status !== 'inactive') refuse(`cannot withdraw application ${app.id}: it is ${app.status}`, app);
  return { application: { id: app.id, from: app.status, to: 'annulled', reason: reason ? `withdrawn by the parent: ${reason}` : 'withdrawn by the parent' } };
}
