import type { Queryable } from '../db/database.js';
import { complaintsDue, inactiveBetween, liveReferralsDue, type DueReferralRow } from '../db/due.js';
import { addWorkingDays, type Calendar } from '../domain/calendar.js';
import { addDays } from '../domain/dates.js';
import { compareIds } from '../domain/ids.js';
import { proofBy, restoreBy } from '../lifecycle/deadlines.js';
import type { RuleParameters } from '../rules/ruleset.js';

/**
 * What needs a person's action around a date (`kezek due`, GET /v1/due):
 * the deadlines of today and of the next working day ("tomorrow": on a
 * Friday, Monday's), restore windows closing within a week, and every
 * complaint due by then or overdue. Deadlines are the last day a step may
 * be taken (lifecycle.md); what is already past them lapses in the next run.
 * No personal data: ids only.
 */
export interface DueList {
  date: string;
  /** The next working day after `date`: the window is `date`..`until`. */
  until: string;
  /** The districts asked for, or null for all. */
  districts: string[] | null;
  /** Offers the parent must confirm or decline by `confirmBy` (in the window). */
  offers: DueOffer[];
  /** Priority rights to prove in person by `proveBy` (in the window). */
  rights: DueRight[];
  /** Confirmed referrals to enrol by `enrollBy` (in the window). */
  enrolments: DueEnrolment[];
  /** Inactive applications (never restored) whose restore window closes within `RESTORE_WARNING_DAYS` days. */
  restores: DueRestore[];
  /** Unanswered complaints due by `until`, overdue ones first. */
  complaints: DueComplaint[];
}

export interface DueOffer {
  referral: string;
  application: string;
  district: string;
  category: string;
  kindergarten: string;
  group: string;
  issuedOn: string;
  confirmBy: string;
}

export interface DueRight {
  referral: string;
  application: string;
  district: string;
  category: string;
  status: string;
  issuedOn: string;
  proveBy: string;
}

export interface DueEnrolment {
  referral: string;
  application: string;
  district: string;
  kindergarten: string;
  group: string;
  confirmedOn: string | null;
  enrollBy: string;
  /** The deadline was already extended once (it cannot be again). */
  extended: boolean;
}

export interface DueRestore {
  application: string;
  district: string;
  inactiveSince: string;
  restoreBy: string;
}

export interface DueComplaint {
  complaint: string;
  application: string | null;
  district: string | null;
  level: string;
  filedOn: string;
  dueOn: string;
  subject: string;
  overdue: boolean;
}

/** How far ahead closing restore windows are listed (calendar days). */
export const RESTORE_WARNING_DAYS = 7;

export interface DueInput {
  date: string;
  /** Only these districts (null or empty: all). */
  districts?: readonly string[] | null | undefined;
  calendar: Calendar;
  /** The rule parameters in force at `date` (proofWorkingDays, restoreCalendarDays). */
  params: RuleParameters;
}

export async function dueList(q: Queryable, input: DueInput): Promise<DueList> {
  const { date, calendar, params } = input;
  const districts = input.districts?.length ? [...input.districts] : null;
  const until = addWorkingDays(calendar, date, 1);
  const inWindow = (d: string | null): d is string => d !== null && d >= date && d <= until;
  const referrals = await liveReferralsDue(q, date, until, districts);
  const byDeadline = <T extends { district: string | null; referral?: string; application: string | null }>(deadline: (x: T) => string) => (a: T, b: T) =>
    deadline(a) < deadline(b) ? -1 : deadline(a) > deadline(b) ? 1 : compareIds(a.district ?? '', b.district ?? '') || compareIds(a.referral ?? a.application ?? '', b.referral ?? b.application ?? '');

  const offers = referrals
    .filter((r) => r.status === 'offered' && inWindow(r.confirmBy))
    .map((r): DueOffer => ({ referral: r.id, application: r.application, district: r.district, category: r.category, kindergarten: r.kindergarten, group: r.group, issuedOn: r.issuedOn, confirmBy: r.confirmBy }))
    .sort(byDeadline((x) => x.confirmBy));
  const rights = referrals
    .filter((r) => r.category !== 'general' && !r.rightProvenOn)
    .map((r): DueRight => ({ referral: r.id, application: r.application, district: r.district, category: r.category, status: r.status, issuedOn: r.issuedOn, proveBy: proofBy(r, calendar, params) }))
    .filter((r) => inWindow(r.proveBy))
    .sort(byDeadline((x) => x.proveBy));
  const enrolments = referrals
    .filter((r): r is DueReferralRow & { enrollBy: string } => r.status === 'confirmed' && inWindow(r.enrollBy))
    .map((r): DueEnrolment => ({ referral: r.id, application: r.application, district: r.district, kindergarten: r.kindergarten, group: r.group, confirmedOn: r.confirmedOn, enrollBy: r.enrollBy, extended: r.extendedDays !== null }))
    .sort(byDeadline((x) => x.enrollBy));
  // restoreBy = inactiveSince + restoreCalendarDays, from today to a week on.
  const restores = (await inactiveBetween(q, addDays(date, -params.restoreCalendarDays), addDays(date, RESTORE_WARNING_DAYS - params.restoreCalendarDays), districts))
    .map((a): DueRestore => ({ ...a, restoreBy: restoreBy(a.inactiveSince, params) }))
    .sort(byDeadline((x) => x.restoreBy));
  const complaints = (await complaintsDue(q, until, districts)).map((c): DueComplaint => ({ ...c, overdue: c.dueOn < date }));
  return { date, until, districts, offers, rights, enrolments, restores, complaints };
}

/** The due list as one flat table (CSV): a row per item, its kind, deadline, ids and what it is about. */
export interface DueRow {
  kind: 'offer' | 'right' | 'enrolment' | 'restore' | 'complaint';
  deadline: string;
  overdue: boolean;
  district: string | null;
  application: string | null;
  referral: string | null;
  complaint: string | null;
  detail: string;
}

export function dueRows(d: DueList): DueRow[] {
  const none = { referral: null, complaint: null, overdue: false };
  return [
    ...d.offers.map((o): DueRow => ({ ...none, kind: 'offer', deadline: o.confirmBy, district: o.district, application: o.application, referral: o.referral, detail: `${o.kindergarten} ${o.group} (${o.category})` })),
    ...d.rights.map((r): DueRow => ({ ...none, kind: 'right', deadline: r.proveBy, district: r.district, application: r.application, referral: r.referral, detail: `${r.category}, referral ${r.status}` })),
    ...d.enrolments.map((e): DueRow => ({ ...none, kind: 'enrolment', deadline: e.enrollBy, district: e.district, application: e.application, referral: e.referral, detail: `${e.kindergarten} ${e.group}${e.extended ? ' (extended once already)' : ''}` })),
    ...d.restores.map((r): DueRow => ({ ...none, kind: 'restore', deadline: r.restoreBy, district: r.district, application: r.application, detail: `inactive since ${r.inactiveSince}` })),
    ...d.complaints.map((c): DueRow => ({ ...none, kind: 'complaint', deadline: c.dueOn, overdue: c.overdue, district: c.district, application: c.application, complaint: c.complaint, detail: `${c.level}: ${c.subject}` })),
  ];
}
