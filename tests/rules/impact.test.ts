import { describe, expect, it } from 'vitest';
import type { ReferralDraft } from '../../src/domain/outcomes.js';
import { districtImpact, referralChanges } from '../../src/rules/impact.js';
import { app, ev, place, refused, run } from '../support/builders.js';

const ref = (application: string, group: string, category: ReferralDraft['category'] = 'general'): ReferralDraft => ({
  application, district: 'ALA-MED', birthYear: 2022, kindergarten: 'KG-1', group, category, rights: [], preferenceRank: 1,
});

describe('impact of a rule change', () => {
  it('a referral is the same when the child keeps the same group; a move is one lost and one gained', () => {
    expect(referralChanges([ref('A', 'G1'), ref('B', 'G1')], [ref('A', 'G1', 'primary'), ref('B', 'G2'), ref('C', 'G1')])).toEqual([
      { change: 'lost', ...ref('B', 'G1') },
      { change: 'gained', ...ref('B', 'G2') },
      { change: 'gained', ...ref('C', 'G1') },
    ]);
  });

  it('counts verdict changes by from and to, and eligibility apart from category', () => {
    const apps = [app({ id: 'A' }), app({ id: 'B' }), app({ id: 'C' }), app({ id: 'D', status: 'offered' })];
    const before = [ev('general'), ev('primary'), ev('general'), ev('general')];
    const after = [ev('primary'), refused('age_limit'), ev('general'), ev('primary')];
    const seats = [place('KG-1', 'A', { seats: 1 })];
    const o1 = run(apps.map((a, i) => [a, before[i]!] as const), seats);
    const o2 = run(apps.map((a, i) => [a, after[i]!] as const), seats);
    const impact = districtImpact('ALA-MED', apps, before, after, o1, o2);
    expect(impact).toMatchObject({ judged: 3, eligibilityChanged: 1, categoryChanged: 1 });
    expect(impact.changes).toEqual([
      { district: 'ALA-MED', from: 'primary', to: 'refused', count: 1 },
      { district: 'ALA-MED', from: 'general', to: 'primary', count: 1 },
    ]);
    expect(impact.referrals.map((r) => [r.change, r.application])).toEqual([
      ['gained', 'A'],
      ['lost', 'B'],
    ]);
  });
});
