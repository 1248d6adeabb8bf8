import type { ApplicationLife } from '../../src/db/notices.js';
import type { StoredReferral } from '../../src/db/explain.js';
import type { Category } from '../../src/domain/types.js';
import { loadCalendar } from '../../src/io/calendar.js';
import type { NoticeData } from '../../src/online/notice.js';
import type { Position } from '../../src/online/position.js';
import { noticeKindOf, referralDeadlines, situationOf } from '../../src/online/situation.js';
import type { Standing } from '../../src/online/standing.js';
import type { RuleSet } from '../../src/rules/ruleset.js';
import { shippedRules } from '../support/run-helpers.js';

/** Standings and notices made by hand, for the texts and documents of every situation without a database. */

export const calendar = loadCalendar('rules');
export const CHILD = 'Әлия Қасымқызы';
export const KINDERGARTEN = '№12 «Балапан» балабақшасы';

export function referral(over: Partial<StoredReferral> = {}): StoredReferral {
  return {
    id: 'R-20260901-D1-000001',
    kindergarten: 'KG-1',
    group: 'G2022-kk-1',
    category: 'general',
    rights: [],
    preferenceRank: 1,
    issuedOn: '2026-09-01',
    confirmBy: '2026-09-03',
    status: 'offered',
    confirmedOn: null,
    enrollBy: null,
    extendedDays: null,
    rightProvenOn: null,
    closedOn: null,
    rulesVersion: '2026.1',
    rulesHash: 'abc',
    ...over,
  };
}

export function life(over: Partial<ApplicationLife> = {}): ApplicationLife {
  return { status: 'queued', inactiveSince: null, restoredOn: null, stopListUntil: null, unprovenRights: [], statusSince: '2026-09-01', registeredOn: '2023-01-03', ...over };
}

export const queued = (n = 7, ahead: Record<Category, number> = { extraordinary: 1, primary: 2, general: 3 }, category: Category = 'general', rights: string[] = []): Position => ({
  application: 'A1',
  state: 'queued',
  district: 'D1',
  birthYear: 2022,
  category,
  rights,
  queueNumber: n,
  cohortSize: 40,
  ahead,
});

export const notQueued = (status: string): Position => ({ application: 'A1', state: 'not_queued', status, referral: null });

export interface Case {
  date: string;
  life: ApplicationLife;
  referral: StoredReferral | null;
  position: Position;
  refusalReasons?: string[];
  rules?: RuleSet;
}

/** The standing of a case, as standingOf would make it. */
export function standing(c: Case): Standing {
  const rules = c.rules ?? shippedRules();
  const situation = situationOf({ date: c.date, life: c.life, referral: c.referral, position: c.position, refusalReasons: c.refusalReasons ?? [], calendar, params: rules.parameters });
  return {
    application: 'A1',
    date: c.date,
    district: { id: 'D1', name: 'Медеу ауданы' },
    birthYear: 2022,
    language: 'kk',
    groupType: 'general',
    preferences: [
      { id: 'KG-1', name: KINDERGARTEN },
      { id: 'KG-2', name: '№7 «Айгөлек»' },
    ],
    acceptAnyInDistrict: false,
    status: c.life.status as Standing['status'],
    registeredOn: c.life.registeredOn,
    position: c.position,
    referral: c.referral ? { ...c.referral, kindergartenName: KINDERGARTEN, deadlines: referralDeadlines(c.referral, calendar, rules.parameters) } : null,
    situation,
    provisionalYears: [],
    rules: { version: rules.version, hash: rules.hash },
  };
}

export function notice(c: Case): NoticeData {
  const st = standing(c);
  const rules = c.rules ?? shippedRules();
  const p = c.position;
  const kind = noticeKindOf(st.situation);
  return {
    ...st,
    kind,
    child: { name: CHILD, birthDate: '2022-03-10' },
    applicant: { name: 'Гүлнар Сапарова' },
    queue: kind === 'queue' && p.state === 'queued' ? { queueNumber: p.queueNumber, cohortSize: p.cohortSize, birthYear: p.birthYear, ahead: p.ahead, computedOn: c.date, source: 'stored' } : null,
    category: p.state === 'queued' || p.state === 'waiting' ? p.category : (c.referral?.category ?? null),
    rights: p.state === 'queued' || p.state === 'waiting' ? p.rights : (c.referral?.rights ?? []),
    parameters: rules.parameters,
  };
}

