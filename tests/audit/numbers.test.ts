import { describe, expect, it } from 'vitest';
import { allocateDistrict } from '../../src/allocation/allocate.js';
import { districtNumbers, publishedNumbers, quantile } from '../../src/audit/numbers.js';
import { DISTRICT, app, ev, place } from '../support/builders.js';

describe('the numbers of a night', () => {
  it('first-choice share, rank distribution, waiting days by category, queue by cohort, and why seats were left', () => {
    const date = '2025-08-15';
    const places = [
      place('KG-1', 'A', { seats: 1 }),
      place('KG-2', 'B', { seats: 1 }),
      place('KG-3', 'C', { birthYear: 2019, seats: 2 }), // no child of 2019
      place('KG-3', 'D', { language: 'ru', seats: 1 }), // nobody wants Russian
      place('KG-3', 'E', { groupType: 'special', seats: 1 }), // nobody wants a special group
      place('KG-9', 'F', { seats: 1 }), // fits, but nobody chose KG-9
    ];
    const apps = [
      app({ id: 'P1', registeredAt: '2025-08-05T09:00:00+05:00', preferences: ['KG-1'] }), // 10 days
      app({ id: 'G1', registeredAt: '2025-07-16T09:00:00+05:00', preferences: ['KG-1', 'KG-2'] }), // 30 days, second choice
      app({ id: 'G2', registeredAt: '2025-07-26T09:00:00+05:00', preferences: ['KG-1'] }), // no seat left at KG-1: queued
    ];
    const evaluations = [ev('primary'), ev(), ev()];
    const o = allocateDistrict({ district: DISTRICT, places, applications: apps, evaluations }, { date, quota: [1, 3] });
    const n = districtNumbers({ district: DISTRICT, date, places, applications: apps, evaluations, quota: [1, 3] }, o);
    expect(o.referrals.map((r) => [r.application, r.preferenceRank])).toEqual([
      ['P1', 1],
      ['G1', 2],
    ]);
    expect(n.firstChoiceShare).toBe(0.5);
    expect(n.byPreferenceRank).toEqual({ '1': 1, '2': 1 });
    expect(n.waitingDays.primary).toEqual({ referred: 1, median: 9, p90: 9 });
    expect(n.waitingDays.general).toEqual({ referred: 1, median: 29, p90: 29 });
    expect(n.waitingDays.extraordinary).toEqual({ referred: 0, median: null, p90: null });
    expect(n.queueByCohort).toEqual([{ birthYear: 2022, extraordinary: 0, primary: 0, general: 1 }]);
    expect(n.seatsLeft.map((s) => [s.group, s.seats, s.why])).toEqual([
      ['C', 2, 'no_candidate_of_birth_year'],
      ['D', 1, 'no_candidate_in_language'],
      ['E', 1, 'no_candidate_of_group_type'],
      ['F', 1, 'not_chosen'],
    ]);
    // The run report's places given, by kindergarten; kept out of what summary.json publishes.
    expect(n.referralsByKindergarten).toEqual([
      { kindergarten: 'KG-1', referrals: 1 },
      { kindergarten: 'KG-2', referrals: 1 },
    ]);
    expect(publishedNumbers(n)).not.toHaveProperty('referralsByKindergarten');
  });

  it('quantiles by nearest rank', () => {
    expect(quantile([], 0.5)).toBeNull();
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2);
    expect(quantile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9)).toBe(9);
    expect(quantile([7], 0.9)).toBe(7);
  });
});
