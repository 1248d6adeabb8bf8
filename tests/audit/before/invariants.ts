/**
 * The audit as it was before the rewrite for speed (src/audit), kept as the
 * reference the rewrite is tested against (tests/audit/rewrite.property.test.ts).
 * Not used by kezek.
 */
import type { QueueEntry, ReferralDraft, Refusal } from '../../../src/domain/outcomes.js';
import type { Application, Category, Evaluation, Place } from '../../../src/domain/types.js';

/**
 * The fairness audit of one district's night: allocation.md's invariants 1,
 * 3, 4, 5 and 6 checked on what the district read and what the allocation
 * gave. It shares no code with the allocator (its own ordering, its own
 * notion of fit, its own quota check), so a bug in one is not repeated in the
 * other. Pure; every check reports what it looked at and, when it fails, the
 * first counterexample in words and as data.
 */
export interface AuditInput {
  district: string;
  date: string;
  /** The free seats the district read (one row per group, or several that add up). */
  places: readonly Place[];
  /** The applications read (only `queued` ones take part). */
  applications: readonly Application[];
  /** The rules' verdicts, same index as `applications`. */
  evaluations: readonly Evaluation[];
  quota: readonly [number, number];
}

export interface AuditOutcome {
  /** In service order per cohort, cohorts by birth year. */
  referrals: readonly ReferralDraft[];
  queue: readonly QueueEntry[];
  refusals: readonly Refusal[];
  notCandidates: readonly string[];
}

export type InvariantName = 'capacity' | 'oneReferral' | 'noEnvy' | 'noWaste' | 'quota' | 'nothingLost';

export interface InvariantResult {
  /** allocation.md's number of the invariant. */
  invariant: 1 | 3 | 4 | 5 | 6;
  held: boolean;
  /** How many things were checked (groups, applications, pairs, seats, referrals). */
  checked: number;
  /** The first violation found: what, in words, with the ids involved. */
  counterexample: { message: string; ids: string[] } | null;
}

export type DistrictAudit = { district: string } & Record<InvariantName, InvariantResult>;

export const INVARIANTS: readonly InvariantName[] = ['capacity', 'oneReferral', 'noEnvy', 'noWaste', 'quota', 'nothingLost'];

const NUMBER: Record<InvariantName, InvariantResult['invariant']> = { capacity: 1, oneReferral: 1, noEnvy: 3, noWaste: 4, quota: 5, nothingLost: 6 };

interface Group {
  kindergarten: string;
  group: string;
  birthYear: number;
  language: string;
  groupType: string;
  seats: number;
}

interface Candidate {
  app: Application;
  category: Category;
  birthYear: number;
}

const bytes = (s: string) => Buffer.from(s, 'utf8');
/** Registration instant, then id in byte order (allocation.md step 4), written here on its own. */
const before = (a: Application, b: Application): number => (a.registeredAtUs !== b.registeredAtUs ? a.registeredAtUs - b.registeredAtUs : Buffer.compare(bytes(a.id), bytes(b.id)));

