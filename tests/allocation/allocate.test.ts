import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Application, Evaluation } from '../../src/domain/types.js';
import { loadRuleSet } from '../../src/io/rules-folder.js';
import { referenceEvaluator } from '../../src/rules/reference-engine.js';
import { D, app, ev, place, queueMap, referredIds, refused, run } from '../support/builders.js';

type Entry = readonly [Application, Evaluation];

/** n applications of one category registered a minute apart, from `start` minutes past 09:00. */
function stream(prefix: string, n: number, category: Evaluation['category'], start: number, extra: Partial<Parameters<typeof app>[0]> = {}): Entry[] {
  return Array.from({ length: n }, (_, i) => {
    const minute = String(start + i).padStart(2, '0');
    return [app({ id: `${prefix}${i + 1}`, registeredAt: `2023-04-01T09:${minute}:00+05:00`, ...extra }), ev(category)] as const;
  });
}

describe('allocateDistrict: categories and the quota', () => {
  it('serves extraordinary first, then primary, then general, whatever the registration order', () => {
    const entries: Entry[] = [
      [app({ id: 'G1', registeredAt: '2020-01-01T09:00:00+05:00' }), ev('general')],
      [app({ id: 'P1', registeredAt: '2021-01-01T09:00:00+05:00' }), ev('primary', ['large_family'])],
      [app({ id: 'E1', registeredAt: '2023-01-01T09:00:00+05:00' }), ev('extraordinary', ['military'])],
    ];
    expect(referredIds(run(entries, [place('KG-1', 'A', { seats: 1 })]))).toEqual(['E1']);
    expect(referredIds(run(entries, [place('KG-1', 'A', { seats: 3 })]))).toEqual(['E1', 'P1', 'G1']);
    const o = run(entries, [place('KG-1', 'A', { seats: 1 })]);
    expect(o.referrals[0]).toMatchObject({ category: 'extraordinary', rights: ['military'], district: 'ALA-MED', birthYear: 2022 });
    // The two left: primary before general (static interleave), numbered from 1.
    expect(queueMap(o)).toEqual({ P1: 1, G1: 2 });
  });

  it('interleaves primary and general P,G,G,G,P,G,G,G by referrals issued', () => {
    const entries = [...stream('P', 3, 'primary', 30), ...stream('G', 8, 'general', 0)];
    const o = run(entries, [place('KG-1', 'A', { seats: 8 })]);
    expect(referredIds(o)).toEqual(['P1', 'G1', 'G2', 'G3', 'P2', 'G4', 'G5', 'G6']);
    expect(queueMap(o)).toEqual({ P3: 1, G7: 2, G8: 3 });
  });

  it('extraordinary referrals do not count toward the primary:general quota', () => {
    const entries = [...stream('E', 2, 'extraordinary', 50), ...stream('P', 2, 'primary', 30), ...stream('G', 4, 'general', 0)];
    const o = run(entries, [place('KG-1', 'A', { seats: 8 })]);
    expect(referredIds(o)).toEqual(['E1', 'E2', 'P1', 'G1', 'G2', 'G3', 'P2', 'G4']);
  });

  it('a primary who gets no seat does not count, and the next primary is tried before a general', () => {
    const entries: Entry[] = [
      // P1 is first in line but only wants KG-2, which has nothing.
      [app({ id: 'P1', registeredAt: '2023-01-01T09:00:00+05:00', preferences: ['KG-2'] }), ev('primary')],
      [app({ id: 'P2', registeredAt: '2023-01-02T09:00:00+05:00' }), ev('primary')],
      ...stream('G', 4, 'general', 0),
    ];
    const o = run(entries, [place('KG-1', 'A', { seats: 3 })]);
    expect(referredIds(o)).toEqual(['P2', 'G1', 'G2']);
    expect(o.referrals.map((r) => r.category)).toEqual(['primary', 'general', 'general']);
    // Left: P1 (primary) and G3, G4 — numbered by the static interleave.
    expect(queueMap(o)).toEqual({ P1: 1, G3: 2, G4: 3 });
  });

  it('a general who gets no seat does not count either', () => {
    const entries: Entry[] = [
      ...stream('P', 2, 'primary', 30),
      [app({ id: 'G1', registeredAt: '2023-04-01T09:00:00+05:00' }), ev('general')],
      [app({ id: 'G2', registeredAt: '2023-04-01T09:01:00+05:00', preferences: ['KG-9'] }), ev('general')],
      [app({ id: 'G3', registeredAt: '2023-04-01T09:02:00+05:00' }), ev('general')],
      [app({ id: 'G4', registeredAt: '2023-04-01T09:03:00+05:00' }), ev('general')],
      [app({ id: 'G5', registeredAt: '2023-04-01T09:04:00+05:00' }), ev('general')],
    ];
    const o = run(entries, [place('KG-1', 'A', { seats: 6 })]);
    // P1, G1, (G2 skipped), G3, G4 → 3 general issued → P2, then G5.
    expect(referredIds(o)).toEqual(['P1', 'G1', 'G3', 'G4', 'P2', 'G5']);
    expect(o.queue.map((q) => q.application)).toEqual(['G2']);
  });

  it('uses the quota from the settings (rule parameter), e.g. 1:1', () => {
    const entries = [...stream('P', 3, 'primary', 30), ...stream('G', 3, 'general', 0)];
    const o = run(entries, [place('KG-1', 'A', { seats: 4 })], { quota: [1, 1] });
    expect(referredIds(o)).toEqual(['P1', 'G1', 'P2', 'G2']);
    expect(queueMap(o)).toEqual({ P3: 1, G3: 2 });
  });

  it('when the general stream is exhausted, the remaining primaries are served', () => {
    const entries = [...stream('P', 4, 'primary', 30), ...stream('G', 1, 'general', 0)];
    const o = run(entries, [place('KG-1', 'A', { seats: 5 })]);
    expect(referredIds(o)).toEqual(['P1', 'G1', 'P2', 'P3', 'P4']);
  });
});

