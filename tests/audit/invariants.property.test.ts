import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocateDistrict } from '../../src/allocation/allocate.js';
import { auditDistrict, INVARIANTS, type AuditInput, type AuditOutcome, type InvariantName } from '../../src/audit/invariants.js';
import type { ReferralDraft } from '../../src/domain/outcomes.js';
import { anyDistrictArb, DATE, type RandomDistrict } from '../support/arbitraries.js';
import { DISTRICT, app, ev, place } from '../support/builders.js';

const QUOTAS: readonly (readonly [number, number])[] = [
  [1, 3],
  [1, 1],
  [2, 1],
  [1, 2],
];

function audited(d: RandomDistrict, quota: readonly [number, number]): { input: AuditInput; outcome: AuditOutcome } {
  const input = { district: DISTRICT, date: DATE, places: d.places, applications: d.applications, evaluations: d.evaluations, quota };
  const o = allocateDistrict({ district: DISTRICT, places: d.places, applications: d.applications, evaluations: d.evaluations }, { date: DATE, quota: [quota[0], quota[1]] });
  return { input, outcome: { referrals: o.referrals, queue: o.queue, refusals: o.refusals, notCandidates: o.notCandidates } };
}

const violated = (input: AuditInput, outcome: AuditOutcome): InvariantName[] => {
  const a = auditDistrict(input, outcome);
  return INVARIANTS.filter((n) => !a[n].held);
};

describe('the fairness audit of a district', () => {
  it('holds for the allocator on random districts (every invariant, any quota), and counts what it checked', () => {
    fc.assert(
      fc.property(anyDistrictArb, fc.constantFrom(...QUOTAS), (d, quota) => {
        const { input, outcome } = audited(d, quota);
        const a = auditDistrict(input, outcome);
        for (const n of INVARIANTS) expect(a[n], `${n}: ${a[n].counterexample?.message}`).toMatchObject({ held: true, counterexample: null });
        expect(a.nothingLost.checked).toBe(d.applications.filter((x) => x.status === 'queued').length);
        expect(a.oneReferral.checked).toBe(outcome.referrals.length);
      }),
      { numRuns: 400 },
    );
  });

  it('catches a seat given twice: a referral added to a full group (capacity) and a second referral of one child (oneReferral)', () => {
    fc.assert(
      fc.property(anyDistrictArb, (d) => {
        const { input, outcome } = audited(d, [1, 3]);
        fc.pre(outcome.referrals.length > 0);
        const r = outcome.referrals[0]!;
        // The same child again in the same group: one child twice, and the group over its seats once it is full.
        const again = [...outcome.referrals, { ...r }];
        const bad = violated(input, { ...outcome, referrals: again });
        expect(bad).toContain('oneReferral');
        const seats = input.places.filter((p) => p.kindergarten === r.kindergarten && p.group === r.group).reduce((n, p) => n + p.seats, 0);
        const inGroup = again.filter((x) => x.kindergarten === r.kindergarten && x.group === r.group).length;
        if (inGroup > seats) expect(bad).toContain('capacity');
      }),
      { numRuns: 200 },
    );
  });

  it('catches an envious pair: two candidates of one category, the earlier one left out of the place it wanted', () => {
    const places = [place('KG-1', 'G-a', { seats: 1 })];
    const early = app({ id: 'EARLY', registeredAt: '2023-01-01T09:00:00+05:00', preferences: ['KG-1'] });
    const late = app({ id: 'LATE', registeredAt: '2023-06-01T09:00:00+05:00', preferences: ['KG-1'] });
    const input: AuditInput = { district: DISTRICT, date: '2025-08-15', places, applications: [early, late], evaluations: [ev(), ev()], quota: [1, 3] };
    const draft = (id: string): ReferralDraft => ({ application: id, district: DISTRICT, birthYear: 2022, kindergarten: 'KG-1', group: 'G-a', category: 'general', rights: [], preferenceRank: 1 });
    const fair = { referrals: [draft('EARLY')], queue: [{ application: 'LATE', district: DISTRICT, birthYear: 2022, category: 'general' as const, queueNumber: 1 }], refusals: [], notCandidates: [] };
    expect(violated(input, fair)).toEqual([]);
    const unfair = { ...fair, referrals: [draft('LATE')], queue: [{ ...fair.queue[0]!, application: 'EARLY' }] };
    const a = auditDistrict(input, unfair);
    expect(a.noEnvy.held).toBe(false);
    expect(a.noEnvy.counterexample!.ids).toEqual(['EARLY', 'LATE']);
  });

  it('catches a wasted seat: a referral removed leaves a fitting seat free beside a child who wanted it', () => {
    fc.assert(
      fc.property(anyDistrictArb, (d) => {
        const { input, outcome } = audited(d, [1, 3]);
        fc.pre(outcome.referrals.length > 0);
        const [dropped, ...rest] = outcome.referrals;
        // The child is back in the queue (numbered), and its seat is free.
        const bad = violated(input, { ...outcome, referrals: rest, queue: [...outcome.queue, { application: dropped!.application, district: DISTRICT, birthYear: dropped!.birthYear, category: dropped!.category, queueNumber: 999 }] });
        expect(bad).toContain('noWaste');
      }),
      { numRuns: 200 },
    );
  });

  it('catches a broken quota: a general referral on primary\'s turn while a primary is referred later', () => {
    const places = [place('KG-1', 'G-a', { seats: 2 })];
    const p = app({ id: 'P', registeredAt: '2023-01-01T09:00:00+05:00' });
    const g = app({ id: 'G', registeredAt: '2023-01-02T09:00:00+05:00' });
    const input: AuditInput = { district: DISTRICT, date: '2025-08-15', places, applications: [p, g], evaluations: [ev('primary'), ev('general')], quota: [1, 3] };
    const draft = (id: string, category: 'primary' | 'general'): ReferralDraft => ({ application: id, district: DISTRICT, birthYear: 2022, kindergarten: 'KG-1', group: 'G-a', category, rights: [], preferenceRank: 1 });
    const ok = { referrals: [draft('P', 'primary'), draft('G', 'general')], queue: [], refusals: [], notCandidates: [] };
    expect(violated(input, ok)).toEqual([]);
    const bad = auditDistrict(input, { ...ok, referrals: [draft('G', 'general'), draft('P', 'primary')] });
    expect(bad.quota.held).toBe(false);
    expect(bad.quota.counterexample!.ids).toEqual(['G', 'P']);
  });

  it('catches a lost application, and one counted twice', () => {
    fc.assert(
      fc.property(anyDistrictArb, (d) => {
        const { input, outcome } = audited(d, [1, 3]);
        const queued = d.applications.filter((x) => x.status === 'queued');
        fc.pre(queued.length > 0);
        const all = [...outcome.queue.map((q) => q.application), ...outcome.refusals.map((r) => r.application), ...outcome.notCandidates, ...outcome.referrals.map((r) => r.application)];
        const victim = all[0]!;
        const without = {
          referrals: outcome.referrals.filter((r) => r.application !== victim),
          queue: outcome.queue.filter((q) => q.application !== victim),
          refusals: outcome.refusals.filter((r) => r.application !== victim),
          notCandidates: outcome.notCandidates.filter((x) => x !== victim),
        };
        expect(violated(input, without)).toContain('nothingLost');
        expect(violated(input, { ...outcome, notCandidates: [...outcome.notCandidates, victim] })).toContain('nothingLost');
      }),
      { numRuns: 200 },
    );
  });
});
