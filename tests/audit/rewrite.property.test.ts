import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocateDistrict } from '../../src/allocation/allocate.js';
import { byteOrder } from '../../src/audit/byte-order.js';
import { auditDistrict, type AuditInput, type AuditOutcome } from '../../src/audit/invariants.js';
import { districtNumbers } from '../../src/audit/numbers.js';
import type { ReferralDraft } from '../../src/domain/outcomes.js';
import type { Category } from '../../src/domain/types.js';
import { anyDistrictArb, DATE } from '../support/arbitraries.js';
import { DISTRICT } from '../support/builders.js';
import { auditDistrict as auditBefore } from './before/invariants.js';
import { districtNumbers as numbersBefore } from './before/numbers.js';

/**
 * The audit and the numbers were rewritten for speed (arrays by position, one
 * map of ids, no joined keys); the code before it is kept in ./before as the
 * reference. Both must give the same results, counterexamples word for word,
 * on the allocator's outcomes and on outcomes broken in every way the checks
 * look for.
 */

/** One way to break an outcome; the numbers pick what it applies to (modulo the lists' lengths). */
const mutationArb = fc.oneof(
  fc.record({ kind: fc.constant('dropReferral' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('repeatReferral' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('moveReferral' as const), at: fc.nat(), to: fc.nat() }),
  fc.record({ kind: fc.constant('regroupReferral' as const), at: fc.nat(), place: fc.nat(), unknown: fc.boolean() }),
  fc.record({ kind: fc.constant('recategorise' as const), at: fc.nat(), category: fc.constantFrom<Category>('extraordinary', 'primary', 'general') }),
  fc.record({ kind: fc.constant('rerank' as const), at: fc.nat(), rank: fc.nat(4) }),
  fc.record({ kind: fc.constant('referOther' as const), at: fc.nat(), app: fc.nat() }),
  fc.record({ kind: fc.constant('dropQueued' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('addEnd' as const), list: fc.constantFrom('queue', 'refusals', 'notCandidates'), app: fc.nat(), stray: fc.boolean() }),
);
type Mutation = typeof mutationArb extends fc.Arbitrary<infer M> ? M : never;

function mutate(input: AuditInput, o: AuditOutcome, m: Mutation): AuditOutcome {
  const referrals = [...o.referrals];
  const pick = <T>(list: readonly T[], n: number): T | undefined => (list.length ? list[n % list.length] : undefined);
  const appId = (n: number, stray = false) => (stray || !input.applications.length ? `STRAY-${n % 3}` : input.applications[n % input.applications.length]!.id);
  const at = (n: number) => n % Math.max(1, referrals.length);
  switch (m.kind) {
    case 'dropReferral':
      referrals.splice(at(m.at), 1);
      return { ...o, referrals };
    case 'repeatReferral': {
      const r = pick(referrals, m.at);
      return r ? { ...o, referrals: [...referrals, { ...r }] } : o;
    }
    case 'moveReferral': {
      const [r] = referrals.splice(at(m.at), 1);
      if (r) referrals.splice(m.to % (referrals.length + 1), 0, r);
      return { ...o, referrals };
    }
    case 'regroupReferral': {
      const i = at(m.at);
      const p = pick(input.places, m.place);
      if (!referrals[i]) return o;
      referrals[i] = m.unknown || !p ? { ...referrals[i], group: 'G-none' } : { ...referrals[i], kindergarten: p.kindergarten, group: p.group, birthYear: p.birthYear };
      return { ...o, referrals };
    }
    case 'recategorise': {
      const i = at(m.at);
      if (referrals[i]) referrals[i] = { ...referrals[i], category: m.category };
      return { ...o, referrals };
    }
    case 'rerank': {
      const i = at(m.at);
      if (referrals[i]) referrals[i] = { ...referrals[i], preferenceRank: m.rank };
      return { ...o, referrals };
    }
    case 'referOther': {
      // Another child in the seat: the one referred goes to the queue, the other out of wherever it was.
      const i = at(m.at);
      const r = referrals[i];
      if (!r) return o;
      const id = appId(m.app);
      referrals[i] = { ...r, application: id };
      const queue = [...o.queue.filter((q) => q.application !== id), { application: r.application, district: DISTRICT, birthYear: r.birthYear, category: r.category, queueNumber: 99 }];
      return { referrals, queue, refusals: o.refusals.filter((x) => x.application !== id), notCandidates: o.notCandidates.filter((x) => x !== id) };
    }
    case 'dropQueued': {
      const q = pick(o.queue, m.at);
      return q ? { ...o, queue: o.queue.filter((x) => x !== q) } : o;
    }
    case 'addEnd': {
      const id = appId(m.app, m.stray);
      if (m.list === 'queue') return { ...o, queue: [...o.queue, { application: id, district: DISTRICT, birthYear: 2022, category: 'general', queueNumber: 98 }] };
      if (m.list === 'refusals') return { ...o, refusals: [...o.refusals, { application: id, district: DISTRICT, reasons: ['age_limit'] }] };
      return { ...o, notCandidates: [...o.notCandidates, id] };
    }
  }
}

/** The applications (with their verdicts) in another order: the checks follow the input's order. */
function shuffled(input: AuditInput, seed: number): AuditInput {
  const order = input.applications.map((_, i) => i);
  let s = seed;
  for (let i = order.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2147483648;
    const j = s % (i + 1);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return { ...input, applications: order.map((i) => input.applications[i]!), evaluations: order.map((i) => input.evaluations[i]!) };
}

const caseArb = fc.record({
  district: anyDistrictArb,
  quota: fc.constantFrom<[number, number]>([1, 3], [1, 1], [2, 1], [0, 1], [1, 0]),
  mutations: fc.array(mutationArb, { maxLength: 3 }),
  shuffle: fc.option(fc.nat(), { nil: null }),
});

describe('the rewritten audit and numbers against the code before', () => {
  it('give the same results, counterexamples and numbers, on allocated and broken outcomes', () => {
    let violations = 0;
    fc.assert(
      fc.property(caseArb, ({ district: d, quota, mutations, shuffle }) => {
        const o = allocateDistrict({ district: DISTRICT, places: d.places, applications: d.applications, evaluations: d.evaluations }, { date: DATE, quota });
        let input: AuditInput = { district: DISTRICT, date: DATE, places: d.places, applications: d.applications, evaluations: d.evaluations, quota };
        let outcome: AuditOutcome = { referrals: o.referrals, queue: o.queue, refusals: o.refusals, notCandidates: o.notCandidates };
        for (const m of mutations) outcome = mutate(input, outcome, m);
        if (shuffle !== null) input = shuffled(input, shuffle);
        const now = auditDistrict(input, outcome);
        expect(now).toEqual(auditBefore(input, outcome));
        expect(districtNumbers(input, outcome)).toEqual(numbersBefore(input, outcome));
        if (Object.values(now).some((r) => typeof r === 'object' && !r.held)) violations++;
      }),
      { numRuns: 1500 },
    );
    // The broken outcomes did reach the counterexamples.
    expect(violations).toBeGreaterThan(300);
  });

  it('give the same counterexample for each invariant a mutation breaks', () => {
    // Every check's counterexample is reached and agrees (not only "some check failed").
    const reached = new Set<string>();
    fc.assert(
      fc.property(caseArb, ({ district: d, quota, mutations }) => {
        const o = allocateDistrict({ district: DISTRICT, places: d.places, applications: d.applications, evaluations: d.evaluations }, { date: DATE, quota });
        const input: AuditInput = { district: DISTRICT, date: DATE, places: d.places, applications: d.applications, evaluations: d.evaluations, quota };
        let outcome: AuditOutcome = { referrals: o.referrals, queue: o.queue, refusals: o.refusals, notCandidates: o.notCandidates };
        for (const m of mutations) outcome = mutate(input, outcome, m);
        const now = auditDistrict(input, outcome);
        const was = auditBefore(input, outcome);
        for (const name of ['capacity', 'oneReferral', 'noEnvy', 'noWaste', 'quota', 'nothingLost'] as const) {
          expect(now[name].counterexample, name).toEqual(was[name].counterexample);
          if (now[name].counterexample) reached.add(name);
        }
      }),
      { numRuns: 800 },
    );
    expect([...reached].sort()).toEqual(['capacity', 'noEnvy', 'noWaste', 'nothingLost', 'oneReferral', 'quota']);
  });

  it('a referral into a group over its seats: the counts in the message agree', () => {
    const places = [{ kindergarten: 'KG-1', group: 'G-a', birthYear: 2022, language: 'kk' as const, groupType: 'general' as const, seats: 1 }];
    const draft = (id: string): ReferralDraft => ({ application: id, district: DISTRICT, birthYear: 2022, kindergarten: 'KG-1', group: 'G-a', category: 'general', rights: [], preferenceRank: 1 });
    const input: AuditInput = { district: DISTRICT, date: DATE, places, applications: [], evaluations: [], quota: [1, 3] };
    const outcome = { referrals: [draft('A'), draft('B')], queue: [], refusals: [], notCandidates: [] };
    expect(auditDistrict(input, outcome).capacity.counterexample).toEqual({ message: 'group G-a of KG-1 had 1 free seats and got 2 referrals', ids: ['B'] });
    expect(auditDistrict(input, outcome)).toEqual(auditBefore(input, outcome));
  });
});

describe('byteOrder', () => {
  const sign = (n: number) => Math.sign(n);
  it('is the order of the UTF-8 encodings, for any strings (unpaired surrogates included)', () => {
    const text = fc.string({ unit: fc.oneof(fc.constantFrom('a', 'b', 'Ә', '\uD83D', '\uDE00', '\uE000', '\uFFFD', '\u0000'), fc.string({ unit: 'binary', maxLength: 1 })), maxLength: 6 });
    fc.assert(
      fc.property(text, text, (a, b) => {
        expect(sign(byteOrder(a, b))).toBe(sign(Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'))));
        expect(sign(byteOrder(a + b, a))).toBe(sign(Buffer.compare(Buffer.from(a + b, 'utf8'), Buffer.from(a, 'utf8'))));
      }),
      { numRuns: 5000 },
    );
  });
});