describe('allocateDistrict: order within a category', () => {
  it('orders by the UTC instant: the same instant in different offsets is a tie broken by id byte order', () => {
    const entries: Entry[] = [
      [app({ id: 'APP-9', registeredAt: '2024-01-01T10:00:00+05:00' }), ev()],
      [app({ id: 'APP-10', registeredAt: '2024-01-01T11:00:00+06:00' }), ev()],
    ];
    const o = run(entries, [place('KG-1', 'A', { seats: 1 })]);
    // Same instant (05:00Z); 'APP-10' < 'APP-9' in byte order.
    expect(referredIds(o)).toEqual(['APP-10']);
    expect(queueMap(o)).toEqual({ 'APP-9': 1 });
  });

  it('an earlier instant wins even when its local clock reads later', () => {
    const entries: Entry[] = [
      [app({ id: 'A', registeredAt: '2024-01-01T10:00:00+05:00' }), ev()], // 05:00Z
      [app({ id: 'B', registeredAt: '2024-01-01T10:30:00+06:00' }), ev()], // 04:30Z
    ];
    expect(referredIds(run(entries, [place('KG-1', 'A', { seats: 1 })]))).toEqual(['B']);
  });

  it('ties by id use bytes, not locale (upper case before lower case)', () => {
    const at = '2024-01-01T10:00:00Z';
    const entries: Entry[] = [
      [app({ id: 'app-1', registeredAt: at }), ev()],
      [app({ id: 'APP-2', registeredAt: at }), ev()],
    ];
    expect(referredIds(run(entries, [place('KG-1', 'A', { seats: 1 })]))).toEqual(['APP-2']);
  });
});

