/**
 * The invariants of allocation.md, checked on random districts. Service order
 * and fit are re-derived from the spec in tests/support/spec-model.ts, not
 * taken from src/.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocateDistrict, type AllocationOutcome } from '../../src/allocation/allocate.js';
import { DATE, anyDistrictArb, type RandomDistrict } from '../support/arbitraries.js';
import { DISTRICT } from '../support/builders.js';
import { birthYearOf, byteOrder, fits, isCandidate, serviceOrder, specAllocate, staticOrder, type ModelCandidate } from '../support/spec-model.js';

const RUNS = { numRuns: 250 };

function allocate(d: RandomDistrict): AllocationOutcome {
  return allocateDistrict(
    { district: DISTRICT, places: d.places, applications: d.applications, evaluations: d.evaluations },
    { date: DATE, quota: d.quota },
  );
}

const groupKey = (kg: string, group: string) => `${kg}\u0000${group}`;

/** Seats per group (rows add up) with the group's attributes. */
function seatTable(d: RandomDistrict) {
  const t = new Map<string, { kindergarten: string; group: string; birthYear: number; language: string; groupType: string; seats: number }>();
  for (const p of d.places) {
    const k = groupKey(p.kindergarten, p.group);
    const e = t.get(k);
    if (e) e.seats += p.seats;
    else t.set(k, { ...p });
  }
  return t;
}

function candidatesOf(d: RandomDistrict): (ModelCandidate & { index: number })[] {
  const out: (ModelCandidate & { index: number })[] = [];
  d.applications.forEach((app, index) => {
    const evaluation = d.evaluations[index]!;
    if (isCandidate(app, evaluation, DATE)) out.push({ app, evaluation, index });
  });
  return out;
}