export function auditDistrict(input: AuditInput, out: AuditOutcome): DistrictAudit {
  const result = (name: InvariantName, checked: number, counterexample: InvariantResult['counterexample']): InvariantResult => ({
    invariant: NUMBER[name],
    held: counterexample === null,
    checked,
    counterexample,
  });

  // The groups as read; several rows of one group add up.
  const groups = new Map<string, Group>();
  for (const p of input.places) {
    if (p.seats <= 0) continue;
    const key = `${p.kindergarten}\u0000${p.group}`;
    const g = groups.get(key);
    if (g) g.seats += p.seats;
    else groups.set(key, { kindergarten: p.kindergarten, group: p.group, birthYear: p.birthYear, language: p.language, groupType: p.groupType, seats: p.seats });
  }
  const groupOf = (r: ReferralDraft) => groups.get(`${r.kindergarten}\u0000${r.group}`);

  // Candidates at the date (allocation.md step 3), by the audit's own reading of the inputs.
  const candidates = new Map<string, Candidate>();
  input.applications.forEach((app, i) => {
    const e = input.evaluations[i]!;
    if (app.status !== 'queued' || !e.eligible || app.desiredFrom > input.date) return;
    if (app.stopListUntil !== null && app.stopListUntil >= input.date) return;
    candidates.set(app.id, { app, category: e.category, birthYear: Number(app.birthDate.slice(0, 4)) });
  });
  const referralOf = new Map(out.referrals.map((r) => [r.application, r]));

  // 1a. No group over its seats.
  const taken = new Map<string, number>();
  let capacity: InvariantResult['counterexample'] = null;
  for (const r of out.referrals) {
    const g = groupOf(r);
    const key = `${r.kindergarten}\u0000${r.group}`;
    const n = (taken.get(key) ?? 0) + 1;
    taken.set(key, n);
    if (!capacity && (!g || n > g.seats))
      capacity = { message: g ? `group ${r.group} of ${r.kindergarten} had ${g.seats} free seats and got ${n} referrals` : `referral of ${r.application} to ${r.kindergarten}/${r.group}, a group with no free seat read`, ids: [r.application] };
  }

  // 1b. No application with two referrals.
  const seen = new Set<string>();
  let twice: InvariantResult['counterexample'] = null;
  for (const r of out.referrals) {
    if (seen.has(r.application) && !twice) twice = { message: `application ${r.application} got two referrals`, ids: [r.application] };
    seen.add(r.application);
  }

  // 3. No justified envy within a category: A served before B (same cohort, same category) never
  // sees B placed at a kindergarten A ranked above what A got (or at all, if A got nothing), in a
  // group that fitted A. Swept from the last served to the first, keeping where the later ones were
  // placed by (language, group type): a few look-ups per candidate, not one per pair.
  let envyChecked = 0;
  let envy: InvariantResult['counterexample'] = null;
  const streams = new Map<string, Candidate[]>();
  for (const c of candidates.values()) {
    const key = `${c.birthYear}\u0000${c.category}`;
    const s = streams.get(key);
    if (s) s.push(c);
    else streams.set(key, [c]);
  }
  for (const stream of streams.values()) {
    if (envy) break;
    stream.sort((a, b) => before(a.app, b.app));
    /** (language, group type) → kindergarten → a later candidate placed there, in a group of that kind. */
    const later = new Map<string, Map<string, ReferralDraft>>();
    for (let i = stream.length - 1; i >= 0 && !envy; i--) {
      const a = stream[i]!;
      const kind = `${a.app.language}\u0000${a.app.groupType}`;
      const there = later.get(kind);
      const got = referralOf.get(a.app.id);
      envyChecked++;
      if (there?.size) {
        // What A ranked above what A got: the preferences before its own, or all of them (and any
        // kindergarten, if A accepts any) when A got nothing.
        const own = got ? (got.preferenceRank === 0 ? a.app.preferences.length : got.preferenceRank - 1) : a.app.preferences.length;
        let envied: ReferralDraft | undefined;
        for (let k = 0; k < own && !envied; k++) envied = there.get(a.app.preferences[k]!);
        if (!envied && !got && a.app.acceptAnyInDistrict) envied = there.values().next().value;
        if (envied)
          envy = {
            message: `${a.app.id} was served before ${envied.application} (both ${a.category}) and would take ${envied.kindergarten}, where ${envied.application} got group ${envied.group}, which fitted ${a.app.id}`,
            ids: [a.app.id, envied.application],
          };
      }
      if (got) {
        const g = groupOf(got);
        if (g) {
          const key = `${g.language}\u0000${g.groupType}`;
          let m = later.get(key);
          if (!m) later.set(key, (m = new Map()));
          if (!m.has(got.kindergarten)) m.set(got.kindergarten, got);
        }
      }
    }
  }

  // 4. No waste: no seat left free while a candidate without a referral accepts it (it fits, and
  // it is among their preferences, or they accept any). Unplaced candidates indexed by what fits them.
  const unplaced = new Map<string, { anyOf: string | null; byKindergarten: Map<string, string> }>();
  for (const c of candidates.values()) {
    if (referralOf.has(c.app.id)) continue;
    const key = `${c.birthYear}\u0000${c.app.language}\u0000${c.app.groupType}`;
    let u = unplaced.get(key);
    if (!u) unplaced.set(key, (u = { anyOf: null, byKindergarten: new Map() }));
    if (c.app.acceptAnyInDistrict && u.anyOf === null) u.anyOf = c.app.id;
    for (const k of c.app.preferences) if (!u.byKindergarten.has(k)) u.byKindergarten.set(k, c.app.id);
  }
  let waste: InvariantResult['counterexample'] = null;
  let leftSeats = 0;
  for (const [key, g] of groups) {
    const left = g.seats - (taken.get(key) ?? 0);
    if (left <= 0) continue;
    leftSeats += left;
    if (waste) continue;
    const u = unplaced.get(`${g.birthYear}\u0000${g.language}\u0000${g.groupType}`);
    const who = u ? (u.byKindergarten.get(g.kindergarten) ?? u.anyOf) : null;
    if (who) waste = { message: `group ${g.group} of ${g.kindergarten} kept ${left} free seat(s) that fitted ${who}, who was left without a referral`, ids: [who] };
  }

  // 5. The quota: per cohort, extraordinary referrals first; after that, a referral out of its
  // stream's turn is allowed only when the other stream had no one left, so no referral of the
  // other stream may follow it in the cohort.
  const [qp, qg] = input.quota;
  let quota: InvariantResult['counterexample'] = null;
  const byCohort = new Map<number, ReferralDraft[]>();
  for (const r of out.referrals) {
    const list = byCohort.get(r.birthYear);
    if (list) list.push(r);
    else byCohort.set(r.birthYear, [r]);
  }
  for (const [year, list] of byCohort) {
    if (quota) break;
    let p = 0;
    let g = 0;
    let after = false;
    const last: Record<Category, number> = { extraordinary: -1, primary: -1, general: -1 };
    list.forEach((r, i) => (last[r.category] = i));
    for (let i = 0; i < list.length && !quota; i++) {
      const r = list[i]!;
      if (r.category === 'extraordinary') {
        if (after) quota = { message: `cohort ${year}: extraordinary referral of ${r.application} after a primary or general one`, ids: [r.application] };
        continue;
      }
      after = true;
      const primaryTurn = p * qg <= g * qp;
      if ((r.category === 'primary') !== primaryTurn) {
        const other: Category = r.category === 'primary' ? 'general' : 'primary';
        const later = last[other] > i ? list[last[other]]! : undefined;
        if (later)
          quota = {
            message: `cohort ${year}: ${r.application} (${r.category}) was referred on ${other}'s turn (${p}:${g} issued, quota ${qp}:${qg}) while ${later.application} (${other}) was referred later`,
            ids: [r.application, later.application],
          };
      }
      if (r.category === 'primary') p++;
      else g++;
    }
  }

  // 6. Nothing lost: every queued application ends in exactly one of referred, numbered, not a candidate, refused.
  let lost: InvariantResult['counterexample'] = null;
  const ends = new Map<string, string[]>();
  const mark = (id: string, where: string) => ends.set(id, [...(ends.get(id) ?? []), where]);
  for (const r of out.referrals) mark(r.application, 'referred');
  for (const q of out.queue) mark(q.application, 'numbered');
  for (const id of out.notCandidates) mark(id, 'not a candidate');
  for (const r of out.refusals) mark(r.application, 'refused');
  let queued = 0;
  for (const app of input.applications) {
    if (app.status !== 'queued') continue;
    queued++;
    const where = ends.get(app.id) ?? [];
    if (where.length !== 1 && !lost) lost = { message: where.length ? `${app.id} ended the night ${where.join(' and ')}` : `${app.id} was queued and is in no outcome`, ids: [app.id] };
    ends.delete(app.id);
  }
  if (!lost && ends.size) {
    const [id] = ends.keys();
    lost = { message: `${id!} is in the outcome but was not a queued application of the district`, ids: [id!] };
  }

  return {
    district: input.district,
    capacity: result('capacity', groups.size, capacity),
    oneReferral: result('oneReferral', out.referrals.length, twice),
    noEnvy: result('noEnvy', envyChecked, envy),
    noWaste: result('noWaste', leftSeats, waste),
    quota: result('quota', out.referrals.length, quota),
    nothingLost: result('nothingLost', queued, lost),
  };
}

/** The first invariant a district's audit found violated, or null. */
export function firstViolation(a: DistrictAudit): { name: InvariantName; result: InvariantResult } | null {
  for (const name of INVARIANTS) if (!a[name].held) return { name, result: a[name] };
  return null;
}