describe('allocateDistrict: matching', () => {
  it('repeated places rows for the same group add up', () => {
    const entries = stream('G', 4, 'general', 0);
    const places = [place('KG-1', 'A', { seats: 1 }), place('KG-1', 'A', { seats: 2 })];
    const o = run(entries, places);
    expect(referredIds(o)).toEqual(['G1', 'G2', 'G3']);
    expect(o.referrals.every((r) => r.kindergarten === 'KG-1' && r.group === 'A')).toBe(true);
    expect(o.counts.seatsOffered).toBe(3);
    expect(o.counts.seatsLeft).toBe(0);
    expect(queueMap(o)).toEqual({ G4: 1 });
  });

  it('several fitting groups at one kindergarten: smallest group id (byte order) first', () => {
    const entries = stream('G', 4, 'general', 0);
    const places = [
      place('KG-1', 'G-b'),
      place('KG-1', 'G-9'),
      place('KG-1', 'G-a'),
      place('KG-1', 'G-10'),
      place('KG-1', 'G-0', { language: 'ru' }), // does not fit
    ];
    const o = run(entries, places);
    expect(o.referrals.map((r) => r.group)).toEqual(['G-10', 'G-9', 'G-a', 'G-b']);
    expect(o.counts.seatsLeft).toBe(1);
  });

  it('walks preferences in order and reports the rank', () => {
    const entries: Entry[] = [[app({ id: 'X', preferences: ['KG-3', 'KG-2', 'KG-1'], acceptAnyInDistrict: true }), ev()]];
    const o = run(entries, [place('KG-1', 'A'), place('KG-2', 'A'), place('KG-0', 'A')]);
    expect(o.referrals).toEqual([
      expect.objectContaining({ application: 'X', kindergarten: 'KG-2', group: 'A', preferenceRank: 2 }),
    ]);
  });

  it('the first preference wins over an earlier kindergarten id', () => {
    const entries: Entry[] = [[app({ id: 'X', preferences: ['KG-2', 'KG-1'] }), ev()]];
    const o = run(entries, [place('KG-1', 'A'), place('KG-2', 'B')]);
    expect(o.referrals[0]).toMatchObject({ kindergarten: 'KG-2', group: 'B', preferenceRank: 1 });
  });

  it('acceptAnyInDistrict: rank 0, smallest kindergarten id (byte order), then smallest group id', () => {
    const entries: Entry[] = [
      [app({ id: 'A1', registeredAt: '2023-01-01T09:00:00Z', preferences: ['KG-3'], acceptAnyInDistrict: true }), ev()],
      [app({ id: 'A2', registeredAt: '2023-01-01T09:01:00Z', preferences: ['KG-3'], acceptAnyInDistrict: true }), ev()],
      [app({ id: 'A3', registeredAt: '2023-01-01T09:02:00Z', preferences: ['KG-3'], acceptAnyInDistrict: true }), ev()],
      [app({ id: 'N1', registeredAt: '2023-01-01T09:03:00Z', preferences: ['KG-3'], acceptAnyInDistrict: false }), ev()],
    ];
    const places = [place('KG-2', 'A'), place('KG-10', 'Z'), place('KG-10', 'B'), place('KG-3', 'R', { language: 'ru' })];
    const o = run(entries, places);
    expect(o.referrals.map((r) => [r.application, r.kindergarten, r.group, r.preferenceRank])).toEqual([
      ['A1', 'KG-10', 'B', 0],
      ['A2', 'KG-10', 'Z', 0],
      ['A3', 'KG-2', 'A', 0],
    ]);
    // Without acceptAny, a seat elsewhere is not offered.
    expect(queueMap(o)).toEqual({ N1: 1 });
    expect(o.counts.referralsByPreferenceRank).toEqual({ '0': 3 });
  });

  it('without acceptAnyInDistrict the candidate stays queued although seats are free', () => {
    const o = run([[app({ id: 'X', preferences: ['KG-2'] }), ev()]], [place('KG-1', 'A', { seats: 5 })]);
    expect(o.referrals).toEqual([]);
    expect(queueMap(o)).toEqual({ X: 1 });
    expect(o.counts.seatsLeft).toBe(5);
  });

  it('language, group type and birth year must all fit', () => {
    const any = { preferences: ['KG-1'], acceptAnyInDistrict: true };
    const entries: Entry[] = [
      [app({ id: 'LANG', language: 'kk', ...any }), ev()],
      [app({ id: 'TYPE', groupType: 'general', ...any }), ev()],
      [app({ id: 'YEAR', birthDate: '2022-06-01', ...any }), ev()],
    ];
    const places = [
      place('KG-1', 'RU', { language: 'ru', groupType: 'general', birthYear: 2022 }), // wrong language for all kk
    ];
    // Only a ru/general/2022 seat: none of the kk applicants fits.
    expect(run(entries, places).referrals).toEqual([]);
    // Only a kk/special/2022 seat: no general applicant fits.
    expect(run(entries, [place('KG-1', 'S', { groupType: 'special' })]).referrals).toEqual([]);
    // Only a kk/general/2021 seat: no 2022-born child fits.
    expect(run(entries, [place('KG-1', 'Y', { birthYear: 2021 })]).referrals).toEqual([]);
    // And each one of them fits its own group.
    const fitting = [
      place('KG-1', 'ru-g', { language: 'ru' }),
      place('KG-1', 'kk-s', { groupType: 'special' }),
      place('KG-1', 'kk-g-21', { birthYear: 2021 }),
    ];
    const matched = run(
      [
        [app({ id: 'R', language: 'ru' }), ev()],
        [app({ id: 'S', groupType: 'special' }), ev()],
        [app({ id: 'Y', birthDate: '2021-12-31' }), ev()],
      ],
      fitting,
    );
    expect(Object.fromEntries(matched.referrals.map((r) => [r.application, r.group]))).toEqual({ R: 'ru-g', S: 'kk-s', Y: 'kk-g-21' });
  });

  it('cohorts are separate: referrals by birth year, queue numbered per cohort from 1', () => {
    const entries: Entry[] = [
      [app({ id: 'B22-1', birthDate: '2022-01-10', registeredAt: '2023-01-01T09:00:00Z' }), ev()],
      [app({ id: 'B22-2', birthDate: '2022-11-10', registeredAt: '2023-01-02T09:00:00Z' }), ev()],
      [app({ id: 'B21-1', birthDate: '2021-05-05', registeredAt: '2023-01-03T09:00:00Z' }), ev()],
      [app({ id: 'B21-2', birthDate: '2021-05-06', registeredAt: '2023-01-04T09:00:00Z' }), ev()],
      [app({ id: 'B21-3', birthDate: '2021-05-07', registeredAt: '2023-01-05T09:00:00Z' }), ev()],
    ];
    const o = run(entries, [place('KG-1', 'Y22'), place('KG-1', 'Y21', { birthYear: 2021 })]);
    expect(o.referrals.map((r) => [r.application, r.birthYear])).toEqual([
      ['B21-1', 2021],
      ['B22-1', 2022],
    ]);
    expect(o.queue.map((q) => [q.application, q.birthYear, q.queueNumber])).toEqual([
      ['B21-2', 2021, 1],
      ['B21-3', 2021, 2],
      ['B22-2', 2022, 1],
    ]);
  });
});