const priority = referral({ category: 'primary', rights: ['large_family'] });

/** One case of every situation a family can be in. */
export const CASES: Record<string, Case> = {
  queued: { date: '2026-09-02', life: life(), referral: null, position: queued() },
  waiting: { date: '2026-09-02', life: life(), referral: null, position: { application: 'A1', state: 'waiting', why: 'desired_from', until: '2026-10-01', category: 'general', rights: [] } },
  notEligible: { date: '2026-09-02', life: life(), referral: null, position: { application: 'A1', state: 'refused', reasons: ['too_young'] } },
  refused: { date: '2026-09-02', life: life({ status: 'refused' }), referral: null, position: notQueued('refused'), refusalReasons: ['age_limit'] },
  agedOut: { date: '2026-09-02', life: life({ status: 'aged_out' }), referral: null, position: notQueued('aged_out'), refusalReasons: ['age_limit'] },
  offered: { date: '2026-09-02', life: life({ status: 'offered' }), referral: referral(), position: notQueued('offered') },
  offeredPriority: { date: '2026-09-02', life: life({ status: 'offered' }), referral: priority, position: notQueued('offered') },
  confirmed: {
    date: '2026-09-04',
    life: life({ status: 'confirmed' }),
    referral: referral({ status: 'confirmed', confirmedOn: '2026-09-02', enrollBy: '2026-09-09' }),
    position: notQueued('confirmed'),
  },
  expired: { date: '2026-09-04', life: life({ status: 'offered' }), referral: referral(), position: notQueued('offered') },
  expiredProof: { date: '2026-09-09', life: life({ status: 'confirmed' }), referral: { ...priority, status: 'confirmed', confirmedOn: '2026-09-02', enrollBy: '2026-09-09' }, position: notQueued('confirmed') },
  enrolled: { date: '2026-09-10', life: life({ status: 'enrolled' }), referral: referral({ status: 'enrolled', confirmedOn: '2026-09-02', closedOn: '2026-09-07' }), position: notQueued('enrolled') },
  lapsed: { date: '2026-09-05', life: life({ status: 'inactive', inactiveSince: '2026-09-04' }), referral: referral({ status: 'lapsed', closedOn: '2026-09-04' }), position: notQueued('inactive') },
  lapsedAgain: {
    date: '2026-09-25',
    life: life({ status: 'inactive', inactiveSince: '2026-09-21', restoredOn: '2026-09-07' }),
    referral: referral({ status: 'lapsed', issuedOn: '2026-09-09', confirmBy: '2026-09-11', closedOn: '2026-09-21' }),
    position: notQueued('inactive'),
  },
  lapsedClosed: { date: '2026-10-30', life: life({ status: 'inactive', inactiveSince: '2026-09-04' }), referral: referral({ status: 'lapsed', closedOn: '2026-09-04' }), position: notQueued('inactive') },
  cancelled: {
    date: '2026-09-09',
    life: life({ status: 'queued', stopListUntil: '2026-09-18' }),
    referral: { ...priority, status: 'cancelled', closedOn: '2026-09-09' },
    position: { application: 'A1', state: 'waiting', why: 'stop_list', until: '2026-09-18', category: 'general', rights: [] },
  },
  declined: { date: '2026-09-03', life: life({ status: 'annulled', statusSince: '2026-09-02' }), referral: referral({ status: 'declined', closedOn: '2026-09-02' }), position: notQueued('annulled') },
  withdrawn: { date: '2026-09-03', life: life({ status: 'annulled', statusSince: '2026-09-02' }), referral: null, position: notQueued('annulled') },
};