describe('allocation invariants on random districts', () => {
  it('invariant 1: no group over its seats, no application referred twice, every referral fits', () => {
    fc.assert(
      fc.property(anyDistrictArb, (d) => {
        const o = allocate(d);
        const seats = seatTable(d);
        const byId = new Map(d.applications.map((a, i) => [a.id, { app: a, evaluation: d.evaluations[i]! }]));
        const used = new Map<string, number>();
        const seen = new Set<string>();
        for (const r of o.referrals) {
          expect(seen.has(r.application), `${r.application} referred twice`).toBe(false);
          seen.add(r.application);
          const k = groupKey(r.kindergarten, r.group);
          const g = seats.get(k);
          expect(g, `referral to unknown group ${r.kindergarten}/${r.group}`).toBeDefined();
          used.set(k, (used.get(k) ?? 0) + 1);
          expect(used.get(k)!).toBeLessThanOrEqual(g!.seats);
          // The referral is for a candidate and the place fits it (step 5).
          const { app, evaluation } = byId.get(r.application)!;
          expect(isCandidate(app, evaluation, DATE)).toBe(true);
          expect(fits(g!, app)).toBe(true);
          expect(r.birthYear).toBe(birthYearOf(app));
          expect(r.category).toBe(evaluation.category);
          expect(r.rights).toEqual(evaluation.rights);
          if (r.preferenceRank === 0) expect(app.acceptAnyInDistrict).toBe(true);
          else expect(app.preferences[r.preferenceRank - 1]).toBe(r.kindergarten);
        }
        const offered = [...seats.values()].reduce((s, g) => s + g.seats, 0);
        expect(o.counts.seatsOffered).toBe(offered);
        expect(o.counts.seatsLeft).toBe(offered - o.referrals.length);
      }),
      RUNS,
    );
  });

  it('invariant 3: no justified envy along the service order (re-derived from the spec)', () => {
    fc.assert(
      fc.property(anyDistrictArb, (d) => {
        const o = allocate(d);
        const seats = seatTable(d);
        const got = new Map(o.referrals.map((r) => [r.application, r]));
        const cands = candidatesOf(d);
        for (const year of new Set(cands.map((c) => birthYearOf(c.app)))) {
          const order = serviceOrder(
            cands.filter((c) => birthYearOf(c.app) === year),
            d.quota,
            (c) => got.has(c.app.id),
          );
          order.forEach((a, i) => {
            const ra = got.get(a.app.id);
            for (const b of order.slice(i + 1)) {
              const rb = got.get(b.app.id);
              if (!rb) continue;
              const place = seats.get(groupKey(rb.kindergarten, rb.group))!;
              if (!fits(place, a.app)) continue;
              const rankOfK = a.app.preferences.indexOf(rb.kindergarten) + 1; // 0 = not ranked
              const envies =
                (rankOfK > 0 && (!ra || ra.preferenceRank === 0 || rankOfK < ra.preferenceRank)) ||
                (!ra && a.app.acceptAnyInDistrict);
              expect(envies, `${a.app.id} (served before ${b.app.id}) envies ${rb.kindergarten}/${rb.group}`).toBe(false);
            }
          });
        }
      }),
      RUNS,
    );
  });

  it('invariant 4: no waste — no free seat that an unreferred candidate of the cohort accepts', () => {
    fc.assert(
      fc.property(anyDistrictArb, (d) => {
        const o = allocate(d);
        const seats = seatTable(d);
        for (const r of o.referrals) seats.get(groupKey(r.kindergarten, r.group))!.seats--;
        const referred = new Set(o.referrals.map((r) => r.application));
        for (const c of candidatesOf(d)) {
          if (referred.has(c.app.id)) continue;
          for (const g of seats.values()) {
            if (g.seats <= 0 || !fits(g, c.app)) continue;
            const accepts = c.app.acceptAnyInDistrict || c.app.preferences.includes(g.kindergarten);
            expect(accepts, `${c.app.id} left without a referral while ${g.kindergarten}/${g.group} has ${g.seats} free`).toBe(false);
          }
        }
      }),
      RUNS,
    );
  });

  it('invariant 5: per cohort, referrals come in the service order the quota defines', () => {
    fc.assert(
      fc.property(anyDistrictArb, (d) => {
        const o = allocate(d);
        const got = new Set(o.referrals.map((r) => r.application));
        const cands = candidatesOf(d);
        const years = [...new Set(cands.map((c) => birthYearOf(c.app)))].sort((x, y) => x - y);
        const expected: string[] = [];
        for (const year of years) {
          const order = serviceOrder(
            cands.filter((c) => birthYearOf(c.app) === year),
            d.quota,
            (c) => got.has(c.app.id),
          );
          expected.push(...order.filter((c) => got.has(c.app.id)).map((c) => c.app.id));
        }
        // Output order: cohorts by birth year, each in service order.
        expect(o.referrals.map((r) => r.application)).toEqual(expected);
        // The quota itself, on the sequence of primary/general referrals of each cohort.
        for (const year of years) {
          const seq = o.referrals.filter((r) => r.birthYear === year);
          const firstNonEx = seq.findIndex((r) => r.category !== 'extraordinary');
          if (firstNonEx >= 0) expect(seq.slice(firstNonEx).some((r) => r.category === 'extraordinary')).toBe(false);
        }
      }),
      RUNS,
    );
  });

  it('queue numbers: per cohort 1..n in the static interleave of the candidates left', () => {
    fc.assert(
      fc.property(anyDistrictArb, (d) => {
        const o = allocate(d);
        const got = new Set(o.referrals.map((r) => r.application));
        const left = candidatesOf(d).filter((c) => !got.has(c.app.id));
        const years = [...new Set(left.map((c) => birthYearOf(c.app)))].sort((x, y) => x - y);
        const expected = years.flatMap((year) =>
          staticOrder(
            left.filter((c) => birthYearOf(c.app) === year),
            d.quota,
          ).map((c, i) => ({ application: c.app.id, district: DISTRICT, birthYear: year, category: c.evaluation.category, queueNumber: i + 1 })),
        );
        expect(o.queue).toEqual(expected);
      }),
      RUNS,
    );
  });

  it('invariant 6: every queued application is exactly one of referred / queued with a number / not a candidate / refused', () => {
    fc.assert(
      fc.property(anyDistrictArb, (d) => {
        const o = allocate(d);
        const where = new Map<string, string[]>();
        const mark = (id: string, what: string) => where.set(id, [...(where.get(id) ?? []), what]);
        o.referrals.forEach((r) => mark(r.application, 'referred'));
        o.queue.forEach((q) => mark(q.application, 'queue'));
        o.notCandidates.forEach((id) => mark(id, 'notCandidate'));
        o.refusals.forEach((r) => mark(r.application, 'refused'));
        d.applications.forEach((a, i) => {
          const e = d.evaluations[i]!;
          const places = where.get(a.id) ?? [];
          if (a.status !== 'queued') {
            expect(places, `${a.id} (${a.status}) should be ignored`).toEqual([]);
            return;
          }
          expect(places, a.id).toHaveLength(1);
          const expected = !e.eligible ? 'refused' : isCandidate(a, e, DATE) ? places[0] : 'notCandidate';
          expect(places[0]).toBe(expected);
          if (isCandidate(a, e, DATE)) expect(['referred', 'queue']).toContain(places[0]);
          if (!e.eligible) expect(o.refusals.find((r) => r.application === a.id)!.reasons).toEqual(e.reasons);
        });
        const queued = d.applications.filter((a) => a.status === 'queued').length;
        expect(o.counts.queued).toBe(queued);
        expect(o.counts.referrals + o.counts.queueLeft + o.counts.notCandidates + o.counts.refused).toBe(queued);
      }),
      RUNS,
    );
  });

  it('agrees exactly with a naive model written from the spec', () => {
    fc.assert(
      fc.property(anyDistrictArb, (d) => {
        const o = allocate(d);
        const m = specAllocate(d.applications, d.evaluations, d.places, DATE, d.quota);
        expect(o.referrals.map(({ district: _d, ...r }) => r)).toEqual(m.referrals);
        expect(o.queue.map(({ district: _d, ...q }) => q)).toEqual(m.queue);
        expect(o.refusals.map(({ district: _d, ...r }) => r)).toEqual(m.refusals);
        expect([...o.notCandidates].sort(byteOrder)).toEqual(m.notCandidates);
      }),
      RUNS,
    );
  });
});

