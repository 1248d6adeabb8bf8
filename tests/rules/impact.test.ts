import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocateDistrict } from '../../src/allocation/allocate.js';
import type { Application, Category, Evaluation, Place } from '../../src/domain/types.js';
import { changeKinds, districtImpact, shift, type Outcome, type Side } from '../../src/rules/impact.js';
import { DATE, evaluationArb, districtArb } from '../support/arbitraries.js';
import { app, D, DISTRICT, ev, place, refused } from '../support/builders.js';

const side = (applications: Application[], evaluations: Evaluation[], places: Place[], quota: [number, number] = [1, 3], date = D): Side => ({
  applications,
  evaluations,
  places,
  outcome: allocateDistrict({ district: DISTRICT, applications, evaluations, places }, { date, quota }),
});

const referred = (group: string, category: Category = 'general'): Outcome => ({
  state: 'referred', category, rights: [], kindergarten: 'KG-1', group, preferenceRank: 1,
});

describe('changeKinds: how one child’s outcome changed', () => {
  it.each<[string, Outcome, Outcome, string[]]>([
    ['placed from the queue', { state: 'queued', category: 'primary', queueNumber: 3 }, referred('G1', 'primary'), ['placed']],
    ['displaced back to the queue', referred('G1'), { state: 'queued', category: 'general', queueNumber: 1 }, ['displaced']],
    ['moved to another group', referred('G1'), referred('G2'), ['moved']],
    ['same group, new category', referred('G1'), referred('G1', 'primary'), ['categoryChanged']],
    ['refused now', { state: 'queued', category: 'general', queueNumber: 4 }, { state: 'refused', reasons: ['age_limit'] }, ['refusalGained']],
    ['referred, then refused', referred('G1'), { state: 'refused', reasons: ['age_limit'] }, ['displaced', 'refusalGained']],
    ['no longer refused, and placed', { state: 'refused', reasons: ['age_limit'] }, referred('G1'), ['placed', 'refusalLost']],
    ['refused for another reason', { state: 'refused', reasons: ['age_limit'] }, { state: 'refused', reasons: ['too_young'] }, ['reasonsChanged']],
    ['forward in the queue', { state: 'queued', category: 'general', queueNumber: 9 }, { state: 'queued', category: 'general', queueNumber: 4 }, ['queueForward']],
    ['back, with a new category', { state: 'queued', category: 'primary', queueNumber: 2 }, { state: 'queued', category: 'general', queueNumber: 7 }, ['categoryChanged', 'queueBack']],
  ])('%s', (_, before, after, kinds) => {
    expect(changeKinds(before, after)).toEqual(kinds);
  });
});

describe('shift', () => {
  it('median and largest of the places moved', () => {
    expect(shift([])).toEqual({ count: 0, median: 0, largest: 0 });
    expect(shift([5, 1, 3])).toEqual({ count: 3, median: 3, largest: 5 });
    expect(shift([4, 1, 2, 10])).toEqual({ count: 4, median: 3, largest: 10 });
  });
});

