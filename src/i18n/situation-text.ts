import { addDays } from '../domain/dates.js';
import type { Standing } from '../online/standing.js';
import type { Speaker } from './words.js';

/**
 * Where the family stands, in sentences: the first thing every answer says
 * (explain, position, the documents), and what the family can do next. No
 * answer says two things that cannot both be true: an offer whose deadline
 * is over is "expired", a lapsed one "lapsed", never "confirm by".
 */
export function situationText(s: Speaker, st: Standing): string[] {
  const x = st.situation;
  const kg = st.referral?.kindergartenName ?? '';
  switch (x.kind) {
    case 'queued': {
      const p = st.position;
      if (p.state !== 'queued') return [s.t('situation.queuedNoNumber', { date: st.date })];
      return [s.t('situation.queued', { number: p.queueNumber, size: p.cohortSize, birthYear: p.birthYear, district: st.district.name, date: st.date })];
    }
    case 'waiting':
      return x.why === 'desired_from'
        ? [s.t('situation.waiting.desiredFrom', { until: x.until })]
        : [s.t('situation.waiting.stopList', { until: x.until, next: addDays(x.until, 1) })];
    case 'not_eligible':
      return [s.t('situation.notEligible', { date: st.date, reasons: s.reasons(x.reasons) })];
    case 'refused':
      return [s.t('situation.refused', { on: x.on, reasons: s.reasons(x.reasons) })];
    case 'aged_out':
      return [s.t('situation.agedOut', { on: x.on, reasons: s.reasons(x.reasons) })];
    case 'offered': {
      const r = st.referral!;
      return [
        s.t('situation.offered', { kindergarten: kg, issuedOn: r.issuedOn, confirmBy: x.confirmBy, days: r.deadlines.confirmWorkingDays }),
        ...(x.proofBy ? [proofSentence(s, st, x.proofBy)] : []),
      ];
    }
    case 'confirmed':
      return [s.t('situation.confirmed', { kindergarten: kg, confirmedOn: x.confirmedOn, enrollBy: x.enrollBy }), ...(x.proofBy ? [proofSentence(s, st, x.proofBy)] : [])];
    case 'expired':
      return [
        s.t(x.step === 'confirm' ? 'situation.expired.confirm' : x.step === 'enrol' ? 'situation.expired.enrol' : 'situation.expired.proof', {
          kindergarten: kg,
          deadline: x.deadline,
          general: s.category('general'),
        }),
      ];
    case 'enrolled':
      return [s.t('situation.enrolled', { kindergarten: kg, on: x.on })];
    case 'lapsed': {
      const first =
        st.referral && x.deadline
          ? s.t(x.step === 'enrol' ? 'situation.lapsed.enrol' : 'situation.lapsed.confirm', { kindergarten: kg, deadline: x.deadline, on: x.on })
          : s.t('situation.lapsed.other', { on: x.on });
      const restore =
        x.restore === 'open'
          ? s.t('situation.restore.open', { restoreBy: x.restoreBy })
          : x.restore === 'used'
            ? s.t('situation.restore.used', { restoredOn: x.restoredOn ?? x.on })
            : s.t('situation.restore.closed', { restoreBy: x.restoreBy });
      return [first, restore];
    }
    case 'cancelled':
      return [s.t('situation.cancelled', { kindergarten: kg, on: x.on, proofBy: x.proofBy, stopListUntil: x.stopListUntil, general: s.category('general'), next: addDays(x.stopListUntil, 1) })];
    case 'declined':
      return [s.t('situation.declined', { kindergarten: kg, on: x.on })];
    case 'withdrawn':
      return [s.t('situation.withdrawn', { on: x.on })];
    case 'recorded':
      return [s.t('situation.recorded', { status: x.status })];
  }
}

function proofSentence(s: Speaker, st: Standing, proofBy: string): string {
  const r = st.referral!;
  return s.t('situation.proof', { rights: s.rights(r.rights), category: s.category(r.category), proofBy, general: s.category('general') });
}

/** What the family can do now, in sentences (the complaint route always last where a decision can be appealed). */
export function nextSteps(s: Speaker, st: Standing): string[] {
  const x = st.situation;
  switch (x.kind) {
    case 'queued':
    case 'waiting':
      return [s.t('next.queued')];
    case 'not_eligible':
      return [s.t('next.notEligible'), s.t('next.complaint')];
    case 'refused':
      return [s.t('next.refused'), s.t('next.complaint')];
    case 'aged_out':
      return [s.t('next.agedOut'), s.t('next.complaint')];
    case 'offered':
      return [s.t('next.offered', { confirmBy: x.confirmBy }), ...(x.proofBy ? [s.t('next.proof', { proofBy: x.proofBy })] : [])];
    case 'confirmed':
      return [s.t('next.confirmed', { enrollBy: x.enrollBy }), ...(x.proofBy ? [s.t('next.proof', { proofBy: x.proofBy })] : [])];
    case 'expired':
      return [s.t(x.step === 'proof' ? 'next.expiredProof' : 'next.expired'), s.t('next.complaint')];
    case 'enrolled':
      return [s.t('next.enrolled')];
    case 'lapsed':
      return x.restore === 'open' ? [s.t('next.restore', { restoreBy: x.restoreBy })] : [s.t('next.registerAgain'), s.t('next.complaint')];
    case 'cancelled':
      return [s.t('next.cancelled', { next: addDays(x.stopListUntil, 1), general: s.category('general') }), s.t('next.complaint')];
    case 'declined':
    case 'withdrawn':
      return [s.t('next.registerAgain')];
    case 'recorded':
      return [s.t('next.askDepartment')];
  }
}

/** The deadline note of a live referral counted through a year whose decree on days off is not recorded yet. */
export function provisionalText(s: Speaker, years: readonly number[]): string[] {
  return years.length ? [s.t('deadline.provisional', { years: years.join(', ') })] : [];
}
