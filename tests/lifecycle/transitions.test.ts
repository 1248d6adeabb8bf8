import { describe, expect, it } from 'vitest';
import { loadCalendar } from '../../src/io/calendar.js';
import { TransitionError } from '../../src/errors.js';
import { enrollByAfter, proofBy } from '../../src/lifecycle/deadlines.js';
import { overdueChange } from '../../src/lifecycle/overdue.js';
import {
  confirmReferral,
  confirmRight,
  declineReferral,
  enrollReferral,
  extendReferral,
  restoreApplication,
  withdrawApplication,
  type Ctx,
} from '../../src/lifecycle/transitions.js';
import { loadRuleSet } from '../../src/io/rules-folder.js';
import { applicationState, confirmedReferral, offeredReferral } from '../support/lifecycle-states.js';

const calendar = loadCalendar('rules');
const params = loadRuleSet('rules').parameters;
const at = (date: string): Ctx => ({ date, calendar, params });

// Issued Tuesday 1 Sep 2026: answer by Thu 3 Sep (2 working days), right proven by Tue 8 Sep (5).
const offered = offeredReferral;
const confirmed = confirmedReferral;
const app = applicationState;

function refused(fn: () => unknown, pattern: RegExp): void {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(TransitionError);
    expect((e as TransitionError).code).toBe('TRANSITION_REFUSED');
    expect((e as TransitionError).exitCode).toBe(2);
    expect((e as Error).message).toMatch(pattern);
    return;
  }
  expect.unreachable('the transition should have been refused');
}

describe('deadlines on the working-day calendar', () => {
  it('computes enrolment and proof deadlines in working days, skipping Nauryz 2026', () => {
    expect(enrollByAfter('2026-09-02', calendar, params)).toBe('2026-09-09');
    expect(proofBy({ issuedOn: '2026-09-01' }, calendar, params)).toBe('2026-09-08');
    expect(proofBy({ issuedOn: '2026-03-20' }, calendar, params)).toBe('2026-04-01'); // 23–25 Mar off
  });
});

describe('confirm: within 2 working days', () => {
  it('on the deadline day it is confirmed, with the enrolment deadline 5 working days later', () => {
    const c = confirmReferral(offered(), app(), at('2026-09-03'));
    expect(c.referral).toMatchObject({ from: 'offered', to: 'confirmed', confirmedOn: '2026-09-03', enrollBy: '2026-09-10' });
    expect(c.application).toMatchObject({ from: 'offered', to: 'confirmed' });
    expect(c.seatBack).toBeUndefined();
  });
  it('the day after the deadline it is refused', () => refused(() => confirmReferral(offered(), app(), at('2026-09-04')), /due by 2026-09-03/));
  it('a declined referral cannot be confirmed', () => refused(() => confirmReferral(offered({ status: 'declined' }), app({ status: 'annulled' }), at('2026-09-02')), /it is declined/));
});

describe('the nightly lapse (step 1)', () => {
  it('offered and silent: nothing on the deadline day, lapsed and inactive the day after, seat back', () => {
    expect(overdueChange(offered(), '2026-09-03', calendar, params)).toBeNull();
    const c = overdueChange(offered(), '2026-09-04', calendar, params)!;
    expect(c.referral).toMatchObject({ to: 'lapsed', closedOn: '2026-09-04' });
    expect(c.application).toMatchObject({ from: 'offered', to: 'inactive', inactiveSince: '2026-09-04' });
    expect(c.seatBack).toEqual({ kindergarten: 'KG-1', group: 'G-1' });
  });
  it('confirmed, not enrolled: nothing on enrollBy, lapsed the day after', () => {
    expect(overdueChange(confirmed(), '2026-09-09', calendar, params)).toBeNull();
    expect(overdueChange(confirmed(), '2026-09-10', calendar, params)?.referral?.to).toBe('lapsed');
    expect(overdueChange(confirmed(), '2026-09-10', calendar, params)?.application?.from).toBe('confirmed');
  });
  it('an extended enrolment lapses only after the extension', () => {
    const ext = confirmed({ enrollBy: '2026-10-09', extendedDays: 30 });
    expect(overdueChange(ext, '2026-10-09', calendar, params)).toBeNull();
    expect(overdueChange(ext, '2026-10-10', calendar, params)?.referral?.to).toBe('lapsed');
  });
  it('priority right not proven: nothing on proofBy, cancelled the day after, back in the queue as general on the stop list for 10 days', () => {
    const r = confirmed({ category: 'primary', enrollBy: '2026-09-15' });
    expect(overdueChange(r, '2026-09-08', calendar, params)).toBeNull();
    const c = overdueChange(r, '2026-09-09', calendar, params)!;
    expect(c.referral).toMatchObject({ to: 'cancelled' });
    expect(c.application).toMatchObject({ from: 'confirmed', to: 'queued', setAsideRights: true, stopListUntil: '2026-09-18' });
    expect(c.seatBack).toBeDefined();
  });
  it('a proven right is not cancelled; a general referral has no proof deadline', () => {
    expect(overdueChange(confirmed({ category: 'primary', rightProvenOn: '2026-09-02', enrollBy: '2026-09-15' }), '2026-09-10', calendar, params)).toBeNull();
    expect(overdueChange(confirmed({ enrollBy: '2026-09-15' }), '2026-09-10', calendar, params)).toBeNull();
  });
  it('closed referrals are left alone', () => {
    for (const status of ['enrolled', 'declined', 'lapsed', 'cancelled'] as const) expect(overdueChange(offered({ status }), '2027-01-01', calendar, params)).toBeNull();
  });
});