describe('determinism', () => {
  const shuffled = (d: RandomDistrict, perm: number[]): RandomDistrict => ({
    ...d,
    applications: perm.map((i) => d.applications[i]!),
    evaluations: perm.map((i) => d.evaluations[i]!),
    places: [...d.places].reverse(),
  });
  const permutation = (d: RandomDistrict) =>
    fc.shuffledSubarray(
      d.applications.map((_, i) => i),
      { minLength: d.applications.length, maxLength: d.applications.length },
    );

  it('shuffling applications and places rows gives the same referrals, queue, refusals and counts', () => {
    fc.assert(
      fc.property(
        anyDistrictArb.chain((d) => permutation(d).map((perm) => [d, perm] as const)),
        ([d, perm]) => {
          const a = allocate(d);
          const b = allocate(shuffled(d, perm));
          expect(b.referrals).toEqual(a.referrals);
          expect(b.queue).toEqual(a.queue);
          expect(b.refusals).toEqual(a.refusals);
          expect(b.counts).toEqual(a.counts);
          // notCandidates is kept in input order by the code; no output file carries it, so compare as sets.
          expect(new Set(b.notCandidates)).toEqual(new Set(a.notCandidates));
          // And running twice on the same input is identical.
          expect(allocate(d)).toEqual(a);
        },
      ),
      RUNS,
    );
  });
});