describe('districtImpact: a quota change told in people', () => {
  // One cohort, two seats in KG-1: A and B are primary, C, D, E general, registered in that order.
  const at = (h: number) => `2023-04-01T${String(h).padStart(2, '0')}:00:00+05:00`;
  const apps = [
    app({ id: 'C', registeredAt: at(1) }),
    app({ id: 'D', registeredAt: at(2) }),
    app({ id: 'A', registeredAt: at(3) }),
    app({ id: 'E', registeredAt: at(4) }),
    app({ id: 'B', registeredAt: at(5) }),
    app({ id: 'F', registeredAt: at(6), birthDate: '2019-01-01' }),
  ];
  const seats = [place('KG-1', 'G1', { seats: 2 })];
  const evals = [ev(), ev(), ev('primary'), ev(), ev('primary'), ev()];

  it('1:3 → 1:0 and a six-year-old refused: who is placed, displaced, refused, and how the numbers move', () => {
    const before = side(apps, evals, seats, [1, 3]);
    const after = side(apps, [...evals.slice(0, 5), refused('age_limit')], seats, [1, 0]);
    const d = districtImpact(DISTRICT, before, after);
    expect(before.outcome.referrals.map((r) => r.application)).toEqual(['A', 'C']);
    expect(after.outcome.referrals.map((r) => r.application)).toEqual(['A', 'B']);
    expect(d.people).toEqual([
      { application: 'B', district: DISTRICT, birthYear: 2022, changes: ['placed'], before: { state: 'queued', category: 'primary', queueNumber: 1 }, after: referred('G1', 'primary') },
      { application: 'C', district: DISTRICT, birthYear: 2022, changes: ['displaced'], before: referred('G1'), after: { state: 'queued', category: 'general', queueNumber: 1 } },
      { application: 'F', district: DISTRICT, birthYear: 2019, changes: ['refusalGained'], before: { state: 'queued', category: 'general', queueNumber: 1 }, after: { state: 'refused', reasons: ['age_limit'] } },
    ]);
    expect(d.summary).toMatchObject({
      judged: 6,
      seats: { offered: 2, leftBefore: 0, leftAfter: 0 },
      referrals: { before: 2, after: 2 },
      placed: { total: 1, byCategory: { extraordinary: 0, primary: 1, general: 0 } },
      displaced: { total: 1, byCategory: { extraordinary: 0, primary: 0, general: 1 } },
      moved: 0,
      refusalsGained: { total: 1, byReason: { age_limit: 1 } },
      refusalsLost: { total: 0, byReason: {} },
      // D and E keep 2 and 3: before B, D, E (1:3 puts the primary first); after C, D, E.
      queueNumbers: { before: 4, after: 3, kept: 2, forward: { count: 0, median: 0, largest: 0 }, back: { count: 0, median: 0, largest: 0 } },
    });
    expect(d.cohorts.map((c) => [c.birthYear, c.summary.placed.total, c.summary.refusalsGained.total])).toEqual([
      [2019, 0, 1],
      [2022, 1, 0],
    ]);
  });

  it('the same rules both ways change nobody', () => {
    const d = districtImpact(DISTRICT, side(apps, evals, seats), side(apps, evals, seats));
    expect(d.people).toEqual([]);
    expect(d.summary.queueNumbers.kept).toBe(d.summary.queueNumbers.before);
  });

  it('holds together on random districts: every difference is a listed person, and the counts add up', () => {
    fc.assert(
      fc.property(districtArb(25), fc.array(evaluationArb, { minLength: 25, maxLength: 25 }), fc.constantFrom<[number, number]>([1, 3], [1, 2], [1, 1], [0, 1]), (r, other, quota) => {
        const after = r.evaluations.map((e, i) => (i % 2 ? other[i]! : e));
        const a = side(r.applications, r.evaluations, r.places, r.quota, DATE);
        const b = side(r.applications, after, r.places, quota, DATE);
        const d = districtImpact(DISTRICT, a, b);
        const s = d.summary;
        expect(s.referrals).toEqual({ before: a.outcome.referrals.length, after: b.outcome.referrals.length });
        expect(s.placed.total - s.displaced.total).toBe(s.referrals.after - s.referrals.before);
        expect(s.queueNumbers.kept + s.queueNumbers.forward.count + s.queueNumbers.back.count).toBe(d.base.queuedBoth);
        expect(s.judged).toBe(r.applications.filter((x) => x.status === 'queued').length);
        for (const p of d.people) expect(JSON.stringify(p.before)).not.toBe(JSON.stringify(p.after));
        // A child not listed has the same referral (or none) both ways.
        const listed = new Set(d.people.map((p) => p.application));
        const key = (o: Side) => new Map(o.outcome.referrals.map((x) => [x.application, `${x.kindergarten}/${x.group}/${x.category}`]));
        const [ka, kb] = [key(a), key(b)];
        for (const x of r.applications) if (!listed.has(x.id)) expect(ka.get(x.id)).toBe(kb.get(x.id));
        // Cohorts add up to the district.
        expect(d.cohorts.reduce((n, c) => n + c.summary.placed.total, 0)).toBe(s.placed.total);
      }),
      { numRuns: 200 },
    );
  });
});