describe('allocateDistrict: who is a candidate', () => {
  it('stop list: stopListUntil equal to D is not a candidate; the day before D is', () => {
    const entries: Entry[] = [
      [app({ id: 'ON', registeredAt: '2020-01-01T00:00:00Z', stopListUntil: D }), ev()],
      [app({ id: 'LATER', registeredAt: '2020-01-01T00:00:00Z', stopListUntil: '2025-08-16' }), ev()],
      [app({ id: 'OFF', registeredAt: '2023-01-01T00:00:00Z', stopListUntil: '2025-08-14' }), ev()],
    ];
    const o = run(entries, [place('KG-1', 'A', { seats: 3 })]);
    expect(referredIds(o)).toEqual(['OFF']);
    expect([...o.notCandidates].sort()).toEqual(['LATER', 'ON']);
    expect(o.queue).toEqual([]);
    expect(o.counts).toMatchObject({ queued: 3, notCandidates: 2, candidates: 1, referrals: 1, seatsLeft: 2 });
  });

  it('desiredFrom in the future: no offer and no number; desiredFrom equal to D is a candidate', () => {
    const entries: Entry[] = [
      [app({ id: 'FUTURE', registeredAt: '2020-01-01T00:00:00Z', desiredFrom: '2025-08-16' }), ev('extraordinary')],
      [app({ id: 'TODAY', registeredAt: '2023-01-01T00:00:00Z', desiredFrom: D }), ev()],
      [app({ id: 'WAITING', registeredAt: '2023-01-02T00:00:00Z', desiredFrom: '2024-01-01' }), ev()],
    ];
    const o = run(entries, [place('KG-1', 'A', { seats: 1 })]);
    expect(referredIds(o)).toEqual(['TODAY']);
    expect(o.notCandidates).toEqual(['FUTURE']);
    // FUTURE does not take number 1 even though it is extraordinary.
    expect(queueMap(o)).toEqual({ WAITING: 1 });
  });

  it('ineligible applications: refusal with reasons, no number, no seat', () => {
    const entries: Entry[] = [
      [app({ id: 'OLD', registeredAt: '2019-01-01T00:00:00Z' }), refused('age_limit')],
      [app({ id: 'BABY', registeredAt: '2019-01-02T00:00:00Z', desiredFrom: '2030-01-01' }), refused('too_young')],
      [app({ id: 'BOTH', registeredAt: '2019-01-03T00:00:00Z' }), refused('not_resident', 'already_enrolled')],
      [app({ id: 'OK', registeredAt: '2024-01-01T00:00:00Z' }), ev()],
    ];
    const o = run(entries, [place('KG-1', 'A', { seats: 3 })]);
    expect(referredIds(o)).toEqual(['OK']);
    expect(o.queue).toEqual([]);
    expect(o.notCandidates).toEqual([]);
    expect(o.refusals).toEqual([
      { application: 'BABY', district: 'ALA-MED', reasons: ['too_young'] },
      { application: 'BOTH', district: 'ALA-MED', reasons: ['not_resident', 'already_enrolled'] },
      { application: 'OLD', district: 'ALA-MED', reasons: ['age_limit'] },
    ]);
    expect(o.counts).toMatchObject({ queued: 4, refused: 3, candidates: 1 });
  });

  it('non-queued statuses are ignored entirely', () => {
    const statuses: Application['status'][] = ['offered', 'confirmed', 'enrolled', 'refused', 'inactive', 'annulled', 'aged_out'];
    const entries: Entry[] = statuses.map((status, i) => [app({ id: `S${i}`, status, registeredAt: '2019-01-01T00:00:00Z' }), ev('extraordinary')] as const);
    entries.push([app({ id: 'Q', registeredAt: '2024-01-01T00:00:00Z' }), ev()]);
    entries.push([app({ id: 'R', status: 'enrolled' }), refused('age_limit')]);
    const o = run(entries, [place('KG-1', 'A', { seats: 1 })]);
    expect(referredIds(o)).toEqual(['Q']);
    expect(o.queue).toEqual([]);
    expect(o.refusals).toEqual([]);
    expect(o.notCandidates).toEqual([]);
    expect(o.counts.queued).toBe(1);
  });
});