describe('decline, enrol, extend, confirm-right', () => {
  it('decline annuls the application and gives the seat back; not after the answer deadline', () => {
    const c = declineReferral(offered(), app(), at('2026-09-03'), 'moved away');
    expect(c.referral).toMatchObject({ to: 'declined' });
    expect(c.referral?.reason).toContain('moved away');
    expect(c.application).toMatchObject({ to: 'annulled' });
    expect(c.seatBack).toBeDefined();
    refused(() => declineReferral(offered(), app(), at('2026-09-04')), /lapses/);
  });
  it('enrol on enrollBy; refused the day after, refused on a declined or offered referral', () => {
    expect(enrollReferral(confirmed(), app({ status: 'confirmed' }), at('2026-09-09')).application).toMatchObject({ to: 'enrolled' });
    refused(() => enrollReferral(confirmed(), app({ status: 'confirmed' }), at('2026-09-10')), /due by 2026-09-09/);
    refused(() => enrollReferral(offered({ status: 'declined' }), app({ status: 'annulled' }), at('2026-09-02')), /cannot enrol .* it is declined/);
    refused(() => enrollReferral(offered(), app(), at('2026-09-02')), /it is offered/);
  });
  it('a priority referral is enrolled only once its right is proven', () => {
    refused(() => enrollReferral(confirmed({ category: 'extraordinary' }), app({ status: 'confirmed' }), at('2026-09-04')), /not proven/);
    expect(enrollReferral(confirmed({ category: 'extraordinary', rightProvenOn: '2026-09-03' }), app({ status: 'confirmed' }), at('2026-09-04')).referral?.to).toBe('enrolled');
  });
  it('extend once, by up to 30 calendar days, on or before enrollBy', () => {
    expect(extendReferral(confirmed(), at('2026-09-09'), 30).referral).toMatchObject({ to: 'confirmed', enrollBy: '2026-10-09', extendedDays: 30 });
    expect(extendReferral(confirmed(), at('2026-09-05'), 10).referral?.enrollBy).toBe('2026-09-19');
    refused(() => extendReferral(confirmed({ extendedDays: 5, enrollBy: '2026-09-14' }), at('2026-09-10'), 5), /already extended/);
    refused(() => extendReferral(confirmed(), at('2026-09-09'), 31), /1 to 30/);
    refused(() => extendReferral(confirmed(), at('2026-09-10'), 30), /due by/);
    refused(() => extendReferral(offered(), at('2026-09-02'), 30), /it is offered/);
  });
  it('confirm-right on proofBy; refused the day after, twice, or for a general referral', () => {
    expect(confirmRight(offered({ category: 'primary' }), at('2026-09-08')).referral).toMatchObject({ rightProvenOn: '2026-09-08', to: 'offered' });
    refused(() => confirmRight(confirmed({ category: 'primary' }), at('2026-09-09')), /due by 2026-09-08/);
    refused(() => confirmRight(confirmed({ category: 'primary', rightProvenOn: '2026-09-02' }), at('2026-09-03')), /already proven/);
    refused(() => confirmRight(offered(), at('2026-09-02')), /general/);
  });
});

describe('restore and withdraw', () => {
  const inactive = app({ status: 'inactive', inactiveSince: '2026-09-04' });
  it('restore within 28 calendar days: on day 28 yes, day 29 no', () => {
    expect(restoreApplication(inactive, at('2026-10-02')).application).toMatchObject({ from: 'inactive', to: 'queued', restoredOn: '2026-10-02' });
    refused(() => restoreApplication(inactive, at('2026-10-03')), /restorable until 2026-10-02/);
  });
  it('restore only once, and only an inactive application', () => {
    refused(() => restoreApplication({ ...inactive, restoredOn: '2026-09-05' }, at('2026-09-20')), /already restored/);
    refused(() => restoreApplication(app({ status: 'queued' }), at('2026-09-20')), /not inactive/);
  });
  it('withdraw annuls a queued or inactive application; with a live referral it must be declined', () => {
    expect(withdrawApplication(app({ status: 'queued' })).application).toMatchObject({ to: 'annulled' });
    expect(withdrawApplication(inactive).application).toMatchObject({ from: 'inactive', to: 'annulled' });
    refused(() => withdrawApplication(app()), /decline/);
    refused(() => withdrawApplication(app({ status: 'enrolled' })), /it is enrolled/);
  });
});