describe('allocateDistrict: queue numbers (step 6)', () => {
  it('numbers the remaining candidates E…, then P,G,G,G,P,G,G,G…, from 1', () => {
    const entries = [...stream('E', 1, 'extraordinary', 50), ...stream('P', 3, 'primary', 30), ...stream('G', 7, 'general', 0)];
    const o = run(entries, []);
    expect(o.queue.map((q) => q.application)).toEqual(['E1', 'P1', 'G1', 'G2', 'G3', 'P2', 'G4', 'G5', 'G6', 'P3', 'G7']);
    expect(o.queue.map((q) => q.queueNumber)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(o.queue.map((q) => q.category)).toEqual(['extraordinary', 'primary', 'general', 'general', 'general', 'primary', 'general', 'general', 'general', 'primary', 'general']);
  });

  it('recomputes the interleave over the remaining candidates (positions restart after matching)', () => {
    // One seat goes to P1. Left: P2, P3, G1..G4. A continuation of the run's
    // counts (1 primary, 0 general issued) would start with three generals;
    // the spec renumbers the remaining as if every one were served: P first.
    const entries = [...stream('P', 3, 'primary', 30), ...stream('G', 4, 'general', 0)];
    const o = run(entries, [place('KG-1', 'A', { seats: 1 })]);
    expect(referredIds(o)).toEqual(['P1']);
    expect(o.queue.map((q) => [q.application, q.queueNumber])).toEqual([
      ['P2', 1],
      ['G1', 2],
      ['G2', 3],
      ['G3', 4],
      ['P3', 5],
      ['G4', 6],
    ]);
  });

  it('candidates skipped in service keep their place in the recomputed order', () => {
    const entries: Entry[] = [
      [app({ id: 'E1', registeredAt: '2023-01-01T00:00:00Z', preferences: ['KG-9'] }), ev('extraordinary')],
      ...stream('G', 3, 'general', 0),
      [app({ id: 'P1', registeredAt: '2023-06-01T00:00:00Z', preferences: ['KG-9'] }), ev('primary')],
    ];
    const o = run(entries, [place('KG-1', 'A', { seats: 1 })]);
    expect(referredIds(o)).toEqual(['G1']);
    expect(o.queue.map((q) => [q.application, q.queueNumber])).toEqual([
      ['E1', 1],
      ['P1', 2],
      ['G2', 3],
      ['G3', 4],
    ]);
  });
});

describe('allocateDistrict with the real rules (expired proof → general)', () => {
  const rulesDir = fileURLToPath(new URL('../../rules', import.meta.url));
  const rules = loadRuleSet(rulesDir);
  const evaluator = referenceEvaluator(rules);
  const dayBefore = '2025-08-14';

  async function judged(apps: Application[]): Promise<Entry[]> {
    return Promise.all(apps.map(async (a) => [a, await evaluator.evaluate(a, D)] as const));
  }

  it('a right whose proof expired before D gives no priority', async () => {
    const entries = await judged([
      app({ id: 'EXPIRED', registeredAt: '2021-01-01T09:00:00+05:00', rights: [{ category: 'large_family', document: 'ANP-1', validUntil: dayBefore }] }),
      app({ id: 'GENERAL', registeredAt: '2022-01-01T09:00:00+05:00' }),
      app({ id: 'VALID', registeredAt: '2023-01-01T09:00:00+05:00', rights: [{ category: 'teacher', document: 'T-1', validUntil: D }] }),
    ]);
    expect(entries.map(([, e]) => e.category)).toEqual(['general', 'general', 'primary']);
    const one = run(entries, [place('KG-1', 'A', { seats: 1 })], { quota: rules.parameters.primaryQuota });
    expect(one.referrals).toEqual([expect.objectContaining({ application: 'VALID', category: 'primary', rights: ['teacher'] })]);
    // EXPIRED is general, so it is behind VALID (primary) but ahead of GENERAL (earlier registration).
    expect(one.queue.map((q) => [q.application, q.category, q.queueNumber])).toEqual([
      ['EXPIRED', 'general', 1],
      ['GENERAL', 'general', 2],
    ]);
    const two = run(entries, [place('KG-1', 'A', { seats: 2 })], { quota: rules.parameters.primaryQuota });
    expect(referredIds(two)).toEqual(['VALID', 'EXPIRED']);
  });

  it('ineligible by age (real rules): refusals with reasons and no number', async () => {
    const entries = await judged([
      app({ id: 'SEVEN', birthDate: '2018-08-15' }), // 7 on D
      app({ id: 'SIX', birthDate: '2018-08-16' }), // still 6
      app({ id: 'ELEVEN-MONTHS', birthDate: '2024-08-16', desiredFrom: '2024-09-01' }),
      app({ id: 'ONE', birthDate: '2024-08-15', desiredFrom: '2024-09-01' }),
    ]);
    const places = [place('KG-1', 'A', { birthYear: 2018, seats: 2 }), place('KG-1', 'B', { birthYear: 2024, seats: 2 })];
    const o = run(entries, places, { quota: rules.parameters.primaryQuota });
    expect(referredIds(o).sort()).toEqual(['ONE', 'SIX']);
    expect(o.refusals).toEqual([
      { application: 'ELEVEN-MONTHS', district: 'ALA-MED', reasons: ['too_young'] },
      { application: 'SEVEN', district: 'ALA-MED', reasons: ['age_limit'] },
    ]);
    expect(o.queue).toEqual([]);
  });
});
